/**
 * A class continued another day, in headless Chromium against the real server: the teacher
 * (1280×720) closes a playing class "for today" after a confirmation that says what is kept and
 * for how long; two students on 390×844 phones (one in French) see that the class is closed (not
 * an error), a move is refused with the reason, a reload and a newcomer opening the join link
 * see the class closed; reopened, the students are on the same seats, the turn has its whole
 * time again, and play goes on. Screenshots: out/screenshots/classroom-closed-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { api } from '../server/helpers.js';
import { joinSeat, useClassServer } from './class-harness.js';
import { chromiumPath, openPage, readHook, shot } from './harness.js';

const cls = useClassServer({ BOT_DELAY_MS: '150' });
const TURN_SECONDS = 60;

type Game = { round: number; active: string | null; seat: string | null; actions: number; over: boolean };
const game = async (page: Page) => (await readHook(page)).game as Game | null;
/** Waits until the page's game summary passes `check` (a JS expression on `g`). */
const waitGame = (page: Page, check: string, timeout = 60_000) =>
  page.waitForFunction(
    (body) => {
      const g = (window as unknown as { __gigawatt: { game: unknown } }).__gigawatt.game;
      return !!g && (new Function('g', `return ${body}`) as (g: unknown) => boolean)(g);
    },
    check,
    { timeout, polling: 100 },
  );
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/** Plays one move through the side panel (the first enabled action, or collecting). */
async function playOne(page: Page): Promise<void> {
  const collect = page.locator('.actions [data-key="type-collect"][data-enabled="true"]');
  if (await collect.count()) await collect.click();
  else {
    await page.locator('.actions [data-enabled="true"]').first().click();
    if (await page.locator('.picker').count()) await page.locator('.picker [data-enabled="true"]').first().click();
  }
}

