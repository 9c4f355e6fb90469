/**
 * The teacher's console: the class code, join link and QR code (big, for the projector), every
 * table live (polled every 1.5 s: round, VP, risk, whose turn, who is connected), the class
 * controls (start, pause, resume, add time, end), each seat handed to a bot and back, and the
 * debrief once the class has ended (or on demand).
 */
import { FACTIONS, type FactionId, type Lang, type Rules } from '../../engine/index.js';
import { getLang, t } from '../i18n/i18n.js';
import { FACTION_LOOK } from '../model/factions.js';
import { routeHref } from '../routes.js';
import type { AppContext, PageHandle } from '../ui/app-context.js';
import { h, replaceChildren, selectAll } from '../ui/dom.js';
import {
  consoleData,
  deleteClass,
  extendTimer,
  qrUrl,
  removeDevice,
  seatLinkUrl,
  setSeatMode,
  teacherAction,
  type ConsoleData,
  type ConsoleTable,
  type TeacherAction,
} from './api.js';
import { renderClassDebrief } from './class-debrief.js';
import { saveTeacher, type TeacherEntry } from './saved.js';

/** How often the console asks the server (ms). */
const POLL_MS = 1500;
/** Time added by the "+30 s" button. */
const EXTEND_SECONDS = 30;

/** Mounts the console of `entry`'s class. */
export function mountConsole(root: HTMLElement, ctx: AppContext, entry: TeacherEntry): PageHandle {
  return new ConsolePage(root, ctx, entry);
}

type Reply = { ok: true; value: ConsoleData } | { ok: false; error: string };

/** The teacher's console: the join card, the class controls, a card per table, the debrief. It polls the server. */
class ConsolePage implements PageHandle {
  private data: ConsoleData | null = null;
  private error = '';
  private confirmEnd = false;
  /** The "delete the class" confirmation is open. */
  private deleting = false;
  private deleted = false;
  private debriefShown = false;
  private busy = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly joinEl = h('section', { class: 'join-card', 'aria-label': t('classroom.console.joinCard') });
  private readonly controlsEl = h('div', { class: 'controls' });
  private readonly deleteEl = h('section', { class: 'delete-class' });
  private readonly errorEl = h('p', { class: 'error', role: 'alert' });
  private readonly tablesEl = h('div', { class: 'tables', 'aria-live': 'off' });
  private readonly debriefEl = h('section', { class: 'class-debrief' });

  constructor(
    root: HTMLElement,
    private readonly ctx: AppContext,
    private readonly entry: TeacherEntry,
  ) {
    root.replaceChildren(
      h('div', { class: 'page page-wide console' }, this.joinEl, this.controlsEl, this.deleteEl, this.errorEl, this.tablesEl, this.debriefEl),
    );
    this.renderJoin();
    this.render();
    void this.poll();
  }

  relabel(): void {
    if (this.deleted) {
      this.renderDeleted();
      return;
    }
    this.renderJoin();
    this.render();
    if (this.debriefShown) void this.showDebrief();
  }

