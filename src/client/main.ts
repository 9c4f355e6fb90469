/**
 * Boots the browser app: the header (home, rulebook, language), the hash router, and the page
 * of the current address. Pages mount into `#page`; a language switch relabels them.
 */
import './ui/styles.css';
import { defaultRules } from '../engine/rules/default-rules.js';
import { getLang, onLangChange, setLang, t, translate } from './i18n/i18n.js';
import { hook } from './hook.js';
import { parseRoute, type Page } from './routes.js';
import { saveLang, savedLang } from './settings.js';
import type { AppContext, PageHandle } from './ui/app-context.js';
import { mountDebrief } from './ui/debrief-page.js';
import { h, replaceChildren } from './ui/dom.js';
import { mountHome } from './ui/home-page.js';
import { mountPlay } from './ui/play-page.js';
import { mountReplay } from './ui/replay-page.js';
import { mountRules } from './ui/simple-pages.js';
import { mountHostPage, mountJoinPage } from './classroom/lazy.js';

const MOUNTS: Record<Page, (root: HTMLElement, ctx: AppContext) => PageHandle> = {
  home: mountHome,
  play: mountPlay,
  replay: mountReplay,
  debrief: mountDebrief,
  rules: mountRules,
  join: mountJoinPage,
  host: mountHostPage,
};

// A game or a replay to show: fetch and compile the board (Phaser's chunk) while the page sets up.
if (/^#\/(play|replay)/.test(location.hash)) void import('./board/create-board.js');

const rules = defaultRules();
const app = document.getElementById('app') as HTMLElement;
const header = h('header', { class: 'top' });
const pageEl = h('main', { id: 'page', tabindex: '-1' });
app.replaceChildren(h('a', { href: '#page', class: 'skip' }, t('nav.skip')), header, pageEl);

let current: PageHandle | null = null;
let currentHash = '';

function renderHeader(): void {
  const lang = getLang();
  const other = lang === 'en' ? 'fr' : 'en';
  replaceChildren(
    header,
    h('a', { href: '#/', class: 'brand' }, 'Gigawatt'),
    h(
      'nav',
      { 'aria-label': t('nav.main') },
      h('a', { href: '#/' }, t('nav.home')),
      h('a', { href: '#/replay' }, t('nav.replay')),
      h('a', { href: '#/rules' }, t('nav.rules')),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        'data-testid': 'lang',
        lang: other,
        'aria-label': translate(other, 'lang.switch'),
        onclick: () => {
          saveLang(other);
          setLang(other);
        },
      },
      translate(other, 'lang.code'),
    ),
  );
  document.documentElement.lang = lang;
  document.title = `Gigawatt — ${t('app.subtitle')}`;
  const skip = app.querySelector('.skip');
  if (skip) skip.textContent = t('nav.skip');
}

function mount(): void {
  const hash = location.hash || '#/';
  if (hash === currentHash && current) return;
  currentHash = hash;
  current?.unmount();
  const route = parseRoute(hash);
  hook.page = route.page;
  const ctx: AppContext = { rules, route, navigate: (to) => (location.hash = to) };
  current = MOUNTS[route.page](pageEl, ctx);
}

setLang(savedLang());
hook.lang = getLang();
renderHeader();
onLangChange((lang) => {
  hook.lang = lang;
  renderHeader();
  if (current?.relabel) current.relabel();
  else {
    currentHash = '';
    mount();
  }
});
window.addEventListener('hashchange', mount);
mount();
