/**
 * Save files in headless Chromium against the built app: a game in progress exported from the
 * home page and imported into another browser opens at the same position; a game put aside
 * exports the same file; a broken or hand-edited file shows what is wrong (in English and in
 * French) and leaves the game in progress and the games put aside exactly as they were.
 * Screenshots at 390×844, 1280×720 and 1920×1080 in both languages: out/screenshots/saves-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { SoloSave } from '../../src/client/session/solo-save.js';
import { activeSeat, applyActionInPlace, createInitialState, legalActions, type FactionId } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { chromiumPath, openPage, readHook, shot, useBuiltApp } from './harness.js';

const app = useBuiltApp();
const rules = defaultRules();

/** A US game of at least `n` actions (the first legal action each time) that stops on the US's turn, so no bot moves on load. */
function gameInProgress(seed: string, n: number): SoloSave {
  const state = createInitialState(rules, seed);
  const actions: SoloSave['actions'] = [];
  while (actions.length < n || activeSeat(state) !== 'us') {
    const seat = activeSeat(state) as FactionId;
    const action = legalActions(rules, state, seat)[0]!;
    if (applyActionInPlace(rules, state, seat, action)) throw new Error('refused');
    actions.push({ seat, action });
  }
  return { version: 1, rulesHash: rules.hash, seed, human: 'us', levels: { us: 'medium', china: 'random', eu: 'random' }, actions };
}

type Stored = { save: string | null; shelf: string | null };
const stored = (page: Page): Promise<Stored> =>
  page.evaluate(() => ({ save: localStorage.getItem('gigawatt.solo.v1'), shelf: localStorage.getItem('gigawatt.solo.shelf.v1') }));

/** The position on the game page: the summary the page exposes and the board as a text table. */
async function position(page: Page): Promise<{ round: number; actions: number; active: string | null; table: string }> {
  await page.waitForFunction(() => (window as unknown as { __gigawatt: { game: unknown } }).__gigawatt.game !== null);
  const g = (await readHook(page)).game!;
  const table = (await page.locator('.text-view').evaluate((el) => el.querySelector('table')?.parentElement?.textContent ?? '')) as string;
  return { round: g.round, actions: g.actions, active: g.active, table };
}

/** Opens the home page in `lang` with `state` in localStorage. */
async function home(page: Page, lang: 'en' | 'fr', state: Stored): Promise<void> {
  await page.goto(app.url);
  await page.evaluate(
    ([l, s]) => {
      localStorage.setItem('gigawatt.lang', l);
      if (s.save) localStorage.setItem('gigawatt.solo.v1', s.save);
      if (s.shelf) localStorage.setItem('gigawatt.solo.shelf.v1', s.shelf);
    },
    [lang, state] as const,
  );
  await page.reload();
  await page.waitForSelector('[data-testid=import-file]');
}

/** Clicks a button that downloads; returns the downloaded text. */
async function downloaded(page: Page, selector: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
}

const pick = (page: Page, name: string, text: string) =>
  page.setInputFiles('[data-testid=import-file]', { name, mimeType: 'application/json', buffer: Buffer.from(text) });

