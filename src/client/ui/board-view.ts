/**
 * The board element of a page: starts Phaser (loaded on demand, in its own chunk), shows
 * board models, reports region clicks and the first rendered frame to the hook.
 */
import type { RegionId } from '../../engine/index.js';
import type { BoardModel } from '../model/board-model.js';
import type { BoardHandle } from '../board/create-board.js';
import { hook } from '../hook.js';
import { prefersReducedMotion } from './dom.js';

/** A board inside a page element. */
export class BoardView {
  private handle: BoardHandle | null = null;
  private pending: BoardModel | null = null;
  private destroyed = false;
  private readonly motion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  private readonly onMotion = () => this.handle?.setReducedMotion(prefersReducedMotion());

  constructor(parent: HTMLElement, onRegion: (region: RegionId) => void) {
    void import('../board/create-board.js').then(async ({ createBoard }) => {
      if (this.destroyed) return;
      const handle = await createBoard(parent, {
        onRegion,
        reducedMotion: prefersReducedMotion(),
        onRendered: () => {
          hook.boardRenders++;
          if (hook.firstBoardMs === null) hook.firstBoardMs = Math.round(performance.now());
        },
      });
      if (this.destroyed) return handle.destroy();
      this.handle = handle;
      hook.countColours = () => handle.countColours();
      if (this.pending) handle.show(this.pending);
    });
    this.motion?.addEventListener('change', this.onMotion);
  }

  /** Draws a model (kept until Phaser is ready). */
  show(model: BoardModel): void {
    this.pending = model;
    this.handle?.show(model);
  }

  destroy(): void {
    this.destroyed = true;
    this.motion?.removeEventListener('change', this.onMotion);
    this.handle?.destroy();
    hook.countColours = null;
  }
}
