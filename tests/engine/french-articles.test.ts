/**
 * French has no bare country names in a sentence: "la Chine", "aux États-Unis", "en Amérique du
 * Nord". Every French text a player reads — the engine's reasons, the bots' explanations, the
 * board's and classroom's strings, the events and cards — is rendered with every faction and
 * region, and each name it introduces must come with its article or preposition, unless it
 * stands as a label ("Chine : 3 PV", "(Inde)", "Au tour de : Chine").
 */
import { describe, expect, test } from 'vitest';
import { describeAction } from '../../src/bots/explain.js';
import gameFr from '../../src/engine/text/game.fr.json' with { type: 'json' };
import uiFr from '../../src/engine/text/ui.fr.json' with { type: 'json' };
import { type Action, createInitialState, FACTIONS, REASON_CODES, REGIONS, reasonText } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';

const rules = defaultRules();
const NAMES = [...new Set([...FACTIONS.map((f) => rules.factions[f].short.fr), ...REGIONS.map((r) => rules.regions[r].name.fr)])];
/** Words after which a name is properly introduced. */
const INTRODUCED = /(?:^|[\s(«])(?:la|le|les|l[’']|en|de|des|du|d[’']|au|aux|à|dans)\s*$/i;
const LETTER = /\p{L}/u;

/** The names in `text` that a sentence introduces without their article, with some context. */
function bareNames(text: string): string[] {
  const found: string[] = [];
  for (const name of NAMES) {
    let at = text.indexOf(name);
    while (at >= 0) {
      const before = text.slice(0, at);
      const after = text.slice(at + name.length);
      const wordStart = before.length === 0 || !LETTER.test(before.charAt(before.length - 1));
      const wordEnd = after.length === 0 || !LETTER.test(after.charAt(0));
      const label = /(?::|\(|«|—)\s*$/.test(before) || /^\s*(?::|—|\)|»)/.test(after) || /\([^)]*$/.test(before);
      if (wordStart && wordEnd && !label && !INTRODUCED.test(before)) found.push(`…${before.slice(-25)}[${name}]${after.slice(0, 25)}…`);
      at = text.indexOf(name, at + name.length);
    }
  }
  return found;
}

describe('French texts', () => {
  test('the check itself flags the bare names found in play, and accepts articles and labels', () => {
    for (const bad of [
      'Mettre Chine à l’amende',
      'États-Unis n’a enfreint aucune disposition.',
      'Amérique du Nord est le territoire d’une autre puissance.',
      'Plus de puissance libre en États du Golfe ici, pour Inde.',
    ])
      expect(bareNames(bad)).not.toEqual([]);
    for (const good of [
      'Mettre la Chine à l’amende',
      'Les règles s’appliquent déjà en Amérique du Nord.',
      'Chine : 3 PV',
      'Au tour de : Chine.',
      'Construire (Inde)',
      'Victoire : UE !',
      'aux États-Unis et dans les États du Golfe',
    ])
      expect(bareNames(good)).toEqual([]);
  });

  test('every reason names a faction or region with its article', () => {
    const problems: string[] = [];
    for (const code of REASON_CODES)
      for (const f of FACTIONS)
        for (const r of REGIONS) {
          const text = reasonText(rules, { code, params: { seat: f, faction: f, target: f, region: r, need: 2, have: 1 } } as never, 'fr');
          problems.push(...bareNames(text).map((p) => `${code}: ${p}`));
        }
    expect([...new Set(problems)]).toEqual([]);
  });

  test('every bot explanation of an action in a region or against a faction names it with its article', () => {
    const state = createInitialState(rules, 'french-articles');
    const actions: Action[] = [
      ...REGIONS.flatMap((region) => [
        { type: 'build', region },
        { type: 'expand', region },
        { type: 'deal', region },
        { type: 'exportStandards', region },
        { type: 'release', regions: [region, 'IN'] },
      ]),
      ...FACTIONS.map((target) => ({ type: 'fine', target })),
      { type: 'buyGpus', kind: 'frontier', count: 1 },
      { type: 'buyGpus', kind: 'frontier', count: 2 },
    ] as Action[];
    const problems = actions.flatMap((a) => bareNames(describeAction(rules, state, a).fr).map((p) => `${a.type}: ${p}`));
    expect(problems).toEqual([]);
    expect(describeAction(rules, state, { type: 'buyGpus', kind: 'frontier', count: 1 } as Action).fr).not.toContain('(s)');
    expect(describeAction(rules, state, { type: 'fine', target: 'china' } as Action)).toEqual({ en: 'Fine China', fr: 'Mettre la Chine à l’amende' });
  });

  test('every string of the board and the classroom pages, with any faction or region, names it with its article', () => {
    const problems: string[] = [];
    for (const [key, template] of Object.entries({ ...gameFr, ...uiFr } as Record<string, string>))
      for (const f of FACTIONS)
        for (const r of REGIONS) {
          const text = template.replace(/\{faction\}|\{seat\}|\{winner\}/g, rules.factions[f].short.fr).replace(/\{region\}/g, rules.regions[r].name.fr);
          problems.push(...bareNames(text).map((p) => `${key}: ${p}`));
        }
    expect([...new Set(problems)]).toEqual([]);
  });

  test('every event and card text names a faction or region with its article', () => {
    const texts = [
      ...Object.values(rules.events).flatMap((e) => [e.text.fr, ...e.effects.flatMap((x) => (x.op === 'choice' ? x.options.map((o) => o.text.fr) : []))]),
      ...Object.values(rules.cards).map((c) => c.text.fr),
      ...rules.game.incidents.table.map((row) => row.text.fr),
    ];
    expect(texts.flatMap(bareNames)).toEqual([]);
  });
});
