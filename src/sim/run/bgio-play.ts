/** Plays a seeded random game through boardgame.io's own reducer (for benchmarks and equivalence tests). */
import { CreateGameReducer, InitializeGame, ProcessGameConfig } from 'boardgame.io/internal';
import type { State } from 'boardgame.io';
import { activeSeat, sampleLegalAction, type FactionId, type GameState, type Rules } from '../../engine/index.js';
import { createGigawattGame, moveArgs, PLAYER_IDS } from '../../game/gigawatt.js';
import { walkStreams, type PlayedAction } from './play.js';

/** A boardgame.io reducer and initial state for a seeded match. */
export function bgioMatch(rules: Rules, seed: string) {
  const game = ProcessGameConfig(createGigawattGame(rules));
  const reducer = CreateGameReducer({ game });
  const initial = InitializeGame({ game, numPlayers: 3, setupData: { seed } }) as State<GameState>;
  return { game, reducer, initial };
}

/** A MAKE_MOVE action as boardgame.io's clients send it. */
export function makeMoveAction(seat: FactionId, type: string, args: unknown[]) {
  return { type: 'MAKE_MOVE' as const, payload: { type, args, playerID: PLAYER_IDS[seat] } };
}

/** Plays the seeded random walk (`playRandomWalk`: the same game) through the boardgame.io reducer; returns the final bgio state. */
export function playGameThroughBgio(rules: Rules, seed: string, record?: PlayedAction[]): State<GameState> {
  const { reducer, initial } = bgioMatch(rules, seed);
  const streams = walkStreams(seed);
  let state = initial;
  for (let n = 0; n < 2000; n++) {
    const seat = activeSeat(state.G);
    if (!seat) return state;
    const action = sampleLegalAction(rules, state.G, seat, streams[seat]);
    if (!action) throw new Error(`No legal action for ${seat} in ${seed}`);
    const next = reducer(state, makeMoveAction(seat, action.type, [moveArgs(action)]) as never) as State<GameState>;
    if (next === state || next.G === state.G) throw new Error(`boardgame.io refused ${JSON.stringify(action)} in ${seed}`);
    record?.push({ seat, action });
    state = next;
  }
  throw new Error(`Game ${seed} did not end through boardgame.io`);
}
