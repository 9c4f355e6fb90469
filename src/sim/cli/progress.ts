/** A progress bar on standard error: games done, games per second, time left. Timing only; no game logic. */

/** Where the bar is drawn (standard error, or a stand-in in tests). */
export interface ProgressSink {
  isTTY?: boolean;
  write(text: string): unknown;
}

/**
 * Draws `[#####-----] 500/1000 games  812 games/s  ~1s left`: redrawn in place on a terminal (at
 * most five times a second); with `lines`, one plain line a second (for logs and tests); else nothing.
 */
export class ProgressBar {
  private readonly start = performance.now();
  private last = -Infinity;
  private drawn = false;

  constructor(
    private total: number,
    private readonly sink: ProgressSink = process.stderr,
    private readonly label = 'games',
    private readonly lines = false,
  ) {}

  /** Updates the bar. */
  update(done: number): void {
    if (!this.sink.isTTY && !this.lines) return;
    const now = performance.now();
    if (now - this.last < (this.sink.isTTY ? 200 : 1000) && done < this.total) return;
    this.last = now;
    const text = this.line(done, (now - this.start) / 1000);
    if (this.sink.isTTY) {
      this.sink.write('\r' + text + '\x1b[K');
      this.drawn = true;
    } else this.sink.write(text + '\n');
  }

  /** The text of the bar after `done` games in `seconds`. */
  line(done: number, seconds: number): string {
    const width = 24;
    const filled = Math.round((done / Math.max(1, this.total)) * width);
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? Math.ceil((this.total - done) / rate) : NaN;
    const eta = Number.isFinite(left) ? `~${formatSeconds(left)} left` : '';
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${this.total} ${this.label}  ${rate.toFixed(rate < 10 ? 1 : 0)} ${this.label}/s  ${eta}`.trimEnd();
  }

  /** Changes the number of games the bar counts to (a sequential check that stops early plays fewer). */
  setTotal(total: number): void {
    this.total = total;
  }

  /** Clears the bar's line. */
  clear(): void {
    if (this.drawn) this.sink.write('\r\x1b[K');
    this.drawn = false;
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
