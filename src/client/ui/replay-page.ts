/**
 * The replay viewer: open a match file (picker, drag and drop, or `#/replay?url=...`), scrub a
 * timeline, step, play and pause, jump to a round, and "Play from here" against bots.
 */
import { FACTIONS, type FactionId, type RegionId } from '../../engine/index.js';
import { BOT_LEVELS, type BotLevel } from '../../bots/index.js';
import { boardModel } from '../model/board-model.js';
import { loadReplay, roundAt, snapshotAt, type ReplayTimeline } from '../model/replay-timeline.js';
import { getLang, t } from '../i18n/i18n.js';
import { storageStore } from '../session/solo-save.js';
import { hook } from '../hook.js';
import type { AppContext, PageHandle } from './app-context.js';
import { BoardView } from './board-view.js';
import { renderDebrief } from './debrief-view.js';
import { h, prefersReducedMotion, replaceChildren } from './dom.js';
import { renderLog } from './log-view.js';
import { playerLabels } from './players.js';

/** Mounts the replay viewer. */
export function mountReplay(root: HTMLElement, ctx: AppContext): PageHandle {
  const rules = ctx.rules;
  let timeline: ReplayTimeline | null = null;
  let index = 0;
  let timer: ReturnType<typeof setInterval> | null = null;
  let board: BoardView | null = null;
  const errorEl = h('p', { class: 'error', role: 'alert' });
  const loader = h('section', { class: 'box loader' });
  const viewer = h('div', { class: 'play replay', hidden: true });
  root.replaceChildren(h('div', { class: 'page-wide' }, errorEl, loader, viewer));

  function open(text: string): void {
    const loaded = loadReplay(rules, text);
    if (!loaded.ok) {
      errorEl.textContent = t('replay.bad', { error: loaded.error });
      return;
    }
    errorEl.textContent = '';
    timeline = loaded.timeline;
    index = 0;
    loader.hidden = true;
    viewer.hidden = false;
    buildViewer();
  }

  function renderLoader(): void {
    const input = h('input', {
      type: 'file',
      id: 'match-file',
      accept: '.json,application/json',
      onchange: () => {
        const file = input.files?.[0];
        if (file) void file.text().then(open);
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
      if (file) void file.text().then(open);
    });
    replaceChildren(
      loader,
      h('h2', {}, t('replay.title')),
      h('label', { for: 'match-file' }, t('replay.pick')),
      ' ',
      input,
      drop,
      h('p', { class: 'hint' }, t('replay.urlHint')),
    );
  }

  const boardEl = h('div', { class: 'board', role: 'img', 'aria-label': t('play.boardLabel') });
  const controls = h('div', { class: 'timeline' });
  const logEl = h('ol', { class: 'log', tabindex: '0', 'aria-label': t('play.log') });
  const side = h('aside', { class: 'panel' });
  const debriefEl = h('section', { class: 'debrief-inline' });

  function buildViewer(): void {
    board?.destroy();
    replaceChildren(viewer, h('section', { class: 'board-wrap' }, boardEl), side);
    board = new BoardView(boardEl, (_region: RegionId) => {});
    renderSide();
    show();
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  function go(i: number): void {
    if (!timeline) return;
    index = Math.max(0, Math.min(i, timeline.states.length - 1));
    if (index === timeline.states.length - 1) stop();
    show();
  }

  function renderSide(): void {
    if (!timeline) return;
    const tl = timeline;
    const n = tl.states.length - 1;
    const rounds = Object.keys(tl.roundStart).map(Number);
    const seatSelect = h(
      'select',
      { id: 'fork-seat' },
      ...FACTIONS.map((f) => h('option', { value: f, selected: f === (tl.viewer ?? 'us') }, rules.factions[f].short[getLang()])),
    );
    const levelSelect = h('select', { id: 'fork-level' }, ...BOT_LEVELS.map((l) => h('option', { value: l, selected: l === 'medium' }, t(`level.${l}`))));
    replaceChildren(
      controls,
      h('label', { for: 'scrub' }, t('replay.position')),
      h('input', {
        type: 'range',
        id: 'scrub',
        min: 0,
        max: n,
        value: index,
        'data-testid': 'scrub',
        oninput: (e: Event) => go(Number((e.target as HTMLInputElement).value)),
      }),
      h(
        'div',
        { class: 'buttons' },
        h('button', { type: 'button', 'aria-label': t('replay.start'), onclick: () => go(0) }, '«'),
        h('button', { type: 'button', 'aria-label': t('replay.back'), 'data-testid': 'step-back', onclick: () => go(index - 1) }, '‹'),
        h(
          'button',
          { type: 'button', 'aria-label': timer ? t('replay.pause') : t('replay.play'), 'data-testid': 'play-pause', onclick: () => togglePlay() },
          timer ? 'II' : '▶',
        ),
        h('button', { type: 'button', 'aria-label': t('replay.forward'), 'data-testid': 'step-forward', onclick: () => go(index + 1) }, '›'),
        h('button', { type: 'button', 'aria-label': t('replay.end'), onclick: () => go(n) }, '»'),
      ),
      h('label', { for: 'jump' }, t('replay.jump')),
      h(
        'select',
        { id: 'jump', 'data-testid': 'jump', onchange: (e: Event) => go(tl.roundStart[Number((e.target as HTMLSelectElement).value)] ?? 0) },
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
          { type: 'button', class: 'primary', 'data-testid': 'fork', onclick: () => fork(seatSelect.value as FactionId, levelSelect.value as BotLevel) },
          t('replay.forkGo'),
        ),
      ),
      h('button', { type: 'button', onclick: () => closeMatch() }, t('replay.another')),
    );
    replaceChildren(side, controls, debriefEl, h('h3', {}, t('play.log')), logEl);
  }

  function closeMatch(): void {
    timeline = null;
    stop();
    viewer.hidden = true;
    loader.hidden = false;
  }

  function togglePlay(): void {
    if (timer) stop();
    else {
      if (timeline && index >= timeline.states.length - 1) index = 0;
      timer = setInterval(() => go(index + 1), prefersReducedMotion() ? 900 : 600);
    }
    renderSide();
    show();
  }

  function fork(seat: FactionId, level: BotLevel): void {
    if (!timeline) return;
    const levels = {} as Record<FactionId, BotLevel>;
    for (const f of FACTIONS) {
      const p = timeline.match.seats[f];
      levels[f] = p.kind === 'bot' && (BOT_LEVELS as readonly string[]).includes(p.level) ? (p.level as BotLevel) : level;
    }
    for (const f of FACTIONS) if (f !== seat && timeline.match.seats[f].kind !== 'bot') levels[f] = level;
    const actions = timeline.match.actions.slice(0, index).map((a) => ({ seat: a.seat, action: a.action }));
    storageStore(localStorage).save({ version: 1, rulesHash: rules.hash, seed: timeline.match.seed, human: seat, levels, actions });
    ctx.navigate('#/play');
  }

  function show(): void {
    if (!timeline || !board) return;
    const lang = getLang();
    const snap = snapshotAt(timeline, index);
    board.show(boardModel(rules, snap.view, lang, { players: playerLabels(snap.seats, timeline.viewer, lang), highlighted: [] }));
    renderLog(logEl, rules, snap, lang);
    const scrub = controls.querySelector<HTMLInputElement>('#scrub');
    if (scrub) scrub.value = String(index);
    const jump = controls.querySelector<HTMLSelectElement>('#jump');
    if (jump && document.activeElement !== jump) jump.value = String(roundAt(timeline, index));
    const counter = controls.querySelector('.counter');
    if (counter) counter.textContent = t('replay.counter', { index, total: timeline.states.length - 1, round: roundAt(timeline, index) });
    const atEnd = index === timeline.states.length - 1 && snap.view.phase === 'over';
    if (atEnd) void renderDebrief(debriefEl, rules, snap.view, snap.rounds, lang);
    else replaceChildren(debriefEl);
    hook.replay = { index, length: timeline.states.length - 1 };
  }

  renderLoader();
  const url = ctx.route.params.url;
  if (url) {
    fetch(url)
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(open)
      .catch((e: Error) => (errorEl.textContent = t('replay.bad', { error: e.message })));
  }
  return {
    relabel: () => {
      if (timeline) {
        renderSide();
        show();
      } else renderLoader();
    },
    unmount: () => {
      stop();
      board?.destroy();
      hook.replay = null;
    },
  };
}
