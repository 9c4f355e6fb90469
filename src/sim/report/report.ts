/**
 * `report.html`: a self-contained page (chart.js inlined, data embedded, no network) with the
 * charts a designer reads a run by. One run, or a base and a variant side by side.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Difference } from '../stats/compare.js';
import type { SimSummary } from '../stats/summary.js';
import { REPORT_SCRIPT, REPORT_STYLE } from './report-page.js';

/** What the page shows: one or two labelled runs, and the differences when comparing. */
export interface ReportInput {
  title: string;
  runs: { label: string; summary: SimSummary }[];
  differences?: Difference[];
}

let chartJs: string | null = null;

/** chart.js's UMD build, read from node_modules (pinned in package.json). */
function chartJsSource(): string {
  if (chartJs) return chartJs;
  const require = createRequire(import.meta.url);
  // The package's main entry is dist/chart.cjs; the UMD build sits beside it.
  chartJs = readFileSync(join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'utf8');
  return chartJs;
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The whole page, as one HTML string. */
export function renderReport(input: ReportInput): string {
  const title = escapeHtml(input.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${title}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header><h1>${title}</h1><p id="subtitle"></p></header>
<main>
<section id="numbers"></section>
<section id="differences"></section>
<section id="charts" class="grid"></section>
</main>
<script type="application/json" id="report-data">${scriptJson(input)}</script>
<script>${chartJsSource().replace(/<\/script/gi, '<\\/script')}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}
