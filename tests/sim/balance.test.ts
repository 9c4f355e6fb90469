import { describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { BALANCE_TARGETS, balanceChecks, balancePlan, balanceTable, commandOf, LEVER_RUNS, leverCheck, type BalanceRun } from '../../src/sim/stats/balance.js';
import type { FactionId } from '../../src/engine/index.js';
import { SINGLE_MINDED_TYPES } from '../../src/bots/index.js';
import { runGames } from '../../src/sim/run/runner.js';
import { summarise, type SimSummary } from '../../src/sim/stats/summary.js';
import { runCli } from './cli-helpers.js';

const rules = defaultRules();
const options = { mediumGames: 30, randomGames: 60, hardGames: 0, singleGames: 12, seed: 'bal', singleSeed: 'bal-single' };

async function summaryOf(run: BalanceRun): Promise<SimSummary> {
  const plan = { seed: run.seed, bots: run.bots, rotate: run.rotate, saveMatches: false };
  const { records } = await runGames(rules, plan, { games: run.games, workers: 1 });
  return summarise(records, plan, { rulesHash: rules.hash, variant: null, requestedGames: run.games, lastRound: rules.game.rounds.count });
}

describe('the balance plan', () => {
  test('it plays equal bots at each level asked for and every single-minded strategy against two medium bots', () => {
    const runs = balancePlan(options);
    expect(runs.map((r) => r.label)).toEqual(['random ×3', 'medium ×3', ...SINGLE_MINDED_TYPES.map((t) => `single-minded ${t}`)]);
    const single = runs.find((r) => r.label === 'single-minded train');
    expect(single).toMatchObject({ bots: ['single-train', 'medium', 'medium'], rotate: true, games: 12, seed: 'bal-single' });
    expect(balancePlan({ ...options, randomGames: 0, singleGames: 0, hardGames: 5 }).map((r) => r.label)).toEqual(['medium ×3', 'hard ×3']);
    expect(balancePlan({ ...options, singleTypes: ['release'] }).filter((r) => r.kind === 'single')).toHaveLength(1);
  });

  test('each run names the simulator command that reproduces it', () => {
    const [random] = balancePlan(options);
    expect(commandOf(random as BalanceRun, 'v.json')).toBe('npm run sim -- --games 60 --seed bal --bots random,random,random --rules v.json --format json');
  });
});

describe('the balance checks', () => {
  test('medium bots are checked on faction shares, seat effect, the last round and catastrophes', async () => {
    const run = balancePlan(options).find((r) => r.label === 'medium ×3') as BalanceRun;
    const summary = await summaryOf(run);
    const checks = balanceChecks(run, summary);
    expect(checks.map((c) => c.target)).toEqual([
      expect.stringMatching(/^each faction wins 28.0%–39.0%/),
      expect.stringMatching(/^seat order moves no faction's win rate by more than 4 points \(fails when a larger gap is shown at 95%\)$/),
      expect.stringMatching(/^the last round/),
      expect.stringMatching(/^AI catastrophe ends 3.0%–15.0%/),
    ]);
    const [shares, , lastRound, catastrophes] = checks;
    expect(catastrophes?.value).toBe(summary.catastropheRate);
    expect(catastrophes?.pass).toBe(summary.catastropheRate >= 0.03 && summary.catastropheRate <= 0.15);
    expect(lastRound?.pass).toBe(summary.reachedLastRoundRate >= BALANCE_TARGETS.lastRound);
    const inRange = (['us', 'china', 'eu'] as const).every(
      (id) => summary.factions[id].winShareOfDecided >= 0.28 && summary.factions[id].winShareOfDecided <= 0.39,
    );
    expect(shares?.pass).toBe(inRange);
  });

  test('a faction share outside 28–39% fails the check and one inside passes', async () => {
    const run = balancePlan(options).find((r) => r.label === 'random ×3') as BalanceRun;
    const summary = await summaryOf(run);
    const set = (us: number, china: number, eu: number) => {
      const s = structuredClone(summary);
      s.factions.us.winShareOfDecided = us;
      s.factions.china.winShareOfDecided = china;
      s.factions.eu.winShareOfDecided = eu;
      return balanceChecks(run, s)[0];
    };
    expect(set(0.34, 0.33, 0.33)?.pass).toBe(true);
    const failing = set(0.4, 0.32, 0.28);
    expect(failing?.pass).toBe(false);
    expect(failing?.ciOf).toBe('US');
    expect(failing?.measured).toBe('US 40.0% / China 32.0% / EU 28.0%');
  });

  test('a single-minded strategy passes at 20% of its seats and fails above', async () => {
    const run = balancePlan({ ...options, singleTypes: ['release'] }).find((r) => r.kind === 'single') as BalanceRun;
    const summary = await summaryOf(run);
    expect(summary.bots['single-release']?.seats).toBe(12);
    const at = (rate: number) => {
      const s = structuredClone(summary);
      (s.bots['single-release'] as { winRate: number }).winRate = rate;
      return balanceChecks(run, s)[0]?.pass;
    };
    expect(at(0.2)).toBe(true);
    expect(at(0.21)).toBe(false);
  });

  test('a lever is read on the same seeds a side: its move, the paired interval and the commands of the games it used', () => {
    const tariffs = LEVER_RUNS.find((l) => l.lever === 'tariffs')!;
    const run: BalanceRun = { label: 'medium ×3', kind: 'equal', seed: 'bal', bots: ['medium', 'medium', 'medium'], rotate: false, games: 600 };
    const base: (FactionId | null)[] = Array.from({ length: 90 }, (_, i) => (['us', 'china', 'eu'] as const)[i % 3] ?? null);
    const variant = base.map((w, i) => (i % 9 === 0 ? 'eu' : w));
    const check = leverCheck(tariffs, base, variant, run, { games: 90, maxGames: 600, z: 2.498 });
    // A tenth of the seeds go from the US to the EU: both move 11.1 points; the first named is read.
    expect(check.measured).toMatch(/^US -11\.1 points \(95%: -\d+\.\d to -\d+\.\d; same 90 seeds a side, settled after 90 of up to 600\)$/);
    expect(check.pass).toBe(true);
    expect(check.command).toBe(
      'npm run sim -- --games 90 --seed bal --bots medium,medium,medium --format json ; npm run sim -- --games 90 --seed bal --bots medium,medium,medium --rules rules/variants/levers/tariffs-2.json --format json',
    );
  });

  test('the table marks each target ✓ or ✗ and counts the failures', async () => {
    const run = balancePlan(options).find((r) => r.label === 'random ×3') as BalanceRun;
    const checks = balanceChecks(run, await summaryOf(run));
    const table = balanceTable(checks, 'header');
    const lines = table.split('\n');
    expect(lines[0]).toBe('header');
    expect(lines.slice(1, -1).every((l) => /^[✓✗] random ×3 /.test(l))).toBe(true);
    const failed = checks.filter((c) => !c.pass).length;
    expect(lines.at(-1)).toBe(failed ? `${failed} of ${checks.length} targets fail` : `all ${checks.length} targets hold`);
  });
});

describe('npm run balance', () => {
  test('it prints one line per target and the same checks as JSON', async () => {
    const args = ['--medium-games', '9', '--random-games', '30', '--single-games', '6', '--single', 'train', '--lever-games', '6', '--workers', '1'];
    const table = await runCli('balance.ts', args);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^balance targets of GAME-DESIGN.md, shipped rules \(rules hash [0-9a-f]{24}\)/);
    expect(table.stdout).toMatch(/\n[✓✗] single-minded train +\d+\.\d% of 6 seats/);
    expect(table.stderr).toContain(
      '[3/8] single-minded train: npm run sim -- --games 6 --seed single-v2 --bots single-train,medium,medium --rotate --format json',
    );
    // The v2 targets: each faction's playbook, money, regions, endings, dead rules, power, and the four levers.
    expect(table.stdout).toMatch(/\n[✓✗] medium ×3 +US building \+ GPUs \d+\.\d%/);
    expect(table.stdout).toMatch(/\n[✓✗] lever exportControls +China [+-]\d+\.\d points \(95%: -?\d+\.\d to -?\d+\.\d; same 6 seeds a side\)/);
    // The levers' shipped-rules side is the medium ×3 run's own games: eight runs, not nine.
    expect(table.stderr).toContain('[8/8] medium ×3 (rules/variants/levers/no-partner-money.json)');
    expect(table.stderr).not.toMatch(/\[\d\/8\] medium ×3: .*--games 6 /);
    const json = JSON.parse((await runCli('balance.ts', [...args, '--format', 'json'])).stdout);
    // v1: random 3, medium 4, single-minded 1; v2: medium 9, dead rules 1, power 1, levers 4.
    expect(json.checks).toHaveLength(3 + 4 + 1 + 9 + 1 + 1 + 4);
    expect(json.pass).toBe(json.checks.every((c: { pass: boolean }) => c.pass));
  });

  test('a single-minded strategy that never wins stops at its first look, and its line says so', async () => {
    const args = [
      '--medium-games',
      '0',
      '--random-games',
      '0',
      '--lever-games',
      '0',
      '--single',
      'safety',
      '--single-games',
      '240',
      '--looks',
      '3',
      '--workers',
      '2',
    ];
    const run = await runCli('balance.ts', [...args, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('(stops at the first of 60, 120, 240 games where it is settled)');
    expect(run.stderr).toContain('single-minded safety: settled after 60 of 240 games');
    const [check] = JSON.parse(run.stdout).checks;
    expect(check.measured).toBe('0.0% of 60 seats (settled after 60 of up to 240 games)');
    expect(check.command).toBe('npm run sim -- --games 60 --seed single-v2 --bots single-safety,medium,medium --rotate --format json');
    expect(check.ci95[1]).toBeLessThan(0.2);
  });

  test('bad input is one line and a non-zero exit', async () => {
    for (const [args, pattern] of [
      [['--single', 'fly'], /^balance: .*unknown action type "fly"/],
      [['--rules', '/nonexistent/v.json'], /^balance: rules file .*v.json: not found$/],
      [['--medium-games', '0', '--random-games', '0', '--single-games', '0'], /^balance: every run is skipped/],
      [['--workers', '0'], /^balance: .*--workers.*from 1 to 64/],
      [['--looks', '0'], /^balance: .*--looks.*from 1 \(a fixed sample\) to 6/],
    ] as const) {
      const run = await runCli('balance.ts', [...args]);
      expect(run.code).not.toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr.trimEnd()).toMatch(pattern);
    }
  });
});
