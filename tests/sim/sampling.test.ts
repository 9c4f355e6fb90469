import { describe, expect, test } from 'vitest';
import { Rng, type FactionId } from '../../src/engine/index.js';
import { BALANCE_DEFAULTS, BALANCE_TARGETS } from '../../src/sim/stats/balance.js';
import {
  gamesForHalfWidth,
  halfWidth,
  leverSide,
  pairedShareMove,
  rateLook,
  seatGapTest,
  sequentialPlan,
  sideOf,
  type SeatCells,
} from '../../src/sim/stats/sampling.js';
import { normalCdf, normalQuantile, wilsonInterval } from '../../src/sim/stats/stats-math.js';

const normalQuantileInverse = normalCdf;

describe('the sample-size rule', () => {
  test('a share near a third needs 2,135 games for a ±2-point 95% interval, and that many give it', () => {
    expect(gamesForHalfWidth(1 / 3, 0.02)).toBe(2135);
    expect(halfWidth(1 / 3, 2135)).toBeLessThanOrEqual(0.02);
    expect(halfWidth(1 / 3, 2134)).toBeGreaterThan(0.02);
  });

  test('the default medium run reads each faction share to ±2 points even when 15% of games have no winner', () => {
    const decided = BALANCE_DEFAULTS.mediumGames * (1 - BALANCE_TARGETS.catastrophe[1]);
    expect(halfWidth(1 / 3, decided)).toBeLessThanOrEqual(BALANCE_DEFAULTS.shareHalfWidth);
  });

  test('a zero or negative half-width is refused', () => {
    expect(() => gamesForHalfWidth(0.3, 0)).toThrow(/half-width must be positive/);
  });
});

describe('sequential looks', () => {
  test('600 games with four looks are looked at after 75, 150, 300 and 600: the early looks share 1% of error, the last keeps 4%', () => {
    const plan = sequentialPlan(600, 4, 3);
    expect(plan.looks).toEqual([75, 150, 300, 600]);
    for (const z of plan.z.slice(0, 3)) expect(z).toBeCloseTo(normalQuantile(1 - 0.01 / 3 / 2), 6);
    expect(plan.z[3]).toBeCloseTo(normalQuantile(1 - 0.04 / 2), 6);
    expect(plan.z[3]).toBeCloseTo(2.054, 2);
    const error = plan.z.reduce((sum, z) => sum + 2 * (1 - normalQuantileInverse(z)), 0);
    expect(error).toBeCloseTo(0.05, 6);
  });

  test('one look is the fixed sample with the plain 95% interval, and a small sample keeps only looks of 30 games or more', () => {
    expect(sequentialPlan(600, 1, 3).looks).toEqual([600]);
    expect(sequentialPlan(600, 1, 3).z[0]).toBeCloseTo(1.96, 3);
    expect(sequentialPlan(60, 4, 3).looks).toEqual([30, 60]);
    expect(sequentialPlan(6, 4, 3).looks).toEqual([6]);
  });

  test('looks of a rotated run are multiples of three, so each look seats every rotation equally often', () => {
    for (const look of sequentialPlan(500, 4, 3).looks.slice(0, -1)) expect(look % 3).toBe(0);
  });

  test('a single-minded rate stops once its interval is wholly below or above 20%, and not while it straddles it', () => {
    const plan = sequentialPlan(600, 4, 3);
    expect(rateLook(1, 75, 0.2, plan, 0).settled).toBe(true);
    expect(rateLook(14, 75, 0.2, plan, 0).settled).toBe(false);
    expect(rateLook(45, 75, 0.2, plan, 0).settled).toBe(true);
    expect(rateLook(14, 75, 0.2, plan, 0).ci).toEqual(wilsonInterval(14, 75, plan.z[0]!));
    expect(sideOf([0.1, 0.19], 0.2)).toBe('below');
    expect(sideOf([0.21, 0.3], 0.2)).toBe('above');
    expect(sideOf([0.1, 0.3], 0.2)).toBe('across');
  });

  test('a lever settles when its interval is wholly beyond the move it must make, or wholly within it', () => {
    expect(leverSide([9, 20], 8)).toBe('moves');
    expect(leverSide([-20, -8.5], 8)).toBe('moves');
    expect(leverSide([-5, 6], 8)).toBe('stays');
    expect(leverSide([2, 12], 8)).toBe('across');
  });

  test('stopping at the first settled look is wrong no more often than a fixed sample read with a 95% interval', () => {
    // Strategies that truly win 15%, 20% and 25% of their seats: how often does the interval a
    // check stops on (or ends with) miss the truth, sequential against a fixed 600?
    const missRate = (plan: ReturnType<typeof sequentialPlan>, p: number) => {
      const rng = Rng.detached(`coverage-${p}`);
      let missed = 0;
      const trials = 1500;
      for (let t = 0; t < trials; t++) {
        let wins = 0;
        let played = 0;
        for (const [k, look] of plan.looks.entries()) {
          for (; played < look; played++) if (rng.next() < p) wins++;
          const at = rateLook(wins, look, 0.2, plan, k);
          if (at.ci[0] > p || at.ci[1] < p) missed++;
          if (at.settled || at.ci[0] > p || at.ci[1] < p) break;
        }
      }
      return missed / trials;
    };
    for (const p of [0.15, 0.2, 0.25]) {
      const sequential = missRate(sequentialPlan(600, 4, 3), p);
      expect(sequential).toBeLessThanOrEqual(0.065);
      expect(sequential).toBeLessThanOrEqual(missRate(sequentialPlan(600, 1, 3), p) + 0.015);
    }
  });
});

