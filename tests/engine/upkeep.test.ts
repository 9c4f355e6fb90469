import { describe, expect, test } from 'vitest';
import { applyAction, incomeBreakdown, mergeRuleFiles, parseRules, upkeepCosts } from '../../src/engine/index.js';
import { DEFAULT_RULE_FILES } from '../../src/engine/rules/default-rules.js';
import { act, game, lastTurnFor, positionFor, rules } from '../helpers/positions.js';

const up = game.upkeep;
const tiers = up.revenueTiers;

describe('upkeep compute', () => {
  test('adds 2 per installed frontier GPU and 1 per export-grade or domestic GPU', () => {
    const s = lastTurnFor('us', (s) => {
      s.factions.china.gpus.CN = { frontier: 1, export: 1, domestic: 2 };
    });
    const next = act(s, 'us', { type: 'collect' });
    expect(next.factions.us.compute).toBe(3 * game.gpus.compute.frontier);
    expect(next.factions.china.compute).toBe(2 + 1 + 2);
    expect(next.factions.eu.compute).toBe(2);
  });

  test('stops at 30', () => {
    const s = lastTurnFor('us', (s) => (s.factions.us.compute = 28));
    expect(act(s, 'us', { type: 'collect' }).factions.us.compute).toBe(game.gpus.computeCap);
  });
});

describe('upkeep income', () => {
  test('is the base plus the capability tier for each region with influence, minus power', () => {
    const s = lastTurnFor('us');
    const next = act(s, 'us', { type: 'collect' });
    const base = { us: rules.factions.us.baseIncome, china: rules.factions.china.baseIncome, eu: rules.factions.eu.baseIncome };
    expect(base).toEqual({ us: 7, china: 4, eu: 5 });
    // US: base 7 + 5 regions × tier of capability 3 (1), one module costs 1.
    expect(next.factions.us.capital).toBe(45 + game.costs.collect + base.us + 5 * tiers[3]! - up.moduleCost);
    // China: base 4 + 4 regions × 1 − 1; EU: base 5 + 4 regions × 0 (capability 1) − 1.
    expect(next.factions.china.capital).toBe(25 + base.china + 4 * tiers[3]! - up.moduleCost);
    expect(next.factions.eu.capital).toBe(30 + base.eu + 4 * tiers[1]! - up.moduleCost);
  });

  test('earns 0, 1, 2, 3, 4 per region by capability tier (0–2, 3–4, 5–6, 7–8, 9–10)', () => {
    expect(tiers).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    for (let cap = 0; cap <= 10; cap++) {
      const s = positionFor('eu', (s) => (s.factions.eu.capability = cap));
      expect(incomeBreakdown(rules, s, 'eu').regions).toBe(4 * tiers[cap]!);
    }
  });

  test('pays the closed-model premium: +1 per region led alone, for the sole capability leader only', () => {
    const s = positionFor('us', (s) => (s.factions.us.capability = 4));
    // US leads NA and JK alone; GULF and IN are tied, EU is led by the EU.
    expect(incomeBreakdown(rules, s, 'us').premium).toBe(2);
    s.factions.china.capability = 4;
    expect(incomeBreakdown(rules, s, 'us').premium).toBe(0);
  });

  test('adds 2 per country deal and income modifiers', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.deals = ['JK', 'GULF'];
      s.factions.us.modifiers = [{ key: 'income', value: -1, duration: 'game' }];
    });
    const b = incomeBreakdown(rules, s, 'us');
    expect([b.deals, b.modifiers]).toEqual([4, -1]);
    // base 7 + 5 regions × 1 + 2 deals × 2 − 1
    expect(b.total).toBe(rules.factions.us.baseIncome + 5 + 4 - 1);
  });

  test('is never negative', () => {
    const s = lastTurnFor('us', (s) => {
      s.factions.eu.commoditisation = 20;
      s.factions.eu.modules.EU = 0;
      s.factions.eu.gpus.EU.frontier = 0;
    });
    expect(act(s, 'us', { type: 'collect' }).factions.eu.capital).toBe(30);
  });
});

