import { describe, expect, test } from 'vitest';
import { activeSeat, applyActionInPlace, checkAction, createInitialState, legalActions, text, type GameState } from '../../src/engine/index.js';
import { DEFAULT_RULE_FILES, defaultRules } from '../../src/engine/rules/default-rules.js';
import { mergeRuleFiles, parseRules } from '../../src/engine/rules/load.js';
import { isPresetId, PRESET_IDS, presetRules, rulesOfState } from '../../src/engine/rules/presets.js';
import { createGigawattGame } from '../../src/game/gigawatt.js';

describe('the scenario presets of class experiments', () => {
  test('every preset loads, has its own rules hash, and changes only what its name says', () => {
    const standard = defaultRules();
    expect(presetRules('standard')).toBe(standard);
    expect(new Set(PRESET_IDS.map((id) => presetRules(id).hash)).size).toBe(PRESET_IDS.length);
    expect(presetRules('export-controls-tight').game.tracks.exportControls.start).toBe(3);
    expect(presetRules('export-controls-open').game.tracks.exportControls.start).toBe(0);
    expect(standard.game.tracks.exportControls.start).toBe(1);
    const partners = presetRules('stargate-funded').game.us.partners;
    expect([partners.softbank.capital, partners.oracle.capital, partners.mgx.capital]).toEqual([29, 21, 30]);
    // Nothing else moved: the rest of the numbers are the shipped ones.
    const { tracks: _t1, us: _u1, ...restTight } = presetRules('export-controls-tight').game;
    const { tracks: _t2, us: _u2, ...restStandard } = standard.game;
    expect(restTight).toEqual(restStandard);
    expect(presetRules('stargate-funded').cardList).toEqual(standard.cardList);
    // No AI Act: the switch, and the AI Act's cards and headline rewritten; every other card and event as shipped.
    const noAct = presetRules('no-ai-act');
    expect(noAct.game.eu.aiAct).toBe(false);
    expect(standard.game.eu.aiAct).toBeUndefined();
    const { eu: _e1, ...restNoAct } = noAct.game;
    const { eu: _e2, ...restShipped } = standard.game;
    expect(restNoAct).toEqual(restShipped);
    const rewritten = ['transparencyProvision', 'riskManagementProvision', 'copyrightProvision', 'brusselsEffect'];
    expect(noAct.cardList.filter((c) => !rewritten.includes(c.id))).toEqual(standard.cardList.filter((c) => !rewritten.includes(c.id)));
    expect(noAct.eventList.filter((e) => e.id !== 'aiActInForce')).toEqual(standard.eventList.filter((e) => e.id !== 'aiActInForce'));
    expect(JSON.stringify([noAct.cardList, noAct.eventList])).not.toMatch(/"status":"enacted"/);
  });

  test('every preset has its name and description in English and French', () => {
    for (const id of PRESET_IDS) {
      for (const part of ['name', 'desc'] as const) {
        const words = text(`preset.${id}.${part}` as Parameters<typeof text>[0]);
        expect(words.en.length, `preset.${id}.${part} en`).toBeGreaterThan(3);
        expect(words.fr.length, `preset.${id}.${part} fr`).toBeGreaterThan(3);
        expect(words.fr).not.toBe(words.en);
      }
    }
  });

  test('without an AI Act the EU can neither enact a provision nor export its standards, and whole games end with no provision enacted', () => {
    const rules = presetRules('no-ai-act');
    const state = createInitialState(rules, 'no-act-1');
    const rich = { ...state, factions: { ...state.factions, eu: { ...state.factions.eu, capital: 99 } } };
    expect(checkAction(rules, rich, 'eu', { type: 'enact', provision: 'transparency' })).toMatchObject({ code: 'noAiAct' });
    expect(checkAction(rules, rich, 'eu', { type: 'exportStandards', region: 'AF' })).toMatchObject({ code: 'noAiAct' });
    expect(checkAction(defaultRules(), { ...rich, rulesHash: defaultRules().hash }, 'eu', { type: 'enact', provision: 'transparency' })).toBeNull();
    expect(text('reason.noAiAct').fr).toContain('AI Act');
    for (const seed of ['no-act-1', 'no-act-2', 'no-act-3']) {
      const G: GameState = createInitialState(rules, seed);
      for (let n = 0; G.phase !== 'over' && n < 400; n++) {
        const seat = activeSeat(G)!;
        const actions = legalActions(rules, G, seat);
        expect(actions.some((a) => a.type === 'enact' || a.type === 'exportStandards')).toBe(false);
        expect(applyActionInPlace(rules, G, seat, actions[(n * 7 + 3) % actions.length]!)).toBeNull();
      }
      expect(G.phase).toBe('over');
      expect(Object.values(G.provisions).every((p) => p !== 'enacted')).toBe(true);
      expect(G.euRules).toEqual([]);
    }
  });

  test('rules that switch the AI Act off but keep an effect that enacts a provision are refused, naming the card', () => {
    const parsed = parseRules(mergeRuleFiles(DEFAULT_RULE_FILES, { 'game.json': { eu: { aiAct: false } } }));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatch(/eu\.aiAct false, no effect may enact a provision/);
  });

  test("a state's rules are found by its rules hash, and an unknown hash falls back to the given rules", () => {
    for (const id of PRESET_IDS) expect(rulesOfState(createInitialState(presetRules(id), 'seed-1'))).toBe(presetRules(id));
    expect(rulesOfState({ rulesHash: 'not-a-hash' })).toBe(defaultRules());
    expect(isPresetId('__proto__')).toBe(false);
    expect(isPresetId('toString')).toBe(false);
  });

  test("the game sets a match up under its preset's rules and refuses an unknown preset", () => {
    const game = createGigawattGame();
    const setup = game.setup as unknown as (ctx: { random: { Number(): number } }, data: unknown) => unknown;
    const G = setup({ random: { Number: () => 0.5 } }, { seed: 's', preset: 'export-controls-tight' });
    expect(G).toEqual(createInitialState(presetRules('export-controls-tight'), 's'));
    expect(G).not.toEqual(createInitialState(defaultRules(), 's'));
    expect(game.validateSetupData?.({ seed: 's', preset: 'no-such-preset' as never }, 3)).toMatch(/preset/);
    expect(game.validateSetupData?.({ seed: 's', preset: 'stargate-funded' }, 3)).toBeUndefined();
  });
});
