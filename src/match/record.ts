/** Records a match as it is played: feed it every applied action, then take the match file. */
import { FACTIONS, stateHash, type Action, type FactionId, type GameState } from '../engine/index.js';
import { MATCH_FORMAT, MATCH_VERSION, type MatchAction, type MatchFile, type MatchNews, type RoundHash, type SeatPlayer } from './schema.js';

/** Builds a match file from a game in progress. Call `applied` after each action the engine accepted. */
export class MatchRecorder {
  private readonly actions: MatchAction[] = [];
  private readonly roundHashes: RoundHash[] = [];
  private readonly news: MatchNews[] = [];
  private round: number;

  /** `state` is the initial state (before any action). */
  constructor(
    private readonly rulesHash: string,
    private readonly seed: string,
    private readonly seats: Record<FactionId, SeatPlayer>,
    state: GameState,
    private readonly createdBy?: string,
  ) {
    this.round = state.round;
  }

  /** Notes an action the engine has just applied to `state`; hashes the state if it ended a round or the game. */
  applied(seat: FactionId, action: Action, state: GameState): void {
    this.actions.push({ seat, action });
    if (state.round !== this.round || state.phase === 'over') {
      if (this.roundHashes.at(-1)?.round !== this.round) this.roundHashes.push({ round: this.round, afterAction: this.actions.length, hash: stateHash(state) });
      this.round = state.round;
    }
  }

  /** Notes an event the teacher injected now (after the actions recorded so far), once the engine accepted it. */
  injected(event: string): void {
    this.news.push({ afterAction: this.actions.length, event });
  }

  /** The match file so far (the final hash is that of `state`, the state after the last action). */
  toMatch(state: GameState): MatchFile {
    const result = state.result
      ? {
          reason: state.result.reason,
          winner: state.result.winner,
          vp: Object.fromEntries(FACTIONS.map((f) => [f, state.factions[f].vp])) as Record<FactionId, number>,
        }
      : null;
    return {
      format: MATCH_FORMAT,
      version: MATCH_VERSION,
      rulesHash: this.rulesHash,
      seed: this.seed,
      seats: this.seats,
      actions: [...this.actions],
      ...(this.news.length > 0 ? { news: [...this.news] } : {}),
      roundHashes: [...this.roundHashes],
      finalHash: stateHash(state),
      result,
      ...(this.createdBy ? { createdBy: this.createdBy } : {}),
    };
  }
}
