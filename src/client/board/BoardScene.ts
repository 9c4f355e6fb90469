/**
 * The board: draws a `BoardModel` (regions on a stylised world map, tracks, factions, market,
 * headline) and animates what changed. It decides nothing: a click on a region is sent out as
 * an intent, and the page decides what it means.
 */
import * as Phaser from 'phaser';
import { FACTIONS, REGIONS, type FactionId, type RegionId } from '../../engine/index.js';
import { BOARD_H, BOARD_W, MAP_BOTTOM, TOP_H, tileRect } from '../model/layout.js';
import { FACTION_LOOK } from '../model/factions.js';
import type { BoardModel } from '../model/board-model.js';
import { drawPips, drawToken } from './draw.js';
import mapUrl from '../../../assets/map.svg?url';
import usUrl from '../../../assets/emblem-us.svg?url';
import chinaUrl from '../../../assets/emblem-china.svg?url';
import euUrl from '../../../assets/emblem-eu.svg?url';

/** What the scene tells the page. */
export interface BoardEvents {
  onRegion(region: RegionId): void;
  onRendered(model: BoardModel): void;
}

const FONT = 'system-ui, "DejaVu Sans", Arial, sans-serif';
const INK = '#e8eef5';
const MUTED = '#9fb3c8';

/** The one scene of the board. */
export class BoardScene extends Phaser.Scene {
  private model: BoardModel | null = null;
  private previous: BoardModel | null = null;
  private shapes!: Phaser.GameObjects.Graphics;
  private frames!: Phaser.GameObjects.Graphics;
  private readonly texts = new Map<string, Phaser.GameObjects.Text>();
  private readonly emblems = new Map<string, Phaser.GameObjects.Image>();
  private transient: Phaser.GameObjects.GameObject[] = [];
  private ready = false;
  private events_!: BoardEvents;
  private reducedMotion = false;
  /** When the board last changed or was touched (the loop sleeps after a quiet spell). */
  private lastActivity = 0;

  constructor() {
    super('BoardScene');
  }

  /** Wires the page's callbacks (called before the scene starts). */
  configure(events: BoardEvents, reducedMotion: boolean): void {
    this.events_ = events;
    this.reducedMotion = reducedMotion;
  }

  /** Motion on or off (the system's reduced-motion setting can change at any time). */
  setReducedMotion(reduced: boolean): void {
    this.reducedMotion = reduced;
  }

  preload(): void {
    this.load.svg('map', mapUrl, { width: BOARD_W, height: BOARD_H });
    this.load.svg('emblem-us', usUrl, { width: 40, height: 40 });
    this.load.svg('emblem-china', chinaUrl, { width: 40, height: 40 });
    this.load.svg('emblem-eu', euUrl, { width: 40, height: 40 });
  }

  create(): void {
    this.add.image(0, 0, 'map').setOrigin(0, 0);
    this.frames = this.add.graphics();
    this.shapes = this.add.graphics();
    for (const id of REGIONS) {
      const r = tileRect(id);
      const zone = this.add.zone(r.x, r.y, r.w, r.h).setOrigin(0, 0).setInteractive({ useHandCursor: false });
      zone.on('pointerdown', () => this.events_.onRegion(id));
      zone.on('pointerover', () => {
        const clickable = this.model?.regions.find((m) => m.id === id)?.clickable;
        this.input.setDefaultCursor(clickable ? 'pointer' : 'default');
      });
      zone.on('pointerout', () => this.input.setDefaultCursor('default'));
    }
    this.ready = true;
    const wake = () => this.wake();
    this.game.canvas.addEventListener('pointerdown', wake);
    this.game.canvas.addEventListener('pointermove', wake);
    window.addEventListener('resize', wake);
    this.events.once(Phaser.Scenes.Events.DESTROY, () => window.removeEventListener('resize', wake));
    if (this.model) this.draw();
  }

  /** Resumes the render loop (it sleeps when nothing moves, to spare the CPU and the battery). */
  wake(): void {
    this.lastActivity = performance.now();
    if (!this.game.loop.running) this.game.loop.wake(true);
  }

  override update(): void {
    if (this.game.loop.running && this.tweens.getTweens().length === 0 && performance.now() - this.lastActivity > 150) this.game.loop.sleep();
  }

