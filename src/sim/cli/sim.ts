/**
 * `npm run sim`: the designers' workbench. Plays seeded bot games on worker threads and
 * summarises them (JSON or a table); optionally writes summary.json and report.html, saves
 * every game as a match file, or compares the same seeds under a rules variant.
 */
import { oneLineErrors, parseSeedArgument } from './output.js';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Rules } from '../../engine/index.js';
import { defaultRules } from '../../engine/rules/default-rules.js';
import { serializeMatch } from '../../match/index.js';
import { ALL_BOT_LEVELS, isBotLevel } from '../../bots/index.js';
import type { BotLevel } from '../run/play.js';
import { compareSummaries } from '../stats/compare.js';
import { ensureDir, writeFileAtomic } from './files.js';
import { comparisonTable, summaryTable } from '../report/format.js';
import type { GameRecord, RunPlan } from '../run/game-record.js';
import { ProgressBar } from './progress.js';
import { renderReport, type ReportInput } from '../report/report.js';
import { runGames } from '../run/runner.js';
import { summarise, type SimSummary } from '../stats/summary.js';
import { loadVariantFile } from './variant.js';

function parseCount(what: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > max) throw new InvalidArgumentError(`expected a whole number of ${what} from 1 to ${max}`);
    return n;
  };
}

function parseBots(value: string): [BotLevel, BotLevel, BotLevel] {
  const parts = value.split(',').map((s) => s.trim());
  for (const p of parts) if (!isBotLevel(p)) throw new InvalidArgumentError(`unknown bot level "${p}" (known: ${ALL_BOT_LEVELS.join(', ')})`);
  if (parts.length !== 3) throw new InvalidArgumentError('expected three bot levels, for us,china,eu (e.g. random,random,random)');
  return parts as [BotLevel, BotLevel, BotLevel];
}

interface CliOptions {
  games: number;
  seed: string;
  bots: [BotLevel, BotLevel, BotLevel];
  rotate: boolean;
  workers: number;
  rules?: string;
  compare?: string;
  saveMatches?: string;
  out?: string;
  format: 'json' | 'table';
  /** undefined: a bar only on a terminal; true: always; false: never. */
  progress?: boolean;
}

/** A one-line failure: printed as `sim: ...`, exit code 1. */
class CliError extends Error {}

function loadRules(path: string | undefined): { rules: Rules; label: string | null } {
  if (!path) return { rules: defaultRules(), label: null };
  const loaded = loadVariantFile(path);
  if (!loaded.ok) throw new CliError(loaded.error);
  return { rules: loaded.value, label: path };
}

async function runOne(rules: Rules, plan: RunPlan, opts: CliOptions, signal: AbortSignal, matchesDir: string | null, progressLabel: string) {
  const bar = opts.progress === false ? null : new ProgressBar(opts.games, process.stderr, progressLabel, opts.progress === true);
  const result = await runGames(rules, plan, {
    games: opts.games,
    workers: opts.workers,
    signal,
    onProgress: (done) => bar?.update(done),
    onMatch: matchesDir ? (i, match) => writeFileAtomic(join(matchesDir, `${plan.seed}-${String(i).padStart(6, '0')}.json`), serializeMatch(match)) : undefined,
  });
  bar?.clear();
  return result;
}

function summaryOf(records: GameRecord[], rules: Rules, label: string | null, plan: RunPlan, requested: number): SimSummary {
  return summarise(records, plan, { rulesHash: rules.hash, variant: label, requestedGames: requested, lastRound: rules.game.rounds.count });
}

async function main(opts: CliOptions): Promise<number> {
  const base = loadRules(opts.rules);
  const variant = opts.compare ? loadRules(opts.compare) : null;
  if (opts.out) ensureDir(opts.out);
  const matchDirs = opts.saveMatches ? (variant ? [join(opts.saveMatches, 'base'), join(opts.saveMatches, 'variant')] : [opts.saveMatches]) : [];
  for (const dir of matchDirs) ensureDir(dir);
  const plan: RunPlan = { seed: opts.seed, bots: opts.bots, rotate: opts.rotate, saveMatches: matchDirs.length > 0 };

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nsim: interrupted; summarising the finished games (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const a = await runOne(base.rules, plan, opts, controller.signal, matchDirs[0] ?? null, variant ? 'base games' : 'games');
    let output: unknown;
    let table: string;
    let report: ReportInput;
    let interrupted = a.interrupted;
    if (variant) {
      const b = a.interrupted
        ? { records: [], interrupted: true }
        : await runOne(variant.rules, plan, opts, controller.signal, matchDirs[1] ?? null, 'variant games');
      interrupted ||= b.interrupted;
      const m = Math.min(a.records.length, b.records.length);
      const comparison = compareSummaries(
        summaryOf(a.records.slice(0, m), base.rules, base.label, plan, opts.games),
        summaryOf(b.records.slice(0, m), variant.rules, variant.label, plan, opts.games),
      );
      output = comparison;
      table = comparisonTable(comparison);
      report = {
        title: `Gigawatt: ${variant.label} against ${base.label ?? 'the shipped rules'}`,
        runs: [
          { label: 'base', summary: comparison.base },
          { label: 'variant', summary: comparison.variant },
        ],
        differences: comparison.differences,
      };
    } else {
      const summary = summaryOf(a.records, base.rules, base.label, plan, opts.games);
      output = summary;
      table = summaryTable(summary);
      report = { title: `Gigawatt simulation: ${summary.games} games, seed ${summary.seed}`, runs: [{ label: 'run', summary }] };
    }
    const json = JSON.stringify(output, null, 2) + '\n';
    if (opts.out) {
      writeFileAtomic(join(opts.out, 'summary.json'), json);
      writeFileAtomic(join(opts.out, 'report.html'), renderReport(report));
    }
    process.stdout.write(opts.format === 'json' ? json : table + '\n');
    return interrupted ? 130 : 0;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

const program = new Command()
  .name('sim')
  .description('Play seeded Gigawatt games between bots and summarise them.')
  .option('--games <n>', 'number of games', parseCount('games', 10_000_000), 100)
  .option('--seed <seed>', 'run seed (a number or a word); game i uses <seed>#i', parseSeedArgument, '1')
  .option('--bots <levels>', `bot levels for us,china,eu (known: ${ALL_BOT_LEVELS.join(', ')})`, parseBots, ['random', 'random', 'random'] as [
    BotLevel,
    BotLevel,
    BotLevel,
  ])
  .option('--rotate', 'game i seats the bots rotated by i mod 3 (each bot plays each faction)', false)
  .option('--workers <k>', 'worker threads (default: the number of cores)', parseCount('workers', 256), availableParallelism())
  .option('--rules <file>', 'a rules variant (JSON overriding part of rules/) to play under')
  .option('--compare <file>', 'also play the same seeds under this variant and report the differences')
  .option('--save-matches <dir>', 'write every game as a match file in this folder')
  .option('--out <dir>', 'write summary.json and report.html in this folder')
  .addOption(new Option('--format <format>', 'what to print').choices(['json', 'table']).default('table'))
  .option('--progress', 'draw the progress bar even when standard error is not a terminal')
  .option('--no-progress', 'no progress bar on standard error')
  .showHelpAfterError(false)
  .configureOutput(oneLineErrors('sim'))
  .action(async (opts: CliOptions) => {
    process.exitCode = await main(opts);
  });

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`sim: ${(error as Error).message.split('\n')[0]}\n`);
  process.exit(1);
});
