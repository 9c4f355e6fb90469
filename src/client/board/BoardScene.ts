/**
 * The board: draws a `BoardModel` (regions on a stylised world map, tracks, the AI Act, factions,
 * market, headline) and animates what changed. It decides nothing: a tap on a region is sent out
 * as an intent, and the page decides what it means.
 *
 * The camera shows the 1000 × 720 board at the zoom `boardZoom` gives for the canvas's size (never
 * smaller than readable); when the board is larger than the canvas, a drag pans it. Every label is
 * recorded with the box it must stay inside, and every piece with its rectangle, so a test can
 * check sizes and overlaps on the drawn objects themselves (`layoutReport`).
 */
import * as Phaser from 'phaser';
import { FACTIONS, type FactionId, type RegionId } from '../../engine/index.js';
import {
  AI_ACT_BOX,
  BOARD_H,
  BOARD_W,
  CAPABILITY_BOX,
  HEADLINE_BOX,
  LEGEND_BOX,
  MARKET_BOX,
  TOP_H,
  VP_BOX,
  boardZoom,
  clampCentre,
  factionCardRect,
  tileRect,
  type Rect,
} from '../model/layout.js';
import { FACTION_LOOK } from '../model/factions.js';
import type { BoardModel } from '../model/board-model.js';
import { drawPips, drawToken } from './draw.js';
import { cardArtUrl } from '../ui/card-face.js';
import mapUrl from '../../../assets/map.svg?url';
import usUrl from '../../../assets/emblem-us.svg?url';
import chinaUrl from '../../../assets/emblem-china.svg?url';
import euUrl from '../../../assets/emblem-eu.svg?url';

/** What the scene tells the page. */
export interface BoardEvents {
  onRegion(region: RegionId): void;
  onRendered(model: BoardModel): void;
  /** The zoom changed: is the board now larger than its canvas (so it pans)? */
  onView(view: { zoom: number; fit: number; pannable: boolean }): void;
}

/** A drawn label as the layout test sees it (CSS px, page coordinates). */
export interface LabelReport {
  key: string;
  text: string;
  box: string;
  fontPx: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What the board's motion has done (for tests): steps and tweens started, and whether a step runs now. */
export interface MotionReport {
  steps: number;
  tweens: number;
  /** Steps started, by kind. */
  kinds: Partial<Record<MotionKind, number>>;
  busy: boolean;
  /** Tweens running now. */
  live: number;
}

/** The kinds of motion, in the order they play when several happen at once. */
const MOTION_ORDER = ['headline', 'build', 'gpu', 'influence', 'release', 'incident', 'scoring'] as const;
export type MotionKind = (typeof MOTION_ORDER)[number];
/** The longest step: motion is short, and a step never overlaps the next. */
const STEP_MS = 600;
/** More steps than this at once is a jump (a scrub, a resume): shown as it ends, without motion. */
const MAX_STEPS = 14;
const HOME: Record<FactionId, RegionId> = { us: 'NA', china: 'CN', eu: 'EU' };

/** Where everything drawn sits, in CSS px of the page. */
export interface LayoutReport {
  zoom: number;
  canvas: Rect;
  labels: LabelReport[];
  boxes: Record<string, Rect>;
  pieces: { key: string; box: string; x: number; y: number; w: number; h: number }[];
}

const FONT = 'system-ui, "DejaVu Sans", Arial, sans-serif';
const INK = '#e8eef5';
const MUTED = '#a9bccf';
const GOLD = '#ffd166';
/** GPU pieces by kind: colour and a word for the legend. */
const GPU_COLOUR = { frontier: 0xffffff, export: 0x56cfe1, domestic: 0xf4a261 } as const;
const ROW_STEP = 18;
/** The headline card's art on the board (the SVGs are 300 × 200). */
const ART_W = 66;
const ART_H = 44;

interface TextOptions {
  size?: number;
  color?: string;
  bold?: boolean;
  wrap?: number;
  /** 0: left, 1: right-aligned at x. */
  originX?: number;
}

/** The one scene of the board. */
export class BoardScene extends Phaser.Scene {
  private model: BoardModel | null = null;
  private previous: BoardModel | null = null;
  private shapes!: Phaser.GameObjects.Graphics;
  private frames!: Phaser.GameObjects.Graphics;
  private readonly texts = new Map<string, Phaser.GameObjects.Text>();
  private readonly textBox = new Map<string, string>();
  private readonly boxes = new Map<string, Rect>();
  private pieces: { key: string; box: string; rect: Rect }[] = [];
  private readonly emblems = new Map<string, Phaser.GameObjects.Image>();
  /** Where each emblem goes (drawn once its art has loaded). */
  private readonly emblemSpots = new Map<string, { faction: FactionId; x: number; y: number; size: number }>();
  /** Pieces new in this draw (or still waiting for their motion): drawn here, hidden while the motion plays. */
  private fresh!: Phaser.GameObjects.Graphics;
  /** Keys of the pieces whose motion has not ended yet. */
  private readonly pendingKeys = new Set<string>();
  /** This draw's new pieces and what moves them, by kind. */
  private moves = new Map<MotionKind, (() => void)[]>();
  private newKeys: string[] = [];
  /** The steps waiting to play, and the objects the running ones drew (gone when the queue ends). */
  private readonly queue: { kind: MotionKind; run: () => void }[] = [];
  private overlays: Phaser.GameObjects.GameObject[] = [];
  private stepTimer: Phaser.Time.TimerEvent | null = null;
  private readonly motionStats: Omit<MotionReport, 'live'> = { steps: 0, tweens: 0, kinds: {}, busy: false };
  private headlineArt: Phaser.GameObjects.Image | null = null;
  private ready = false;
  private events_!: BoardEvents;
  private reducedMotion = false;
  /** When the board last changed or was touched (the loop sleeps after a quiet spell). */
  private lastActivity = 0;
  /** The player's zoom on top of the readable fit, and the view's centre on the board. */
  private zoomFactor = 1;
  /** Where the view starts: the top-left corner (round, status, tracks), the rest a drag away. */
  private centre = { x: 0, y: 0 };
  private drag: { x: number; y: number; moved: boolean } | null = null;
  private pinch: number | null = null;

  constructor() {
    super('BoardScene');
  }

  /** Wires the page's callbacks (called before the scene starts). */
  configure(events: BoardEvents, reducedMotion: boolean): void {
    this.events_ = events;
    this.reducedMotion = reducedMotion;
  }

  /** Motion on or off (the system's reduced-motion setting or the player's can change at any time). */
  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced;
    if (reduced) this.finishMotion();
  }

