/**
 * The teacher's news on a student's page (from the class status it polls): "the teacher has news
 * for your table" while it waits for the next headline, then the announcement itself (each
 * event's name, what it does, and the real fact) during the round it was read out, until closed.
 */
import type { Rules } from '../../engine/index.js';
import type { TableNews } from '../../protocol/classroom.js';
import { getLang, t } from '../i18n/i18n.js';
import { h, replaceChildren } from '../ui/dom.js';

/** The banner under the class bar. */
export class NewsBanner {
  readonly el = h('div', { class: 'class-news', role: 'status', 'aria-live': 'polite', 'data-testid': 'student-news' });
  private news: TableNews | null = null;
  /** The announcement the student closed (its round and events). */
  private closed = '';

  constructor(private readonly rules: Rules) {}

  /** The table's news as the class status gave it (null: none, or an older server). */
  update(news: TableNews | null): void {
    this.news = news;
    this.draw();
  }

  /** Redraws in the page's language. */
  relabel(): void {
    this.draw();
  }

  private draw(): void {
    const n = this.news;
    const key = n ? `${n.round}:${n.announced.join()}` : '';
    if (n && n.announced.length > 0 && key !== this.closed) {
      const lang = getLang();
      this.el.dataset.state = 'announced';
      replaceChildren(
        this.el,
        h(
          'div',
          { class: 'announced' },
          h('h2', {}, t('classroom.news.title')),
          ...n.announced.map((id) => {
            const e = this.rules.events[id];
            return h(
              'div',
              { class: 'news-item', 'data-event': id },
              h('p', { class: 'news-name' }, e?.name[lang] ?? id),
              e ? h('p', {}, e.text[lang]) : null,
              e?.fact ? h('p', { class: 'hint' }, e.fact[lang]) : null,
            );
          }),
          h(
            'button',
            {
              type: 'button',
              class: 'small',
              'data-testid': 'news-close',
              onclick: () => {
                this.closed = key;
                this.draw();
              },
            },
            t('classroom.news.close'),
          ),
        ),
      );
      return;
    }
    if (n && n.pending.length > 0) {
      this.el.dataset.state = 'soon';
      replaceChildren(this.el, h('p', { class: 'soon' }, t('classroom.news.soon')));
      return;
    }
    this.el.dataset.state = 'none';
    replaceChildren(this.el);
  }
}
