/**
 * The classroom's browser tests share one set-up: the app built as shipped, the real class
 * server serving it (its own data folder), and Chromium; and one way a student joins a seat.
 */
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { removeDir, type ServerProcess, startServerProcess } from '../server/helpers.js';
import { buildApp, chromiumPath, launch } from './harness.js';

/** What `useClassServer` gives a test file once its `beforeAll` has run. */
export interface ClassServer {
  readonly server: ServerProcess;
  readonly browser: Browser;
}

/**
 * Registers the file's `beforeAll`/`afterAll`: builds the app, starts the class server on it
 * with `env` (e.g. BOT_DELAY_MS) and launches Chromium; afterwards closes both and removes the
 * build and the server's data. Without Chromium nothing starts (the tests skip themselves).
 */
export function useClassServer(env: Record<string, string> = {}, timeoutMs = 180_000): ClassServer {
  let dist = '';
  let server: ServerProcess | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    if (!chromiumPath) return;
    dist = await buildApp();
    server = await startServerProcess({ env: { DIST_DIR: dist, ...env } });
    browser = await launch();
  }, timeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    if (server) removeDir(server.dataDir);
    if (dist) rmSync(dist, { recursive: true, force: true });
  });
  const ready = <T>(value: T | null, what: string): T => {
    if (!value) throw new Error(`classroom browser test set-up: no ${what} (did beforeAll fail?)`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'class server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
  };
}

/**
 * A student joins from the join link: a name, then a seat's test id (`seat-us`…, or `seat-auto`
 * for "place me"), optionally switching the page to French first; resolves once the class bar
 * of the game page shows.
 */
export async function joinSeat(page: Page, url: string, name: string, seat: string, french = false): Promise<void> {
  await page.goto(url);
  if (french) await page.click('[data-testid=lang]');
  await page.fill('#join-name', name);
  await page.click('[data-testid=join-next]');
  await page.waitForSelector(`[data-testid=${seat}]`);
  await page.check(`[data-testid=${seat}]`);
  await page.click('[data-testid=join-submit]');
  await page.waitForSelector('[data-testid=class-bar]');
}
