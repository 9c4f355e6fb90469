/** Small statistics for the simulator: confidence intervals and two-sample tests. Pure. */

/** Φ(x), the standard normal distribution function (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** The Wilson 95% confidence interval of a proportion `k / n` ([0, 1] when n is 0). */
export function wilson95(k: number, n: number): [number, number] {
  return wilsonInterval(k, n, 1.959964);
}

/** The Wilson interval of a proportion `k / n` for the normal quantile `z` ([0, 1] when n is 0). */
export function wilsonInterval(k: number, n: number, z: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The normal quantile: the x with Φ(x) = q, for 0 < q < 1 (bisection on `normalCdf`, to 1e-9). */
export function normalQuantile(q: number): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`normalQuantile: q must be between 0 and 1, got ${q}`);
  let lo = -10;
  let hi = 10;
  while (hi - lo > 1e-9) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** A test's outcome: the statistic and its two-sided p-value. */
export interface TestResult {
  z: number;
  p: number;
}

/** Two-proportion z-test (pooled) of k1/n1 against k2/n2; p = 1 when there is nothing to test. */
export function twoProportionZ(k1: number, n1: number, k2: number, n2: number): TestResult {
  if (n1 === 0 || n2 === 0) return { z: 0, p: 1 };
  const pooled = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return { z: 0, p: 1 };
  const z = (k2 / n2 - k1 / n1) / se;
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}

/** Running sums of a sample: enough for its mean and standard deviation. */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

/** The mean and sample standard deviation of accumulated moments. */
export function meanSd(m: Moments): { mean: number; sd: number } {
  if (m.n === 0) return { mean: 0, sd: 0 };
  const mean = m.sum / m.n;
  const variance = m.n > 1 ? Math.max(0, (m.sumSq - m.n * mean * mean) / (m.n - 1)) : 0;
  return { mean, sd: Math.sqrt(variance) };
}

/** Welch's z-approximation for a difference of two means (large samples). */
export function meanDifferenceZ(a: Moments, b: Moments): TestResult {
  const x = meanSd(a);
  const y = meanSd(b);
  if (a.n < 2 || b.n < 2) return { z: 0, p: 1 };
  const se = Math.sqrt((x.sd * x.sd) / a.n + (y.sd * y.sd) / b.n);
  if (se === 0) return { z: 0, p: 1 };
  const z = (y.mean - x.mean) / se;
  return { z, p: 2 * (1 - normalCdf(Math.abs(z))) };
}

/** Rounds to `digits` decimals (for stable JSON). */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
