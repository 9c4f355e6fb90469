/**
 * `npm run balance`: checks every balance target (v1 and v2, docs/design-targets.md) in one
 * command, for the shipped rules or a variant. Plays the runs of `balancePlan` (equal bots at
 * each level, each single-minded strategy against two medium bots) and the lever
 * counterfactuals on one pool of worker threads, and prints one line per target, ✓ or ✗, with
 * the figure, its 95% interval and the `npm run sim` command behind it (and, on a terminal, a
 * progress bar). No game is played twice: a lever's shipped-rules side is the medium ×3 run's
 * own games (same seeds), and the single-minded and lever checks stop at the first look where
 * their interval is wholly on one side of the target (src/sim/stats/sampling.ts). Ctrl-C stops
 * and reports the checks finished.
 */
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { FactionId, Rules } from '../../engine/index.js';
import { defaultRules } from '../../engine/rules/default-rules.js';
import {
  BALANCE_DEFAULTS,
  balanceChecks,
  balancePlan,
  balanceTable,
  commandOf,
  deadRuleCheck,
  LEVER_RUNS,
  leverCheck,
  leverMoves,
  leverNeed,
  powerBlockedCheck,
  v2Checks,
  type BalanceCheck,
  type BalanceRun,
} from '../stats/balance.js';
import { leverSide, rateLook, sequentialPlan, type SequentialPlan } from '../stats/sampling.js';
import type { SimSummary } from '../stats/summary.js';
import { SINGLE_MINDED_TYPES } from '../../bots/index.js';
import { oneLineErrors, parseSeedArgument } from './output.js';
import { ProgressBar } from './progress.js';
import type { GameRecord, RunPlan } from '../run/game-record.js';
import { GamePool } from '../run/pool.js';
import { chunks } from '../run/runner.js';
import { summarise } from '../stats/summary.js';
import { loadVariantFile } from './variant.js';

