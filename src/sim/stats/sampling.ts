/**
 * How many games each balance target needs, and how `npm run balance` reads them honestly with
 * fewer games: the sample-size rule, sequential looks with a Bonferroni-corrected interval,
 * paired differences (the same seeds under two rule sets) and the seat-gap test. Pure.
 */
import type { FactionId } from '../../engine/index.js';
import { normalQuantile, wilsonInterval } from './stats-math.js';

/** The two-sided 95% normal quantile. */
export const Z95 = 1.959964;

/** Half the width of the 95% (or `z`) interval of a rate near `p` measured on `n` games (normal approximation). */
export function halfWidth(p: number, n: number, z = Z95): number {
  return n > 0 ? z * Math.sqrt((p * (1 - p)) / n) : 1;
}

/** The games a rate near `p` needs for its 95% (or `z`) interval to be at most `±half` wide. */
export function gamesForHalfWidth(p: number, half: number, z = Z95): number {
  if (!(half > 0)) throw new RangeError(`gamesForHalfWidth: the half-width must be positive, got ${half}`);
  return Math.ceil((z * z * p * (1 - p)) / (half * half));
}

/**
 * A sequential design: the check looks at the data after `looks[k]` games (the last look is the
 * full sample) and may stop at any look. Look k uses a two-sided interval at level 1 − α_k with
 * Σ α_k = 5% (Bonferroni), so the chance that any look's interval misses the truth is at most
 * 5%, wherever the check stops: the interval it stops on is a 95% interval. The early looks
 * share 1% and the last look keeps 4%, so a check that runs to its full sample is read almost
 * as precisely as a fixed sample (z 2.05 against 1.96), and only a clear case stops early.
 */
export interface SequentialPlan {
  looks: number[];
  /** The normal quantile of each look's interval. */
  z: number[];
}

/** The error the early looks of a sequential plan share (the last look keeps the rest of 5%). */
const EARLY_LOOKS_ALPHA = 0.01;

/**
 * Looks at the full sample and at halves of it (`count` looks: max/2^(count-1), …, max/2, max),
 * each rounded up to a multiple of `step` (3 for rotated runs, so each look has every seat
 * rotation equally often). Looks under 30 games are dropped, so a small sample has fewer looks.
 */
export function sequentialPlan(maxGames: number, count: number, step = 1): SequentialPlan {
  const looks: number[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const n = Math.min(maxGames, Math.ceil(maxGames / 2 ** k / step) * step);
    if (n > 0 && n !== looks.at(-1) && (k === 0 || n >= 30)) looks.push(n);
  }
  if (looks.at(-1) !== maxGames && maxGames > 0) looks.push(maxGames);
  const early = looks.length - 1;
  const last = early > 0 ? 0.05 - EARLY_LOOKS_ALPHA : 0.05;
  return { looks, z: looks.map((_, k) => normalQuantile(1 - (k < early ? EARLY_LOOKS_ALPHA / early : last) / 2)) };
}

/** Where an interval lies against a threshold: wholly below it, wholly above it, or across it. */
export function sideOf([lo, hi]: readonly [number, number], threshold: number): 'below' | 'above' | 'across' {
  if (hi < threshold) return 'below';
  if (lo > threshold) return 'above';
  return 'across';
}

/** A single-minded strategy's rate at look `k`: its Wilson interval at that look's level, and whether the check may stop. */
export function rateLook(
  wins: number,
  seats: number,
  threshold: number,
  plan: SequentialPlan,
  k: number,
): { rate: number; ci: [number, number]; settled: boolean } {
  const ci = wilsonInterval(wins, seats, plan.z[k] ?? Z95);
  return { rate: seats ? wins / seats : 0, ci, settled: sideOf(ci, threshold) !== 'across' };
}

/** A faction's move between two sides played on the same seeds. */
export interface PairedMove {
  /** Points (variant − base) of the faction's share of the games with a winner. */
  points: number;
  /** The interval of `points` at the quantile asked for. */
  ci: [number, number];
  /** Its standard error (points), paired, and what it would be for two independent samples of the same size. */
  se: number;
  unpairedSe: number;
}

/**
 * The move of `faction`'s share of decided games from `base` to `variant`, where game i of both
 * sides was played from the same seed (winners in game order, null: no winner). The share is a
 * ratio (wins / decided games), so its standard error is the delta method's, on the per-seed
 * differences of the two sides' linearised terms: pairing removes what the two sides share.
 */
