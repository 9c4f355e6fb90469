import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkAction, mergeRuleFiles, parseRules, type RuleFiles, type Rules } from '../../src/engine/index.js';
import { DEFAULT_RULE_FILES, defaultRules } from '../../src/engine/rules/default-rules.js';
import { MOVED_FROM_CODE } from '../../src/engine/rules/schema.js';
import { changeCapability, changeInfluence, slotAccepts } from '../../src/engine/world.js';
import { positionFor } from '../helpers/positions.js';

const shipped = defaultRules();

function variant(over: Parameters<typeof mergeRuleFiles>[1]): Rules {
  const parsed = parseRules(mergeRuleFiles(DEFAULT_RULE_FILES, over));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function errorOf(over: Parameters<typeof mergeRuleFiles>[1]): string {
  const parsed = parseRules(mergeRuleFiles(DEFAULT_RULE_FILES, over));
  if (parsed.ok) throw new Error('expected the rules to be refused');
  return parsed.error;
}

describe('rule numbers that used to live in the code', () => {
  test('the shipped game.json states each of them, with the value the code had', () => {
    const g = DEFAULT_RULE_FILES['game.json'] as unknown as Record<string, Record<string, unknown>>;
    expect(g.limits).toMatchObject(MOVED_FROM_CODE.limits);
    expect(g.gpus?.exportControls).toEqual(MOVED_FROM_CODE.gpus.exportControls);
    expect(g.costs?.dealMinInfluence).toBe(MOVED_FROM_CODE.costs.dealMinInfluence);
  });

  test('a rules file that omits them gets the same numbers and the same rules hash', () => {
    const game = structuredClone(DEFAULT_RULE_FILES['game.json']) as unknown as Record<string, Record<string, unknown>>;
    delete game.limits?.influence;
    delete game.limits?.capability;
    delete game.gpus?.exportControls;
    delete game.costs?.dealMinInfluence;
    const parsed = parseRules({ ...DEFAULT_RULE_FILES, 'game.json': game } as RuleFiles);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.game.limits).toEqual(shipped.game.limits);
    expect(parsed.value.game.gpus.exportControls).toEqual(shipped.game.gpus.exportControls);
    expect(parsed.value.game.costs.dealMinInfluence).toBe(2);
    expect(parsed.value.hash).toBe(shipped.hash);
  });

  test('a variant can change the influence cap: expanding stops there, influence is clamped there, and the hash changes', () => {
    const rules = variant({ 'game.json': { limits: { influence: 7 }, release: { maxInfluence: 5 } } });
    expect(rules.hash).not.toBe(shipped.hash);
    const s = positionFor('us', (s) => (s.factions.us.influence.IN = 6));
    expect(checkAction(shipped, s, 'us', { type: 'expand', region: 'IN' })).toEqual({ code: 'influenceFull', params: { region: 'IN', max: 6 } });
    expect(checkAction(rules, s, 'us', { type: 'expand', region: 'IN' })).toBeNull();
    changeInfluence(rules, s, 'us', 'IN', 5);
    expect(s.factions.us.influence.IN).toBe(7);
  });

  test('a variant can change the capability cap, with as many training costs and revenue tiers', () => {
    const rules = variant({
      'game.json': {
        limits: { capability: 11 },
        training: { costs: [...shipped.game.training.costs, 40] },
        upkeep: { revenueTiers: [...shipped.game.upkeep.revenueTiers, 5] },
      },
    });
    const s = positionFor('us', (s) => (s.factions.us.capability = 10));
    expect(checkAction(shipped, s, 'us', { type: 'train' })?.code).toBe('maxCapability');
    expect(checkAction(rules, s, 'us', { type: 'train' })?.code).not.toBe('maxCapability');
    changeCapability(rules, s, 'us', 5);
    expect(s.factions.us.capability).toBe(11);
  });

  test('refuses a capability cap that does not match the training costs or the revenue tiers, naming the field', () => {
    expect(errorOf({ 'game.json': { limits: { capability: 9 } } })).toMatch(
      /^game\.json: field "training\.costs": expected one cost for each level up to limits\.capability \(9\)/,
    );
    expect(errorOf({ 'game.json': { limits: { capability: 11 }, training: { costs: [...shipped.game.training.costs, 40] } } })).toMatch(
      /^game\.json: field "upkeep\.revenueTiers"/,
    );
  });

  test('a variant can change the deal threshold and the export-control steps', () => {
    const rules = variant({ 'game.json': { costs: { dealMinInfluence: 3 }, gpus: { exportControls: { chinaNoFrontierFrom: 2 } } } });
    const s = positionFor('us', (s) => {
      s.factions.us.influence.IN = 2;
      s.tracks.exportControls = 1;
    });
    expect(checkAction(shipped, s, 'us', { type: 'deal', region: 'IN' })).toBeNull();
    expect(checkAction(rules, s, 'us', { type: 'deal', region: 'IN' })).toEqual({ code: 'dealInfluence', params: { region: 'IN', need: 3, have: 2 } });
    expect(slotAccepts(rules, s, 'china', 'CN', 'frontier')).toBe(true);
    const c = positionFor('china', (c) => (c.tracks.exportControls = 1));
    expect(checkAction(shipped, c, 'china', { type: 'buyGpus', kind: 'frontier', count: 1 })?.code).toBe('ecFrontier');
    expect(checkAction(rules, c, 'china', { type: 'buyGpus', kind: 'frontier', count: 1 })?.code).not.toBe('ecFrontier');
  });
});

describe('the rulebook states the shipped rule numbers', () => {
  const en = readFileSync(new URL('../../rules/RULEBOOK.md', import.meta.url), 'utf8');
  const g = shipped.game;

  test('influence and capability ranges, the market size and the deal threshold', () => {
    expect(en).toContain(`**Influence** cubes: 0 to ${g.limits.influence} per region.`);
    expect(en).toContain(`**capability** (0–${g.limits.capability})`);
    expect(en).toContain(`| **GPU market** | 0–${g.gpus.marketUnits} units | ${g.gpus.marketUnits} each round |`);
    expect(en).toContain(`where you have **≥${g.costs.dealMinInfluence} influence**; one deal per region`);
    expect(en).toContain(`Your influence there below ${g.limits.influence}`);
  });
});
