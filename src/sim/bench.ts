/**
 * `npm run bench`: speed of complete random games through the pure engine and through
 * boardgame.io's reducer, measured in one run. Run with NODE_ENV=production.
 */
import { Command, InvalidArgumentError } from 'commander';
import { defaultRules } from '../engine/rules/default-rules.js';
import { playGame } from './play.js';
import { playGameThroughBgio } from './bgio-play.js';
import { gameSeed } from './seeds.js';

function gamesPerSecond(run: (i: number) => void, minMs: number, minGames: number): { games: number; seconds: number; gamesPerSecond: number } {
  let games = 0;
  const start = performance.now();
  while (games < minGames || performance.now() - start < minMs) run(games++);
  const seconds = (performance.now() - start) / 1000;
  return { games, seconds: Math.round(seconds * 1000) / 1000, gamesPerSecond: Math.round((games / seconds) * 10) / 10 };
}

const program = new Command()
  .name('bench')
  .option('--format <format>', 'json or table', (v: string) => {
    if (v !== 'json' && v !== 'table') throw new InvalidArgumentError('expected json or table');
    return v;
  }, 'table')
  .option('--seconds <s>', 'minimum seconds per measure', (v: string) => Number(v), 3)
  .action((opts: { format: 'json' | 'table'; seconds: number }) => {
    const rules = defaultRules();
    const ms = opts.seconds * 1000;
    // Warm up both paths so the JIT has compiled them.
    for (let i = 0; i < 200; i++) playGame(rules, gameSeed('warm', i), { us: 'random', china: 'random', eu: 'random' });
    for (let i = 0; i < 5; i++) playGameThroughBgio(rules, gameSeed('warm', i));
    const engine = gamesPerSecond((i) => playGame(rules, gameSeed('bench', i), { us: 'random', china: 'random', eu: 'random' }), ms, 500);
    const bgio = gamesPerSecond((i) => playGameThroughBgio(rules, gameSeed('bench', i)), ms, 10);
    const result = {
      nodeEnv: process.env.NODE_ENV ?? null,
      engine,
      boardgameio: bgio,
      ratio: Math.round((engine.gamesPerSecond / bgio.gamesPerSecond) * 10) / 10,
    };
    if (opts.format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    else
      process.stdout.write(
        `engine       ${engine.gamesPerSecond} games/s (${engine.games} games)\nboardgame.io ${bgio.gamesPerSecond} games/s (${bgio.games} games)\nratio        ${result.ratio}x\nNODE_ENV=${result.nodeEnv}\n`,
      );
  });

program.parse();