  /** What the motion has done so far (for tests). */
  motionReport(): MotionReport {
    return {
      ...this.motionStats,
      kinds: { ...this.motionStats.kinds },
      busy: this.motionStats.busy || this.queue.length > 0,
      live: this.tweens.getTweens().length,
    };
  }

  /** Every object on the board's display list, in a stable order (for tests comparing two boards). */
  displayReport(): string[] {
    return this.children.list
      .filter((o) => (o as unknown as { visible: boolean }).visible)
      .map((o) => {
        const t = o as unknown as { type: string; x: number; y: number; scaleX: number; scaleY: number; alpha: number; depth: number; text?: string };
        const g = o instanceof Phaser.GameObjects.Graphics ? ` cmds=${(o as unknown as { commandBuffer: unknown[] }).commandBuffer.length}` : '';
        const f = (n: number | undefined) => (n ?? 0).toFixed(2);
        return `${t.type} ${f(t.x)},${f(t.y)} s=${f(t.scaleX)},${f(t.scaleY)} a=${f(t.alpha)} d=${t.depth}${t.text !== undefined ? ` "${t.text}"` : ''}${g}`;
      })
      .sort();
  }

  create(): void {
    // The map and the emblems are decoration: the board draws at once and they show when loaded
    // (their SVGs take a few hundred ms to fetch and rasterise; the first board does not wait).
    this.load.svg('map', mapUrl, { width: BOARD_W, height: BOARD_H });
    this.load.svg('emblem-us', usUrl, { width: 40, height: 40 });
    this.load.svg('emblem-china', chinaUrl, { width: 40, height: 40 });
    this.load.svg('emblem-eu', euUrl, { width: 40, height: 40 });
    this.load.once(`filecomplete-svg-map`, () => {
      this.add.image(0, 0, 'map').setOrigin(0, 0).setDisplaySize(BOARD_W, BOARD_H).setDepth(-1);
      this.wake();
    });
    this.load.once(Phaser.Loader.Events.COMPLETE, () => {
      for (const [key, at] of this.emblemSpots) this.emblem(key, at.faction, at.x, at.y, at.size);
      this.wake();
    });
    this.load.start();
    this.frames = this.add.graphics();
    this.shapes = this.add.graphics();
    this.fresh = this.add.graphics();
    this.input.addPointer(1);
    for (const id of ['NA', 'EU', 'CN', 'JK', 'LATAM', 'GULF', 'SEA', 'AF', 'IN'] as RegionId[]) {
      const r = tileRect(id);
      const zone = this.add.zone(r.x, r.y, r.w, r.h).setOrigin(0, 0).setInteractive({ useHandCursor: false });
      zone.on('pointerup', () => {
        if (!this.drag?.moved && this.pinch === null) this.events_.onRegion(id);
      });
      zone.on('pointerover', () => {
        const clickable = this.model?.regions.find((m) => m.id === id)?.clickable;
        this.input.setDefaultCursor(clickable ? 'pointer' : 'default');
      });
      zone.on('pointerout', () => this.input.setDefaultCursor('default'));
    }
    this.wirePanAndZoom();
    this.ready = true;
    const wake = () => this.wake();
    this.game.canvas.addEventListener('pointerdown', wake);
    this.game.canvas.addEventListener('pointermove', wake);
    window.addEventListener('resize', wake);
    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.applyView());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => window.removeEventListener('resize', wake));
    this.applyView();
    if (this.model) this.draw();
  }

  /** Drag pans (when the board is larger than the canvas), two fingers or the wheel zoom. */
  private wirePanAndZoom(): void {
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      this.drag = { x: p.x, y: p.y, moved: false };
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => {
      const a = this.input.pointer1;
      const b = this.input.pointer2;
      if (a.isDown && b.isDown) {
        const d = Phaser.Math.Distance.Between(a.x, a.y, b.x, b.y);
        if (this.pinch !== null && this.pinch > 0) this.zoomBy(d / this.pinch);
        this.pinch = d;
        if (this.drag) this.drag.moved = true;
        return;
      }
      if (!this.drag || !p.isDown) return;
      const dx = p.x - this.drag.x;
      const dy = p.y - this.drag.y;
      if (!this.drag.moved && Math.hypot(dx, dy) < 8) return;
      this.drag.moved = true;
      const zoom = this.cameras.main.zoom;
      this.centre = { x: this.centre.x - dx / zoom, y: this.centre.y - dy / zoom };
      this.drag.x = p.x;
      this.drag.y = p.y;
      this.applyView();
    });
    this.input.on('pointerup', () => {
      // The zones hear the same pointerup first; forget the drag after them.
      this.time.delayedCall(0, () => {
        if (!this.input.pointer1.isDown && !this.input.pointer2.isDown) {
          this.drag = null;
          this.pinch = null;
        }
      });
    });
    this.input.on('wheel', (_p: Phaser.Input.Pointer, _o: unknown, _dx: number, dy: number) => this.zoomBy(dy > 0 ? 1 / 1.15 : 1.15));
  }

  /** Zooms by a factor (1: no change), between the whole board and three times readable. */
  zoomBy(factor: number): void {
    this.zoomFactor = Math.min(3, Math.max(0.2, this.zoomFactor * factor));
    const { width, height } = this.scale;
    const { fit, zoom } = boardZoom(width, height, 1);
    // Never smaller than the whole board in view.
    if (zoom * this.zoomFactor < fit) this.zoomFactor = fit / zoom;
    this.applyView();
  }

  /** Back to the default view: readable, or the whole board where it fits. */
  resetZoom(whole: boolean): void {
    const { width, height } = this.scale;
    const { fit, zoom } = boardZoom(width, height, 1);
    this.zoomFactor = whole ? fit / zoom : 1;
    this.centre = whole ? { x: BOARD_W / 2, y: BOARD_H / 2 } : { x: 0, y: 0 };
    this.applyView();
  }

  /** Centres the view on a region (a choice waits there). */
  focusRegion(region: RegionId): void {
    const r = tileRect(region);
    this.centre = { x: r.x + r.w / 2, y: r.y + r.h / 2 };
    this.applyView();
  }

  private applyView(): void {
    const cam = this.cameras.main;
    const { width, height } = this.scale;
    cam.setSize(width, height);
    const view = boardZoom(width, height, this.zoomFactor);
    cam.setZoom(view.zoom);
    this.centre = clampCentre(this.centre.x, this.centre.y, width / view.zoom, height / view.zoom);
    cam.centerOn(this.centre.x, this.centre.y);
    this.events_?.onView({ zoom: view.zoom, fit: view.fit, pannable: view.pannable });
    this.wake();
  }

  /** Resumes the render loop (it sleeps when nothing moves, to spare the CPU and the battery). */
  wake(): void {
    this.lastActivity = performance.now();
    // From where it stopped: the time asleep is not a frame (else the next tween would jump to its end).
    if (!this.game.loop.running) {
      this.game.loop.resetDelta();
      this.game.loop.wake(true);
    }
  }

  override update(): void {
    const busy = this.motionStats.busy || this.tweens.getTweens().length > 0;
    if (this.game.loop.running && !busy && performance.now() - this.lastActivity > 150) this.game.loop.sleep();
  }

  /** Shows a new model (drawn at once if the scene is ready, else when it is). */
  show(model: BoardModel): void {
    this.previous = this.model;
    this.model = model;
    if (!this.ready) return;
    // A region choice just opened: bring the first region on offer into view (a phone shows part of the board).
    const offered = model.regions.find((r) => r.clickable);
    if (offered && !this.previous?.regions.some((r) => r.clickable)) this.focusRegion(offered.id);
    this.draw();
  }

  /** Every visible label, box and piece in CSS px of the page (for layout tests). */
  layoutReport(): LayoutReport {
    const cam = this.cameras.main;
    const canvas = this.game.canvas.getBoundingClientRect();
    const sx = canvas.width / this.game.canvas.width;
    const sy = canvas.height / this.game.canvas.height;
    const view = cam.worldView;
    const toCss = (r: Rect): Rect => ({
      x: canvas.left + (cam.x + (r.x - view.x) * cam.zoom) * sx,
      y: canvas.top + (cam.y + (r.y - view.y) * cam.zoom) * sy,
      w: r.w * cam.zoom * sx,
      h: r.h * cam.zoom * sy,
    });
    const labels: LabelReport[] = [];
    for (const [key, t] of this.texts) {
      if (!t.visible || t.text === '') continue;
      const b = t.getBounds();
      const size = Number.parseFloat(String(t.style.fontSize));
      labels.push({ key, text: t.text, box: this.textBox.get(key) ?? '', fontPx: size * cam.zoom * sy, ...toCss({ x: b.x, y: b.y, w: b.width, h: b.height }) });
    }
    const boxes: Record<string, Rect> = {};
    for (const [key, r] of this.boxes) boxes[key] = toCss(r);
    const pieces = this.pieces.map((p) => ({ key: p.key, box: p.box, ...toCss(p.rect) }));
    return { zoom: cam.zoom * sx, canvas: { x: canvas.left, y: canvas.top, w: canvas.width, h: canvas.height }, labels, boxes, pieces };
  }

  private text(key: string, box: string, x: number, y: number, value: string, o: TextOptions = {}): Phaser.GameObjects.Text {
    const size = o.size ?? 13;
    const color = o.color ?? INK;
    let t = this.texts.get(key);
    if (!t) {
      t = this.add.text(x, y, value, {
        fontFamily: FONT,
        fontSize: `${size}px`,
        color,
        fontStyle: o.bold ? 'bold' : 'normal',
        ...(o.wrap ? { wordWrap: { width: o.wrap } } : {}),
      });
      t.setDepth(5);
      this.texts.set(key, t);
    } else {
      if (t.text !== value) t.setText(value);
      t.setPosition(x, y);
      t.setColor(color);
    }
    t.setOrigin(o.originX ?? 0, 0);
    this.textBox.set(key, box);
    t.setVisible(true);
    return t;
  }

  private hide(key: string): void {
    this.texts.get(key)?.setVisible(false);
  }

  private piece(key: string, box: string, x: number, y: number, w: number, h: number): void {
    this.pieces.push({ key, box, rect: { x, y, w, h } });
  }

  private emblem(key: string, faction: FactionId, x: number, y: number, size: number): void {
    this.emblemSpots.set(key, { faction, x, y, size });
    if (!this.textures.exists(`emblem-${faction}`)) return;
    let img = this.emblems.get(key);
    if (!img) {
      img = this.add.image(x, y, `emblem-${faction}`).setDepth(5);
      this.emblems.set(key, img);
    }
    img.setPosition(x, y).setDisplaySize(size, size);
  }

  /** A panel of the board: a rounded box, recorded for the layout test. */
  private panel(key: string, r: Rect, fill: number, line: number, width = 1.5): void {
    const g = this.frames;
    g.fillStyle(fill, 0.94);
    g.lineStyle(width, line, 1);
    g.fillRoundedRect(r.x, r.y, r.w, r.h, 8);
    g.strokeRoundedRect(r.x, r.y, r.w, r.h, 8);
    this.boxes.set(key, r);
  }

  private draw(): void {
    const m = this.model;
    if (!m) return;
    this.wake();
    this.frames.clear();
    this.shapes.clear();
    this.fresh.clear();
    this.pieces = [];
    this.moves = new Map();
    this.newKeys = [];
    this.drawTop(m);
    for (const r of m.regions) this.drawRegion(m, r);
    this.drawAiAct(m);
    this.drawLegend(m);
    this.drawMarket(m);
    this.drawCapability(m);
    this.drawVp(m);
    this.drawFactions(m);
    this.drawHeadline(m);
    this.noteHeadline(m);
    this.noteIncident(m);
    this.noteScoring(m);
    this.startMotion(m);
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.events_.onRendered(m));
  }

  private drawTop(m: BoardModel): void {
    const g = this.frames;
    const box: Rect = { x: 0, y: 0, w: BOARD_W, h: TOP_H };
    g.fillStyle(0x0b1622, 0.94);
    g.fillRect(box.x, box.y, box.w, box.h);
    this.boxes.set('top', box);
    this.text('round', 'top', 8, 5, m.labels.round, { size: 15, bold: true });
    this.text('era', 'top', 8, 27, m.era, { color: MUTED });
    this.text('status', 'top', 8, 47, m.status, { color: GOLD, bold: true });
    // The four tracks side by side from the right edge of the status block, each as wide as its label or its pips.
    let x = 300;
    for (const t of m.tracks) {
      const step = t.max > 5 ? 13 : 20;
      const label = this.text(`track-${t.id}`, 'top', x, 8, `${t.label} ${t.value}/${t.max}`, { color: t.value >= t.danger ? '#ff8a8a' : MUTED, bold: true });
      drawPips(this.shapes, x + 6, 48, t.max, t.value, t.danger, step);
      const pipsW = t.max * step + 14;
      this.piece(`pips-${t.id}`, 'top', x - 1, 40, pipsW, 16);
      x += Math.max(label.width, pipsW) + 22;
    }
  }

  private drawRegion(m: BoardModel, r: BoardModel['regions'][number]): void {
    const g = this.frames;
    const s = this.shapes;
    const rect = tileRect(r.id);
    const box = `tile-${r.id}`;
    const prev = this.previous?.regions.find((p) => p.id === r.id);
    g.fillStyle(r.euRules ? 0x102a55 : 0x0f1c2b, 0.92);
    g.fillRoundedRect(rect.x, rect.y, rect.w, rect.h, 10);
    g.lineStyle(r.clickable ? 4 : r.highlighted ? 3 : 1.5, r.clickable ? 0xffd166 : r.highlighted ? 0x8ecae6 : 0x4b6584, 1);
    g.strokeRoundedRect(rect.x, rect.y, rect.w, rect.h, 10);
    this.boxes.set(box, rect);
    this.text(`rname-${r.id}`, box, rect.x + 8, rect.y + 5, r.name, { size: 14, bold: true });
    this.text(`rval-${r.id}`, box, rect.x + rect.w - 8, rect.y + 6, `★${r.value}`, { color: GOLD, bold: true, originX: 1 });
    FACTIONS.forEach((f, row) => {
      const look = FACTION_LOOK[f];
      const y = rect.y + 33 + row * ROW_STEP;
      const n = r.influence[f];
      const before = prev ? prev.influence[f] : n;
      for (let i = 0; i < n; i++) {
        const x = rect.x + 13 + i * 11;
        const g = this.layer(`inf-${r.id}-${f}-${i}`, i >= before, 'influence', () => this.dropToken(f, x, y));
        drawToken(g, look.shape, x, y, 4.5, look.color);
      }
      if (n > 0) this.piece(`inf-${r.id}-${f}`, box, rect.x + 7, y - 6, (n - 1) * 11 + 12, 12);
      const lead = r.leaders.includes(f) ? ' ▲' : '';
      if (n > 0) this.text(`rinf-${r.id}-${f}`, box, rect.x + 104, y - 8, `${n}${lead}`);
      else this.hide(`rinf-${r.id}-${f}`);
      if (r.deals.includes(f)) {
        this.dealSeal(s, f, rect.x + 156, y);
        this.piece(`deal-${r.id}-${f}`, box, rect.x + 150, y - 6, 12, 12);
      }
      if (r.releases.includes(f)) {
        const fresh = prev ? !prev.releases.includes(f) : false;
        const g = this.layer(`release-${r.id}-${f}`, fresh, 'release', () => this.spreadRelease(f, rect.x + 184, y));
        this.releaseToken(g, f, rect.x + 184, y);
        this.piece(`release-${r.id}-${f}`, box, rect.x + 177, y - 7, 14, 14);
      }
    });
    // The data centres: one building a GW, its GPUs as pieces in the slots (2 × 2), by kind.
    const my = rect.y + 86;
    let i = 0;
    for (const f of FACTIONS) {
      const kinds = r.gpuKinds[f];
      const queue: (keyof typeof GPU_COLOUR)[] = [
        ...Array<'frontier'>(kinds.frontier).fill('frontier'),
        ...Array<'export'>(kinds.export).fill('export'),
        ...Array<'domestic'>(kinds.domestic).fill('domestic'),
      ];
      const gpusBefore = prev ? prev.gpuKinds[f].frontier + prev.gpuKinds[f].export + prev.gpuKinds[f].domestic : queue.length;
      for (let k = 0; k < r.modules[f]; k++, i++) {
        const x = rect.x + 8 + i * 21;
        const slots = queue.slice(k * m.slotsPerModule, (k + 1) * m.slotsPerModule);
        const fresh = prev ? k >= prev.modules[f] : false;
        const g = this.layer(`dc-${r.id}-${f}-${k}`, fresh, 'build', () => this.raiseModule(f, x, my));
        this.building(g, f, x, my, slots, m.slotsPerModule, false);
        // Its GPUs: the new ones drop into their slots once the building stands.
        slots.forEach((kind, j) => {
          const n = k * m.slotsPerModule + j;
          const { x: px, y: py } = this.slotAt(x, my, j);
          const pg = this.layer(`gpu-${r.id}-${f}-${n}`, n >= gpusBefore, 'gpu', () => this.dropGpu(kind, px, py));
          this.gpuPiece(pg, kind, px, py);
        });
      }
    }
    for (let k = 0; k < r.freePower; k++, i++) {
      const x = rect.x + 8 + i * 21;
      s.lineStyle(1.5, 0x6c8aa8, 1);
      s.strokeRect(x, my, 19, 24);
    }
    if (i > 0) this.piece(`dc-${r.id}`, box, rect.x + 7, my - 1, i * 21, 26);
    this.text(`rfree-${r.id}`, box, rect.x + 8, rect.y + rect.h - 23, `${r.freePower}/${r.power} ${m.labels.free}`, { color: MUTED });
    if (r.euRules) {
      const label = this.text(`reu-${r.id}`, box, rect.x + rect.w - 12, rect.y + rect.h - 24, `★ ${m.labels.euRules}`, { color: GOLD, bold: true, originX: 1 });
      const w = label.width + 10;
      g.fillStyle(0x003399, 1);
      g.lineStyle(1.5, 0xffd166, 1);
      g.fillRoundedRect(rect.x + rect.w - 7 - w, rect.y + rect.h - 26, w, 20, 5);
      g.strokeRoundedRect(rect.x + rect.w - 7 - w, rect.y + rect.h - 26, w, 20, 5);
    } else this.hide(`reu-${r.id}`);
  }

  /** A data-centre building: a roof in the faction's colour, slots holding GPU pieces by kind (`pieces` false: the occupied slots left for pieces drawn apart). */
  private building(
    g: Phaser.GameObjects.Graphics,
    f: FactionId,
    x: number,
    y: number,
    slots: (keyof typeof GPU_COLOUR)[],
    perModule: number,
    pieces = true,
  ): void {
    const look = FACTION_LOOK[f];
    g.fillStyle(0x0b1622, 1);
    g.fillRect(x, y, 19, 24);
    g.fillStyle(look.color, 1);
    g.fillRect(x, y, 19, 5);
    g.lineStyle(1.5, look.color, 1);
    g.strokeRect(x, y, 19, 24);
    for (let k = 0; k < Math.min(4, perModule); k++) {
      const { x: px, y: py } = this.slotAt(x, y, k);
      const kind = slots[k];
      if (kind) {
        if (pieces) this.gpuPiece(g, kind, px, py);
      } else {
        g.lineStyle(1, 0x4b6584, 1);
        g.strokeRect(px, py, 5, 5);
      }
    }
  }

  /** The top-left corner of slot k of a building whose top-left is x, y. */
  private slotAt(x: number, y: number, k: number): { x: number; y: number } {
    return { x: x + 3 + (k % 2) * 8, y: y + 8 + Math.floor(k / 2) * 8 };
  }

  /** A GPU piece in a slot whose top-left is x, y: a white square (frontier), a cyan triangle (export-grade), an orange disc (domestic). */
  private gpuPiece(g: Phaser.GameObjects.Graphics, kind: keyof typeof GPU_COLOUR, px: number, py: number): void {
    g.fillStyle(GPU_COLOUR[kind], 1);
    if (kind === 'export') g.fillTriangle(px + 2.5, py - 0.5, px + 6, py + 6, px - 1, py + 6);
    else if (kind === 'domestic') g.fillCircle(px + 2.5, py + 3, 3);
    else g.fillRect(px, py, 5.5, 5.5);
  }

  /** A country deal: a sealed contract in the faction's colour. */
  private dealSeal(g: Phaser.GameObjects.Graphics, f: FactionId, x: number, y: number): void {
    g.fillStyle(0xf4ecd8, 1);
    g.fillRect(x - 5, y - 6, 10, 12);
    g.fillStyle(FACTION_LOOK[f].color, 1);
    g.fillCircle(x + 2, y + 3, 3.5);
  }

  /** An open-weights token: a ring in the faction's colour around a white core. */
  private releaseToken(g: Phaser.GameObjects.Graphics, f: FactionId, x: number, y: number): void {
    g.fillStyle(FACTION_LOOK[f].color, 1);
    g.fillCircle(x, y, 6.5);
    g.fillStyle(0xffffff, 1);
    g.fillCircle(x, y, 3);
  }

  /** A piece's layer: new pieces (and those whose motion has not ended) go to `fresh`, with what moves them. */
  private layer(key: string, isNew: boolean, kind: MotionKind, move: () => void): Phaser.GameObjects.Graphics {
    if (isNew) {
      this.newKeys.push(key);
      this.addMove(kind, move);
    }
    return isNew || this.pendingKeys.has(key) ? this.fresh : this.shapes;
  }

  private addMove(kind: MotionKind, move: () => void): void {
    const list = this.moves.get(kind) ?? [];
    list.push(move);
    this.moves.set(kind, list);
  }

  /** A tween, counted (a test checks that none runs under reduced motion). */
  private tween(config: Phaser.Types.Tweens.TweenBuilderConfig): void {
    this.motionStats.tweens++;
    this.tweens.add(config);
  }

  /** An object drawn by a motion step: it lives until the queue ends, then the static board shows the same. */
  private overlay<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.overlays.push(o);
    return o;
  }

  /**
   * Queues this draw's motion, one step a kind (one a region for a scoring), each at most
   * `STEP_MS`, one after the other; the new pieces stay hidden until the queue ends. No motion
   * under reduced motion, on the first draw, or for a jump (more than `MAX_STEPS` steps).
   */
  private startMotion(m: BoardModel): void {
    const steps: { kind: MotionKind; run: () => void }[] = [];
    for (const kind of MOTION_ORDER) {
      const moves = this.moves.get(kind) ?? [];
      if (kind === 'scoring') for (const move of moves) steps.push({ kind, run: move });
      else if (moves.length > 0)
        steps.push({
          kind,
          run: () => {
            for (const move of moves) move();
          },
        });
    }
    const sc = m.scoring && !m.scoring.stepped && m.scoring.title !== this.previous?.scoring?.title ? m.scoring : null;
    const animate = !this.reducedMotion && this.previous !== null && steps.length > 0 && steps.length + this.queue.length <= MAX_STEPS;
    if (!animate) {
      this.finishMotion();
      if (sc) this.showScoring(sc, false);
      return;
    }
    for (const key of this.newKeys) this.pendingKeys.add(key);
    this.fresh.setVisible(false);
    this.queue.push(...steps);
    if (sc) this.queue.push({ kind: 'scoring', run: () => this.showScoring(sc, true) });
    if (!this.motionStats.busy) this.nextStep();
  }

  private nextStep(): void {
    const step = this.queue.shift();
    if (!step) {
      this.finishMotion();
      return;
    }
    this.motionStats.busy = true;
    this.motionStats.steps++;
    this.motionStats.kinds[step.kind] = (this.motionStats.kinds[step.kind] ?? 0) + 1;
    this.wake();
    step.run();
    this.stepTimer = this.time.delayedCall(STEP_MS, () => this.nextStep());
  }

  /** Ends the motion at once: the overlays go, the new pieces show where they belong. */
  private finishMotion(): void {
    this.stepTimer?.remove();
    this.stepTimer = null;
    this.queue.length = 0;
    for (const o of this.overlays) {
      this.tweens.killTweensOf(o);
      o.destroy();
    }
    this.overlays = [];
    this.pendingKeys.clear();
    this.fresh?.setVisible(true);
    this.motionStats.busy = false;
    // Render the board as it ends (the loop may be about to sleep).
    if (this.ready) this.wake();
  }

  /** An influence token drops onto its row. */
  private dropToken(f: FactionId, x: number, y: number): void {
    const g = this.overlay(this.add.graphics().setDepth(6));
    drawToken(g, FACTION_LOOK[f].shape, 0, 0, 4.5, FACTION_LOOK[f].color);
    g.setPosition(x, y - 40).setAlpha(0);
    this.tween({ targets: g, y, alpha: 1, duration: 420, ease: 'Bounce.Out' });
  }

  /** A new data-centre building rises from the ground (its GPUs drop in at the next step). */
  private raiseModule(f: FactionId, x: number, y: number): void {
    const g = this.overlay(this.add.graphics().setDepth(6));
    this.building(g, f, -9.5, -24, [], 4);
    g.setPosition(x + 9.5, y + 24).setScale(1, 0);
    this.tween({ targets: g, scaleY: 1, duration: 450, ease: 'Back.Out' });
  }

  /** A GPU drops into its slot. */
  private dropGpu(kind: keyof typeof GPU_COLOUR, px: number, py: number): void {
    const g = this.overlay(this.add.graphics().setDepth(6));
    this.gpuPiece(g, kind, 0, 0);
    g.setPosition(px, py - 30).setAlpha(0);
    this.tween({ targets: g, y: py, alpha: 1, duration: 380, ease: 'Bounce.Out' });
  }

  /** A release spreading: its token travels from the releaser's home to a region it reached. */
  private spreadRelease(f: FactionId, x: number, y: number): void {
    const home = tileRect(HOME[f]);
    const g = this.overlay(this.add.graphics().setDepth(7));
    this.releaseToken(g, f, 0, 0);
    g.setPosition(home.x + 184, home.y + 33 + FACTIONS.indexOf(f) * ROW_STEP);
    this.tween({ targets: g, x, y, duration: 520, ease: 'Cubic.InOut' });
  }

  /** An incident (or the catastrophe): the Risk track flashes red and shakes. */
  private flashRisk(catastrophe: boolean): void {
    const pips = this.pieces.find((p) => p.key === 'pips-risk')?.rect;
    if (!pips) return;
    const area = catastrophe ? { x: 0, y: 0, w: BOARD_W, h: TOP_H } : { x: pips.x - 6, y: 2, w: pips.w + 12, h: TOP_H - 4 };
    const g = this.overlay(this.add.graphics().setDepth(8));
    g.fillStyle(0xff3b3b, 0.45);
    g.lineStyle(3, 0xff6b6b, 1);
    g.fillRoundedRect(area.x, area.y, area.w, area.h, 6);
    g.strokeRoundedRect(area.x, area.y, area.w, area.h, 6);
    this.tween({ targets: g, x: 5, duration: 70, yoyo: true, repeat: 2, ease: 'Sine.InOut' });
    this.tween({ targets: g, alpha: 0, delay: 120, duration: 420 });
  }

  /** A new headline: a card slides into the headline box and flips over to show its face. */
  private slideHeadline(): void {
    const b = HEADLINE_BOX;
    const card = this.overlay(this.add.container(BOARD_W + b.w / 2, b.y + b.h / 2).setDepth(20));
    const bg = this.add.graphics();
    bg.fillStyle(0x2a1d4d, 1);
    bg.lineStyle(3, 0xc8b6ff, 1);
    bg.fillRoundedRect(-b.w / 2, -b.h / 2, b.w, b.h, 8);
    bg.strokeRoundedRect(-b.w / 2, -b.h / 2, b.w, b.h, 8);
    bg.lineStyle(2, 0x9d7bd8, 1);
    bg.strokeCircle(0, 0, 34);
    bg.strokeCircle(0, 0, 22);
    card.add(bg);
    this.motionStats.tweens++;
    this.tweens.chain({
      targets: card,
      tweens: [
        { x: b.x + b.w / 2, duration: 320, ease: 'Cubic.Out' },
        { scaleX: 0, duration: 180, ease: 'Cubic.In' },
      ],
    });
  }

  /** The region a page's step-by-step scoring lights now (its frame and label), replaced at each call; null: none. */
  private scoringLight: Phaser.GameObjects.GameObject[] = [];

  /** Lights one region for a page that tells a scoring line by line (null: turns the light off). */
  lightScoring(step: { id: RegionId; prizes: Record<FactionId, number> } | null): void {
    for (const o of this.scoringLight) {
      this.tweens.killTweensOf(o);
      o.destroy();
    }
    this.scoringLight = [];
    if (step && this.ready) {
      const before = this.overlays.length;
      this.lightRegion(step.id, step.prizes);
      // Its own objects, not the motion queue's (a redraw must not end them).
      this.scoringLight = this.overlays.splice(before);
      this.focusRegion(step.id);
    }
    if (this.ready) this.wake();
  }

  /** A scoring lights one region: a gold frame and what each faction gets there. */
  private lightRegion(id: RegionId, prizes: Record<FactionId, number>): void {
    const r = tileRect(id);
    const frame = this.overlay(this.add.graphics().setDepth(8));
    frame.lineStyle(5, 0xffd166, 1);
    frame.strokeRoundedRect(r.x - 2, r.y - 2, r.w + 4, r.h + 4, 12);
    this.tween({ targets: frame, alpha: 0.35, duration: 450, ease: 'Cubic.Out' });
    const words = FACTIONS.filter((f) => prizes[f] > 0).map((f) => `${FACTION_LOOK[f].glyph} +${prizes[f]}`);
    const label = this.overlay(
      this.add
        .text(r.x + r.w / 2, r.y + r.h / 2 + 6, words.join('  '), {
          fontFamily: FONT,
          fontSize: '18px',
          color: GOLD,
          fontStyle: 'bold',
          backgroundColor: '#10261dee',
          padding: { x: 8, y: 4 },
        })
        .setOrigin(0.5)
        .setDepth(9),
    );
    label.setScale(0.6).setAlpha(0);
    this.tween({ targets: label, scale: 1, alpha: 1, duration: 350, ease: 'Back.Out' });
  }

  private noteHeadline(m: BoardModel): void {
    const before = new Set(this.previous?.headlines.map((h) => h.id) ?? []);
    if (this.previous && m.headlines.some((h) => !before.has(h.id))) this.addMove('headline', () => this.slideHeadline());
  }

  private noteIncident(m: BoardModel): void {
    const p = this.previous;
    if (!p) return;
    const catastrophe = m.catastrophe && !p.catastrophe;
    if (catastrophe || m.incidents > p.incidents) this.addMove('incident', () => this.flashRisk(catastrophe));
  }

  private noteScoring(m: BoardModel): void {
    const sc = m.scoring;
    if (!sc || sc.stepped || !this.previous || sc.title === this.previous.scoring?.title) return;
    for (const r of sc.regions) this.addMove('scoring', () => this.lightRegion(r.id, r.prizes));
  }

  private drawAiAct(m: BoardModel): void {
    const b = AI_ACT_BOX;
    this.panel('aiact', b, 0x0d1f3d, 0x3d6bb3);
    this.text('aiact', 'aiact', b.x + 10, b.y + 6, m.labels.aiAct, { size: 14, bold: true });
    const g = this.frames;
    m.provisions.forEach((p, i) => {
      const y = b.y + 28 + i * 38;
      const colour = p.status === 'enacted' ? 0x2f7d44 : p.status === 'suspended' ? 0x6b5200 : 0x1d2b3a;
      g.fillStyle(colour, 1);
      g.lineStyle(1, 0x9fb3c8, 1);
      g.fillRoundedRect(b.x + 8, y, b.w - 16, 35, 5);
      g.strokeRoundedRect(b.x + 8, y, b.w - 16, 35, 5);
      const mark = p.status === 'enacted' ? '✓' : p.status === 'suspended' ? '‖' : '○';
      this.text(`prov-${p.id}`, 'aiact', b.x + 14, y + 1, `${mark} ${p.label}`, { bold: true });
      this.text(`provs-${p.id}`, 'aiact', b.x + 30, y + 17, p.statusLabel, { color: p.status === 'notEnacted' ? MUTED : INK });
    });
  }

  private drawLegend(m: BoardModel): void {
    const b = LEGEND_BOX;
    this.panel('legend', b, 0x0b1622, 0x4b6584);
    this.text('legend', 'legend', b.x + 10, b.y + 5, m.labels.legend, { size: 14, bold: true });
    const s = this.shapes;
    const rows: [string, (x: number, y: number) => void][] = [
      [m.labels.legendModule, (x, y) => this.building(s, 'us', x - 6, y - 9, ['frontier', 'export', 'domestic'], 4)],
      [m.labels.legendFrontier, (x, y) => this.gpuPiece(s, 'frontier', x - 3, y - 3)],
      [m.labels.legendExport, (x, y) => this.gpuPiece(s, 'export', x - 3, y - 3)],
      [m.labels.legendDomestic, (x, y) => this.gpuPiece(s, 'domestic', x - 3, y - 3)],
      [m.labels.legendRelease, (x, y) => this.releaseToken(s, 'china', x, y)],
      [m.labels.legendDeal, (x, y) => this.dealSeal(s, 'eu', x, y)],
    ];
    rows.forEach(([label, icon], k) => {
      const y = b.y + 34 + k * 18 + (k > 0 ? 6 : 0);
      icon(b.x + 18, y);
      this.piece(`legend-icon-${k}`, 'legend', b.x + 10, y - 9, 18, 18);
      this.text(`legend-${k}`, 'legend', b.x + 34, y - 8, label);
    });
  }

  private drawMarket(m: BoardModel): void {
    const b = MARKET_BOX;
    this.panel('market', b, 0x13202f, 0x4b6584);
    this.text('mTitle', 'market', b.x + 10, b.y + 6, m.labels.market, { size: 14, bold: true });
    const g = this.frames;
    const step = Math.min(25, (b.w - 20) / Math.max(1, m.market.slots));
    for (let i = 0; i < m.market.slots; i++) {
      const x = b.x + 10 + i * step;
      g.fillStyle(i < m.market.units ? 0x2f9e44 : 0x1d2b3a, 1);
      g.fillRect(x, b.y + 30, step - 4, 20);
      g.lineStyle(1, 0x9fb3c8, 1);
      g.strokeRect(x, b.y + 30, step - 4, 20);
    }
    this.piece('market-units', 'market', b.x + 9, b.y + 29, m.market.slots * step, 22);
    this.text('mUnits', 'market', b.x + 10, b.y + 56, m.market.label, { color: MUTED });
    this.text('mFrontier', 'market', b.x + 10, b.y + 80, m.market.frontierLabel, { bold: true });
    this.text('mExport', 'market', b.x + 10, b.y + 100, m.market.exportLabel, { bold: true });
  }

  private drawCapability(m: BoardModel): void {
    const b = CAPABILITY_BOX;
    this.panel('cap', b, 0x0b1622, 0x2d4560, 1);
    const s = this.shapes;
    const g = this.frames;
    this.text('capTitle', 'cap', b.x + 6, b.y + 4, m.labels.capability, { color: MUTED, bold: true });
    // The cells fill the box after the label: 11 cells of 40 px for the shipped levels 0–10.
    const x0 = b.x + 90;
    const step = Math.min(40, (b.w - 92) / (m.capabilityMax + 1));
    for (let lvl = 0; lvl <= m.capabilityMax; lvl++) {
      const x = x0 + lvl * step;
      const race = m.race.find((r) => r.level === lvl);
      g.fillStyle(race ? 0x3a2f0b : 0x1d2b3a, 1);
      g.lineStyle(1, 0x4b6584, 1);
      g.fillRect(x, b.y + 3, step - 3, b.h - 6);
      g.strokeRect(x, b.y + 3, step - 3, b.h - 6);
      this.text(`cap-${lvl}`, 'cap', x + 3, b.y + 3, String(lvl), { color: race ? GOLD : MUTED });
      if (race?.by) {
        drawToken(s, FACTION_LOOK[race.by].shape, x + step - 11, b.y + 11, 4, FACTION_LOOK[race.by].color);
        this.hide(`capvp-${lvl}`);
      } else if (race) this.text(`capvp-${lvl}`, 'cap', x + step - 5, b.y + 3, `+${race.vp}`, { color: GOLD, originX: 1 });
      else this.hide(`capvp-${lvl}`);
      m.factions
        .filter((f) => f.capability === lvl)
        .forEach((f, k) => void drawToken(s, FACTION_LOOK[f.id].shape, x + 8 + k * 11, b.y + 33, 4.5, FACTION_LOOK[f.id].color));
      this.piece(`capm-${lvl}`, 'cap', x + 2, b.y + 27, step - 6, 12);
    }
  }

  private drawVp(m: BoardModel): void {
    const b = VP_BOX;
    this.panel('vp', b, 0x0b1622, 0x2d4560, 1);
    const g = this.frames;
    const s = this.shapes;
    this.text('vpTitle', 'vp', b.x + 6, b.y + 4, m.labels.vp, { color: MUTED, bold: true });
    const maxVp = Math.max(40, ...m.factions.map((f) => f.vp + 5));
    const x1 = b.x + 44;
    const x2 = b.x + b.w - 18;
    const ly = b.y + 22;
    g.lineStyle(2, 0x4b6584, 1);
    g.lineBetween(x1, ly, x2, ly);
    // A tick every 10 VP, or every 20 when the track gets crowded.
    const every = (x2 - x1) / (maxVp / 10) < 34 ? 20 : 10;
    const shown = new Set<number>();
    for (let v = 0; v <= maxVp; v += every) {
      const x = x1 + ((x2 - x1) * v) / maxVp;
      g.lineBetween(x, ly - 4, x, ly + 4);
      this.text(`vpt-${v}`, 'vp', x, ly + 5, String(v), { color: MUTED, originX: 0.5 });
      shown.add(v);
    }
    for (let v = 0; v <= 400; v += 10) if (!shown.has(v)) this.hide(`vpt-${v}`);
    m.factions.forEach((f, k) => {
      const x = x1 + ((x2 - x1) * Math.max(0, f.vp)) / maxVp;
      drawToken(s, FACTION_LOOK[f.id].shape, x + (k - 1) * 3, ly - 11 + k * 3 - 3, 5, FACTION_LOOK[f.id].color);
    });
  }

  private drawFactions(m: BoardModel): void {
    const g = this.frames;
    m.factions.forEach((f, k) => {
      const r = factionCardRect(k);
      const box = `faction-${f.id}`;
      const look = FACTION_LOOK[f.id];
      g.fillStyle(f.active ? 0x1f3350 : 0x13202f, 1);
      g.lineStyle(f.active ? 3 : 1.5, f.active ? 0xffd166 : look.color, 1);
      g.fillRoundedRect(r.x, r.y, r.w, r.h, 8);
      g.strokeRoundedRect(r.x, r.y, r.w, r.h, 8);
      g.fillStyle(look.color, 1);
      g.fillRect(r.x + 1, r.y + 1, 7, r.h - 2);
      this.boxes.set(box, r);
      this.emblem(`fe-${f.id}`, f.id, r.x + 30, r.y + 24, 34);
      this.piece(`emblem-${f.id}`, box, r.x + 13, r.y + 7, 34, 34);
      this.text(`fname-${f.id}`, box, r.x + 54, r.y + 5, `${look.glyph} ${f.name}${f.isViewer ? ' ★' : ''}`, { size: 15, bold: true });
      this.text(`fplayer-${f.id}`, box, r.x + 54, r.y + 25, f.thinking ? `${f.player} …` : f.player, { color: MUTED });
      const debt = f.debt > 0 ? ` / −${f.debt}` : '';
      this.text(`fmoney-${f.id}`, box, r.x + 14, r.y + 48, `${f.money}${debt} · ${m.labels.vp} ${f.vp}`, { size: 14, bold: true });
      this.text(`fcap-${f.id}`, box, r.x + 14, r.y + 70, f.lines.capability);
      this.text(`fmod-${f.id}`, box, r.x + 14, r.y + 90, f.lines.modules, { color: MUTED });
      this.text(`fgpu-${f.id}`, box, r.x + 14, r.y + 110, f.lines.gpus, {
        color: MUTED,
      });
    });
  }

  private drawHeadline(m: BoardModel): void {
    const b = HEADLINE_BOX;
    this.panel('headline', b, 0x1b1430, 0x9d7bd8);
    const latest = m.headlines[m.headlines.length - 1];
    // The latest headline's art in the top-right corner (loaded the first time it is needed).
    const art = { x: b.x + b.w - 8 - ART_W, y: b.y + 7, w: ART_W, h: ART_H };
    this.showHeadlineArt(latest?.id ?? null, art);
    if (latest && cardArtUrl(latest.id)) this.piece('headline-art', 'headline', art.x, art.y, art.w, art.h);
    const wrap = b.x + b.w - 10 - (latest ? art.w + 8 : 0) - (b.x + 10);
    this.text('hTitle', 'headline', b.x + 10, b.y + 5, m.labels.headline, { color: '#c8b6ff', bold: true });
    const names = m.headlines.map((h) => h.name).join(' + ');
    const name = this.text('hName', 'headline', b.x + 10, b.y + 24, names || '—', { size: 14, bold: true, wrap });
    name.setWordWrapWidth(wrap);
    const top = Math.max(b.y + 26 + name.height, latest ? art.y + art.h + 4 : 0);
    const body = this.text('hText', 'headline', b.x + 10, top, latest?.text ?? '', { color: MUTED, wrap: b.w - 20 });
    // The whole text is in the log: on the board it is shortened to whole words that fit the card.
    const room = b.y + b.h - 6 - top;
    let words = (latest?.text ?? '').split(' ');
    while (body.height > room && words.length > 1) {
      words = words.slice(0, -1);
      body.setText(`${words.join(' ')} …`);
    }
    if (body.height > room) body.setText('');
  }

  /** Shows a card's art as an image (its texture is loaded from assets/cards the first time, while the board goes on). */
  private showHeadlineArt(id: string | null, at: Rect): void {
    const url = id ? cardArtUrl(id) : null;
    if (!id || !url) {
      this.headlineArt?.setVisible(false);
      return;
    }
    const key = `card-${id}`;
    const place = () => {
      if (this.model?.headlines[this.model.headlines.length - 1]?.id !== id) return;
      if (!this.headlineArt) this.headlineArt = this.add.image(0, 0, key).setOrigin(0, 0).setDepth(5);
      this.headlineArt.setTexture(key).setPosition(at.x, at.y).setDisplaySize(at.w, at.h).setVisible(true);
      this.wake();
    };
    this.headlineArt?.setVisible(false);
    if (this.textures.exists(key)) {
      place();
      return;
    }
    this.load.svg(key, url, { width: ART_W * 2, height: ART_H * 2 });
    this.load.once(`filecomplete-svg-${key}`, place);
    if (!this.load.isLoading()) this.load.start();
  }

  /** A scoring that just happened: a card over the map with each faction's VP by source, for a few seconds (a tap closes it). */
  private showScoring(sc: NonNullable<BoardModel['scoring']>, animate: boolean): void {
    // Centred in the part of the board on screen (a phone shows only part of it), as wide as fits.
    const view = this.cameras.main.worldView;
    const w = Math.min(520, view.width - 16);
    const lines = sc.lines.map((line) => this.add.text(-w / 2 + 20, 0, line, { fontFamily: FONT, fontSize: '16px', color: INK, wordWrap: { width: w - 40 } }));
    let y = 46;
    for (const l of lines) {
      l.setData('y', y);
      y += l.height + 6;
    }
    const hgt = y + 8;
    for (const l of lines) l.setY(-hgt / 2 + (l.getData('y') as number));
    const card = this.add.container(view.centerX, view.centerY).setDepth(21);
    const bg = this.add.graphics();
    bg.fillStyle(0x10261d, 0.97);
    bg.lineStyle(3, 0x52b788, 1);
    bg.fillRoundedRect(-w / 2, -hgt / 2, w, hgt, 14);
    bg.strokeRoundedRect(-w / 2, -hgt / 2, w, hgt, 14);
    const title = this.add.text(0, -hgt / 2 + 12, sc.title, { fontFamily: FONT, fontSize: '20px', color: GOLD, fontStyle: 'bold' }).setOrigin(0.5, 0);
    card.add([bg, title, ...lines]);
    card.setSize(w, hgt).setInteractive();
    card.on('pointerup', () => card.destroy());
    if (!animate) this.time.delayedCall(5000, () => card.destroy());
    else {
      card.setAlpha(0).setScale(0.8);
      this.motionStats.tweens++;
      this.tweens.chain({
        targets: card,
        onComplete: () => card.destroy(),
        tweens: [
          { alpha: 1, scale: 1, duration: 350, ease: 'Back.Out' },
          { alpha: 0, delay: 4500, duration: 500 },
        ],
      });
    }
  }
}
