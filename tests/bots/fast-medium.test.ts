/**
 * The medium policy's fast path (one working copy reset in place, the allocation-free
 * evaluation) against the reference it replaced (tests/bots/reference: a deep copy per
 * candidate, the engine's income, upkeep and prize functions): the same scored list, bit for bit,
 * and the same random draws, on many positions of seeded games of every era, for every seat.
 */
import { describe, expect, test } from 'vitest';
import {
  FACTIONS,
  Rng,
  activeSeat,
  applyActionInPlace,
  cloneState,
  createInitialState,
  legalActions,
  seedRng,
  viewFor,
  type FactionId,
  type GameState,
} from '../../src/engine/index.js';
import { chooseAction, decide } from '../../src/bots/index.js';
import { projectAll } from '../../src/bots/evaluate.js';
import { mediumAction, scoreActions } from '../../src/bots/medium.js';
import { defaultBotWeights, hardWeights } from '../../src/bots/weights.js';
import { decisionRng } from '../../src/bots/stream.js';
import { WorkingState } from '../../src/bots/working.js';
import { projectAll as referenceProjectAll } from './reference/evaluate-v1.js';
import { mediumAction as referenceMediumAction, scoreActions as referenceScoreActions } from './reference/medium-v1.js';
import { positionsOf, rules } from './helpers.js';

/** Positions of seeded random games (every round reached, choices pending, games over) and of medium games. */
function positions(): GameState[] {
  const out: GameState[] = [];
  for (let g = 0; g < 6; g++) {
    const state = createInitialState(rules, `fast-medium-${g}`);
    const rng = new Rng({ rng: { c: 1, s0: 0.25 + g / 100, s1: 0.5, s2: 0.75 } });
    for (let n = 0; state.phase !== 'over' && n < 400; n++) {
      const seat = activeSeat(state) as FactionId;
      if (n % 3 === g % 3 || state.pending) out.push(cloneState(state));
      const legal = legalActions(rules, state, seat);
      applyActionInPlace(rules, state, seat, legal[rng.int(legal.length)]!);
    }
    out.push(cloneState(state));
  }
  for (const seed of ['fast-medium-a', 'fast-medium-b']) out.push(...positionsOf(seed, 'medium', 4, 60));
  return out;
}

const all = positions();
const live = all.filter((s) => s.phase !== 'over');

