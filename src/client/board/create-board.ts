/**
 * Boots the Phaser board inside a page element (the game config and scene list live here).
 * The returned handle is all the page sees: show a model, hear region clicks, destroy.
 */
import * as Phaser from 'phaser';
import type { FactionId, RegionId } from '../../engine/index.js';
import { BOARD_H, BOARD_W } from '../model/layout.js';
import type { BoardModel } from '../model/board-model.js';
import { BoardScene, type LayoutReport, type MotionReport } from './BoardScene.js';

/** The page's handle on a running board. */
export interface BoardHandle {
  show(model: BoardModel): void;
  /** Lights one region for a scoring told line by line (null: off). */
  lightScoring(step: { id: RegionId; prizes: Record<FactionId, number> } | null): void;
  setReducedMotion(reduced: boolean): void;
  /** Zooms by a factor (1.25: closer), or back to readable (`whole`: the whole board in view). */
  zoomBy(factor: number): void;
  resetZoom(whole: boolean): void;
  /** Every label, box and piece drawn, in CSS px of the page (for layout tests). */
  layoutReport(): LayoutReport;
  /** The motion so far, and every object shown (for tests). */
  motionReport(): MotionReport;
  displayReport(): string[];
  /** Samples the rendered canvas: how many distinct colours it shows (a blank canvas shows 1). */
  countColours(): Promise<number>;
  destroy(): void;
}

/** Options of the board. */
export interface BoardOptions {
  onRegion(region: RegionId): void;
  onRendered(model: BoardModel): void;
  /** The zoom changed: is the board larger than its box now (so it pans)? */
  onView(view: { zoom: number; fit: number; pannable: boolean }): void;
  reducedMotion: boolean;
}

/** Starts a board in `parent`; resolves once the scene has loaded its art. */
export function createBoard(parent: HTMLElement, options: BoardOptions): Promise<BoardHandle> {
  const scene = new BoardScene();
  scene.configure({ onRegion: options.onRegion, onRendered: options.onRendered, onView: options.onView }, options.reducedMotion);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: parent.clientWidth || BOARD_W,
    height: parent.clientHeight || BOARD_H,
    backgroundColor: '#0a1320',
    // The canvas fills its box; the scene's camera zooms and pans the board inside it.
    scale: { mode: Phaser.Scale.RESIZE },
    scene: [scene],
    banner: false,
    audio: { noAudio: true },
    input: { keyboard: false },
    // Motion in real time: a headless or busy page's slow frames must not stretch a 0.5 s step (smoothing caps each frame's time).
    fps: { smoothStep: false },
  });
  const handle: BoardHandle = {
    show: (model) => scene.show(model),
    lightScoring: (step) => scene.lightScoring(step),
    setReducedMotion: (reduced) => scene.setReducedMotion(reduced),
    zoomBy: (factor) => scene.zoomBy(factor),
    resetZoom: (whole) => scene.resetZoom(whole),
    layoutReport: () => scene.layoutReport(),
    motionReport: () => scene.motionReport(),
    displayReport: () => scene.displayReport(),
    countColours: () =>
      new Promise((resolve) => {
        scene.wake();
        game.renderer.snapshot((image) => {
          const img = image as HTMLImageElement;
          const c = document.createElement('canvas');
          c.width = 160;
          c.height = 100;
          const ctx = c.getContext('2d');
          if (!ctx) return resolve(0);
          ctx.drawImage(img, 0, 0, 160, 100);
          const data = ctx.getImageData(0, 0, 160, 100).data;
          const seen = new Set<number>();
          for (let i = 0; i < data.length; i += 4) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
          resolve(seen.size);
        });
      }),
    destroy: () => game.destroy(true),
  };
  return new Promise((resolve) => {
    if (scene.sys?.isActive?.()) resolve(handle);
    else game.events.once(Phaser.Core.Events.READY, () => resolve(handle));
  });
}
