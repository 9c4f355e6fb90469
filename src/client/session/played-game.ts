/**
 * A game being played or replayed in this browser: the true state, the public list of moves
 * with their descriptions, per-round stats and a match recorder. Shared by `LocalSession` and
 * the replay viewer so both tell a match the same way.
 */
import { applyActionInPlace, createInitialState, type Action, type FactionId, type GameState, type Reason, type Rules } from '../../engine/index.js';
import { describeAction } from '../../bots/index.js';
import { MatchRecorder, serializeMatch, type SeatPlayer } from '../../match/index.js';
import type { Bilingual, MoveRecord, WeighedOption } from './session.js';
import type { RoundFigures } from '../../engine/index.js';
import { roundFigures } from '../../engine/index.js';

/** A game from its seed, grown one legal action at a time. */
export class PlayedGame {
  readonly state: GameState;
  readonly moves: MoveRecord[] = [];
  readonly rounds: RoundFigures[] = [];
  private readonly recorder: MatchRecorder;

  constructor(
    readonly rules: Rules,
    readonly seed: string,
    readonly seats: Record<FactionId, SeatPlayer>,
  ) {
    this.state = createInitialState(rules, seed);
    this.recorder = new MatchRecorder(rules.hash, seed, seats, this.state, 'browser');
    this.rounds.push(roundFigures(this.state, 0));
  }

  /** Applies `seat`'s action if the engine allows it; returns the refusal otherwise. */
  apply(seat: FactionId, action: Action, explanation?: Bilingual, weighed?: WeighedOption[]): Reason | null {
    const round = this.state.round;
    const record: MoveRecord = {
      index: this.moves.length,
      seat,
      action,
      round,
      text: describeAction(this.rules, this.state, action),
      logBefore: this.state.log.length,
      ...(explanation ? { explanation } : {}),
      ...(weighed?.length ? { weighed } : {}),
    };
    const refused = applyActionInPlace(this.rules, this.state, seat, action);
    if (refused) return refused;
    this.moves.push(record);
    this.recorder.applied(seat, action, this.state);
    if (this.state.round !== round || this.state.phase === 'over') this.rounds.push(roundFigures(this.state, round));
    return null;
  }

  /** The match so far as match-file text. */
  matchText(): string {
    return serializeMatch(this.recorder.toMatch(this.state));
  }
}