function sharedObject(a: unknown, b: unknown, path: string): string | null {
  if (a === null || typeof a !== 'object') return null;
  if (a === b) return path;
  for (const key of Object.keys(a)) {
    const found = sharedObject((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

describe('the fast medium policy', () => {
  test('the positions cover every round, pending choices, finished games and all three seats', () => {
    expect(new Set(all.map((s) => s.round)).size).toBe(rules.game.rounds.count);
    expect(all.some((s) => s.pending)).toBe(true);
    expect(all.some((s) => s.phase === 'over')).toBe(true);
    expect(new Set(live.map((s) => activeSeat(s))).size).toBe(FACTIONS.length);
    expect(live.length).toBeGreaterThan(150);
  });

  test('projects every position exactly as the reference evaluation, for the shared and the hard weights', () => {
    for (const weights of [defaultBotWeights(), hardWeights(defaultBotWeights())]) {
      for (const state of all) expect(projectAll(rules, weights, state)).toEqual(referenceProjectAll(rules, weights, state));
    }
  });

  test('scores every candidate of every position exactly as the reference, drawing the same random numbers', () => {
    const weights = defaultBotWeights();
    let candidates = 0;
    for (const [i, state] of live.entries()) {
      const seat = activeSeat(state) as FactionId;
      for (const position of [viewFor(state, seat), state]) {
        const a = new Rng({ rng: { c: 1, s0: 0.1, s1: 0.2 + i / 1000, s2: 0.3 } });
        const b = new Rng({ rng: { c: 1, s0: 0.1, s1: 0.2 + i / 1000, s2: 0.3 } });
        const before = cloneState(position);
        const fast = scoreActions(rules, weights, position, seat, a);
        expect(fast).toEqual(referenceScoreActions(rules, weights, position, seat, b));
        expect(a.next()).toBe(b.next());
        expect(position).toEqual(before);
        candidates += fast.length;
      }
    }
    expect(candidates).toBeGreaterThan(10_000);
  });

  test("the simulator's choice at the medium and single-minded levels is the action decide explains", () => {
    for (const state of live.filter((_, i) => i % 2 === 0)) {
      const seat = activeSeat(state) as FactionId;
      for (const level of ['medium', 'single-build', 'single-release', 'single-train'] as const)
        expect(chooseAction(rules, state, seat, level, 'choose')).toEqual(decide(rules, viewFor(state, seat), level, 'choose').action);
    }
  });

  test('plays whole games (as the rollouts do: true states, every seat in turn) choosing as the reference at every move', () => {
    const weights = hardWeights(defaultBotWeights());
    let moves = 0;
    for (const seed of ['fast-medium-game-1', 'fast-medium-game-2']) {
      const state = createInitialState(rules, seed);
      const a = Rng.detached(seed);
      const b = Rng.detached(seed);
      while (state.phase !== 'over') {
        const seat = activeSeat(state) as FactionId;
        const fast = mediumAction(rules, weights, state, seat, a);
        expect(fast).toEqual(referenceMediumAction(rules, weights, state, seat, b));
        applyActionInPlace(rules, state, seat, fast.action);
        moves++;
      }
    }
    expect(moves).toBeGreaterThan(100);
  });

  test('its working copy equals the base (less the view fields) after any legal action and a reset, also rebased from another position, and shares no object with it', () => {
    let reused: WorkingState | null = null;
    for (const state of live.filter((_, i) => i % 4 === 0)) {
      const seat = activeSeat(state) as FactionId;
      const view = viewFor(state, seat);
      const { viewer: _viewer, hidden: _hidden, ...plain } = cloneState(view);
      for (const base of [view as GameState, state]) {
        const before = cloneState(base);
        const expected = base === state ? before : plain;
        const fresh = new WorkingState(base);
        expect(fresh.state).toEqual(expected);
        const work = reused ? reused.rebase(base) : (reused = fresh);
        expect(work.state).toEqual(expected);
        for (const action of legalActions(rules, base, seat)) {
          expect(applyActionInPlace(rules, work.state, seat, action)).toBeNull();
          work.reset();
          expect(work.state).toEqual(expected);
          expect(sharedObject(work.state, base, 'state')).toBeNull();
        }
        expect(base).toEqual(before);
      }
    }
  });
});

describe('the working copy of a state with fields the fast path does not know', () => {
  test('copies them generically: equal to its base after any legal action and a reset, sharing no object, and rebases to and from such a state', () => {
    for (const state of live.filter((_, i) => i % 25 === 0)) {
      const seat = activeSeat(state) as FactionId;
      const base = cloneState(state) as GameState & { note?: { tags: string[] } };
      base.note = { tags: ['a', 'b'] };
      (base.tracks as Record<string, number>).extra = 2;
      (base.factions.eu as unknown as Record<string, unknown>).memo = { n: [1, 2] };
      const before = cloneState(base);
      const work = new WorkingState(base);
      for (const action of legalActions(rules, base, seat)) {
        applyActionInPlace(rules, work.state, seat, action);
        work.reset();
        expect(work.state).toEqual(before);
        expect(sharedObject(work.state, base, 'state')).toBeNull();
      }
      expect(work.rebase(cloneState(state)).state).toEqual(cloneState(state));
      expect(new WorkingState(cloneState(state)).rebase(base).state).toEqual(before);
    }
  });
});

describe("a decision's random stream", () => {
  test('draws what the engine stream seeded with the same string draws, without a state holder', () => {
    for (let i = 0; i < 50; i++) {
      const view = { round: 1 + (i % 8), actionCount: i * 7 };
      const fast = decisionRng(`seed-${i}`, view);
      const engine = new Rng({ rng: seedRng(`seed-${i}/decision/${view.round}/${view.actionCount}`) });
      for (let k = 0; k < 200; k++) expect(fast.next()).toBe(engine.next());
      expect(fast.int(1000)).toBe(engine.int(1000));
    }
  });
});
