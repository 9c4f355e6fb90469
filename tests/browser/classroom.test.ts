/**
 * The classroom end to end in headless Chromium against the real server (a child process on a
 * free loopback port, data in a temp dir, serving a fresh build of the client): a teacher
 * hosts in one page, two students join from two other browsers, one plays a move and the
 * teacher's console shows it; a reload rejoins the same seat; the teacher hands a seat to a bot
 * and back, ends the session and gets the debrief; a finished table can be watched.
 * Screenshots: out/screenshots/classroom-*.png.
 */
import { readFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useClassServer } from './class-harness.js';
import { chromiumPath, openPage, readHook, SCREENSHOTS, shot } from './harness.js';

const cls = useClassServer({ BOT_DELAY_MS: '150' });

type Game = { round: number; active: string | null; seat: string | null; actions: number; over: boolean };

/** The game summary the board page exposes (null before the first view). */
async function game(page: Page): Promise<Game | null> {
  return (await readHook(page)).game as Game | null;
}

/** Waits for a condition on the page's game summary. */
async function waitGame(page: Page, check: string, arg: unknown = null, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([body, a]) => {
      const g = (window as unknown as { __gigawatt: { game: unknown } }).__gigawatt.game;
      return !!g && (new Function('g', 'a', `return ${body}`) as (g: unknown, a: unknown) => boolean)(g, a);
    },
    [check, arg] as const,
    { timeout, polling: 100 },
  );
}

/** A table card's live figures on the teacher's console. */
async function tableFigures(page: Page, no = 0): Promise<{ round: number; actionRound: number; actions: number; turn: string; vp: number }> {
  const card = page.locator(`[data-testid=table-${no}]`);
  const get = async (name: string) => (await card.getAttribute(name)) ?? '';
  return {
    round: Number(await get('data-round')),
    actionRound: Number(await get('data-action-round')),
    actions: Number(await get('data-actions')),
    turn: await get('data-turn'),
    vp: Number(await get('data-vp')),
  };
}

/** A student joins from the join link: name, then a seat (or "place me"). */
async function join(page: Page, url: string, name: string, seat: string | null): Promise<void> {
  await page.goto(url);
  await page.fill('#join-name', name);
  await page.click('[data-testid=join-next]');
  await page.waitForSelector('[data-testid=seat-auto]');
  await page.check(seat ? `[data-testid=${seat}]` : '[data-testid=seat-auto]');
  await page.click('[data-testid=join-submit]');
  await waitGame(page, 'true');
}

