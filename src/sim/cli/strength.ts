/**
 * `npm run bench:strength`: one hard (or expert) bot against two of boardgame.io's MCTSBots given
 * the same wall-clock time a decision, rotated over the factions; prints the tested seat's win
 * rate with its 95% Wilson interval and both sides' time a decision (bench/strength.ts). Bundled
 * and run with NODE_ENV=production, like `npm run bench`.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultRules } from '../../engine/rules/default-rules.js';
import { measureStrength, type StrengthOptions, type StrengthResult } from '../bench/strength.js';
import { oneLineErrors, parseSeedArgument } from './output.js';

function wholeNumber(what: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > max) throw new InvalidArgumentError(`expected a whole number of ${what} from 1 to ${max}`);
    return n;
  };
}

interface CliOptions {
  games: number;
  seed: string;
  level: StrengthOptions['level'];
  mctsIterations?: number;
  playoutDepth: number;
  positions: number;
  format: 'json' | 'table';
  progress: boolean;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function table(r: StrengthResult, nodeEnv: string | null): string {
  const c = r.calibration;
  const lines = [
    `${r.level} against two ${r.opponent}s: ${r.games} games, seed ${r.seed}, rotated over the factions`,
    c
      ? `calibration (${c.positions} positions, CPU time): ${r.level} ${c.levelMsPerDecision} ms a decision; MCTSBot ${c.mctsMsPerIteration} ms an iteration → ${c.mctsIterations} iterations, ${c.mctsMsPerDecision} ms a decision`
      : `MCTSBot iterations given: ${r.mctsIterations}`,
    `MCTSBot: ${r.mctsIterations} iterations a decision, playouts of up to ${r.playoutDepth} moves (repeat with --mcts-iterations ${r.mctsIterations})`,
    `time a decision in the games (wall / CPU): ${r.level} ${r.msPerDecision.level} / ${r.cpuMsPerDecision.level} ms (${r.decisions.level} decisions), MCTSBot ${r.msPerDecision.mcts} / ${r.cpuMsPerDecision.mcts} ms (${r.decisions.mcts})`,
    `${r.level} won ${r.wins} of ${r.games} seats: ${pct(r.winRate)} (95% interval ${pct(r.ci95[0])}–${pct(r.ci95[1])}); MCTSBots won ${r.mctsWins}, no winner ${r.noWinner}`,
    `by faction: ${Object.entries(r.bySeat)
      .map(([f, s]) => `${f} ${s.wins}/${s.seats}`)
      .join(', ')}`,
    `${r.seconds} s, NODE_ENV=${nodeEnv}`,
  ];
  return lines.join('\n') + '\n';
}

async function main(opts: CliOptions): Promise<void> {
  const nodeEnv = process.env.NODE_ENV ?? null;
  const result = await measureStrength(defaultRules(), {
    level: opts.level,
    games: opts.games,
    seed: opts.seed,
    ...(opts.mctsIterations !== undefined ? { mctsIterations: opts.mctsIterations } : {}),
    playoutDepth: opts.playoutDepth,
    calibrationPositions: opts.positions,
    ...(opts.progress
      ? { onGame: (done: number, wins: number) => process.stderr.write(`strength: ${done}/${opts.games} games, ${opts.level} won ${wins}\n`) }
      : {}),
  });
  process.stdout.write(opts.format === 'json' ? JSON.stringify({ nodeEnv, ...result }, null, 2) + '\n' : table(result, nodeEnv));
}

const program = new Command()
  .name('bench:strength')
  .description("One hard (or expert) bot against two of boardgame.io's MCTSBots at equal time a decision, rotated over the factions.")
  .option('--games <n>', 'games (game i seats the tested bot at faction i mod 3)', wholeNumber('games', 100_000), 15)
  .option('--seed <seed>', 'run seed (a number or a word); game i uses <seed>#i', parseSeedArgument, 'strength')
  .addOption(new Option('--level <level>', 'the tested level').choices(['hard', 'expert']).default('hard'))
  .option(
    '--mcts-iterations <n>',
    "MCTSBot's iterations a decision (default: calibrated to the tested level's time a decision)",
    wholeNumber('iterations', 1_000_000),
  )
  .option('--playout-depth <n>', "MCTSBot's playout depth in moves (default: to the end of the game)", wholeNumber('moves', 100_000), 2_000)
  .option('--positions <n>', 'benchmark positions the calibration times both bots on', wholeNumber('positions', 200), 12)
  .addOption(new Option('--format <format>', 'what to print').choices(['json', 'table']).default('table'))
  .option('--progress', 'a line on standard error after each game', false)
  .showHelpAfterError(false)
  .configureOutput(oneLineErrors('bench:strength'))
  .action(main);

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`bench:strength: ${(error as Error).message.split('\n')[0]}\n`);
  process.exit(1);
});
