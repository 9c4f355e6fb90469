/**
 * The game page of any `GameSession`, solo or in a class: the Phaser board, the action panel, the
 * guide, the log with the bots' reasons, export and the end-of-game summary. It talks to the game
 * only through the session, and asks the engine whose turn it is.
 */
import { activeSeat, type Action, type Lang, type RegionId, type Rules, type SeatView } from '../../engine/index.js';
import { hook } from '../hook.js';
import { getLang, t } from '../i18n/i18n.js';
import { boardModel } from '../model/board-model.js';
import { scoringGain, scoringGainText, scoringRegions, scoringSteps, type ScoringGain } from '../model/scoring.js';
import type { GameSession, SessionUpdate } from '../session/session.js';
import { PACES, saveMotion, savePace, savedMotion, savedPace, type Pace } from '../settings.js';
import { ActionPanel } from './action-panel.js';
import type { PageHandle } from './app-context.js';
import { boardTable } from './board-text.js';
import { BoardView } from './board-view.js';
import { eventFace } from './card-face.js';
import { Coach } from './coach.js';
import { renderDebrief } from './debrief-view.js';
import { download, h, prefersReducedMotion, replaceChildren } from './dom.js';
import { renderLog } from './log-view.js';
import { playerLabels } from './players.js';
import { renderScoring } from './scoring-view.js';
import { ScoringSteps } from './scoring-steps.js';

/** How a game page differs between solo and classroom play. */
export interface GameOptions {
  /** The file name of an exported match after `n` actions. */
  exportName(n: number): string;
  /** Where the end-of-game summary's debrief link goes (null: the debrief opens in place, from the session's rounds). */
  debriefHref: string | null;
  /** Show the bot-pace selector (solo only: server bots keep their own pace). */
  pace: boolean;
}

/** The region a move touched (for the board's highlight). */
function regionOf(action: Action): RegionId[] {
  if ('region' in action && action.region) return [action.region];
  if (action.type === 'release') return action.regions;
  return [];
}

/** The board, panel and log of a session; the page owns the session and closes it on unmount. */
export class GamePage implements PageHandle {
  private update: SessionUpdate | null = null;
  private lastAnnounced = -1;
  private readonly boardEl = h('div', { class: 'board', id: 'board', role: 'img', 'aria-label': t('play.boardLabel') });
  private readonly statusEl = h('p', { class: 'status', 'aria-live': 'polite' });
  private readonly meEl = h('p', { class: 'me' });
  private readonly announceEl = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  private readonly errorEl = h('p', { class: 'error', role: 'alert' });
  private readonly logEl = h('ol', { class: 'log', tabindex: '0', 'aria-label': t('play.log') });
  private readonly logTitle = h('h3', {});
  private readonly textEl = h('details', { class: 'text-view' });
  private readonly headlinesEl = h('details', { class: 'headlines', open: true, hidden: true });
  private headlinesKey = '';
  private readonly scoringEl = h('details', { class: 'scoring-panel', 'data-testid': 'scoring' });
  /** What each scoring seen live gave (by round), and the one that just happened (shown on the board). */
  private readonly gains = new Map<number, ScoringGain>();
  private freshGain: ScoringGain | null = null;
  /** Each region's prizes at that scoring (null: not known exactly). */
  private freshRegions: ReturnType<typeof scoringRegions> = null;
  private previousView: SeatView | null = null;
  /** The last scoring seen live, told line by line over the board: the view just before it and what it gave. */
  private told: { before: SeatView; gain: ScoringGain } | null = null;
  private readonly steps: ScoringSteps;
  private readonly overEl = h('section', { class: 'over', hidden: true });
  private readonly toolsEl = h('div', { class: 'tools' });
  private readonly coach = new Coach();
  private readonly panel: ActionPanel;
  private readonly board: BoardView;
  private readonly unsubscribe: () => void;
  /** Why the game waits for the class (closed, or stopped for a discussion); shown instead of the turn's status. */
  private hold: string | null = null;

