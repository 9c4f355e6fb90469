/**
 * `#/join`: a student types the class code and a first name, chooses a free faction (or is
 * placed), and plays on the usual board through a `RemoteSession`. The device token stays in
 * this browser, so a reload rejoins the same seat. `#/join?code=X&watch=N` watches table N
 * (finished tables, or any once the class has ended).
 */
import { FACTIONS, type FactionId } from '../../engine/index.js';
import { getLang, setLang, t, type MessageKey } from '../i18n/i18n.js';
import { FACTION_LOOK } from '../model/factions.js';
import { routeHref } from '../routes.js';
import type { AppContext, PageHandle } from '../ui/app-context.js';
import { h, replaceChildren, selectAll } from '../ui/dom.js';
import { mountGame } from '../ui/play-page.js';
import { joinClass, publicClass, rejoinClass, seatLinkUrl, type PublicClass, type SeatTicket } from './api.js';
import { RemoteSession } from './remote-session.js';
import { saveDevice, savedDevice } from './saved.js';
import './classroom.css';

/** How often a seated student's page checks the class status (ms). */
export const STATUS_POLL_MS = 3000;
/** The largest team on one seat (as the server counts it). */
const MAX_DEVICES = 4;

/** Mounts the join page (or goes straight back to this device's seat). */
export function mountJoin(root: HTMLElement, ctx: AppContext): PageHandle {
  let inner: PageHandle | null = null;
  let relabel: () => void = () => {};
  const show = (handle: PageHandle, redraw: () => void) => {
    inner?.unmount();
    inner = handle;
    relabel = redraw;
  };
  const code = (ctx.route.params.code ?? '').toUpperCase();
  const device = savedDevice();
  const watch = ctx.route.params.watch;
  // A seat link (a team's, or one the teacher handed out): the seat is chosen by the link.
  const link = linkedSeat(ctx.route.params);

  const form = (message = '') => {
    let cls: PublicClass | null = null;
    let error = message;
    let name = '';
    let typedCode = code || device?.code || '';
    const draw = () => {
      const codeInput = h('input', { id: 'join-code', value: typedCode, maxlength: 12, autocomplete: 'off', autocapitalize: 'characters', required: true });
      const nameInput = h('input', { id: 'join-name', value: name, maxlength: 40, autocomplete: 'given-name', required: true });
      const choice = cls
        ? link
          ? h(
              'p',
              { class: 'note', 'data-testid': 'join-with-link' },
              t('classroom.join.withLink', {
                faction: `${FACTION_LOOK[link.seat].glyph} ${ctx.rules.factions[link.seat].short[getLang()]}`,
                n: link.table + 1,
              }),
            )
          : seatChooser(ctx, cls)
        : null;
      const submit = h(
        'button',
        { type: 'submit', class: 'primary big', 'data-testid': cls ? 'join-submit' : 'join-next' },
        cls ? t('classroom.join.take') : t('classroom.join.next'),
      );
      replaceChildren(
        root,
        h(
          'div',
          { class: 'page narrow' },
          h(
            'form',
            {
              class: 'box join-form',
              onsubmit: (e: Event) => {
                e.preventDefault();
                typedCode = codeInput.value.trim().toUpperCase();
                name = nameInput.value.trim();
                error = '';
                submit.disabled = true;
                if (!cls || cls.code !== typedCode) {
                  void publicClass(typedCode).then((r) => {
                    if (r.ok) {
                      cls = r.value;
                      classLanguage(cls);
                    } else error = r.status === 404 ? t('classroom.join.noClass') : r.error;
                    draw();
                  });
                  return;
                }
                const picked = (root.querySelector('input[name=seat]:checked') as HTMLInputElement | null)?.value ?? 'auto';
                const [table, seat] = picked.split(':');
                const wish = link ? { table: link.table, seat: link.seat } : picked === 'auto' ? null : { table: Number(table), seat: seat as FactionId };
                void joinClass(typedCode, name, wish, link?.invite ?? null).then((r) => {
                  if (!r.ok) {
                    error = r.error;
                    void publicClass(typedCode).then((again) => {
                      if (again.ok) cls = again.value;
                      draw();
                    });
                    return;
                  }
                  saveDevice({ code: r.value.code, deviceToken: r.value.deviceToken });
                  play(r.value, cls);
                });
              },
            },
            h('h2', {}, t('classroom.join.title')),
            h('label', { class: 'field' }, t('classroom.join.code'), codeInput),
            h('label', { class: 'field' }, t('classroom.join.name'), nameInput),
            choice,
            h('p', { class: 'error', role: 'alert' }, error),
            h('p', {}, submit),
          ),
        ),
      );
    };
    show({ unmount: () => {} }, draw);
    draw();
  };

  const play = (ticket: SeatTicket | null, cls: PublicClass | null, table = ticket?.table ?? 0) => {
    const session = new RemoteSession(ctx.rules, {
      server: location.origin,
      matchID: ticket?.matchID ?? cls?.tables[table]?.matchID ?? '',
      seat: ticket?.seat ?? null,
      ...(ticket ? { credentials: ticket.credentials } : {}),
      botLevel: cls?.botLevel ?? 'medium',
    });
    const bar = h('div', { class: 'class-bar', 'data-testid': 'class-bar' });
    const gameEl = h('div', { class: 'class-game' });
    root.replaceChildren(h('div', { class: 'class-page' }, bar, gameEl));
    const game = mountGame(gameEl, ctx.rules, session, { exportName: () => 'match.json', debriefHref: null, pace: false });
    let status = cls?.status ?? 'lobby';
    let myMode: string | null = null;
    let connected = false;
    let fatal: string | null = null;
    const drawBar = () => {
      const lang = getLang();
      const who = ticket
        ? t('classroom.play.youAre', { faction: `${FACTION_LOOK[ticket.seat].glyph} ${ctx.rules.factions[ticket.seat].short[lang]}`, name: ticket.name })
        : t('classroom.play.watching');
      replaceChildren(
        bar,
        h('span', {}, t('classroom.play.where', { code: ticket?.code ?? cls?.code ?? code, n: table + 1 })),
        h('span', { class: 'who' }, who),
        h(
          'span',
          { class: `class-status status-${status}`, 'data-testid': 'class-status', 'data-status': status },
          t(`classroom.play.status.${status}` as MessageKey),
        ),
        myMode === 'bot' ? h('span', { class: 'note' }, t('classroom.play.botSeat')) : null,
        h(
          'span',
          { class: connected ? 'online' : 'offline', 'data-testid': 'link', 'data-connected': connected ? 'yes' : 'no' },
          connected ? t('classroom.play.online') : t('classroom.play.offline'),
        ),
        fatal ? h('span', { class: 'error' }, fatal) : null,
        ticket?.invite
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
              form();
            },
          },
          ticket ? t('classroom.play.leave') : t('classroom.play.stopWatching'),
        ),
      );
    };
    const offStatus = session.onStatus((s) => {
      connected = s.connected;
      fatal = s.fatal ? t('classroom.err.unauthorized') : null;
      drawBar();
    });
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const poll = async () => {
      const r = await publicClass(ticket?.code ?? cls?.code ?? code);
      if (stopped) return;
      if (r.ok) {
        status = r.value.status;
        myMode = ticket ? (r.value.tables[table]?.seats[ticket.seat].mode ?? null) : null;
        drawBar();
      }
      timer = setTimeout(() => void poll(), STATUS_POLL_MS);
    };
    drawBar();
    void poll();
    show(
      {
        unmount: () => {
          stopped = true;
          if (timer) clearTimeout(timer);
          offStatus();
          game.unmount();
        },
      },
      () => {
        drawBar();
        game.relabel?.();
      },
    );
  };

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
    relabel: () => relabel(),
    unmount: () => inner?.unmount(),
  };
}

