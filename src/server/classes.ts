/**
 * The class service: hosts classes, seats students (teams of up to four devices), and carries
 * out the teacher's actions. It owns the seat fields (names, credentials, who plays) of class
 * tables; boardgame.io's own lobby cannot change them.
 */
import type { Game, Server } from 'boardgame.io';
import { createMatch } from 'boardgame.io/internal';
import { BOT_LEVELS } from '../bots/index.js';
import { FACTIONS, activeSeat, isOneOf, type FactionId, type GameState } from '../engine/index.js';
import { err, ok, type Result } from '../engine/result.js';
import { PLAYER_IDS, seatOf } from '../game/gigawatt.js';
import { gameSeed, isValidSeed } from '../engine/seeds.js';
import { isPresetId, PRESET_IDS, type PresetId } from '../engine/rules/presets.js';
import { MAX_DEVICES_PER_SEAT, personId, type ClassSettings, type ClassState, type SeatMode, type SeatState, type TableState } from './class-model.js';
import type { ClassStore } from './class-store.js';
import { sanitiseName, sanitiseText } from './sanitise.js';
import { MAX_PROMPT, type DiscussionPreset } from '../protocol/classroom.js';
import { freshSeed } from '../match/fresh-seed.js';
import { classCode, hashSecret, randomToken, sameSecret } from './secrets.js';
import type { SqlStorage } from './storage.js';
import type { SeatTicket } from '../protocol/classroom.js';

/** Limits of a class. */
const MAX_TABLES = 14;
const MAX_TURN_SECONDS = 900;

export type { SeatTicket } from '../protocol/classroom.js';

/** Parses the teacher's hosting form. */
export function parseClassSettings(input: unknown): Result<ClassSettings> {
  if (typeof input !== 'object' || input === null) return err('expected a JSON object');
  const b = input as Record<string, unknown>;
  const tables = b.tables ?? 1;
  if (typeof tables !== 'number' || !Number.isInteger(tables) || tables < 1 || tables > MAX_TABLES)
    return err(`tables must be a whole number from 1 to ${MAX_TABLES}`);
  const conditions = b.conditions ?? ['standard'];
  if (!Array.isArray(conditions) || conditions.length < 1 || conditions.length > tables || !conditions.every(isPresetId))
    return err(`conditions must list 1 to ${tables} (one per table at most) of ${PRESET_IDS.join(', ')}`);
  // An experiment compares conditions on the same deal: its tables share the seed unless asked otherwise.
  const seedMode = b.seedMode ?? (new Set(conditions).size > 1 ? 'shared' : 'perTable');
  if (seedMode !== 'shared' && seedMode !== 'perTable') return err('seedMode must be "shared" or "perTable"');
  const seed = b.seed === undefined || b.seed === null || b.seed === '' ? null : b.seed;
  if (seed !== null && (typeof seed !== 'string' || !isValidSeed(seed))) return err('seed must be a word of letters, digits and - _ . : (up to 64)');
  const botLevel = b.botLevel ?? 'medium';
  if (!isOneOf(BOT_LEVELS, botLevel)) return err(`botLevel must be one of ${BOT_LEVELS.join(', ')}`);
  const turnSeconds = b.turnSeconds ?? 90;
  if (typeof turnSeconds !== 'number' || !Number.isInteger(turnSeconds) || turnSeconds < 0 || turnSeconds > MAX_TURN_SECONDS)
    return err(`turnSeconds must be a whole number from 0 (no timer) to ${MAX_TURN_SECONDS}`);
  const lang = b.lang ?? 'en';
  if (lang !== 'en' && lang !== 'fr') return err('lang must be "en" or "fr"');
  return ok({ tables, seedMode, seed: seed as string | null, botLevel, turnSeconds, lang, conditions });
}

/** The condition (scenario preset) of table `no`: the class's conditions given in turn. */
function conditionOf(settings: ClassSettings, no: number): PresetId {
  const list = settings.conditions ?? [];
  return list[no % Math.max(1, list.length)] ?? 'standard';
}

/** A table's condition (tables stored before experiments played the standard rules). */
export function presetOf(table: TableState): PresetId {
  return table.preset ?? 'standard';
}

