/**
 * The card art's frame and scenery: a 300×200 picture with a frame in the colours of the card's
 * era (events) or faction (strategy cards), a badge in the top-left corner (era pips, or the
 * faction's token shape), a backdrop, a ground strip and the scene's pictograms standing on it.
 */
import { INK, PICTOGRAMS, type PictogramName } from './pictograms.js';
import { ACCENTS, type AccentName, type Backdrop, type Piece, type Scene } from './scenes.js';

/** The look of one kind of card: an era of events, or a faction's strategy cards. */
interface Theme {
  /** Sky gradient, top to bottom. */
  sky: [string, string];
  ground: string;
  /** The frame and its light trim. */
  frame: string;
  trim: string;
  /** The default accent of the pictograms. */
  accent: string;
  /** What the corner badge shows. */
  badge: { kind: 'era'; pips: number } | { kind: 'faction'; shape: 'square' | 'circle' | 'diamond'; color: string };
}

/** The themes, by era (1–3) or faction id. */
export const THEMES: Record<'era1' | 'era2' | 'era3' | 'us' | 'china' | 'eu', Theme> = {
  era1: { sky: ['#2a5a78', '#0f2233'], ground: '#0b1a27', frame: '#163247', trim: '#8ecae6', accent: '#8ecae6', badge: { kind: 'era', pips: 1 } },
  era2: { sky: ['#4d3a73', '#160f2a'], ground: '#120c22', frame: '#2a2046', trim: '#c8b6ff', accent: '#c8b6ff', badge: { kind: 'era', pips: 2 } },
  era3: { sky: ['#7a3a2c', '#22100c'], ground: '#1c0c09', frame: '#3e1a14', trim: '#ffab7a', accent: '#ffab7a', badge: { kind: 'era', pips: 3 } },
  us: {
    sky: ['#1d5f8f', '#071a2b'],
    ground: '#061522',
    frame: '#0a3454',
    trim: '#56b4e9',
    accent: '#56b4e9',
    badge: { kind: 'faction', shape: 'square', color: '#0072b2' },
  },
  china: {
    sky: ['#8a4214', '#210c02'],
    ground: '#1b0a02',
    frame: '#4a1f05',
    trim: '#f0a868',
    accent: '#e67e22',
    badge: { kind: 'faction', shape: 'circle', color: '#d55e00' },
  },
  eu: {
    sky: ['#6e5a0a', '#1c1702'],
    ground: '#161200',
    frame: '#3d3204',
    trim: '#ffd166',
    accent: '#ffd166',
    badge: { kind: 'faction', shape: 'diamond', color: '#e6b800' },
  },
};

/** A theme's name. */
export type ThemeName = keyof typeof THEMES;

const W = 300;
const H = 200;
const GROUND = 164;

function backdrop(kind: Backdrop, tint: string): string {
  const g = (inner: string) => `<g opacity="0.22" fill="none" stroke="${tint}" stroke-width="2">${inner}</g>`;
  switch (kind) {
    case 'skyline': {
      const towers = [
        [14, 70],
        [36, 44],
        [60, 88],
        [84, 56],
        [210, 62],
        [232, 96],
        [256, 50],
        [276, 78],
      ]
        .map(([x, h]) => `<rect x="${x}" y="${GROUND - h!}" width="20" height="${h}" fill="${tint}"/>`)
        .join('');
      return `<g opacity="0.16">${towers}</g>`;
    }
    case 'dunes':
      return `<circle cx="232" cy="58" r="26" fill="${tint}" opacity="0.2"/><g opacity="0.18" fill="${tint}"><path d="M0 ${GROUND} Q60 104 130 ${GROUND} Z"/><path d="M120 ${GROUND} Q200 116 300 ${GROUND} Z"/></g>`;
    case 'sea':
      return g(
        Array.from(
          { length: 5 },
          (_, i) =>
            `<path d="M0 ${96 + i * 14} ${Array.from({ length: 10 }, (_, k) => `Q${k * 30 + 15} ${90 + i * 14} ${k * 30 + 30} ${96 + i * 14}`).join(' ')}"/>`,
        ).join(''),
      );
    case 'globe':
      return g(
        `<circle cx="150" cy="${GROUND}" r="132"/><ellipse cx="150" cy="${GROUND}" rx="66" ry="132"/><ellipse cx="150" cy="${GROUND}" rx="110" ry="132"/><path d="M18 ${GROUND - 44} H282 M46 ${GROUND - 88} H254"/>`,
      );
    case 'grid': {
      const lines = [40, 70, 100, 130].map((y, i) => `<path d="M0 ${y} H${60 + i * 20} L${80 + i * 20} ${y + 14} H${W}"/>`).join('');
      const dots = [40, 70, 100, 130].map((y, i) => `<circle cx="${60 + i * 20}" cy="${y}" r="4" fill="${tint}"/>`).join('');
      return g(lines + dots);
    }
    case 'plains':
      return `<circle cx="64" cy="70" r="22" fill="${tint}" opacity="0.2"/><g opacity="0.18" fill="${tint}"><path d="M0 ${GROUND} L0 140 Q70 126 150 138 Q230 150 300 132 L300 ${GROUND} Z"/></g>${g('<path d="M250 140 L256 104 L262 140 M246 114 H266 M200 146 L204 122 L208 146 M196 128 H212 M209 118 Q230 110 250 114"/>')}`;
    case 'rays':
      return g(
        Array.from(
          { length: 13 },
          (_, i) =>
            `<path d="M150 ${GROUND} L${Math.round(150 + 300 * Math.cos(Math.PI + (i * Math.PI) / 12))} ${Math.round(GROUND + 300 * Math.sin(Math.PI + (i * Math.PI) / 12))}"/>`,
        ).join(''),
      );
  }
}

