/**
 * Money calls: the `capitalCall` and `debtCall` effects make a faction pay now, and one that
 * cannot goes through the same financial crisis as at upkeep (src/engine/solvency.ts).
 */
import { describe, expect, test } from 'vitest';
import { applyEffects } from '../../src/engine/effects.js';
import type { GameState } from '../../src/engine/index.js';
import type { Effect } from '../../src/engine/rules/schema.js';
import { clearGpus, game, positionFor, rules } from '../helpers/positions.js';

function run(effects: Effect[], edit?: (s: GameState) => void): GameState {
  const s = positionFor('us', edit);
  applyEffects(rules, s, effects, { self: null, region: null, vpSource: 'events' });
  return s;
}

const crises = (s: GameState) => s.log.filter((e) => e.kind === 'financialCrisis').map((e) => e.seat);

describe('a capital call', () => {
  test('takes the whole amount from a faction that has it, with no crisis', () => {
    const s = run([{ op: 'capitalCall', who: 'us', amount: 10 }]);
    expect([s.factions.us.capital, s.factions.us.vp, s.factions.us.debt]).toEqual([35, 0, 0]);
    expect(crises(s)).toEqual([]);
  });

  test('that a faction cannot meet sells its GPUs weakest first, then its modules, puts the rest into debt and costs the crisis VP, as at upkeep', () => {
    const s = run([{ op: 'capitalCall', who: 'us', amount: 12 }], (s) => {
      const us = s.factions.us;
      us.capital = 2;
      clearGpus(s, 'us');
      us.modules.NA = 1;
      us.gpus.NA = { frontier: 1, export: 1, domestic: 0 };
    });
    const us = s.factions.us;
    // −10: the export GPU, then the frontier GPU ($1B each), then the module ($4B) leave −4 as debt.
    expect(game.gpus.saleValue).toBe(1);
    expect(game.costs.moduleSaleValue).toBe(4);
    expect([us.capital, us.debt, us.modules.NA, us.gpus.NA]).toEqual([0, 4, 0, { frontier: 0, export: 0, domestic: 0 }]);
    expect([us.vp, us.vpBreakdown.financialCrisis]).toEqual([game.upkeep.financialCrisisVp, game.upkeep.financialCrisisVp]);
    expect(crises(s)).toEqual(['us']);
  });

  test('sells only what it must: the frontier GPUs stay when the cheaper ones cover the call', () => {
    const s = run([{ op: 'capitalCall', who: 'china', amount: 26 }]);
    expect(s.factions.china.gpus.CN).toEqual({ frontier: 2, export: 0, domestic: 0 });
    expect([s.factions.china.capital, s.factions.china.modules.CN]).toEqual([0, 1]);
    expect(crises(s)).toEqual(['china']);
  });

  test('hits every faction its target names, each on its own', () => {
    const s = run([{ op: 'capitalCall', who: 'all', amount: 28 }]);
    expect([s.factions.us.capital, s.factions.china.capital, s.factions.eu.capital]).toEqual([17, 0, 2]);
    expect(crises(s)).toEqual(['china']);
  });
});

describe('a debt call', () => {
  test('makes a faction repay up to the amount of its debt, and leaves a faction without debt alone', () => {
    const s = run([{ op: 'debtCall', who: 'all', amount: 8 }], (s) => {
      s.factions.us.debt = 20;
      s.factions.china.debt = 3;
    });
    expect([s.factions.us.capital, s.factions.us.debt]).toEqual([37, 12]);
    expect([s.factions.china.capital, s.factions.china.debt]).toEqual([22, 0]);
    expect([s.factions.eu.capital, s.factions.eu.debt]).toEqual([30, 0]);
    expect(crises(s)).toEqual([]);
  });

  test('that a faction cannot pay ends in a financial crisis, its shortfall going back into debt', () => {
    const s = run([{ op: 'debtCall', who: 'eu', amount: 10 }], (s) => {
      const eu = s.factions.eu;
      eu.capital = 1;
      eu.debt = 10;
      clearGpus(s, 'eu');
      for (const r of Object.keys(eu.modules) as (keyof typeof eu.modules)[]) eu.modules[r] = 0;
    });
    const eu = s.factions.eu;
    // Repays 10 with 1 in hand: nothing to sell, so 9 of the 10 go back into debt.
    expect([eu.capital, eu.debt, eu.vp]).toEqual([0, 9, game.upkeep.financialCrisisVp]);
    expect(crises(s)).toEqual(['eu']);
  });
});
