/**
 * Browser-test harness: builds the app once (vite build into a temporary folder), serves it
 * with a tiny static server on 127.0.0.1 (free port), and opens Chromium pages that collect
 * console errors (Chromium's own ReadPixels/GPU-stall warnings excepted).
 */
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../sim/chromium.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = join(ROOT, 'out', 'screenshots');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
};

/** Builds the app into a fresh folder; returns the folder. */
export async function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'gigawatt-dist-'));
  const { build } = await import('vite');
  // Built as shipped: vitest sets NODE_ENV=test, which would otherwise keep libraries' development code (and its size) in the bundle.
  await build({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  return outDir;
}

/** Serves `dir` (plus extra files by path) on 127.0.0.1; resolves with the base URL and the server. */
export function serve(dir: string, extra: Record<string, string> = {}): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (extra[path] !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(extra[path]);
      return;
    }
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      ok({ url: `http://127.0.0.1:${port}/`, server });
    }),
  );
}

/** The Chromium to drive, or null (the tests then say so loudly and skip). */
export const chromiumPath = findChromium();
if (!chromiumPath) process.stderr.write('\n!!! browser tests not run: no Chromium; apt-get install chromium !!!\n\n');

/** Launches Chromium headless. */
export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath!, args: CHROMIUM_ARGS });
}

/** The app built and served and Chromium launched for one test file: read these inside its tests. */
export interface BuiltApp {
  /** The served app's address (ends with '/'). */
  readonly url: string;
  /** The launched Chromium. */
  readonly browser: Browser;
  /** The folder the app was built into. */
  readonly dist: string;
}

/**
 * Sets up a browser test file (in its beforeAll): builds the app, serves it with `extra` files
 * (a function: computed once the build is under way; the object is read at each request, so a
 * test may add files to it later) and launches Chromium; closes all three in afterAll. Nothing
 * is started without a Chromium (the file's tests skip).
 */
export function useBuiltApp(extra: () => Record<string, string> = () => ({}), timeoutMs = 180_000): BuiltApp {
  let dist = '';
  let url = '';
  let server: Server | null = null;
  let browser: Browser | null = null;
  beforeAll(async () => {
    if (!chromiumPath) return;
    const files = extra();
    dist = await buildApp();
    ({ url, server } = await serve(dist, files));
    browser = await launch();
  }, timeoutMs);
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
  });
  const ready = <T>(value: T | null | '', what: string): T => {
    if (!value) throw new Error(`browser test set-up: no ${what} (did beforeAll fail?)`);
    return value;
  };
  return {
    get url() {
      return ready(url, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get dist() {
      return ready(dist, 'build');
    },
  };
}

/** A page that records console errors and page errors into `errors`. */
export async function openPage(
  browser: Browser,
  width = 1280,
  height = 720,
  extra: { reducedMotion?: boolean; touch?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width, height },
    acceptDownloads: true,
    reducedMotion: extra.reducedMotion ? 'reduce' : 'no-preference',
    hasTouch: extra.touch ?? false,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (/ReadPixels|GPU stall/i.test(text)) return;
    errors.push(text);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

/** Saves a screenshot under out/screenshots/; returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** The hook the app exposes on window. */
export interface Hook {
  page: string;
  lang: string;
  firstBoardMs: number | null;
  boardRenders: number;
  game: { round: number; phase: string; active: string | null; seat: string | null; actions: number; thinking: string | null; over: boolean } | null;
  replay: { index: number; length: number } | null;
}

/** Reads the app's window hook. */
export function readHook(page: Page): Promise<Hook> {
  return page.evaluate(() => {
    const h = (window as unknown as { __gigawatt: Hook & { countColours: unknown } }).__gigawatt;
    return { page: h.page, lang: h.lang, firstBoardMs: h.firstBoardMs, boardRenders: h.boardRenders, game: h.game, replay: h.replay };
  });
}

/** Distinct colours on the board canvas (1 or 0: blank). */
export function boardColours(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const h = (window as unknown as { __gigawatt: { countColours: (() => Promise<number>) | null } }).__gigawatt;
    return h.countColours ? await h.countColours() : 0;
  });
}