export function pairedShareMove(base: readonly (FactionId | null)[], variant: readonly (FactionId | null)[], faction: FactionId, z = Z95): PairedMove {
  const n = Math.min(base.length, variant.length);
  const side = (winners: readonly (FactionId | null)[]) => {
    let wins = 0;
    let decided = 0;
    for (let i = 0; i < n; i++) {
      if (winners[i] !== null) decided++;
      if (winners[i] === faction) wins++;
    }
    const share = decided ? wins / decided : 0;
    const scale = decided ? n / decided : 0;
    const term = (i: number) => ((winners[i] === faction ? 1 : 0) - share * (winners[i] !== null ? 1 : 0)) * scale;
    return { share, term };
  };
  const a = side(base);
  const b = side(variant);
  let paired = 0;
  let unpaired = 0;
  for (let i = 0; i < n; i++) {
    const ta = a.term(i);
    const tb = b.term(i);
    paired += (tb - ta) ** 2;
    unpaired += ta * ta + tb * tb;
  }
  const denom = n > 1 ? n * (n - 1) : 1;
  const se = Math.sqrt(paired / denom) * 100;
  const points = (b.share - a.share) * 100;
  return { points, ci: [points - z * se, points + z * se], se, unpairedSe: Math.sqrt(unpaired / denom) * 100 };
}

/** A lever's decision at a look: it clearly moves the share by `need` points or more, clearly less, or not yet known. */
export function leverSide(ci: readonly [number, number], need: number): 'moves' | 'stays' | 'across' {
  if (ci[0] >= need || ci[1] <= -need) return 'moves';
  if (ci[0] > -need && ci[1] < need) return 'stays';
  return 'across';
}

/** Each faction's games with a winner and win share by seat (as in a summary's `seatEffect`). */
export type SeatCells = Record<FactionId, Record<string, { games: number; winRate: number }>>;

/** The seat-gap test: the largest gap between two seats of one faction, and whether a gap over the limit is shown. */
export interface SeatGapTest {
  /** The largest observed gap (points), whose faction and seats. */
  points: number;
  faction: FactionId;
  seats: [string, string];
  /** Its simultaneous 95% interval (points; Bonferroni over every faction's seat pairs). */
  ci: [number, number];
  /** Some pair's gap is over the limit with 95% confidence. */
  shownOver: boolean;
  /** The true gap (points) the test flags with 80% probability, for the noisiest pair. */
  detectable: number;
  /** The fewest games with a winner of a faction-seat pair. */
  smallestCell: number;
}

/**
 * Tests "the seat order moves no faction's win rate by more than `limit` points". With n games
 * a faction-seat pair, a gap between two seats is noisy (±1.96·√(2·p(1−p)/n)) and the largest of
 * nine such gaps is biased upward, so the observed largest gap exceeds 4 points by chance unless
 * each pair has thousands of games. The test flags a failure only when some gap is over the
 * limit with 95% confidence, simultaneously over the nine pairs (Bonferroni), and says how large
 * a gap it would catch (80% power): that is the power of the check at this sample size.
 */
export function seatGapTest(cells: SeatCells, limit: number): SeatGapTest {
  const pairs: { faction: FactionId; seats: [string, string]; gap: number; se: number }[] = [];
  for (const [faction, bySeat] of Object.entries(cells) as [FactionId, SeatCells[FactionId]][]) {
    const seats = Object.keys(bySeat);
    for (let i = 0; i < seats.length; i++)
      for (let j = i + 1; j < seats.length; j++) {
        const x = bySeat[seats[i]!]!;
        const y = bySeat[seats[j]!]!;
        // Agresti–Caffo: one win and one loss added to each cell keeps the error honest for small or extreme cells.
        const px = (x.winRate * x.games + 1) / (x.games + 2);
        const py = (y.winRate * y.games + 1) / (y.games + 2);
        const se = Math.sqrt((px * (1 - px)) / (x.games + 2) + (py * (1 - py)) / (y.games + 2)) * 100;
        pairs.push({ faction, seats: [seats[i]!, seats[j]!], gap: Math.abs(x.winRate - y.winRate) * 100, se });
      }
  }
  const z = normalQuantile(1 - 0.05 / (2 * Math.max(1, pairs.length)));
  const worst = pairs.reduce((w, p) => (p.gap > w.gap ? p : w), pairs[0] ?? { faction: 'us' as FactionId, seats: ['', ''] as [string, string], gap: 0, se: 0 });
  const shownOver = pairs.some((p) => p.gap - z * p.se > limit);
  const maxSe = Math.max(0, ...pairs.map((p) => p.se));
  const smallestCell = Math.min(...Object.values(cells).flatMap((bySeat) => Object.values(bySeat).map((c) => c.games)));
  return {
    points: worst.gap,
    faction: worst.faction,
    seats: worst.seats,
    ci: [Math.max(0, worst.gap - z * worst.se), worst.gap + z * worst.se],
    shownOver,
    detectable: limit + (z + normalQuantile(0.8)) * maxSe,
    smallestCell,
  };
}
