/** Line charts with chart.js (its own chunk, loaded with the debrief). */
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Legend, Tooltip);
Chart.defaults.color = '#c9d6e3';
Chart.defaults.borderColor = 'rgba(159,179,200,0.25)';

/** One line of a chart. */
export interface Line {
  label: string;
  values: number[];
  color: string;
  pointStyle: 'rect' | 'circle' | 'rectRot' | 'triangle' | 'star';
  dashed: boolean;
}

const charts = new WeakMap<HTMLCanvasElement, Chart>();

/** Draws (or redraws) a line chart on `canvas`; no animation when motion is reduced. */
export function drawLineChart(canvas: HTMLCanvasElement, labels: string[], lines: Line[], reducedMotion: boolean): void {
  charts.get(canvas)?.destroy();
  const chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels,
      datasets: lines.map((l) => ({
        label: l.label,
        data: l.values,
        borderColor: l.color,
        backgroundColor: l.color,
        pointStyle: l.pointStyle,
        pointRadius: 4,
        borderDash: l.dashed ? [6, 4] : [],
        tension: 0.15,
      })),
    },
    options: {
      animation: reducedMotion ? false : { duration: 500 },
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { labels: { usePointStyle: true } } },
    },
  });
  charts.set(canvas, chart);
}

/** One series of bars: a value per label. */
export interface Bars {
  label: string;
  values: number[];
  color: string;
}

/** Draws (or redraws) a grouped bar chart on `canvas`; no animation when motion is reduced. */
export function drawBarChart(canvas: HTMLCanvasElement, labels: string[], series: Bars[], reducedMotion: boolean): void {
  charts.get(canvas)?.destroy();
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, borderColor: s.color })) },
    options: { animation: reducedMotion ? false : { duration: 500 }, responsive: true, maintainAspectRatio: false },
  });
  charts.set(canvas, chart);
}
