/**
 * The pictogram library of the card art: flat "sticker" shapes with a dark outline, drawn in a
 * 100×100 box (standing objects rest on y = 96), in a small shared palette plus one accent colour.
 * Every shape is original and made of plain SVG primitives; none carries text.
 */

/** The shared palette of every pictogram. */
export const INK = '#0b1622';
const LIGHT = '#e8eef5';
const MID = '#9fb3c8';
const DARK = '#2b3a4a';
const S = `stroke="${INK}" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"`;

/** A pictogram: its SVG markup in a 100×100 box, given an accent colour. */
export type Pictogram = (accent: string) => string;

const chip: Pictogram = (a) => {
  const pins = [32, 44, 56, 68].map((p) => `M${p} 22V10M${p} 78V90M22 ${p}H10M78 ${p}H90`).join('');
  return `<path d="${pins}" ${S} fill="none"/><rect x="20" y="20" width="60" height="60" rx="7" fill="${DARK}" ${S}/><rect x="32" y="32" width="36" height="36" rx="3" fill="${a}" ${S}/><path d="M38 40h24M38 50h24M38 60h14" stroke="${INK}" stroke-width="2.5" stroke-linecap="round" opacity="0.6"/>`;
};

const datacenter: Pictogram = (a) => {
  const racks = [0, 1, 2]
    .map(
      (r) =>
        `<rect x="${18 + r * 22}" y="50" width="18" height="46" fill="${DARK}" ${S}/>` +
        [0, 1, 2, 3].map((i) => `<circle cx="${23 + r * 22}" cy="${57 + i * 10}" r="2.2" fill="${a}"/>`).join(''),
    )
    .join('');
  return `<rect x="8" y="36" width="84" height="60" fill="${LIGHT}" ${S}/><rect x="4" y="28" width="92" height="10" rx="2" fill="${MID}" ${S}/><circle cx="24" cy="20" r="7" fill="${MID}" ${S}/><circle cx="46" cy="20" r="7" fill="${MID}" ${S}/><path d="M24 14v12M18 20h12M46 14v12M40 20h12" stroke="${INK}" stroke-width="2"/>${racks}`;
};

