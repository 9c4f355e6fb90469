/** Where things sit on the board's logical canvas (1280 × 820): plain numbers, no Phaser. */
import type { RegionId } from '../../engine/index.js';

/** The logical size of the board. */
export const BOARD_W = 1280;
export const BOARD_H = 820;

/** A region tile: its centre on the stylised world map. */
export interface RegionSpot {
  x: number;
  y: number;
}

/** Tile size of a region. */
const TILE_W = 214;
const TILE_H = 128;

/** Region tiles placed roughly where they lie on a world map. */
export const REGION_SPOTS: Record<RegionId, RegionSpot> = {
  NA: { x: 190, y: 175 },
  LATAM: { x: 300, y: 440 },
  EU: { x: 540, y: 150 },
  AF: { x: 560, y: 440 },
  GULF: { x: 720, y: 300 },
  IN: { x: 850, y: 460 },
  CN: { x: 935, y: 160 },
  JK: { x: 1160, y: 215 },
  SEA: { x: 1110, y: 420 },
};

/** Top strip (tracks), map area, bottom strip (factions, market, headline). */
export const TOP_H = 72;
export const MAP_BOTTOM = 560;

/** The rectangle of the region tile (left, top, width, height). */
export function tileRect(region: RegionId): { x: number; y: number; w: number; h: number } {
  const s = REGION_SPOTS[region];
  return { x: s.x - TILE_W / 2, y: s.y - TILE_H / 2, w: TILE_W, h: TILE_H };
}

/** Which region tile contains a logical point, if any. */
export function regionAt(x: number, y: number): RegionId | null {
  for (const id of Object.keys(REGION_SPOTS) as RegionId[]) {
    const r = tileRect(id);
    if (x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h) return id;
  }
  return null;
}
