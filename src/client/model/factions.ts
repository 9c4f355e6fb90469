/** How each faction looks: a colour and a shape (never colour alone: colour-blind players). */
import type { FactionId } from '../../engine/index.js';

/** Token shapes: US squares, China circles, EU diamonds. */
export type TokenShape = 'square' | 'circle' | 'diamond';

/** A faction's look on the board and in the panels. */
export interface FactionLook {
  color: number;
  css: string;
  shape: TokenShape;
  /** The shape as a text glyph, for HTML labels. */
  glyph: string;
}

/** Okabe–Ito colours (distinct for the common colour-vision deficiencies) plus a shape each. */
export const FACTION_LOOK: Record<FactionId, FactionLook> = {
  us: { color: 0x0072b2, css: '#0072b2', shape: 'square', glyph: '■' },
  china: { color: 0xd55e00, css: '#d55e00', shape: 'circle', glyph: '●' },
  eu: { color: 0xe6b800, css: '#e6b800', shape: 'diamond', glyph: '◆' },
};
