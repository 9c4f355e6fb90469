/**
 * The game on a phone and the small fixes of the board, in headless Chromium against the built
 * app: on a 390×844 touch screen the page is never wider than the screen, every control is at
 * least 44 px tall, the board stays in sight while the panel scrolls to the actions, the zoom
 * buttons zoom; the keyboard's focus stays in the panel after a move; a scoring is explained in
 * the log (French with its space before the colon) and the panel; a new game asks before it
 * replaces the game in progress. Screenshots go to out/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { chromiumPath, openPage, readHook, shot, useBuiltApp } from './harness.js';

const app = useBuiltApp();

type G = {
  __gigawatt: {
    lang: string;
    firstBoardMs: number | null;
    game: { active: string | null; seat: string | null; over: boolean; thinking: string | null; actions: number; round: number } | null;
    boardLayout: (() => { zoom: number; labels: unknown[] }) | null;
  };
};

async function start(page: Page, lang: 'en' | 'fr', seed: string): Promise<void> {
  await page.goto(app.url);
  await page.evaluate((l) => localStorage.setItem('gigawatt.lang', l), lang);
  await page.reload();
  await page.waitForSelector('[data-testid=start]');
  await page.fill('#seed', seed);
  await page.selectOption('#pace-select', 'instant');
  await page.click('[data-testid=start]');
  await page.waitForFunction(() => {
    const layout = (window as unknown as G).__gigawatt.boardLayout;
    return layout !== null && layout().labels.length > 0;
  });
}

async function myTurn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const g = (window as unknown as G).__gigawatt.game;
      return !!g && (g.over || (g.active === g.seat && g.thinking === null));
    },
    null,
    { timeout: 60_000, polling: 100 },
  );
}

/** One move through the panel by keyboard: focus the first open action, Enter, and Enter again on a picker's first option. */
async function keyboardMove(page: Page): Promise<void> {
  const before = (await readHook(page)).game?.actions ?? 0;
  await page.locator('.actions [data-enabled="true"]').first().focus();
  await page.keyboard.press('Enter');
  if (await page.locator('.picker').count()) {
    if (await page.locator('.picker input[type=checkbox]').count()) {
      await page.keyboard.press('Space');
      await page.locator('.picker [data-enabled="true"]').first().focus();
    }
    await page.keyboard.press('Enter');
  }
  await page.waitForFunction((b) => ((window as unknown as G).__gigawatt.game?.actions ?? 0) > b, before, { polling: 50 });
}