describe('upkeep costs', () => {
  test('are 1 per module, 10% interest rounded up, and compliance fees', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.modules.GULF = 2;
      s.factions.us.debt = 25;
      s.provisions.copyright = 'enacted';
      s.euRules = ['IN'];
    });
    expect(upkeepCosts(rules, s, 'us')).toEqual({ power: 3, interest: 3, compliance: 2, total: 8 });
  });
});

describe('the debt check', () => {
  test('sells GPUs, weakest first, until capital is back to zero, and costs 2 VP', () => {
    const s = lastTurnFor('us', (s) => {
      s.factions.us.capital = 0;
      s.factions.us.debt = 160; // interest 16: 0 + 3 + 12 − 1 − 16 = −2
      s.factions.us.gpus.NA = { frontier: 3, export: 1, domestic: 0 };
    });
    const next = act(s, 'us', { type: 'collect' });
    const us = next.factions.us;
    expect(us.capital).toBe(0);
    expect(us.gpus.NA).toEqual({ frontier: 2, export: 0, domestic: 0 });
    expect(us.modules.NA).toBe(1);
    expect(us.vp).toBe(up.financialCrisisVp);
    expect(us.vpBreakdown.financialCrisis).toBe(-2);
    expect(next.log).toContainEqual({ round: 1, kind: 'financialCrisis', seat: 'us' });
  });

  test('then sells modules at 4 each, and what is still missing becomes debt', () => {
    const s = lastTurnFor('us', (s) => {
      s.factions.us.capital = 0;
      s.factions.us.debt = 230; // interest 23: 0 + 3 + 12 − 1 − 23 = −9; 3 GPUs → −6; a module → −2
    });
    const us = act(s, 'us', { type: 'collect' }).factions.us;
    expect(game.costs.moduleSaleValue).toBe(4);
    expect(us.modules.NA).toBe(0);
    expect(us.gpus.NA).toEqual({ frontier: 0, export: 0, domestic: 0 });
    expect(us.capital).toBe(0);
    expect(us.debt).toBe(230 + 2);
    expect(us.vp).toBe(-2);
  });

  test('leaves solvent factions alone', () => {
    const next = act(lastTurnFor('us'), 'us', { type: 'collect' });
    expect(next.log.filter((e) => e.kind === 'financialCrisis')).toEqual([]);
  });
});

describe('the frontier race', () => {
  test('raises Risk at each upkeep by 1 when the top capability is 5 or more, and by 1 more from 7', () => {
    expect(up.riskDrift).toEqual([
      { fromCapability: 5, amount: 1 },
      { fromCapability: 7, amount: 1 },
    ]);
    const start = game.tracks.risk.start;
    const riskAfter = (top: number) =>
      act(
        lastTurnFor('us', (s) => (s.factions.china.capability = top)),
        'us',
        { type: 'collect' },
      ).tracks.risk;
    expect([4, 5, 6, 7, 10].map(riskAfter)).toEqual([start, start + 1, start + 1, start + 2, start + 2]);
  });

  test('counts the top capability once, however many factions share it', () => {
    const s = lastTurnFor('us', (s) => {
      for (const id of ['us', 'china', 'eu'] as const) s.factions[id].capability = 7;
    });
    expect(act(s, 'us', { type: 'collect' }).tracks.risk).toBe(game.tracks.risk.start + 2);
  });
});

