import { describe, expect, test } from 'vitest';
import type { FactionId } from '../../src/engine/index.js';
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
import { normalQuantile, wilsonInterval } from '../../src/sim/stats/stats-math.js';

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
  test('600 games with four looks are looked at after 75, 150, 300 and 600, each at 1 − 0.05/4', () => {
    const plan = sequentialPlan(600, 4, 3);
    expect(plan.looks).toEqual([75, 150, 300, 600]);
    expect(plan.z).toBeCloseTo(normalQuantile(1 - 0.05 / 8), 6);
    expect(plan.z).toBeCloseTo(2.498, 2);
  });

  test('one look is the fixed sample with the plain 95% interval, and a small sample keeps only looks of 30 games or more', () => {
    expect(sequentialPlan(600, 1, 3)).toEqual({ looks: [600], z: expect.closeTo(1.96, 3) });
    expect(sequentialPlan(60, 4, 3).looks).toEqual([30, 60]);
    expect(sequentialPlan(6, 4, 3).looks).toEqual([6]);
  });

  test('looks of a rotated run are multiples of three, so each look seats every rotation equally often', () => {
    for (const look of sequentialPlan(500, 4, 3).looks.slice(0, -1)) expect(look % 3).toBe(0);
  });

  test('a single-minded rate stops once its interval is wholly below or above 20%, and not while it straddles it', () => {
    const plan = sequentialPlan(600, 4, 3);
    expect(rateLook(3, 75, 0.2, plan).settled).toBe(true);
    expect(rateLook(14, 75, 0.2, plan).settled).toBe(false);
    expect(rateLook(45, 75, 0.2, plan).settled).toBe(true);
    expect(rateLook(14, 75, 0.2, plan).ci).toEqual(wilsonInterval(14, 75, plan.z));
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

  test('stopping at the first settled look keeps the error of a fixed 95% interval: a fair coin is called off 20% in under 5% of trials', () => {
    // A strategy that truly wins 20% of its seats: how often does some look's interval exclude 20%?
    const plan = sequentialPlan(600, 4, 3);
    let state = 12345;
    const draw = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    let wrong = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      let wins = 0;
      let played = 0;
      for (const look of plan.looks) {
        for (; played < look; played++) if (draw() < 0.2) wins++;
        if (rateLook(wins, look, 0.2, plan).settled) {
          wrong++;
          break;
        }
      }
    }
    expect(wrong / trials).toBeLessThan(0.05);
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
