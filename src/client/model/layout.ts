/**
 * Where things sit on the board's logical canvas (1000 × 720): plain numbers, no Phaser.
 *
 * The canvas is drawn at the scale that fits its box, but never below `READABLE_ZOOM`, the scale
 * at which the smallest label (`MIN_FONT` logical px) is 12 CSS px. Where the box is smaller than
 * that (a phone, a small tablet), the board keeps its size and pans instead of shrinking.
 */
import type { RegionId } from '../../engine/index.js';

/** The logical size of the board. */
export const BOARD_W = 1000;
export const BOARD_H = 720;

/** The smallest font on the board, in logical px. */
const MIN_FONT = 13;

/** The smallest label must be at least this many CSS px on screen. */
const MIN_CSS_FONT = 12;

/** The zoom at which `MIN_FONT` is `MIN_CSS_FONT` CSS px: the board is never shown smaller by default. */
export const READABLE_ZOOM = MIN_CSS_FONT / MIN_FONT;

/** A rectangle on the logical canvas. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A region tile: its centre on the stylised world map. */
export interface RegionSpot {
  x: number;
  y: number;
}

/** Tile size of a region. */
const TILE_W = 206;
const TILE_H = 144;

/** Top-left corners of the tiles, three rows placed roughly where the regions lie on a world map. */
const TILE_AT: Record<RegionId, { x: number; y: number }> = {
  NA: { x: 8, y: 76 },
  EU: { x: 272, y: 76 },
  CN: { x: 556, y: 76 },
  JK: { x: 786, y: 76 },
  LATAM: { x: 8, y: 226 },
  GULF: { x: 430, y: 226 },
  SEA: { x: 786, y: 226 },
  AF: { x: 226, y: 376 },
  IN: { x: 556, y: 376 },
};

/** Region tiles' centres. */
export const REGION_SPOTS: Record<RegionId, RegionSpot> = Object.fromEntries(
  Object.entries(TILE_AT).map(([id, p]) => [id, { x: p.x + TILE_W / 2, y: p.y + TILE_H / 2 }]),
) as Record<RegionId, RegionSpot>;

/** Top strip (round, status, tracks) and the boxes of the map's empty corners and the bottom strip. */
export const TOP_H = 70;
/** The AI Act box (under Europe, in the gap between Latin America and the Gulf). */
export const AI_ACT_BOX: Rect = { x: 222, y: 226, w: 200, h: 144 };
/** The legend (bottom-left corner of the map). */
export const LEGEND_BOX: Rect = { x: 8, y: 376, w: 210, h: 144 };
/** The GPU market (bottom-right corner of the map). */
export const MARKET_BOX: Rect = { x: 770, y: 376, w: 222, h: 144 };
/** The capability race and the VP track, one row under the map. */
export const CAPABILITY_BOX: Rect = { x: 8, y: 526, w: 532, h: 46 };
export const VP_BOX: Rect = { x: 548, y: 526, w: 444, h: 46 };
/** The faction cards and the headline, the bottom row. */
const FACTIONS_Y = 578;
const FACTION_CARD_W = 240;
const FACTION_CARD_H = 136;
export const HEADLINE_BOX: Rect = { x: 744, y: 578, w: 248, h: 136 };

/** The rectangle of the region tile (left, top, width, height). */
export function tileRect(region: RegionId): Rect {
  const s = TILE_AT[region];
  return { x: s.x, y: s.y, w: TILE_W, h: TILE_H };
}

/** The rectangle of a faction's card (k: its place in the faction order, 0–2). */
export function factionCardRect(k: number): Rect {
  return { x: 8 + k * (FACTION_CARD_W + 4), y: FACTIONS_Y, w: FACTION_CARD_W, h: FACTION_CARD_H };
}

/** Which region tile contains a logical point, if any. */
export function regionAt(x: number, y: number): RegionId | null {
  for (const id of Object.keys(TILE_AT) as RegionId[]) {
    const r = tileRect(id);
    if (x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) return id;
  }
  return null;
}

/**
 * The camera's zoom for a box of `width` × `height` CSS px: the board fits the box, but is never
 * smaller than readable (then it pans); `factor` is the player's own zoom on top (1: none).
 */
export function boardZoom(width: number, height: number, factor = 1): { zoom: number; fit: number; pannable: boolean } {
  const fit = Math.min(width / BOARD_W, height / BOARD_H);
  const zoom = Math.max(fit, READABLE_ZOOM) * factor;
  return { zoom, fit, pannable: BOARD_W * zoom > width + 1 || BOARD_H * zoom > height + 1 };
}

/** Keeps a view centre inside the board (or centred on it when the board is smaller than the view). */
export function clampCentre(cx: number, cy: number, viewW: number, viewH: number): { x: number; y: number } {
  const axis = (c: number, view: number, size: number) => (view >= size ? size / 2 : Math.min(size - view / 2, Math.max(view / 2, c)));
  return { x: axis(cx, viewW, BOARD_W), y: axis(cy, viewH, BOARD_H) };
}
