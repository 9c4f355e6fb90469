import { describe, expect, test } from 'vitest';
import { VP_SOURCES } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { lineupOf, type RunPlan } from '../../src/sim/run/game-record.js';
import { runGames } from '../../src/sim/run/runner.js';
import { summarise } from '../../src/sim/stats/summary.js';
import { rulesFromVariant } from '../../src/sim/cli/variant.js';

const rules = defaultRules();
const plan: RunPlan = { seed: 'k-test', bots: ['random', 'random', 'random'], rotate: true, saveMatches: false };
const meta = (games: number) => ({ rulesHash: rules.hash, variant: null, requestedGames: games, lastRound: rules.game.rounds.count });

describe('running games on worker threads', () => {
  test('the same seeds give the same summary and digest with one worker or two', async () => {
    const one = await runGames(rules, plan, { games: 40, workers: 1 });
    const two = await runGames(rules, plan, { games: 40, workers: 2 });
    expect(one.interrupted || two.interrupted).toBe(false);
    expect(two.records.map((r) => r.index)).toEqual([...Array(40).keys()]);
    expect(summarise(two.records, plan, meta(40))).toEqual(summarise(one.records, plan, meta(40)));
  });

  test('an aborted run keeps only the unbroken prefix of finished games', async () => {
    const controller = new AbortController();
    let seen = 0;
    const result = await runGames(rules, plan, {
      games: 400,
      workers: 1,
      signal: controller.signal,
      onProgress: (done) => {
        seen = done;
        if (done >= 20) controller.abort();
      },
    });
    expect(result.interrupted).toBe(true);
    expect(result.records.length).toBe(seen);
    const full = await runGames(rules, plan, { games: seen, workers: 1 });
    expect(summarise(result.records, plan, meta(seen)).digest).toBe(summarise(full.records, plan, meta(seen)).digest);
  });
});

describe('the summary', () => {
  test('rotation seats every bot level on every faction once in three games', () => {
    const labelled = { ...plan, bots: ['a', 'b', 'c'] } as unknown as RunPlan;
    expect([0, 1, 2, 3].map((i) => Object.values(lineupOf(labelled, i)).join(''))).toEqual(['abc', 'bca', 'cab', 'abc']);
  });

  test('it keeps the documented fields and counts every game once', async () => {
    const { records } = await runGames(rules, plan, { games: 30, workers: 1 });
    const s = summarise(records, plan, meta(30));
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining([
        'games',
        'seed',
        'rulesHash',
        'factions',
        'noWinner',
        'catastrophes',
        'averageRounds',
        'digest',
        'bots',
        'seats',
        'crises',
        'reachedLastRound',
      ]),
    );
    expect(s.factions.us.wins + s.factions.china.wins + s.factions.eu.wins + s.noWinner).toBe(30);
    expect(s.bots.random!.seats).toBe(90);
    expect(s.seats.first.wins + s.seats.second.wins + s.seats.third.wins).toBe(30 - s.noWinner);
    expect(s.perRound[0]!.games).toBe(30);
    for (const id of ['us', 'china', 'eu'] as const) {
      const [lo, hi] = s.factions[id].ci95;
      expect(lo).toBeLessThanOrEqual(s.factions[id].winRate);
      expect(hi).toBeGreaterThanOrEqual(s.factions[id].winRate);
    }
  });

  test("where each faction's VP came from adds up to its average VP", async () => {
    const { records } = await runGames(rules, plan, { games: 20, workers: 1 });
    const s = summarise(records, plan, meta(20));
    for (const id of ['us', 'china', 'eu'] as const) {
      const sources = s.vpSources[id];
      expect(Object.keys(sources)).toEqual([...VP_SOURCES]);
      const total = Object.values(sources).reduce((a, b) => a + b, 0);
      expect(total).toBeCloseTo(s.factions[id].averageVp, 2);
      const regionsByGame = records.reduce((a, r) => a + r.vpSources[id].regions, 0) / 20;
      expect(sources.regions).toBeCloseTo(regionsByGame, 3);
    }
    expect(s.vpSources.us.regions).toBeGreaterThan(0);
  });

  test('each bot level is also counted per faction it played, adding up to its totals', async () => {
    const mixed = { ...plan, bots: ['random', 'single-collect', 'random'] } as RunPlan;
    const { records } = await runGames(rules, mixed, { games: 12, workers: 1 });
    const s = summarise(records, mixed, meta(12));
    const single = s.bots['single-collect']!;
    expect(Object.keys(single.byFaction).sort()).toEqual(['china', 'eu', 'us']);
    for (const b of Object.values(s.bots)) {
      const parts = Object.values(b.byFaction);
      expect(parts.reduce((n, x) => n + x.seats, 0)).toBe(b.seats);
      expect(parts.reduce((n, x) => n + x.wins, 0)).toBe(b.wins);
    }
    expect(single.byFaction.us!.seats).toBe(4);
  });
});

describe('rules variants', () => {
  test('a variant file changes the rules hash', () => {
    const variant = rulesFromVariant({ 'game.json': { tracks: { risk: { start: 4 } } } }, 'v.json');
    expect(variant.ok).toBe(true);
    if (variant.ok) {
      expect(variant.value.hash).not.toBe(rules.hash);
      expect(variant.value.game.tracks.risk.start).toBe(4);
      expect(variant.value.game.tracks.risk.max).toBe(rules.game.tracks.risk.max);
    }
  });

  test('an empty variant keeps the shipped rules hash', () => {
    const same = rulesFromVariant({}, 'empty.json');
    expect(same.ok && same.value.hash).toBe(rules.hash);
  });

  test('a variant that breaks the rules names the file and the field', () => {
    const bad = rulesFromVariant({ 'game.json': { tracks: { risk: { start: 99 } } } }, 'v.json');
    expect(!bad.ok && bad.error).toBe('rules file v.json: game.json: field "tracks.risk": expected min ≤ start ≤ max');
    const unknown = rulesFromVariant({ 'gmae.json': {} }, 'v.json');
    expect(!unknown.ok && unknown.error).toMatch(/^rules file v.json: unknown rule file "gmae.json"/);
  });
});
