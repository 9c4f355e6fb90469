import { afterEach, describe, expect, test } from 'vitest';
import { fillText, text } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { setLang, t, translate } from '../../src/client/i18n/i18n.js';

describe('UI strings in English and French', () => {
  afterEach(() => setLang('en'));

  test('the UI takes its words from the shared catalogue and fills them with the shared formatter', () => {
    expect(translate('fr', 'status.winner', { faction: 'UE' })).toBe('Victoire : UE !');
    expect(translate('en', 'board.marketUnits', { units: 4, price: 3 })).toBe('4 units · $3B each');
    expect(translate('fr', 'board.marketUnits', { units: 4, price: 3 })).toBe("4 unités · 3 Md$ l'unité");
    expect(translate('fr', 'home.resume', { faction: 'china', actions: 3 })).toBe(
      fillText(defaultRules(), text('home.resume'), { faction: 'china', actions: 3 }, 'fr'),
    );
    setLang('fr');
    expect(t('reason.gameOver')).toBe('La partie est terminée.');
  });

  test('placeholders without a value stay visible', () => {
    expect(translate('en', 'status.winner')).toBe('{faction} wins!');
  });
});
