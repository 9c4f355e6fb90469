/**
 * `npm run bench`: speed of complete random games through the pure engine and through
 * boardgame.io's reducer, measured in one run. Run with NODE_ENV=production.
 */
import { Command, InvalidArgumentError } from 'commander';
import { defaultRules } from '../engine/rules/default-rules.js';
import { playGame } from './play.js';
import { playGameThroughBgio } from './bgio-play.js';
import { gameSeed } from './seeds.js';

interface Measure {
  games: number;
  seconds: number;
  gamesPerSecond: number;
}

function finish(games: number, ms: number): Measure {
  return { games, seconds: Math.round(ms) / 1000, gamesPerSecond: Math.round((games / (ms / 1000)) * 10) / 10 };
}

/**
 * Measures two paths in alternating slices (engine slice, then boardgame.io slice, repeated),
 * so a busy machine slows both alike and their ratio stays meaningful. Returns totals and the
 * median of the per-slice ratios.
 */
function interleaved(slices: number, sliceMs: number, runA: (i: number) => void, runB: (i: number) => void) {
  let gamesA = 0;
  let gamesB = 0;
  let msA = 0;
  let msB = 0;
  const ratios: number[] = [];
  for (let s = 0; s < slices; s++) {
    let t = performance.now();
    let a = 0;
    while (performance.now() - t < sliceMs) runA(gamesA + a++);
    const da = performance.now() - t;
    t = performance.now();
    let b = 0;
    do runB(gamesB + b++);
    while (performance.now() - t < sliceMs);
    const db = performance.now() - t;
    gamesA += a;
    gamesB += b;
    msA += da;
    msB += db;
    ratios.push(a / da / (b / db));
  }
  ratios.sort((x, y) => x - y);
  return { a: finish(gamesA, msA), b: finish(gamesB, msB), medianSliceRatio: Math.round((ratios[Math.floor(ratios.length / 2)] ?? 0) * 10) / 10 };
}

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
  .action((opts: { format: 'json' | 'table'; seconds: number }) => {
    const rules = defaultRules();
    // Warm up both paths so the JIT has compiled them.
    for (let i = 0; i < 200; i++) playGame(rules, gameSeed('warm', i), { us: 'random', china: 'random', eu: 'random' });
    for (let i = 0; i < 5; i++) playGameThroughBgio(rules, gameSeed('warm', i));
    const slices = Math.max(4, Math.round(opts.seconds * 2));
    const m = interleaved(
      slices,
      500,
      (i) => playGame(rules, gameSeed('bench', i), { us: 'random', china: 'random', eu: 'random' }),
      (i) => playGameThroughBgio(rules, gameSeed('bench', i)),
    );
    const engine = m.a;
    const bgio = m.b;
    const result = {
      nodeEnv: process.env.NODE_ENV ?? null,
      engine,
      boardgameio: bgio,
      ratio: Math.round((engine.gamesPerSecond / bgio.gamesPerSecond) * 10) / 10,
      medianSliceRatio: m.medianSliceRatio,
    };
    if (opts.format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else
      process.stdout.write(
        `engine       ${engine.gamesPerSecond} games/s (${engine.games} games)\nboardgame.io ${bgio.gamesPerSecond} games/s (${bgio.games} games)\nratio        ${result.ratio}x\nNODE_ENV=${result.nodeEnv}\n`,
      );
  });

program.parse();
