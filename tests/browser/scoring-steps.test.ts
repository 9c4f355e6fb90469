/**
 * The scoring told step by step on the game page, in headless Chromium: the US's move that ends
 * round 3 brings the scoring over the board one line at a time (each region where someone scored,
 * lit on the map, then the agendas and the total); "Skip" or Esc shows every line at once; under
 * reduced motion every line comes at once. Screenshots at 390×844, 1280×720 and 1920×1080 in
 * English and French: out/screenshots/scoring-steps-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { SoloSave } from '../../src/client/session/solo-save.js';
import { activeSeat, applyActionInPlace, cloneState, createInitialState, legalActions, type FactionId } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { chromiumPath, openPage, shot, useBuiltApp } from './harness.js';

const app = useBuiltApp();
const rules = defaultRules();

/** A game stopped on the US's turn where any move ends round 3 and brings its scoring. */
function beforeScoring(): SoloSave {
  const state = createInitialState(rules, 'steps-e2e');
  const actions: SoloSave['actions'] = [];
  const scorings = (s: typeof state) => s.log.filter((e) => e.kind === 'scoring').length;
  for (;;) {
    const seat = activeSeat(state) as FactionId;
    const legal = legalActions(rules, state, seat);
    const scores = legal.map((a) => {
      const s = cloneState(state);
      applyActionInPlace(rules, s, seat, a);
      return scorings(s) > scorings(state);
    });
    if (seat === 'us' && scores.every(Boolean)) break;
    if (scores.some(Boolean)) throw new Error('the scoring comes on a bot’s move: choose another seed');
    applyActionInPlace(rules, state, seat, legal[0]!);
    actions.push({ seat, action: legal[0]! });
  }
  return { version: 1, rulesHash: rules.hash, seed: 'steps-e2e', human: 'us', levels: { us: 'medium', china: 'random', eu: 'random' }, actions };
}

type Steps = { shown: number; total: number; running: boolean } | null;
const steps = (page: Page): Promise<Steps> => page.evaluate(() => (window as unknown as { __gigawatt: { scoringSteps: Steps } }).__gigawatt.scoringSteps);

/** Opens the saved game in `lang` and plays the move that brings the scoring. */
async function score(page: Page, lang: 'en' | 'fr'): Promise<void> {
  const save = beforeScoring();
  await page.goto(app.url);
  await page.evaluate(
    ([l, s]) => {
      localStorage.setItem('gigawatt.lang', l);
      localStorage.setItem('gigawatt.solo.v1', s);
    },
    [lang, JSON.stringify(save)] as const,
  );
  await page.goto(`${app.url}#/play`);
  await page.reload();
  await page.waitForFunction(() => {
    const h = (window as unknown as { __gigawatt: { boardLayout: (() => { labels: unknown[] }) | null; game: { active: string | null } | null } }).__gigawatt;
    return h.boardLayout !== null && h.boardLayout().labels.length > 0 && h.game?.active === 'us';
  });
  await page.locator('.actions [data-key="type-collect"]').click();
  await page.waitForFunction(() => (window as unknown as { __gigawatt: { scoringSteps: Steps } }).__gigawatt.scoringSteps !== null);
}

const lines = (page: Page) => page.locator('[data-testid=scoring-steps] li').allTextContents();

describe.skipIf(!chromiumPath)('a scoring told step by step', () => {
  test('the scoring comes one line at a time, region by region, then agendas and the total; Esc shows the rest at once', { timeout: 90_000 }, async () => {
    const { page, errors } = await openPage(app.browser, 1280, 720);
    await score(page, 'en');
    const first = (await steps(page))!;
    expect(first.running).toBe(true);
    expect(first.total).toBeGreaterThanOrEqual(4);
    expect(first.shown).toBeLessThan(first.total);
    expect((await lines(page))[0]).toMatch(/^.+: (US|China|EU) \+\d.* \(★\d\)$/);
    await expect.poll(async () => (await steps(page))!.shown, { timeout: 5000 }).toBeGreaterThan(first.shown);
    expect((await steps(page))!.running).toBe(true);
    await page.keyboard.press('Escape');
    const done = (await steps(page))!;
    expect(done).toEqual({ shown: first.total, total: first.total, running: false });
    const all = await lines(page);
    expect(all).toHaveLength(first.total);
    expect(all.at(-2)).toMatch(/^Agendas: /);
    expect(all.at(-1)).toMatch(/^Total this scoring: US \+\d+/);
    // The lines add up: every region line's gains plus agendas (and the compute race) make the total.
    const sum: Record<string, number> = {};
    for (const line of all.slice(0, -1)) for (const [, who, n] of line.matchAll(/(US|China|EU) \+(\d+)/g)) sum[who!] = (sum[who!] ?? 0) + Number(n);
    const total: Record<string, number> = {};
    for (const [, who, n] of all.at(-1)!.matchAll(/(US|China|EU) \+(\d+)/g)) total[who!] = Number(n);
    expect(sum).toEqual(total);
    await page.click('[data-testid=scoring-close]');
    expect(await page.locator('[data-testid=scoring-steps]').isHidden()).toBe(true);
    expect(errors).toEqual([]);
  });

  test('"Skip" shows every line at once, on a phone, a laptop and a projector, in English and French', { timeout: 240_000 }, async () => {
    const sizes: [number, number][] = [
      [390, 844],
      [1280, 720],
      [1920, 1080],
    ];
    for (const lang of ['en', 'fr'] as const)
      for (const [w, h] of sizes) {
        const { page, errors } = await openPage(app.browser, w, h);
        await score(page, lang);
        await expect.poll(async () => (await steps(page))!.shown, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
        await shot(page, `scoring-steps-${w}-${lang}-step`);
        expect(await page.locator('[data-testid=scoring-skip]').textContent()).toBe(lang === 'en' ? 'Skip' : 'Passer');
        await page.click('[data-testid=scoring-skip]');
        const done = (await steps(page))!;
        expect(done.running).toBe(false);
        expect(await lines(page)).toHaveLength(done.total);
        expect((await lines(page)).at(-1)).toMatch(lang === 'en' ? /^Total this scoring: / : /^Total de ce décompte : /);
        const box = (await page.locator('[data-testid=scoring-steps]').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(w);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.waitForTimeout(400);
        await shot(page, `scoring-steps-${w}-${lang}-all`);
        expect(errors).toEqual([]);
        await page.context().close();
      }
  });

  test('under reduced motion every line comes at once', { timeout: 90_000 }, async () => {
    const { page, errors } = await openPage(app.browser, 1280, 720, { reducedMotion: true });
    await score(page, 'en');
    const s = (await steps(page))!;
    expect(s.running).toBe(false);
    expect(s.shown).toBe(s.total);
    expect(await page.locator('[data-testid=scoring-skip]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=scoring-close]').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
