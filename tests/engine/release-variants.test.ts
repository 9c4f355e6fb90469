import { describe, expect, test } from 'vitest';
import { applyAction, checkAction, mergeRuleFiles, parseRules, type FactionId, type GameState, type Rules } from '../../src/engine/index.js';
import { CLASSIC_RULE_FILES, positionFor, rules as defaults } from '../helpers/positions.js';

function variant(over: Parameters<typeof mergeRuleFiles>[1]): Rules {
  const parsed = parseRules(mergeRuleFiles(CLASSIC_RULE_FILES, over));
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

describe('open weights for everyone (release.rivalGain)', () => {
  const rules = variant({ 'game.json': { release: { rivalGain: 1 } } });

  test('each other faction present in a released region gains influence there; absent ones do not', () => {
    const s = positionFor('china', (s) => {
      s.factions.china.influence = { NA: 0, JK: 0, EU: 0, GULF: 1, IN: 1, CN: 3, SEA: 2, LATAM: 0, AF: 1 };
      s.factions.us.influence = { NA: 4, JK: 2, EU: 1, GULF: 2, IN: 0, CN: 0, SEA: 1, LATAM: 0, AF: 0 };
      s.factions.eu.influence = { NA: 0, JK: 0, EU: 4, GULF: 0, IN: 1, CN: 0, SEA: 0, LATAM: 1, AF: 0 };
    });
    const next = actWith(rules, s, 'china', { type: 'release', regions: ['CN', 'SEA', 'GULF', 'IN'] });
    expect(['CN', 'SEA', 'GULF', 'IN'].map((r) => next.factions.china.influence[r as 'CN'])).toEqual([4, 3, 2, 2]);
    expect(['CN', 'SEA', 'GULF', 'IN'].map((r) => next.factions.us.influence[r as 'CN'])).toEqual([0, 2, 3, 0]);
    expect(['CN', 'SEA', 'GULF', 'IN'].map((r) => next.factions.eu.influence[r as 'CN'])).toEqual([0, 0, 0, 2]);
    expect(next.factions.us.influence.NA).toBe(4);
  });

  test('the shipped rules leave the other factions as they are', () => {
    const s = positionFor('china', (s) => (s.factions.us.influence.SEA = 1));
    const next = actWith(defaults, s, 'china', { type: 'release', regions: ['CN', 'SEA', 'AF', 'GULF'] });
    expect(next.factions.us.influence.SEA).toBe(1);
  });
});

describe('releases reach new regions only (release.newRegionsOnly)', () => {
  const rules = variant({ 'game.json': { release: { newRegionsOnly: true } } });

  test('regions already released in are not eligible, and naming one is refused with a reason that says so', () => {
    const s = positionFor('china', (s) => {
      s.factions.china.influence = { NA: 0, JK: 0, EU: 0, GULF: 1, IN: 1, CN: 3, SEA: 2, LATAM: 1, AF: 1 };
      s.factions.china.releasedIn = ['CN', 'SEA'];
    });
    expect(checkAction(rules, s, 'china', { type: 'release', regions: ['CN', 'AF', 'GULF', 'IN'] })).toEqual({
      code: 'releaseRegionsNew',
      params: { count: 4, max: rules.game.release.maxInfluence },
    });
    expect(checkAction(rules, s, 'china', { type: 'release', regions: ['LATAM', 'AF', 'GULF', 'IN'] })).toBeNull();
  });

  test('once every region with influence has had a release, releasing is refused with a reason that says why', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.influence = { NA: 3, JK: 3, EU: 3, GULF: 0, IN: 0, CN: 0, SEA: 0, LATAM: 0, AF: 0 };
      s.factions.us.releasedIn = ['NA', 'JK', 'EU'];
    });
    expect(checkAction(rules, s, 'us', { type: 'release', regions: [] })).toEqual({
      code: 'releaseNowhereNew',
      params: { max: rules.game.release.maxInfluence },
    });
  });
});

describe('the example variant rules/variants/once-a-round-releases.json', () => {
  test('loads, brings back one release a round and has its own rules hash', async () => {
    const { loadVariantFile } = await import('../../src/sim/cli/variant.js');
    const { fileURLToPath } = await import('node:url');
    const loaded = loadVariantFile(fileURLToPath(new URL('../../rules/variants/once-a-round-releases.json', import.meta.url)));
    if (!loaded.ok) throw new Error(loaded.error);
    expect(loaded.value.game.release.furtherRegions).toBe(0);
    expect(loaded.value.hash).not.toBe(defaults.hash);
    const s = positionFor('us', (s) => (s.factions.us.releasedThisRound = true));
    expect(checkAction(loaded.value, s, 'us', { type: 'release', regions: ['JK'] })?.code).toBe('releasedThisRound');
  });
});

describe('further releases in a round (release.furtherRegions)', () => {
  const once = variant({ 'game.json': { release: { furtherRegions: 0 } } });
  const four = ['CN', 'SEA', 'AF', 'GULF'] as const;
  const afterFirst = (rules: Rules) =>
    actWith(
      rules,
      positionFor('china', (s) => (s.factions.china.capability = 6)),
      'china',
      { type: 'release', regions: [...four] },
    );
  const handBack = (s: GameState): GameState => {
    const t = structuredClone(s);
    t.turnIndex = t.order.indexOf('china');
    return t;
  };

  test('the shipped rules allow further releases, each reaching 1 region', () => {
    expect(defaults.game.release.furtherRegions).toBe(1);
    const s = handBack(afterFirst(defaults));
    expect(checkAction(defaults, s, 'china', { type: 'release', regions: ['SEA', 'AF'] })?.code).toBe('releaseFurther');
    const next = actWith(defaults, s, 'china', { type: 'release', regions: ['SEA'] });
    expect(next.factions.china.influence.SEA).toBe(s.factions.china.influence.SEA + 1);
    expect(next.factions.china.influence.AF).toBe(s.factions.china.influence.AF);
  });

  test('the first release of the round at capability 5 or more adds Risk; a further one does not', () => {
    const before = positionFor('china', (s) => (s.factions.china.capability = 6));
    const first = afterFirst(defaults);
    expect(first.tracks.risk).toBe(before.tracks.risk + 1);
    const further = actWith(defaults, handBack(first), 'china', { type: 'release', regions: ['SEA'] });
    expect(further.tracks.risk).toBe(first.tracks.risk);
  });

  test('a new round brings back a full release', () => {
    const s = handBack(afterFirst(defaults));
    s.factions.china.releasedThisRound = false;
    expect(checkAction(defaults, s, 'china', { type: 'release', regions: [...four] })).toBeNull();
  });

  test('without the rule, a second release in a round is refused', () => {
    expect(once.game.release.furtherRegions).toBe(0);
    expect(checkAction(once, handBack(afterFirst(once)), 'china', { type: 'release', regions: ['SEA'] })?.code).toBe('releasedThisRound');
  });
});
