/**
 * Draws the card art (`npm run cards`): one SVG per event card (assets/cards/<id>.svg, framed by
 * era) and per strategy card (framed by faction), and the three faction emblems
 * (assets/emblem-<faction>.svg), from the pictogram library and the per-card scenes in
 * scripts/card-art/. Refuses a card of the rules without a scene, or a scene without a card.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cardSvg, emblemSvg, type ThemeName } from './card-art/frame.js';
import { CARD_SCENES, EVENT_SCENES, type Scene } from './card-art/scenes.js';

interface RuleCard {
  id: string;
  era?: number;
  faction?: 'us' | 'china' | 'eu';
}

const root = new URL('../', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, root), 'utf8'));
const events: RuleCard[] = read('rules/events.json').events;
const cards: RuleCard[] = read('rules/cards.json').cards;

function check(kind: string, list: RuleCard[], scenes: Record<string, Scene>): void {
  const ids = new Set(list.map((c) => c.id));
  const missing = [...ids].filter((id) => !scenes[id]);
  const extra = Object.keys(scenes).filter((id) => !ids.has(id));
  if (missing.length) throw new Error(`draw-cards: no scene for the ${kind} ${missing.join(', ')} (add it to scripts/card-art/scenes.ts)`);
  if (extra.length) throw new Error(`draw-cards: scenes for unknown ${kind}s ${extra.join(', ')}`);
}
check('event', events, EVENT_SCENES);
check('strategy card', cards, CARD_SCENES);

const dir = new URL('assets/cards/', root);
mkdirSync(dir, { recursive: true });
for (const old of readdirSync(dir)) if (old.endsWith('.svg')) rmSync(new URL(old, dir));
for (const e of events) writeFileSync(new URL(`${e.id}.svg`, dir), cardSvg(e.id, `era${e.era}` as ThemeName, EVENT_SCENES[e.id]!));
for (const c of cards) writeFileSync(new URL(`${c.id}.svg`, dir), cardSvg(c.id, c.faction!, CARD_SCENES[c.id]!));
for (const f of ['us', 'china', 'eu'] as const) writeFileSync(new URL(`assets/emblem-${f}.svg`, root), emblemSvg(f));
process.stdout.write(`wrote ${events.length} event and ${cards.length} strategy card faces in assets/cards/, and 3 emblems\n`);
