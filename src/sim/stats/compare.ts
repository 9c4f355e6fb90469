/** Compares two runs of the same seeds (base rules against a variant): each difference with its significance. */
import { FACTIONS } from '../../engine/index.js';
import { meanDifferenceZ, round, twoProportionZ, type Moments } from './stats-math.js';
import { SEAT_NAMES, type SimSummary } from './summary.js';

/** One measured difference: variant minus base, with a two-sided p-value. */
export interface Difference {
  metric: string;
  kind: 'rate' | 'mean';
  base: number;
  variant: number;
  difference: number;
  z: number;
  p: number;
  /** p < 0.05. */
  significant: boolean;
}

/** The output of `--compare`. */
export interface Comparison {
  games: number;
  seed: string;
  base: SimSummary;
  variant: SimSummary;
  /** Rates use a two-proportion z-test; means a large-sample z-test (Welch). */
  differences: Difference[];
}

function rateDiff(metric: string, k1: number, n1: number, k2: number, n2: number): Difference {
  const t = twoProportionZ(k1, n1, k2, n2);
  const a = n1 ? k1 / n1 : 0;
  const b = n2 ? k2 / n2 : 0;
  return { metric, kind: 'rate', base: round(a), variant: round(b), difference: round(b - a), z: round(t.z, 2), p: round(t.p, 4), significant: t.p < 0.05 };
}

function meanDiff(metric: string, mean1: number, sd1: number, n1: number, mean2: number, sd2: number, n2: number): Difference {
  const m = (mean: number, sd: number, n: number): Moments => ({ n, sum: mean * n, sumSq: sd * sd * (n - 1) + n * mean * mean });
  const t = meanDifferenceZ(m(mean1, sd1, n1), m(mean2, sd2, n2));
  return {
    metric,
    kind: 'mean',
    base: round(mean1),
    variant: round(mean2),
    difference: round(mean2 - mean1),
    z: round(t.z, 2),
    p: round(t.p, 4),
    significant: t.p < 0.05,
  };
}

/** The differences between a base run and a variant run. */
export function compareSummaries(base: SimSummary, variant: SimSummary): Comparison {
  const a = base;
  const b = variant;
  const d: Difference[] = [];
  for (const id of FACTIONS) d.push(rateDiff(`factions.${id}.winRate`, a.factions[id].wins, a.games, b.factions[id].wins, b.games));
  for (const seat of SEAT_NAMES) d.push(rateDiff(`seats.${seat}.winRate`, a.seats[seat].wins, a.games, b.seats[seat].wins, b.games));
  d.push(rateDiff('noWinnerRate', a.noWinner, a.games, b.noWinner, b.games));
  d.push(rateDiff('catastropheRate', a.catastrophes, a.games, b.catastrophes, b.games));
  d.push(rateDiff('crises.rate', a.crises.games, a.games, b.crises.games, b.games));
  d.push(rateDiff('reachedLastRoundRate', a.reachedLastRound, a.games, b.reachedLastRound, b.games));
  d.push(rateDiff('frontierEndingRate', a.frontierEndings, a.games, b.frontierEndings, b.games));
  for (const id of FACTIONS)
    d.push(
      meanDiff(`factions.${id}.averageVp`, a.factions[id].averageVp, a.factions[id].vpSd, a.games, b.factions[id].averageVp, b.factions[id].vpSd, b.games),
    );
  d.push(meanDiff('averageRounds', a.averageRounds, a.roundsSd, a.games, b.averageRounds, b.roundsSd, b.games));
  return { games: a.games, seed: a.seed, base, variant, differences: d };
}
