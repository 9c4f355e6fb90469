/**
 * A class experiment in headless Chromium against the real server: the teacher gives four
 * tables two conditions (export controls tight / open); two students on 390×844 phones (one in
 * French) see their table's condition; the bots finish every table; the debrief compares the
 * conditions with charts and says what so few tables can show, in English and French, at
 * 390×844, 1280×720 and 1920×1080. Screenshots: out/screenshots/experiment-*.png.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { joinSeat, useClassServer } from './class-harness.js';
import { chromiumPath, openPage, shot } from './harness.js';

const cls = useClassServer({ BOT_DELAY_MS: '20' });

/** Does the page scroll sideways (wider than its screen)? */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe.skipIf(!chromiumPath)('a class experiment in real browsers', () => {
  test('the teacher gives tables two conditions, students on phones see theirs, and the debrief compares the conditions with a plain caveat in both languages', async () => {
    const base = cls.server.url;
    const teacher = await openPage(cls.browser, 1280, 720);
    const alice = await openPage(cls.browser, 390, 844, { touch: true });
    const bruno = await openPage(cls.browser, 390, 844, { touch: true });

    await teacher.page.goto(`${base}/#/host`);
    await teacher.page.fill('#tables', '4');
    await teacher.page.fill('#turn-seconds', '0');
    await teacher.page.selectOption('#bot-level', 'random');
    await teacher.page.uncheck('[data-testid=condition-standard]');
    await teacher.page.check('[data-testid=condition-export-controls-tight]');
    await teacher.page.check('[data-testid=condition-export-controls-open]');
    // Two conditions: the tables share one seed unless the teacher chooses otherwise.
    expect(await teacher.page.isChecked('input[name=seedMode][value=shared]')).toBe(true);
    await teacher.page.locator('fieldset.conditions').scrollIntoViewIfNeeded();
    await shot(teacher.page, 'experiment-host-form-1280');
    await teacher.page.click('[data-testid=host-submit]');
    await teacher.page.waitForSelector('[data-testid=class-code]');
    const code = (await teacher.page.locator('[data-testid=class-code]').textContent())!.trim();
    const joinUrl = `${base}/#/join?code=${code}`;
    await teacher.page.waitForSelector('[data-testid=table-3]');
    expect(await teacher.page.getAttribute('[data-testid=table-0]', 'data-condition')).toBe('export-controls-tight');
    expect(await teacher.page.getAttribute('[data-testid=table-1]', 'data-condition')).toBe('export-controls-open');

    await joinSeat(alice.page, joinUrl, 'Alice', 'seat-0-us');
    await joinSeat(bruno.page, joinUrl, 'Bruno', 'seat-1-china', true);
    expect(await alice.page.locator('[data-testid=class-condition]').textContent()).toBe('Condition: Export controls tight');
    expect(await bruno.page.locator('[data-testid=class-condition]').textContent()).toBe("Condition : Contrôles à l'export levés");
    // Let the boards draw before the screenshots.
    await alice.page.waitForTimeout(1500);
    await shot(alice.page, 'experiment-student-phone');
    await shot(bruno.page, 'experiment-student-phone-fr');
    expect(await overflows(alice.page)).toBe(false);

    // The students hand their seats to bots: every table plays to the end.
    await teacher.page.click('[data-testid=start]');
    await teacher.page.click('[data-testid=seat-0-us]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=table-0] tr[data-seat=us]')?.textContent?.includes('Bot'));
    await teacher.page.click('[data-testid=seat-1-china]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=table-1] tr[data-seat=china]')?.textContent?.includes('Bot'));
    await teacher.page.waitForFunction(
      () => [0, 1, 2, 3].every((n) => document.querySelector(`[data-testid=table-${n}]`)?.getAttribute('data-finished') === 'yes'),
      null,
      {
        timeout: 150_000,
      },
    );
    await expect
      .poll(
        async () => {
          if (await teacher.page.locator('[data-testid=conditions-compared]').count()) return true;
          await teacher.page
            .locator('[data-testid=end]')
            .click({ timeout: 2000 })
            .catch(() => {});
          return false;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    const section = teacher.page.locator('[data-testid=conditions-compared]');
    await section.scrollIntoViewIfNeeded();
    expect(await teacher.page.locator('[data-testid=experiment-caveat]').textContent()).toContain(
      'Only 2 tables for a condition: a difference this size could be chance',
    );
    expect(await teacher.page.locator('[data-testid=experiment-caveat]').textContent()).toContain('The tables shared one seed');
    const headers = await section.locator('table.condition-table').first().locator('thead th').allTextContents();
    expect(headers).toEqual(['Condition', 'Export controls tight', 'Export controls open']);
    // Both bar charts drew.
    await teacher.page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=conditions-compared] canvas')].every((c) => (c as HTMLCanvasElement).width > 0),
    );
    await teacher.page.waitForTimeout(700);
    await section.screenshot({ path: 'out/screenshots/experiment-debrief-1280.png' });
    await shot(teacher.page, 'experiment-debrief-view-1280');
    for (const [w, hgt] of [
      [1920, 1080],
      [390, 844],
    ] as const) {
      await teacher.page.setViewportSize({ width: w, height: hgt });
      await section.scrollIntoViewIfNeeded();
      await teacher.page.waitForTimeout(700);
      await shot(teacher.page, `experiment-debrief-view-${w}`);
      expect(await overflows(teacher.page)).toBe(false);
    }
    await section.locator('details.condition-actions summary').click();
    await section.screenshot({ path: 'out/screenshots/experiment-debrief-390.png' });

    // In French.
    await teacher.page.setViewportSize({ width: 1280, height: 720 });
    await teacher.page.click('[data-testid=lang]');
    await teacher.page.waitForFunction(() =>
      document.querySelector('[data-testid=experiment-caveat]')?.textContent?.includes('Seulement 2 tables pour une condition'),
    );
    const fr = teacher.page.locator('[data-testid=conditions-compared]');
    await fr.scrollIntoViewIfNeeded();
    await teacher.page.waitForTimeout(700);
    await shot(teacher.page, 'experiment-debrief-view-1280-fr');
    await teacher.page.setViewportSize({ width: 390, height: 844 });
    await fr.scrollIntoViewIfNeeded();
    await teacher.page.waitForTimeout(700);
    await shot(teacher.page, 'experiment-debrief-view-390-fr');
    expect(await overflows(teacher.page)).toBe(false);
    await teacher.page.setViewportSize({ width: 1920, height: 1080 });
    await fr.scrollIntoViewIfNeeded();
    await teacher.page.waitForTimeout(700);
    await shot(teacher.page, 'experiment-debrief-view-1920-fr');

    // The students' debrief is a full page over the board, its title once.
    for (const [student, name] of [
      [alice, 'experiment-student-debrief'],
      [bruno, 'experiment-student-debrief-fr'],
    ] as const) {
      await student.page.waitForSelector('[data-testid=debrief]', { timeout: 30_000 });
      await student.page.click('[data-testid=debrief]');
      await student.page.waitForSelector('[data-testid=debrief-page] [data-testid=debrief-title]');
      const box = await student.page.locator('[data-testid=debrief-page]').boundingBox();
      expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 844 });
      const title = (await student.page.locator('[data-testid=debrief-title]').textContent())!;
      const visibleTitles = await student.page.evaluate((text) => {
        return [...document.querySelectorAll('h2')].filter(
          (e) =>
            e.textContent === text && e.checkVisibility() && document.elementFromPoint(e.getBoundingClientRect().x + 2, e.getBoundingClientRect().y + 2) === e,
        ).length;
      }, title);
      expect(visibleTitles).toBe(1);
      await student.page.waitForTimeout(700);
      await shot(student.page, `${name}-390`);
      expect(await overflows(student.page)).toBe(false);
      for (const [w, hgt] of [
        [1280, 720],
        [1920, 1080],
      ] as const) {
        await student.page.setViewportSize({ width: w, height: hgt });
        await student.page.waitForTimeout(500);
        await shot(student.page, `${name}-${w}`);
      }
      await student.page.keyboard.press('Escape');
      await student.page.waitForSelector('[data-testid=debrief-page]', { state: 'detached' });
    }

    for (const p of [teacher, alice, bruno]) expect(p.errors).toEqual([]);
    for (const p of [teacher, alice, bruno]) await p.page.context().close();
  }, 300_000);
});
