/**
 * The board element of a page: starts Phaser (loaded on demand, in its own chunk), shows
 * board models, reports region taps and the first rendered frame to the hook, and offers zoom
 * buttons when the board is larger than its box (a phone: the board pans rather than shrinks).
 */
import type { RegionId } from '../../engine/index.js';
import type { BoardModel } from '../model/board-model.js';
import type { BoardHandle } from '../board/create-board.js';
import { hook } from '../hook.js';
import { READABLE_ZOOM } from '../model/layout.js';
import { t } from '../i18n/i18n.js';
import { savedMotion } from '../settings.js';
import { h, prefersReducedMotion, replaceChildren } from './dom.js';
import type { ScoringLight } from './scoring-steps.js';

/** Motion off: the system asks for reduced motion, or the player turned the board's animations off. */
const reducedMotion = (): boolean => prefersReducedMotion() || !savedMotion();

/** A board inside a page element. */
export class BoardView {
  private handle: BoardHandle | null = null;
  private pending: BoardModel | null = null;
  private destroyed = false;
  private readonly controls = h('div', { class: 'board-zoom', hidden: true });
  private readonly motion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  private readonly onMotion = () => this.handle?.setReducedMotion(reducedMotion());

  constructor(parent: HTMLElement, onRegion: (region: RegionId) => void) {
    parent.append(this.controls);
    this.relabel();
    void import('../board/create-board.js').then(async ({ createBoard }) => {
      if (this.destroyed) return;
      const handle = await createBoard(parent, {
        onRegion,
        reducedMotion: reducedMotion(),
        onRendered: () => {
          hook.boardRenders++;
          if (hook.firstBoardMs === null) hook.firstBoardMs = Math.round(performance.now());
        },
        onView: (view) => {
          // Zoom buttons where the whole board is not readable at once, or once zoomed in (the wheel zooms everywhere).
          this.controls.hidden = view.fit >= READABLE_ZOOM && view.zoom <= view.fit * 1.01;
          parent.classList.toggle('pannable', view.pannable);
        },
      });
      if (this.destroyed) return handle.destroy();
      this.handle = handle;
      hook.countColours = () => handle.countColours();
      hook.boardLayout = () => handle.layoutReport();
      hook.boardMotion = () => handle.motionReport();
      hook.boardDisplay = () => handle.displayReport();
      if (this.pending) handle.show(this.pending);
    });
    this.motion?.addEventListener('change', this.onMotion);
  }

  /** The zoom buttons' labels, in the current language. */
  relabel(): void {
    const button = (label: string, text: string, testid: string, act: () => void) =>
      h('button', { type: 'button', 'aria-label': label, title: label, 'data-testid': testid, onclick: act }, text);
    replaceChildren(
      this.controls,
      button(t('board.zoomOut'), '−', 'zoom-out', () => this.handle?.zoomBy(1 / 1.25)),
      button(t('board.zoomIn'), '+', 'zoom-in', () => this.handle?.zoomBy(1.25)),
      button(t('board.zoomFit'), '⤢', 'zoom-fit', () => this.handle?.resetZoom(true)),
    );
  }

  /** Reads the motion settings again (the player's toggle changed). */
  refreshMotion(): void {
    this.onMotion();
  }

  /** Draws a model (kept until Phaser is ready). */
  show(model: BoardModel): void {
    this.pending = model;
    this.handle?.show(model);
  }

  /** Lights one region for a scoring told line by line (null: off); nothing before the board is ready. */
  lightScoring(step: ScoringLight): void {
    this.handle?.lightScoring(step);
  }

  destroy(): void {
    this.destroyed = true;
    this.motion?.removeEventListener('change', this.onMotion);
    this.handle?.destroy();
    this.controls.remove();
    hook.countColours = null;
    hook.boardLayout = null;
    hook.boardMotion = null;
    hook.boardDisplay = null;
  }
}
