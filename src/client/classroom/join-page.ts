/**
 * `#/join`: a student types the class code and a first name, chooses a free faction (or is
 * placed, or follows a seat link), and plays on the usual game page through a `RemoteSession`.
 * The device token stays in this browser, so a reload rejoins the same seat.
 * `#/join?code=X&watch=N` watches table N (finished tables, or any once the class has ended).
 * Two page modules: `JoinForm` (code, name, seat) and `ClassGame` (the class bar over the game).
 */
import { FACTIONS, activeSeat, type FactionId, type Rules, type TextKey } from '../../engine/index.js';
import { isPresetId, presetRules, type PresetId } from '../../engine/rules/presets.js';
import { MAX_DEVICES_PER_SEAT, type DiscussionView } from '../../protocol/classroom.js';
import { getLang, setLang, t } from '../i18n/i18n.js';
import { FACTION_LOOK } from '../model/factions.js';
import { routeHref } from '../routes.js';
import type { AppContext, PageHandle } from '../ui/app-context.js';
import { h, replaceChildren, selectAll } from '../ui/dom.js';
import { GamePage } from '../ui/game-page.js';
import { joinClass, publicClass, rejoinClass, seatLinkUrl, type PublicClass, type SeatTicket } from './api.js';
import { RemoteSession } from './remote-session.js';
import { TurnClock } from './turn-clock.js';
import { NewsBanner } from './news-banner.js';
import { forgetDevice, saveDevice, savedDevice } from './saved.js';
import './classroom.css';

/** How often a seated student's page checks the class status (ms). */
const STATUS_POLL_MS = 3000;
/** After the turn changes on the board, the status (and so the new turn's timer) is asked again this soon (ms). */
const TURN_POLL_MS = 400;

/** A seat link: the seat it names and its token. */
interface SeatLink {
  table: number;
  seat: FactionId;
  invite: string;
}

/** Mounts the join page (or goes straight back to this device's seat, or to the watched table). */
export function mountJoin(root: HTMLElement, ctx: AppContext): PageHandle {
  let inner: PageHandle | null = null;
  const show = (page: PageHandle) => {
    inner?.unmount();
    inner = page;
  };
  const code = (ctx.route.params.code ?? '').toUpperCase();
  const device = savedDevice();
  const watch = ctx.route.params.watch;
  const form = (message = '') =>
    show(
      new JoinForm(root, ctx, { code: code || device?.code || '', link: linkedSeat(ctx.route.params), message, seated: (ticket, cls) => play(ticket, cls) }),
    );
  const play = (ticket: SeatTicket | null, cls: PublicClass | null, table = ticket?.table ?? 0) =>
    show(new ClassGame(root, ctx, { ticket, cls, table, code, leave: () => form() }));

  if (watch !== undefined && code) {
    void publicClass(code).then((r) => {
      const table = Number(watch);
      if (r.ok && r.value.tables[table]?.matchID) play(null, r.value, table);
      else form(t('classroom.join.cannotWatch'));
    });
  } else if (device && (!code || code === device.code)) {
    void rejoinClass(device.code, device.deviceToken).then((r) => {
      if (!r.ok) {
        saveDevice(null);
        return form(t('classroom.join.rejoinFailed'));
      }
      void publicClass(r.value.code).then((c) => play(r.value, c.ok ? c.value : null));
    });
  } else form();

  return {
    relabel: () => inner?.relabel?.(),
    unmount: () => inner?.unmount(),
  };
}

/** What the join form needs. */
interface JoinFormOptions {
  /** The code to show first (from the link, or this device's last class). */
  code: string;
  /** A seat link in the address, if the student followed one. */
  link: SeatLink | null;
  /** A message to show at once (e.g. why a rejoin failed). */
  message: string;
  /** The student has a seat. */
  seated(ticket: SeatTicket, cls: PublicClass): void;
}

/** The join form: first the class code and name, then (once the class is known) the seat. */
class JoinForm implements PageHandle {
  private cls: PublicClass | null = null;
  private error: string;
  private name = '';
  private typedCode: string;