  unmount(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** The class as the server sees it, every POLL_MS. */
  private async poll(): Promise<void> {
    const r = await consoleData(this.entry.code, this.entry.secret);
    if (this.stopped || this.deleted) return;
    if (r.ok) {
      const first = this.data === null;
      this.data = r.value;
      this.error = '';
      if (first) this.renderJoin();
    } else if (r.status === 403 || r.status === 404) {
      this.error = r.status === 403 ? t('classroom.console.wrongSecret') : t('classroom.console.noClass');
    } else this.error = r.error;
    this.render();
    this.timer = setTimeout(() => void this.poll(), POLL_MS);
  }

  /** Runs a teacher's action; its reply is the class's new state. */
  private act(p: Promise<Reply>): void {
    this.busy = true;
    this.renderControls();
    void p.then((r) => {
      this.busy = false;
      if (r.ok) {
        this.data = { ...r.value, joinUrl: this.data?.joinUrl ?? this.entry.joinUrl };
        this.error = '';
      } else this.error = r.error;
      this.render();
    });
  }

  private renderJoin(): void {
    const { code } = this.entry;
    const url = this.data?.joinUrl ?? this.entry.joinUrl;
    replaceChildren(
      this.joinEl,
      h(
        'div',
        { class: 'join-text' },
        h('p', {}, t('classroom.console.codeLabel')),
        h('p', { class: 'class-code', 'data-testid': 'class-code' }, code),
        h('p', {}, t('classroom.console.linkLabel')),
        h('p', { class: 'join-url' }, h('a', { href: url, 'data-testid': 'join-url', target: '_blank', rel: 'noopener' }, url)),
        h('p', { class: 'hint' }, t('classroom.console.secretKept')),
        this.data?.retentionDays ? h('p', { class: 'hint' }, t('classroom.console.retention', { days: this.data.retentionDays })) : null,
      ),
      h('img', { class: 'qr', src: qrUrl(code), alt: t('classroom.console.qrAlt', { url }), width: 320, height: 320 }),
    );
  }

  private button(label: string, testid: string, onclick: () => void, opts: { primary?: boolean; disabled?: boolean } = {}): HTMLButtonElement {
    return h('button', { type: 'button', class: opts.primary ? 'primary' : '', 'data-testid': testid, disabled: this.busy || !!opts.disabled, onclick }, label);
  }

  private renderControls(): void {
    const { code, secret } = this.entry;
    const status = this.data?.status ?? 'lobby';
    const run = (a: TeacherAction) => () => this.act(teacherAction(code, secret, a));
    replaceChildren(
      this.controlsEl,
      h('p', { class: `class-status status-${status}`, 'data-testid': 'class-status', 'data-status': status }, t(`classroom.status.${status}`)),
      status === 'lobby' ? this.button(t('classroom.console.start'), 'start', run('start'), { primary: true }) : null,
      status === 'running' ? this.button(t('classroom.console.pause'), 'pause', run('pause')) : null,
      status === 'paused' ? this.button(t('classroom.console.resume'), 'resume', run('resume'), { primary: true }) : null,
      status === 'running' || status === 'paused'
        ? this.button(t('classroom.console.extend', { seconds: EXTEND_SECONDS }), 'extend', () => this.act(extendTimer(code, secret, EXTEND_SECONDS)), {
            disabled: (this.data?.settings.turnSeconds ?? 0) === 0,
          })
        : null,
      status !== 'ended' ? this.button(this.confirmEnd ? t('classroom.console.endConfirm') : t('classroom.console.end'), 'end', () => this.end()) : null,
      this.button(t('classroom.console.debrief'), 'show-debrief', () => {
        this.debriefShown = true;
        void this.showDebrief();
      }),
      this.button(t('classroom.console.delete'), 'delete', () => {
        this.deleting = true;
        this.renderDelete();
      }),
      h(
        'a',
        {
          href: routeHref('host', { new: '1' }),
          class: 'button',
          onclick: () => {
            if (this.data?.status === 'ended') saveTeacher(null);
          },
        },
        t('classroom.console.newClass'),
      ),
    );
  }

  /** The confirmation of "Delete the class": the teacher types the class code. */
  private renderDelete(): void {
    if (!this.deleting) {
      replaceChildren(this.deleteEl);
      return;
    }
    const { code, secret } = this.entry;
    const input = h('input', { id: 'delete-code', autocomplete: 'off', autocapitalize: 'characters', maxlength: 12, 'data-testid': 'delete-code' });
    const error = h('p', { class: 'error', role: 'alert' });
    const confirm = h('button', { type: 'submit', class: 'danger', 'data-testid': 'delete-confirm' }, t('classroom.console.deleteConfirm'));
    replaceChildren(
      this.deleteEl,
      h(
        'form',
        {
          class: 'box delete-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            confirm.disabled = true;
            void deleteClass(code, secret, input.value.trim()).then((r) => {
              confirm.disabled = false;
              if (!r.ok) {
                error.textContent = t('classroom.console.failed', { error: r.error });
                return;
              }
              this.deleted = true;
              saveTeacher(null);
              this.renderDeleted();
            });
          },
        },
        h('h2', {}, t('classroom.console.deleteTitle', { code })),
        h('p', {}, t('classroom.console.deleteHelp')),
        h('label', { class: 'field' }, t('classroom.console.deleteCode'), input),
        error,
        h(
          'p',
          { class: 'controls' },
          confirm,
          h(
            'button',
            {
              type: 'button',
              'data-testid': 'delete-cancel',
              onclick: () => {
                this.deleting = false;
                this.renderDelete();
              },
            },
            t('classroom.console.cancel'),
          ),
        ),
      ),
    );
    input.focus();
  }