interface BalanceCliOptions {
  rules?: string;
  mediumGames: number;
  randomGames: number;
  hardGames: number | true;
  hardOnly?: boolean;
  singleGames: number;
  leverGames: number;
  looks: number;
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

function parseLooks(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 6) throw new InvalidArgumentError('expected a whole number of looks from 1 (a fixed sample) to 6');
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

/** One run's games as they come back from the threads (shared by every check that reads them). */
interface Job {
  rules: Rules;
  variant: string | null;
  run: BalanceRun;
  plan: RunPlan;
  records: (GameRecord | undefined)[];
  /** Games asked of the pool so far, and games finished in an unbroken run from game 0. */
  queued: number;
  prefix: number;
}

/** A check waiting for games: `update` is called after every chunk and returns true once it is done. */
interface Watcher {
  update(): boolean;
}

/** Games of medium (or slower) bots go out in small chunks, so no thread idles long at the end. */
const chunkLimit = (run: BalanceRun) => (run.bots.every((b) => b === 'random') ? 200 : 12);

async function main(opts: BalanceCliOptions): Promise<number> {
  let rules: Rules = defaultRules();
  if (opts.rules) {
    const loaded = loadVariantFile(opts.rules);
    if (!loaded.ok) fail(loaded.error);
    rules = loaded.value;
  }
  // `--hard-games` alone plays the default hard sample; `--hard-only` plays nothing else.
  const hardGames = opts.hardGames === true ? BALANCE_DEFAULTS.hardGames : opts.hardGames || (opts.hardOnly ? BALANCE_DEFAULTS.hardGames : 0);
  if (opts.hardOnly) {
    opts.mediumGames = 0;
    opts.randomGames = 0;
    opts.singleGames = 0;
    opts.leverGames = 0;
  }
  const runs = balancePlan({
    mediumGames: opts.mediumGames,
    randomGames: opts.randomGames,
    hardGames,
    singleGames: opts.singleGames,
    ...(opts.single ? { singleTypes: opts.single } : {}),
    seed: opts.seed,
    singleSeed: opts.singleSeed,
  });
  if (runs.length === 0) fail('every run is skipped (all game counts are 0): nothing to check');
  const label = opts.rules ?? null;
  const leverRun: BalanceRun = {
    label: 'medium ×3',
    kind: 'equal',
    seed: opts.seed,
    bots: ['medium', 'medium', 'medium'],
    rotate: false,
    games: opts.leverGames,
  };
  const levers = opts.leverGames > 0 && !opts.rules ? LEVER_RUNS : [];
  const variants = new Map<string, Rules>();
  for (const lever of levers)
    for (const file of [lever.from, lever.to])
      if (file && !variants.has(file)) {
        const loaded = loadVariantFile(file);
        if (!loaded.ok) fail(loaded.error);
        variants.set(file, loaded.value);
      }

  const controller = new AbortController();
  const pool = new GamePool(opts.workers);
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nbalance: interrupted; reporting the checks finished (Ctrl-C again to quit at once)\n');
    controller.abort();
    pool.cancelQueued();
  });
  const bar = new ProgressBar(0, process.stderr);
  let asked = 0;
  let done = 0;
  const pending = new Set<Promise<void>>();
  const jobs = new Map<string, Job>();
  const watchers: Watcher[] = [];
  // Runs to play: the plan's, and each lever variant (the shipped side is the medium run's job when there is one).
  const jobCount = runs.length + new Set(levers.flatMap((l) => [l.from, l.to]).filter((f) => f !== null || !runs.some((r) => r.label === 'medium ×3'))).size;
  const announce = (job: Job, note: string) =>
    process.stderr.write(`[${jobs.size}/${jobCount}] ${job.run.label}${job.variant ? ` (${job.variant})` : ''}: ${commandOf(job.run, job.variant)}${note}\n`);
  /** The job playing `run` under `runRules` (one per rules, seed and seats: a lever's base side is the medium run itself). */
  const jobFor = (runRules: Rules, variant: string | null, run: BalanceRun, note = ''): Job => {
    const key = `${runRules.hash}|${run.seed}|${run.bots.join(',')}|${run.rotate}`;
    const known = jobs.get(key);
    if (known) {
      if (run.games > known.run.games) known.run = { ...known.run, games: run.games };
      return known;
    }
    const job: Job = {
      rules: runRules,
      variant,
      run,
      plan: { seed: run.seed, bots: run.bots, rotate: run.rotate, saveMatches: false },
      records: [],
      queued: 0,
      prefix: 0,
    };
    jobs.set(key, job);
    announce(job, note);
    return job;
  };
  const evaluate = () => {
    for (let i = watchers.length - 1; i >= 0; i--) if (watchers[i]!.update()) watchers.splice(i, 1);
  };
  /** Asks the pool for `job`'s games up to `games` (sequential checks first: priority 1). */
  const demand = (job: Job, games: number, priority: number) => {
    if (controller.signal.aborted || games <= job.queued) return;
    for (const request of chunks(job.queued, games, opts.workers, chunkLimit(job.run))) {
      const p = pool.play({ rules: job.rules, plan: job.plan, ...request }, priority).then((result) => {
        if (result) {
          for (const [i, record] of result.records.entries()) job.records[result.from + i] = record;
          while (job.records[job.prefix]) job.prefix++;
          done += result.records.length;
          bar.update(done);
        }
        pending.delete(p);
        evaluate();
      });
      pending.add(p);
    }
    asked += games - job.queued;
    job.queued = games;
    bar.setTotal(asked);
  };
  const summaryOf = (job: Job, games: number): SimSummary =>
    summarise(job.records.slice(0, games) as GameRecord[], job.plan, {
      rulesHash: job.rules.hash,
      variant: job.variant,
      requestedGames: games,
      lastRound: job.rules.game.rounds.count,
    });
  const settledNote = (job: Job, games: number, max: number) => {
    if (games < max) process.stderr.write(`      ${job.run.label}${job.variant ? ` (${job.variant})` : ''}: settled after ${games} of ${max} games\n`);
  };

  // Each run's checks, in the plan's order; then dead rules and power; then the levers.
  const runChecks: (BalanceCheck[] | null)[] = runs.map(() => null);
  const played: ({ run: BalanceRun; summary: SimSummary } | null)[] = runs.map(() => null);
  const leverChecks: (BalanceCheck | null)[] = levers.map(() => null);
  const looksOf = (max: number, step: number): SequentialPlan => sequentialPlan(max, opts.looks, step);

  // The equal-bot runs' jobs exist first (a lever's shipped side is the medium run's job), but
  // the sequential checks ask first and with priority, so their looks are decided early and
  // their later looks interleave with the rest.
  const equalJobs = runs.map((run) => (run.kind === 'single' ? null : jobFor(rules, label, run)));
  for (const [i, run] of runs.entries()) {
    if (run.kind !== 'single') continue;
    const seq = looksOf(run.games, 3);
    const job = jobFor(rules, label, run, seq.looks.length > 1 ? ` (stops at the first of ${seq.looks.join(', ')} games where it is settled)` : '');
    let k = 0;
    demand(job, seq.looks[0]!, 1);
    watchers.push({
      update: () => {
        const n = seq.looks[k]!;
        if (job.prefix < n) return false;
        const level = run.bots[0];
        const seats = job.records.slice(0, n) as GameRecord[];
        let wins = 0;
        for (const g of seats) if (g.winner && g.lineup[g.winner] === level) wins++;
        const look = rateLook(wins, n, 0.2, seq, k);
        if (look.settled || k === seq.looks.length - 1) {
          settledNote(job, n, run.games);
          const summary = summaryOf(job, n);
          runChecks[i] = balanceChecks(run, summary, { games: n, maxGames: run.games, z: seq.z[k]! });
          played[i] = { run, summary };
          return true;
        }
        demand(job, seq.looks[++k]!, 1);
        return false;
      },
    });
  }
  for (const [i, lever] of levers.entries()) {
    const seq = looksOf(opts.leverGames, 1);
    const note = seq.looks.length > 1 ? ` (lever ${lever.lever}: stops at the first of ${seq.looks.join(', ')} games a side where it is settled)` : '';
    const base = jobFor(lever.from ? variants.get(lever.from)! : rules, lever.from, leverRun, note);
    const variant = jobFor(variants.get(lever.to)!, lever.to, leverRun, note);
    let k = 0;
    demand(base, seq.looks[0]!, 1);
    demand(variant, seq.looks[0]!, 1);
    watchers.push({
      update: () => {
        const n = seq.looks[k]!;
        if (base.prefix < n || variant.prefix < n) return false;
        const winners = (job: Job) => job.records.slice(0, n).map((g) => g!.winner as FactionId | null);
        const a = winners(base);
        const b = winners(variant);
        const { move } = leverMoves(lever, a, b, seq.z[k]);
        if (leverSide(move.ci, leverNeed(lever)) !== 'across' || k === seq.looks.length - 1) {
          settledNote(variant, n, opts.leverGames);
          leverChecks[i] = leverCheck(lever, a, b, leverRun, { games: n, maxGames: opts.leverGames, z: seq.z[k]! });
          return true;
        }
        k++;
        demand(base, seq.looks[k]!, 1);
        demand(variant, seq.looks[k]!, 1);
        return false;
      },
    });
  }
  for (const [i, run] of runs.entries()) {
    if (run.kind === 'single') continue;
    const job = equalJobs[i]!;
    demand(job, run.games, 0);
    watchers.push({
      update: () => {
        if (job.prefix < run.games) return false;
        const summary = summaryOf(job, run.games);
        runChecks[i] = [...balanceChecks(run, summary), ...v2Checks(run, summary)];
        played[i] = { run, summary };
        return true;
      },
    });
  }
  try {
    while (pending.size > 0) await Promise.all([...pending]);
  } catch (error) {
    await pool.close();
    fail((error as Error).message);
  }
  await pool.close();
  bar.clear();

  const interrupted = runChecks.some((c) => c === null) || leverChecks.some((c) => c === null);
  const checks: BalanceCheck[] = runChecks.flatMap((c) => c ?? []);
  const finished = played.filter((p): p is { run: BalanceRun; summary: SimSummary } => p !== null);
  if (!interrupted) {
    const dead = deadRuleCheck(finished);
    if (dead) checks.push(dead);
    const medium = finished.find((p) => p.run.kind === 'equal' && p.run.bots[0] === 'medium');
    if (medium) checks.push(powerBlockedCheck(medium.run, medium.summary));
  }
  checks.push(...leverChecks.filter((c): c is BalanceCheck => c !== null));
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
  .option(
    '--medium-games <n>',
    'games of three medium bots (faction shares, seat effect, catastrophes, last round, v2 figures, the levers\u2019 shipped side)',
    parseGames,
    BALANCE_DEFAULTS.mediumGames,
  )
  .option('--random-games <n>', 'games of three random bots', parseGames, BALANCE_DEFAULTS.randomGames)
  .option('--hard-games [n]', `games of three hard bots (slow; without a number: ${BALANCE_DEFAULTS.hardGames}; default 0: skipped)`, parseGames, 0)
  .option('--hard-only', 'the hard-level checks alone (three hard bots; no other run)')
  .option('--single-games <n>', 'the most games each single-minded strategy plays against two medium bots', parseGames, BALANCE_DEFAULTS.singleGames)
  .option(
    '--lever-games <n>',
    'the most games of three medium bots for each side of each lever counterfactual (v2 targets; shipped rules only)',
    parseGames,
    BALANCE_DEFAULTS.leverGames,
  )
  .option('--looks <k>', 'looks of the sequential checks (single-minded, levers): 1 plays the whole sample', parseLooks, BALANCE_DEFAULTS.looks)
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
