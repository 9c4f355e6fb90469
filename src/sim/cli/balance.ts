/**
 * `npm run balance`: checks every balance target (v1 and v2, docs/design-v2.md) in one command,
 * for the shipped rules or a variant. Plays the runs of `balancePlan` (equal bots at each level, each
 * single-minded strategy against two medium bots) on worker threads and prints one line per
 * target, ✓ or ✗, with the figure, its 95% interval and the `npm run sim` command behind it
 * (and, on a terminal, a progress bar for the run in progress). Ctrl-C stops the run in progress
 * and reports the runs finished.
 */
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Rules } from '../../engine/index.js';
import { defaultRules } from '../../engine/rules/default-rules.js';
import {
  balanceChecks,
  balancePlan,
  balanceTable,
  commandOf,
  deadRuleCheck,
  LEVER_RUNS,
  leverCheck,
  powerBlockedCheck,
  v2Checks,
  type BalanceCheck,
  type BalanceRun,
} from '../stats/balance.js';
import type { SimSummary } from '../stats/summary.js';
import { SINGLE_MINDED_TYPES } from '../../bots/index.js';
import { oneLineErrors, parseSeedArgument } from './output.js';
import { ProgressBar } from './progress.js';
import { runGames } from '../run/runner.js';
import { summarise } from '../stats/summary.js';
import { loadVariantFile } from './variant.js';

interface BalanceCliOptions {
  rules?: string;
  mediumGames: number;
  randomGames: number;
  hardGames: number;
  singleGames: number;
  leverGames: number;
  single?: string[];
  seed: string;
  singleSeed: string;
  workers: number;
  format: 'json' | 'table';
}

function parseGames(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 1_000_000) throw new InvalidArgumentError('expected a whole number of games from 0 (skip) to 1000000');
  return n;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number of workers from 1 to 64');
  return n;
}

function parseTypes(value: string): string[] {
  const types = value.split(',').map((s) => s.trim());
  for (const t of types)
    if (!(SINGLE_MINDED_TYPES as readonly string[]).includes(t))
      throw new InvalidArgumentError(`unknown action type "${t}" (single-minded strategies: ${SINGLE_MINDED_TYPES.join(', ')})`);
  return types;
}

function fail(message: string): never {
  process.stderr.write(`balance: ${message}\n`);
  process.exit(1);
}

