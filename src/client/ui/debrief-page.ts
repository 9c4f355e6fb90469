/** The debrief page of the solo game saved in this browser (replayed from its action list). */
import { getLang, t } from '../i18n/i18n.js';
import { seatsOf } from '../session/local-session.js';
import { PlayedGame } from '../session/played-game.js';
import { storageStore } from '../session/solo-save.js';
import type { AppContext, PageHandle } from './app-context.js';
import { renderDebrief } from './debrief-view.js';
import { h } from './dom.js';

/** Mounts the debrief of the saved solo game. */
export function mountDebrief(root: HTMLElement, ctx: AppContext): PageHandle {
  const save = storageStore(localStorage).load();
  const body = h('section', { class: 'debrief' });
  root.replaceChildren(
    h(
      'div',
      { class: 'page' },
      h('p', {}, h('a', { href: '#/play', class: 'button' }, t('debrief.backToBoard')), ' ', h('a', { href: '#/', class: 'button' }, t('play.newGame'))),
      body,
    ),
  );
  if (!save || save.rulesHash !== ctx.rules.hash) {
    body.append(h('p', {}, t('play.noGame')));
    return { unmount: () => {} };
  }
  const game = new PlayedGame(ctx.rules, save.seed, seatsOf(save));
  for (const a of save.actions) if (game.apply(a.seat, a.action)) break;
  void renderDebrief(body, ctx.rules, game.state, game.rounds, getLang());
  return { unmount: () => {} };
}