describe.skipIf(!chromiumPath)('closing a class until the next lesson, in real browsers', () => {
  test('the teacher closes the class for today and reopens it; students on phones see it closed, in both languages, and play on in the same seats', async () => {
    const base = cls.server.url;
    const teacher = await openPage(cls.browser, 1280, 720);
    const alice = await openPage(cls.browser, 390, 844, { touch: true });
    const bruno = await openPage(cls.browser, 390, 844, { touch: true });

    await teacher.page.goto(`${base}/#/host`);
    await teacher.page.fill('#tables', '1');
    await teacher.page.fill('#turn-seconds', String(TURN_SECONDS));
    await teacher.page.selectOption('#bot-level', 'random');
    await teacher.page.click('[data-testid=host-submit]');
    await teacher.page.waitForSelector('[data-testid=class-code]');
    const code = (await teacher.page.locator('[data-testid=class-code]').textContent())!.trim();
    await joinSeat(alice.page, `${base}/#/join?code=${code}`, 'Alice', 'seat-0-us');
    await joinSeat(bruno.page, `${base}/#/join?code=${code}`, 'Bruno', 'seat-0-china', true);
    // Nothing to close before the start.
    expect(await teacher.page.locator('[data-testid=close]').count()).toBe(0);
    await teacher.page.click('[data-testid=start]');
    await teacher.page.waitForSelector('[data-testid=class-status][data-status=running]');
    await Promise.race([waitGame(alice.page, 'g.active === g.seat'), waitGame(bruno.page, 'g.active === g.seat')]);
    const mover = (await game(alice.page))?.active === 'us' ? alice : bruno;
    const moverSeat = mover === alice ? 'us' : 'china';
    const before = (await game(mover.page))!;

    // "Close for today" asks first: what is kept, and how long the class is kept.
    await teacher.page.click('[data-testid=close]');
    await teacher.page.waitForSelector('[data-testid=close-confirm]');
    const confirm = (await teacher.page.locator('[data-testid=close-confirm]').textContent()) ?? '';
    expect(confirm).toContain(`Close class ${code} until the next lesson?`);
    expect(confirm).toContain('Every table keeps its position and every student keeps their seat');
    expect(confirm).toContain('The class is kept 30 days after it was created, then deleted automatically');
    await teacher.page.locator('[data-testid=close-confirm]').scrollIntoViewIfNeeded();
    await shot(teacher.page, 'classroom-closed-confirm-1280');
    // Cancel leaves the class playing; then close for real.
    await teacher.page.click('[data-testid=close-cancel]');
    expect(await teacher.page.locator('[data-testid=close-confirm]').count()).toBe(0);
    expect(await teacher.page.getAttribute('[data-testid=class-status]', 'data-status')).toBe('running');
    await teacher.page.click('[data-testid=close]');
    await teacher.page.click('[data-testid=close-yes]');
    await teacher.page.waitForSelector('[data-testid=class-status][data-status=closed]');
    expect(await teacher.page.locator('[data-testid=class-status]').textContent()).toBe(
      'Closed until the next lesson: no moves, timers stopped, tables and seats kept.',
    );
    expect(await teacher.page.locator('[data-testid=pause]').count()).toBe(0);
    expect(await teacher.page.locator('[data-testid=reopen]').isVisible()).toBe(true);
    await teacher.page.evaluate(() => window.scrollTo(0, 0));
    await shot(teacher.page, 'classroom-closed-console-1280');
    expect(await teacher.page.locator('[data-testid=news-open]').count()).toBe(0);
    // The same console at 1920×1080 in French.
    await teacher.page.setViewportSize({ width: 1920, height: 1080 });
    await teacher.page.click('[data-testid=lang]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=reopen]')?.textContent === 'Rouvrir la classe');
    await shot(teacher.page, 'classroom-closed-console-1920-fr');
    await teacher.page.click('[data-testid=lang]');
    await teacher.page.setViewportSize({ width: 1280, height: 720 });

    // The students see it closed, in their language; nothing moves, and no timer runs.
    await alice.page.waitForSelector('[data-testid=class-closed]', { timeout: 10_000 });
    await bruno.page.waitForSelector('[data-testid=class-closed]', { timeout: 10_000 });
    expect(await alice.page.locator('[data-testid=class-closed]').textContent()).toContain('The class is closed until the next lesson');
    expect(await bruno.page.locator('[data-testid=class-closed]').textContent()).toContain('La classe est fermée jusqu’au prochain cours');
    expect(await alice.page.locator('[data-testid=class-status]').textContent()).toBe('Closed until the next lesson');
    expect(await bruno.page.locator('[data-testid=class-status]').textContent()).toBe('Fermée jusqu’au prochain cours');
    // The game's status line says so too, never "Your turn".
    expect(await alice.page.locator('.class-game p.status').textContent()).toBe('The class is closed until the next lesson');
    expect(await bruno.page.locator('.class-game p.status').textContent()).toBe('La classe est fermée jusqu’au prochain cours');
    expect((await api(base, `/api/classes/${code}`)).body.tables[0].clock).toBeNull();
    await shot(alice.page, 'classroom-closed-student-phone');
    await shot(bruno.page, 'classroom-closed-student-phone-fr');
    expect(await overflows(alice.page)).toBe(false);
    expect(await overflows(bruno.page)).toBe(false);

    // A move is refused with the reason, in the student's language.
    await playOne(mover.page);
    const refusal = mover === alice ? 'The teacher has closed the class until the next lesson.' : 'Le professeur a fermé la classe jusqu’au prochain cours.';
    await expect.poll(async () => (await mover.page.locator('body').textContent())?.includes(refusal), { timeout: 10_000 }).toBe(true);
    expect((await game(mover.page))!.actions).toBe(before.actions);
    await mover.page.getByText(refusal).first().scrollIntoViewIfNeeded();
    await shot(mover.page, 'classroom-closed-refused-phone');

    // A reload (the seat ticket kept in the browser) comes back to the closed class, not an error.
    await mover.page.reload();
    await mover.page.waitForSelector('[data-testid=class-closed]', { timeout: 15_000 });
    await waitGame(mover.page, `g.seat === "${moverSeat}"`);
    // A newcomer opening the join link is told the class is closed.
    const carol = await openPage(cls.browser, 390, 844, { touch: true });
    await carol.page.goto(`${base}/#/join?code=${code}`);
    await carol.page.fill('#join-name', 'Carol');
    await carol.page.click('[data-testid=join-next]');
    await carol.page.waitForSelector('[data-testid=join-closed]');
    expect(await carol.page.locator('[data-testid=join-closed]').textContent()).toContain('The teacher has closed this class until the next lesson.');
    await shot(carol.page, 'classroom-closed-join-phone');
    expect(await overflows(carol.page)).toBe(false);

    // The next lesson: reopened, the same seats, the turn's whole time, and play goes on.
    await teacher.page.click('[data-testid=reopen]');
    await teacher.page.waitForSelector('[data-testid=class-status][data-status=running]');
    await alice.page.waitForSelector('[data-testid=class-status][data-status=running]', { timeout: 10_000 });
    await bruno.page.waitForSelector('[data-testid=class-status][data-status=running]', { timeout: 10_000 });
    expect(await alice.page.locator('[data-testid=class-closed]').count()).toBe(0);
    expect(await bruno.page.locator('[data-testid=class-closed]').count()).toBe(0);
    expect(await alice.page.locator('.class-game p.status').textContent()).not.toContain('closed');
    expect(await bruno.page.locator('.class-game p.status').textContent()).not.toContain('fermée');
    await waitGame(alice.page, 'g.seat === "us"');
    await waitGame(bruno.page, 'g.seat === "china"');
    const clock = (await api(base, `/api/classes/${code}`)).body.tables[0].clock;
    expect(clock.seat).toBe(moverSeat);
    expect(clock.msLeft).toBeGreaterThan((TURN_SECONDS - 5) * 1000);
    await mover.page.waitForSelector('[data-testid=link][data-connected=yes]');
    await playOne(mover.page);
    await waitGame(mover.page, `g.actions > ${before.actions}`, 15_000);
    const other = mover === alice ? bruno : alice;
    await waitGame(other.page, `g.actions > ${before.actions}`, 15_000);
    await shot(mover.page, mover === alice ? 'classroom-closed-reopened-phone' : 'classroom-closed-reopened-phone-fr');
    await shot(teacher.page, 'classroom-closed-reopened-console-1280');

    expect(teacher.errors).toEqual([]);
    expect(carol.errors).toEqual([]);
    expect(other.errors).toEqual([]);
  }, 240_000);
});