describe('incidents', () => {
  const oneOutcome = parseRules(
    mergeRuleFiles(DEFAULT_RULE_FILES, {
      'game.json': {
        incidents: {
          fromRisk: 8,
          table: [
            {
              weight: 1,
              text: { en: 'Test incident.', fr: 'Incident de test.' },
              effects: [
                { op: 'vp', who: 'capabilityLeader', amount: -2 },
                { op: 'capability', who: 'capabilityLeader', delta: -1 },
              ],
            },
          ],
        },
      },
    }),
  );

  test('hit the capability leader at Risk 8 or more', () => {
    if (!oneOutcome.ok) throw new Error(oneOutcome.error);
    const s = lastTurnFor('us', (s) => {
      s.tracks.risk = 8;
      s.factions.china.capability = 5;
    });
    const next = applyAction(oneOutcome.value, s, 'us', { type: 'collect' });
    if (!next.ok) throw new Error(next.error.code);
    expect(next.value.factions.china.vp).toBe(-2);
    expect(next.value.factions.china.capability).toBe(4);
    expect(next.value.factions.us.vp).toBe(0);
    expect(next.value.log).toContainEqual({ round: 1, kind: 'incident', amount: 0 });
  });

  test('are not checked below Risk 8', () => {
    expect(game.incidents.fromRisk).toBe(8);
    const s = lastTurnFor('us', (s) => (s.tracks.risk = 7));
    expect(act(s, 'us', { type: 'collect' }).log.some((e) => e.kind === 'incident')).toBe(false);
    s.tracks.risk = 8;
    expect(act(s, 'us', { type: 'collect' }).log.some((e) => e.kind === 'incident')).toBe(true);
  });

  test('come out the same for the same seed and state', () => {
    const s = lastTurnFor('us', (s) => (s.tracks.risk = 10));
    expect(act(s, 'us', { type: 'collect' })).toEqual(act(s, 'us', { type: 'collect' }));
  });
});

describe('card draw', () => {
  test('draws 2 a round up to a hand of 4', () => {
    const s = lastTurnFor('us', (s) => {
      const china = s.factions.china;
      china.hand.push(china.deck.shift()!);
      const eu = s.factions.eu;
      eu.hand.push(eu.deck.shift()!, eu.deck.shift()!);
    });
    const next = act(s, 'us', { type: 'collect' });
    expect(next.factions.us.hand).toEqual([...s.factions.us.hand, ...s.factions.us.deck.slice(0, up.draw)]);
    expect(next.factions.china.hand.length).toBe(up.handSize);
    expect(next.factions.eu.hand).toEqual(s.factions.eu.hand);
  });

  test('reshuffles the discard pile when the deck is empty', () => {
    const s = lastTurnFor('us', (s) => {
      const us = s.factions.us;
      us.discard = [...us.deck];
      us.deck = [];
    });
    const next = act(s, 'us', { type: 'collect' });
    expect(next.factions.us.hand.length).toBe(4);
    expect(next.factions.us.discard).toEqual([]);
    expect(next.factions.us.deck.length).toBe(s.factions.us.discard.length - 2);
  });
});

describe('the end of the round', () => {
  test('forgets the round’s flags and round-long modifiers, keeps game-long ones', () => {
    const s = lastTurnFor('us', (s) => {
      const c = s.factions.china;
      Object.assign(c, { releasedThisRound: true, safetyThisRound: true, domesticBoughtThisRound: 2, commoditisation: 1 });
      s.factions.eu.investAIThisRound = true;
      c.modifiers = [
        { key: 'buildCost', value: 2, duration: 'round' },
        { key: 'income', value: 1, duration: 'game' },
      ];
    });
    const c = act(s, 'us', { type: 'collect' }).factions.china;
    expect([c.releasedThisRound, c.safetyThisRound, c.domesticBoughtThisRound, c.commoditisation]).toEqual([false, false, 0, 0]);
    expect(c.modifiers).toEqual([{ key: 'income', value: 1, duration: 'game' }]);
  });

  test('drops era-long modifiers when a new era begins', () => {
    const mods = [{ key: 'trainCost' as const, value: 1, duration: 'era' as const }];
    const inEra = lastTurnFor('us', (s) => (s.factions.us.modifiers = [...mods]));
    expect(act(inEra, 'us', { type: 'collect' }).factions.us.modifiers).toEqual(mods);
    const newEra = lastTurnFor('us', (s) => {
      s.round = 2;
      s.factions.us.modifiers = [...mods];
    });
    expect(act(newEra, 'us', { type: 'collect' }).factions.us.modifiers).toEqual([]);
  });
});
