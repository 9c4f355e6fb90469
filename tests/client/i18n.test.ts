import { describe, expect, test } from 'vitest';
import en from '../../src/client/i18n/en.json';
import fr from '../../src/client/i18n/fr.json';
import { format, translate } from '../../src/client/i18n/i18n.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings in English and French', () => {
  test('every key exists in both languages', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  test('no text is empty', () => {
    for (const dict of [en, fr]) for (const [k, v] of Object.entries(dict)) expect(v.trim(), k).not.toBe('');
  });

  test('each text uses the same placeholders in both languages', () => {
    for (const [k, v] of Object.entries(en)) expect(placeholders((fr as Record<string, string>)[k]!), k).toEqual(placeholders(v));
  });

  test('placeholders are filled and unknown ones stay visible', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(translate('fr', 'status.winner', { faction: 'UE' })).toBe('Victoire : UE !');
  });
});