function piece(p: Piece, fallback: string, x: number, bottom: number, scale: number): string {
  const [name, accent] = p.split(':') as [PictogramName, AccentName | undefined];
  const draw = PICTOGRAMS[name];
  const y = bottom - 96 * scale;
  const shadow = `<ellipse cx="${x + 50 * scale}" cy="${bottom + 1}" rx="${Math.round(44 * scale)}" ry="${Math.max(3, Math.round(7 * scale))}" fill="#000" opacity="0.35"/>`;
  return `${shadow}<g transform="translate(${Math.round(x * 10) / 10} ${Math.round(y * 10) / 10}) scale(${scale})">${draw(accent ? ACCENTS[accent] : fallback)}</g>`;
}

function badge(t: Theme): string {
  const plate = `<path d="M8 8 H64 L52 34 H8 Z" fill="${t.frame}" stroke="${t.trim}" stroke-width="2" stroke-linejoin="round"/>`;
  if (t.badge.kind === 'era') {
    const pips = Array.from(
      { length: t.badge.pips },
      (_, i) => `<path d="M${20 + i * 12} 14 L${25 + i * 12} 21 L${20 + i * 12} 28 L${15 + i * 12} 21 Z" fill="${t.trim}"/>`,
    ).join('');
    return plate + pips;
  }
  const c = t.badge.color;
  const shape =
    t.badge.shape === 'square'
      ? `<rect x="16" y="12" width="18" height="18" rx="2" fill="${c}" stroke="#e8eef5" stroke-width="2"/>`
      : t.badge.shape === 'circle'
        ? `<circle cx="25" cy="21" r="10" fill="${c}" stroke="#e8eef5" stroke-width="2"/>`
        : `<path d="M25 9 L37 21 L25 33 L13 21 Z" fill="${c}" stroke="#e8eef5" stroke-width="2"/>`;
  return plate + shape;
}

