/**
 * A scoring told on the board one line at a time: a box over the board's foot adds a line every
 * `STEP_MS` (each region where someone scored, lit on the map, then the compute race, the
 * agendas and the total), with "Skip" (or Esc) to show them all at once; under reduced motion
 * all lines come at once. The lines stay until "Close" or the next scoring.
 */
import type { FactionId, RegionId } from '../../engine/index.js';
import { hook } from '../hook.js';
import { t } from '../i18n/i18n.js';
import type { ScoringStep } from '../model/scoring.js';
import { h, replaceChildren } from './dom.js';

/** Time between two lines, ms. */
const STEP_MS = 900;

/** What the board is asked to light while a line is on (null: nothing). */
export type ScoringLight = { id: RegionId; prizes: Record<FactionId, number> } | null;

/** The step-by-step box of a game page. */
export class ScoringSteps {
  readonly el = h('section', { class: 'scoring-steps', hidden: true, 'data-testid': 'scoring-steps', 'aria-live': 'polite' });
  private steps: ScoringStep[] = [];
  private title = '';
  private shown = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.running) {
      e.preventDefault();
      this.skip();
    }
  };

  constructor(private readonly light: (step: ScoringLight) => void) {
    document.addEventListener('keydown', this.onKey);
  }

  private get running(): boolean {
    return this.timer !== null;
  }

  /** Tells a scoring: line by line, or all at once (`animate` false: reduced motion). */
  start(title: string, steps: ScoringStep[], animate: boolean): void {
    this.stop();
    this.title = title;
    this.steps = steps;
    this.shown = 0;
    this.el.hidden = false;
    if (!animate || steps.length === 0) {
      this.shown = steps.length;
      this.render();
      return;
    }
    this.next();
  }

  /** Shows every line at once and turns the map's light off. */
  skip(): void {
    this.stop();
    this.shown = this.steps.length;
    this.render();
  }

  /** Hides the box. */
  close(): void {
    this.stop();
    this.el.hidden = true;
    hook.scoringSteps = null;
  }

  /** Leaving the page. */
  destroy(): void {
    this.stop();
    document.removeEventListener('keydown', this.onKey);
    hook.scoringSteps = null;
  }

  private next(): void {
    this.shown++;
    const step = this.steps[this.shown - 1];
    this.timer = this.shown < this.steps.length ? setTimeout(() => this.next(), STEP_MS) : null;
    this.light(step?.region ? { id: step.region, prizes: step.prizes } : null);
    this.render();
  }

  private stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.light(null);
  }

  /** The box's parts, built once (a button must not be replaced under the pointer or the keyboard's focus). */
  private readonly titleEl = h('h3', {});
  private readonly skipButton = h('button', { type: 'button', 'data-testid': 'scoring-skip', onclick: () => this.skip() });
  private readonly closeButton = h('button', { type: 'button', 'data-testid': 'scoring-close', onclick: () => this.close() });
  private readonly listEl = h('ol', {});

  private render(): void {
    const running = this.running;
    if (!this.el.firstChild) this.el.append(h('header', {}, this.titleEl, this.skipButton, this.closeButton), this.listEl);
    this.titleEl.textContent = this.title;
    this.skipButton.textContent = t('scoring.skip');
    this.closeButton.textContent = t('scoring.close');
    this.listEl.setAttribute('aria-label', t('scoring.stepsLabel'));
    // The keyboard's focus goes from Skip to Close when the last line comes.
    const focusWasOnSkip = document.activeElement === this.skipButton;
    this.skipButton.hidden = !running;
    this.closeButton.hidden = running;
    if (focusWasOnSkip && !running) this.closeButton.focus();
    replaceChildren(
      this.listEl,
      this.steps.slice(0, this.shown).map((s, i) => h('li', { class: i === this.shown - 1 && running ? 'current' : s.region === null ? 'sum' : '' }, s.text)),
    );
    // The newest line in sight (the box scrolls on a small screen).
    this.el.scrollTop = this.el.scrollHeight;
    hook.scoringSteps = { shown: this.shown, total: this.steps.length, running };
  }
}