describe.skipIf(!chromiumPath)('the game on a phone, and the small fixes', () => {
  test('on a 390×844 phone the page fits, controls are 44 px, the board stays in sight and zooms', async () => {
    const { page, errors } = await openPage(app.browser, 390, 844, { touch: true, reducedMotion: true });
    await start(page, 'fr', 'phone');
    await myTurn(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    // Every visible control of the page, header included, is at least 44 px tall.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, a, select, input[type=text]')]
        .filter((el) => el.offsetParent !== null && !el.closest('.log') && !el.classList.contains('skip'))
        .map((el) => ({ text: el.textContent?.trim().slice(0, 30), h: el.getBoundingClientRect().height }))
        .filter((c) => c.h < 44),
    );
    expect(small).toEqual([]);
    // The panel scrolls to the last action; the board does not move.
    const board = async () => page.locator('.board-wrap').boundingBox();
    const top = await board();
    await page.locator('.actions .act').last().scrollIntoViewIfNeeded();
    expect(await board()).toEqual(top);
    expect(top!.height).toBeGreaterThan(300);
    const zoom = () => page.evaluate(() => (window as unknown as G).__gigawatt.boardLayout!().zoom);
    const z0 = await zoom();
    await page.locator('[data-testid=zoom-in]').tap();
    expect(await zoom()).toBeGreaterThan(z0);
    await page.locator('[data-testid=zoom-fit]').tap();
    expect(await zoom()).toBeLessThan(z0);
    await shot(page, 'phone-whole-board-390x844-fr');
    await page.locator('[data-testid=zoom-in]').tap();
    // A tap on an action plays it.
    const before = (await readHook(page)).game!.actions;
    await page.locator('.actions [data-key="type-collect"]').tap();
    await page.waitForFunction((b) => ((window as unknown as G).__gigawatt.game?.actions ?? 0) > b, before);
    await shot(page, 'phone-after-tap-390x844-fr');
    expect(errors).toEqual([]);
  }, 120_000);

  test('focus stays in the panel after each move, and a scoring is explained in the log and the panel', async () => {
    const { page, errors } = await openPage(app.browser, 1280, 720, { reducedMotion: true });
    await start(page, 'fr', 'scoring-e2e');
    for (let i = 0; i < 40; i++) {
      await myTurn(page);
      const g = (await readHook(page)).game!;
      if (g.over || g.round > 3) break;
      for (let k = 0; k < 4 && (await page.locator('.actions [data-key^="choose"]').count()) > 0; k++) {
        await page.locator('.actions [data-key^="choose"]').first().focus();
        await page.keyboard.press('Enter');
        await myTurn(page);
      }
      if ((await readHook(page)).game!.round > 3) break;
      await keyboardMove(page);
      await myTurn(page);
      // Focus came back into the panel (never the page's body).
      expect(await page.evaluate(() => !!document.activeElement?.closest('.panel'))).toBe(true);
    }
    const line = page.locator('.log .log-scoring').first();
    await line.waitFor();
    expect(await line.textContent()).toMatch(/^Décompte à la fin du tour 3 : États-Unis : \+\d+ PV \(régions \d+, programme \d+\)/);
    const moveLine = await page.locator('.log li.log-move').first().textContent();
    expect(moveLine).toMatch(/^\S+ [^:]+ : /);
    await page.locator('[data-testid=scoring] summary').click();
    expect(await page.locator('.scoring-table tbody tr').count()).toBeGreaterThanOrEqual(11);
    await shot(page, 'scoring-panel-1280x720-fr');
    expect(errors).toEqual([]);
  }, 240_000);

  test('a new game asks before it replaces the game in progress', async () => {
    const { page, errors } = await openPage(app.browser, 1280, 720, { reducedMotion: true });
    await start(page, 'en', 'keep-me');
    await myTurn(page);
    await keyboardMove(page);
    await page.goto(`${app.url}#/`);
    await page.waitForSelector('[data-testid=start]');
    await page.fill('#seed', 'another');
    await page.click('[data-testid=start]');
    await page.waitForSelector('[data-testid=replace-yes]');
    expect(await page.locator('.confirm-replace p').textContent()).toContain('You have a game in progress (US,');
    await shot(page, 'confirm-replace-1280x720-en');
    await page.click('[data-testid=replace-no]');
    await page.waitForFunction(() => (window as unknown as G).__gigawatt.game !== null);
    expect((await readHook(page)).game!.actions).toBeGreaterThan(0);
    await page.goto(`${app.url}#/`);
    await page.fill('#seed', 'another');
    await page.click('[data-testid=start]');
    const kept = (await readHook(page)).game?.actions ?? 0;
    await page.click('[data-testid=replace-yes]');
    await page.waitForFunction(() => (window as unknown as G).__gigawatt.game !== null);
    // The game replaced was put aside: the home page lists it (faction, round, date) and brings it back.
    await page.goto(`${app.url}#/`);
    await page.waitForSelector('.shelf li');
    expect(await page.locator('.shelf li').first().textContent()).toMatch(/^US · round 1 · .+ · \d+ actions/);
    await shot(page, 'shelf-1280x720-en');
    await page.click('[data-testid=shelf-resume]');
    await page.waitForFunction((n) => ((window as unknown as G).__gigawatt.game?.actions ?? -1) >= n, kept);
    expect(errors).toEqual([]);
  }, 120_000);
});
