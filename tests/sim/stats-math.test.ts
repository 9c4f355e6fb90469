import { expect, test } from 'vitest';
import { normalCdf, twoProportionZ, wilson95 } from '../../src/sim/stats/stats-math.js';

test('the normal distribution function matches known values', () => {
  expect(normalCdf(0)).toBeCloseTo(0.5, 6);
  expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5);
  expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
});

test('the Wilson interval of 50 in 100 is about 40.4% to 59.6%', () => {
  const [lo, hi] = wilson95(50, 100);
  expect(lo).toBeCloseTo(0.4038, 3);
  expect(hi).toBeCloseTo(0.5962, 3);
});

test('a two-proportion z-test finds 30% against 40% of 1000 games significant and equal rates not', () => {
  const t = twoProportionZ(300, 1000, 400, 1000);
  expect(t.z).toBeCloseTo(4.71, 1);
  expect(t.p).toBeLessThan(0.001);
  expect(twoProportionZ(300, 1000, 300, 1000).p).toBeCloseTo(1, 6);
});
