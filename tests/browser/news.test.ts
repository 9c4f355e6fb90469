/**
 * The teacher's news in headless Chromium against the real server: the teacher (1280×720, then
 * 1920×1080 in French) announces a breaking-news item at every table from the console; two
 * students on 390×844 phones (one in French) are told news is coming, then read the
 * announcement at their table's next headline, and find it in their match log as the
 * teacher's. Screenshots: out/screenshots/news-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { joinSeat, useClassServer } from './class-harness.js';
import { chromiumPath, openPage, shot } from './harness.js';

const cls = useClassServer({ BOT_DELAY_MS: '150' });

/** Is the element inside the window (seen without scrolling)? */
const inView = (page: Page, selector: string) =>
  page.evaluate((s) => {
    const r = document.querySelector(s)?.getBoundingClientRect();
    return !!r && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  }, selector);
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe.skipIf(!chromiumPath)('the teacher’s news in real browsers', () => {
  test('the teacher announces breaking news at every table; students on phones are told it is coming, then read it at the next headline, in both languages', async () => {
    const base = cls.server.url;
    const teacher = await openPage(cls.browser, 1280, 720);
    const alice = await openPage(cls.browser, 390, 844, { touch: true });
    const bruno = await openPage(cls.browser, 390, 844, { touch: true });

    await teacher.page.goto(`${base}/#/host`);
    await teacher.page.fill('#tables', '2');
    // A short timer: the students never move, so the server plays for them and rounds go on.
    await teacher.page.fill('#turn-seconds', '5');
    await teacher.page.selectOption('#bot-level', 'random');
    await teacher.page.click('[data-testid=host-submit]');
    await teacher.page.waitForSelector('[data-testid=class-code]');
    const code = (await teacher.page.locator('[data-testid=class-code]').textContent())!.trim();
    await joinSeat(alice.page, `${base}/#/join?code=${code}`, 'Alice', 'seat-0-us');
    await joinSeat(bruno.page, `${base}/#/join?code=${code}`, 'Bruno', 'seat-1-china', true);

    // The form: open at 1280×720, visible without scrolling, with the item's text, fact and source.
    await teacher.page.click('[data-testid=news-open]');
    await teacher.page.selectOption('[data-testid=news-event]', 'newsGptOss');
    expect(await teacher.page.locator('[data-testid=news-preview]').textContent()).toContain('OpenAI publishes open-weight models');
    expect(await teacher.page.locator('[data-testid=news-preview]').textContent()).toContain(
      'Source: OpenAI, release of the gpt-oss open-weight models, Aug 2025',
    );
    expect(await teacher.page.locator('[data-testid=news-table] option').allTextContents()).toEqual(['Every table', 'Table 1', 'Table 2']);
    expect(await inView(teacher.page, '[data-testid=news-send]')).toBe(true);
    await shot(teacher.page, 'news-console-form-1280');
    await teacher.page.click('[data-testid=news-send]');
    await teacher.page.waitForSelector('[data-testid=news-sent]');
    expect(await teacher.page.locator('[data-testid=news-sent]').textContent()).toBe(
      'OpenAI opens its weights: will be read out at the next headline (tables: 1, 2).',
    );
    await teacher.page.waitForSelector('[data-testid=news-pending-1]');
    expect(await teacher.page.locator('[data-testid=news-pending-0]').textContent()).toContain('News at the next headline: OpenAI opens its weights');
    await shot(teacher.page, 'news-console-1280');
    expect(await overflows(teacher.page)).toBe(false);

    // The same console at 1920×1080 in French, the form open again.
    await teacher.page.setViewportSize({ width: 1920, height: 1080 });
    await teacher.page.click('[data-testid=news-open]');
    await teacher.page.click('[data-testid=lang]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=news-open]')?.textContent === 'Annoncer une nouvelle…');
    expect(await inView(teacher.page, '[data-testid=news-send]')).toBe(true);
    await shot(teacher.page, 'news-console-1920-fr');
    await teacher.page.click('[data-testid=lang]');
    await teacher.page.click('[data-testid=news-open]');
    await teacher.page.setViewportSize({ width: 1280, height: 720 });

    // The students are told news is coming (not which).
    await alice.page.waitForSelector('[data-testid=student-news][data-state=soon]', { timeout: 10_000 });
    await bruno.page.waitForSelector('[data-testid=student-news][data-state=soon]', { timeout: 10_000 });
    expect(await alice.page.locator('[data-testid=student-news]').textContent()).toContain('The teacher has news for your table');
    expect(await bruno.page.locator('[data-testid=student-news]').textContent()).toContain('L’enseignant a une nouvelle pour votre table');

    // Play: round 1 ends, and round 2 opens with the teacher's news at both tables.
    await teacher.page.click('[data-testid=start]');
    await alice.page.waitForSelector('[data-testid=student-news][data-state=announced]', { timeout: 90_000 });
    await bruno.page.waitForSelector('[data-testid=student-news][data-state=announced]', { timeout: 30_000 });
    expect(await alice.page.locator('[data-testid=student-news]').textContent()).toContain('The teacher announces');
    expect(await alice.page.locator('[data-testid=student-news]').textContent()).toContain('OpenAI opens its weights');
    expect(await bruno.page.locator('[data-testid=student-news]').textContent()).toContain('OpenAI ouvre ses poids');
    await alice.page.waitForTimeout(800);
    await shot(alice.page, 'news-student-phone');
    await shot(bruno.page, 'news-student-phone-fr');
    expect(await overflows(alice.page)).toBe(false);
    expect(await overflows(bruno.page)).toBe(false);
    await teacher.page.waitForSelector('[data-testid=news-announced-0]');
    expect(await inView(teacher.page, '[data-testid=news-announced-0]')).toBe(true);
    await shot(teacher.page, 'news-console-announced-1280');

    // The match log says it was the teacher's.
    await expect
      .poll(async () => (await alice.page.locator('body').textContent())?.includes('The teacher announces: OpenAI opens its weights'), { timeout: 10_000 })
      .toBe(true);
    // Closing the announcement hides it.
    await alice.page.click('[data-testid=news-close]');
    expect(await alice.page.getAttribute('[data-testid=student-news]', 'data-state')).toBe('none');
    expect(teacher.errors).toEqual([]);
    expect(alice.errors).toEqual([]);
    expect(bruno.errors).toEqual([]);
  }, 240_000);
});