/**
 * Classes, tables and seats, kept in memory and written through to the database. `shared`:
 * other instances change the same classes, so every read refreshes the class from the database
 * and every change runs in a transaction holding the class row's lock (changed in place: the
 * objects handed out stay the same).
 */
export class ClassService {
  private readonly classes = new Map<string, ClassState>();
  private readonly byMatch = new Map<string, { code: string; no: number }>();
  private readonly listeners: ((c: ClassState, t: TableState | null) => void)[] = [];
  private readonly deleteListeners: ((code: string, matchIDs: string[]) => void)[] = [];

  constructor(
    private readonly game: Game,
    private readonly storage: SqlStorage,
    private readonly store: ClassStore,
    private readonly shared = false,
  ) {
    // Shared database: classes are loaded when asked for (and the running ones by the runner).
    if (!shared) for (const c of store.loadAll()) this.index(c);
    storage.setMetadataGuard((matchID, incoming, stored) => {
      if (!this.byMatch.has(matchID) || !stored) return incoming;
      const players: Server.MatchData['players'] = {};
      for (const [id, p] of Object.entries(incoming.players)) {
        const s = stored.players[Number(id)];
        players[Number(id)] = { ...p, name: s?.name, credentials: s?.credentials, data: s?.data };
      }
      return { ...incoming, players };
    });
  }

  /** Called after any change of a class (t: the table that changed, or null for all). */
  onChange(listener: (c: ClassState, t: TableState | null) => void): void {
    this.listeners.push(listener);
  }

  /** Called after a class was deleted, with its tables' match ids (to close their sockets, forget their notes). */
  onDelete(listener: (code: string, matchIDs: string[]) => void): void {
    this.deleteListeners.push(listener);
  }

  /**
   * Deletes a class and all its data (seats and names, tables, every move) from the database in
   * one transaction, then from memory. Returns the deleted tables' match ids.
   */
  delete(code: string): string[] {
    const key = code.toUpperCase();
    const known = this.classes.get(key);
    const stored = this.store.deleteClass(key);
    const matchIDs = [...new Set([...stored, ...(known?.tables.map((t) => t.matchID) ?? [])])];
    this.forget(key, matchIDs);
    for (const l of this.deleteListeners) l(key, matchIDs);
    return matchIDs;
  }

  /** Deletes every class created before `cutoff` (epoch ms): the retention period. Returns their codes. */
  deleteCreatedBefore(cutoff: number): string[] {
    const codes = new Set(this.store.createdBefore(cutoff));
    for (const c of this.classes.values()) if (c.createdAt < cutoff) codes.add(c.code);
    for (const code of codes) this.delete(code);
    return [...codes];
  }

  /** Drops a class from memory (deleted here or, with a shared database, by another instance). */
  private forget(code: string, matchIDs: string[] = this.classes.get(code)?.tables.map((t) => t.matchID) ?? []): void {
    this.classes.delete(code);
    for (const id of matchIDs) {
      this.byMatch.delete(id);
      this.storage.forget(id);
    }
  }

  /** Every class (for the runner after a restart). */
  all(): ClassState[] {
    return [...this.classes.values()];
  }

  /** Shared database: reloads the running classes (new ones included) and those known here. */
  refreshRunning(): void {
    if (!this.shared) return;
    const codes = new Set([...this.store.runningCodes(), ...[...this.classes.values()].filter((c) => c.status === 'running').map((c) => c.code)]);
    for (const code of codes) {
      const fresh = this.store.load(code);
      if (fresh) this.merge(fresh);
      else this.forget(code);
    }
  }

  /** A class by its code (case-insensitive). */
  get(code: unknown): ClassState | undefined {
    if (typeof code !== 'string') return undefined;
    const key = code.toUpperCase();
    if (this.shared) {
      const fresh = this.store.load(key);
      if (fresh) return this.merge(fresh);
      this.forget(key);
      return undefined;
    }
    return this.classes.get(key);
  }

