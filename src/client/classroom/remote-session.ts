/**
 * `RemoteSession`: a seat (or a spectator) of a class table, played through the server with
 * boardgame.io's socket client. The server holds the true state and sends this seat's view;
 * the session turns each view and the move log into `SessionUpdate`s, forwards `submit` as a
 * move, and attaches the reasons of server bots (the `gigawatt:bot` event) to their moves.
 * socket.io reconnects by itself and boardgame.io then syncs again: a dropped connection heals.
 */
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { FACTIONS, activeSeat, checkAction, reasonText, type Action, type FactionId, type Lang, type Rules, type SeatView } from '../../engine/index.js';
import type { BotLevel } from '../../bots/index.js';
import { createGigawattGame, moveArgs, PLAYER_IDS } from '../../game/gigawatt.js';
import type { SeatPlayer } from '../../match/index.js';
import type { GameSession, SessionUpdate, SubmitResult, WeighedOption } from '../session/session.js';
import { refusalText } from './refusals.js';
import { MoveBook } from './move-book.js';
import { saveTrail, savedTrail } from './saved.js';

/** Where and as whom to connect. */
export interface RemoteOptions {
  /** The server's origin, e.g. http://127.0.0.1:8000. */
  server: string;
  matchID: string;
  /** The seat, or null to watch. */
  seat: FactionId | null;
  credentials?: string;
  /** The class's bot level (for "Bot (medium)" labels). */
  botLevel: BotLevel;
  /** How long a move may wait for the server's answer (ms). */
  submitTimeoutMs?: number;
}

/** What the session says about its link to the server. */
export interface LinkStatus {
  connected: boolean;
  /** A refusal that stops this device (e.g. wrong credentials), in English from the server. */
  fatal: string | null;
}

interface SocketLike {
  on(event: string, fn: (data: unknown) => void): void;
  off(event: string): void;
}

type ClientState = { G: unknown; _stateID: number; log: import('boardgame.io').LogEntry[]; isConnected: boolean; ctx: { gameover?: unknown } } | null;

/** A networked seat behind the `GameSession` interface. */
export class RemoteSession implements GameSession {
  readonly seat: FactionId | null;
  private readonly client: ReturnType<typeof Client>;
  private readonly book: MoveBook;
  private readonly listeners = new Set<(u: SessionUpdate) => void>();
  private readonly statusListeners = new Set<(s: LinkStatus) => void>();
  private last: SessionUpdate | null = null;
  private lastStateID = -1;
  private status: LinkStatus = { connected: false, fatal: null };
  private pending: { stateID: number; action: Action; lang: Lang; resolve: (r: SubmitResult) => void; timer: ReturnType<typeof setTimeout> } | null = null;
  private closed = false;

  constructor(
    private readonly rules: Rules,
    private readonly options: RemoteOptions,
  ) {
    this.seat = options.seat;
    this.book = new MoveBook(rules, savedTrail(options.matchID));
    this.client = Client({
      game: createGigawattGame(rules),
      numPlayers: 3,
      multiplayer: SocketIO({ server: options.server }),
      matchID: options.matchID,
      ...(options.seat ? { playerID: PLAYER_IDS[options.seat], credentials: options.credentials } : {}),
      debug: false,
    });
    this.client.subscribe((s) => this.received(s as ClientState));
    this.client.start();
    const socket = (this.client as unknown as { transport: { socket?: SocketLike } }).transport.socket;
    socket?.on('gigawatt:error', (e) => this.refused(e as { code?: string; message?: string }));
    socket?.on('gigawatt:bot', (n) => this.botNote(n as { matchID?: string; stateID?: number; en?: string; fr?: string }));
  }