async function main(opts: BalanceCliOptions): Promise<number> {
  let rules: Rules = defaultRules();
  if (opts.rules) {
    const loaded = loadVariantFile(opts.rules);
    if (!loaded.ok) fail(loaded.error);
    rules = loaded.value;
  }
  const runs = balancePlan({
    mediumGames: opts.mediumGames,
    randomGames: opts.randomGames,
    hardGames: opts.hardGames,
    singleGames: opts.singleGames,
    ...(opts.single ? { singleTypes: opts.single } : {}),
    seed: opts.seed,
    singleSeed: opts.singleSeed,
  });
  if (runs.length === 0) fail('every run is skipped (all game counts are 0): nothing to check');
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nbalance: interrupted; reporting the runs finished (Ctrl-C again to quit at once)\n');
    controller.abort();
  });
  const checks: BalanceCheck[] = [];
  const label = opts.rules ?? null;
  let interrupted = false;
  const leverRun: BalanceRun = {
    label: 'medium ×3',
    kind: 'equal',
    seed: opts.seed,
    bots: ['medium', 'medium', 'medium'],
    rotate: false,
    games: opts.leverGames,
  };
  const levers = opts.leverGames > 0 && !opts.rules ? LEVER_RUNS : [];
  const steps = runs.length + (levers.length > 0 ? new Set(levers.flatMap((l) => [l.from, l.to])).size : 0);
  let step = 0;
  /** Plays one run under `runRules` and summarises it (null when interrupted). */
  const play = async (run: BalanceRun, runRules: Rules, variant: string | null): Promise<SimSummary | null> => {
    process.stderr.write(`[${++step}/${steps}] ${run.label}${variant ? ` (${variant})` : ''}: ${commandOf(run, variant)}\n`);
    const plan = { seed: run.seed, bots: run.bots, rotate: run.rotate, saveMatches: false };
    const bar = new ProgressBar(run.games, process.stderr);
    const result = await runGames(runRules, plan, {
      games: run.games,
      workers: opts.workers,
      signal: controller.signal,
      onProgress: (done) => bar.update(done),
    });
    bar.clear();
    if (result.interrupted) return null;
    return summarise(result.records, plan, { rulesHash: runRules.hash, variant, requestedGames: run.games, lastRound: runRules.game.rounds.count });
  };
  const played: { run: BalanceRun; summary: SimSummary }[] = [];
  for (const run of runs) {
    const summary = await play(run, rules, label);
    if (!summary) {
      interrupted = true;
      break;
    }
    played.push({ run, summary });
    checks.push(...balanceChecks(run, summary), ...v2Checks(run, summary));
  }
  if (!interrupted) {
    const dead = deadRuleCheck(played);
    if (dead) checks.push(dead);
    const medium = played.find((p) => p.run.kind === 'equal' && p.run.bots[0] === 'medium');
    if (medium) checks.push(powerBlockedCheck(medium.run, medium.summary));
  }
  // The levers: the same seeds and medium bots under one change at a time (shipped rules only).
  const byVariant = new Map<string | null, SimSummary>();
  for (const lever of interrupted ? [] : levers) {
    for (const variant of [lever.from, lever.to]) {
      if (byVariant.has(variant)) continue;
      const loaded = variant ? loadVariantFile(variant) : { ok: true as const, value: rules };
      if (!loaded.ok) fail(loaded.error);
      const summary = await play(leverRun, loaded.value, variant);
      if (!summary) break;
      byVariant.set(variant, summary);
    }
    const a = byVariant.get(lever.from);
    const b = byVariant.get(lever.to);
    if (!a || !b) {
      interrupted = true;
      break;
    }
    checks.push(leverCheck(lever, a, b, leverRun));
  }
  const header = `balance targets of GAME-DESIGN.md, ${label ? `variant ${label}` : 'shipped rules'} (rules hash ${rules.hash})${interrupted ? ', interrupted' : ''}`;
  if (opts.format === 'json') {
    const out = { rulesHash: rules.hash, variant: label, interrupted, pass: !interrupted && checks.every((c) => c.pass), checks };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  } else {
    process.stdout.write(balanceTable(checks, header) + '\n');
  }
  return interrupted ? 130 : 0;
}

new Command()
  .name('balance')
  .description('Check every balance target of GAME-DESIGN.md with seeded bot games (for the shipped rules or a variant).')
  .option('--rules <file>', 'a rules variant to check instead of the shipped rules')
  .option('--medium-games <n>', 'games of three medium bots (faction shares, seat effect, catastrophes, last round)', parseGames, 9000)
  .option('--random-games <n>', 'games of three random bots', parseGames, 20000)
  .option('--hard-games <n>', 'games of three hard bots (slow: about 9 s a game on one core; 0 skips them)', parseGames, 0)
  .option('--single-games <n>', 'games for each single-minded strategy against two medium bots', parseGames, 600)
  .option('--lever-games <n>', 'games of three medium bots for each side of each lever counterfactual (v2 targets; shipped rules only)', parseGames, 600)
  .option('--single <types>', `the single-minded strategies to check, comma-separated (default: ${SINGLE_MINDED_TYPES.join(',')})`, parseTypes)
  .option('--seed <seed>', 'seed of the equal-bot runs', parseSeedArgument, 'balance-v2')
  .option('--single-seed <seed>', 'seed of the single-minded runs', parseSeedArgument, 'single-v2')
  .option('--workers <k>', 'worker threads (default: the machine’s cores)', parseWorkers, availableParallelism())
  .addOption(new Option('--format <format>', 'what to print').choices(['json', 'table']).default('table'))
  .showHelpAfterError(false)
  .configureOutput(oneLineErrors('balance'))
  .action(async (opts: BalanceCliOptions) => {
    process.exitCode = await main(opts);
  })
  .parse();