  /** Copies a class read from the database into the in-memory one (kept by identity). */
  private merge(fresh: ClassState): ClassState {
    const known = this.classes.get(fresh.code);
    if (!known) {
      this.index(fresh);
      return fresh;
    }
    const { tables, ...rest } = fresh;
    Object.assign(known, rest);
    tables.forEach((t, i) => {
      const table = known.tables[i];
      if (table) Object.assign(table, t);
      else known.tables.push(t);
    });
    this.index(known);
    return known;
  }

  /** Runs a change of a class atomically; shared database: on its fresh copy, holding its row lock. */
  private locked<T>(cls: ClassState, change: () => T): T {
    if (!this.shared) return change();
    return this.store.sql.transaction(() => {
      const fresh = this.store.load(cls.code, true);
      if (fresh) this.merge(fresh);
      return change();
    });
  }

  /** The class and table a match belongs to, if it is a class table. */
  tableOf(matchID: string): { cls: ClassState; table: TableState } | undefined {
    if (this.shared) {
      const code = this.byMatch.get(matchID)?.code ?? this.store.codeOfMatch(matchID);
      if (code) this.get(code);
    }
    const ref = this.byMatch.get(matchID);
    const cls = ref && this.classes.get(ref.code);
    const table = cls?.tables[ref!.no];
    return cls && table ? { cls, table } : undefined;
  }

  /** Is this the class's teacher secret? */
  isTeacher(cls: ClassState, secret: unknown): boolean {
    return sameSecret(hashSecret(typeof secret === 'string' ? secret : ''), cls.secretHash);
  }

  /** Hosts a class: creates its tables with their seeds. Returns the class and the teacher's secret (shown once). */
  create(settings: ClassSettings, now: number): { cls: ClassState; secret: string } {
    let code = classCode();
    while (this.classes.has(code) || (this.shared && this.store.load(code))) code = classCode();
    const secret = randomToken(24);
    const shared = settings.seed ?? freshSeed();
    const tables: TableState[] = [];
    for (let no = 0; no < settings.tables; no++) {
      const seed = settings.seedMode === 'shared' ? shared : settings.seed ? gameSeed(settings.seed, no) : freshSeed();
      tables.push(this.createTable(no, seed, conditionOf(settings, no)));
    }
    const cls: ClassState = { code, secretHash: hashSecret(secret), settings, status: 'lobby', createdAt: now, startedAt: null, endedAt: null, tables };
    this.store.saveClass(cls);
    this.index(cls);
    return { cls, secret };
  }

  private createTable(no: number, seed: string, preset: PresetId): TableState {
    const made = createMatch({ game: this.game, numPlayers: 3, setupData: { seed, preset }, unlisted: true });
    if ('setupDataError' in made) throw new Error(`Cannot create a table: ${made.setupDataError}`);
    const matchID = randomToken(12);
    const credentials = Object.fromEntries(FACTIONS.map((f) => [f, randomToken(24)])) as Record<FactionId, string>;
    const seats = Object.fromEntries(FACTIONS.map((f) => [f, { mode: 'open', people: [] } as SeatState])) as Record<FactionId, SeatState>;
    const invites = Object.fromEntries(FACTIONS.map((f) => [f, randomToken(12)])) as Record<FactionId, string>;
    const table: TableState = { no, matchID, seed, preset, credentials, invites, seats, deadline: null, remainingMs: null, turnKey: null };
    const metadata = made.metadata;
    for (const f of FACTIONS) metadata.players[Number(PLAYER_IDS[f])] = { id: Number(PLAYER_IDS[f]), credentials: credentials[f], data: { mode: 'open' } };
    this.storage.createMatchSync(matchID, { initialState: made.initialState, metadata });
    return table;
  }

  private index(cls: ClassState): void {
    // Tables stored before seat links existed get theirs now.
    for (const t of cls.tables) t.invites ??= Object.fromEntries(FACTIONS.map((f) => [f, randomToken(12)])) as Record<FactionId, string>;
    this.classes.set(cls.code, cls);
    for (const t of cls.tables) this.byMatch.set(t.matchID, { code: cls.code, no: t.no });
  }

