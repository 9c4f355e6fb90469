/**
 * A recorded match laid out for the replay viewer: the position after every action, the
 * action index where each round starts, and a `SessionUpdate`-shaped snapshot at any point.
 */
import { FACTIONS, viewFor, type FactionId, type GameState, type Rules } from '../../engine/index.js';
import { cloneState } from '../../engine/index.js';
import { explainRecordedMove } from '../../bots/index.js';
import { parseMatch, replayMatch, type MatchFile } from '../../match/index.js';
import { PlayedGame } from '../session/played-game.js';
import type { SessionUpdate } from '../session/session.js';

/** A loaded match, ready to scrub. */
export interface ReplayTimeline {
  match: MatchFile;
  /** states[i]: the position after i actions (0: the start). */
  states: GameState[];
  /** The finished game (moves and round stats of the whole match). */
  game: PlayedGame;
  /** roundStart[r]: the action count at which round r begins (r from 1). */
  roundStart: Record<number, number>;
  /** The seat whose hidden cards the viewer sees: the only person seat, else nobody. */
  viewer: FactionId | null;
}

/** Loads match-file text; a bad file or a match under other rules gives a one-line error. */
export function loadReplay(rules: Rules, text: string): { ok: true; timeline: ReplayTimeline } | { ok: false; error: string } {
  const parsed = parseMatch(text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const match = parsed.value;
  const check = replayMatch(rules, match, { verify: false });
  if (!check.ok) return { ok: false, error: check.action ? `action ${check.action}: ${check.error}` : check.error };
  const game = new PlayedGame(rules, match.seed, match.seats);
  const states = [cloneState(game.state)];
  const roundStart: Record<number, number> = { 1: 0 };
  for (const { seat, action } of match.actions) {
    const round = game.state.round;
    // The match file keeps no bot's reasons: a bot's move is explained from the recorded position (what it aims at, without the search's figures).
    const why = match.seats[seat].kind === 'bot' ? explainRecordedMove(rules, game.state, seat, action) : undefined;
    const refused = game.apply(seat, action, why);
    if (refused) return { ok: false, error: `action ${states.length}: refused` };
    states.push(cloneState(game.state));
    if (game.state.round !== round && roundStart[game.state.round] === undefined) roundStart[game.state.round] = states.length - 1;
  }
  const persons = FACTIONS.filter((f) => match.seats[f].kind === 'person');
  return { ok: true, timeline: { match, states, game, roundStart, viewer: persons.length === 1 ? (persons[0] as FactionId) : null } };
}

/** The snapshot after `index` actions, shaped like a session update (for the same board and log). */
export function snapshotAt(t: ReplayTimeline, index: number): SessionUpdate {
  const i = Math.max(0, Math.min(index, t.states.length - 1));
  const state = t.states[i] as GameState;
  const done = t.game.rounds.filter(
    (r) => r.round === 0 || (t.roundStart[r.round + 1] ?? Infinity) <= i || (i === t.states.length - 1 && state.phase === 'over'),
  );
  return { view: viewFor(state, t.viewer), moves: t.game.moves.slice(0, i), rounds: done, seats: t.match.seats, thinking: null, seed: t.match.seed };
}

/** The round being played after `index` actions. */
export function roundAt(t: ReplayTimeline, index: number): number {
  return (t.states[Math.max(0, Math.min(index, t.states.length - 1))] as GameState).round;
}
