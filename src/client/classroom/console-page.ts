/**
 * The teacher's console, made for a projector and a laptop: the class controls first (start,
 * pause, resume, add time, end, delete), then the class code, join link and QR code (open while
 * students join, folded to one line once the class runs, and a "show the code big" overlay for
 * the projector), every table live (polled every 1.5 s: round, VP, risk, whose turn, who is
 * connected), each seat handed to a bot and back, and the debrief once the class has ended or
 * every table has finished (brought into view), or on demand.
 */
import { FACTIONS, type FactionId, type Lang, type Rules, type TextKey } from '../../engine/index.js';
import { getLang, t } from '../i18n/i18n.js';
import { FACTION_LOOK } from '../model/factions.js';
import { routeHref } from '../routes.js';
import type { AppContext, PageHandle } from '../ui/app-context.js';
import { h, replaceChildren, selectAll } from '../ui/dom.js';
import { DISCUSSION_PRESETS, MAX_PROMPT, type DiscussionView } from '../../protocol/classroom.js';
import {
  consoleData,
  deleteClass,
  announceNews,
  endDiscussion,
  startDiscussion,
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
import { NewsPanel, tableNewsLines } from './news-panel.js';
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
  /** "Close for today" asks first, saying what is kept and for how long. */
  private confirmClose = false;
  /** The "delete the class" confirmation is open. */
  private deleting = false;
  private deleted = false;
  private debriefShown = false;
  private busy = false;
  private stopped = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly joinEl = h('section', { class: 'join-card', 'aria-label': t('classroom.console.joinCard') });
  /** The code and QR shown big over the whole page (null: not shown). */
  private bigEl: HTMLElement | null = null;
  /** The teacher opened (true) or folded (false) the code card; null: open only while students join. */
  private codeOpen: boolean | null = null;
  /** The status the join card was last drawn for (it folds when the class starts). */
  private drawnFor = '';
  /** The debrief was brought into view once (when the class ended or every table finished). */
  private debriefScrolled = false;
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.bigEl) this.closeBig();
  };
  private readonly controlsEl = h('div', { class: 'controls' });
  private readonly deleteEl = h('section', { class: 'delete-class' });
  private readonly discussEl = h('section', { class: 'discussion-panel', 'data-testid': 'discussion-panel' });
  /** The discussion form is open (kept across redraws, with what the teacher picked or typed). */
  private discussForm: { open: boolean; preset: string; text: string } = { open: false, preset: DISCUSSION_PRESETS[0], text: '' };
  /** The teacher's news: "Announce news…" (an event or breaking news, at a table or all). */
  private readonly news = new NewsPanel(async (event, table) => {
    const r = await announceNews(this.entry.code, this.entry.secret, event, table);
    if (!r.ok) return r;
    this.data = { ...r.value, joinUrl: this.data?.joinUrl ?? this.entry.joinUrl };
    this.render();
    return { ok: true, tables: r.value.news.tables };
  });
  private readonly errorEl = h('p', { class: 'error', role: 'alert' });
  private readonly tablesEl = h('div', { class: 'tables', 'aria-live': 'off' });
  private readonly debriefEl = h('section', { class: 'class-debrief' });

  constructor(
    root: HTMLElement,
    private readonly ctx: AppContext,
    private readonly entry: TeacherEntry,
  ) {
    root.replaceChildren(
      h(
        'div',
        { class: 'page page-wide console' },
        this.controlsEl,
        h('div', { class: 'facilitation' }, this.discussEl, this.news.el),
        this.joinEl,
        this.deleteEl,
        this.errorEl,
        this.tablesEl,
        this.debriefEl,
      ),
    );
    document.addEventListener('keydown', this.onKey);
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
    if (this.data) this.news.render(this.ctx.rules, this.data, getLang(), true);
    if (this.debriefShown) void this.showDebrief();
  }

  unmount(): void {
    document.removeEventListener('keydown', this.onKey);
    this.closeBig();
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

  /** Is the code card open? (By default only while students join.) */
  private get codeShown(): boolean {
    return this.codeOpen ?? (this.data?.status ?? 'lobby') === 'lobby';
  }

  private renderJoin(): void {
    const { code } = this.entry;
    const url = this.data?.joinUrl ?? this.entry.joinUrl;
    this.drawnFor = this.data?.status ?? '';
    const big = h('button', { type: 'button', 'data-testid': 'big-code', onclick: () => this.openBig() }, t('classroom.console.bigCode'));
    const toggle = h(
      'button',
      {
        type: 'button',
        'data-testid': 'toggle-code',
        'aria-expanded': this.codeShown ? 'true' : 'false',
        onclick: () => {
          this.codeOpen = !this.codeShown;
          this.renderJoin();
        },
      },
      this.codeShown ? t('classroom.console.hideCode') : t('classroom.console.showCode'),
    );
    this.joinEl.classList.toggle('folded', !this.codeShown);
    this.joinEl.dataset.open = this.codeShown ? 'yes' : 'no';
    if (!this.codeShown) {
      replaceChildren(
        this.joinEl,
        h(
          'p',
          { class: 'code-strip' },
          h('strong', { 'data-testid': 'class-code' }, t('classroom.console.codeShort', { code })),
          ' · ',
          h('a', { href: url, 'data-testid': 'join-url', target: '_blank', rel: 'noopener' }, url),
        ),
        h('p', { class: 'code-buttons' }, big, toggle),
      );
      return;
    }
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
        h('p', { class: 'code-buttons' }, big, toggle),
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
    const tables = this.data?.tables ?? [];
    const done = tables.filter((tb) => tb.finished).length;
    // The status follows the tables: once every table has finished, there is nothing to pause.
    const allDone = status !== 'lobby' && status !== 'ended' && tables.length > 0 && done === tables.length;
    const shown = allDone ? 'allFinished' : status;
    const text = allDone
      ? t('classroom.status.allFinished')
      : status === 'running' && done > 0
        ? t('classroom.status.someFinished', { done, n: tables.length })
        : t(`classroom.status.${status}`);
    const run = (a: TeacherAction) => () => this.act(teacherAction(code, secret, a));
    replaceChildren(
      this.controlsEl,
      h('p', { class: `class-status status-${shown}`, 'data-testid': 'class-status', 'data-status': shown }, text),
      status === 'lobby' ? this.button(t('classroom.console.start'), 'start', run('start'), { primary: true }) : null,
      status === 'running' && !allDone ? this.button(t('classroom.console.pause'), 'pause', run('pause')) : null,
      status === 'paused' ? this.button(t('classroom.console.resume'), 'resume', run('resume'), { primary: true }) : null,
      status === 'closed' ? this.button(t('classroom.console.reopen'), 'reopen', run('reopen'), { primary: true }) : null,
      (status === 'running' || status === 'paused') && !allDone
        ? this.button(t('classroom.console.extend', { seconds: EXTEND_SECONDS }), 'extend', () => this.act(extendTimer(code, secret, EXTEND_SECONDS)), {
            disabled: (this.data?.settings.turnSeconds ?? 0) === 0,
          })
        : null,
      allDone
        ? this.button(t('classroom.console.endToDebrief'), 'end', () => this.act(teacherAction(code, secret, 'end')), { primary: true })
        : status !== 'ended'
          ? this.button(this.confirmEnd ? t('classroom.console.endConfirm') : t('classroom.console.end'), 'end', () => this.end())
          : null,
      (status === 'running' || status === 'paused') && !allDone && !this.confirmClose
        ? this.button(t('classroom.console.close'), 'close', () => {
            this.confirmClose = true;
            this.renderControls();
          })
        : null,
      this.button(t('classroom.console.debrief'), 'show-debrief', () => {
        this.debriefShown = true;
        void this.showDebrief().then(() => this.debriefEl.scrollIntoView({ behavior: 'smooth', block: 'start' }));
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
      this.confirmClose && (status === 'running' || status === 'paused') ? this.closeBox(run('close')) : null,
    );
  }

  /** The confirmation of "Close for today": what is kept, and how long the class is kept before its automatic deletion. */
  private closeBox(close: () => void): HTMLElement {
    const days = this.data?.retentionDays;
    return h(
      'div',
      { class: 'box close-confirm', role: 'alertdialog', 'data-testid': 'close-confirm' },
      h('h2', {}, t('classroom.console.closeTitle', { code: this.entry.code })),
      h('p', {}, t('classroom.console.closeHelp')),
      days ? h('p', { class: 'note', 'data-testid': 'close-kept' }, t('classroom.console.closeKept', { days })) : null,
      h(
        'p',
        {},
        this.button(
          t('classroom.console.closeConfirm'),
          'close-yes',
          () => {
            this.confirmClose = false;
            close();
          },
          { primary: true },
        ),
        ' ',
        this.button(t('classroom.console.closeCancel'), 'close-cancel', () => {
          this.confirmClose = false;
          this.renderControls();
        }),
      ),
    );
  }

  /**
   * The discussion: while the class plays, a form (a prompt from the facts, or the teacher's own)
   * that stops every table at the end of its round; during one, the prompt, how many tables
   * wait, and "Continue the game".
   */
  private renderDiscussion(d: DiscussionView | null, playing: boolean): void {
    const { code, secret } = this.entry;
    if (d) {
      const n = this.data?.tables.length ?? 0;
      replaceChildren(
        this.discussEl,
        h(
          'div',
          { class: 'box discussion', 'data-testid': 'discussion', 'data-waiting': d.waiting.length },
          h('h2', {}, t('classroom.discuss.title')),
          h('p', { class: 'prompt' }, d.preset ? t(`classroom.prompt.${d.preset}`) : (d.text ?? '')),
          h('p', { class: d.waiting.length === n ? 'online' : 'note' }, t('classroom.discuss.waiting', { done: d.waiting.length, n })),
          h(
            'p',
            {},
            this.button(t('classroom.discuss.continue'), 'continue', () => this.act(endDiscussion(code, secret)), { primary: true }),
          ),
        ),
      );
      return;
    }
    if (!playing) {
      replaceChildren(this.discussEl);
      return;
    }
    // Redrawn every poll: keep what the teacher is typing (and the focus) by leaving an open form alone.
    if (this.discussForm.open && this.discussEl.querySelector('form')) return;
    const f = this.discussForm;
    const select = h(
      'select',
      { id: 'discuss-preset', 'data-testid': 'discuss-preset', onchange: () => (f.preset = select.value) },
      ...DISCUSSION_PRESETS.map((p) => h('option', { value: p, selected: p === f.preset }, t(`classroom.prompt.${p}`))),
    );
    const text = h('textarea', { id: 'discuss-text', 'data-testid': 'discuss-text', maxlength: MAX_PROMPT, rows: 2, oninput: () => (f.text = text.value) });
    text.value = f.text;
    const details = h(
      'details',
      { class: 'discuss-open', open: f.open, ontoggle: () => (f.open = details.open) },
      h('summary', { 'data-testid': 'discuss-open' }, t('classroom.discuss.open')),
      h(
        'form',
        {
          class: 'box discuss-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const own = f.text.trim();
            f.open = false;
            f.text = '';
            replaceChildren(this.discussEl);
            this.act(startDiscussion(code, secret, own ? { text: own } : { preset: f.preset as (typeof DISCUSSION_PRESETS)[number] }));
          },
        },
        h('label', { class: 'field' }, t('classroom.discuss.pick'), select),
        h('label', { class: 'field' }, t('classroom.discuss.own'), text),
        h('p', {}, h('button', { type: 'submit', class: 'primary', 'data-testid': 'discuss-start' }, t('classroom.discuss.start'))),
      ),
    );
    replaceChildren(this.discussEl, details);
  }

  /** The code, link and QR over the whole page, as big as the screen allows (for the projector). */
  private openBig(): void {
    this.closeBig();
    const { code } = this.entry;
    const url = this.data?.joinUrl ?? this.entry.joinUrl;
    const close = h(
      'button',
      { type: 'button', class: 'primary', 'data-testid': 'close-big', onclick: () => this.closeBig() },
      t('classroom.console.closeBig'),
    );
    this.bigEl = h(
      'div',
      { class: 'big-code', role: 'dialog', 'aria-modal': 'true', 'aria-label': t('classroom.console.joinCard'), 'data-testid': 'big-code-view' },
      h(
        'div',
        { class: 'big-code-text' },
        h('p', {}, t('classroom.console.codeLabel')),
        h('p', { class: 'big-code-code' }, code),
        h('p', {}, t('classroom.console.linkLabel')),
        h('p', { class: 'big-code-url' }, url),
      ),
      h('img', { class: 'big-code-qr', src: qrUrl(code), alt: t('classroom.console.qrAlt', { url }) }),
      h('p', { class: 'big-code-close' }, close),
    );
    document.body.append(this.bigEl);
    close.focus();
  }

  private closeBig(): void {
    this.bigEl?.remove();
    this.bigEl = null;
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
    if (data.status !== this.drawnFor) this.renderJoin();
    this.renderDiscussion(data.discussion, data.status === 'running' && !data.tables.every((tb) => tb.finished));
    this.news.render(this.ctx.rules, data, getLang());
    replaceChildren(
      this.tablesEl,
      ...data.tables.map((tb) =>
        tableCard(this.ctx.rules, code, tb, getLang(), {
          setMode: (seat, mode) => this.act(setSeatMode(code, secret, tb.no, seat, mode)),
          remove: (seat, person) => this.act(removeDevice(code, secret, tb.no, seat, person)),
        }),
      ),
    );
    // The end of the class (or of its last table) opens the debrief and brings it into view, once.
    const over = data.status === 'ended' || (data.tables.length > 0 && data.tables.every((tb) => tb.finished));
    if (over && !this.debriefScrolled) {
      this.debriefScrolled = true;
      this.debriefShown = true;
      void this.showDebrief().then(() => this.debriefEl.scrollIntoView({ behavior: 'smooth', block: 'start' }));
    }
  }

  private async showDebrief(): Promise<void> {
    await renderClassDebrief(this.debriefEl, this.ctx.rules, this.entry.code, this.entry.secret, getLang());
  }
}

/** How many of the seats students hold have a device online (who is connected, at a glance). */
function connectedLine(tb: ConsoleTable): HTMLElement | null {
  const held = FACTIONS.filter((f) => tb.seats[f].names.length > 0);
  if (held.length === 0 || tb.finished) return null;
  const online = held.filter((f) => tb.seats[f].devices > 0).length;
  return h(
    'p',
    { class: online === held.length ? 'online' : 'offline', 'data-testid': `connected-${tb.no}` },
    t('classroom.console.connectedPeople', { online, people: held.length }),
  );
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
      'data-condition': tb.preset ?? 'standard',
    },
    h(
      'h3',
      {},
      t('classroom.console.table', { n: tb.no + 1 }),
      ' · ',
      t('classroom.console.round', {
        round: tb.round,
        rounds: rules.game.rounds.count,
        action: Math.min(tb.actionRound + 1, rules.game.rounds.actionRounds),
        actions: rules.game.rounds.actionRounds,
      }),
    ),
    h(
      'p',
      { class: 'table-state' },
      state,
      !tb.finished && tb.turn && tb.secondsLeft !== null
        ? h('span', { class: 'clock' }, ' · ', t('classroom.console.secondsLeft', { s: tb.secondsLeft }))
        : null,
    ),
    tb.preset && tb.preset !== 'standard'
      ? h(
          'p',
          { class: 'condition', title: t(`preset.${tb.preset}.desc` as TextKey) },
          t('classroom.condition', { name: t(`preset.${tb.preset}.name` as TextKey) }),
        )
      : null,
    connectedLine(tb),
    ...tableNewsLines(rules, tb, lang),
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