  /**
   * Seats a student. Who may sit where (the rule a teacher expects):
   * - before the class starts, anyone with the class code takes a free seat, or is placed by the
   *   class ("Place me": an empty seat, else the smallest team);
   * - a seat someone holds (a team, or a bot once the class runs) needs that seat's link
   *   (`invite`), which its team members and the teacher have: a stranger cannot walk into a seat;
   * - once the class runs, "Place me" is refused: a late student asks the teacher for a seat link.
   */
  join(cls: ClassState, input: { name: unknown; table?: unknown; seat?: unknown; invite?: unknown }): Result<SeatTicket> {
    return this.locked(cls, () => {
      if (cls.status === 'ended') return err('This class has ended.');
      const name = sanitiseName(input.name);
      if (!name) return err('Please give your first name.');
      let pick: { table: TableState; seat: FactionId } | null = null;
      if (input.seat !== undefined && input.seat !== null) {
        if (!isOneOf(FACTIONS, input.seat)) return err(`seat must be one of ${FACTIONS.join(', ')}`);
        const no = input.table ?? 0;
        const table = typeof no === 'number' ? cls.tables[no] : undefined;
        if (!table) return err('No such table.');
        const seat = table.seats[input.seat];
        if (seat.people.length >= MAX_DEVICES_PER_SEAT) return err(`That seat already has ${MAX_DEVICES_PER_SEAT} devices.`);
        if (this.isOver(table)) return err('That table has finished: watch it as a spectator.');
        const held = seat.people.length > 0 || (cls.status !== 'lobby' && seat.mode === 'bot');
        if (held && !sameSecret(input.invite, table.invites[input.seat]))
          return err(
            seat.people.length > 0
              ? 'That seat is taken: to join its team, open the team link one of its players shares.'
              : 'A bot plays that seat: ask your teacher for its seat link.',
          );
        pick = { table, seat: input.seat };
      } else {
        if (cls.status !== 'lobby') return err('The class has started: ask your teacher for a seat link.');
        pick = this.placeFor(cls);
        if (!pick) return err('Every seat is full.');
      }
      const deviceToken = randomToken(24);
      const seat = pick.table.seats[pick.seat];
      seat.people.push({ name, tokenHash: hashSecret(deviceToken) });
      if (seat.mode === 'open' || (seat.mode === 'bot' && seat.people.length === 1)) seat.mode = 'person';
      this.saveSeat(cls, pick.table);
      return ok(this.ticket(cls, pick.table, pick.seat, deviceToken, name));
    });
  }

  /**
   * The teacher takes one device off a seat (`person`: its console id). The device's token stops
   * working at once (it was its credential); the seat gets a new link, so an old team link cannot
   * bring it back; a seat left with nobody goes to a bot (or opens again before the start).
   * Returns the removed device's token hash, so its open sockets can be closed.
   */
  removeDevice(cls: ClassState, tableNo: unknown, seat: unknown, person: unknown): Result<{ table: TableState; tokenHash: string }> {
    return this.locked(cls, () => {
      const table = typeof tableNo === 'number' ? cls.tables[tableNo] : undefined;
      if (!table) return err('No such table.');
      if (!isOneOf(FACTIONS, seat)) return err(`seat must be one of ${FACTIONS.join(', ')}`);
      const s = table.seats[seat];
      const index = s.people.findIndex((p) => personId(p) === person);
      const removed = s.people[index];
      if (!removed) return err('That device is not on that seat (any more).');
      s.people.splice(index, 1);
      table.invites[seat] = randomToken(12);
      if (s.people.length === 0) s.mode = cls.status === 'lobby' ? 'open' : 'bot';
      table.turnKey = null;
      this.saveSeat(cls, table);
      return ok({ table, tokenHash: removed.tokenHash });
    });
  }

  /**
   * Does this credential open this seat of a class table? A device's token does, while the
   * device is on the seat. (Null for a match that is no class table: the lobby's own rule applies.)
   */
  deviceOnSeat(matchID: string, playerID: string, credential: unknown): boolean | null {
    const found = this.tableOf(matchID);
    if (!found) return null;
    const seat = seatOf(playerID);
    if (!seat || typeof credential !== 'string' || credential.length > 100) return false;
    const hash = hashSecret(credential);
    return found.table.seats[seat].people.some((p) => sameSecret(p.tokenHash, hash));
  }