/** A line drawn light on a dark outline, so it reads on any sky. */
const bar = (d: string, color = LIGHT, w = 3) =>
  `<path d="${d}" stroke="${INK}" stroke-width="${w + 4}" fill="none" stroke-linecap="round" stroke-linejoin="round"/><path d="${d}" stroke="${color}" stroke-width="${w}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;

const pylon: Pictogram = (a) =>
  `<path d="M2 30 Q11 42 20 22 M80 22 Q89 42 98 30 M6 48 Q16 54 26 38 M74 38 Q84 54 94 48" stroke="${a}" stroke-width="3" fill="none"/>` +
  bar('M43 56 L57 72 M57 56 L43 72 M41 72 L59 90 M59 72 L41 90 M45 30 L55 44 M55 30 L45 44', MID, 2.5) +
  bar('M50 6 L36 96 M50 6 L64 96 M20 22 H80 M26 38 H74 M42 56 H58', MID, 3.5) +
  `<circle cx="20" cy="22" r="4" fill="${a}" ${S}/><circle cx="80" cy="22" r="4" fill="${a}" ${S}/><circle cx="26" cy="38" r="3.5" fill="${a}" ${S}/><circle cx="74" cy="38" r="3.5" fill="${a}" ${S}/>`;

const bolt: Pictogram = (a) => `<path d="M58 4 L22 56 H46 L36 96 L78 40 H54 Z" fill="${a}" ${S}/>`;

const coolingTower: Pictogram = (a) =>
  `<circle cx="40" cy="16" r="10" fill="${LIGHT}" opacity="0.9"/><circle cx="54" cy="10" r="9" fill="${LIGHT}" opacity="0.8"/><circle cx="66" cy="16" r="8" fill="${LIGHT}" opacity="0.7"/><path d="M26 96 Q40 62 30 30 H70 Q60 62 74 96 Z" fill="${MID}" ${S}/><path d="M33 48 H67" stroke="${a}" stroke-width="5"/><rect x="12" y="80" width="16" height="16" fill="${DARK}" ${S}/><rect x="74" y="72" width="20" height="24" fill="${DARK}" ${S}/>`;

const documentP: Pictogram = (a) =>
  `<path d="M20 6 H64 L82 24 V94 H20 Z" fill="${LIGHT}" ${S}/><path d="M64 6 V24 H82" fill="${MID}" ${S}/><path d="M30 30 H56 M30 42 H72 M30 52 H72 M30 62 H60" stroke="${MID}" stroke-width="4" stroke-linecap="round"/><path d="M58 80 L54 98 L62 92 L68 98 L66 80" fill="${a}" ${S}/><circle cx="62" cy="76" r="11" fill="${a}" ${S}/><circle cx="62" cy="76" r="5" fill="none" stroke="${INK}" stroke-width="2"/>`;

const gavel: Pictogram = (a) =>
  `<rect x="4" y="82" width="50" height="12" rx="3" fill="${DARK}" ${S}/><path d="M46 52 L84 90" stroke="${INK}" stroke-width="11" stroke-linecap="round"/><path d="M46 52 L84 90" stroke="${MID}" stroke-width="5" stroke-linecap="round"/><g transform="rotate(45 40 42)"><rect x="18" y="30" width="44" height="24" rx="4" fill="${a}" ${S}/><rect x="14" y="28" width="8" height="28" rx="2" fill="${LIGHT}" ${S}/><rect x="58" y="28" width="8" height="28" rx="2" fill="${LIGHT}" ${S}/></g>`;

const scales: Pictogram = (a) =>
  `<path d="M50 12 V88 M14 26 H86" ${S} fill="none"/><path d="M30 96 H70 L64 86 H36 Z" fill="${DARK}" ${S}/><circle cx="50" cy="12" r="5" fill="${a}" ${S}/><path d="M14 26 L4 58 M14 26 L24 58 M86 26 L76 58 M86 26 L96 58" stroke="${INK}" stroke-width="2" fill="none"/><path d="M2 58 H26 Q14 74 2 58 Z M74 58 H98 Q86 74 74 58 Z" fill="${a}" ${S}/>`;

const coins: Pictogram = (a) => {
  const stack = (x: number, n: number) =>
    Array.from({ length: n }, (_, i) => `<ellipse cx="${x}" cy="${88 - i * 9}" rx="17" ry="6" fill="${a}" ${S}/>`).join('') +
    `<ellipse cx="${x}" cy="${88 - (n - 1) * 9}" rx="9" ry="3" fill="none" stroke="${INK}" stroke-width="1.5" opacity="0.6"/>`;
  return stack(28, 4) + stack(68, 6) + stack(48, 2);
};

const moneybag: Pictogram = (a) =>
  `<path d="M38 30 Q20 50 20 72 Q20 96 50 96 Q80 96 80 72 Q80 50 62 30 Z" fill="${a}" ${S}/><path d="M38 30 L30 12 Q50 20 70 12 L62 30 Z" fill="${a}" ${S}/><path d="M36 30 H64" ${S}/><path d="M58 56 Q50 50 42 56 Q40 64 50 66 Q60 68 58 76 Q50 82 42 76 M50 48 V84" stroke="${INK}" stroke-width="4" fill="none" stroke-linecap="round"/>`;

const chart =
  (up: boolean): Pictogram =>
  (a) => {
    const pts = up ? 'M16 80 L36 62 L52 70 L80 28' : 'M16 28 L36 46 L52 38 L80 80';
    const head = up ? 'M66 26 L82 26 L82 42' : 'M66 82 L82 82 L82 66';
    return `<rect x="6" y="6" width="88" height="88" rx="6" fill="${DARK}" ${S}/><path d="M16 16 V86 H88" stroke="${MID}" stroke-width="2.5" fill="none"/><path d="${pts}" stroke="${a}" stroke-width="7" fill="none" stroke-linecap="round" stroke-linejoin="round"/><path d="${head}" stroke="${a}" stroke-width="7" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;
  };

