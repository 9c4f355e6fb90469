import { describe, expect, test } from 'vitest';
import { createInitialState } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
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