/** Ends the class from the console: two clicks mid-game, one once every table has finished. */
async function endClass(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        if ((await page.getAttribute('[data-testid=class-status]', 'data-status')) === 'ended') return true;
        await page
          .locator('[data-testid=end]')
          .click({ timeout: 2000 })
          .catch(() => {});
        return false;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

describe.skipIf(!chromiumPath)('a class in real browsers against the real server', () => {
  test('a teacher hosts, two students join and one plays a move that the console shows; then reload, bot hand-over, end, debrief and watching', async () => {
    const base = cls.server.url;
    const teacher = await openPage(cls.browser, 1400, 1000);
    const alice = await openPage(cls.browser, 1280, 800);
    const bruno = await openPage(cls.browser, 1280, 800);

    // The teacher hosts one table, no timer.
    await teacher.page.goto(`${base}/#/host`);
    await teacher.page.fill('#tables', '1');
    await teacher.page.fill('#turn-seconds', '0');
    await teacher.page.selectOption('#bot-level', 'random');
    await teacher.page.click('[data-testid=host-submit]');
    await teacher.page.waitForSelector('[data-testid=class-code]');
    const code = (await teacher.page.locator('[data-testid=class-code]').textContent())!.trim();
    expect(code).toMatch(/^[A-Z0-9]{4,12}$/);
    const joinUrl = (await teacher.page.locator('[data-testid=join-url]').textContent())!.trim();
    expect(joinUrl).toBe(`${base}/#/join?code=${code}`);
    await teacher.page.waitForFunction(() => ((document.querySelector('img.qr') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0);
    await teacher.page.waitForSelector('[data-testid=table-0]');
    await shot(teacher.page, 'classroom-host');

    // A reload keeps the console (the secret stays in this browser).
    await teacher.page.reload();
    await teacher.page.waitForSelector('[data-testid=table-0]');
    expect((await teacher.page.locator('[data-testid=class-code]').textContent())?.trim()).toBe(code);

    // Alice picks the US; Bruno switches to French and lets the class place him.
    // The join form asks for a display name only, and says what is kept.
    await alice.page.goto(joinUrl);
    await alice.page.waitForSelector('#join-name');
    expect(await alice.page.locator('.join-form').textContent()).toContain('Do not give your full name.');
    await shot(alice.page, 'classroom-join-phone');
    await join(alice.page, joinUrl, 'Alice', 'seat-0-us');
    await bruno.page.goto(joinUrl);
    await bruno.page.click('[data-testid=lang]');
    await bruno.page.waitForFunction(() => document.querySelector('.join-form h2')?.textContent === 'Rejoindre une classe');
    await join(bruno.page, joinUrl, 'Bruno', null);
    expect((await game(alice.page))?.seat).toBe('us');
    expect((await game(bruno.page))?.seat).toBe('china');
    await bruno.page.waitForSelector('[data-testid=class-status][data-status=lobby]');
    await shot(bruno.page, 'classroom-student-lobby-fr');

    // Chloé joins Alice's team with the team link Alice's bar shows; the teacher then takes her device off.
    const teamLink = await alice.page.locator('[data-testid=team-link]').inputValue();
    expect(teamLink).toContain(`code=${code}`);
    expect(teamLink).toContain('seat=us');
    const chloe = await openPage(cls.browser, 390, 844);
    await chloe.page.goto(teamLink);
    await chloe.page.fill('#join-name', 'Chloé');
    await chloe.page.click('[data-testid=join-next]');
    await chloe.page.waitForSelector('[data-testid=join-with-link]');
    await chloe.page.click('[data-testid=join-submit]');
    await waitGame(chloe.page, 'g.seat === "us"');
    await teacher.page.waitForSelector('[data-testid="remove-0-us-Chloé"]');
    await shot(teacher.page, 'classroom-console-team');
    await teacher.page.click('[data-testid="remove-0-us-Chloé"]');
    await teacher.page.waitForFunction(() => !document.querySelector('[data-testid=table-0] tr[data-seat=us]')?.textContent?.includes('Chloé'));
    await chloe.page.close();

    // The console sees both students connected, then starts: the empty EU seat goes to a bot.
    await teacher.page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid=table-0] tr[data-seat]')].map((r) => r.textContent ?? '');
      return rows[0]?.includes('Alice') && rows[0]?.includes('1 online') && rows[1]?.includes('Bruno') && rows[1]?.includes('1 online');
    });
    await teacher.page.click('[data-testid=start]');
    await teacher.page.waitForSelector('[data-testid=class-status][data-status=running]');

    // Whoever's turn comes first among the students plays one move through the panel.
    await Promise.race([waitGame(alice.page, 'g.active === g.seat', null, 60_000), waitGame(bruno.page, 'g.active === g.seat', null, 60_000)]);
    const mover = (await game(alice.page))?.active === 'us' ? alice : bruno;
    const other = mover === alice ? bruno : alice;
    const seat = (await game(mover.page))!.seat!;
    await teacher.page.waitForFunction((s) => document.querySelector('[data-testid=table-0]')?.getAttribute('data-turn') === s, seat);
    const before = await tableFigures(teacher.page);
    const seenByOther = (await game(other.page))!.actions;
    await shot(teacher.page, 'classroom-console-before');
    const collect = mover.page.locator('.actions [data-key="type-collect"][data-enabled="true"]');
    if (await collect.count()) await collect.click();
    else {
      await mover.page.locator('.actions [data-enabled="true"]').first().click();
      if (await mover.page.locator('.picker').count()) await mover.page.locator('.picker [data-enabled="true"]').first().click();
    }
    await waitGame(other.page, 'g.actions > a', seenByOther);
    await teacher.page.waitForFunction((b) => {
      const card = document.querySelector('[data-testid=table-0]');
      return Number(card?.getAttribute('data-actions')) > b.actions;
    }, before);
    const after = await tableFigures(teacher.page);
    expect(after.actions).toBeGreaterThan(before.actions);
    expect(await teacher.page.locator('[data-testid=table-0] .tracks').textContent()).toContain(`${after.actions} actions played`);
    await shot(teacher.page, 'classroom-console-after');
    await shot(mover.page, 'classroom-student-moved');

    // The bot's reasons reach the students' logs.
    await other.page.waitForSelector('.log .why', { timeout: 30_000 });

    // A reload rejoins the same seat.
    await alice.page.reload();
    await waitGame(alice.page, 'g.seat === "us"');
    await alice.page.waitForSelector('[data-testid=link][data-connected=yes]');

    // The teacher hands Alice's seat to a bot and back.
    await teacher.page.click('[data-testid=seat-0-us]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=table-0] tr[data-seat=us]')?.textContent?.includes('Bot (for Alice)'));
    await teacher.page.click('[data-testid=seat-0-us]');
    await teacher.page.waitForFunction(() => !document.querySelector('[data-testid=table-0] tr[data-seat=us]')?.textContent?.includes('Bot'));

    // Pause and resume.
    await teacher.page.click('[data-testid=pause]');
    await teacher.page.waitForSelector('[data-testid=class-status][data-status=paused]');
    await alice.page.waitForSelector('[data-testid=class-status][data-status=paused]', { timeout: 10_000 });
    await teacher.page.click('[data-testid=resume]');
    await teacher.page.waitForSelector('[data-testid=class-status][data-status=running]');

    // Both students step away: bots finish the game, which the students' boards follow to the end.
    await teacher.page.click('[data-testid=seat-0-us]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=table-0] tr[data-seat=us]')?.textContent?.includes('Bot'));
    await teacher.page.click('[data-testid=seat-0-china]');
    await teacher.page.waitForSelector('[data-testid=table-0][data-finished=yes]', { timeout: 150_000 });
    await waitGame(bruno.page, 'g.over', null, 60_000);
    await alice.page.waitForSelector('.log .why');
    await shot(teacher.page, 'classroom-console-finished');
    await shot(alice.page, 'classroom-student-over');

    // A finished table can be watched.
    const watcher = await openPage(cls.browser, 1280, 800);
    await watcher.page.goto(`${base}/#/join?code=${code}&watch=0`);
    await waitGame(watcher.page, 'g.seat === null && g.over');
    await watcher.page.waitForSelector('[data-testid=link][data-connected=yes]');
    await shot(watcher.page, 'classroom-spectator');

    // Every table has finished: the status says so, Pause is gone, and the debrief opens in view.
    await teacher.page.waitForSelector('[data-testid=class-status][data-status=allFinished]');
    expect(await teacher.page.locator('[data-testid=pause]').count()).toBe(0);
    await teacher.page.waitForSelector('[data-testid=class-debrief-title]');
    await teacher.page.waitForFunction(() => {
      const r = document.querySelector('[data-testid=class-debrief-title]')?.getBoundingClientRect();
      return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
    });
    await shot(teacher.page, 'classroom-console-all-finished');
    // The teacher ends the session (one click once every table has finished): the debrief stays, with its charts and downloads.
    await teacher.page.click('[data-testid=end]');
    await teacher.page.waitForSelector('[data-testid=class-status][data-status=ended]');
    await teacher.page.waitForFunction(() => document.querySelectorAll('.class-debrief canvas').length === 5);
    await bruno.page.waitForSelector('[data-testid=class-status][data-status=ended]', { timeout: 10_000 });
    const csv = teacher.page.waitForEvent('download');
    await teacher.page.click('[data-testid=download-csv]');
    expect((await csv).suggestedFilename()).toBe(`gigawatt-${code}.csv`);
    const file = teacher.page.waitForEvent('download');
    await teacher.page.click('[data-testid=match-0]');
    const download = await file;
    expect(download.suggestedFilename()).toBe(`gigawatt-${code}-table-1.json`);
    const match = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(match.seats.us).toEqual({ kind: 'person', name: 'Alice' });
    expect(await teacher.page.locator('.class-results tbody tr').count()).toBe(1);
    await teacher.page.waitForTimeout(800);
    await teacher.page.locator('.class-debrief').screenshot({ path: joinPath(SCREENSHOTS, 'classroom-debrief.png') });
    // Printed, the debrief stands alone: no header, controls, tables or buttons; Print → PDF gives a handout.
    await teacher.page.emulateMedia({ media: 'print' });
    expect(await teacher.page.locator('header.top').isVisible()).toBe(false);
    expect(await teacher.page.locator('[data-testid=table-0]').isVisible()).toBe(false);
    expect(await teacher.page.locator('[data-testid=print-debrief]').isVisible()).toBe(false);
    expect(await teacher.page.locator('.print-title').textContent()).toBe(`Gigawatt — class ${code}`);
    expect(await teacher.page.locator('.print-title').isVisible()).toBe(true);
    await teacher.page.evaluate(() => window.scrollTo(0, 0));
    await shot(teacher.page, 'classroom-debrief-print');
    await teacher.page.pdf({ path: joinPath(SCREENSHOTS, 'classroom-debrief-print.pdf'), format: 'A4', printBackground: true });
    await teacher.page.emulateMedia({ media: 'screen' });
    await teacher.page.click('[data-testid=lang]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=class-debrief-title]')?.textContent === 'Bilan de la classe');
    expect(await teacher.page.locator('[data-testid=class-status]').textContent()).toBe('La séance est terminée.');
    await teacher.page.waitForTimeout(800);
    await shot(teacher.page, 'classroom-console-fr');

    for (const p of [teacher, alice, bruno, watcher]) expect(p.errors).toEqual([]);
    for (const p of [teacher, alice, bruno, watcher]) await p.page.context().close();
  }, 300_000);

  test('the teacher stops every table for a discussion: students on phones see the prompt in their language, then the game goes on', async () => {
    const base = cls.server.url;
    const teacher = await openPage(cls.browser, 1280, 720);
    const alice = await openPage(cls.browser, 390, 844, { touch: true });
    const bruno = await openPage(cls.browser, 390, 844, { touch: true });
    await teacher.page.goto(`${base}/#/host`);
    await teacher.page.fill('#tables', '1');
    await teacher.page.fill('#turn-seconds', '0');
    await teacher.page.selectOption('#bot-level', 'random');
    await teacher.page.click('[data-testid=host-submit]');
    await teacher.page.waitForSelector('[data-testid=class-code]');
    const code = (await teacher.page.locator('[data-testid=class-code]').textContent())!.trim();
    const joinUrl = `${base}/#/join?code=${code}`;
    await join(alice.page, joinUrl, 'Alice', 'seat-0-us');
    await bruno.page.goto(joinUrl);
    await bruno.page.click('[data-testid=lang]');
    await join(bruno.page, joinUrl, 'Bruno', 'seat-0-china');
    await teacher.page.click('[data-testid=start]');
    // The students watch: bots play their seats, so the round ends by itself.
    await teacher.page.click('[data-testid=seat-0-us]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=table-0] tr[data-seat=us]')?.textContent?.includes('Bot'));
    await teacher.page.click('[data-testid=seat-0-china]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=table-0] tr[data-seat=china]')?.textContent?.includes('Bot'));

    // The teacher picks a prompt from the facts and stops the tables at the end of the round.
    await teacher.page.click('[data-testid=discuss-open]');
    await teacher.page.selectOption('[data-testid=discuss-preset]', 'exportControls');
    await shot(teacher.page, 'classroom-discuss-form-1280');
    await teacher.page.click('[data-testid=discuss-start]');
    await teacher.page.waitForSelector('[data-testid=discussion]');
    await alice.page.waitForSelector('[data-testid=student-discussion][data-state=stopped]', { state: 'attached', timeout: 60_000 }).catch(async (e) => {
      await shot(alice.page, 'classroom-discussion-failed');
      console.log(await alice.page.evaluate(() => document.querySelector('[data-testid=class-bar]')?.parentElement?.outerHTML.slice(0, 1500)));
      throw e;
    });
    expect(await alice.page.locator('[data-testid=student-discussion] .prompt').isVisible()).toBe(true);
    expect(await alice.page.locator('[data-testid=student-discussion] .prompt').textContent()).toMatch(/^Export controls keep the best GPUs from China\./);
    await bruno.page.waitForSelector('[data-testid=student-discussion][data-state=stopped]', { timeout: 10_000 });
    expect(await bruno.page.locator('[data-testid=student-discussion] .prompt').textContent()).toMatch(/^Les contrôles à l’exportation privent la Chine/);
    await teacher.page.waitForSelector('[data-testid=discussion][data-waiting="1"]');
    const stoppedAt = Number(await teacher.page.locator('[data-testid=table-0]').getAttribute('data-actions'));
    await shot(alice.page, 'classroom-discussion-phone');
    await shot(bruno.page, 'classroom-discussion-phone-fr');
    await shot(teacher.page, 'classroom-discussion-console-1280');
    await teacher.page.setViewportSize({ width: 1920, height: 1080 });
    await shot(teacher.page, 'classroom-discussion-console-1920');
    // Nothing moves while the class discusses; "Continue the game" lets it go on.
    await teacher.page.waitForTimeout(1500);
    expect(Number(await teacher.page.locator('[data-testid=table-0]').getAttribute('data-actions'))).toBe(stoppedAt);
    await teacher.page.click('[data-testid=continue]');
    await teacher.page.waitForFunction((n) => Number(document.querySelector('[data-testid=table-0]')?.getAttribute('data-actions')) > n, stoppedAt);
    await expect.poll(() => alice.page.getAttribute('[data-testid=student-discussion]', 'data-state'), { timeout: 10_000 }).toBe('none');
    await endClass(teacher.page);
    for (const p of [teacher, alice, bruno]) expect(p.errors).toEqual([]);
    for (const p of [teacher, alice, bruno]) await p.page.context().close();
  }, 180_000);

  test('students see the turn timer (a phone included), its warning in the last 10 seconds, and what the server played when their time ran out, in English and French', async () => {
    const base = cls.server.url;
    const teacher = await openPage(cls.browser, 1280, 720);
    const alice = await openPage(cls.browser, 390, 844, { touch: true });
    const bruno = await openPage(cls.browser, 1920, 1080);
    await teacher.page.goto(`${base}/#/host`);
    await teacher.page.fill('#tables', '1');
    await teacher.page.fill('#turn-seconds', '14');
    await teacher.page.selectOption('#bot-level', 'random');
    await teacher.page.click('[data-testid=host-submit]');
    await teacher.page.waitForSelector('[data-testid=class-code]');
    const code = (await teacher.page.locator('[data-testid=class-code]').textContent())!.trim();
    const joinUrl = `${base}/#/join?code=${code}`;
    // The join form asks for a display name only, and says what is kept.
    await alice.page.goto(joinUrl);
    await alice.page.waitForSelector('#join-name');
    expect(await alice.page.locator('.join-form').textContent()).toContain('Do not give your full name.');
    await shot(alice.page, 'classroom-join-phone');
    await join(alice.page, joinUrl, 'Alice', 'seat-0-us');
    await bruno.page.goto(joinUrl);
    await bruno.page.click('[data-testid=lang]');
    await join(bruno.page, joinUrl, 'Bruno', 'seat-0-china');
    // While students join, the console shows the code card open; once the class runs it folds to one line and the tables come first.
    await teacher.page.waitForSelector('.join-card[data-open=yes]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=connected-0]')?.textContent === '2 of 2 student seats connected');
    await shot(teacher.page, 'classroom-console-lobby-1280');
    await teacher.page.click('[data-testid=start]');
    await teacher.page.waitForSelector('.join-card[data-open=no]');
    const card = (await teacher.page.locator('[data-testid=table-0]').boundingBox())!;
    expect(card.y + card.height).toBeLessThanOrEqual(720);
    await shot(teacher.page, 'classroom-console-1280');
    // The code shown big for the projector, closed with Escape.
    await teacher.page.click('[data-testid=big-code]');
    await teacher.page.waitForSelector('[data-testid=big-code-view]');
    await shot(teacher.page, 'classroom-big-code-1280');
    await teacher.page.keyboard.press('Escape');
    expect(await teacher.page.locator('[data-testid=big-code-view]').count()).toBe(0);

    // Alice's turn comes: her phone shows her clock, then the warning.
    await alice.page.waitForSelector('[data-testid=turn-clock][data-state=mine]', { timeout: 30_000 });
    const mine = await alice.page.locator('[data-testid=turn-clock]').textContent();
    expect(mine).toMatch(/Your turn: 0:1\d left/);
    expect(await alice.page.locator('[data-testid=turn-clock]').isVisible()).toBe(true);
    await shot(alice.page, 'classroom-timer-phone');
    // Bruno (French) sees whose clock runs.
    await bruno.page.waitForSelector('[data-testid=turn-clock][data-state=other]');
    expect(await bruno.page.locator('[data-testid=turn-clock]').textContent()).toMatch(/Au tour de : ■ États-Unis — encore 0:\d\d/);
    await shot(bruno.page, 'classroom-timer-other-fr-1920');
    await alice.page.waitForSelector('[data-testid=turn-clock][data-state=warn]', { timeout: 15_000 });
    expect(await alice.page.locator('[data-testid=turn-clock]').textContent()).toMatch(/Only 0:(10|0\d) left! Then the server plays for you\./);
    await shot(alice.page, 'classroom-timer-warning-phone');

    // Alice lets the time run out: her phone says what the server played for her; Bruno's page says it in French.
    await alice.page.waitForSelector('[data-testid=timeout-notice][data-seat=us]', { timeout: 20_000 });
    expect(await alice.page.locator('[data-testid=timeout-notice]').textContent()).toMatch(
      // A class's seed is fresh: the US's first turn may be a headline's choice, which the server answers.
      /Time ran out \(round 1\): the server played for you: (Collect \$\d+B|Answer to “[^”]+”: [^.]+(\.[^.\s][^.]*)*)\.(?!\.)/,
    );
    await shot(alice.page, 'classroom-timeout-phone');
    await bruno.page.waitForSelector('[data-testid=timeout-notice][data-seat=us]', { timeout: 10_000 });
    expect(await bruno.page.locator('[data-testid=timeout-notice]').textContent()).toMatch(
      /Temps écoulé \(tour 1\) pour : ■ États-Unis — le serveur a joué à sa place : (Encaisser \d+ Md\$|Réponse à « [^»]+ » : .+?)\.(?!\.)/,
    );
    await shot(bruno.page, 'classroom-timeout-other-fr-1920');
    // The message can be closed.
    await alice.page.click('[data-testid=timeout-close]');
    await alice.page.waitForSelector('[data-testid=timeout-notice]:empty', { state: 'attached' });

    // The same page in French on the phone, and at 1280×720, while a clock runs.
    await alice.page.click('[data-testid=lang]');
    await alice.page.waitForSelector('[data-testid=turn-clock]:not([data-state=none])', { timeout: 30_000 });
    await shot(alice.page, 'classroom-timer-phone-fr');
    await alice.page.setViewportSize({ width: 1280, height: 720 });
    await alice.page.waitForSelector('[data-testid=turn-clock]:not([data-state=none])', { timeout: 30_000 });
    await shot(alice.page, 'classroom-timer-1280-fr');

    // The console on a 1920×1080 projector, in French, with the code big.
    await teacher.page.setViewportSize({ width: 1920, height: 1080 });
    await teacher.page.click('[data-testid=lang]');
    await teacher.page.waitForFunction(() => document.querySelector('[data-testid=toggle-code]')?.textContent === 'Afficher le code et le QR');
    await shot(teacher.page, 'classroom-console-1920-fr');
    await teacher.page.click('[data-testid=big-code]');
    await shot(teacher.page, 'classroom-big-code-1920-fr');
    await teacher.page.click('[data-testid=close-big]');
    await teacher.page.click('[data-testid=lang]');
    await teacher.page.setViewportSize({ width: 1280, height: 720 });

    // The teacher deletes the class: a wrong code is refused, the right one deletes it, and the students' pages say so.
    await teacher.page.click('[data-testid=delete]');
    await teacher.page.fill('[data-testid=delete-code]', 'WRONG');
    await teacher.page.click('[data-testid=delete-confirm]');
    await teacher.page.waitForFunction(() => /type the class code/.test(document.querySelector('.delete-form .error')?.textContent ?? ''));
    await teacher.page.fill('[data-testid=delete-code]', code.toLowerCase());
    await shot(teacher.page, 'classroom-delete-confirm');
    await teacher.page.click('[data-testid=delete-confirm]');
    await teacher.page.waitForSelector('[data-testid=class-deleted]');
    await shot(teacher.page, 'classroom-deleted');
    await alice.page.waitForSelector('[data-testid=class-status][data-status=deleted]', { timeout: 10_000 });
    expect(await alice.page.locator('[data-testid=class-status]').textContent()).toBe('L’enseignant a supprimé cette classe et toutes ses données.');
    await bruno.page.waitForSelector('[data-testid=class-status][data-status=deleted]', { timeout: 10_000 });
    await shot(alice.page, 'classroom-deleted-student-fr');
    // The device forgot the class: the join page starts empty.
    expect(await alice.page.evaluate(() => [localStorage.getItem('gigawatt.device.v1'), localStorage.getItem('gigawatt.moves.v1')])).toEqual([null, null]);
    // The only failed requests are the refused wrong code (400) and the deleted class's status (404).
    for (const p of [teacher, alice, bruno]) expect(p.errors.filter((e) => !/status of (400|404) /.test(e))).toEqual([]);
    for (const p of [teacher, alice, bruno]) await p.page.context().close();
  }, 180_000);
});
