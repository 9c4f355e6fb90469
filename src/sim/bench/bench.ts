/**
 * `npm run bench`: speed of complete random games through the pure engine and through
 * boardgame.io's reducer, then the bots' speed (bench/bots.ts) beside boardgame.io's
 * MCTSBot, measured in one run (NODE_ENV=production, bundled: see package.json).
 *
 * Each path runs in its own worker thread, so their code is compiled apart (boardgame.io runs
 * the engine's functions on immer drafts, which would otherwise slow the engine's own path),
 * and the two take turns in half-second slices, so a busy machine slows both alike.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Command, InvalidArgumentError } from 'commander';
import { measureBots } from './bots.js';
import { defaultRules } from '../../engine/rules/default-rules.js';
import { playGameThroughBgio } from '../run/bgio-play.js';
import { playRandomWalk } from '../run/play.js';
import { gameSeed } from '../../engine/seeds.js';

type Path = 'engine' | 'boardgameio';

interface Measure {
  games: number;
  seconds: number;
  gamesPerSecond: number;
}

/** Worker side: warm up, then play games for each slice asked (at least one game a slice). */
function serveSlices(path: Path): void {
  const rules = defaultRules();
  const play = (seed: string) => (path === 'engine' ? playRandomWalk(rules, seed) : playGameThroughBgio(rules, seed));
  const warm = path === 'engine' ? 300 : 10;
  for (let i = 0; i < warm; i++) play(gameSeed('warm', i));
  let next = 0;
  parentPort?.on('message', (sliceMs: number) => {
    const t = performance.now();
    let games = 0;
    do {
      play(gameSeed('bench', next++));
      games++;
    } while (performance.now() - t < sliceMs);
    parentPort?.postMessage({ games, ms: performance.now() - t });
  });
  parentPort?.postMessage('ready');
}

function startPath(path: Path): Promise<{ slice: (ms: number) => Promise<{ games: number; ms: number }>; stop: () => Promise<number> }> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { path }, execArgv: process.execArgv });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () =>
      resolve({
        slice: (ms) =>
          new Promise((done) => {
            worker.once('message', done);
            worker.postMessage(ms);
          }),
        stop: () => worker.terminate(),
      }),
    );
  });
}

function measure(games: number, ms: number): Measure {
  return { games, seconds: Math.round(ms) / 1000, gamesPerSecond: Math.round((games / (ms / 1000)) * 10) / 10 };
}

async function run(opts: { format: 'json' | 'table'; seconds: number; bots: boolean }): Promise<void> {
  const [engineWorker, bgioWorker] = await Promise.all([startPath('engine'), startPath('boardgameio')]);
  const slices = Math.max(4, Math.round(opts.seconds * 2));
  const totals = { engine: { games: 0, ms: 0 }, boardgameio: { games: 0, ms: 0 } };
  const ratios: number[] = [];
  for (let s = 0; s < slices; s++) {
    const a = await engineWorker.slice(500);
    const b = await bgioWorker.slice(500);
    totals.engine.games += a.games;
    totals.engine.ms += a.ms;
    totals.boardgameio.games += b.games;
    totals.boardgameio.ms += b.ms;
    ratios.push(a.games / a.ms / (b.games / b.ms));
  }
  await Promise.all([engineWorker.stop(), bgioWorker.stop()]);
  ratios.sort((x, y) => x - y);
  const engine = measure(totals.engine.games, totals.engine.ms);
  const boardgameio = measure(totals.boardgameio.games, totals.boardgameio.ms);
  const bots = opts.bots ? measureBots(defaultRules()) : undefined;
  const result = {
    nodeEnv: process.env.NODE_ENV ?? null,
    engine,
    boardgameio,
    ratio: Math.round((engine.gamesPerSecond / boardgameio.gamesPerSecond) * 10) / 10,
    medianSliceRatio: Math.round((ratios[Math.floor(ratios.length / 2)] ?? 0) * 10) / 10,
    ...(bots ? { bots } : {}),
  };
  if (opts.format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  else {
    process.stdout.write(
      `engine       ${engine.gamesPerSecond} games/s (${engine.games} games)\nboardgame.io ${boardgameio.gamesPerSecond} games/s (${boardgameio.games} games)\nratio        ${result.ratio}x (median of slices ${result.medianSliceRatio}x)\n`,
    );
    if (bots)
      process.stdout.write(
        `bots (${bots.positions} positions)\n  medium       ${bots.medium.usPerDecision} µs a decision (policy, ${bots.medium.candidatesPerDecision} candidates), ${bots.medium.enginePerDecision}× the engine's ${bots.medium.engineUsPerAction} µs an action; ${bots.medium.msPerMove} ms with its explanation\n  hard         ${bots.hard.msPerMove} ms a decision, ${bots.hard.iterations} ${bots.hard.search}: ${bots.hard.iterationsPerSecond} iterations/s, ${bots.hard.movesPerSecond} simulated moves/s (${bots.hard.movesPerIteration} an iteration)\n  expert       ${bots.expert.msPerDecision} ms a decision, ${bots.expert.iterations} rollouts over ${bots.expert.rootWidth} candidates to the ${bots.expert.horizon} horizon (${bots.expert.iterationsPerSecond} rollouts/s)\n  hard (tree)  ${bots.hardTree.iterationsPerSecond} iterations/s (${bots.hardTree.msPerMove} ms for ${bots.hardTree.iterations})\n  boardgame.io MCTSBot ${bots.boardgameioMcts.iterationsPerSecond} iterations/s (playout depth ${bots.boardgameioMcts.playoutDepth})\n  ratio        ${bots.ratio}x (tree: ${bots.treeRatio}x)\n`,
      );
    process.stdout.write(`NODE_ENV=${result.nodeEnv}\n`);
  }
}

if (!isMainThread) {
  serveSlices((workerData as { path: Path }).path);
} else {
  const program = new Command()
    .name('bench')
    .option(
      '--format <format>',
      'json or table',
      (v: string) => {
        if (v !== 'json' && v !== 'table') throw new InvalidArgumentError('expected json or table');
        return v;
      },
      'table',
    )
    .option('--seconds <s>', 'seconds per path (measured in alternating half-second slices)', (v: string) => Number(v), 5)
    .option('--no-bots', 'skip the bots (medium, hard, and boardgame.io MCTSBot on the same positions)')
    .action(run);
  program.parseAsync().catch((error: Error) => {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(1);
  });
}
