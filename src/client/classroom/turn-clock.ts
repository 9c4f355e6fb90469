/**
 * The student's turn timer: a countdown of the table's current turn (from the class status the
 * page polls), a warning in its last 10 seconds, and, when a turn ran out, what the server played
 * for the seat. The element is kept across redraws of the class bar and updated in place.
 */
import type { FactionId, Rules } from '../../engine/index.js';
import type { TableClock, TimeoutNote } from '../../protocol/classroom.js';
import { getLang, t } from '../i18n/i18n.js';
import { FACTION_LOOK } from '../model/factions.js';
import { h, replaceChildren } from '../ui/dom.js';

/** The last seconds of a turn that are shown as a warning. */
const WARN_SECONDS = 10;
/** How often the countdown is redrawn (ms). */
const TICK_MS = 250;
/** How long a "time ran out" message stays (ms) unless closed earlier. */
const NOTICE_MS = 30_000;

/** "1:05", "0:09". */
function clockText(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A countdown started from a clock the server sent, against this page's own monotonic time. */
interface RunningClock {
  clock: TableClock;
  /** `performance.now()` at which the turn runs out (for a paused clock: the time left stays `clock.msLeft`). */
  endsAt: number;
}

/** The countdown and the "time ran out" message of one seat (or a spectator) at a class table. */
export class TurnClock {
  /** The countdown (`role=timer`): empty when no timer runs. */
  readonly el = h('span', { class: 'turn-clock', role: 'timer', 'data-testid': 'turn-clock', 'data-state': 'none' });
  /** The message of the last turn that ran out (empty when none is shown). */
  readonly noticeEl = h('div', { class: 'timeout-notice', role: 'status', 'aria-live': 'polite', 'data-testid': 'timeout-notice' });
  /** Announces the warning once per turn to screen readers. */
  private readonly announceEl = h('span', { class: 'sr-only', 'aria-live': 'assertive' });
  private running: RunningClock | null = null;
  private active: FactionId | null = null;
  private warned = '';
  private notice: TimeoutNote | null = null;
  /** The stateID of the newest timeout already known (null until the first status). */
  private seenTimeout: number | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly ticker: ReturnType<typeof setInterval>;

  constructor(
    private readonly rules: Rules,
    private readonly seat: FactionId | null,
  ) {
    this.el.append(this.announceEl);
    this.ticker = setInterval(() => this.draw(), TICK_MS);
  }

  /** A new status from the server: the table's clock and its last timeout. */
  update(clock: TableClock | null, lastTimeout: TimeoutNote | null): void {
    this.running = clock ? { clock, endsAt: performance.now() + clock.msLeft } : null;
    // The first status only tells which timeout is old news; later ones are shown.
    const id = lastTimeout?.stateID ?? -1;
    if (this.seenTimeout === null) this.seenTimeout = id;
    else if (lastTimeout && id > this.seenTimeout) {
      this.seenTimeout = id;
      this.showNotice(lastTimeout);
    }
    this.draw();
  }

  /** The seat whose turn the board shows (a countdown for another seat is hidden until the server confirms it). */
  setActive(seat: FactionId | null): void {
    this.active = seat;
    this.draw();
  }

  /** Redraws in the page's language. */
  relabel(): void {
    this.draw();
    this.drawNotice();
  }

  stop(): void {
    clearInterval(this.ticker);
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
  }

  private faction(seat: FactionId): string {
    return `${FACTION_LOOK[seat].glyph} ${this.rules.factions[seat].short[getLang()]}`;
  }

  private draw(): void {
    const r = this.running;
    if (!r || r.clock.seat !== this.active) {
      this.el.dataset.state = 'none';
      this.el.replaceChildren(this.announceEl);
      return;
    }
    const left = r.clock.paused ? r.clock.msLeft : Math.max(0, r.endsAt - performance.now());
    const mine = r.clock.seat === this.seat;
    const warn = !r.clock.paused && left <= WARN_SECONDS * 1000;
    const time = clockText(left);
    const text = r.clock.paused
      ? t('classroom.play.clockPaused', { time })
      : mine
        ? warn
          ? t('classroom.play.clockWarn', { time })
          : t('classroom.play.clockMine', { time })
        : t('classroom.play.clockOther', { faction: this.faction(r.clock.seat), time });
    this.el.dataset.state = r.clock.paused ? 'paused' : warn ? 'warn' : mine ? 'mine' : 'other';
    this.el.dataset.seconds = String(Math.ceil(left / 1000));
    const share = Math.max(0, Math.min(1, left / (r.clock.turnSeconds * 1000)));
    this.el.replaceChildren(
      h('span', { class: 'turn-clock-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${(share * 100).toFixed(1)}%` })),
      h('span', { class: 'turn-clock-text' }, text),
      this.announceEl,
    );
    const key = `${r.clock.seat}:${Math.round(r.endsAt / 1000)}`;
    if (warn && mine && this.warned !== key) {
      this.warned = key;
      this.announceEl.textContent = t('classroom.play.clockWarn', { time });
    }
  }

  private showNotice(note: TimeoutNote): void {
    this.notice = note;
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.notice = null;
      this.drawNotice();
    }, NOTICE_MS);
    this.drawNotice();
  }

  private drawNotice(): void {
    const note = this.notice;
    if (!note) {
      replaceChildren(this.noticeEl);
      this.noticeEl.dataset.seat = '';
      return;
    }
    const lang = getLang();
    const mine = note.seat === this.seat;
    const text = mine
      ? t('classroom.play.timeoutMine', { round: note.round, action: note[lang] })
      : t('classroom.play.timeoutOther', { faction: this.faction(note.seat), round: note.round, action: note[lang] });
    this.noticeEl.dataset.seat = note.seat;
    replaceChildren(
      this.noticeEl,
      h(
        'p',
        { class: mine ? 'mine' : '' },
        h('span', {}, text),
        ' ',
        h(
          'button',
          {
            type: 'button',
            class: 'small',
            'data-testid': 'timeout-close',
            onclick: () => {
              this.notice = null;
              this.drawNotice();
            },
          },
          t('classroom.play.close'),
        ),
      ),
    );
  }
}