  subscribe(listener: (update: SessionUpdate) => void): () => void {
    this.listeners.add(listener);
    if (this.last) listener(this.last);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` now and whenever the connection changes. */
  onStatus(listener: (status: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  submit(action: Action, lang: Lang = 'en'): Promise<SubmitResult> {
    if (this.closed) return Promise.resolve({ ok: false, error: refusalText('closed', '', lang) });
    if (this.seat === null) return Promise.resolve({ ok: false, error: refusalText('spectator', '', lang) });
    const state = this.client.getState();
    if (!state || !this.status.connected) return Promise.resolve({ ok: false, error: refusalText('offline', '', lang) });
    if (this.pending) return Promise.resolve({ ok: false, error: refusalText('busy', '', lang) });
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle({ ok: false, error: refusalText('timeout', '', lang) }), this.options.submitTimeoutMs ?? 10_000);
      this.pending = { stateID: state._stateID, action, lang, resolve, timer };
      (this.client.moves as Record<string, (args: unknown) => void>)[action.type]?.(moveArgs(action));
    });
  }

  close(): void {
    if (this.closed) return;
    this.settle({ ok: false, error: refusalText('closed', '', this.pending?.lang ?? 'en') });
    this.closed = true;
    this.listeners.clear();
    this.statusListeners.clear();
    this.client.stop();
  }

  private settle(result: SubmitResult): void {
    const p = this.pending;
    if (!p) return;
    clearTimeout(p.timer);
    this.pending = null;
    p.resolve(result);
  }

  private setStatus(next: LinkStatus): void {
    if (next.connected === this.status.connected && next.fatal === this.status.fatal) return;
    this.status = next;
    for (const l of [...this.statusListeners]) l(next);
  }

  private received(state: ClientState): void {
    if (this.closed) return;
    this.setStatus({ ...this.status, connected: !!state?.isConnected });
    if (!state) return;
    if (this.pending && state._stateID > this.pending.stateID) this.settle({ ok: true });
    if (state._stateID !== this.lastStateID || !this.last) {
      this.lastStateID = state._stateID;
      this.book.receive(state.log, state.G as SeatView);
      saveTrail(this.options.matchID, this.book.trail());
    }
    this.emit();
  }

  private emit(): void {
    const state = this.client.getState();
    if (!state) return;
    const view = state.G as SeatView;
    const players = (this.client as unknown as { matchData?: { id: number; name?: string; data?: { mode?: string } }[] }).matchData ?? [];
    const seats = {} as Record<FactionId, SeatPlayer>;
    for (const f of FACTIONS) {
      const p = players.find((x) => x.id === Number(PLAYER_IDS[f]));
      seats[f] = p?.data?.mode === 'bot' ? { kind: 'bot', level: this.options.botLevel } : { kind: 'person', ...(p?.name ? { name: p.name } : {}) };
    }
    const active = view.phase === 'over' ? null : activeSeat(view);
    this.last = {
      view,
      moves: [...this.book.moves],
      rounds: [...this.book.rounds],
      seats,
      thinking: active && seats[active].kind === 'bot' ? active : null,
      seed: null,
    };
    for (const l of [...this.listeners]) l(this.last);
  }

  private refused(e: { code?: string; message?: string }): void {
    const message = e.message ?? '';
    if (e.code === 'unauthorized' || e.code === 'unknownMatch') this.setStatus({ ...this.status, fatal: message || 'refused' });
    const p = this.pending;
    if (!p) return;
    const view = this.last?.view;
    const reason = e.code === 'illegal' && view && this.seat ? checkAction(this.rules, view, this.seat, p.action) : null;
    this.settle({ ok: false, error: reason ? reasonText(this.rules, reason, p.lang) : refusalText(e.code ?? 'refused', message, p.lang) });
  }

  private botNote(n: { matchID?: string; stateID?: number; en?: string; fr?: string; weighed?: unknown }): void {
    if (n.matchID !== this.options.matchID || typeof n.stateID !== 'number' || typeof n.en !== 'string' || typeof n.fr !== 'string') return;
    if (this.book.explain(n.stateID, { en: n.en, fr: n.fr }, weighedOf(n.weighed))) {
      saveTrail(this.options.matchID, this.book.trail());
      this.emit();
    }
  }
}

/** The weighed alternatives of a bot note, if well formed (a note from the server is still checked). */
function weighedOf(raw: unknown): WeighedOption[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: WeighedOption[] = [];
  for (const o of raw.slice(0, 10)) {
    const x = o as { en?: unknown; fr?: unknown; value?: unknown };
    if (typeof x.en === 'string' && typeof x.fr === 'string' && typeof x.value === 'number' && Number.isFinite(x.value))
      out.push({ en: x.en, fr: x.fr, value: x.value });
  }
  return out.length ? out : undefined;
}
