/**
 * The board's labels, measured on the drawn Phaser objects in headless Chromium: at a phone
 * (390×844 and on its side), a laptop (1280×720) and a projector (1920×1080), in English and in
 * French, every label is at least 12 CSS px, stays inside its tile or panel, overlaps no other
 * label and no piece, and the page is never wider than the screen. The board is a medium-bot game
 * replayed at two points (midgame and late, with data centres, releases, deals and EU rules on
 * the map) and the solo game page at its start. Screenshots go to out/screenshots/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { LayoutReport } from '../../src/client/board/BoardScene.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { serializeMatch } from '../../src/match/index.js';
import { playRecorded } from '../../src/sim/run/game-record.js';
import { chromiumPath, openPage, SCREENSHOTS, shot, useBuiltApp } from './harness.js';

const SIZES: [number, number][] = [
  [390, 844],
  [844, 390],
  [1280, 720],
  [1920, 1080],
];
const LANGS = ['en', 'fr'] as const;

const app = useBuiltApp(() => {
  const { match } = playRecorded(defaultRules(), { seed: 'layout', bots: ['medium', 'medium', 'medium'], rotate: false, saveMatches: true }, 0);
  return { '/layout-match.json': serializeMatch(match!) };
});

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Overlap area of two rectangles, each shrunk by 0.5 px (touching edges do not count). */
function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) - 1;
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) - 1;
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(inner: Box, outer: Box): boolean {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.w <= outer.x + outer.w + 0.5 && inner.y + inner.h <= outer.y + outer.h + 0.5;
}

/** Every problem of a layout, in words (empty: none). */
function problems(r: LayoutReport): string[] {
  const out: string[] = [];
  for (const l of r.labels) {
    if (l.fontPx < 12 - 1e-6) out.push(`"${l.text}" is ${l.fontPx.toFixed(1)} px`);
    const box = r.boxes[l.box];
    if (!box) out.push(`"${l.text}" has no box`);
    else if (!inside(l, box)) out.push(`"${l.text}" leaves ${l.box}`);
    for (const p of r.pieces) if (p.box === l.box && overlap(l, p) > 0) out.push(`"${l.text}" covers ${p.key}`);
  }
  for (let i = 0; i < r.labels.length; i++)
    for (let j = i + 1; j < r.labels.length; j++) {
      const a = r.labels[i]!;
      const b = r.labels[j]!;
      if (overlap(a, b) > 0) out.push(`"${a.text}" overlaps "${b.text}"`);
    }
  for (const p of r.pieces) {
    const box = r.boxes[p.box];
    if (box && !inside(p, box)) out.push(`${p.key} leaves ${p.box}`);
  }
  return out;
}

async function layout(page: Page): Promise<LayoutReport> {
  // The board has drawn (its art loads after Phaser starts), then a moment for the last redraw.
  await page.waitForFunction(() => {
    const layout = (window as unknown as { __gigawatt: { boardLayout: (() => LayoutReport) | null } }).__gigawatt.boardLayout;
    return layout !== null && layout().labels.length > 0;
  });
  await page.waitForTimeout(300);
  return page.evaluate(() => (window as unknown as { __gigawatt: { boardLayout: () => LayoutReport } }).__gigawatt.boardLayout());
}

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
}

async function scrubTo(page: Page, fraction: number): Promise<void> {
  const length = await page.evaluate(() => (window as unknown as { __gigawatt: { replay: { length: number } } }).__gigawatt.replay.length);
  await page.locator('[data-testid=scrub]').evaluate(
    (el: HTMLInputElement, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    Math.floor(length * fraction),
  );
}

describe.skipIf(!chromiumPath)('the board labels at every size, in both languages', () => {
  for (const lang of LANGS)
    for (const [w, hgt] of SIZES) {
      test(`at ${w}×${hgt} in ${lang}, labels are readable, inside their boxes and never overlap`, async () => {
        const { page, errors } = await openPage(app.browser, w, hgt, { touch: w < 1000, reducedMotion: true });
        await page.goto(app.url);
        await page.evaluate((l) => localStorage.setItem('gigawatt.lang', l), lang);
        await page.goto(`${app.url}#/replay?url=${encodeURIComponent('./layout-match.json')}`);
        await page.reload();
        expect(await page.evaluate(() => (window as unknown as { __gigawatt: { lang: string } }).__gigawatt.lang)).toBe(lang);
        await page.waitForFunction(() => (window as unknown as { __gigawatt: { replay: unknown } }).__gigawatt.replay !== null);
        for (const at of [0.55, 0.95]) {
          await scrubTo(page, at);
          const report = await layout(page);
          expect(report.labels.length).toBeGreaterThan(80);
          expect(problems(report), `replay at ${at}`).toEqual([]);
          expect(await pageWidth(page)).toBeLessThanOrEqual(w);
          if (at > 0.9) {
            await shot(page, `layout-replay-${w}x${hgt}-${lang}`);
            writeFileSync(join(SCREENSHOTS, `layout-replay-${w}x${hgt}-${lang}.json`), JSON.stringify(report, null, 1));
          }
        }
        // The solo game page at its start.
        await page.goto(app.url);
        await page.waitForSelector('[data-testid=start]');
        expect(await pageWidth(page)).toBeLessThanOrEqual(w);
        await shot(page, `layout-home-${w}x${hgt}-${lang}`);
        await page.check('input[name=faction][value=china]', { force: true });
        await page.selectOption('#pace-select', 'instant');
        await page.click('[data-testid=start]');
        const report = await layout(page);
        expect(problems(report), 'game start').toEqual([]);
        expect(await pageWidth(page)).toBeLessThanOrEqual(w);
        await shot(page, `layout-game-${w}x${hgt}-${lang}`);
        expect(errors).toEqual([]);
      }, 90_000);
    }
});
