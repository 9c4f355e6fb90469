/**
 * The moves and round stats of a networked match, rebuilt from what a device receives: the
 * boardgame.io log (every move with the state id it was made from) and the seat's views.
 * A move seen live is described from the view just before it (exact); a move from before
 * this device arrived is taken from the device's saved trail, else described from the view of
 * the moment it was learned (its round and log position are then those of that moment).
 * Plain TypeScript: no DOM, no sockets.
 */
import type { LogEntry } from 'boardgame.io';
import type { Rules, SeatView } from '../../engine/index.js';
import { describeAction } from '../../bots/index.js';
import type { Bilingual, MoveRecord, WeighedOption } from '../session/session.js';
import type { RoundFigures } from '../../engine/index.js';
import { roundFigures } from '../../engine/index.js';
import type { Trail } from './saved.js';

export { movesInLog, type LoggedMove } from '../../game/log.js';
import { movesInLog } from '../../game/log.js';

/** The growing record of one match on one device. */
export class MoveBook {
  readonly moves: (MoveRecord & { stateID: number })[] = [];
  readonly rounds: RoundFigures[] = [];
  private view: SeatView | null = null;
  private readonly waiting = new Map<number, { explanation: Bilingual; weighed?: WeighedOption[] }>();

  constructor(
    private readonly rules: Rules,
    private readonly saved: Trail = { moves: [], rounds: [] },
  ) {}

  /**
   * Takes the log and view of a new state. Moves not seen yet are added (described from the
   * previous view when it is the state just before them); round stats grow at each new round.
   */
  receive(log: readonly LogEntry[], view: SeatView): void {
    const logged = movesInLog(log);
    const before = this.view;
    if (logged.length < this.moves.length) this.moves.length = 0; // another history (should not happen): start over
    for (let i = this.moves.length; i < logged.length; i++) {
      const m = logged[i]!;
      const cached = this.saved.moves[i];
      const live = before && i === logged.length - 1 && i === this.moves.length;
      let record: MoveRecord & { stateID: number };
      if (cached && cached.stateID === m.stateID && cached.seat === m.seat && cached.action.type === m.action.type) record = cached;
      else {
        const from = live ? before : view;
        record = {
          index: i,
          seat: m.seat,
          action: m.action,
          round: from.round,
          text: describeAction(this.rules, from, m.action),
          logBefore: from.log.length,
          stateID: m.stateID,
        };
      }
      const why = this.waiting.get(m.stateID);
      if (why) {
        record = { ...record, explanation: why.explanation, ...(why.weighed?.length ? { weighed: why.weighed } : {}) };
        this.waiting.delete(m.stateID);
      }
      this.moves.push(record);
    }
    this.trackRounds(before, view);
    this.view = view;
  }

  /** Attaches a bot's reasons to its move (now, or when the move arrives). */
  explain(stateID: number, explanation: Bilingual, weighed?: WeighedOption[]): boolean {
    const i = this.moves.findIndex((m) => m.stateID === stateID);
    if (i < 0) {
      this.waiting.set(stateID, { explanation, ...(weighed ? { weighed } : {}) });
      return false;
    }
    this.moves[i] = { ...this.moves[i]!, explanation, ...(weighed?.length ? { weighed } : {}) };
    return true;
  }

  /** What to save on the device. */
  trail(): Trail {
    return { moves: [...this.moves], rounds: [...this.rounds] };
  }

  private trackRounds(before: SeatView | null, view: SeatView): void {
    if (!before) {
      const saved = this.saved.rounds.filter((r) => r.round < view.round || (view.phase === 'over' && r.round <= view.round));
      if (saved.length > 0) this.rounds.push(...saved);
      else this.rounds.push(roundFigures(view, view.actionCount === 0 ? 0 : view.round - 1));
      return;
    }
    if (view.round !== before.round || (view.phase === 'over' && before.phase !== 'over')) this.rounds.push(roundFigures(view, before.round));
  }
}
