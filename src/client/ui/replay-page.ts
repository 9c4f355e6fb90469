/**
 * The replay viewer: open a match file (picker, drag and drop, or `#/replay?url=...`), scrub a
 * timeline, step, play and pause, jump to a round, and "Play from here" against bots. Two page
 * modules: `MatchLoader` (where a match file comes from) and `ReplayViewer` (one loaded match).
 */
import { rulesOfState } from '../../engine/rules/presets.js';
import { FACTIONS, type FactionId, type RegionId } from '../../engine/index.js';
import { BOT_LEVELS, type BotLevel } from '../../bots/index.js';
import { boardModel } from '../model/board-model.js';
import { loadReplay, roundAt, snapshotAt, type ReplayTimeline } from '../model/replay-timeline.js';
import { getLang, t } from '../i18n/i18n.js';
import { storageStore } from '../session/solo-save.js';
import { hook } from '../hook.js';
import type { AppContext, PageHandle } from './app-context.js';
import { BoardView } from './board-view.js';
import { confirmReplace } from './confirm-replace.js';
import { scoringGain, scoringGainText, scoringRegions, type ScoringGain } from '../model/scoring.js';
import { renderDebrief } from './debrief-view.js';
import { h, prefersReducedMotion, replaceChildren } from './dom.js';
import { renderLog } from './log-view.js';
import { playerLabels } from './players.js';

/** The `rulesHash` a match file's text names ('' if none can be read). */
function rulesHashIn(text: string): string {
  try {
    const hash = (JSON.parse(text) as { rulesHash?: unknown } | null)?.rulesHash;
    return typeof hash === 'string' ? hash : '';
  } catch {
    return '';
  }
}

/** Mounts the replay viewer. */
export function mountReplay(root: HTMLElement, ctx: AppContext): PageHandle {
  const errorEl = h('p', { class: 'error', role: 'alert' });
  const loaderEl = h('section', { class: 'box loader' });
  const viewerEl = h('div', { class: 'play replay', hidden: true });
  root.replaceChildren(h('div', { class: 'page-wide' }, errorEl, loaderEl, viewerEl));
  let viewer: ReplayViewer | null = null;

  const open = (text: string) => {
    // A class experiment's table was played under a preset: the file's rules hash names it.
    const rules = rulesOfState({ rulesHash: rulesHashIn(text) }, ctx.rules);
    const loaded = loadReplay(rules, text);
    if (!loaded.ok) {
      errorEl.textContent = t('replay.bad', { error: loaded.error });
      return;
    }
    errorEl.textContent = '';
    viewer?.unmount();
    loaderEl.hidden = true;
    viewerEl.hidden = false;
    viewer = new ReplayViewer(viewerEl, { ...ctx, rules }, loaded.timeline, () => {
      viewer?.unmount();
      viewer = null;
      viewerEl.hidden = true;
      loaderEl.hidden = false;
    });
  };
  const loader = new MatchLoader(loaderEl, open);
  const url = ctx.route.params.url;
  if (url) {
    fetch(url)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(open)
      .catch((e: Error) => (errorEl.textContent = t('replay.bad', { error: e.message })));
  }
  return {
    relabel: () => (viewer ? viewer.relabel() : loader.relabel()),
    unmount: () => viewer?.unmount(),
  };
}

/** Where a match file comes from: a file picker or a file dropped on the page. */
class MatchLoader {
  constructor(
    private readonly el: HTMLElement,
    private readonly opened: (text: string) => void,
  ) {
    this.relabel();
  }

  relabel(): void {
    const input = h('input', {
      type: 'file',
      id: 'match-file',
      accept: '.json,application/json',
      onchange: () => {
        const file = input.files?.[0];
        if (file) void file.text().then(this.opened);
      },
    });
    const drop = h('div', { class: 'drop', tabindex: '0', 'aria-label': t('replay.drop') }, t('replay.drop'));
    drop.addEventListener('dragover', (e) => {
      e.preventDefault();
      drop.classList.add('over');
    });
    drop.addEventListener('dragleave', () => drop.classList.remove('over'));
    drop.addEventListener('drop', (e) => {
      e.preventDefault();
      drop.classList.remove('over');
      const file = e.dataTransfer?.files[0];
      if (file) void file.text().then(this.opened);
    });
    replaceChildren(
      this.el,
      h('h2', {}, t('replay.title')),
      h('label', { for: 'match-file' }, t('replay.pick')),
      ' ',
      input,
      drop,
      h('p', { class: 'hint' }, t('replay.urlHint')),
    );
  }
}

