/** The small pages: the rulebook (loaded on demand). */
import { getLang, t } from '../i18n/i18n.js';
import type { AppContext, PageHandle } from './app-context.js';
import { cardGallery } from './card-face.js';
import { h } from './dom.js';

/** The rulebook page, in the current language. */
export function mountRules(root: HTMLElement, ctx: AppContext): PageHandle {
  const article = h('article', { class: 'rulebook', tabindex: '-1' }, h('p', {}, t('rules.loading')));
  root.replaceChildren(h('div', { class: 'page' }, h('p', {}, h('button', { type: 'button', onclick: () => history.back() }, t('rules.back'))), article));
  void import('./rules-page.js')
    .then(({ rulebookHtml }) => rulebookHtml(getLang()))
    .then(
      (html) => {
        article.innerHTML = html;
        article.append(cardGallery(ctx.rules, getLang()));
      },
      () => {
        article.replaceChildren(h('p', { role: 'alert' }, t('rules.failed')));
      },
    );
  return { unmount: () => {} };
}