const ship: Pictogram = (a) =>
  `<path d="M4 66 H96 L84 90 H14 Z" fill="${DARK}" ${S}/><rect x="18" y="48" width="18" height="18" fill="${a}" ${S}/><rect x="36" y="48" width="18" height="18" fill="${LIGHT}" ${S}/><rect x="54" y="48" width="18" height="18" fill="${a}" ${S}/><rect x="27" y="30" width="18" height="18" fill="${MID}" ${S}/><rect x="45" y="30" width="18" height="18" fill="${a}" ${S}/><rect x="76" y="36" width="12" height="30" fill="${LIGHT}" ${S}/><path d="M0 96 Q12 90 25 96 T50 96 T75 96 T100 96" stroke="${MID}" stroke-width="3" fill="none"/>`;

const globe: Pictogram = (a) =>
  `<circle cx="50" cy="50" r="44" fill="${DARK}" ${S}/><path d="M26 24 Q36 20 42 30 Q38 42 30 40 Q22 34 26 24 Z M54 18 Q70 16 76 30 Q66 34 60 44 Q52 40 54 18 Z M38 56 Q50 52 56 62 Q52 80 44 84 Q36 70 38 56 Z M68 56 Q80 54 84 64 Q76 74 68 70 Z" fill="${a}" stroke="${INK}" stroke-width="2"/><ellipse cx="50" cy="50" rx="20" ry="44" fill="none" stroke="${MID}" stroke-width="2" opacity="0.7"/><path d="M6 50 H94 M12 28 H88 M12 72 H88" stroke="${MID}" stroke-width="2" opacity="0.7"/><circle cx="50" cy="50" r="44" fill="none" ${S}/>`;

const network: Pictogram = (a) => {
  const n: [number, number][] = [
    [50, 12],
    [16, 40],
    [84, 40],
    [30, 84],
    [70, 84],
    [50, 52],
  ];
  const edges = [
    [0, 5],
    [1, 5],
    [2, 5],
    [3, 5],
    [4, 5],
    [0, 1],
    [0, 2],
    [1, 3],
    [2, 4],
    [3, 4],
  ]
    .map(([i, j]) => `M${n[i!]![0]} ${n[i!]![1]} L${n[j!]![0]} ${n[j!]![1]}`)
    .join('');
  return `<path d="${edges}" stroke="${LIGHT}" stroke-width="3.5" fill="none"/>${n.map(([x, y], i) => `<circle cx="${x}" cy="${y}" r="${i === 5 ? 11 : 8}" fill="${i === 5 ? a : LIGHT}" ${S}/>`).join('')}`;
};

const lock =
  (open: boolean): Pictogram =>
  (a) =>
    `<path d="${open ? 'M30 44 V26 Q30 8 50 8 Q70 8 70 26 V30' : 'M30 44 V28 Q30 8 50 8 Q70 8 70 28 V44'}" stroke="${INK}" stroke-width="13" fill="none" stroke-linecap="round"/><path d="${open ? 'M30 44 V26 Q30 8 50 8 Q70 8 70 26 V30' : 'M30 44 V28 Q30 8 50 8 Q70 8 70 28 V44'}" stroke="${MID}" stroke-width="7" fill="none" stroke-linecap="round"/><rect x="18" y="42" width="64" height="52" rx="8" fill="${a}" ${S}/><circle cx="50" cy="62" r="7" fill="${INK}"/><path d="M50 64 V80" stroke="${INK}" stroke-width="6" stroke-linecap="round"/>`;

const factory: Pictogram = (a) =>
  `<rect x="70" y="8" width="14" height="50" fill="${MID}" ${S}/><path d="M70 18 H84" stroke="${a}" stroke-width="4"/><path d="M6 96 V46 L28 58 V46 L50 58 V46 L72 58 V50 H94 V96 Z" fill="${LIGHT}" ${S}/><rect x="14" y="68" width="14" height="12" fill="${a}" ${S}/><rect x="38" y="68" width="14" height="12" fill="${a}" ${S}/><rect x="62" y="68" width="14" height="12" fill="${a}" ${S}/><rect x="42" y="84" width="16" height="12" fill="${DARK}" ${S}/>`;