/** The SVG of one card's art. */
export function cardSvg(id: string, themeName: ThemeName, scene: Scene): string {
  const t = THEMES[themeName];
  const corners = [
    [14, 14],
    [W - 14, 14],
    [14, H - 14],
    [W - 14, H - 14],
  ]
    .slice(1)
    .map(([x, y]) => `<path d="M${x} ${y! - 5} L${x! + 5} ${y} L${x} ${y! + 5} L${x! - 5} ${y} Z" fill="${t.trim}"/>`)
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">`,
    `<!-- Gigawatt card art "${id}": original, generated by scripts/draw-cards.ts (do not edit by hand). -->`,
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${t.sky[0]}"/><stop offset="1" stop-color="${t.sky[1]}"/></linearGradient><radialGradient id="vig" cx="0.5" cy="0.42" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.45"/></radialGradient><clipPath id="win"><rect x="6" y="6" width="${W - 12}" height="${H - 12}" rx="10"/></clipPath></defs>`,
    `<rect width="${W}" height="${H}" rx="14" fill="${t.frame}"/>`,
    `<g clip-path="url(#win)"><rect width="${W}" height="${H}" fill="url(#sky)"/>${backdrop(scene.bg, t.trim)}<rect width="${W}" height="${H}" fill="url(#vig)"/>`,
    `<rect x="0" y="${GROUND}" width="${W}" height="${H - GROUND}" fill="${t.ground}"/><path d="M0 ${GROUND} H${W}" stroke="${t.trim}" stroke-width="2" opacity="0.6"/>`,
    `<path d="M0 ${GROUND + 12} H${W} M0 ${GROUND + 22} H${W}" stroke="${t.trim}" stroke-width="1" opacity="0.15"/>`,
    scene.left ? piece(scene.left, t.accent, 22, GROUND, 0.68) : '',
    scene.right ? piece(scene.right, t.accent, 210, GROUND, 0.68) : '',
    piece(scene.main, t.accent, 91, GROUND, 1.18),
    `</g>`,
    `<rect x="6" y="6" width="${W - 12}" height="${H - 12}" rx="10" fill="none" stroke="${t.trim}" stroke-width="2.5"/>`,
    `<rect x="11" y="11" width="${W - 22}" height="${H - 22}" rx="7" fill="none" stroke="${t.trim}" stroke-width="1" opacity="0.45"/>`,
    corners,
    badge(t),
    `</svg>`,
    '',
  ].join('\n');
}

/** The SVG of a faction's emblem (64×64), in the board's faction colour and token shape. */
export function emblemSvg(faction: 'us' | 'china' | 'eu'): string {
  const t = THEMES[faction];
  const badge = t.badge as { kind: 'faction'; shape: 'square' | 'circle' | 'diamond'; color: string };
  const c = badge.color;
  const plate =
    badge.shape === 'square'
      ? `<rect x="4" y="4" width="56" height="56" rx="8" fill="${c}" stroke="#e8eef5" stroke-width="3"/><rect x="9" y="9" width="46" height="46" rx="5" fill="none" stroke="${INK}" stroke-width="1.5" opacity="0.5"/>`
      : badge.shape === 'circle'
        ? `<circle cx="32" cy="32" r="28" fill="${c}" stroke="#e8eef5" stroke-width="3"/><circle cx="32" cy="32" r="23" fill="none" stroke="${INK}" stroke-width="1.5" opacity="0.5"/>`
        : `<path d="M32 2 L62 32 L32 62 L2 32 Z" fill="${c}" stroke="#e8eef5" stroke-width="3" stroke-linejoin="round"/><path d="M32 9 L55 32 L32 55 L9 32 Z" fill="none" stroke="${INK}" stroke-width="1.5" opacity="0.5"/>`;
  const name = {
    us: 'US Consortium: a gate of light over a chip',
    china: 'China Labs: an open-weights network',
    eu: 'EU Regulators: a ring of stars around the scales',
  }[faction];
  const inner =
    faction === 'us'
      ? `<path d="M32 13 L36.5 25.5 L49.5 25.5 L39 33.5 L43 46 L32 38.5 L21 46 L25 33.5 L14.5 25.5 L27.5 25.5 Z" fill="#e8eef5" stroke="${INK}" stroke-width="1.5" stroke-linejoin="round"/><path d="M14 52 H24 V47 M50 52 H40 V47" stroke="#bfe3ff" stroke-width="2.5" fill="none" stroke-linecap="round"/>`
      : faction === 'china'
        ? `<g stroke="#ffe3cc" stroke-width="2.5"><path d="M32 15 L17 40 H47 Z M32 15 V48 M17 40 L32 48 L47 40"/></g><g fill="#ffe3cc" stroke="${INK}" stroke-width="1.5"><circle cx="32" cy="15" r="4.5"/><circle cx="17" cy="40" r="4.5"/><circle cx="47" cy="40" r="4.5"/><circle cx="32" cy="48" r="4.5"/></g>`
        : `<circle cx="32" cy="32" r="18" fill="#003399" stroke="${INK}" stroke-width="1.5"/>${Array.from({ length: 12 }, (_, i) => {
            const a = (i * Math.PI) / 6;
            return `<circle cx="${(32 + 14 * Math.cos(a)).toFixed(1)}" cy="${(32 + 14 * Math.sin(a)).toFixed(1)}" r="1.8" fill="#ffd166"/>`;
          }).join(
            '',
          )}<path d="M32 22 V41 M24 26 H40 M24 26 L21 33 M24 26 L27 33 M40 26 L37 33 M40 26 L43 33 M27 41 H37" stroke="#ffd166" stroke-width="1.8" fill="none" stroke-linecap="round"/><path d="M20.5 33 H27.5 Q24 37 20.5 33 Z M36.5 33 H43.5 Q40 37 36.5 33 Z" fill="#ffd166"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">`,
    `<!-- ${name} (original; generated by scripts/draw-cards.ts). -->`,
    plate,
    inner,
    `</svg>`,
    '',
  ].join('\n');
}