  /** The server-only credential boardgame.io's master checks for a seat of a class table. */
  seatCredential(matchID: string, playerID: string): string | undefined {
    const seat = seatOf(playerID);
    return seat ? this.tableOf(matchID)?.table.credentials[seat] : undefined;
  }

  /** Classes not yet ended (the overall cap on hosting counts them). */
  openClasses(): number {
    return this.shared ? this.store.openCount() : [...this.classes.values()].filter((c) => c.status !== 'ended').length;
  }

  /** The seat of a device that joined before (a reload, another tab, a dropped connection). */
  rejoin(cls: ClassState, deviceToken: unknown): Result<SeatTicket> {
    if (typeof deviceToken !== 'string' || deviceToken.length > 100) return err('Unknown device.');
    const hash = hashSecret(deviceToken);
    for (const table of cls.tables) {
      for (const f of FACTIONS) {
        const person = table.seats[f].people.find((p) => p.tokenHash === hash);
        if (person) return ok(this.ticket(cls, table, f, deviceToken, person.name));
      }
    }
    return err('Unknown device: join again.');
  }

  private ticket(cls: ClassState, table: TableState, seat: FactionId, deviceToken: string, name: string): SeatTicket {
    return {
      code: cls.code,
      table: table.no,
      matchID: table.matchID,
      playerID: PLAYER_IDS[seat],
      seat,
      // The device's own token is its seat credential (see `deviceOnSeat`).
      credentials: deviceToken,
      deviceToken,
      name,
      invite: table.invites[seat],
      preset: presetOf(table),
    };
  }

  /** Where to place a student who did not choose: an empty seat at the table with fewest people, else the smallest team. */
  private placeFor(cls: ClassState): { table: TableState; seat: FactionId } | null {
    const live = cls.tables.filter((t) => !this.isOver(t));
    const people = (t: TableState) => FACTIONS.reduce((n, f) => n + t.seats[f].people.length, 0);
    const empty = live
      .flatMap((t) => FACTIONS.filter((f) => t.seats[f].people.length === 0).map((seat) => ({ table: t, seat })))
      .sort((a, b) => people(a.table) - people(b.table) || a.table.no - b.table.no);
    if (empty[0]) return empty[0];
    const teams = live
      .flatMap((t) => FACTIONS.filter((f) => t.seats[f].people.length < MAX_DEVICES_PER_SEAT).map((seat) => ({ table: t, seat })))
      .sort((a, b) => a.table.seats[a.seat].people.length - b.table.seats[b.seat].people.length || a.table.no - b.table.no);
    return teams[0] ?? null;
  }

  /** Has this table's game ended? */
  isOver(table: TableState): boolean {
    const state = this.storage.latestState(table.matchID);
    return !!state && (state.ctx.gameover !== undefined || (state.G as GameState).phase === 'over');
  }

  /** The teacher starts the class: empty seats go to bots. */
  start(cls: ClassState, now: number): Result<ClassState> {
    return this.locked(cls, () => {
      if (cls.status !== 'lobby') return err(`The class is ${cls.status}, not waiting to start.`);
      cls.status = 'running';
      cls.startedAt = now;
      for (const t of cls.tables) for (const f of FACTIONS) if (t.seats[f].mode === 'open') t.seats[f].mode = 'bot';
      this.saveAll(cls);
      return ok(cls);
    });
  }

  /** Pause: no moves, timers stop. */
  pause(cls: ClassState, now: number): Result<ClassState> {
    return this.locked(cls, () => {
      if (cls.status !== 'running') return err('Only a running class can be paused.');
      cls.status = 'paused';
      for (const t of cls.tables) {
        if (t.deadline !== null) t.remainingMs = Math.max(0, t.deadline - now);
        t.deadline = null;
      }
      this.saveAll(cls);
      return ok(cls);
    });
  }

