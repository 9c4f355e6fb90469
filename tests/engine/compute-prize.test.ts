import { describe, expect, test } from 'vitest';
import { computePrizes, mergeRuleFiles, parseRules, type FactionId, type GameState, type Rules } from '../../src/engine/index.js';
import { scoreRound } from '../../src/engine/scoring.js';
import { projectAll } from '../../src/bots/evaluate.js';
import { defaultBotWeights } from '../../src/bots/weights.js';
import { CLASSIC_RULE_FILES, clearGpus, positionFor, rules as classic, shippedRules } from '../helpers/positions.js';

function variant(over: Parameters<typeof mergeRuleFiles>[1]): Rules {
  const parsed = parseRules(mergeRuleFiles(CLASSIC_RULE_FILES, over));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const withPrize = variant({ 'game.json': { computePrize: { vp: [4, 2] } } });

/** A position where the factions' installed GPUs are frontier units in their home regions. */
function withFrontier(units: Record<FactionId, number>): GameState {
  return positionFor('us', (s) => {
    const home = { us: 'NA', china: 'CN', eu: 'EU' } as const;
    for (const id of ['us', 'china', 'eu'] as const) {
      clearGpus(s, id);
      s.factions[id].gpus[home[id]].frontier = units[id];
    }
  });
}

describe('the compute race (v2: 3 VP and 1 VP at each scoring; off in the classic rules)', () => {
  test('the shipped rules score 3 VP for the most installed compute and 1 VP for the second; the classic rules nothing', () => {
    expect(computePrizes(shippedRules, withFrontier({ us: 3, china: 1, eu: 0 }))).toEqual({ us: 3, china: 1, eu: 0 });
    expect(computePrizes(classic, withFrontier({ us: 3, china: 1, eu: 0 }))).toEqual({ us: 0, china: 0, eu: 0 });
  });

  test('the most installed compute scores the first prize and the second the second', () => {
    expect(computePrizes(withPrize, withFrontier({ us: 3, china: 1, eu: 2 }))).toEqual({ us: 4, china: 0, eu: 2 });
  });

  test('tied factions share the lower prize, and no compute scores nothing', () => {
    expect(computePrizes(withPrize, withFrontier({ us: 2, china: 2, eu: 0 }))).toEqual({ us: 2, china: 2, eu: 0 });
    expect(computePrizes(withPrize, withFrontier({ us: 1, china: 1, eu: 1 }))).toEqual({ us: 0, china: 0, eu: 0 });
  });

  test('a scoring round adds the prizes to the factions’ VP', () => {
    const s = withFrontier({ us: 3, china: 1, eu: 2 });
    const before = { us: s.factions.us.vp, china: s.factions.china.vp, eu: s.factions.eu.vp };
    const plain = structuredClone(s);
    scoreRound(withPrize, s);
    scoreRound(classic, plain);
    expect(s.factions.us.vp - plain.factions.us.vp).toBe(4);
    expect(s.factions.eu.vp - plain.factions.eu.vp).toBe(2);
    expect(s.factions.china.vp).toBe(plain.factions.china.vp);
    expect(plain.factions.us.vp).toBeGreaterThanOrEqual(before.us);
  });

  test('the bots’ projection counts the prize it would score at each scoring left', () => {
    const s = withFrontier({ us: 3, china: 1, eu: 2 });
    const w = defaultBotWeights();
    const gain = projectAll(withPrize, w, s).us.capability - projectAll(classic, w, s).us.capability;
    expect(gain).toBeGreaterThan(0);
  });
});
