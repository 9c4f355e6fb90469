/**
 * Saves are never silently lost: before a new solo game (or "Play from here") takes the place of
 * the game in progress in this browser, an in-page question says which game it is and that it
 * will be put aside (the home page can bring it back), and waits.
 */
import type { Rules } from '../../engine/index.js';
import { getLang, t } from '../i18n/i18n.js';
import { shelfStore, storageStore } from '../session/solo-save.js';
import { h } from './dom.js';

/**
 * Runs `replace` at once when no game is in progress (no save, another rules version, or no
 * action played yet); else shows the question inside `host` and, on "Start anyway", puts the
 * game in progress aside and runs it.
 */
export function confirmReplace(host: HTMLElement, rules: Rules, replace: () => void): void {
  const saved = storageStore(localStorage).load();
  if (!saved || saved.rulesHash !== rules.hash || saved.actions.length === 0) {
    replace();
    return;
  }
  host.querySelector('.confirm-replace')?.remove();
  const faction = saved.human ? rules.factions[saved.human].short[getLang()] : '—';
  const box = h(
    'div',
    { class: 'confirm-replace', role: 'alertdialog', 'aria-labelledby': 'confirm-replace-text' },
    h('p', { id: 'confirm-replace-text' }, t('save.replaceWarning', { faction, actions: saved.actions.length })),
    h(
      'div',
      { class: 'row' },
      h(
        'button',
        {
          type: 'button',
          class: 'danger',
          'data-testid': 'replace-yes',
          onclick: () => {
            shelfStore(localStorage).put(saved, Date.now());
            replace();
          },
        },
        t('save.replaceYes'),
      ),
      h('a', { href: '#/play', class: 'button primary', 'data-testid': 'replace-no' }, t('save.replaceNo')),
    ),
  );
  host.append(box);
  box.querySelector<HTMLElement>('a')?.focus();
}