  /** Resume: timers go on with the time they had left. */
  resume(cls: ClassState, now: number): Result<ClassState> {
    return this.locked(cls, () => {
      if (cls.status !== 'paused') return err('Only a paused class can be resumed.');
      cls.status = 'running';
      for (const t of cls.tables) {
        if (t.remainingMs !== null) t.deadline = now + t.remainingMs;
        t.remainingMs = null;
      }
      this.saveAll(cls);
      return ok(cls);
    });
  }

  /**
   * The teacher closes a playing class (running or paused) until another lesson: no moves, no
   * timers, no bots; tables keep their positions and seats, devices keep their tickets.
   */
  close(cls: ClassState): Result<ClassState> {
    return this.locked(cls, () => {
      if (cls.status === 'closed') return err('The class is already closed.');
      if (cls.status === 'ended') return err('The class has ended: it cannot be closed.');
      if (cls.status === 'lobby') return err('The class has not started: there is nothing to close.');
      cls.status = 'closed';
      for (const t of cls.tables) {
        t.deadline = null;
        t.remainingMs = null;
        t.turnKey = null;
      }
      this.saveAll(cls);
      return ok(cls);
    });
  }

  /** The teacher reopens a closed class: it runs again, each current turn with a whole new timer. */
  reopen(cls: ClassState): Result<ClassState> {
    return this.locked(cls, () => {
      if (cls.status !== 'closed') return err(`Only a closed class can be reopened (this one is ${cls.status}).`);
      cls.status = 'running';
      for (const t of cls.tables) {
        t.deadline = null;
        t.remainingMs = null;
        t.turnKey = null;
      }
      this.saveAll(cls);
      return ok(cls);
    });
  }

  /**
   * The teacher calls a discussion: every table stops at the end of its current round (a table
   * already over waits at once) and shows the prompt: a preset or the teacher's text (plain text).
   */
  discuss(cls: ClassState, prompt: { preset?: DiscussionPreset; text?: string }): Result<ClassState> {
    return this.locked(cls, () => {
      if (cls.status !== 'running') return err('Only a running class can stop for a discussion.');
      const text = prompt.text === undefined ? null : sanitiseText(prompt.text, MAX_PROMPT);
      if (text === '') return err('text: the prompt is empty.');
      const fromRound = cls.tables.map((t) => (this.storage.latestState(t.matchID)?.G as GameState | undefined)?.round ?? 0);
      cls.discussion = { preset: prompt.preset ?? null, text, fromRound };
      this.saveAll(cls);
      return ok(cls);
    });
  }

  /** The discussion is over: the tables go on, each current turn with a whole new timer. */
  endDiscussion(cls: ClassState): Result<ClassState> {
    return this.locked(cls, () => {
      if (!cls.discussion) return err('No discussion is going on.');
      cls.discussion = null;
      for (const t of cls.tables) {
        t.turnKey = null;
        t.deadline = null;
      }
      this.saveAll(cls);
      return ok(cls);
    });
  }

  /** Has this table reached the end of its round during a discussion (so it waits)? */
  waiting(cls: ClassState, table: TableState): boolean {
    const d = cls.discussion;
    if (!d) return false;
    const G = this.storage.latestState(table.matchID)?.G as GameState | undefined;
    return !G || G.phase === 'over' || G.round > (d.fromRound[table.no] ?? 0);
  }

