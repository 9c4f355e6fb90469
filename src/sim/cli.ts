/** `npm run sim`: plays N seeded bot games and prints a summary (JSON or a table). */
import { Command, InvalidArgumentError } from 'commander';
import { defaultRules } from '../engine/rules/default-rules.js';
import { isValidSeed } from './seeds.js';
import { BOT_LEVELS, type BotLevel } from './play.js';
import { simulate, type SimSummary } from './simulate.js';

function parseGames(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 10_000_000) throw new InvalidArgumentError('expected a whole number of games from 1');
  return n;
}

function parseSeed(value: string): string {
  if (!isValidSeed(value)) throw new InvalidArgumentError('expected a number or a word (letters, digits, - _ . :), at most 64 characters');
  return value;
}

function parseBots(value: string): [BotLevel, BotLevel, BotLevel] {
  const parts = value.split(',').map((s) => s.trim());
  if (parts.length !== 3) throw new InvalidArgumentError('expected three bot levels, for us,china,eu (e.g. random,random,random)');
  for (const p of parts) if (!(BOT_LEVELS as readonly string[]).includes(p)) throw new InvalidArgumentError(`unknown bot level "${p}" (known: ${BOT_LEVELS.join(', ')})`);
  return parts as [BotLevel, BotLevel, BotLevel];
}

function table(s: SimSummary): string {
  const lines = [
    `games ${s.games}  seed ${s.seed}  rules ${s.rulesHash}`,
    `faction   bot      wins   win rate  avg VP`,
    ...(['us', 'china', 'eu'] as const).map(
      (id) => `${id.padEnd(9)} ${s.bots[id].padEnd(8)} ${String(s.factions[id].wins).padStart(5)}   ${(s.factions[id].winRate * 100).toFixed(1).padStart(6)}%  ${s.factions[id].averageVp.toFixed(1).padStart(6)}`,
    ),
    `no winner ${s.noWinner}  catastrophes ${s.catastrophes}  frontier endings ${s.frontierEndings}  average rounds ${s.averageRounds}`,
    `digest ${s.digest}`,
  ];
  return lines.join('\n');
}

const program = new Command()
  .name('sim')
  .description('Play seeded Gigawatt games between bots and summarise them.')
  .option('--games <n>', 'number of games', parseGames, 100)
  .option('--seed <seed>', 'run seed (a number or a word); game i uses <seed>#i', parseSeed, '1')
  .option('--bots <levels>', 'bot levels for us,china,eu', parseBots, ['random', 'random', 'random'] as [BotLevel, BotLevel, BotLevel])
  .option('--format <format>', 'json or table', (v: string) => {
    if (v !== 'json' && v !== 'table') throw new InvalidArgumentError('expected json or table');
    return v;
  }, 'table')
  .showHelpAfterError(false)
  .configureOutput({ outputError: (str, write) => write(str.split('\n')[0] + '\n') })
  .action((opts: { games: number; seed: string; bots: [BotLevel, BotLevel, BotLevel]; format: 'json' | 'table' }) => {
    const summary = simulate(defaultRules(), { games: opts.games, seed: opts.seed, bots: opts.bots });
    process.stdout.write(opts.format === 'json' ? JSON.stringify(summary, null, 2) + '\n' : table(summary) + '\n');
  });

try {
  program.parse();
} catch (error) {
  process.stderr.write(`sim: ${(error as Error).message}\n`);
  process.exit(1);
}
