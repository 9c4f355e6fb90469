/**
 * Plays the server's part at every class table: bots move in seats handed to them, and a seat
 * whose turn timer runs out takes the default action (Collect, or the first option of a pending
 * headline choice). Reacts to every stored state and class change; a tick checks deadlines.
 * With several instances (`leases` given), a class's bots and timers are driven only by the
 * instance holding the class's lease, and the tick also looks at states other instances stored.
 */
import { rulesOfState } from '../engine/rules/presets.js';
import { FACTIONS, activeSeat, checkAction, legalActions, viewFor, type Action, type FactionId, type GameState, type Rules } from '../engine/index.js';
import { moveArgs, PLAYER_IDS } from '../game/gigawatt.js';
import { botSeed } from '../engine/seeds.js';
import { describeAction } from '../bots/index.js';
import type { BotPool } from './bot-pool.js';
import type { ClassState, TableState } from './class-model.js';
import type { ClassService } from './classes.js';
import type { Leases } from './lease.js';
import type { SqlStorage } from './storage.js';
import type { BotNote } from '../protocol/classroom.js';

/** After a restart, a turn that was running gets at least this long (clients need to reconnect). */
const RESTART_GRACE_MS = 15_000;

/** How the runner submits a move (through the transport's queue and master). */
export type SubmitMove = (matchID: string, playerID: string, action: Action, stateID: number) => Promise<void>;

/** The default action of a seat that ran out of time. */
function defaultAction(rules: Rules, state: GameState, seat: FactionId): Action | null {
  if (state.pending?.seat === seat) {
    const option = state.pending.options[0];
    return option ? { type: 'choose', option } : null;
  }
  const collect: Action = { type: 'collect' };
  if (!checkAction(rules, state, seat, collect)) return collect;
  return legalActions(rules, state, seat)[0] ?? null;
}

export type { BotNote } from '../protocol/classroom.js';

