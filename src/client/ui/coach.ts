/**
 * The guided first round: a few short steps beside the board that explain what the newcomer
 * sees and what to try, shown during round 1 until done or skipped (and on demand later).
 */
import type { Lang, TextKey, TextParams } from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';
import { guideDone, setGuideDone } from '../settings.js';
import { h, replaceChildren } from './dom.js';

/** The steps, in order (title and text keys). */
const GUIDE_STEPS = ['welcome', 'map', 'tracks', 'actions', 'money', 'round'] as const;

/** The coach box. */
export class Coach {
  readonly el = h('section', { class: 'coach', 'aria-label': 'Guide', 'aria-live': 'polite' });
  private step = 0;
  private open = false;
  private decided = false;
  private lang: Lang = 'en';
  private faction = '';

  /** Shows the guide again from the first step. */
  restart(): void {
    this.open = true;
    this.step = 0;
    this.render();
  }

  /** Shows the guide in the current language; it opens by itself in round 1 for a newcomer. */
  update(lang: Lang, faction: string, round: number): void {
    if (!this.decided) {
      this.decided = true;
      this.open = round === 1 && !guideDone();
    }
    this.lang = lang;
    this.faction = faction;
    this.render();
  }

  private go(step: number): void {
    this.step = step;
    this.render();
  }

  private close(done: boolean): void {
    this.open = false;
    if (done) setGuideDone(true);
    this.render();
  }

  private render(): void {
    if (!this.open) {
      this.el.hidden = true;
      replaceChildren(this.el);
      return;
    }
    this.el.hidden = false;
    const tr = (k: TextKey, p?: TextParams) => translate(this.lang, k, p);
    const id = GUIDE_STEPS[this.step] ?? 'welcome';
    const last = this.step === GUIDE_STEPS.length - 1;
    replaceChildren(
      this.el,
      h('h3', {}, tr(`guide.${id}.title`), h('span', { class: 'step' }, ` ${this.step + 1}/${GUIDE_STEPS.length}`)),
      h('p', {}, tr(`guide.${id}.text`, { faction: this.faction })),
      h(
        'div',
        { class: 'coach-buttons' },
        this.step > 0 ? h('button', { type: 'button', onclick: () => this.go(this.step - 1) }, tr('guide.back')) : null,
        h(
          'button',
          { type: 'button', class: 'primary', 'data-guide': 'next', onclick: () => (last ? this.close(true) : this.go(this.step + 1)) },
          last ? tr('guide.done') : tr('guide.next'),
        ),
        h('button', { type: 'button', onclick: () => this.close(true) }, tr('guide.skip')),
      ),
    );
  }
}
