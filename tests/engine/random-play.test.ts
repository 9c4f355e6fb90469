import { describe, expect, test } from 'vitest';
import {
  FACTIONS,
  Rng,
  actionKey,
  actionOptions,
  activeSeat,
  applyAction,
  applyActionInPlace,
  checkAction,
  createInitialState,
  legalActions,
  seedRng,
  stateHash,
} from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { brokenInvariant } from '../helpers/invariants.js';

const rules = defaultRules();

function playChecked(seed: string, deep: boolean): { decisions: number; endedBy: string } {
  const state = createInitialState(rules, seed);
  const rng = new Rng({ rng: seedRng(`picker:${seed}`) });
  let decisions = 0;
  expect(brokenInvariant(rules, state)).toBeNull();
  while (state.phase !== 'over') {
    const seat = activeSeat(state);
    if (!seat) throw new Error('no active seat while the game is not over');
    const legal = legalActions(rules, state, seat);
    expect(legal.length, `no legal action for ${seat} at decision ${decisions} of ${seed}`).toBeGreaterThan(0);
    if (deep) {
      const legalKeys = new Set(legal.map(actionKey));
      for (const { action, reason } of actionOptions(rules, state, seat)) {
        expect(reason === null, `${actionKey(action)}: options and legal actions disagree`).toBe(legalKeys.has(actionKey(action)));
      }
      for (const other of FACTIONS) if (other !== seat) expect(legalActions(rules, state, other)).toEqual([]);
    }
    const action = legal[rng.int(legal.length)]!;
    expect(checkAction(rules, state, seat, action)).toBeNull();
    const refused = applyActionInPlace(rules, state, seat, action);
    expect(refused).toBeNull();
    const broken = brokenInvariant(rules, state);
    expect(broken, `after ${actionKey(action)} by ${seat} in ${seed}`).toBeNull();
    decisions++;
    if (decisions > 2000) throw new Error('game did not end');
  }
  return { decisions, endedBy: state.result!.reason };
}

describe('shared random-play test', () => {
  test('two thousand seeded random games end without error and keep every invariant after every action', () => {
    const endings: Record<string, number> = {};
    for (let i = 0; i < 2000; i++) {
      const { endedBy } = playChecked(`random-play-${i}`, i < 150);
      endings[endedBy] = (endings[endedBy] ?? 0) + 1;
    }
    expect((endings.rounds ?? 0) + (endings.frontier ?? 0) + (endings.catastrophe ?? 0)).toBe(2000);
  });

  test('every illegal candidate is refused with a reason and leaves the state unchanged', () => {
    for (let i = 0; i < 30; i++) {
      let state = createInitialState(rules, `illegal-${i}`);
      const rng = new Rng({ rng: seedRng(`illegal-picker-${i}`) });
      while (state.phase !== 'over') {
        const seat = activeSeat(state)!;
        const before = stateHash(state);
        for (const { action, reason } of actionOptions(rules, state, seat)) {
          if (reason === null) continue;
          const result = applyAction(rules, state, seat, action);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe(reason.code);
        }
        expect(stateHash(state)).toBe(before);
        const legal = legalActions(rules, state, seat);
        const next = applyAction(rules, state, seat, legal[rng.int(legal.length)]);
        expect(next.ok).toBe(true);
        if (next.ok) state = next.value;
      }
    }
  });
});