  constructor(
    private readonly root: HTMLElement,
    private readonly ctx: AppContext,
    private readonly options: JoinFormOptions,
  ) {
    this.error = options.message;
    this.typedCode = options.code;
    this.draw();
  }

  relabel(): void {
    this.draw();
  }

  unmount(): void {}

  private draw(): void {
    const { cls, ctx } = this;
    const link = this.options.link;
    const codeInput = h('input', { id: 'join-code', value: this.typedCode, maxlength: 12, autocomplete: 'off', autocapitalize: 'characters', required: true });
    const nameInput = h('input', { id: 'join-name', value: this.name, maxlength: 40, autocomplete: 'given-name', required: true });
    const choice = !cls
      ? null
      : link
        ? h(
            'p',
            { class: 'note', 'data-testid': 'join-with-link' },
            t('classroom.join.withLink', { faction: `${FACTION_LOOK[link.seat].glyph} ${ctx.rules.factions[link.seat].short[getLang()]}`, n: link.table + 1 }),
          )
        : seatChooser(ctx, cls);
    const submit = h(
      'button',
      { type: 'submit', class: 'primary big', 'data-testid': cls ? 'join-submit' : 'join-next' },
      cls ? t('classroom.join.take') : t('classroom.join.next'),
    );
    const onsubmit = (e: Event) => {
      e.preventDefault();
      this.typedCode = codeInput.value.trim().toUpperCase();
      this.name = nameInput.value.trim();
      this.error = '';
      submit.disabled = true;
      if (!this.cls || this.cls.code !== this.typedCode) void this.findClass();
      else void this.takeSeat();
    };
    replaceChildren(
      this.root,
      h(
        'div',
        { class: 'page narrow' },
        h(
          'form',
          { class: 'box join-form', onsubmit },
          h('h2', {}, t('classroom.join.title')),
          h('label', { class: 'field' }, t('classroom.join.code'), codeInput),
          h('label', { class: 'field' }, t('classroom.join.name'), nameInput, h('small', { class: 'hint' }, t('classroom.join.nameHint'))),
          cls?.status === 'closed' ? h('p', { class: 'note', role: 'status', 'data-testid': 'join-closed' }, t('classroom.join.closed')) : null,
          choice,
          h('p', { class: 'error', role: 'alert' }, this.error),
          h('p', {}, submit),
        ),
      ),
    );
  }

  /** Step one: the class behind the typed code. */
  private async findClass(): Promise<void> {
    const r = await publicClass(this.typedCode);
    if (r.ok) {
      this.cls = r.value;
      classLanguage(r.value);
    } else this.error = r.status === 404 ? t('classroom.join.noClass') : r.error;
    this.draw();
  }

  /** Step two: the seat chosen (or the link's, or wherever the class places us). */
  private async takeSeat(): Promise<void> {
    const link = this.options.link;
    const picked = (this.root.querySelector('input[name=seat]:checked') as HTMLInputElement | null)?.value ?? 'auto';
    const [table, seat] = picked.split(':');
    const wish = link ? { table: link.table, seat: link.seat } : picked === 'auto' ? null : { table: Number(table), seat: seat as FactionId };
    const r = await joinClass(this.typedCode, this.name, wish, link?.invite ?? null);
    if (!r.ok) {
      this.error = r.error;
      const again = await publicClass(this.typedCode);
      if (again.ok) this.cls = again.value;
      this.draw();
      return;
    }
    saveDevice({ code: r.value.code, deviceToken: r.value.deviceToken });
    this.options.seated(r.value, this.cls!);
  }
}

/** What the class game needs. */
interface ClassGameOptions {
  /** This device's seat (null: watching). */
  ticket: SeatTicket | null;
  cls: PublicClass | null;
  table: number;
  /** The code in the address (for a spectator without a ticket). */
  code: string;
  /** Back to the form (leaving the seat, or stopping to watch). */
  leave(): void;
}

