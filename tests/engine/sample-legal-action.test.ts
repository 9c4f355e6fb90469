import { describe, expect, test } from 'vitest';
import { Rng, actionKey, activeSeat, applyActionInPlace, createInitialState, legalActions, sampleLegalAction } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';

const rules = defaultRules();

describe('sampleLegalAction', () => {
  test('always returns one of the legal actions, throughout seeded games', () => {
    for (let g = 0; g < 100; g++) {
      const state = createInitialState(rules, `sample-${g}`);
      const rng = Rng.detached(`sampler-${g}`);
      while (state.phase !== 'over') {
        const seat = activeSeat(state)!;
        const action = sampleLegalAction(rules, state, seat, rng)!;
        expect(legalActions(rules, state, seat).map(actionKey)).toContain(actionKey(action));
        expect(applyActionInPlace(rules, state, seat, action)).toBeNull();
      }
    }
  });

  test('draws every legal action about equally often (uniform over the legal set)', () => {
    const state = createInitialState(rules, 'uniform');
    const seat = activeSeat(state)!;
    const legal = legalActions(rules, state, seat).map(actionKey);
    const counts = new Map<string, number>(legal.map((k) => [k, 0]));
    const rng = Rng.detached('uniform-draws');
    const draws = legal.length * 400;
    for (let i = 0; i < draws; i++) {
      const key = actionKey(sampleLegalAction(rules, state, seat, rng)!);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...legal].sort());
    // Each count is Binomial(draws, 1/n): mean 400, sd about 20; 6 sd is far beyond chance.
    for (const n of counts.values()) expect(Math.abs(n - 400)).toBeLessThan(120);
  });

  test("returns null when it is not the seat's turn", () => {
    const state = createInitialState(rules, 'not-your-turn');
    const other = (['us', 'china', 'eu'] as const).find((s) => s !== activeSeat(state))!;
    expect(sampleLegalAction(rules, state, other, Rng.detached('x'))).toBeNull();
  });
});
