import { describe, expect, test } from 'vitest';
import { applyAction, checkAction, mergeRuleFiles, parseRules, type FactionId, type GameState, type Rules } from '../../src/engine/index.js';
import { DEFAULT_RULE_FILES } from '../../src/engine/rules/default-rules.js';
import { positionFor, rules as defaults } from '../helpers/positions.js';

function variant(over: Parameters<typeof mergeRuleFiles>[1]): Rules {
  const parsed = parseRules(mergeRuleFiles(DEFAULT_RULE_FILES, over));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function actWith(rules: Rules, state: GameState, seat: FactionId, action: unknown): GameState {
  const result = applyAction(rules, state, seat, action);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('rules variants merge lists of objects by id', () => {
  test('a variant that names one faction changes that faction and keeps the others', () => {
    const rules = variant({ 'factions.json': { factions: [{ id: 'us', start: { capital: 50 } }] } });
    expect(rules.factions.us.start.capital).toBe(50);
    expect(rules.factions.us.start.capability).toBe(defaults.factions.us.start.capability);
    expect(rules.factions.china.start.capital).toBe(defaults.factions.china.start.capital);
    expect(Object.keys(rules.factions)).toEqual(['us', 'china', 'eu']);
  });

  test('arrays of plain values still replace', () => {
    const rules = variant({ 'game.json': { upkeep: { revenueTiers: [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2] } } });
    expect(rules.game.upkeep.revenueTiers).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
  });
});

describe('a faction’s own release reach', () => {
  const rules = variant({ 'factions.json': { factions: [{ id: 'us', release: { regions: 2 } }] } });

  test('a faction with its own number names that many regions', () => {
    const s = positionFor('us');
    expect(checkAction(rules, s, 'us', { type: 'release', regions: ['NA', 'JK', 'EU', 'GULF'] })?.code).toBe('releaseRegions');
    const next = actWith(rules, s, 'us', { type: 'release', regions: ['NA', 'JK'] });
    expect([next.factions.us.influence.NA, next.factions.us.influence.JK, next.factions.us.influence.EU]).toEqual([
      s.factions.us.influence.NA + 1,
      s.factions.us.influence.JK + 1,
      s.factions.us.influence.EU,
    ]);
  });

  test('the other factions keep the game’s number', () => {
    const s = positionFor('china');
    const n = rules.game.release.regions;
    expect(checkAction(rules, s, 'china', { type: 'release', regions: (['CN', 'SEA', 'AF', 'GULF'] as const).slice(0, n) })).toBeNull();
  });
});

describe('distillation', () => {
  const rules = variant({ 'game.json': { release: { distillCompute: 3 } } });

  test('every faction below the releaser’s capability gains compute; the others do not', () => {
    const s = positionFor('china', (s) => {
      s.factions.us.capability = 6;
      s.factions.china.capability = 4;
      s.factions.eu.capability = 2;
      s.factions.us.compute = 1;
      s.factions.eu.compute = 1;
    });
    const next = actWith(rules, s, 'china', { type: 'release', regions: ['CN', 'SEA', 'AF', 'GULF'] });
    expect(next.factions.eu.compute).toBe(1 + 3);
    expect(next.factions.us.compute).toBe(1);
    expect(next.factions.china.compute).toBe(s.factions.china.compute);
  });

  test('never lifts compute above the cap', () => {
    const s = positionFor('china', (s) => (s.factions.eu.compute = rules.game.gpus.computeCap - 1));
    const next = actWith(rules, s, 'china', { type: 'release', regions: ['CN', 'SEA', 'AF', 'GULF'] });
    expect(next.factions.eu.compute).toBe(rules.game.gpus.computeCap);
  });
});

describe('a release spreads adoption, not dominance', () => {
  const rules = variant({ 'game.json': { release: { maxInfluence: 2 } } });

  test('only regions where the releaser has 1 to maxInfluence influence are eligible', () => {
    // China reaches the game's 4 regions; with maxInfluence 2, its influence 3 at home rules CN out.
    const s = positionFor('china', (s) => {
      s.factions.china.influence = { NA: 0, JK: 0, EU: 0, GULF: 1, IN: 1, CN: 3, SEA: 2, LATAM: 0, AF: 1 };
    });
    const reason = checkAction(rules, s, 'china', { type: 'release', regions: ['CN', 'SEA', 'AF', 'GULF'] });
    expect(reason).toEqual({ code: 'releaseRegions', params: { count: 4, max: 2 } });
    expect(checkAction(rules, s, 'china', { type: 'release', regions: ['SEA', 'AF', 'GULF', 'IN'] })).toBeNull();
  });

  test('with no eligible region, a release is refused with a reason that says why', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.influence = { NA: 3, JK: 3, EU: 3, GULF: 0, IN: 0, CN: 0, SEA: 0, LATAM: 0, AF: 0 };
    });
    expect(checkAction(rules, s, 'us', { type: 'release', regions: [] })).toEqual({ code: 'releaseNowhere', params: { max: 2 } });
  });
});