/** A seat (or a watched table) of a class: the class bar (status, connection, team link) over the game page. */
class ClassGame implements PageHandle {
  private readonly bar = h('div', { class: 'class-bar', 'data-testid': 'class-bar' });
  private readonly game: GamePage;
  /** The table's rules (its condition in a class experiment): the page shows and checks moves with them. */
  private readonly rules: Rules;
  private readonly preset: PresetId;
  private readonly clock: TurnClock;
  /** The teacher's discussion: announced, then its prompt once this table has stopped. */
  private readonly discussEl = h('div', { class: 'class-discussion', role: 'status', 'aria-live': 'polite', 'data-testid': 'student-discussion' });
  private discussion: DiscussionView | null = null;
  /** The teacher's news: announced for the next headline, then read out. */
  private readonly news: NewsBanner;
  private readonly offStatus: () => void;
  private readonly offUpdates: () => void;
  private lastActive: string | null | undefined = undefined;
  private status: string;
  private myMode: string | null = null;
  private connected = false;
  private fatal: string | null = null;
  private stopped = false;
  private polling = false;
  /** The turn changed while a status request was out: ask again soon after it. */
  private again = false;
  /** A poll is scheduled TURN_POLL_MS after a turn change. */
  private soon = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    root: HTMLElement,
    _ctx: AppContext,
    private readonly options: ClassGameOptions,
  ) {
    const { ticket, cls, table } = options;
    const wanted = ticket?.preset ?? cls?.tables[table]?.preset;
    this.preset = isPresetId(wanted) ? wanted : 'standard';
    this.rules = presetRules(this.preset);
    const session = new RemoteSession(this.rules, {
      server: location.origin,
      matchID: ticket?.matchID ?? cls?.tables[table]?.matchID ?? '',
      seat: ticket?.seat ?? null,
      ...(ticket ? { credentials: ticket.credentials } : {}),
      botLevel: cls?.botLevel ?? 'medium',
    });
    const gameEl = h('div', { class: 'class-game' });
    this.clock = new TurnClock(this.rules, ticket?.seat ?? null);
    this.news = new NewsBanner(this.rules);
    root.replaceChildren(h('div', { class: 'class-page' }, this.bar, this.clock.noticeEl, this.discussEl, this.news.el, gameEl));
    this.game = new GamePage(gameEl, this.rules, session, { exportName: () => 'match.json', debriefHref: null, pace: false });
    this.status = cls?.status ?? 'lobby';
    this.offStatus = session.onStatus((s) => {
      this.connected = s.connected;
      this.fatal = s.fatal ? t('classroom.err.unauthorized') : null;
      this.drawBar();
    });
    // A new turn on the board: its timer is asked for at once rather than at the next poll.
    this.offUpdates = session.subscribe((u) => {
      const active = activeSeat(u.view);
      this.clock.setActive(active);
      if (this.lastActive !== undefined && active !== this.lastActive) this.pollSoon();
      this.lastActive = active;
    });
    this.drawBar();
    void this.poll();
  }

  relabel(): void {
    this.drawBar();
    this.drawDiscussion();
    this.news.relabel();
    this.clock.relabel();
    this.game.relabel();
  }

  unmount(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.offStatus();
    this.offUpdates();
    this.clock.stop();
    this.game.unmount();
  }

  /** Asks for the status shortly (the turn changed), instead of at the next regular poll. */
  private pollSoon(): void {
    if (this.stopped) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    // A poll already due this soon stays (bots moving fast must not push it back forever).
    if (this.soon) return;
    if (this.timer) clearTimeout(this.timer);
    this.soon = true;
    this.timer = setTimeout(() => void this.poll(), TURN_POLL_MS);
  }

  private get code(): string {
    return this.options.ticket?.code ?? this.options.cls?.code ?? this.options.code;
  }

  /** The class status and this seat's mode, every few seconds. */
  private async poll(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.soon = false;
    this.polling = true;
    const r = await publicClass(this.code);
    this.polling = false;
    if (this.stopped) return;
    if (r.ok) {
      const ticket = this.options.ticket;
      const table = r.value.tables[this.options.table];
      this.status = r.value.status;
      this.myMode = ticket ? (table?.seats[ticket.seat].mode ?? null) : null;
      this.clock.update(table?.clock ?? null, table?.lastTimeout ?? null);
      this.discussion = r.value.discussion ?? null;
      this.news.update(table?.news ?? null);
      this.drawBar();
      this.drawDiscussion();
    } else if (r.status === 404) {
      // The teacher deleted the class: this device forgets it, and says why the game stopped.
      forgetDevice();
      this.status = 'deleted';
      this.clock.update(null, null);
      this.drawBar();
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.soon = this.again;
    this.timer = setTimeout(() => void this.poll(), this.again ? TURN_POLL_MS : STATUS_POLL_MS);
    this.again = false;
  }

  /** The discussion: "the class stops at the end of this round", then the prompt once this table waits. */
  private drawDiscussion(): void {
    const d = this.discussion;
    // Closed until the next lesson: that notice, not an error (the seat stays on this device).
    if (this.status === 'closed') {
      this.game.setHold(t('classroom.play.closedTitle'));
      this.discussEl.dataset.state = 'closed';
      replaceChildren(
        this.discussEl,
        h('div', { class: 'stopped', 'data-testid': 'class-closed' }, h('h2', {}, t('classroom.play.closedTitle')), h('p', {}, t('classroom.play.closedText'))),
      );
      return;
    }
    if (!d) {
      this.game.setHold(null);
      replaceChildren(this.discussEl);
      this.discussEl.dataset.state = 'none';
      return;
    }
    const stopped = d.waiting.includes(this.options.table);
    this.game.setHold(stopped ? t('classroom.discuss.stopped') : null);
    this.discussEl.dataset.state = stopped ? 'stopped' : 'soon';
    const prompt = d.preset ? t(`classroom.prompt.${d.preset}`) : (d.text ?? '');
    replaceChildren(
      this.discussEl,
      stopped
        ? h(
            'div',
            { class: 'stopped' },
            h('h2', {}, t('classroom.discuss.title')),
            h('p', { class: 'prompt' }, prompt),
            h('p', {}, t('classroom.discuss.stopped')),
          )
        : h('p', { class: 'soon' }, t('classroom.discuss.soon')),
    );
  }

  private drawBar(): void {
    const { ticket, table } = this.options;
    const lang = getLang();
    /** The class was deleted: no connection or team link to show. */
    const gone = this.status === 'deleted';
    const who = ticket
      ? t('classroom.play.youAre', { faction: `${FACTION_LOOK[ticket.seat].glyph} ${this.rules.factions[ticket.seat].short[lang]}`, name: ticket.name })
      : t('classroom.play.watching');
    replaceChildren(
      this.bar,
      this.clock.el,
      h('span', {}, t('classroom.play.where', { code: this.code, n: table + 1 })),
      h('span', { class: 'who' }, who),
      this.preset !== 'standard'
        ? h(
            'span',
            { class: 'condition', 'data-testid': 'class-condition', title: t(`preset.${this.preset}.desc` as TextKey) },
            t('classroom.condition', { name: t(`preset.${this.preset}.name` as TextKey) }),
          )
        : null,
      h(
        'span',
        { class: `class-status status-${this.status}`, 'data-testid': 'class-status', 'data-status': this.status },
        t(`classroom.play.status.${this.status}` as TextKey),
      ),
      this.myMode === 'bot' ? h('span', { class: 'note' }, t('classroom.play.botSeat')) : null,
      gone
        ? null
        : h(
            'span',
            { class: this.connected ? 'online' : 'offline', 'data-testid': 'link', 'data-connected': this.connected ? 'yes' : 'no' },
            this.connected ? t('classroom.play.online') : t('classroom.play.offline'),
          ),
      this.fatal && !gone ? h('span', { class: 'error' }, this.fatal) : null,
      ticket?.invite && !gone
        ? h(
            'details',
            { class: 'team-link' },
            h('summary', {}, t('classroom.play.teamLink')),
            h('p', {}, t('classroom.play.teamLinkHelp')),
            h('input', {
              readonly: true,
              value: seatLinkUrl(ticket.code, ticket.table, ticket.seat, ticket.invite),
              'data-testid': 'team-link',
              onfocus: selectAll,
            }),
          )
        : null,
      h(
        'button',
        {
          type: 'button',
          class: 'small',
          onclick: () => {
            if (ticket) saveDevice(null);
            this.options.leave();
          },
        },
        ticket ? t('classroom.play.leave') : t('classroom.play.stopWatching'),
      ),
    );
  }
}

