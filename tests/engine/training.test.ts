import { describe, expect, test } from 'vitest';
import { trainCost } from '../../src/engine/index.js';
import { act, game, positionFor, refuse, rules } from '../helpers/positions.js';

const costs = game.training.costs;

describe('train', () => {
  test('costs 2, 3, 4, 6, 8, 11, 15, 20, 26, 34 compute from level 0 to 10', () => {
    expect(costs).toEqual([2, 3, 4, 6, 8, 11, 15, 20, 26, 34]);
    for (let level = 0; level < 10; level++) {
      const s = positionFor('us', (s) => (s.factions.us.capability = level));
      expect(trainCost(rules, s, 'us')).toBe(costs[level]);
    }
  });

  test('spends the compute and raises capability by 1', () => {
    const s = positionFor('us', (s) => (s.factions.us.compute = 10));
    const next = act(s, 'us', { type: 'train' });
    expect(next.factions.us.capability).toBe(4);
    expect(next.factions.us.compute).toBe(10 - costs[3]!);
  });

  test('is refused without enough compute and $B for the cloud compute missing, naming both', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.compute = 5;
      s.factions.us.capital = 5;
    });
    expect(refuse(s, 'us', { type: 'train' })).toEqual({ code: 'computeCloud', params: { level: 4, cost: 6, compute: 5, cloud: 6, capital: 5 } });
  });

  test('is refused at capability 10', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.capability = 10;
      s.factions.us.compute = 30;
    });
    expect(refuse(s, 'us', { type: 'train' }).code).toBe('maxCapability');
  });

  test('cannot reach level 10 on full compute alone: the last step (34) is above the cap (30); cloud compute ($24B) or a half-cost step (17) can', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.capability = 9;
      s.factions.us.compute = game.gpus.computeCap;
      s.factions.us.capital = 23;
    });
    expect(refuse(s, 'us', { type: 'train' })).toMatchObject({ code: 'computeCloud', params: { cost: 34, compute: 30, cloud: 24 } });
    expect(act({ ...s, factions: { ...s.factions, us: { ...s.factions.us, capital: 24 } } }, 'us', { type: 'train' }).factions.us.capability).toBe(10);
    s.factions.us.modifiers = [{ key: 'trainHalf', value: 1, duration: 'nextTrain' }];
    expect(act(s, 'us', { type: 'train' }).factions.us.capability).toBe(10);
  });

  test('raises Risk by 1 when reaching level 5 or more, not below', () => {
    const to4 = positionFor('us', (s) => (s.factions.us.compute = 30));
    expect(act(to4, 'us', { type: 'train' }).tracks.risk).toBe(2);
    const to5 = positionFor('us', (s) => {
      s.factions.us.capability = 4;
      s.factions.us.compute = 30;
    });
    expect(act(to5, 'us', { type: 'train' }).tracks.risk).toBe(3);
  });

  test('adds no Risk after investing in safety this round', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.capability = 6;
      s.factions.us.compute = 30;
      s.factions.us.safetyThisRound = true;
    });
    expect(act(s, 'us', { type: 'train' }).tracks.risk).toBe(2);
  });

  test('halves the next step (rounded up) after DeepSeek-style modifiers, then returns to normal', () => {
    const s = positionFor('china', (s) => {
      s.factions.china.capability = 5;
      s.factions.china.compute = 30;
      s.factions.china.modifiers = [{ key: 'trainHalf', value: 1, duration: 'nextTrain' }];
    });
    expect(trainCost(rules, s, 'china')).toBe(Math.ceil(costs[5]! / 2));
    const next = act(s, 'china', { type: 'train' });
    expect(next.factions.china.compute).toBe(30 - 6);
    expect(next.factions.china.modifiers).toEqual([]);
    expect(trainCost(rules, next, 'china')).toBe(costs[6]);
  });

  test('adds training-cost modifiers, never below 1 compute', () => {
    const s = positionFor('china', (s) => (s.factions.china.modifiers = [{ key: 'trainCost', value: -1, duration: 'game' }]));
    expect(trainCost(rules, s, 'china')).toBe(costs[3]! - 1);
    s.factions.china.capability = 0;
    s.factions.china.modifiers.push({ key: 'trainCost', value: -5, duration: 'game' });
    expect(trainCost(rules, s, 'china')).toBe(1);
  });
});
