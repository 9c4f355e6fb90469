/**
 * End-to-end tests of the board in headless Chromium, against the built app served locally:
 * a solo game played to its end through the UI, a reload that resumes, a replay loaded and
 * scrubbed, the language switched, the keyboard, touch, and the measures (first board, sizes,
 * responsiveness while a hard bot thinks). Screenshots go to out/screenshots/.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { boardColours, chromiumPath, openPage, readHook, ROOT, SCREENSHOTS, shot, useBuiltApp } from './harness.js';

const OUT = join(ROOT, 'out');
const metrics: Record<string, unknown> = {};
let matchText = '';
const served: Record<string, string> = {};

/** Starts a solo game from the home form. */
async function startSolo(page: Page, opts: { faction?: string; level?: string; seed: string; pace?: string; query?: string }): Promise<void> {
  await page.goto(`${app.url}${opts.query ?? ''}`);
  await page.waitForSelector('[data-testid=start]');
  await page.check(`input[name=faction][value=${opts.faction ?? 'us'}]`);
  for (const select of await page.locator('.levels select').all()) await select.selectOption(opts.level ?? 'random');
  await page.fill('#seed', opts.seed);
  await page.selectOption('#pace-select', opts.pace ?? 'instant');
  await page.click('[data-testid=start]');
  await page.waitForFunction(() => (window as unknown as { __gigawatt: { firstBoardMs: number | null; game: unknown } }).__gigawatt.game !== null);
}

/** Waits until it is the person's turn or the game is over. */
async function waitMyTurn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const g = (window as unknown as { __gigawatt: { game: { active: string | null; seat: string | null; over: boolean; thinking: string | null } | null } })
        .__gigawatt.game;
      return !!g && (g.over || (g.active === g.seat && g.thinking === null));
    },
    null,
    { timeout: 60_000, polling: 100 },
  );
}

/** Answers the headline choices the person's seat faces (new events ask some in round 1), until its ordinary turn. */
async function answerHeadlines(page: Page): Promise<void> {
  for (let i = 0; i < 4 && (await page.locator('.actions [data-key^="choose"]').count()) > 0; i++) {
    await page.locator('.actions [data-key^="choose"]').first().click();
    await waitMyTurn(page);
  }
}

/** Plays one move through the panel: the n-th open action (rotating), then the first open option. */
async function playOneMove(page: Page, n: number): Promise<void> {
  const before = (await readHook(page)).game?.actions ?? 0;
  const open = page.locator('.actions [data-enabled="true"]');
  const count = await open.count();
  expect(count).toBeGreaterThan(0);
  await open.nth(n % count).click();
  if (await page.locator('.picker').count()) {
    const boxes = page.locator('.picker input[type=checkbox]');
    if (await boxes.count()) {
      const need = Number((await page.locator('.picker p').first().textContent())?.match(/\d+/)?.[0] ?? 1);
      for (let i = 0; i < need; i++) await boxes.nth(i).check();
    }
    await page.locator('.picker [data-enabled="true"]').first().click();
  }
  await page.waitForFunction((b) => ((window as unknown as { __gigawatt: { game: { actions: number } | null } }).__gigawatt.game?.actions ?? 0) > b, before, {
    polling: 50,
  });
}

const app = useBuiltApp(() => served, 120_000);

beforeAll(() => mkdirSync(OUT, { recursive: true }));