  constructor(
    root: HTMLElement,
    private readonly rules: Rules,
    private readonly session: GameSession,
    private readonly options: GameOptions,
  ) {
    this.panel = new ActionPanel(rules, {
      submit: (action) => this.submit(action),
      changed: () => this.draw(),
    });
    this.board = new BoardView(this.boardEl, (region) => {
      if (!this.panel.regionClicked(region)) this.statusEl.textContent = t('play.regionInfo', { region: rules.regions[region].name[getLang()] });
      this.draw();
    });
    this.steps = new ScoringSteps((step) => this.board.lightScoring(step));
    root.replaceChildren(
      h(
        'div',
        { class: 'play' },
        h('section', { class: 'board-wrap', 'aria-label': t('play.boardLabel') }, this.boardEl, this.steps.el),
        h(
          'aside',
          { class: 'panel', 'aria-label': t('play.panel') },
          this.toolsEl,
          h('div', { class: 'sticky-status' }, this.statusEl, this.meEl),
          this.coach.el,
          this.errorEl,
          this.overEl,
          this.headlinesEl,
          this.panel.el,
          this.scoringEl,
          this.textEl,
          h('section', { class: 'log-wrap' }, this.logTitle, this.logEl),
          this.announceEl,
        ),
      ),
    );
    this.unsubscribe = session.subscribe((u) => {
      this.update = u;
      this.freshGain = this.previousView ? scoringGain(this.previousView, u.view) : null;
      this.freshRegions = this.freshGain && this.previousView ? scoringRegions(this.rules, this.previousView, this.freshGain) : null;
      if (this.freshGain) this.gains.set(this.freshGain.round, this.freshGain);
      if (this.freshGain && this.previousView) {
        this.told = { before: this.previousView, gain: this.freshGain };
        this.tellScoring(!(prefersReducedMotion() || !savedMotion()));
      }
      this.previousView = u.view;
      const t0 = performance.now();
      this.render();
      hook.renderMs.push(Math.round(performance.now() - t0));
      if (hook.renderMs.length > 50) hook.renderMs.shift();
    });
    this.renderTools();
  }

  /** The language changed. */
  relabel(): void {
    this.board.relabel();
    this.renderTools();
    this.render();
    if (this.told && !this.steps.el.hidden) this.tellScoring(false);
  }

  /** Tells the last scoring line by line over the board (`animate` false: all lines at once). */
  private tellScoring(animate: boolean): void {
    if (!this.told) return;
    const lang = getLang();
    const { before, gain } = this.told;
    this.steps.start(t('scoring.banner', { round: gain.round }), scoringSteps(this.rules, before, gain, lang), animate);
  }

  /** Leaving the page: the session closes. */
  unmount(): void {
    this.closeDebrief();
    this.unsubscribe();
    this.steps.destroy();
    this.session.close();
    this.board.destroy();
    hook.game = null;
  }

  private submit(action: Action): void {
    this.errorEl.textContent = '';
    void this.session.submit(action, getLang()).then((r) => {
      if (!r.ok) this.errorEl.textContent = r.error;
    });
  }

  private renderTools(): void {
    const pace = h(
      'select',
      { id: 'pace', onchange: (e: Event) => savePace((e.target as HTMLSelectElement).value as Pace) },
      ...(Object.keys(PACES) as Pace[]).map((p) => h('option', { value: p, selected: p === savedPace() }, t(`pace.${p}`))),
    );
    replaceChildren(
      this.toolsEl,
      this.session.exportMatch ? h('button', { type: 'button', 'data-testid': 'export', onclick: () => this.exportMatch() }, t('play.export')) : null,
      h('button', { type: 'button', onclick: () => this.coach.restart() }, t('play.guide')),
      h('a', { href: '#/rules', class: 'button' }, t('nav.rules')),
      this.options.pace ? [h('label', { for: 'pace' }, t('play.pace')), pace] : null,
      h(
        'label',
        { class: 'motion-toggle' },
        h('input', {
          type: 'checkbox',
          'data-testid': 'motion',
          checked: savedMotion(),
          onchange: (e: Event) => {
            saveMotion((e.target as HTMLInputElement).checked);
            this.board.refreshMotion();
          },
        }),
        t('play.motion'),
      ),
    );
  }

  private exportMatch(): void {
    const text = this.session.exportMatch?.();
    if (!text) return;
    download(this.options.exportName(this.update?.moves.length ?? 0), text);
  }

  /**
   * The class holds the game (`text`: why, e.g. closed until the next lesson), or no longer
   * (null): while it holds, the status line says so instead of "Your turn".
   */
  setHold(text: string | null): void {
    if (this.hold === text) return;
    this.hold = text;
    this.draw();
  }

  /** The board and its text version. */
  private draw(): void {
    const update = this.update;
    if (!update) return;
    const lang = getLang();
    const last = update.moves[update.moves.length - 1];
    const model = boardModel(this.rules, update.view, lang, {
      clickable: this.panel.clickable(),
      highlighted: last ? regionOf(last.action) : [],
      thinking: update.thinking,
      players: playerLabels(update.seats, this.session.seat, lang),
      scoring: this.freshGain
        ? {
            round: this.freshGain.round,
            lines: scoringGainText(this.rules, this.freshGain, lang).split(' · '),
            regions: this.freshRegions ?? [],
            stepped: true,
          }
        : null,
    });
    this.board.show(model);
    this.statusEl.textContent = this.hold ?? model.status;
    this.meEl.textContent = model.me;
    replaceChildren(this.textEl, h('summary', {}, t('play.boardText')), boardTable(model));
  }