  /** After the deletion: nothing of the class is left to show. */
  private renderDeleted(): void {
    if (this.timer) clearTimeout(this.timer);
    const page = this.joinEl.parentElement;
    if (!page) return;
    replaceChildren(
      page,
      h(
        'section',
        { class: 'box', 'data-testid': 'class-deleted' },
        h('h2', {}, t('classroom.console.deletedTitle', { code: this.entry.code })),
        h('p', {}, t('classroom.console.deletedText')),
        h('p', {}, h('a', { class: 'button primary', href: routeHref('host', { new: '1' }) }, t('classroom.console.newClass'))),
      ),
    );
  }

  /** "End the session" asks twice. */
  private end(): void {
    if (!this.confirmEnd) {
      this.confirmEnd = true;
      this.renderControls();
      return;
    }
    this.confirmEnd = false;
    this.act(teacherAction(this.entry.code, this.entry.secret, 'end'));
  }

  private render(): void {
    const { code, secret } = this.entry;
    this.renderControls();
    this.errorEl.textContent = this.error ? t('classroom.console.failed', { error: this.error }) : '';
    const data = this.data;
    if (!data) return;
    replaceChildren(
      this.tablesEl,
      ...data.tables.map((tb) =>
        tableCard(this.ctx.rules, code, tb, getLang(), {
          setMode: (seat, mode) => this.act(setSeatMode(code, secret, tb.no, seat, mode)),
          remove: (seat, person) => this.act(removeDevice(code, secret, tb.no, seat, person)),
        }),
      ),
    );
    if (data.status === 'ended' && !this.debriefShown) {
      this.debriefShown = true;
      void this.showDebrief();
    }
  }

  private async showDebrief(): Promise<void> {
    await renderClassDebrief(this.debriefEl, this.ctx.rules, this.entry.code, this.entry.secret, getLang());
  }
}

/** Who plays a seat, in words. */
function seatWho(tb: ConsoleTable, f: FactionId): string {
  const s = tb.seats[f];
  const names = s.names.join(', ');
  if (s.mode === 'bot') return names ? t('classroom.console.botFor', { names }) : t('classroom.console.bot');
  if (s.mode === 'open') return t('classroom.console.open');
  return names;
}

/** One table of the console. */
/** What the teacher can do to a seat from its table card. */
interface SeatControls {
  setMode(seat: FactionId, mode: 'bot' | 'person'): void;
  /** Takes one device (its console id) off the seat. */
  remove(seat: FactionId, person: string): void;
}

/** The devices on a seat, each with a button that takes it off the seat. */
function seatPeople(tb: ConsoleTable, f: FactionId, remove: SeatControls['remove']): HTMLElement | null {
  const people = tb.seats[f].people ?? [];
  if (people.length === 0 || tb.finished) return null;
  return h(
    'span',
    { class: 'people' },
    ...people.map((p) =>
      h(
        'button',
        {
          type: 'button',
          class: 'small remove',
          'data-testid': `remove-${tb.no}-${f}-${p.name}`,
          title: t('classroom.console.remove', { name: p.name }),
          'aria-label': t('classroom.console.remove', { name: p.name }),
          onclick: () => remove(f, p.id),
        },
        `${p.name} ✕`,
      ),
    ),
  );
}

/** A seat's link, to hand to a late student or a new team member. */
function seatLink(code: string, tb: ConsoleTable, f: FactionId): HTMLElement | null {
  const invite = tb.seats[f].invite;
  if (!invite || tb.finished) return null;
  return h(
    'details',
    { class: 'seat-link' },
    h('summary', {}, t('classroom.console.seatLink')),
    h('p', {}, t('classroom.console.seatLinkHelp')),
    h('input', { readonly: true, value: seatLinkUrl(code, tb.no, f, invite), 'data-testid': `seat-link-${tb.no}-${f}`, onfocus: selectAll }),
  );
}

