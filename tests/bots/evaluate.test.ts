import { describe, expect, test } from 'vitest';
import { positionRiskPenalty, projectAll, riskPenalty } from '../../src/bots/evaluate.js';
import { defaultBotWeights } from '../../src/bots/index.js';
import { computeIncome, createInitialState } from '../../src/engine/index.js';
import { rules } from './helpers.js';

describe('the risk the bots see in a position', () => {
  const weights = defaultBotWeights();
  const drift = rules.game.upkeep.riskDrift;

  test('below the first drift step, only the Risk track counts', () => {
    const state = createInitialState(rules, 'risk-view');
    state.tracks.risk = weights.evaluation.riskFree + 2;
    for (const id of ['us', 'china', 'eu'] as const) state.factions[id].capability = Math.min(...drift.map((s) => s.fromCapability)) - 1;
    expect(positionRiskPenalty(rules, weights, state)).toBe(riskPenalty(weights, state.tracks.risk));
  });

  test('at the frontier, the share riskDrift of the coming upkeep drift counts as Risk already', () => {
    const state = createInitialState(rules, 'risk-view');
    state.tracks.risk = weights.evaluation.riskFree + 1;
    const top = Math.max(...drift.map((s) => s.fromCapability));
    state.factions.china.capability = top;
    const coming = drift.filter((s) => top >= s.fromCapability).reduce((n, s) => n + s.amount, 0);
    expect(coming).toBeGreaterThan(0);
    const expected = riskPenalty(weights, state.tracks.risk + weights.evaluation.riskDrift * coming);
    expect(positionRiskPenalty(rules, weights, state)).toBeCloseTo(expected, 10);
    expect(positionRiskPenalty(rules, weights, state)).toBeGreaterThan(riskPenalty(weights, state.tracks.risk));
  });

  test('with riskDrift 0 the coming drift is ignored, with 1 it counts in full', () => {
    const state = createInitialState(rules, 'risk-view');
    state.tracks.risk = weights.evaluation.riskFree;
    state.factions.us.capability = 10;
    const coming = drift.reduce((n, s) => n + s.amount, 0);
    const none = { ...weights, evaluation: { ...weights.evaluation, riskDrift: 0 } };
    const full = { ...weights, evaluation: { ...weights.evaluation, riskDrift: 1 } };
    expect(positionRiskPenalty(rules, none, state)).toBe(riskPenalty(weights, state.tracks.risk));
    expect(positionRiskPenalty(rules, full, state)).toBe(riskPenalty(weights, state.tracks.risk + coming));
  });
});

describe('the compute and money the bots project', () => {
  const weights = defaultBotWeights();

  test('compute the cap would discard at the coming upkeep counts for nothing, so compute at the cap is worth no more than compute just under it', () => {
    const cap = rules.game.gpus.computeCap;
    const at = (compute: number) => {
      const state = createInitialState(rules, 'compute-cap');
      state.factions.us.compute = compute;
      return projectAll(rules, weights, state).us.capability;
    };
    const production = computeIncome(rules, createInitialState(rules, 'compute-cap').factions.us);
    expect(production).toBeGreaterThan(0);
    // Below the cap, more compute is more potential; at the cap, the production that would overflow is lost.
    expect(at(cap - production - 4)).toBeLessThan(at(cap - production));
    expect(at(cap)).toBeCloseTo(at(cap - production), 10);
  });

  test('debt still owed counts more than the same capital, as the end of the game scores it', () => {
    // Without interest, $20B of capital and $20B of debt leave the faction worse off only by what the end scores against the debt.
    const free = { ...rules, game: { ...rules.game, upkeep: { ...rules.game.upkeep, interestPercent: 0 } } };
    const state = createInitialState(free, 'debt-view');
    const before = projectAll(free, weights, state).us.money;
    state.factions.us.capital += 20;
    state.factions.us.debt += 20;
    const after = projectAll(free, weights, state).us.money;
    const { capitalPerVp, debtPerVp } = rules.game.endGame;
    expect(capitalPerVp / debtPerVp).toBeGreaterThan(1);
    expect(before - after).toBeCloseTo(20 * weights.evaluation.moneyEnd * (capitalPerVp / debtPerVp - 1), 10);
  });
});
