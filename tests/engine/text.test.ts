import { describe, expect, test } from 'vitest';
import { ACTION_TEXTS } from '../../src/bots/explain.js';
import { LANGS, REASON_TEXTS, fillText, formatMoney, formatMoneyRange, type Text } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';

const rules = defaultRules();
/** The placeholders of a template, but `{s}` (a plural ending, which a language may not need). */
/** The parameters a template uses (a name's form may differ between languages: "{faction:the}" and "{faction:to}" use the same one). */
const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)(?::(\w+))?\}/g)]
    .map((m) => (m[2] === 'money' ? m[0] : `{${m[1]!.toLowerCase()}}`))
    .filter((p) => p !== '{s}')
    .sort();

describe('one text catalogue and formatter', () => {
  const catalogues: [string, Record<string, Text>][] = [
    ['refusal reasons', REASON_TEXTS],
    ['bot action descriptions', ACTION_TEXTS],
  ];
  for (const [name, catalogue] of catalogues) {
    test(`every key of the ${name} exists in every language, with the same placeholders`, () => {
      for (const [key, text] of Object.entries(catalogue)) {
        for (const lang of LANGS) expect(text[lang].trim().length, `${key} (${lang})`).toBeGreaterThan(0);
        expect(placeholders(text.fr), key).toEqual(placeholders(text.en));
      }
    });
  }

  test('money is written one way: "$12B" in English, "12 Md$" in French, ranges alike', () => {
    expect(formatMoney(12, 'en')).toBe('$12B');
    expect(formatMoney(12, 'fr')).toBe('12 Md$');
    expect(formatMoneyRange(3, 6, 'en')).toBe('$3–6B');
    expect(formatMoneyRange(3, 6, 'fr')).toBe('3–6 Md$');
    expect(formatMoneyRange(4, 4, 'fr')).toBe('4 Md$');
  });

  test('the formatter names ids from the rules and formats money placeholders', () => {
    const text = { en: 'Costs {cost:money} in {region} for the {faction}', fr: 'Coûte {cost:money} en {region} pour {faction}' };
    expect(fillText(rules, text, { cost: 8, region: 'GULF', faction: 'eu' }, 'en')).toBe(
      `Costs $8B in ${rules.regions.GULF.name.en} for the ${rules.factions.eu.short.en}`,
    );
    expect(fillText(rules, text, { cost: 8, region: 'GULF', faction: 'eu' }, 'fr')).toBe(
      `Coûte 8 Md$ en ${rules.regions.GULF.name.fr} pour ${rules.factions.eu.short.fr}`,
    );
    expect(fillText(rules, text, {}, 'en')).toBe('Costs {cost:money} in {region} for the {faction}');
  });
});
