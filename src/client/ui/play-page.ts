/**
 * The solo game page: the Phaser board, the action panel, the guide, the log with the bots'
 * reasons, export and the end-of-game summary. It talks to the game only through a `GameSession`.
 */
import type { Action, RegionId, Rules } from '../../engine/index.js';
import { boardModel } from '../model/board-model.js';
import { getLang, t } from '../i18n/i18n.js';
import { createBotRunner } from '../session/bot-runner.js';
import { LocalSession } from '../session/local-session.js';
import type { GameSession, SessionUpdate } from '../session/session.js';
import { storageStore } from '../session/solo-save.js';
import { PACES, savePace, savedPace, type Pace } from '../settings.js';
import { hook } from '../hook.js';
import { ActionPanel } from './action-panel.js';
import type { AppContext, PageHandle } from './app-context.js';
import { BoardView } from './board-view.js';
import { boardTable } from './board-text.js';
import { Coach } from './coach.js';
import { download, h, replaceChildren } from './dom.js';
import { renderLog } from './log-view.js';
import { renderDebrief } from './debrief-view.js';
import { playerLabels } from './players.js';

/** The region a move touched (for the board's highlight). */
function regionOf(action: Action): RegionId[] {
  if ('region' in action && action.region) return [action.region];
  if (action.type === 'release') return action.regions;
  return [];
}

/** Mounts the solo game saved in this browser (or says there is none). */
export function mountPlay(root: HTMLElement, ctx: AppContext): PageHandle {
  const rules = ctx.rules;
  const store = storageStore(localStorage);
  const save = store.load();
  if (!save || save.rulesHash !== rules.hash) {
    replaceChildren(root, h('section', { class: 'page narrow' }, h('h2', {}, t('play.noGame')), h('p', {}, h('a', { href: '#/' }, t('nav.home')))));
    return { unmount: () => {} };
  }
  const session: GameSession = new LocalSession(rules, save, createBotRunner(), {
    store,
    botDelayMs: () => PACES[savedPace()],
    actions: save.actions,
    hardIterations: hardBudgetFromUrl(),
  });
  return mountGame(root, rules, session, { exportName: (n) => `gigawatt-${save.seed}-${n}.json`, debriefHref: '#/debrief', pace: true });
}

/** How a game page differs between solo and classroom play. */
export interface GameOptions {
  /** The file name of an exported match after `n` actions. */
  exportName(n: number): string;
  /** Where the end-of-game summary's debrief link goes (null: the debrief opens in place, from the session's rounds). */
  debriefHref: string | null;
  /** Show the bot-pace selector (solo only: server bots keep their own pace). */
  pace: boolean;
}

