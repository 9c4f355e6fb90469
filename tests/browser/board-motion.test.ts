/**
 * The board's motion, in headless Chromium, on a medium-bot game replayed one action at a time:
 * with reduced motion (the system's, emulated, or the player's own setting) no tween ever runs;
 * with motion, builds, releases, scorings, incidents and headlines move, one short step after
 * another, and once the motion ends the board is exactly what reduced motion draws (the same
 * objects at the same places, the same labels, the same pixels).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { LayoutReport, MotionKind, MotionReport } from '../../src/client/board/BoardScene.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { serializeMatch } from '../../src/match/index.js';
import { playRecorded } from '../../src/sim/run/game-record.js';
import { chromiumPath, openPage, shot, useBuiltApp } from './harness.js';

const app = useBuiltApp(() => {
  const { match } = playRecorded(defaultRules(), { seed: 'layout', bots: ['medium', 'medium', 'medium'], rotate: false, saveMatches: true }, 0);
  return { '/motion-match.json': serializeMatch(match!) };
});

type Win = {
  __gigawatt: {
    replay: { index: number; length: number } | null;
    boardMotion: (() => MotionReport) | null;
    boardDisplay: () => string[];
    boardLayout: () => LayoutReport;
  };
};

async function openReplay(page: Page): Promise<void> {
  await page.goto(`${app.url}#/replay?url=${encodeURIComponent('./motion-match.json')}`);
  await page.waitForFunction(() => {
    const h = (window as unknown as Win).__gigawatt;
    return h.replay !== null && h.boardMotion !== null;
  });
  await page.waitForTimeout(300);
}

const motion = (page: Page) => page.evaluate(() => (window as unknown as Win).__gigawatt.boardMotion!());

/** Steps the replay forward once; resolves when the board has taken the new position. */
async function step(page: Page): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as Win).__gigawatt.replay!.index);
  await page.click('[data-testid=step-forward]');
  await page.waitForFunction((b) => (window as unknown as Win).__gigawatt.replay!.index > b, before);
}

async function scrubTo(page: Page, index: number): Promise<void> {
  await page.locator('[data-testid=scrub]').evaluate((el: HTMLInputElement, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, index);
}

/** The whole board as drawn: every object with its place, the labels' layout, the canvas pixels. */
async function board(page: Page): Promise<{ display: string[]; layout: LayoutReport; pixels: Buffer }> {
  await page.waitForTimeout(250);
  const { display, layout } = await page.evaluate(() => {
    const h = (window as unknown as Win).__gigawatt;
    return { display: h.boardDisplay(), layout: h.boardLayout() };
  });
  const c = layout.canvas;
  return { display, layout, pixels: await page.screenshot({ clip: { x: c.x, y: c.y, width: c.w, height: c.h }, timeout: 60_000 }) };
}

describe.skipIf(!chromiumPath)('the board moves where something happens, and never under reduced motion', () => {
  test('with reduced motion emulated, or the board animations turned off, no tween runs while the game goes on', async () => {
    const { page, errors } = await openPage(app.browser, 1280, 720);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openReplay(page);
    for (let i = 0; i < 40; i++) {
      await step(page);
      const m = await motion(page);
      expect(m.live, `tweens running after step ${i + 1}`).toBe(0);
    }
    expect(await motion(page)).toMatchObject({ tweens: 0, steps: 0, busy: false });
    // The player's own setting does the same without the system's.
    const { page: page2, errors: errors2 } = await openPage(app.browser, 1280, 720);
    await page2.goto(app.url);
    await page2.evaluate(() => localStorage.setItem('gigawatt.motion', 'off'));
    await openReplay(page2);
    for (let i = 0; i < 25; i++) await step(page2);
    expect(await motion(page2)).toMatchObject({ tweens: 0, steps: 0, live: 0 });
    expect(errors).toEqual([]);
    expect(errors2).toEqual([]);
  }, 120_000);

  test('with motion, a build rises and the board it leaves is exactly the board drawn without motion', async () => {
    const { page, errors } = await openPage(app.browser, 1280, 720);
    await openReplay(page);
    const length = await page.evaluate(() => (window as unknown as Win).__gigawatt.replay!.length);
    const seen = new Set<string>();
    let buildAt = -1;
    let longest = 0;
    for (let i = 0; i < length - 1; i++) {
      const before = await motion(page);
      const t0 = Date.now();
      await step(page);
      const after = await motion(page);
      const kinds = (Object.keys(after.kinds) as MotionKind[]).filter((k) => (after.kinds[k] ?? 0) > (before.kinds[k] ?? 0));
      for (const k of kinds) seen.add(k);
      if (after.steps > before.steps) {
        expect(after.tweens).toBeGreaterThan(before.tweens);
        // Queued steps of at most 600 ms each: the motion is over within the steps' time.
        await page.waitForFunction(() => !(window as unknown as Win).__gigawatt.boardMotion!().busy, null, { timeout: 15_000, polling: 30 });
        const done = await motion(page);
        longest = Math.max(longest, (Date.now() - t0) / Math.max(1, done.steps - before.steps));
      }
      if (buildAt < 0 && kinds.includes('build') && !kinds.includes('scoring')) {
        buildAt = i;
        break;
      }
    }
    expect(buildAt).toBeGreaterThanOrEqual(0);
    expect(seen.has('build')).toBe(true);
    const moved = await board(page);
    await shot(page, 'motion-after-build-1280x720');
    // The same position drawn again under reduced motion, from the same previous position.
    const tweens = (await motion(page)).tweens;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await scrubTo(page, buildAt);
    await step(page);
    const still = await board(page);
    expect((await motion(page)).tweens).toBe(tweens);
    expect(moved.display).toEqual(still.display);
    expect(moved.layout).toEqual(still.layout);
    expect(moved.pixels.equals(still.pixels)).toBe(true);
    expect(errors).toEqual([]);
  }, 240_000);

  test('with motion, a whole game replayed step by step shows every kind of motion, one step after another', async () => {
    const { page, errors } = await openPage(app.browser, 1280, 720);
    await openReplay(page);
    const length = await page.evaluate(() => (window as unknown as Win).__gigawatt.replay!.length);
    const shots = new Set<string>();
    for (let i = 0; i < length; i++) {
      const before = await motion(page);
      await step(page);
      const m = await motion(page);
      // A picture in the middle of the first scoring, release and headline.
      for (const k of ['scoring', 'release', 'headline'] as const)
        if ((m.kinds[k] ?? 0) > (before.kinds[k] ?? 0) && !shots.has(k)) {
          shots.add(k);
          await shot(page, `motion-${k}-1280x720`);
        }
      // Never more than one step running: the live tweens are those of one step (at most a few dozen pieces).
      if (m.busy) await page.waitForFunction(() => !(window as unknown as Win).__gigawatt.boardMotion!().busy, null, { timeout: 15_000, polling: 50 });
    }
    const m = await motion(page);
    for (const k of ['build', 'gpu', 'influence', 'release', 'scoring', 'headline'] as const) expect(m.kinds[k] ?? 0, k).toBeGreaterThan(0);
    expect(m.busy).toBe(false);
    expect(errors).toEqual([]);
  }, 300_000);
});