/** One loaded match: the board at any point of its timeline, the controls, the log, and "Play from here". */
class ReplayViewer implements PageHandle {
  private index = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly board: BoardView;
  private readonly boardEl = h('div', { class: 'board', role: 'img', 'aria-label': t('play.boardLabel') });
  private readonly controls = h('div', { class: 'timeline' });
  private readonly logEl = h('ol', { class: 'log', tabindex: '0', 'aria-label': t('play.log') });
  private readonly side = h('aside', { class: 'panel' });
  private readonly debriefEl = h('section', { class: 'debrief-inline' });
  /** The scorings of the match, by the index of the position right after each. */
  private readonly gains = new Map<number, ScoringGain>();

  constructor(
    el: HTMLElement,
    private readonly ctx: AppContext,
    private readonly timeline: ReplayTimeline,
    private readonly close: () => void,
  ) {
    replaceChildren(el, h('section', { class: 'board-wrap' }, this.boardEl), this.side);
    // What each scoring gave, exactly: the difference between the positions just before and after it.
    for (let i = 1; i < timeline.states.length; i++) {
      const gain = scoringGain(timeline.states[i - 1]!, timeline.states[i]!);
      if (gain) this.gains.set(i, gain);
    }
    this.board = new BoardView(this.boardEl, (_region: RegionId) => {});
    this.relabel();
  }

  relabel(): void {
    this.board.relabel();
    this.renderSide();
    this.show();
  }

  unmount(): void {
    this.stop();
    this.board.destroy();
    hook.replay = null;
  }