/** The runner. */
export class TableRunner {
  private readonly thinking = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private readonly notes = new Map<string, BotNote>();
  private readonly timeouts = new Map<string, number>();
  /** Shared database: the classes whose lease this instance held at the last tick. */
  private readonly held = new Set<string>();
  /** Shared database: what the sweep last saw of each table (state id and seat modes). */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly rules: Rules,
    private readonly classes: ClassService,
    private readonly storage: SqlStorage,
    private readonly pool: BotPool,
    private readonly submit: SubmitMove,
    private readonly botDelayMs: number,
    private readonly now: () => number = Date.now,
    private readonly leases: Leases | null = null,
  ) {
    storage.onState((matchID) => {
      const found = classes.tableOf(matchID);
      if (found) this.review(found.cls, found.table);
    });
    classes.onChange((cls, table) => {
      for (const t of table ? [table] : cls.tables) this.review(cls, t);
    });
    classes.onDelete((code, matchIDs) => {
      this.held.delete(code);
      for (const id of matchIDs) {
        this.notes.delete(id);
        this.timeouts.delete(id);
        this.seen.delete(id);
      }
    });
  }

  /** Starts the deadline tick; gives running turns a grace period after a restart. */
  start(tickMs = 200): void {
    const now = this.now();
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref();
    // Shared database: a dead instance's turns go on where they were (its clients move over).
    if (this.leases) return;
    for (const cls of this.classes.all()) {
      if (cls.status !== 'running') continue;
      for (const t of cls.tables) {
        if (t.deadline !== null) t.deadline = Math.max(t.deadline, now + RESTART_GRACE_MS);
        this.classes.saveTimer(cls, t);
        this.review(cls, t);
      }
    }
  }

  /** Stops the tick (and gives up this instance's leases, so another takes over at once). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.leases) {
      this.held.clear();
      try {
        this.leases.releaseAll();
      } catch {}
    }
  }

  /** Records a bot note made by another instance (for the console). */
  recordNote(matchID: string, note: BotNote): void {
    this.notes.set(matchID, note);
  }

  /** Does this instance drive this class's bots and timers? (Always, without leases.) */
  private drives(cls: ClassState): boolean {
    return !this.leases || this.held.has(cls.code);
  }

  /** Shared database: renews or takes the lease of every running class, and reviews its tables. */
  private sweep(): void {
    if (!this.leases) return;
    this.classes.refreshRunning();
    for (const cls of this.classes.all()) {
      if (cls.status !== 'running') {
        // Closed, paused or ended: forget what was seen, so that a class running again (reopened
        // after a close) has its tables reviewed even though their states did not change.
        this.held.delete(cls.code);
        for (const t of cls.tables) this.seen.delete(t.matchID);
        continue;
      }
      if (this.leases.hold(`class:${cls.code}`)) this.held.add(cls.code);
      else {
        this.held.delete(cls.code);
        for (const t of cls.tables) this.seen.delete(t.matchID);
      }
      if (!this.held.has(cls.code)) continue;
      for (const t of cls.tables) {
        // Reading a state id is cheap; the whole state is read only when something changed.
        const key = `${this.storage.latestStateID(t.matchID)}|${FACTIONS.map((f) => t.seats[f].mode).join()}`;
        if (this.seen.get(t.matchID) === key) continue;
        this.seen.set(t.matchID, key);
        this.review(cls, t);
      }
    }
  }

  /** The last bot move at a table. */
  noteOf(matchID: string): BotNote | undefined {
    return this.notes.get(matchID);
  }

  /** How many turns timed out at a table. */
  timeoutsOf(matchID: string): number {
    return this.timeouts.get(matchID) ?? 0;
  }

  /** `review` from a timer: a failure is logged (the sweep looks at the table again). */
  private reviewSafely(cls: ClassState, table: TableState): void {
    try {
      this.review(cls, table);
    } catch (e) {
      console.error('[runner] review failed', e instanceof Error ? e.message : e);
    }
  }

  /** Looks at a table after a change: a bot to move, or a timer to set. */
  review(cls: ClassState, table: TableState): void {
    if (cls.status !== 'running' || !this.drives(cls)) return;
    const state = this.storage.latestState(table.matchID);
    if (!state) return;
    const G = state.G as GameState;
    const seat = activeSeat(G);
    // A table waiting for the class's discussion: no bot moves, no timer runs.
    if (!seat || state.ctx.gameover !== undefined || this.classes.waiting(cls, table)) {
      if (table.deadline !== null) {
        table.deadline = null;
        this.classes.saveTimer(cls, table);
      }
      return;
    }
    if (table.seats[seat].mode === 'bot') {
      if (table.deadline !== null) {
        table.deadline = null;
        this.classes.saveTimer(cls, table);
      }
      this.think(cls, table, seat, state._stateID);
      return;
    }
    if (table.turnKey !== state._stateID) {
      table.turnKey = state._stateID;
      table.deadline = cls.settings.turnSeconds > 0 ? this.now() + cls.settings.turnSeconds * 1000 : null;
      this.classes.saveTimer(cls, table);
    }
  }

  private think(cls: ClassState, table: TableState, seat: FactionId, stateID: number): void {
    const key = `${table.matchID}/${stateID}`;
    if (this.thinking.has(key)) return;
    this.thinking.add(key);
    const run = async () => {
      try {
        if (this.botDelayMs > 0) await new Promise((r) => setTimeout(r, this.botDelayMs));
        const state = this.storage.latestState(table.matchID);
        if (!state || state._stateID !== stateID || cls.status !== 'running' || table.seats[seat].mode !== 'bot') return;
        const G = state.G as GameState;
        let action: Action | null = null;
        try {
          const d = await this.pool.decide(viewFor(G, seat), cls.settings.botLevel, botSeed(table.seed, seat));
          if (!checkAction(rulesOfState(G, this.rules), G, seat, d.action)) {
            action = d.action;
            this.notes.set(table.matchID, { seat, round: G.round, stateID, ...d.explanation, weighed: d.weighed });
          }
        } catch (e) {
          console.error(`[runner] bot failed at table ${cls.code}/${table.no}:`, e instanceof Error ? e.message : e);
        }
        action ??= defaultAction(rulesOfState(G, this.rules), G, seat);
        if (!action) return;
        const latest = this.storage.latestState(table.matchID);
        // The class as it is now (read again: on a shared database another request may have
        // closed, paused or ended it while the bot thought, and `cls` is the copy of before).
        const now = this.classes.tableOf(table.matchID);
        if (!latest || latest._stateID !== stateID || !now || now.cls.status !== 'running' || now.table.seats[seat].mode !== 'bot' || !this.drives(now.cls))
          return;
        if (this.classes.waiting(now.cls, now.table)) return;
        await this.submit(table.matchID, PLAYER_IDS[seat], action, stateID);
      } finally {
        this.thinking.delete(key);
      }
      // Refused (a race with the teacher or a restart): look again shortly.
      if (this.storage.latestState(table.matchID)?._stateID === stateID) setTimeout(() => this.reviewSafely(cls, table), 1000).unref();
    };
    void run().catch((e) => console.error('[runner] bot move failed', e));
  }

  /**
   * Times out every turn past its deadline. Runs on a timer: a failure (the database did not
   * answer) is logged and the next tick tries again; it must not end the process.
   */
  tick(): void {
    try {
      this.sweep();
      this.timeOutTurns();
    } catch (e) {
      console.error('[runner] tick failed', e instanceof Error ? e.message : e);
    }
  }

  private timeOutTurns(): void {
    const now = this.now();
    for (const cls of this.classes.all()) {
      if (cls.status !== 'running' || !this.drives(cls)) continue;
      for (const table of cls.tables) {
        if (table.deadline === null || table.deadline > now) continue;
        const state = this.storage.latestState(table.matchID);
        const seat = state ? activeSeat(state.G as GameState) : null;
        table.deadline = null;
        this.classes.saveTimer(cls, table);
        if (!state || !seat || table.seats[seat].mode === 'bot') continue;
        const action = defaultAction(rulesOfState(state.G as GameState, this.rules), state.G as GameState, seat);
        if (!action) continue;
        const G = state.G as GameState;
        const words = describeAction(rulesOfState(G, this.rules), G, action);
        void this.submit(table.matchID, PLAYER_IDS[seat], action, state._stateID)
          .catch((e) => console.error('[runner] timeout move failed', e))
          .finally(() => {
            if (this.storage.latestState(table.matchID)?._stateID !== state._stateID) {
              // The move was stored: the table (and the seat's students) learn what was played for them.
              this.timeouts.set(table.matchID, this.timeoutsOf(table.matchID) + 1);
              table.lastTimeout = { seat, round: G.round, stateID: state._stateID, en: withoutFullStop(words.en), fr: withoutFullStop(words.fr) };
              this.classes.saveTimer(cls, table);
              return;
            }
            table.turnKey = null;
            this.review(cls, table);
          })
          .catch((e) => console.error('[runner] after a timeout move', e instanceof Error ? e.message : e));
      }
    }
  }
}

/** The move name and arguments boardgame.io expects for an engine action. */
export function toMove(action: Action): { type: string; args: unknown[] } {
  return { type: action.type, args: [moveArgs(action)] };
}

/** Every seat id, for iteration in other modules. */
export const SEATS = FACTIONS;

/** A move's words without their closing full stop (an event answer's effect text has one): the notice that quotes them adds its own. */
function withoutFullStop(words: string): string {
  return words.replace(/[.\s]+$/, '');
}