  /** Shows a new model (drawn at once if the scene is ready, else when it is). */
  show(model: BoardModel): void {
    this.previous = this.model;
    this.model = model;
    if (this.ready) this.draw();
  }

  private text(key: string, x: number, y: number, value: string, size = 13, color = INK, bold = false, wrap = 0): Phaser.GameObjects.Text {
    let t = this.texts.get(key);
    if (!t) {
      t = this.add.text(x, y, value, {
        fontFamily: FONT,
        fontSize: `${size}px`,
        color,
        fontStyle: bold ? 'bold' : 'normal',
        ...(wrap ? { wordWrap: { width: wrap } } : {}),
      });
      t.setDepth(5);
      this.texts.set(key, t);
    } else {
      if (t.text !== value) t.setText(value);
      t.setPosition(x, y);
      t.setColor(color);
    }
    t.setVisible(true);
    return t;
  }

  private emblem(key: string, faction: FactionId, x: number, y: number, size: number): void {
    let img = this.emblems.get(key);
    if (!img) {
      img = this.add.image(x, y, `emblem-${faction}`).setDepth(5);
      this.emblems.set(key, img);
    }
    img.setPosition(x, y).setDisplaySize(size, size);
  }

  private draw(): void {
    const m = this.model;
    if (!m) return;
    this.wake();
    for (const o of this.transient) o.destroy();
    this.transient = [];
    this.frames.clear();
    this.shapes.clear();
    this.drawTop(m);
    for (const r of m.regions) this.drawRegion(m, r);
    this.drawTracks(m);
    this.drawFactions(m);
    this.drawMarketAndHeadline(m);
    this.animateHeadline(m);
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.events_.onRendered(m));
  }

  private drawTop(m: BoardModel): void {
    const g = this.frames;
    g.fillStyle(0x0b1622, 0.92);
    g.fillRect(0, 0, BOARD_W, TOP_H);
    this.text('round', 14, 8, m.labels.round, 16, INK, true);
    this.text('era', 14, 32, m.era, 12, MUTED);
    this.text('status', 14, 50, m.status, 12, '#ffd166', true);
    const spots: Record<string, { x: number; step: number }> = {
      risk: { x: 300, step: 16 },
      tension: { x: 530, step: 16 },
      exportControls: { x: 720, step: 22 },
      tariffs: { x: 880, step: 22 },
    };
    for (const t of m.tracks) {
      const { x, step } = spots[t.id] ?? { x: 0, step: 16 };
      this.text(`track-${t.id}`, x - 6, 10, `${t.label} ${t.value}/${t.max}`, 12, t.value >= t.danger ? '#ff8a8a' : MUTED, true);
      drawPips(this.shapes, x, 46, t.max, t.value, t.danger, step);
    }
    const ax = 1000;
    this.text('aiact', ax, 10, m.labels.aiAct, 12, MUTED, true);
    m.provisions.forEach((p, i) => {
      const px = ax + i * 92;
      const colour = p.status === 'enacted' ? 0x2f9e44 : p.status === 'suspended' ? 0x7a5c00 : 0x1d2b3a;
      g.fillStyle(colour, 1);
      g.lineStyle(1, 0x9fb3c8, 1);
      g.fillRoundedRect(px, 32, 86, 28, 5);
      g.strokeRoundedRect(px, 32, 86, 28, 5);
      const mark = p.status === 'enacted' ? '✓' : p.status === 'suspended' ? '‖' : '○';
      const label = p.label.length > 13 ? `${p.label.slice(0, 12)}.` : p.label;
      this.text(`prov-${p.id}`, px + 4, 40, `${mark} ${label}`, 10, INK);
    });
  }

  private drawRegion(m: BoardModel, r: BoardModel['regions'][number]): void {
    const g = this.frames;
    const s = this.shapes;
    const rect = tileRect(r.id);
    const prev = this.previous?.regions.find((p) => p.id === r.id);
    g.fillStyle(r.euRules ? 0x12264a : 0x0f1c2b, 0.9);
    g.fillRoundedRect(rect.x, rect.y, rect.w, rect.h, 10);
    g.lineStyle(r.clickable ? 4 : r.highlighted ? 3 : 1.5, r.clickable ? 0xffd166 : r.highlighted ? 0x8ecae6 : 0x4b6584, 1);
    g.strokeRoundedRect(rect.x, rect.y, rect.w, rect.h, 10);
    this.text(`rname-${r.id}`, rect.x + 10, rect.y + 6, r.name, 14, INK, true);
    this.text(`rval-${r.id}`, rect.x + rect.w - 44, rect.y + 7, `★${r.value}`, 13, '#ffd166', true);
    if (r.euRules) {
      for (let i = 0; i < 8; i++) {
        const a = (i / 8) * Math.PI * 2;
        s.fillStyle(0xffd166, 1);
        s.fillCircle(rect.x + rect.w - 14 + Math.cos(a) * 7, rect.y + 14 + Math.sin(a) * 7, 1.6);
      }
    }
    FACTIONS.forEach((f, row) => {
      const look = FACTION_LOOK[f];
      const y = rect.y + 38 + row * 19;
      const n = r.influence[f];
      const before = prev ? prev.influence[f] : n;
      // Up to 6 tokens at full spacing; more (a home region holds up to 8) close up to fit before the count.
      const step = n > 6 ? Math.floor(102 / n) : 17;
      for (let i = 0; i < n; i++) {
        const x = rect.x + 16 + i * step;
        if (i >= before && !this.reducedMotion) this.dropToken(f, x, y);
        else drawToken(s, look.shape, x, y, 6, look.color);
      }
      const lead = r.leaders.includes(f) ? ' ▲' : '';
      this.text(`rinf-${r.id}-${f}`, rect.x + 122, y - 8, n > 0 ? `${n}${lead}` : '', 12, INK);
      const deal = r.deals.includes(f);
      this.text(`rdeal-${r.id}-${f}`, rect.x + 152, y - 8, deal ? m.labels.deal : '', 11, look.css, true);
    });
    let i = 0;
    const my = rect.y + rect.h - 22;
    for (const f of FACTIONS) {
      for (let k = 0; k < r.modules[f]; k++, i++) {
        const x = rect.x + 12 + i * 25;
        const fresh = prev ? k >= prev.modules[f] : false;
        if (fresh && !this.reducedMotion) this.popModule(f, x, my);
        else this.moduleBox(s, f, x, my);
      }
    }
    for (let k = 0; k < r.freePower; k++, i++) {
      const x = rect.x + 12 + i * 25;
      s.lineStyle(1.5, 0x6c8aa8, 1);
      s.strokeRect(x, my - 9, 20, 18);
    }
    this.text(`rfree-${r.id}`, rect.x + rect.w - 64, my - 8, `${r.freePower}/${r.power} ${m.labels.free}`, 11, MUTED);
  }

  private moduleBox(g: Phaser.GameObjects.Graphics, f: FactionId, x: number, y: number): void {
    const look = FACTION_LOOK[f];
    g.fillStyle(look.color, 1);
    g.lineStyle(1.5, 0xffffff, 0.9);
    g.fillRect(x, y - 9, 20, 18);
    g.strokeRect(x, y - 9, 20, 18);
    drawToken(g, look.shape, x + 10, y, 4, 0xffffff, look.color);
  }

  private dropToken(f: FactionId, x: number, y: number): void {
    const g = this.add.graphics().setDepth(6);
    drawToken(g, FACTION_LOOK[f].shape, 0, 0, 6, FACTION_LOOK[f].color);
    g.setPosition(x, y - 40).setAlpha(0);
    this.tweens.add({ targets: g, y, alpha: 1, duration: 420, ease: 'Bounce.Out' });
    this.transient.push(g);
  }

  private popModule(f: FactionId, x: number, y: number): void {
    const g = this.add.graphics().setDepth(6);
    this.moduleBox(g, f, -10, 0);
    g.setPosition(x + 10, y).setScale(0);
    this.tweens.add({ targets: g, scale: 1, duration: 450, ease: 'Back.Out' });
    this.transient.push(g);
  }

  private drawTracks(m: BoardModel): void {
    const g = this.frames;
    const s = this.shapes;
    const y0 = MAP_BOTTOM + 8;
    g.fillStyle(0x0b1622, 0.9);
    g.fillRect(0, MAP_BOTTOM, BOARD_W, BOARD_H - MAP_BOTTOM);
    this.text('capTitle', 14, y0 + 6, m.labels.capability, 12, MUTED, true);
    // The track spans 506 px from x = 150: 11 cells of 46 px for the shipped levels 0–10, narrower for more.
    const step = Math.min(46, 506 / (m.capabilityMax + 1));
    for (let lvl = 0; lvl <= m.capabilityMax; lvl++) {
      const x = 150 + lvl * step;
      const race = m.race.find((r) => r.level === lvl);
      g.fillStyle(race ? 0x3a2f0b : 0x1d2b3a, 1);
      g.lineStyle(1, 0x4b6584, 1);
      g.fillRect(x, y0, step - 4, 44);
      g.strokeRect(x, y0, step - 4, 44);
      this.text(`cap-${lvl}`, x + 3, y0 + 2, race ? `${lvl} +${race.vp}` : String(lvl), 10, race ? '#ffd166' : MUTED);
      if (race?.by) drawToken(s, FACTION_LOOK[race.by].shape, x + 35, y0 + 8, 4, FACTION_LOOK[race.by].color);
      m.factions
        .filter((f) => f.capability === lvl)
        .forEach((f, k) => void drawToken(s, FACTION_LOOK[f.id].shape, x + 9 + k * 12, y0 + 30, 5, FACTION_LOOK[f.id].color));
    }
    const vx = 680;
    this.text('vpTitle', vx, y0 + 6, m.labels.vp, 12, MUTED, true);
    const maxVp = Math.max(40, ...m.factions.map((f) => f.vp + 5));
    const x1 = vx + 40;
    const x2 = BOARD_W - 24;
    g.lineStyle(2, 0x4b6584, 1);
    g.lineBetween(x1, y0 + 30, x2, y0 + 30);
    for (let v = 0; v <= maxVp; v += 10) {
      const x = x1 + ((x2 - x1) * v) / maxVp;
      g.lineBetween(x, y0 + 24, x, y0 + 36);
      this.text(`vpt-${v}`, x - 6, y0 + 38, String(v), 10, MUTED);
    }
    for (let v = maxVp - (maxVp % 10) + 10; v <= 200; v += 10) this.texts.get(`vpt-${v}`)?.setVisible(false);
    m.factions.forEach((f, k) => {
      const x = x1 + ((x2 - x1) * Math.max(0, f.vp)) / maxVp;
      drawToken(s, FACTION_LOOK[f.id].shape, x, y0 + 30 - 9 + k * 9 - 9, 7, FACTION_LOOK[f.id].color);
    });
  }

  private drawFactions(m: BoardModel): void {
    const g = this.frames;
    const top = MAP_BOTTOM + 66;
    m.factions.forEach((f, k) => {
      const x = 10 + k * 232;
      const look = FACTION_LOOK[f.id];
      g.fillStyle(f.active ? 0x1f3350 : 0x13202f, 1);
      g.lineStyle(f.active ? 3 : 1.5, f.active ? 0xffd166 : look.color, 1);
      g.fillRoundedRect(x, top, 224, BOARD_H - top - 8, 8);
      g.strokeRoundedRect(x, top, 224, BOARD_H - top - 8, 8);
      g.fillStyle(look.color, 1);
      g.fillRect(x + 1, top + 1, 8, BOARD_H - top - 10);
      this.emblem(`fe-${f.id}`, f.id, x + 34, top + 26, 36);
      this.text(`fname-${f.id}`, x + 58, top + 8, `${look.glyph} ${f.name}${f.isViewer ? ' ★' : ''}`, 15, INK, true);
      this.text(`fplayer-${f.id}`, x + 58, top + 28, f.thinking ? `${f.player} …` : f.player, 11, MUTED);
      const debt = f.debt > 0 ? ` / −${f.debt}` : '';
      this.text(`fmoney-${f.id}`, x + 16, top + 52, `${f.money}${debt}   ${m.labels.vp} ${f.vp}`, 13, INK, true);
      this.text(`fcap-${f.id}`, x + 16, top + 72, `${m.labels.capShort} ${f.capability} · ${m.labels.compute} ${f.compute}`, 12, INK);
      this.text(`fgpu-${f.id}`, x + 16, top + 90, `${m.labels.gpus} ${f.gpus} · ${m.labels.modules} ${f.modules} · ${m.labels.cards} ${f.hand}`, 12, MUTED);
    });
  }

  private drawMarketAndHeadline(m: BoardModel): void {
    const g = this.frames;
    const top = MAP_BOTTOM + 66;
    const mx = 710;
    g.fillStyle(0x13202f, 1);
    g.lineStyle(1.5, 0x4b6584, 1);
    g.fillRoundedRect(mx, top, 150, BOARD_H - top - 8, 8);
    g.strokeRoundedRect(mx, top, 150, BOARD_H - top - 8, 8);
    this.text('mTitle', mx + 10, top + 8, m.labels.market, 13, INK, true);
    for (let i = 0; i < m.market.slots; i++) {
      const x = mx + 12 + (i % 3) * 44;
      const y = top + 34 + Math.floor(i / 3) * 30;
      g.fillStyle(i < m.market.units ? 0x2f9e44 : 0x1d2b3a, 1);
      g.fillRect(x, y, 38, 24);
      g.lineStyle(1, 0x9fb3c8, 1);
      g.strokeRect(x, y, 38, 24);
      for (let p = 0; p < 4; p++) g.lineBetween(x + 6 + p * 9, y + 24, x + 6 + p * 9, y + 28);
    }
    this.text('mPrice', mx + 10, top + 98, m.market.label, 11, MUTED);
    const hx = 872;
    g.fillStyle(0x1b1430, 1);
    g.lineStyle(1.5, 0x9d7bd8, 1);
    g.fillRoundedRect(hx, top, BOARD_W - hx - 10, BOARD_H - top - 8, 8);
    g.strokeRoundedRect(hx, top, BOARD_W - hx - 10, BOARD_H - top - 8, 8);
    this.text('hTitle', hx + 10, top + 6, m.labels.headline, 12, '#c8b6ff', true);
    const latest = m.headlines[m.headlines.length - 1];
    const more = m.headlines.length > 1 ? `  (+${m.headlines.length - 1})` : '';
    this.text('hName', hx + 10, top + 24, latest ? latest.name + more : '—', 14, INK, true, BOARD_W - hx - 30);
    this.text('hText', hx + 10, top + 46, latest?.text ?? '', 11, MUTED, false, BOARD_W - hx - 30);
  }

  /** A newly revealed headline flips in at the centre of the board, then settles in its box. */
  private animateHeadline(m: BoardModel): void {
    const before = new Set(this.previous?.headlines.map((h) => h.id) ?? []);
    const fresh = m.headlines.filter((h) => !before.has(h.id));
    if (!this.previous || fresh.length === 0 || this.reducedMotion) return;
    const h = fresh[fresh.length - 1]!;
    const card = this.add.container(BOARD_W / 2, 330).setDepth(20);
    const bg = this.add.graphics();
    bg.fillStyle(0x1b1430, 0.97);
    bg.lineStyle(3, 0xc8b6ff, 1);
    bg.fillRoundedRect(-230, -110, 460, 220, 14);
    bg.strokeRoundedRect(-230, -110, 460, 220, 14);
    const title = this.add
      .text(0, -86, h.name, { fontFamily: FONT, fontSize: '22px', color: INK, fontStyle: 'bold', align: 'center', wordWrap: { width: 420 } })
      .setOrigin(0.5, 0);
    const body = this.add
      .text(0, -40, h.text, { fontFamily: FONT, fontSize: '15px', color: MUTED, align: 'center', wordWrap: { width: 420 } })
      .setOrigin(0.5, 0);
    card.add([bg, title, body]);
    card.setScale(0, 1);
    this.tweens.chain({
      targets: card,
      onComplete: () => card.destroy(),
      tweens: [
        { scaleX: 1, duration: 380, ease: 'Cubic.Out' },
        { x: 1070, y: 740, scale: 0.2, alpha: 0, delay: 1700, duration: 500, ease: 'Cubic.In' },
      ],
    });
  }
}