  private get last(): number {
    return this.timeline.states.length - 1;
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private go(i: number): void {
    this.index = Math.max(0, Math.min(i, this.last));
    if (this.index === this.last) this.stop();
    this.show();
  }

  private togglePlay(): void {
    if (this.timer) this.stop();
    else {
      if (this.index >= this.last) this.index = 0;
      this.timer = setInterval(() => this.go(this.index + 1), prefersReducedMotion() ? 900 : 600);
    }
    this.renderSide();
    this.show();
  }

  private renderSide(): void {
    const { rules } = this.ctx;
    const tl = this.timeline;
    const rounds = Object.keys(tl.roundStart).map(Number);
    const seatSelect = h(
      'select',
      { id: 'fork-seat' },
      ...FACTIONS.map((f) => h('option', { value: f, selected: f === (tl.viewer ?? 'us') }, rules.factions[f].short[getLang()])),
    );
    const levelSelect = h('select', { id: 'fork-level' }, ...BOT_LEVELS.map((l) => h('option', { value: l, selected: l === 'medium' }, t(`level.${l}`))));
    replaceChildren(
      this.controls,
      h('label', { for: 'scrub' }, t('replay.position')),
      h('input', {
        type: 'range',
        id: 'scrub',
        min: 0,
        max: this.last,
        value: this.index,
        'data-testid': 'scrub',
        oninput: (e: Event) => this.go(Number((e.target as HTMLInputElement).value)),
      }),
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'button', 'aria-label': t('replay.start'), onclick: () => this.go(0) }, '«'),
        h('button', { type: 'button', 'aria-label': t('replay.back'), 'data-testid': 'step-back', onclick: () => this.go(this.index - 1) }, '‹'),
        h(
          'button',
          { type: 'button', 'aria-label': this.timer ? t('replay.pause') : t('replay.play'), 'data-testid': 'play-pause', onclick: () => this.togglePlay() },
          this.timer ? 'II' : '▶',
        ),
        h('button', { type: 'button', 'aria-label': t('replay.forward'), 'data-testid': 'step-forward', onclick: () => this.go(this.index + 1) }, '›'),
        h('button', { type: 'button', 'aria-label': t('replay.end'), onclick: () => this.go(this.last) }, '»'),
      ),
      h('label', { for: 'jump' }, t('replay.jump')),
      h(
        'select',
        { id: 'jump', 'data-testid': 'jump', onchange: (e: Event) => this.go(tl.roundStart[Number((e.target as HTMLSelectElement).value)] ?? 0) },
        ...rounds.map((r) => h('option', { value: r }, t('replay.round', { round: r, year: rules.game.rounds.firstYear + r - 1 }))),
      ),
      h('p', { class: 'counter', 'aria-live': 'polite' }),
      h(
        'fieldset',
        { class: 'fork' },
        h('legend', {}, t('replay.fork')),
        h('label', { for: 'fork-seat' }, t('replay.forkSeat')),
        seatSelect,
        h('label', { for: 'fork-level' }, t('replay.forkLevel')),
        levelSelect,
        h(
          'button',
          { type: 'button', class: 'primary', 'data-testid': 'fork', onclick: () => this.fork(seatSelect.value as FactionId, levelSelect.value as BotLevel) },
          t('replay.forkGo'),
        ),
      ),
      h('button', { type: 'button', onclick: () => this.close() }, t('replay.another')),
    );
    replaceChildren(this.side, this.controls, this.debriefEl, h('h3', {}, t('play.log')), this.logEl);
  }

  /** "Play from here": the moves so far become a solo game, the chosen seat a person's, the others bots. */
  private fork(seat: FactionId, level: BotLevel): void {
    confirmReplace(this.controls, this.ctx.rules, () => this.forkNow(seat, level));
  }

  private forkNow(seat: FactionId, level: BotLevel): void {
    const { rules } = this.ctx;
    const match = this.timeline.match;
    const levels = {} as Record<FactionId, BotLevel>;
    for (const f of FACTIONS) {
      const p = match.seats[f];
      levels[f] = p.kind === 'bot' && (BOT_LEVELS as readonly string[]).includes(p.level) ? (p.level as BotLevel) : level;
    }
    for (const f of FACTIONS) if (f !== seat && match.seats[f].kind !== 'bot') levels[f] = level;
    const actions = match.actions.slice(0, this.index).map((a) => ({ seat: a.seat, action: a.action }));
    storageStore(localStorage).save({ version: 1, rulesHash: rules.hash, seed: match.seed, human: seat, levels, actions });
    this.ctx.navigate('#/play');
  }

  private show(): void {
    const { rules } = this.ctx;
    const tl = this.timeline;
    const lang = getLang();
    const snap = snapshotAt(tl, this.index);
    const gain = this.gains.get(this.index);
    this.board.show(
      boardModel(rules, snap.view, lang, {
        players: playerLabels(snap.seats, tl.viewer, lang),
        highlighted: [],
        scoring: gain
          ? {
              round: gain.round,
              lines: scoringGainText(rules, gain, lang).split(' · '),
              regions: scoringRegions(rules, tl.states[this.index - 1]!, gain) ?? [],
            }
          : null,
      }),
    );
    const notes = new Map([...this.gains.values()].filter((g) => g.round <= snap.view.round).map((g) => [g.round, scoringGainText(rules, g, lang)]));
    renderLog(this.logEl, rules, snap, lang, notes);
    const scrub = this.controls.querySelector<HTMLInputElement>('#scrub');
    if (scrub) scrub.value = String(this.index);
    const jump = this.controls.querySelector<HTMLSelectElement>('#jump');
    if (jump && document.activeElement !== jump) jump.value = String(roundAt(tl, this.index));
    const counter = this.controls.querySelector('.counter');
    if (counter) counter.textContent = t('replay.counter', { index: this.index, total: this.last, round: roundAt(tl, this.index) });
    const atEnd = this.index === this.last && snap.view.phase === 'over';
    if (atEnd) void renderDebrief(this.debriefEl, rules, snap.view, snap.rounds, lang);
    else replaceChildren(this.debriefEl);
    hook.replay = { index: this.index, length: this.last };
  }
}