/** The seat a seat link names (`table`, `seat`, `invite` in the join URL), if any. */
function linkedSeat(params: Record<string, string>): SeatLink | null {
  const table = Number(params.table);
  const seat = params.seat;
  if (!params.invite || !Number.isInteger(table) || table < 0 || !(FACTIONS as readonly string[]).includes(seat ?? '')) return null;
  return { table, seat: seat as FactionId, invite: params.invite };
}

/** Shows the class's language to a student who never chose one. */
function classLanguage(cls: PublicClass): void {
  let chosen = true;
  try {
    chosen = localStorage.getItem('gigawatt.lang') !== null; // settings.ts's key: the student's own choice wins
  } catch {
    /* no storage: keep the current language */
  }
  if (!chosen && cls.lang !== getLang()) setLang(cls.lang);
}

/**
 * The seats of every table to choose from, "place me" first, and the tables that can be watched.
 * A seat someone holds (a team, or a bot once the class runs) is joined with its link, not here.
 */
function seatChooser(ctx: AppContext, cls: PublicClass): HTMLElement {
  const lang = getLang();
  const started = cls.status !== 'lobby';
  const tables = cls.tables.map((tb) => {
    const seats = FACTIONS.map((f) => {
      const s = tb.seats[f];
      const held = s.names.length > 0 || (started && s.mode === 'bot');
      const off = held || s.names.length >= MAX_DEVICES_PER_SEAT || tb.finished;
      const label = s.names.length > 0 ? t('classroom.join.team', { names: s.names.join(', ') }) : held ? t('classroom.console.bot') : t('classroom.join.free');
      return h(
        'label',
        { class: `radio seat-choice${off ? ' off' : ''}` },
        h('input', { type: 'radio', name: 'seat', value: `${tb.no}:${f}`, disabled: off, 'data-testid': `seat-${tb.no}-${f}` }),
        h('span', { style: `color:${FACTION_LOOK[f].css}`, 'aria-hidden': 'true' }, FACTION_LOOK[f].glyph, ' '),
        ctx.rules.factions[f].short[lang],
        ' — ',
        label,
      );
    });
    return h(
      'fieldset',
      { class: 'table-choice' },
      h(
        'legend',
        {},
        t('classroom.console.table', { n: tb.no + 1 }),
        tb.round > 0 ? ` · ${t('classroom.join.roundN', { round: tb.round })}` : '',
        tb.preset && tb.preset !== 'standard' ? ` · ${t(`preset.${tb.preset}.name` as TextKey)}` : '',
      ),
      ...seats,
      tb.matchID ? h('a', { class: 'button small', href: routeHref('join', { code: cls.code, watch: String(tb.no) }) }, t('classroom.join.watch')) : null,
    );
  });
  return h(
    'div',
    { class: 'seat-chooser' },
    h('p', {}, started ? t('classroom.join.needLink') : t('classroom.join.choose')),
    h(
      'label',
      { class: `radio${started ? ' off' : ''}` },
      h('input', { type: 'radio', name: 'seat', value: 'auto', checked: !started, disabled: started, 'data-testid': 'seat-auto' }),
      t('classroom.join.placeMe'),
    ),
    ...tables,
  );
}