/** The seat a seat link names (`table`, `seat`, `invite` in the join URL), if any. */
function linkedSeat(params: Record<string, string>): { table: number; seat: FactionId; invite: string } | null {
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

/** The seats of every table to choose from, "place me" first, and the tables that can be watched. */
function seatChooser(ctx: AppContext, cls: PublicClass): HTMLElement {
  const lang = getLang();
  const tables = cls.tables.map((tb) => {
    const seats = FACTIONS.map((f) => {
      const s = tb.seats[f];
      const full = s.names.length >= MAX_DEVICES;
      const label = s.names.length > 0 ? t('classroom.join.team', { names: s.names.join(', ') }) : t('classroom.join.free');
      return h(
        'label',
        { class: `radio seat-choice${full || tb.finished ? ' off' : ''}` },
        h('input', { type: 'radio', name: 'seat', value: `${tb.no}:${f}`, disabled: full || tb.finished, 'data-testid': `seat-${tb.no}-${f}` }),
        h('span', { style: `color:${FACTION_LOOK[f].css}`, 'aria-hidden': 'true' }, FACTION_LOOK[f].glyph, ' '),
        ctx.rules.factions[f].short[lang],
        ' — ',
        label,
      );
    });
    return h(
      'fieldset',
      { class: 'table-choice' },
      h('legend', {}, t('classroom.console.table', { n: tb.no + 1 }), tb.round > 0 ? ` · ${t('classroom.join.roundN', { round: tb.round })}` : ''),
      ...seats,
      tb.matchID ? h('a', { class: 'button small', href: routeHref('join', { code: cls.code, watch: String(tb.no) }) }, t('classroom.join.watch')) : null,
    );
  });
  return h(
    'div',
    { class: 'seat-chooser' },
    h('p', {}, t('classroom.join.choose')),
    h(
      'label',
      { class: 'radio' },
      h('input', { type: 'radio', name: 'seat', value: 'auto', checked: true, 'data-testid': 'seat-auto' }),
      t('classroom.join.placeMe'),
    ),
    ...tables,
  );
}