const crane: Pictogram = (a) =>
  bar('M30 24 L40 34 L30 44 L40 54 L30 64 L40 74 L30 84 L40 94', MID, 2.5) +
  bar('M30 96 V14 M40 96 V14', MID, 3.5) +
  `<path d="M14 14 H94 L82 24 H14 Z" fill="${a}" ${S}/><rect x="8" y="16" width="14" height="14" fill="${DARK}" ${S}/><path d="M78 24 V54" stroke="${INK}" stroke-width="2"/><rect x="68" y="54" width="20" height="14" fill="${LIGHT}" ${S}/><rect x="22" y="90" width="26" height="6" fill="${DARK}" ${S}/>`;

const warning: Pictogram = (a) =>
  `<path d="M50 6 L96 90 H4 Z" fill="${a}" ${S}/><path d="M50 34 V62" stroke="${INK}" stroke-width="10" stroke-linecap="round"/><circle cx="50" cy="76" r="5.5" fill="${INK}"/>`;

const shield: Pictogram = (a) =>
  `<path d="M50 4 L88 18 V46 Q88 78 50 96 Q12 78 12 46 V18 Z" fill="${a}" ${S}/><path d="M50 14 L78 24 V46 Q78 70 50 84 Z" fill="${LIGHT}" opacity="0.35"/><path d="M30 50 L45 64 L72 36" stroke="${INK}" stroke-width="8" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`;

const person = (x: number, y: number, s: number, fill: string) =>
  `<circle cx="${x}" cy="${y - 30 * s}" r="${10 * s}" fill="${fill}" ${S}/><path d="M${x - 17 * s} ${y} Q${x - 17 * s} ${y - 18 * s} ${x} ${y - 18 * s} Q${x + 17 * s} ${y - 18 * s} ${x + 17 * s} ${y} Z" fill="${fill}" ${S}/>`;

const people: Pictogram = (a) => person(24, 96, 0.95, MID) + person(76, 96, 0.95, MID) + person(50, 96, 1.25, a);

const protest: Pictogram = (a) =>
  `<path d="M24 62 V20 M76 62 V16" ${S}/><rect x="6" y="8" width="36" height="24" rx="2" fill="${LIGHT}" ${S}/><rect x="58" y="4" width="36" height="24" rx="2" fill="${a}" ${S}/><path d="M14 20 H34 M66 16 H86" stroke="${INK}" stroke-width="3" opacity="0.5"/>` +
  person(24, 96, 0.85, MID) +
  person(76, 96, 0.85, MID) +
  person(50, 96, 1, a);

const crystals: Pictogram = (a) =>
  `<path d="M14 96 L8 58 L22 40 L34 58 L30 96 Z" fill="${MID}" ${S}/><path d="M34 96 L30 40 L48 10 L66 40 L62 96 Z" fill="${a}" ${S}/><path d="M48 10 L48 96" stroke="${LIGHT}" stroke-width="2" opacity="0.6"/><path d="M64 96 L66 54 L80 34 L94 54 L88 96 Z" fill="${LIGHT}" ${S}/><path d="M2 96 H98" ${S}/>`;

const barrier: Pictogram = (a) =>
  `<rect x="6" y="36" width="16" height="60" fill="${DARK}" ${S}/><rect x="78" y="62" width="8" height="34" fill="${DARK}" ${S}/><rect x="14" y="42" width="78" height="16" rx="3" fill="${LIGHT}" ${S}/><path d="M30 42 L22 58 M50 42 L42 58 M70 42 L62 58 M90 42 L82 58" stroke="${a}" stroke-width="8"/><rect x="14" y="42" width="78" height="16" rx="3" fill="none" ${S}/><circle cx="14" cy="28" r="8" fill="${a}" ${S}/>`;

