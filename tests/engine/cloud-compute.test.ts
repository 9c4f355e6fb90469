import { describe, expect, test } from 'vitest';
import { applyAction, checkAction, cloudCost, reasonText, trainCost, type GameState, type Rules } from '../../src/engine/index.js';
import { positionFor, rules } from '../helpers/positions.js';

const train = { type: 'train' } as const;

function trained(r: Rules, s: GameState): GameState {
  const result = applyAction(r, s, 'us', train);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('cloud compute: a training pays in $B for the compute it lacks', () => {
  const price = rules.game.training.cloudPrice ?? 0;

  test('the shipped rules rent cloud compute at $6B a unit', () => {
    expect(price).toBe(6);
  });

  test('with enough compute, a training costs compute only', () => {
    const s = positionFor('us', (s) => (s.factions.us.compute = 20));
    const next = trained(rules, s);
    expect(next.factions.us.compute).toBe(20 - trainCost(rules, s, 'us'));
    expect(next.factions.us.capital).toBe(s.factions.us.capital);
  });

  test('short of compute, it spends all its compute and pays the rest in $B', () => {
    const s = positionFor('us', (s) => (s.factions.us.compute = 3));
    const missing = trainCost(rules, s, 'us') - 3;
    expect(cloudCost(rules, s, 'us')).toBe(missing * price);
    const next = trained(rules, s);
    expect(next.factions.us.compute).toBe(0);
    expect(next.factions.us.capital).toBe(s.factions.us.capital - missing * price);
    expect(next.factions.us.capability).toBe(s.factions.us.capability + 1);
  });

  test('without the $B either, it is refused with both figures, in both languages', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.compute = 0;
      s.factions.us.capital = 1;
    });
    const reason = checkAction(rules, s, 'us', train);
    expect(reason?.code).toBe('computeCloud');
    expect(reason?.params).toMatchObject({ compute: 0, cloud: trainCost(rules, s, 'us') * price, capital: 1 });
    expect(reasonText(rules, reason!, 'en')).toContain('cloud compute');
    expect(reasonText(rules, reason!, 'fr')).toContain('calcul en nuage');
  });

  test('rules without cloud compute refuse a training short of compute', () => {
    const once: Rules = structuredClone(rules);
    delete once.game.training.cloudPrice;
    const s = positionFor('us', (s) => (s.factions.us.compute = 0));
    expect(cloudCost(once, s, 'us')).toBe(Infinity);
    expect(checkAction(once, s, 'us', train)?.code).toBe('compute');
  });
});