describe('paired lever moves', () => {
  const winners = (pattern: string): (FactionId | null)[] => [...pattern].map((c) => (c === 'u' ? 'us' : c === 'c' ? 'china' : c === 'e' ? 'eu' : null));

  test('the move is the difference of the two shares of games with a winner', () => {
    const base = winners('uuceeucu-c');
    const variant = winners('ccceeucuuc');
    const move = pairedShareMove(base, variant, 'china');
    expect(move.points).toBeCloseTo((5 / 10 - 3 / 9) * 100, 9);
  });

  test('two sides that agree on most seeds get a narrower interval than independent samples would', () => {
    const base = winners('uceuceuceuceuceuceuceuceuceuceuceuceuceuce'.repeat(5));
    const variant = [...base];
    for (let i = 0; i < variant.length; i += 7) variant[i] = 'china';
    const move = pairedShareMove(base, variant, 'china');
    expect(move.se).toBeLessThan(move.unpairedSe / 2);
    expect(move.ci[0]).toBeGreaterThan(0);
  });

  test('identical sides move nothing, with no uncertainty', () => {
    const base = winners('uceuce-uc');
    expect(pairedShareMove(base, base, 'us')).toMatchObject({ points: 0, se: 0, ci: [0, 0] });
  });
});

describe('the seat-gap test', () => {
  const cells = (games: number, rates: Record<FactionId, [number, number, number]>): SeatCells =>
    Object.fromEntries(
      Object.entries(rates).map(([id, r]) => [id, { first: { games, winRate: r[0] }, second: { games, winRate: r[1] }, third: { games, winRate: r[2] } }]),
    ) as unknown as SeatCells;

  test('a 2-point gap is not shown to exceed 4 points; a 20-point gap on 2,000 games a pair is', () => {
    const even = seatGapTest(cells(2000, { us: [0.33, 0.34, 0.35], china: [0.33, 0.33, 0.33], eu: [0.34, 0.33, 0.33] }), 4);
    expect(even.points).toBeCloseTo(2, 6);
    expect(even.faction).toBe('us');
    expect(even.seats).toEqual(['first', 'third']);
    expect(even.shownOver).toBe(false);
    const uneven = seatGapTest(cells(2000, { us: [0.25, 0.33, 0.45], china: [0.33, 0.33, 0.33], eu: [0.33, 0.33, 0.33] }), 4);
    expect(uneven.shownOver).toBe(true);
    expect(uneven.ci[0]).toBeGreaterThan(4);
  });

  test('the gap it can show shrinks with more games a pair', () => {
    const rates = { us: [0.33, 0.33, 0.33], china: [0.33, 0.33, 0.33], eu: [0.33, 0.33, 0.33] } as Record<FactionId, [number, number, number]>;
    const few = seatGapTest(cells(250, rates), 4);
    const many = seatGapTest(cells(3000, rates), 4);
    expect(few.smallestCell).toBe(250);
    expect(many.detectable).toBeLessThan(few.detectable);
    expect(many.detectable).toBeGreaterThan(4);
  });
});
