import { describe, expect, test } from 'vitest';
import { LANGS, REASON_CODES, parseRules, reasonText, type RuleFiles } from '../../src/engine/index.js';
import { DEFAULT_RULE_FILES, defaultRules } from '../../src/engine/rules/default-rules.js';

/** A deep copy of the shipped files, edited (loosely typed on purpose: tests break the files). */
// biome-ignore lint/suspicious/noExplicitAny: the tests write malformed data on purpose
type Loose = any;
function files(edit: (f: Record<string, Loose>) => void): RuleFiles {
  const copy = structuredClone(DEFAULT_RULE_FILES) as unknown as Record<string, Loose>;
  edit(copy);
  return copy as unknown as RuleFiles;
}

function errorOf(f: RuleFiles): string {
  const result = parseRules(f);
  if (result.ok) throw new Error('expected the rules to be refused');
  return result.error;
}

describe('loading the rules', () => {
  test('accepts the shipped files', () => {
    expect(parseRules(DEFAULT_RULE_FILES).ok).toBe(true);
  });

  test('refuses a missing file, naming it', () => {
    expect(errorOf(files((f) => delete f['cards.json']))).toBe('cards.json: file is missing');
    expect(errorOf(files((f) => delete f['game.json']))).toBe('game.json: file is missing');
  });

  test('refuses a number of the wrong type, naming the file, the field and what was expected', () => {
    const error = errorOf(files((f) => (f['game.json'].costs.build = '8')));
    expect(error).toMatch(/^game\.json: field "costs\.build": /);
    expect(error).toMatch(/expected number/i);
  });

  test('refuses a negative cost and a fractional count', () => {
    expect(errorOf(files((f) => (f['game.json'].costs.deal = -1)))).toMatch(/^game\.json: field "costs\.deal": .*>=\s*0/);
    expect(errorOf(files((f) => (f['game.json'].gpus.maxBuy = 1.5)))).toMatch(/^game\.json: field "gpus\.maxBuy": .*int/i);
  });

  test('refuses an unknown region, listing the expected ones', () => {
    const error = errorOf(files((f) => (f['factions.json'].factions[0].home = 'MARS')));
    expect(error).toMatch(/^factions\.json: field "factions\.0\.home": /);
    expect(error).toContain('"NA"');
    const inRegions = errorOf(files((f) => (f['regions.json'].regions[3].id = 'ATLANTIS')));
    expect(inRegions).toMatch(/^regions\.json: field "regions\.3\.id": /);
  });

  test('refuses an unknown region inside an effect', () => {
    const error = errorOf(files((f) => (f['events.json'].events[2].effects[0].region = 'MOON')));
    expect(error).toMatch(/^events\.json: field "events\.2\.effects\.0/);
  });

  test('refuses duplicate ids, naming the field and the id', () => {
    const card = errorOf(files((f) => f['cards.json'].cards.push(structuredClone(f['cards.json'].cards[0]))));
    expect(card).toMatch(/^cards\.json: field "cards\.\d+\.id": card id "softbankCapitalCall" appears twice$/);
    const event = errorOf(files((f) => (f['events.json'].events[1].id = f['events.json'].events[0].id)));
    const firstEvent = (DEFAULT_RULE_FILES['events.json'] as { events: { id: string }[] }).events[0]!.id;
    expect(event).toBe(`events.json: field "events.1.id": event id "${firstEvent}" appears twice`);
    const region = errorOf(files((f) => (f['regions.json'].regions[1].id = 'NA')));
    expect(region).toBe('regions.json: field "regions.1.id": region NA appears twice');
  });

  test('refuses unknown fields, a text without French and a choice that is not last', () => {
    expect(errorOf(files((f) => (f['game.json'].costs.bribe = 3)))).toMatch(/^game\.json: field "costs": .*bribe/);
    expect(errorOf(files((f) => delete f['cards.json'].cards[0].name.fr))).toMatch(/^cards\.json: field "cards\.0\.name\.fr": /);
    const choiceFirst = errorOf(
      files((f) => {
        const e = f['events.json'].events.find((x: Loose) => x.id === 'nvidiaLobbies');
        e.effects.push({ op: 'market', delta: 1 });
      }),
    );
    expect(choiceFirst).toMatch(/events\.json \(event nvidiaLobbies\): field "effects\.0": a choice must be the last effect/);
  });

  test('refuses an era with too few events and rounds outside any era', () => {
    expect(
      errorOf(
        files(
          (f) =>
            (f['events.json'].events = f['events.json'].events
              .filter((e: Loose) => e.era !== 3)
              .concat(f['events.json'].events.filter((e: Loose) => e.era === 3).slice(0, 2))),
        ),
      ),
    ).toMatch(/^events\.json: field "events": era 3 needs at least 6 events, found 2$/);
    expect(errorOf(files((f) => (f['game.json'].eras[2].rounds = [6, 7])))).toMatch(/^game\.json: field "eras": round 8 belongs to no era/);
  });

  test('refuses a track whose start is outside its range', () => {
    expect(errorOf(files((f) => (f['game.json'].tracks.risk.start = 13)))).toBe('game.json: field "tracks.risk": expected min ≤ start ≤ max');
  });

  test('gives a rules hash that changes when a single number changes', () => {
    const base = defaultRules().hash;
    const again = parseRules(files(() => {}));
    const changed = parseRules(files((f) => (f['game.json'].costs.build = 9)));
    if (!again.ok || !changed.ok) throw new Error('rules refused');
    expect(again.value.hash).toBe(base);
    expect(changed.value.hash).not.toBe(base);
  });
});

describe('texts', () => {
  test('every player-facing text in the rules has an English and a French version', () => {
    const missing: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          walk(v, `${path}.${i}`);
        });
        return;
      }
      if (value === null || typeof value !== 'object') return;
      const o = value as Record<string, unknown>;
      if ('en' in o || 'fr' in o) {
        // A text is a string per language; a name's forms are a record of strings per language.
        const ok = (v: unknown) =>
          typeof v === 'string' ? v.trim() !== '' : !!v && typeof v === 'object' && Object.values(v).every((x) => typeof x === 'string' && x.trim() !== '');
        for (const lang of LANGS) if (!ok(o[lang])) missing.push(`${path}.${lang}`);
        return;
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    };
    for (const [name, data] of Object.entries(DEFAULT_RULE_FILES)) walk(data, name);
    expect(missing).toEqual([]);
  });

  test('every card, event, region, faction, era and incident has its texts', () => {
    const rules = defaultRules();
    for (const c of rules.cardList) for (const lang of LANGS) expect(c.name[lang] && c.text[lang]).toBeTruthy();
    for (const e of rules.eventList) for (const lang of LANGS) expect(e.name[lang] && e.text[lang]).toBeTruthy();
    for (const r of Object.values(rules.regions)) for (const lang of LANGS) expect(r.name[lang]).toBeTruthy();
    for (const f of Object.values(rules.factions)) for (const lang of LANGS) expect(f.name[lang] && f.short[lang] && f.dealName[lang]).toBeTruthy();
    for (const e of rules.game.eras) for (const lang of LANGS) expect(e.name[lang]).toBeTruthy();
    for (const row of rules.game.incidents.table) for (const lang of LANGS) expect(row.text[lang]).toBeTruthy();
  });

  test('every refusal reason reads in English and French with its parameters filled in', () => {
    const rules = defaultRules();
    const params = {
      seat: 'us',
      faction: 'china',
      region: 'GULF',
      cost: 8,
      capital: 3,
      level: 2,
      units: 1,
      slots: 0,
      max: 3,
      left: 1,
      compute: 1,
      count: 4,
      need: 2,
      have: 1,
      partner: 'mgx',
      track: 'risk',
      provision: 'copyright',
      min: 2,
      detail: 'x',
      cloud: 12,
      rentable: 3,
    };
    for (const code of REASON_CODES) {
      for (const lang of LANGS) {
        const text = reasonText(rules, { code, params }, lang);
        expect(text.length, `${code} in ${lang}`).toBeGreaterThan(0);
        expect(text, `${code} in ${lang}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(reasonText(rules, { code: 'noInfluence', params: { region: 'GULF' } }, 'fr')).toContain('États du Golfe');
  });
});