afterAll(() => {
  if (Object.keys(metrics).length) {
    writeFileSync(join(OUT, 'board-metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
    process.stdout.write(`\nboard metrics: ${JSON.stringify(metrics)}\n`);
  }
});

describe.skipIf(!chromiumPath)('the board in a real browser', () => {
  test('a solo game against random bots is played to its end through the UI', { timeout: 300_000 }, async () => {
    const { page, errors } = await openPage(app.browser);
    await startSolo(page, { seed: 'e2e-solo' });
    await page.waitForFunction(() => (window as unknown as { __gigawatt: { firstBoardMs: number | null } }).__gigawatt.firstBoardMs !== null);
    expect(await boardColours(page)).toBeGreaterThan(50);
    await shot(page, 'solo-start-1280x720');
    let moves = 0;
    for (;;) {
      await waitMyTurn(page);
      const hook = await readHook(page);
      if (hook.game?.over) break;
      await playOneMove(page, moves++);
      if (moves === 6) await shot(page, 'solo-midgame');
      expect(moves).toBeLessThan(80);
    }
    await page.waitForSelector('.over:not([hidden])');
    await shot(page, 'solo-end');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=export]');
    const file = await (await download).path();
    matchText = readFileSync(file, 'utf8');
    writeFileSync(join(OUT, 'e2e-match.json'), matchText);
    served['/e2e-match.json'] = matchText;
    expect(JSON.parse(matchText).format).toBe('gigawatt-match');
    await page.click('[data-testid=debrief]');
    await page.waitForSelector('.chart canvas');
    await page.waitForTimeout(800);
    expect(await page.locator('.chart canvas').count()).toBe(5);
    await page.screenshot({ path: join(OUT, 'screenshots', 'debrief.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  test('a reload in the middle of a game resumes it, and the board shows again quickly', async () => {
    const { page, errors } = await openPage(app.browser);
    await startSolo(page, { seed: 'e2e-reload', level: 'random' });
    for (let i = 0; i < 4; i++) {
      await waitMyTurn(page);
      await playOneMove(page, i * 3);
    }
    await waitMyTurn(page);
    const before = (await readHook(page)).game!;
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __gigawatt: { firstBoardMs: number | null } }).__gigawatt.firstBoardMs !== null);
    const after = await readHook(page);
    expect(after.game?.actions).toBe(before.actions);
    expect(after.game?.round).toBe(before.round);
    metrics.firstBoardMs = after.firstBoardMs;
    expect(await boardColours(page)).toBeGreaterThan(50);
    await shot(page, 'reload-resumed');
    // The keyboard alone: focus an open action and press Enter (then Enter on the first option).
    await page.focus('.actions [data-enabled="true"]');
    await page.keyboard.press('Enter');
    if (await page.locator('.picker').count()) {
      const boxes = page.locator('.picker input[type=checkbox]');
      if (await boxes.count()) await page.keyboard.press('Escape');
      else await page.keyboard.press('Enter');
    }
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
  });

  // Two pages, one at 1920×1080, each booting the board: about 35 s on a clean-clone CI run, 63 s
  // once when the machine ran other jobs too (vitest's default budget is 60 s).
  test('a replay loads from a file and from a URL, scrubs, steps, plays and forks', { timeout: 180_000 }, async () => {
    expect(matchText).not.toBe('');
    const { page, errors } = await openPage(app.browser, 1920, 1080);
    await page.goto(`${app.url}#/replay`);
    await page.setInputFiles('#match-file', join(OUT, 'e2e-match.json'));
    await page.waitForFunction(() => (window as unknown as { __gigawatt: { replay: unknown } }).__gigawatt.replay !== null);
    const length = (await readHook(page)).replay!.length;
    expect(length).toBe(JSON.parse(matchText).actions.length);
    for (let i = 0; i < 3; i++) await page.click('[data-testid=step-forward]');
    expect((await readHook(page)).replay!.index).toBe(3);
    await page.click('[data-testid=step-back]');
    expect((await readHook(page)).replay!.index).toBe(2);
    await page.locator('[data-testid=scrub]').evaluate(
      (el: HTMLInputElement, v) => {
        el.value = String(v);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      },
      Math.floor(length / 2),
    );
    expect((await readHook(page)).replay!.index).toBe(Math.floor(length / 2));
    await page.selectOption('[data-testid=jump]', '4');
    const atRound4 = (await readHook(page)).replay!.index;
    expect(atRound4).toBeGreaterThan(0);
    await page.click('[data-testid=play-pause]');
    await page.waitForTimeout(1500);
    await page.click('[data-testid=play-pause]');
    expect((await readHook(page)).replay!.index).toBeGreaterThan(atRound4);
    await page.waitForTimeout(700);
    expect(await boardColours(page)).toBeGreaterThan(50);
    await shot(page, 'replay-1920x1080');
    await page.locator('[data-testid=scrub]').evaluate((el: HTMLInputElement, v) => {
      el.value = String(v);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, length);
    await page.waitForSelector('.debrief-inline .chart canvas');
    await shot(page, 'replay-end-debrief');
    // The same match from a URL.
    const { page: page2, errors: errors2 } = await openPage(app.browser);
    await page2.goto(`${app.url}#/replay?url=${encodeURIComponent('./e2e-match.json')}`);
    await page2.waitForFunction(() => (window as unknown as { __gigawatt: { replay: unknown } }).__gigawatt.replay !== null);
    await page2.click('[data-testid=step-forward]');
    await page2.click('[data-testid=fork]');
    await page2.waitForFunction(() => (window as unknown as { __gigawatt: { game: unknown } }).__gigawatt.game !== null);
    expect((await readHook(page2)).game!.actions).toBeGreaterThanOrEqual(1);
    expect(errors).toEqual([]);
    expect(errors2).toEqual([]);
  });

  test('the language switches to French and back at any time', async () => {
    const { page, errors } = await openPage(app.browser);
    await startSolo(page, { seed: 'e2e-lang', pace: 'normal' });
    await waitMyTurn(page);
    await answerHeadlines(page);
    await page.click('[data-testid=lang]');
    await page.waitForFunction(() => (window as unknown as { __gigawatt: { lang: string } }).__gigawatt.lang === 'fr');
    await page.waitForTimeout(400);
    expect(await page.locator('.group h3').allTextContents()).toContain('Construire et équiper');
    expect(await page.locator('[data-testid=export]').textContent()).toBe('Exporter la partie');
    await shot(page, 'french');
    await page.click('[data-testid=lang]');
    await page.waitForFunction(() => (window as unknown as { __gigawatt: { lang: string } }).__gigawatt.lang === 'en');
    expect(await page.locator('[data-testid=export]').textContent()).toBe('Export match');
    await page.goto(`${app.url}#/rules`);
    await page.waitForSelector('.rulebook h1');
    expect(await page.locator('.rulebook h1').first().textContent()).toContain('Rulebook');
    await page.click('[data-testid=lang]');
    await page.waitForFunction(() => document.querySelector('.rulebook h1')?.textContent?.includes('Règle') ?? false);
    await shot(page, 'rulebook-fr');
    await page.goto(`${app.url}#/join`);
    await shot(page, 'join-placeholder');
    expect(errors).toEqual([]);
  });

  test('touch works on a tablet-sized screen with reduced motion', async () => {
    const { page, errors } = await openPage(app.browser, 1024, 768, { touch: true, reducedMotion: true });
    await startSolo(page, { seed: 'e2e-touch' });
    await waitMyTurn(page);
    const before = (await readHook(page)).game!.actions;
    await page.locator('.actions [data-key="type-collect"]').tap();
    await page.waitForFunction((b) => ((window as unknown as { __gigawatt: { game: { actions: number } } }).__gigawatt.game.actions ?? 0) > b, before);
    await shot(page, 'tablet-touch');
    expect(errors).toEqual([]);
  });

  test('input stays responsive while a hard bot thinks in its worker', async () => {
    // Hard bots with a large budget (?hard=150 rollouts: seconds a decision), so "while the bot
    // thinks" is a wide window whatever the machine's load.
    const { page, errors } = await openPage(app.browser, 1280, 720, { reducedMotion: true });
    await startSolo(page, { faction: 'eu', level: 'hard', seed: 'e2e-hard', pace: 'instant', query: '?hard=150' });
    await waitMyTurn(page);
    await page.evaluate(() => {
      const w = window as unknown as { __ticks: number[] };
      w.__ticks = [];
      window.setInterval(() => w.__ticks.push(performance.timeOrigin + performance.now()), 5);
    });
    await playOneMove(page, 0);
    const thinking = () =>
      page.evaluate(() => (window as unknown as { __gigawatt: { game: { thinking: string | null } | null } }).__gigawatt.game?.thinking ?? null);
    await page.waitForFunction(
      () => (window as unknown as { __gigawatt: { game: { thinking: string | null } | null } }).__gigawatt.game?.thinking != null,
      null,
      {
        timeout: 10_000,
        polling: 20,
      },
    );
    // A real click while a bot thinks is handled at once, and the bot is still thinking after.
    const t0 = Date.now();
    await page.locator('.tools button').nth(1).click({ timeout: 5000 });
    await page.waitForSelector('.coach:not([hidden])', { timeout: 5000 });
    metrics.guideClickWhileBotsThinkMs = Date.now() - t0;
    expect(await thinking()).not.toBeNull();
    await waitMyTurn(page);
    const { spans, ticks } = await page.evaluate(() => {
      const w = window as unknown as { __ticks: number[]; __gigawatt: { botThinking: { start: number; end: number }[] } };
      return { spans: [...w.__gigawatt.botThinking], ticks: [...w.__ticks] };
    });
    // The decisions ran in the Web Worker (their timing comes from there), and the page's own
    // timer kept firing during each of them.
    expect(page.workers().some((w) => w.url().includes('bot-worker'))).toBe(true);
    const during = spans.filter((s) => s.start >= (ticks[0] ?? Number.POSITIVE_INFINITY));
    expect(during.length).toBeGreaterThan(0);
    const ticksInside = during.map((s) => ticks.filter((t) => t > s.start && t < s.end).length);
    metrics.whileHardBotsThink = { decisions: during.length, thinkingMs: during.map((s) => Math.round(s.end - s.start)), ticksInside };
    for (const n of ticksInside) expect(n).toBeGreaterThan(0);

    await shot(page, 'hard-bots');
    // Under each bot move, the log shows its reason and the other actions it weighed.
    const weighed = page.locator('.log .weighed');
    expect(await weighed.count()).toBeGreaterThan(0);
    expect(await weighed.first().textContent()).toMatch(/^Also weighed: .+ \(−\d+(\.\d)? VP\)/);
    await page.locator('.log').screenshot({ path: join(SCREENSHOTS, 'hard-bots-log.png') });
    expect(errors).toEqual([]);
  }, 180_000);

  test('the app code stays small beside its own Phaser chunk', () => {
    const dist = app.dist;
    const dir = join(dist, 'assets');
    let code = 0;
    let phaser = 0;
    let chartjs = 0;
    for (const f of readdirSync(dir)) {
      if (!/\.(js|css)$/.test(f)) continue;
      const gz = gzipSync(readFileSync(join(dir, f))).length;
      if (f.startsWith('phaser-')) phaser += gz;
      else if (f.startsWith('chartjs-')) chartjs += gz;
      else code += gz;
    }
    const html = gzipSync(readFileSync(join(dist, 'index.html'))).length;
    metrics.gzipKb = { app: Math.round((code + html) / 102.4) / 10, phaser: Math.round(phaser / 102.4) / 10, chartjs: Math.round(chartjs / 102.4) / 10 };
    expect(phaser).toBeGreaterThan(100_000);
    expect(code + html).toBeLessThan(300 * 1024);
  });
});
