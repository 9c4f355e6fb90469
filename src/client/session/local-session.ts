/**
 * `LocalSession`: a solo game in this browser. The engine runs here, the bots in a Web Worker
 * (through a `BotRunner`); every accepted action is saved (seed + action list), so a reload
 * replays the list and resumes. The board sees only `SessionUpdate`s.
 */
import { FACTIONS, activeSeat, reasonText, viewFor, type Action, type FactionId, type Lang, type Rules } from '../../engine/index.js';
import type { SeatPlayer } from '../../match/index.js';
import { translate } from '../i18n/i18n.js';
import { botSeed } from '../../engine/seeds.js';
import { shareableAlternatives } from '../../bots/index.js';
import type { BotRunner } from './bot-runner.js';
import { PlayedGame } from './played-game.js';
import type { GameSession, SessionUpdate, SubmitResult } from './session.js';
import type { SaveStore, SavedAction, SoloConfig, SoloSave } from './solo-save.js';

/** Options of a local session. */
export interface LocalSessionOptions {
  /** Where to save after each action (none: not saved). */
  store?: SaveStore;
  /** Milliseconds a bot waits before it plays (read at each bot move, so the pace can change). */
  botDelayMs?: () => number;
  /** Actions already played (a resumed or forked game). */
  actions?: SavedAction[];
  /** The hard bot's search budget in iterations (default: rules/bots.json). */
  hardIterations?: number;
}

/** Who plays each seat, as a match file says it. */
export function seatsOf(config: SoloConfig): Record<FactionId, SeatPlayer> {
  const seats = {} as Record<FactionId, SeatPlayer>;
  for (const f of FACTIONS) seats[f] = f === config.human ? { kind: 'person' } : { kind: 'bot', level: config.levels[f] };
  return seats;
}

/** A solo game: engine here, bots through the runner. */
export class LocalSession implements GameSession {
  readonly seat: FactionId | null;
  private readonly game: PlayedGame;
  private readonly saved: SavedAction[] = [];
  private readonly listeners = new Set<(u: SessionUpdate) => void>();
  private thinking: FactionId | null = null;
  private closed = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Actions of the initial list that the engine refused (rules changed since the save). */
  readonly droppedActions: number;

  constructor(
    private readonly rules: Rules,
    private readonly config: SoloConfig,
    private readonly runner: BotRunner,
    private readonly options: LocalSessionOptions = {},
  ) {
    this.seat = config.human;
    this.game = new PlayedGame(rules, config.seed, seatsOf(config));
    const initial = options.actions ?? [];
    let applied = 0;
    for (const a of initial) {
      if (this.game.apply(a.seat, a.action, a.explanation)) break;
      this.saved.push(a);
      applied++;
    }
    this.droppedActions = initial.length - applied;
    this.persist();
    this.scheduleBot();
  }

  /** The update subscribers get now. */
  current(): SessionUpdate {
    return {
      view: viewFor(this.game.state, this.seat),
      moves: [...this.game.moves],
      rounds: [...this.game.rounds],
      seats: seatsOf(this.config),
      thinking: this.thinking,
      seed: this.config.seed,
    };
  }

  subscribe(listener: (update: SessionUpdate) => void): () => void {
    this.listeners.add(listener);
    listener(this.current());
    return () => this.listeners.delete(listener);
  }

  submit(action: Action, lang: Lang = 'en'): Promise<SubmitResult> {
    if (this.closed) return Promise.resolve({ ok: false, error: translate(lang, 'classroom.err.closed') });
    if (this.seat === null) return Promise.resolve({ ok: false, error: translate(lang, 'classroom.err.spectator') });
    const refused = this.game.apply(this.seat, action);
    if (refused) return Promise.resolve({ ok: false, error: reasonText(this.rules, refused, lang) });
    this.saved.push({ seat: this.seat, action });
    this.changed();
    return Promise.resolve({ ok: true });
  }

  exportMatch(): string {
    return this.game.matchText();
  }

  /** Stops the bots (and disposes of the runner, which this session owns). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
    this.runner.dispose();
  }

  private persist(): void {
    const save: SoloSave = { version: 1, rulesHash: this.rules.hash, ...this.config, actions: this.saved };
    this.options.store?.save(save);
  }

  private emit(): void {
    if (this.closed) return;
    const update = this.current();
    for (const l of [...this.listeners]) l(update);
  }

  private changed(): void {
    this.persist();
    this.emit();
    this.scheduleBot();
  }

  /** If a bot must act, lets it think (after the pace delay) and play. */
  private scheduleBot(): void {
    if (this.closed || this.thinking) return;
    const seat = activeSeat(this.game.state);
    if (seat === null || seat === this.seat) return;
    this.thinking = seat;
    const count = this.game.moves.length;
    const delay = Math.max(0, this.options.botDelayMs?.() ?? 0);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      this.emit();
      const level = this.config.levels[seat];
      this.runner
        .decide(viewFor(this.game.state, seat), level, botSeed(this.config.seed, seat), level === 'hard' ? this.options.hardIterations : undefined)
        .then((decision) => {
          if (this.closed || this.game.moves.length !== count) return;
          this.thinking = null;
          const weighed = shareableAlternatives(decision);
          if (this.game.apply(seat, decision.action, decision.explanation, weighed)) throw new Error(`the ${level} bot chose an illegal action`);
          this.saved.push({ seat, action: decision.action, explanation: decision.explanation });
          this.changed();
        })
        .catch((error: Error) => {
          this.thinking = null;
          if (!this.closed) console.error(`Bot ${seat} failed: ${error.message}`);
        });
    }, delay);
  }
}
