/**
 * The solo game page: the game saved in this browser, played against bots in a worker, on the
 * shared game page (game-page.ts).
 */
import { t } from '../i18n/i18n.js';
import { createBotRunner } from '../session/bot-runner.js';
import { LocalSession } from '../session/local-session.js';
import type { GameSession } from '../session/session.js';
import { storageStore } from '../session/solo-save.js';
import { PACES, savedPace } from '../settings.js';
import type { AppContext, PageHandle } from './app-context.js';
import { h, replaceChildren } from './dom.js';
import { GamePage } from './game-page.js';

/** Mounts the solo game saved in this browser (or says there is none). */
export function mountPlay(root: HTMLElement, ctx: AppContext): PageHandle {
  const rules = ctx.rules;
  const store = storageStore(localStorage);
  const save = store.load();
  if (!save || save.rulesHash !== rules.hash) {
    replaceChildren(root, h('section', { class: 'page narrow' }, h('h2', {}, t('play.noGame')), h('p', {}, h('a', { href: '#/' }, t('nav.home')))));
    return { unmount: () => {} };
  }
  const session: GameSession = new LocalSession(rules, save, createBotRunner(), {
    store,
    botDelayMs: () => PACES[savedPace()],
    actions: save.actions,
    hardIterations: hardBudgetFromUrl(),
  });
  return new GamePage(root, rules, session, { exportName: (n) => `gigawatt-${save.seed}-${n}.json`, debriefHref: '#/debrief', pace: true });
}

/** Another search budget for hard bots (rollouts with the default search), from `?hard=<n>` in the page's address (designers, tests). */
function hardBudgetFromUrl(): number | undefined {
  const raw = new URLSearchParams(location.search).get('hard');
  const n = raw === null ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 && n <= 1_000_000 ? n : undefined;
}
