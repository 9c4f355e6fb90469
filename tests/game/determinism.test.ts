import type { State } from 'boardgame.io';
import { describe, expect, test } from 'vitest';
import {
  FACTIONS,
  Rng,
  activeSeat,
  applyAction,
  applyActionInPlace,
  createInitialState,
  seedRng,
  stateHash,
  type Action,
  type FactionId,
  type GameState,
} from '../../src/engine/index.js';
import { moveArgs } from '../../src/game/gigawatt.js';
import { randomAction } from '../helpers/random-action.js';
import { playGame } from '../../src/sim/run/play.js';
import { bgioMatch, makeMoveAction } from '../../src/sim/run/bgio-play.js';
import { rules } from '../helpers/positions.js';

const random = { us: 'random', china: 'random', eu: 'random' } as const;

describe('determinism through the engine', () => {
  test('the same seed and actions give the same state hash after every action', () => {
    for (const seed of ['det-1', 'det-2', 'det-3']) {
      const played = playGame(rules, seed, random, true);
      expect(playGame(rules, seed, random, true).state).toEqual(played.state);
      const replay = createInitialState(rules, seed);
      const hashes: string[] = [];
      for (const { seat, action } of played.actions) {
        expect(applyActionInPlace(rules, replay, seat, action)).toBeNull();
        hashes.push(stateHash(replay));
      }
      expect(stateHash(replay)).toBe(stateHash(played.state));
      const again = createInitialState(rules, seed);
      played.actions.forEach(({ seat, action }, i) => {
        applyActionInPlace(rules, again, seat, action);
        expect(stateHash(again)).toBe(hashes[i]);
      });
    }
  });

  test('different seeds deal different games', () => {
    expect(stateHash(createInitialState(rules, 'a'))).not.toBe(stateHash(createInitialState(rules, 'b')));
    expect(createInitialState(rules, 'a')).toEqual(createInitialState(rules, 'a'));
  });

  test('the state is plain JSON: a JSON round trip keeps its hash and the game goes on the same', () => {
    const played = playGame(rules, 'det-json', random, true);
    let state = createInitialState(rules, 'det-json');
    for (const { seat, action } of played.actions) {
      state = JSON.parse(JSON.stringify(state)) as GameState;
      expect(applyActionInPlace(rules, state, seat, action)).toBeNull();
    }
    expect(stateHash(state)).toBe(stateHash(played.state));
  });

  test('applyAction never changes the state it is given', () => {
    const played = playGame(rules, 'det-pure', random, true);
    const state = createInitialState(rules, 'det-pure');
    for (const { seat, action } of played.actions.slice(0, 60)) {
      const before = stateHash(state);
      const next = applyAction(rules, state, seat, action);
      expect(stateHash(state)).toBe(before);
      expect(next.ok).toBe(true);
      applyActionInPlace(rules, state, seat, action);
    }
  });
});

describe('determinism through boardgame.io', () => {
  test('the reducer and the engine reach the same state after every action of the same list', () => {
    for (const seed of ['bgio-det-1', 'bgio-det-2']) {
      const { reducer, initial } = bgioMatch(rules, seed);
      const engine = createInitialState(rules, seed);
      expect(stateHash(initial.G)).toBe(stateHash(engine));
      const streams = Object.fromEntries(FACTIONS.map((s) => [s, new Rng({ rng: seedRng(`${seed}:${s}`) })])) as Record<FactionId, Rng>;
      let state: State<GameState> = initial;
      let moves = 0;
      while (engine.phase !== 'over') {
        const seat = activeSeat(engine)!;
        const action: Action = randomAction(rules, engine, seat, streams[seat]);
        expect(applyActionInPlace(rules, engine, seat, action)).toBeNull();
        state = reducer(state, makeMoveAction(seat, action.type, [moveArgs(action)]) as never) as State<GameState>;
        expect(stateHash(state.G), `${seed}, move ${moves}: ${JSON.stringify(action)}`).toBe(stateHash(engine));
        moves++;
      }
      expect(state.G).toEqual(engine);
      expect(state.ctx.gameover).toBeDefined();
      expect(moves).toBeGreaterThan(50);
    }
  });

  test('boardgame.io’s current player is always the engine’s active seat', () => {
    const { reducer, initial } = bgioMatch(rules, 'bgio-turns');
    const rng = new Rng({ rng: seedRng('bgio-turns-picker') });
    let state: State<GameState> = initial;
    while (state.G.phase !== 'over') {
      const seat = activeSeat(state.G)!;
      expect(state.ctx.currentPlayer).toBe(String(FACTIONS.indexOf(seat)));
      const action = randomAction(rules, state.G, seat, rng);
      state = reducer(state, makeMoveAction(seat, action.type, [moveArgs(action)]) as never) as State<GameState>;
    }
  });
});