  private render(): void {
    const update = this.update;
    if (!update) return;
    const { rules, session } = this;
    const lang = getLang();
    const view = update.view;
    this.panel.update(view, lang);
    this.draw();
    this.renderHeadlines(view.headlines, lang);
    this.logTitle.textContent = t('play.log');
    renderLog(this.logEl, rules, update, lang, new Map([...this.gains].map(([round, g]) => [round, scoringGainText(rules, g, lang)])));
    renderScoring(this.scoringEl, rules, view, lang);
    this.coach.update(lang, session.seat ? rules.factions[session.seat].forms[lang].the : '', view.round);
    const last = update.moves[update.moves.length - 1];
    if (last && last.index !== this.lastAnnounced && last.seat !== session.seat) {
      this.lastAnnounced = last.index;
      this.announceEl.textContent = t('board.labelled', { label: rules.factions[last.seat].short[lang], text: last.text[lang] });
    }
    const over = view.phase === 'over';
    this.overEl.hidden = !over;
    if (over) this.renderOver();
    hook.game = {
      round: view.round,
      phase: view.phase,
      active: activeSeat(view),
      seat: session.seat,
      actions: update.moves.length,
      thinking: update.thinking,
      over,
    };
  }

  /** This round's headline cards, redrawn only when they or the language change. */
  private renderHeadlines(ids: readonly string[], lang: Lang): void {
    const key = `${lang}:${ids.join(',')}`;
    if (key === this.headlinesKey) return;
    this.headlinesKey = key;
    this.headlinesEl.hidden = ids.length === 0;
    replaceChildren(
      this.headlinesEl,
      h('summary', {}, t('play.headlines', { count: ids.length })),
      ids.map((id) => eventFace(this.rules, id, lang, 'wide')),
    );
  }

  /** The end-of-game summary. */
  private renderOver(): void {
    const view = this.update!.view;
    const lang = getLang();
    const { rules } = this;
    const r = view.result;
    const title =
      r?.reason === 'catastrophe'
        ? t('status.catastrophe')
        : r?.winner
          ? t('status.winner', { faction: rules.factions[r.winner].short[lang] })
          : t('status.tie');
    replaceChildren(
      this.overEl,
      h('h2', {}, title),
      // After a catastrophe everyone lost: the scores are listed, not ranked.
      h(
        r?.reason === 'catastrophe' ? 'ul' : 'ol',
        {},
        ...(r?.ranking ?? []).map((f) =>
          h('li', {}, t('board.labelled', { label: rules.factions[f].short[lang], text: `${view.factions[f].vp} ${t('board.vp')}` })),
        ),
      ),
      this.options.debriefHref !== null
        ? h('a', { href: this.options.debriefHref, class: 'button primary', 'data-testid': 'debrief' }, t('play.debrief'))
        : h('button', { type: 'button', class: 'primary', 'data-testid': 'debrief', onclick: () => this.showDebrief() }, t('play.debrief')),
      ' ',
      h('a', { href: '#/', class: 'button' }, t('play.newGame')),
    );
  }

  /** The full-page debrief over the board (the classroom's), if open. */
  private debriefPage: HTMLElement | null = null;

  /**
   * The debrief as a full page over the board, from what the session saw (the classroom, where
   * no debrief route holds the game); "Back to the board" or Esc closes it.
   */
  private showDebrief(): void {
    if (!this.update) return;
    this.closeDebrief();
    const el = h('section', { class: 'debrief' });
    const back = h('button', { type: 'button', 'data-testid': 'debrief-close', onclick: () => this.closeDebrief() }, t('debrief.backToBoard'));
    const page = h(
      'div',
      {
        class: 'debrief-full',
        role: 'dialog',
        'aria-modal': 'true',
        'aria-label': t('play.debrief'),
        'data-testid': 'debrief-page',
        onkeydown: (e: Event) => {
          if ((e as KeyboardEvent).key === 'Escape') this.closeDebrief();
        },
      },
      h('div', { class: 'debrief-full-inner' }, h('p', { class: 'debrief-full-bar' }, back), el),
    );
    document.body.append(page);
    this.debriefPage = page;
    back.focus();
    void renderDebrief(el, this.rules, this.update.view, this.update.rounds, getLang());
  }

  private closeDebrief(): void {
    this.debriefPage?.remove();
    this.debriefPage = null;
  }
}
