import { describe, expect, test } from 'vitest';
import { LANGS, REASON_CODES, fillText, fillTexts, formatMoney, formatMoneyRange, keysUnder, text, type Lang, type TextKey } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import gameEn from '../../src/engine/text/game.en.json' with { type: 'json' };
import gameFr from '../../src/engine/text/game.fr.json' with { type: 'json' };
import uiEn from '../../src/engine/text/ui.en.json' with { type: 'json' };
import uiFr from '../../src/engine/text/ui.fr.json' with { type: 'json' };

const rules = defaultRules();
/** The catalogue's two files per language: the engine's and bots' words, and the screens'. */
const PARTS: Record<string, Record<Lang, Record<string, string>>> = { game: { en: gameEn, fr: gameFr }, ui: { en: uiEn, fr: uiFr } };
const FILES: Record<Lang, Record<string, string>> = { en: { ...gameEn, ...uiEn }, fr: { ...gameFr, ...uiFr } };
/** The formats a placeholder may take: an amount, and the forms of a name (see names.ts). */
const FORMATS = new Set(['money', 'signed', 'the', 'in', 'of', 'to', 'subject']);
/**
 * The parameters a template uses, with the formats that change what a number means (a name's
 * form may differ between languages: "{faction:the}" and "{faction:to}" use the same one).
 */
const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)(?::(\w+))?\}/g)].map((m) => (m[2] === 'money' || m[2] === 'signed' ? m[0] : `{${m[1]!.toLowerCase()}}`)).sort();

describe('one text catalogue and formatter', () => {
  test('every key of the catalogue exists in English and in French, non-empty, with the same placeholders in both', () => {
    for (const part of Object.values(PARTS)) expect(Object.keys(part.fr)).toEqual(Object.keys(part.en));
    expect(Object.keys(gameEn).filter((key) => key in uiEn)).toEqual([]);
    for (const [key, english] of Object.entries(FILES.en)) {
      for (const lang of LANGS) expect(FILES[lang][key]?.trim(), `${key} (${lang})`).toBeTruthy();
      expect(placeholders(FILES.fr[key] ?? ''), key).toEqual(placeholders(english));
    }
  });

  test('every brace in the catalogue opens a placeholder the formatter knows', () => {
    for (const lang of LANGS)
      for (const [key, template] of Object.entries(FILES[lang]))
        for (const [brace] of template.matchAll(/\{[^}]*\}?/g)) {
          const m = /^\{\w+(?::(\w+))?\}$/.exec(brace);
          expect(m, `${key} (${lang}): ${brace}`).not.toBeNull();
          if (m?.[1]) expect(FORMATS.has(m[1]), `${key} (${lang}): ${brace}`).toBe(true);
        }
  });

  test('the refusal reasons are the catalogue keys under "reason."', () => {
    expect(REASON_CODES).toContain('gameOver');
    expect(REASON_CODES.length).toBe(Object.keys(gameEn).filter((k) => k.startsWith('reason.')).length);
    expect(keysUnder('bot.horizon')).toEqual(['round', 'scoring', 'game']);
  });

  test('money is written one way: "$12B" in English, "12 Md$" in French, ranges alike', () => {
    expect(formatMoney(12, 'en')).toBe('$12B');
    expect(formatMoney(12, 'fr')).toBe('12 Md$');
    expect(formatMoney(2.5, 'fr')).toBe('2,5 Md$');
    expect(formatMoneyRange(3, 6, 'en')).toBe('$3–6B');
    expect(formatMoneyRange(3, 6, 'fr')).toBe('3–6 Md$');
    expect(formatMoneyRange(4, 4, 'fr')).toBe('4 Md$');
  });

  test('the formatter names ids from the rules and formats money placeholders', () => {
    const template = { en: 'Costs {cost:money} in {region} for the {faction}', fr: 'Coûte {cost:money} en {region} pour {faction}' };
    expect(fillText(rules, template, { cost: 8, region: 'GULF', faction: 'eu' }, 'en')).toBe(
      `Costs $8B in ${rules.regions.GULF.name.en} for the ${rules.factions.eu.short.en}`,
    );
    expect(fillText(rules, template, { cost: 8, region: 'GULF', faction: 'eu' }, 'fr')).toBe(
      `Coûte 8 Md$ en ${rules.regions.GULF.name.fr} pour ${rules.factions.eu.short.fr}`,
    );
    expect(fillText(rules, template, {}, 'en')).toBe('Costs {cost:money} in {region} for the {faction}');
  });

  test('the formatter names tracks, provisions, partners and GPU kinds from the catalogue, and writes numbers, signs and texts', () => {
    expect(fillText(rules, text('reason.trackMax'), { track: 'exportControls', level: 3 }, 'fr')).toBe('Contrôles à l’export : déjà au maximum (3).');
    expect(fillText(rules, text('move.callPartner'), { partner: 'mgx' }, 'en')).toBe('Call on MGX');
    expect(fillText(rules, text('move.enact'), { provision: 'copyright' }, 'fr')).toBe('Adopter la disposition « Droit d’auteur »');
    expect(fillTexts(rules, text('move.buyGpus'), { count: 2, kind: 'export', s: 's' })).toEqual({
      en: 'Buy 2 export-grade GPU units',
      fr: 'Acheter 2 unités de GPU bridées à l’export',
    });
    expect(fillTexts(rules, text('log.weighedOption'), { action: { en: 'Build', fr: 'Construire' }, delta: -0.5 })).toEqual({
      en: 'Build (−0.5 VP)',
      fr: 'Construire (−0,5 PV)',
    });
    expect([1, -1, 0].map((delta) => fillText(rules, text('washington.tariffs'), { delta }, 'en'))).toEqual(['Tariffs +1', 'Tariffs −1', 'Tariffs −0']);
    // A name already written (the board passes short names) stays as it is; an unknown key shows as itself.
    expect(fillText(rules, text('status.winner'), { faction: 'UE' }, 'fr')).toBe('Victoire : UE !');
    expect(text('no.such.key' as TextKey)).toEqual({ en: 'no.such.key', fr: 'no.such.key' });
  });
});
