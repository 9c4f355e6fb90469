/** Small drawing helpers shared by the board scene: faction tokens by shape, pip tracks. */
import type * as Phaser from 'phaser';
import type { TokenShape } from '../model/factions.js';

/** Draws a faction token (square, circle or diamond) centred at x, y with half-size r. */
export function drawToken(g: Phaser.GameObjects.Graphics, shape: TokenShape, x: number, y: number, r: number, color: number, outline = 0x101820): void {
  g.fillStyle(color, 1);
  g.lineStyle(1.5, outline, 1);
  switch (shape) {
    case 'square':
      g.fillRect(x - r, y - r, 2 * r, 2 * r);
      g.strokeRect(x - r, y - r, 2 * r, 2 * r);
      break;
    case 'circle':
      g.fillCircle(x, y, r);
      g.strokeCircle(x, y, r);
      break;
    case 'diamond': {
      const d = r * 1.25;
      g.fillTriangle(x, y - d, x + d, y, x, y + d);
      g.fillTriangle(x, y - d, x - d, y, x, y + d);
      g.beginPath();
      g.moveTo(x, y - d);
      g.lineTo(x + d, y);
      g.lineTo(x, y + d);
      g.lineTo(x - d, y);
      g.closePath();
      g.strokePath();
      break;
    }
  }
}

/** A row of pips 0..max with `value` filled; pips from `danger` on are drawn in red. */
export function drawPips(g: Phaser.GameObjects.Graphics, x: number, y: number, max: number, value: number, danger: number, step: number): void {
  for (let i = 0; i <= max; i++) {
    const cx = x + i * step;
    const hot = i >= danger;
    g.lineStyle(1, hot ? 0xff6b6b : 0x9fb3c8, 1);
    g.fillStyle(i === value ? (hot ? 0xff4d4d : 0xffffff) : hot ? 0x4a1f24 : 0x1d2b3a, 1);
    g.fillCircle(cx, y, i === value ? 7 : 5);
    g.strokeCircle(cx, y, i === value ? 7 : 5);
  }
}