function tableCard(rules: Rules, code: string, tb: ConsoleTable, lang: Lang, controls: SeatControls): HTMLElement {
  const setMode = controls.setMode;
  const totalVp = FACTIONS.reduce((n, f) => n + tb.vp[f], 0);
  const state = tb.finished
    ? tb.endReason === 'catastrophe'
      ? t('status.catastrophe')
      : tb.winner
        ? t('status.winner', { faction: rules.factions[tb.winner].short[lang] })
        : t('status.tie')
    : tb.turn
      ? t('classroom.console.turn', { faction: rules.factions[tb.turn].short[lang] })
      : '';
  const rows = FACTIONS.flatMap((f) => {
    const s = tb.seats[f];
    const turn = tb.turn === f && !tb.finished;
    const connected = s.devices > 0;
    const row = h(
      'tr',
      { class: turn ? 'turn' : '', 'data-seat': f },
      h(
        'th',
        { scope: 'row' },
        h('span', { style: `color:${FACTION_LOOK[f].css}`, 'aria-hidden': 'true' }, FACTION_LOOK[f].glyph, ' '),
        rules.factions[f].short[lang],
      ),
      h('td', { class: 'num', 'data-testid': `vp-${tb.no}-${f}` }, `${tb.vp[f]}`),
      h('td', { class: 'num' }, `${tb.capability[f]}`),
      h(
        'td',
        {},
        seatWho(tb, f),
        s.mode !== 'open' && s.names.length > 0
          ? h(
              'span',
              { class: connected ? 'online' : 'offline', title: t('classroom.console.devices', { n: s.devices }) },
              ' ',
              connected ? '●' : '○',
              ' ',
              connected ? t('classroom.console.connected', { n: s.devices }) : t('classroom.console.away'),
            )
          : null,
      ),
      h(
        'td',
        {},
        turn && tb.secondsLeft !== null ? h('span', { class: 'clock' }, t('classroom.console.secondsLeft', { s: tb.secondsLeft })) : null,
        s.names.length > 0 && !tb.finished
          ? h(
              'button',
              {
                type: 'button',
                class: 'small',
                'data-testid': `seat-${tb.no}-${f}`,
                onclick: () => setMode(f, s.mode === 'bot' ? 'person' : 'bot'),
              },
              s.mode === 'bot' ? t('classroom.console.toPerson') : t('classroom.console.toBot'),
            )
          : null,
      ),
    );
    // The seat's devices and its link get a row of their own, the width of the card.
    const people = seatPeople(tb, f, controls.remove);
    const link = seatLink(code, tb, f);
    const extra = people || link ? h('tr', { class: `seat-extra${turn ? ' turn' : ''}` }, h('td', { colspan: 5 }, people, link)) : null;
    return extra ? [row, extra] : [row];
  });
  return h(
    'article',
    {
      class: `table-card${tb.finished ? ' finished' : ''}`,
      'data-testid': `table-${tb.no}`,
      'data-round': tb.round,
      'data-action-round': tb.actionRound,
      'data-actions': tb.actions ?? '',
      'data-turn': tb.turn ?? '',
      'data-vp': totalVp,
      'data-finished': tb.finished ? 'yes' : 'no',
    },
    h(
      'h3',
      {},
      t('classroom.console.table', { n: tb.no + 1 }),
      ' · ',
      t('classroom.console.round', { round: tb.round, action: Math.min(tb.actionRound + 1, rules.game.rounds.actionRounds) }),
    ),
    h('p', { class: 'table-state' }, state),
    h(
      'p',
      { class: 'tracks' },
      t('classroom.console.risk', { risk: tb.risk }),
      ' · ',
      t('classroom.console.tension', { tension: tb.tension }),
      tb.actions !== undefined ? [' · ', t('classroom.console.actions', { n: tb.actions })] : null,
      tb.spectators > 0 ? [' · ', t('classroom.console.spectators', { n: tb.spectators })] : null,
      tb.timeouts > 0 ? [' · ', t('classroom.console.timeouts', { n: tb.timeouts })] : null,
    ),
    h(
      'table',
      { class: 'seats' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('classroom.console.faction')),
          h('th', { scope: 'col' }, t('board.vp')),
          h('th', { scope: 'col' }, t('board.capShort')),
          h('th', { scope: 'col' }, t('classroom.console.players')),
          h('th', { scope: 'col' }, ''),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
    tb.lastBot
      ? h('p', { class: 'why' }, t('classroom.console.lastBot', { faction: rules.factions[tb.lastBot.seat].short[lang] }), ' ', tb.lastBot[lang])
      : null,
  );
}
