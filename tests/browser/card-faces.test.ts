/**
 * The card faces in headless Chromium, at 390×844, 1280×720 and 1920×1080 in English and French:
 * the hand and this round's headlines in a solo game, every card after the rulebook, and the
 * debrief's real facts and the log's headline lines in a replay. Each face's art must load, its
 * title be at least 12 px, and nothing stick out of the screen or of the card. Screenshots go
 * to out/screenshots/cards-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { serializeMatch } from '../../src/match/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { playRecorded } from '../../src/sim/run/game-record.js';
import { chromiumPath, openPage, shot, useBuiltApp } from './harness.js';

const SIZES = [
  [390, 844],
  [1280, 720],
  [1920, 1080],
] as const;
const LANGS = ['en', 'fr'] as const;

/** What the page's card faces look like, measured. */
interface FaceCheck {
  faces: number;
  broken: string[];
  smallTitles: string[];
  outside: string[];
  clipped: string[];
}

/** Measures every card face under `scope`: art loaded, title size, inside the screen, nothing cut. */
function checkFaces(page: Page, scope: string): Promise<FaceCheck> {
  return page.evaluate(async (sel) => {
    const faces = [...document.querySelectorAll<HTMLElement>(`${sel} .cardface`)];
    const images = faces.flatMap((f) => [...f.querySelectorAll<HTMLImageElement>('img.cf-art')]);
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
    const out = { faces: faces.length, broken: [] as string[], smallTitles: [] as string[], outside: [] as string[], clipped: [] as string[] };
    const width = document.documentElement.clientWidth;
    for (const f of faces) {
      const id = f.dataset.card ?? '?';
      const img = f.querySelector<HTMLImageElement>('img.cf-art');
      if (!img?.complete || img.naturalWidth === 0) out.broken.push(id);
      const title = f.querySelector<HTMLElement>('.cf-title');
      if (!title || Number.parseFloat(getComputedStyle(title).fontSize) < 12) out.smallTitles.push(id);
      const r = f.getBoundingClientRect();
      if (r.left < -1 || r.right > width + 1) out.outside.push(`${id} ${Math.round(r.left)}..${Math.round(r.right)} of ${width}`);
      for (const part of f.querySelectorAll<HTMLElement>('.cf-band, .cf-body, .cf-title, .cf-meta, .cf-text')) {
        const p = part.getBoundingClientRect();
        if (part.scrollWidth > part.clientWidth + 1 || p.right > r.right + 1 || p.left < r.left - 1) out.clipped.push(`${id} .${part.className}`);
      }
    }
    return out;
  }, scope);
}

function expectClean(c: FaceCheck, what: string): void {
  expect(c.faces, what).toBeGreaterThan(0);
  expect(c.broken, what).toEqual([]);
  expect(c.smallTitles, what).toEqual([]);
  expect(c.outside, what).toEqual([]);
  expect(c.clipped, what).toEqual([]);
}

async function openIn(lang: string, width: number, height: number) {
  const opened = await openPage(app.browser, width, height);
  await opened.page.addInitScript((l) => localStorage.setItem('gigawatt.lang', l), lang);
  return opened;
}

const app = useBuiltApp(() => {
  const match = playRecorded(defaultRules(), { seed: 'card-faces', bots: ['random', 'random', 'random'], rotate: false, saveMatches: true }, 0).match;
  return { '/card-faces-match.json': serializeMatch(match!) };
});

describe.skipIf(!chromiumPath)('card faces in a real browser', () => {
  test('the hand and this round’s headlines show card faces with their art, inside the screen, on a phone, a laptop and a projector, in English and French', {
    timeout: 240_000,
  }, async () => {
    for (const lang of LANGS) {
      for (const [w, h] of SIZES) {
        const { page, errors } = await openIn(lang, w, h);
        await page.goto(app.url);
        await page.waitForSelector('[data-testid=start]');
        await page.check('input[name=faction][value=eu]');
        await page.fill('#seed', 'card-faces');
        await page.selectOption('#pace-select', 'instant');
        await page.click('[data-testid=start]');
        await page.waitForSelector('.hand .cardface');
        await page.waitForSelector('.headlines .cardface');
        const what = `${lang} ${w}×${h}`;
        expectClean(await checkFaces(page, '.hand'), `hand ${what}`);
        expectClean(await checkFaces(page, '.headlines'), `headlines ${what}`);
        await page.locator('.headlines').scrollIntoViewIfNeeded();
        await shot(page, `cards-headlines-${w}x${h}-${lang}`);
        await page.locator('.hand .cardface').last().scrollIntoViewIfNeeded();
        await shot(page, `cards-hand-${w}x${h}-${lang}`);
        expect(errors, what).toEqual([]);
        await page.context().close();
      }
    }
  });

  test('the rulebook ends with the face of every event and strategy card, in English and French', { timeout: 240_000 }, async () => {
    const rules = defaultRules();
    for (const lang of LANGS) {
      for (const [w, h] of SIZES) {
        const { page, errors } = await openIn(lang, w, h);
        await page.goto(`${app.url}#/rules`);
        await page.waitForSelector('.cards-appendix .cardface');
        const c = await checkFaces(page, '.cards-appendix');
        expectClean(c, `rulebook ${lang} ${w}×${h}`);
        expect(c.faces).toBe(rules.eventList.length + rules.cardList.length);
        await page.locator('.cards-appendix h2').scrollIntoViewIfNeeded();
        await shot(page, `cards-rulebook-${w}x${h}-${lang}`);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    }
  });

  test('a replay’s log shows each headline with its art, and its debrief tells the real facts on the cards drawn', { timeout: 360_000 }, async () => {
    for (const lang of LANGS) {
      for (const [w, h] of SIZES) {
        const { page, errors } = await openIn(lang, w, h);
        await page.goto(`${app.url}#/replay?url=${encodeURIComponent('./card-faces-match.json')}`);
        await page.waitForSelector('[data-testid=scrub]');
        const length = await page.locator('[data-testid=scrub]').evaluate((el: HTMLInputElement) => Number(el.max));
        await page.locator('[data-testid=scrub]').evaluate((el: HTMLInputElement, v) => {
          el.value = String(v);
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }, length);
        await page.waitForSelector('.debrief-inline .era .cardface');
        expectClean(await checkFaces(page, '.debrief-inline'), `debrief ${lang} ${w}×${h}`);
        const thumbs = await page.locator('.log .log-event img.cf-thumb').count();
        expect(thumbs).toBe(await page.locator('.log .log-event').count());
        expect(thumbs).toBeGreaterThan(0);
        await page.locator('.debrief-inline .era .cardface').first().scrollIntoViewIfNeeded();
        await shot(page, `cards-debrief-${w}x${h}-${lang}`);
        await page.locator('.log .log-event').last().scrollIntoViewIfNeeded();
        await shot(page, `cards-log-${w}x${h}-${lang}`);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    }
  });
});