describe.skipIf(!chromiumPath)('save files in a real browser', () => {
  test('a game exported from one browser and imported into another opens at the same position', { timeout: 120_000 }, async () => {
    const save = gameInProgress('saves-e2e', 40);
    const a = await openPage(app.browser, 1280, 720);
    await home(a.page, 'en', { save: JSON.stringify(save), shelf: null });
    await a.page.goto(`${app.url}#/play`);
    const before = await position(a.page);
    expect(before.actions).toBe(save.actions.length);
    expect(before.round).toBeGreaterThan(1);

    await a.page.goto(app.url);
    const file = await downloaded(a.page, '[data-testid=export-current]');
    expect(file.name).toBe(`gigawatt-saves-e2e-${save.actions.length}.json`);
    expect(JSON.parse(file.text)).toMatchObject({ format: 'gigawatt-match', version: 1, seed: 'saves-e2e', seats: { us: { kind: 'person' } } });

    // Another browser, nothing saved: the file alone brings the game back.
    const b = await openPage(app.browser, 1280, 720);
    await home(b.page, 'en', { save: null, shelf: null });
    await pick(b.page, file.name, file.text);
    await b.page.waitForSelector('[data-testid=import-confirm]:not([hidden])');
    expect(await b.page.locator('[data-testid=import-confirm]').textContent()).toContain(
      `File read: US, round ${before.round}, ${save.actions.length} actions played.`,
    );
    await b.page.click('[data-testid=import-yes]');
    await b.page.waitForURL(/#\/play/);
    expect(await position(b.page)).toEqual(before);
    expect(JSON.parse((await stored(b.page)).save!)).toEqual(save);
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  test('a game put aside exports as a match file, and importing asks before it puts the game in progress aside', { timeout: 120_000 }, async () => {
    const kept = gameInProgress('saves-kept', 30);
    const current = gameInProgress('saves-current', 12);
    const { page, errors } = await openPage(app.browser, 1280, 720);
    await home(page, 'en', { save: JSON.stringify(current), shelf: JSON.stringify([{ save: kept, at: Date.UTC(2026, 0, 5, 9) }]) });
    const shelfFile = await downloaded(page, '[data-testid=shelf-export]');
    expect(JSON.parse(shelfFile.text).actions).toHaveLength(kept.actions.length);

    await pick(page, shelfFile.name, shelfFile.text);
    await page.waitForSelector('[data-testid=import-confirm]:not([hidden])');
    const question = (await page.locator('[data-testid=import-confirm]').textContent()) ?? '';
    expect(question).toContain(`Playing it puts the game in progress (US, ${current.actions.length} actions played) aside`);
    // "Cancel" changes nothing.
    const untouched = await stored(page);
    await page.click('[data-testid=import-no]');
    expect(await page.locator('[data-testid=import-confirm]').isHidden()).toBe(true);
    expect(await stored(page)).toEqual(untouched);
    // Yes: the imported game is played, the game in progress is first on the shelf.
    await pick(page, shelfFile.name, shelfFile.text);
    await page.click('[data-testid=import-yes]');
    await page.waitForURL(/#\/play/);
    const after = await stored(page);
    expect(JSON.parse(after.save!)).toEqual(kept);
    expect((JSON.parse(after.shelf!) as { save: SoloSave }[]).map((g) => g.save.seed)).toEqual(['saves-current', 'saves-kept']);
    expect(errors).toEqual([]);
  });

  test('a broken or hand-edited file says what is wrong, in English and French, and changes neither the game in progress nor the shelf', {
    timeout: 180_000,
  }, async () => {
    const current = gameInProgress('saves-broken', 20);
    const good = JSON.parse(
      await (async () => {
        const { page } = await openPage(app.browser, 1280, 720);
        await home(page, 'en', { save: JSON.stringify(current), shelf: null });
        return (await downloaded(page, '[data-testid=export-current]')).text;
      })(),
    ) as { actions: { seat: string; action: unknown }[] };
    const edited = structuredClone(good);
    edited.actions[3]!.action = { type: 'buyGpus', kind: 'frontier', count: 60 };
    const cases = [
      { name: 'cut.json', text: JSON.stringify(good).slice(0, 200), en: /not valid JSON/, fr: /pas du JSON valide/ },
      { name: 'edited.json', text: JSON.stringify(edited), en: /action 4 is not allowed at that point: /, fr: /l’action 4 n’est pas permise à ce moment : / },
      { name: 'noseed.json', text: JSON.stringify({ ...good, seed: undefined }), en: /the field "seed" is missing/, fr: /le champ « seed » manque/ },
    ];
    const state: Stored = { save: JSON.stringify(current), shelf: JSON.stringify([{ save: gameInProgress('saves-shelf', 10), at: Date.UTC(2026, 0, 4) }]) };
    const sizes: [number, number][] = [
      [390, 844],
      [1280, 720],
      [1920, 1080],
    ];
    for (const lang of ['en', 'fr'] as const) {
      for (const [w, h] of sizes) {
        const { page, errors } = await openPage(app.browser, w, h);
        await home(page, lang, state);
        for (const c of cases) {
          await pick(page, c.name, c.text);
          await expect.poll(() => page.locator('[data-testid=import-error]').textContent()).toMatch(lang === 'en' ? c.en : c.fr);
          expect(await page.locator('[data-testid=import-confirm]').isHidden()).toBe(true);
          expect(await stored(page)).toEqual(state);
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.locator('.import').scrollIntoViewIfNeeded();
        await shot(page, `saves-error-${w}-${lang}`);
        // A good file after a broken one: the error goes, the question comes.
        await pick(page, 'good.json', JSON.stringify(good));
        await page.waitForSelector('[data-testid=import-confirm]:not([hidden])');
        expect(await page.locator('[data-testid=import-error]').textContent()).toBe('');
        await page.locator('.import').scrollIntoViewIfNeeded();
        await shot(page, `saves-confirm-${w}-${lang}`);
        expect(await stored(page)).toEqual(state);
        expect(errors).toEqual([]);
        await page.context().close();
      }
    }
  });
});
