import { describe, expect, test } from 'vitest';
import { positionRiskPenalty, riskPenalty } from '../../src/bots/evaluate.js';
import { defaultBotWeights } from '../../src/bots/index.js';
import { createInitialState } from '../../src/engine/index.js';
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