/** Mounts the board, panel and log of any `GameSession`; the page owns the session and closes it on unmount. */
export function mountGame(root: HTMLElement, rules: Rules, session: GameSession, options: GameOptions): PageHandle {
  let update: SessionUpdate | null = null;
  let lastAnnounced = -1;

  const boardEl = h('div', { class: 'board', id: 'board', role: 'img', 'aria-label': t('play.boardLabel') });
  const statusEl = h('p', { class: 'status', 'aria-live': 'polite' });
  const announceEl = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const errorEl = h('p', { class: 'error', role: 'alert' });
  const logEl = h('ol', { class: 'log', tabindex: '0', 'aria-label': t('play.log') });
  const textEl = h('details', { class: 'text-view' });
  const overEl = h('section', { class: 'over', hidden: true });
  const toolsEl = h('div', { class: 'tools' });
  const coach = new Coach();
  const panel = new ActionPanel(rules, {
    submit: (action) => {
      errorEl.textContent = '';
      void session.submit(action, getLang()).then((r) => {
        if (!r.ok) errorEl.textContent = r.error;
      });
    },
    changed: () => draw(),
  });
  const board = new BoardView(boardEl, (region) => {
    if (!panel.regionClicked(region)) statusEl.textContent = t('play.regionInfo', { region: rules.regions[region].name[getLang()] });
    draw();
  });

  const logTitle = h('h3', {});
  root.replaceChildren(
    h(
      'div',
      { class: 'play' },
      h('section', { class: 'board-wrap', 'aria-label': t('play.boardLabel') }, boardEl),
      h(
        'aside',
        { class: 'panel', 'aria-label': t('play.panel') },
        toolsEl,
        coach.el,
        statusEl,
        errorEl,
        overEl,
        panel.el,
        textEl,
        h('section', { class: 'log-wrap' }, logTitle, logEl),
        announceEl,
      ),
    ),
  );

  function renderTools(): void {
    const pace = h(
      'select',
      { id: 'pace', onchange: (e: Event) => savePace((e.target as HTMLSelectElement).value as Pace) },
      ...(Object.keys(PACES) as Pace[]).map((p) => h('option', { value: p, selected: p === savedPace() }, t(`pace.${p}`))),
    );
    replaceChildren(
      toolsEl,
      session.exportMatch ? h('button', { type: 'button', 'data-testid': 'export', onclick: () => exportMatch() }, t('play.export')) : null,
      h('button', { type: 'button', onclick: () => coach.restart() }, t('play.guide')),
      h('a', { href: '#/rules', class: 'button' }, t('nav.rules')),
      options.pace ? [h('label', { for: 'pace' }, t('play.pace')), pace] : null,
    );
  }

  function exportMatch(): void {
    const text = session.exportMatch?.();
    if (!text) return;
    download(options.exportName(update?.moves.length ?? 0), text);
  }

  function draw(): void {
    if (!update) return;
    const lang = getLang();
    const view = update.view;
    const last = update.moves[update.moves.length - 1];
    const model = boardModel(rules, view, lang, {
      clickable: panel.clickable(),
      highlighted: last ? regionOf(last.action) : [],
      thinking: update.thinking,
      players: playerLabels(update.seats, session.seat, lang),
    });
    board.show(model);
    statusEl.textContent = model.status;
    replaceChildren(textEl, h('summary', {}, t('play.boardText')), boardTable(model));
  }

  function render(): void {
    if (!update) return;
    const lang = getLang();
    const view = update.view;
    panel.update(view, lang);
    draw();
    logTitle.textContent = t('play.log');
    renderLog(logEl, rules, update, lang);
    coach.update(lang, session.seat ? rules.factions[session.seat].short[lang] : '', view.round);
    const last = update.moves[update.moves.length - 1];
    if (last && last.index !== lastAnnounced && last.seat !== session.seat) {
      lastAnnounced = last.index;
      announceEl.textContent = `${rules.factions[last.seat].short[lang]}: ${last.text[lang]}`;
    }
    const over = view.phase === 'over';
    overEl.hidden = !over;
    if (over) {
      const r = view.result;
      const title =
        r?.reason === 'catastrophe'
          ? t('status.catastrophe')
          : r?.winner
            ? t('status.winner', { faction: rules.factions[r.winner].short[lang] })
            : t('status.tie');
      replaceChildren(
        overEl,
        h('h2', {}, title),
        h('ol', {}, ...(r?.ranking ?? []).map((f) => h('li', {}, `${rules.factions[f].short[lang]}: ${view.factions[f].vp} ${t('board.vp')}`))),
        options.debriefHref !== null
          ? h('a', { href: options.debriefHref, class: 'button primary', 'data-testid': 'debrief' }, t('play.debrief'))
          : h('button', { type: 'button', class: 'primary', 'data-testid': 'debrief', onclick: () => showDebrief() }, t('play.debrief')),
        ' ',
        h('a', { href: '#/', class: 'button' }, t('play.newGame')),
      );
    }
    hook.game = {
      round: view.round,
      phase: view.phase,
      active: view.phase === 'over' ? null : (view.pending?.seat ?? view.order[view.turnIndex] ?? null),
      seat: session.seat,
      actions: update.moves.length,
      thinking: update.thinking,
      over,
    };
  }

  /** The debrief in place of the summary, from what the session saw. */
  function showDebrief(): void {
    if (!update) return;
    const el = h('section', { class: 'debrief' });
    overEl.append(el);
    void renderDebrief(el, rules, update.view, update.rounds, getLang());
  }

  const unsubscribe = session.subscribe((u) => {
    update = u;
    const t0 = performance.now();
    render();
    hook.renderMs.push(Math.round(performance.now() - t0));
    if (hook.renderMs.length > 50) hook.renderMs.shift();
  });
  renderTools();
  return {
    relabel: () => {
      renderTools();
      render();
    },
    unmount: () => {
      unsubscribe();
      session.close();
      board.destroy();
      hook.game = null;
    },
  };
}

/** Another search budget for hard bots (rollouts with the default search), from `?hard=<n>` in the page's address (designers, tests). */
function hardBudgetFromUrl(): number | undefined {
  const raw = new URLSearchParams(location.search).get('hard');
  const n = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 && n <= 1_000_000 ? n : undefined;
}
