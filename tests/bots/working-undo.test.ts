/**
 * The working copy's `undo`: after any legal action it puts back only what such an action can
 * change (working.ts), so this checks, on positions of seeded random and medium games of every
 * round, that after every legal action and an undo the copy equals its base again (views and
 * true states, with and without the log), shares no object with it, and that a mix of undos and
 * resets across rebased positions never leaves anything behind.
 */
import { describe, expect, test } from 'vitest';
import {
  Rng,
  activeSeat,
  applyActionInPlace,
  cloneState,
  createInitialState,
  legalActions,
  viewFor,
  type FactionId,
  type GameState,
} from '../../src/engine/index.js';
import { WorkingState } from '../../src/bots/working.js';
import { positionsOf, rules } from './helpers.js';

/** Positions of seeded random games (every third decision and every pending choice) and of medium games. */
function positions(): GameState[] {
  const out: GameState[] = [];
  for (let g = 0; g < 5; g++) {
    const state = createInitialState(rules, `working-undo-${g}`);
    const rng = new Rng({ rng: { c: 1, s0: 0.31 + g / 100, s1: 0.52, s2: 0.73 } });
    for (let n = 0; state.phase !== 'over' && n < 400; n++) {
      const seat = activeSeat(state) as FactionId;
      if (n % 3 === g % 3 || state.pending) out.push(cloneState(state));
      const legal = legalActions(rules, state, seat);
      applyActionInPlace(rules, state, seat, legal[rng.int(legal.length)]!);
    }
  }
  out.push(...positionsOf('working-undo-medium', 'medium', 3, 60));
  return out;
}

const live = positions().filter((s) => s.phase !== 'over');

function sharedObject(a: unknown, b: unknown, path: string): string | null {
  if (a === null || typeof a !== 'object') return null;
  if (a === b) return path;
  for (const key of Object.keys(a)) {
    const found = sharedObject((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/** The base as the working copy should hold it: without the view fields, and without the log when it leaves it out. */
function expectedOf(base: GameState, withoutLog: boolean): GameState {
  const { viewer: _viewer, hidden: _hidden, ...plain } = cloneState(base) as GameState & { viewer?: unknown; hidden?: unknown };
  return withoutLog ? { ...plain, log: [] } : plain;
}

describe("the working copy's undo", () => {
  test('the positions cover every round, pending choices, all three seats and every kind of action', () => {
    expect(new Set(live.map((s) => s.round)).size).toBe(rules.game.rounds.count);
    expect(live.some((s) => s.pending)).toBe(true);
    expect(new Set(live.map((s) => activeSeat(s))).size).toBe(3);
    const types = new Set(live.flatMap((s) => legalActions(rules, s, activeSeat(s) as FactionId).map((a) => a.type)));
    for (const type of ['choose', 'build', 'buyGpus', 'train', 'release', 'expand', 'deal', 'safety', 'collect', 'playCard', 'enact', 'washington'])
      expect(types.has(type as never)).toBe(true);
  });

  test('puts the copy back to its base after every legal action, sharing no object with it, with and without the log', () => {
    let checked = 0;
    for (const withoutLog of [false, true]) {
      let work: WorkingState | null = null;
      for (const [i, state] of live.entries()) {
        if (i % 2 === (withoutLog ? 1 : 0)) continue;
        const seat = activeSeat(state) as FactionId;
        for (const base of [viewFor(state, seat) as GameState, state]) {
          const before = cloneState(base);
          const expected = expectedOf(base, withoutLog);
          work = work ? work.rebase(base) : new WorkingState(base, { withoutLog });
          expect(work.state).toEqual(expected);
          for (const action of legalActions(rules, base, seat)) {
            expect(applyActionInPlace(rules, work.state, seat, action)).toBeNull();
            work.undo(action);
            expect(work.state).toEqual(expected);
            expect(sharedObject(work.state, base, 'state')).toBeNull();
            checked++;
          }
          expect(base).toEqual(before);
        }
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  test('undoes and resets in any order, and the round-ending actions put back everything', () => {
    const work = new WorkingState(live[0] as GameState);
    let ending = 0;
    for (const state of live.filter((_, i) => i % 3 === 0)) {
      const seat = activeSeat(state) as FactionId;
      const expected = expectedOf(state, false);
      work.rebase(state);
      for (const [j, action] of legalActions(rules, state, seat).entries()) {
        applyActionInPlace(rules, work.state, seat, action);
        if (work.state.round !== state.round) ending++;
        if (j % 5 === 4) work.reset();
        else work.undo(action);
        expect(work.state).toEqual(expected);
      }
    }
    expect(ending).toBeGreaterThan(50);
  });
});
