/**
 * Saves as files on the home page: an "Export" button for the game in progress and each game put
 * aside (a match file download), and "Import a saved game" (a file picker). An imported file is
 * checked whole first (a broken one gets its error, in the language on screen, and changes
 * nothing); a good one is shown with what playing it would put aside, and waits for a yes.
 */
import type { Rules } from '../../engine/index.js';
import { getLang, t } from '../i18n/i18n.js';
import { importSave, saveFileName, saveToMatchText, type ImportedSave } from '../session/save-file.js';
import { SHELF_SIZE, shelfStore, storageStore, type SoloSave } from '../session/solo-save.js';
import { download, h, replaceChildren } from './dom.js';

/** A button that downloads `save` as a match file. */
export function exportSaveButton(rules: Rules, save: SoloSave, testId: string): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', 'data-testid': testId, title: t('save.exportTitle'), onclick: () => download(saveFileName(save), saveToMatchText(rules, save)) },
    t('save.export'),
  );
}

/** The faction a save's person plays, in the language on screen. */
function factionOf(rules: Rules, save: SoloSave): string {
  return save.human ? rules.factions[save.human].short[getLang()] : '—';
}

/** The date of a game put aside, as the language on screen writes it. */
export function shelfDate(at: number): string {
  return new Date(at).toLocaleString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The "Import a saved game" box; `play` opens the game once it is in place. */
export function importSection(rules: Rules, play: () => void): HTMLElement {
  const errorEl = h('p', { class: 'error', role: 'alert', 'data-testid': 'import-error' });
  const confirmEl = h('div', { class: 'confirm-replace', hidden: true, role: 'alertdialog', 'data-testid': 'import-confirm' });
  // The browser's own file button speaks the browser's language: a labelled button of ours stands in for it.
  const input = h('input', { type: 'file', id: 'import-file', class: 'sr-only file-input', accept: '.json,application/json', 'data-testid': 'import-file' });
  const chosen = h('span', { class: 'hint' });

  const ask = (imported: ImportedSave) => {
    const current = storageStore(localStorage).load();
    const putAside = current !== null && current.actions.length > 0;
    const shelved = shelfStore(localStorage).list();
    const oldest = shelved[SHELF_SIZE - 1];
    confirmEl.hidden = false;
    replaceChildren(
      confirmEl,
      h('p', {}, t('save.importRead', { faction: factionOf(rules, imported.save), round: imported.round, actions: imported.save.actions.length })),
      putAside ? h('p', {}, t('save.importReplaces', { faction: factionOf(rules, current), actions: current.actions.length })) : null,
      putAside && oldest ? h('p', {}, t('save.importShelfFull', { n: SHELF_SIZE, faction: factionOf(rules, oldest.save), date: shelfDate(oldest.at) })) : null,
      h(
        'div',
        { class: 'row' },
        h(
          'button',
          {
            type: 'button',
            class: 'primary',
            'data-testid': 'import-yes',
            onclick: () => {
              const now = storageStore(localStorage).load();
              if (now && now.actions.length > 0) shelfStore(localStorage).put(now, Date.now());
              storageStore(localStorage).save(imported.save);
              play();
            },
          },
          t('save.importYes'),
        ),
        h(
          'button',
          {
            type: 'button',
            'data-testid': 'import-no',
            onclick: () => {
              confirmEl.hidden = true;
              input.value = '';
              input.focus();
            },
          },
          t('save.importNo'),
        ),
      ),
    );
    confirmEl.querySelector<HTMLElement>('button')?.focus();
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    chosen.textContent = file?.name ?? '';
    confirmEl.hidden = true;
    errorEl.textContent = '';
    if (!file) return;
    void file.text().then((text) => {
      const read = importSave(rules, text);
      if (read.ok) ask(read.value);
      else errorEl.textContent = read.problem[getLang()];
    });
  });

  return h(
    'section',
    { class: 'box import', 'aria-labelledby': 'import-title' },
    h('h2', { id: 'import-title' }, t('save.import')),
    h('p', { class: 'row' }, input, h('label', { class: 'button', for: 'import-file' }, t('save.importPick')), ' ', chosen),
    h('p', { class: 'hint' }, t('save.importHint')),
    errorEl,
    confirmEl,
  );
}