const megaphone: Pictogram = (a) =>
  `<path d="M14 40 H34 L78 14 V86 L34 60 H14 Z" fill="${LIGHT}" ${S}/><rect x="8" y="38" width="14" height="24" rx="3" fill="${a}" ${S}/><path d="M34 60 L42 88 H54 L48 64" fill="${MID}" ${S}/><path d="M86 36 Q94 50 86 64 M92 24 Q106 50 92 76" stroke="${a}" stroke-width="4" fill="none" stroke-linecap="round"/>`;

const capitol: Pictogram = (a) => {
  const cols = [16, 30, 44, 58, 72].map((x) => `<rect x="${x}" y="58" width="8" height="30" fill="${LIGHT}" ${S}/>`).join('');
  return `<path d="M30 42 Q30 14 50 14 Q70 14 70 42 Z" fill="${a}" ${S}/><path d="M50 14 V4" ${S}/><rect x="26" y="40" width="48" height="8" fill="${LIGHT}" ${S}/><path d="M6 58 L50 44 L94 58 Z" fill="${MID}" ${S}/>${cols}<rect x="4" y="86" width="92" height="10" fill="${MID}" ${S}/>`;
};

const lightbulb: Pictogram = (a) =>
  `<path d="M50 8 Q80 8 80 38 Q80 54 64 64 V74 H36 V64 Q20 54 20 38 Q20 8 50 8 Z" fill="${a}" ${S}/><path d="M40 62 L44 40 L50 48 L56 40 L60 62" stroke="${INK}" stroke-width="3" fill="none" stroke-linejoin="round"/><rect x="36" y="74" width="28" height="10" rx="2" fill="${MID}" ${S}/><rect x="40" y="84" width="20" height="10" rx="3" fill="${DARK}" ${S}/><path d="M6 34 H12 M88 34 H94 M16 8 L22 14 M84 8 L78 14" stroke="${a}" stroke-width="4" stroke-linecap="round"/>`;

const cloud: Pictogram = (a) =>
  `<path d="M22 74 Q4 74 6 58 Q8 44 24 46 Q24 22 48 22 Q66 22 72 38 Q94 36 94 56 Q94 74 76 74 Z" fill="${LIGHT}" ${S}/><path d="M36 74 V90 M50 74 V94 M64 74 V90" stroke="${a}" stroke-width="4"/><circle cx="36" cy="90" r="4" fill="${a}" ${S}/><circle cx="50" cy="94" r="4" fill="${a}" ${S}/><circle cx="64" cy="90" r="4" fill="${a}" ${S}/><rect x="36" y="46" width="28" height="14" rx="2" fill="${DARK}" ${S}/><circle cx="44" cy="53" r="2" fill="${a}"/><circle cx="52" cy="53" r="2" fill="${a}"/>`;

const magnifier: Pictogram = (a) =>
  `<path d="M62 62 L90 90" stroke="${INK}" stroke-width="16" stroke-linecap="round"/><path d="M64 64 L88 88" stroke="${a}" stroke-width="8" stroke-linecap="round"/><circle cx="40" cy="40" r="30" fill="${LIGHT}" stroke="${INK}" stroke-width="7"/><circle cx="40" cy="40" r="30" fill="none" stroke="${MID}" stroke-width="3"/><path d="M24 34 Q28 22 40 20" stroke="${INK}" stroke-width="3" fill="none" opacity="0.4" stroke-linecap="round"/>`;

const exchange: Pictogram = (a) =>
  `<path d="M16 40 Q20 14 50 14 Q72 14 80 30" stroke="${INK}" stroke-width="12" fill="none" stroke-linecap="round"/><path d="M16 40 Q20 14 50 14 Q72 14 80 30" stroke="${a}" stroke-width="6" fill="none" stroke-linecap="round"/><path d="M70 30 H92 V8 Z" fill="${a}" ${S}/><path d="M84 60 Q80 86 50 86 Q28 86 20 70" stroke="${INK}" stroke-width="12" fill="none" stroke-linecap="round"/><path d="M84 60 Q80 86 50 86 Q28 86 20 70" stroke="${LIGHT}" stroke-width="6" fill="none" stroke-linecap="round"/><path d="M30 70 H8 V92 Z" fill="${LIGHT}" ${S}/>`;

