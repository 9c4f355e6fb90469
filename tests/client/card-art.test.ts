import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { FACTIONS } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { cardArtUrl } from '../../src/client/ui/card-face.js';
import { cardSvg, emblemSvg, type ThemeName } from '../../scripts/card-art/frame.js';
import { CARD_SCENES, EVENT_SCENES } from '../../scripts/card-art/scenes.js';

const ASSETS = new URL('../../assets/', import.meta.url);
const rules = defaultRules();
const eventIds = rules.eventList.map((e) => e.id);
const cardIds = rules.cardList.map((c) => c.id);

/** A strict little XML reader: throws on anything that is not well-formed; returns the root's name and attributes and every element name. */
function parseXml(source: string): { root: string; attrs: Record<string, string>; elements: string[] } {
  const src = source.replace(/^<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, (c) => {
    if (c.slice(4, -3).includes('--')) throw new Error('"--" inside a comment');
    return '';
  });
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*"[^"<]*")*)\s*(\/?)>/y;
  const stack: string[] = [];
  const elements: string[] = [];
  let root = '';
  let rootAttrs: Record<string, string> = {};
  let i = 0;
  while (i < src.length) {
    const lt = src.indexOf('<', i);
    const textPart = src.slice(i, lt === -1 ? src.length : lt);
    if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(textPart)) throw new Error(`bare "&" in text near ${i}`);
    if (textPart.trim() && stack.length === 0) throw new Error(`text outside the root element near ${i}`);
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(src);
    if (!m) throw new Error(`malformed tag at ${lt}: ${src.slice(lt, lt + 60)}`);
    const [, close, name, attrText, selfClose] = m as unknown as [string, string, string, string, string];
    if (close) {
      if (attrText || selfClose) throw new Error(`malformed closing tag </${name}>`);
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open ?? 'nothing'}>`);
    } else {
      const attrs: Record<string, string> = {};
      for (const a of attrText.matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*"([^"]*)"/g)) {
        if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
        attrs[a[1]!] = a[2]!;
      }
      if (!root) {
        root = name;
        rootAttrs = attrs;
      } else if (stack.length === 0) throw new Error(`second root element <${name}>`);
      elements.push(name);
      if (!selfClose) stack.push(name);
    }
    i = tag.lastIndex;
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  if (!root) throw new Error('no root element');
  return { root, attrs: rootAttrs, elements };
}

/** Checks one SVG file: well-formed, an <svg> root in the SVG namespace with a positive viewBox, no text to translate, nothing fetched from elsewhere. */
function expectValidSvg(file: string): void {
  const source = readFileSync(new URL(file, ASSETS), 'utf8');
  const { root, attrs, elements } = parseXml(source);
  expect(root, file).toBe('svg');
  expect(attrs.xmlns, file).toBe('http://www.w3.org/2000/svg');
  const box = (attrs.viewBox ?? '').split(/[\s,]+/).map(Number);
  expect(box.length, `${file} viewBox`).toBe(4);
  expect(box[2]! > 0 && box[3]! > 0, `${file} viewBox size`).toBe(true);
  expect(
    elements.filter((e) => ['text', 'tspan', 'image', 'foreignObject', 'script', 'use'].includes(e)),
    file,
  ).toEqual([]);
  expect(source, file).not.toMatch(/href=|url\((?!#)|https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
}

describe('card art', () => {
  test('the rules have the 39 events and 27 strategy cards the art was drawn for', () => {
    expect(eventIds.length).toBe(39);
    expect(cardIds.length).toBe(27);
  });

  test('every event and strategy card of the rules has its art file, and no art file is left without a card', () => {
    for (const id of [...eventIds, ...cardIds]) expect(existsSync(new URL(`cards/${id}.svg`, ASSETS)), id).toBe(true);
    const files = readdirSync(new URL('cards/', ASSETS)).filter((f) => f.endsWith('.svg'));
    expect(files.sort()).toEqual([...eventIds, ...cardIds].map((id) => `${id}.svg`).sort());
  });

  test('every card face and faction emblem is a well-formed SVG with a viewBox, no text to translate and no outside reference', () => {
    for (const id of [...eventIds, ...cardIds]) expectValidSvg(`cards/${id}.svg`);
    for (const f of FACTIONS) expectValidSvg(`emblem-${f}.svg`);
  });

  test('the XML check refuses what a browser would refuse', () => {
    expect(() => parseXml('<svg><g></svg>')).toThrow(/closes/);
    expect(() => parseXml('<svg a="1" a="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<svg><rect x=1/></svg>')).toThrow(/malformed/);
    expect(() => parseXml('<svg/><svg/>')).toThrow(/second root/);
    expect(() => parseXml('<svg>R&D</svg>')).toThrow(/bare "&"/);
  });

  test('the committed files are what scripts/draw-cards.ts draws today (run `npm run cards` after changing a scene)', () => {
    for (const e of rules.eventList) {
      expect(readFileSync(new URL(`cards/${e.id}.svg`, ASSETS), 'utf8'), e.id).toBe(cardSvg(e.id, `era${e.era}` as ThemeName, EVENT_SCENES[e.id]!));
    }
    for (const c of rules.cardList) expect(readFileSync(new URL(`cards/${c.id}.svg`, ASSETS), 'utf8'), c.id).toBe(cardSvg(c.id, c.faction, CARD_SCENES[c.id]!));
    for (const f of FACTIONS) expect(readFileSync(new URL(`emblem-${f}.svg`, ASSETS), 'utf8'), f).toBe(emblemSvg(f));
  });

  test('no two cards show the same picture (the same pictograms in the middle and on the sides)', () => {
    const seen = new Map<string, string>();
    for (const [id, scene] of Object.entries({ ...EVENT_SCENES, ...CARD_SCENES })) {
      const key = [scene.main, ...[scene.left ?? '', scene.right ?? ''].sort()].join('|');
      expect(seen.get(key), `${id} looks like ${seen.get(key)}`).toBeUndefined();
      seen.set(key, id);
    }
  });

  test('the page finds the art of every card as a URL of its own (not inlined)', () => {
    for (const id of [...eventIds, ...cardIds]) {
      const url = cardArtUrl(id);
      expect(url, id).toMatch(new RegExp(`/${id}(-[\\w-]+)?\\.svg`));
      expect(url, id).not.toMatch(/^data:/);
    }
    expect(cardArtUrl('noSuchCard')).toBeNull();
  });
});
