/**
 * The teacher's news in the console: "Announce news…" opens a form to pick a breaking-news item
 * (real, dated, sourced) or any event card, and a table or every table; the item's text, the
 * real fact and its source show before it is sent. Each table card then says what waits for its
 * next headline and what the teacher announced this round.
 */
import type { EventDef, Lang, Rules } from '../../engine/index.js';
import { t } from '../i18n/i18n.js';
import { h, replaceChildren } from '../ui/dom.js';
import type { ConsoleData, ConsoleTable } from './api.js';

/** What the panel asks of the console: send the news (the reply is the class's new state, or an error). */
export type SendNews = (event: string, table: number | null) => Promise<{ ok: true; tables: number[] } | { ok: false; error: string }>;

/** "Jan 2025" / "janv. 2025" from a YYYY-MM month. */
function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}

/** The news form of the console (kept open, with the teacher's choice, across the console's redraws). */
export class NewsPanel {
  readonly el = h('section', { class: 'news-panel', 'data-testid': 'news-panel' });
  private open = false;
  private event = '';
  private table = 'all';
  /** The last news sent (shown under the summary, in the page's language), and where. */
  private sent: { event: string; tables: number[] } | null = null;
  private error = '';
  private sending = false;

  constructor(private readonly send: SendNews) {}

  /** Draws the panel for the class (nothing while the class can take no news: ended or closed); leaves an open form alone. */
  render(rules: Rules, data: ConsoleData, lang: Lang, force = false): void {
    const live = data.status !== 'ended' && data.status !== 'closed' && data.tables.some((tb) => !tb.finished);
    if (!live) {
      replaceChildren(this.el);
      return;
    }
    if (!force && this.open && this.el.querySelector('form')) return;
    this.event ||= rules.newsList[0]?.id ?? '';
    const news = [...rules.newsList].sort((a, b) => a.date.localeCompare(b.date));
    const option = (e: EventDef) => h('option', { value: e.id, selected: e.id === this.event }, `${e.name[lang]} (${monthLabel(e.date, lang)})`);
    const preview = h('div', { class: 'news-preview', 'data-testid': 'news-preview' });
    const drawPreview = () => {
      const e = rules.events[this.event];
      replaceChildren(
        preview,
        e ? h('p', { class: 'news-text' }, e.text[lang]) : null,
        e?.fact ? h('p', { class: 'hint' }, t('classroom.news.fact', { fact: e.fact[lang] })) : null,
        e ? h('p', { class: 'hint' }, t('classroom.news.source', { source: e.source[lang] })) : null,
      );
    };
    const pick = h(
      'select',
      {
        id: 'news-event',
        'data-testid': 'news-event',
        onchange: () => {
          this.event = pick.value;
          drawPreview();
        },
      },
      h('optgroup', { label: t('classroom.news.breaking') }, ...news.map(option)),
      ...rules.game.eras.map((era) =>
        h('optgroup', { label: t('classroom.news.era', { era: era.id }) }, ...rules.eventList.filter((e) => e.era === era.id).map(option)),
      ),
    );
    const where = h(
      'select',
      { id: 'news-table', 'data-testid': 'news-table', onchange: () => (this.table = where.value) },
      h('option', { value: 'all', selected: this.table === 'all' }, t('classroom.news.everyTable')),
      ...data.tables
        .filter((tb) => !tb.finished)
        .map((tb) => h('option', { value: String(tb.no), selected: this.table === String(tb.no) }, t('classroom.news.table', { n: tb.no + 1 }))),
    );
    drawPreview();
    const button = h('button', { type: 'submit', class: 'primary', 'data-testid': 'news-send', disabled: this.sending }, t('classroom.news.start'));
    const details = h(
      'details',
      { class: 'news-open', open: this.open, ontoggle: () => (this.open = details.open) },
      h('summary', { 'data-testid': 'news-open' }, t('classroom.news.open')),
      h(
        'form',
        {
          class: 'box news-form',
          onsubmit: (e: Event) => {
            e.preventDefault();
            const table = this.table === 'all' ? null : Number(this.table);
            const event = this.event;
            this.sending = true;
            button.disabled = true;
            void this.send(event, table).then((r) => {
              this.sending = false;
              this.error = r.ok ? '' : r.error;
              this.sent = r.ok ? { event, tables: r.tables } : null;
              // Sent: the form folds, so the tables come first again.
              if (r.ok) this.open = false;
              this.render(rules, data, lang, true);
            });
          },
        },
        h(
          'div',
          { class: 'news-fields' },
          h('label', { class: 'field' }, t('classroom.news.pick'), pick),
          h('label', { class: 'field' }, t('classroom.news.where'), where),
        ),
        preview,
        h('p', { class: 'hint' }, t('classroom.news.help')),
        h('p', {}, button),
        this.error ? h('p', { class: 'error', role: 'alert' }, t('classroom.console.failed', { error: this.error })) : null,
      ),
    );
    const sent = this.sent;
    replaceChildren(
      this.el,
      details,
      sent
        ? h(
            'p',
            { class: 'online', role: 'status', 'data-testid': 'news-sent' },
            t('classroom.news.sent', { name: rules.events[sent.event]?.name[lang] ?? sent.event, tables: sent.tables.map((n) => n + 1).join(', ') }),
          )
        : null,
    );
  }
}

/** A table card's news lines: what waits for its next headline, what the teacher announced this round. */
export function tableNewsLines(rules: Rules, tb: ConsoleTable, lang: Lang): HTMLElement[] {
  const names = (ids: string[]) => ids.map((id) => rules.events[id]?.name[lang] ?? id).join(' · ');
  const news = tb.news;
  if (!news) return [];
  const out: HTMLElement[] = [];
  if (news.pending.length > 0)
    out.push(h('p', { class: 'news-line', 'data-testid': `news-pending-${tb.no}` }, t('classroom.news.pending', { names: names(news.pending) })));
  if (news.announced.length > 0)
    out.push(h('p', { class: 'news-line', 'data-testid': `news-announced-${tb.no}` }, t('classroom.news.announced', { names: names(news.announced) })));
  return out;
}