const model: Pictogram = (a) => {
  const dots = [0, 1, 2]
    .flatMap((r) =>
      [0, 1, 2].map(
        (c) =>
          `<circle cx="${30 + c * 20}" cy="${30 + r * 20}" r="${r === 1 && c === 1 ? 7 : 5}" fill="${r === 1 && c === 1 ? a : LIGHT}" stroke="${INK}" stroke-width="2"/>`,
      ),
    )
    .join('');
  return `<path d="M20 8 H80 L92 20 V80 L80 92 H20 L8 80 V20 Z" fill="${DARK}" ${S}/><path d="M30 30 L70 70 M70 30 L30 70 M50 30 V70 M30 50 H70" stroke="${a}" stroke-width="2.5" opacity="0.9"/>${dots}`;
};

const arrowOut: Pictogram = (a) =>
  `<rect x="6" y="14" width="46" height="72" rx="4" fill="${DARK}" ${S}/><rect x="14" y="22" width="30" height="56" fill="${MID}" opacity="0.5"/><path d="M34 50 H74" stroke="${INK}" stroke-width="14" stroke-linecap="round"/><path d="M34 50 H74" stroke="${a}" stroke-width="8" stroke-linecap="round"/><path d="M70 30 L94 50 L70 70 Z" fill="${a}" ${S}/>`;

const cross: Pictogram = (a) =>
  `<path d="M18 18 L82 82 M82 18 L18 82" stroke="${INK}" stroke-width="22" stroke-linecap="round"/><path d="M18 18 L82 82 M82 18 L18 82" stroke="${a}" stroke-width="12" stroke-linecap="round"/>`;

const briefcase: Pictogram = (a) =>
  `<path d="M36 30 V20 Q36 14 42 14 H58 Q64 14 64 20 V30" stroke="${INK}" stroke-width="6" fill="none"/><rect x="8" y="30" width="84" height="62" rx="7" fill="${a}" ${S}/><path d="M8 54 H92" ${S}/><rect x="42" y="48" width="16" height="14" rx="2" fill="${LIGHT}" ${S}/>`;

const island: Pictogram = (a) =>
  `<path d="M30 12 Q42 6 50 16 Q62 20 66 34 Q76 42 72 56 Q74 70 62 78 Q56 92 42 90 Q34 80 36 68 Q24 60 28 46 Q20 30 30 12 Z" fill="${a}" ${S}/><path d="M36 24 L44 34 L50 28 L58 44 L54 60 L48 74" stroke="${INK}" stroke-width="2.5" fill="none" opacity="0.45" stroke-linejoin="round"/><path d="M34 56 L40 50 L44 58 M52 40 L58 34 L62 42" stroke="${LIGHT}" stroke-width="2.5" fill="none" opacity="0.7" stroke-linejoin="round"/><path d="M0 74 Q10 68 20 74 T40 74 M64 88 Q74 82 84 88 T100 88 M76 58 Q84 52 92 58 M4 40 Q12 34 20 40" stroke="${MID}" stroke-width="3" fill="none" stroke-linecap="round"/>`;

/** Every pictogram by name. */
export const PICTOGRAMS = {
  chip,
  datacenter,
  pylon,
  bolt,
  coolingTower,
  document: documentP,
  gavel,
  scales,
  coins,
  moneybag,
  chartUp: chart(true),
  chartDown: chart(false),
  ship,
  globe,
  network,
  lock: lock(false),
  lockOpen: lock(true),
  factory,
  crane,
  warning,
  shield,
  people,
  protest,
  crystals,
  barrier,
  megaphone,
  capitol,
  lightbulb,
  cloud,
  magnifier,
  exchange,
  model,
  arrowOut,
  cross,
  briefcase,
  island,
} satisfies Record<string, Pictogram>;

/** The name of a pictogram. */
export type PictogramName = keyof typeof PICTOGRAMS;