  /** Adds time to the current turn of every table (or one). */
  extend(cls: ClassState, seconds: unknown, tableNo: unknown): Result<ClassState> {
    return this.locked(cls, () => {
      if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > MAX_TURN_SECONDS)
        return err(`seconds must be a whole number from 1 to ${MAX_TURN_SECONDS}`);
      const tables = tableNo === undefined || tableNo === null ? cls.tables : cls.tables.filter((t) => t.no === tableNo);
      if (tables.length === 0) return err('No such table.');
      for (const t of tables) {
        if (t.deadline !== null) t.deadline += seconds * 1000;
        if (t.remainingMs !== null) t.remainingMs += seconds * 1000;
      }
      this.saveAll(cls);
      return ok(cls);
    });
  }

  /** Ends the session: no more moves anywhere. */
  end(cls: ClassState, now: number): Result<ClassState> {
    return this.locked(cls, () => {
      if (cls.status === 'ended') return err('The class has already ended.');
      cls.status = 'ended';
      cls.endedAt = now;
      cls.discussion = null;
      for (const t of cls.tables) {
        t.deadline = null;
        t.remainingMs = null;
      }
      this.saveAll(cls);
      return ok(cls);
    });
  }

  /** The teacher hands a seat to a bot, or back to its people. */
  setSeatMode(cls: ClassState, tableNo: unknown, seat: unknown, mode: unknown): Result<TableState> {
    return this.locked(cls, () => {
      const table = typeof tableNo === 'number' ? cls.tables[tableNo] : undefined;
      if (!table) return err('No such table.');
      if (!isOneOf(FACTIONS, seat)) return err(`seat must be one of ${FACTIONS.join(', ')}`);
      if (mode !== 'bot' && mode !== 'person') return err('mode must be "bot" or "person"');
      const s = table.seats[seat];
      if (mode === 'person' && s.people.length === 0) return err('Nobody has joined that seat yet.');
      s.mode = mode as SeatMode;
      table.turnKey = null;
      this.saveSeat(cls, table);
      return ok(table);
    });
  }

  /**
   * Updates a table's timer bookkeeping (runner). Shared database: only the timer fields are
   * written over the stored table (seats changed by another instance are kept, and copied here).
   */
  saveTimer(cls: ClassState, table: TableState): void {
    if (!this.shared) {
      this.store.saveTable(cls.code, table);
      return;
    }
    const { deadline, remainingMs, turnKey, lastTimeout } = table;
    this.store.sql.transaction(() => {
      const stored = this.store.load(cls.code, true)?.tables[table.no];
      if (stored) Object.assign(table, stored, { deadline, remainingMs, turnKey, lastTimeout });
      this.store.saveTable(cls.code, table);
    });
  }

  /**
   * Why a seat may not move now (class not running, seat played by a bot), or null.
   * Matches that are no class table are not gated here.
   */
  moveRefusal(matchID: string, playerID: string): string | null {
    const found = this.tableOf(matchID);
    if (!found) return null;
    const { cls, table } = found;
    if (cls.status === 'lobby') return 'The teacher has not started the class yet.';
    if (cls.status === 'paused') return 'The class is paused.';
    if (cls.status === 'closed') return 'The teacher has closed the class until the next lesson.';
    if (cls.status === 'ended') return 'The class has ended.';
    if (this.waiting(cls, table)) return 'The class has stopped for a discussion.';
    const seat = seatOf(playerID);
    if (!seat) return 'Spectators cannot move.';
    if (table.seats[seat].mode === 'bot') return 'A bot is playing this seat now.';
    return null;
  }

  /** The seat whose turn it is at a table, or null. */
  activeSeatOf(table: TableState): FactionId | null {
    const state = this.storage.latestState(table.matchID);
    return state ? activeSeat(state.G as GameState) : null;
  }

  private saveSeat(cls: ClassState, table: TableState): void {
    this.store.saveTable(cls.code, table);
    this.writeSeatMetadata(table);
    for (const l of this.listeners) l(cls, table);
  }

  private saveAll(cls: ClassState): void {
    this.store.saveClass(cls);
    for (const t of cls.tables) this.writeSeatMetadata(t);
    for (const l of this.listeners) l(cls, null);
  }

  /** Mirrors the seats into boardgame.io's metadata (names and who plays: public; credentials: never sent). */
  private writeSeatMetadata(table: TableState): void {
    const meta = this.storage.readMetadata(table.matchID);
    if (!meta) return;
    for (const f of FACTIONS) {
      const id = Number(PLAYER_IDS[f]);
      const s = table.seats[f];
      const name = s.people.length > 0 ? s.people.map((p) => p.name).join(', ') : undefined;
      meta.players[id] = { ...meta.players[id], id, name: s.mode === 'bot' && !name ? 'Bot' : name, credentials: table.credentials[f], data: { mode: s.mode } };
    }
    this.storage.setMetadataSync(table.matchID, meta, false);
  }
}
