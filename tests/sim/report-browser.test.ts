import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { compareSummaries } from '../../src/sim/stats/compare.js';
import type { RunPlan } from '../../src/sim/run/game-record.js';
import { renderReport, type ReportInput } from '../../src/sim/report/report.js';
import { runGames } from '../../src/sim/run/runner.js';
import { summarise } from '../../src/sim/stats/summary.js';
import { rulesFromVariant } from '../../src/sim/cli/variant.js';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

const executablePath = findChromium();
if (!executablePath) {
  process.stderr.write('\n!!! browser tests not run: no Chromium; apt-get install chromium !!!\n\n');
}

const plan: RunPlan = { seed: 'report', bots: ['random', 'random', 'random'], rotate: true, saveMatches: false };

async function summaryUnder(rules = defaultRules(), label: string | null = null) {
  const { records } = await runGames(rules, plan, { games: 60, workers: 1 });
  return summarise(records, plan, { rulesHash: rules.hash, variant: label, requestedGames: 60, lastRound: rules.game.rounds.count });
}

/** Opens the page in Chromium; returns console errors, chart count and a screenshot path. */
async function render(input: ReportInput, name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'gigawatt-report-'));
  const file = join(dir, `${name}.html`);
  writeFileSync(file, renderReport(input));
  const browser = await chromium.launch({ executablePath: executablePath!, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('GPU stall due to ReadPixels') && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && requests.push(r.url()));
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => (window as unknown as { reportReady?: boolean }).reportReady === true, null, { timeout: 15_000 });
    const charts = await page.locator('canvas').count();
    const screenshot = join(dir, `${name}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    return { errors, requests, charts, screenshot };
  } finally {
    await browser.close();
  }
}

describe.skipIf(!executablePath)('the report page in Chromium', () => {
  test('a run report renders all its charts without console errors or network requests', async () => {
    const summary = await summaryUnder();
    const page = await render({ title: 'test run', runs: [{ label: 'run', summary }] }, 'run');
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([]);
    expect(page.charts).toBe(15);
    process.stdout.write(`report screenshot: ${page.screenshot}\n`);
  });

  test('a comparison report renders both runs and the table of differences without console errors', async () => {
    const variant = rulesFromVariant({ 'game.json': { tracks: { tension: { start: 6 } } } }, 'v.json');
    if (!variant.ok) throw new Error(variant.error);
    const c = compareSummaries(await summaryUnder(), await summaryUnder(variant.value, 'v.json'));
    const page = await render(
      {
        title: 'test comparison',
        runs: [
          { label: 'base', summary: c.base },
          { label: 'variant', summary: c.variant },
        ],
        differences: c.differences,
      },
      'compare',
    );
    expect(page.errors).toEqual([]);
    expect(page.charts).toBe(15);
  });
});
