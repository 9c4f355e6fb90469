import alea from 'seedrandom/lib/alea.js';
import { describe, expect, it } from 'vitest';
import { Rng, seedRng, type RngState } from '../../src/engine/rng.js';

/** seedrandom's alea, which the engine's stream was built on and must still equal. */
type Prng = (() => number) & { state(): RngState };
const reference = alea as unknown as (seed: string, options?: { state?: RngState | boolean }) => Prng;

const SEEDS = ['', ' ', 'a', 'gigawatt', 'bench/bench-bots-3/us', 'seed-12/decision/4/57', 'é ü 中文 🙂', 'x'.repeat(300)];

describe("the engine's random stream", () => {
  it("seeds a state equal to seedrandom alea's for every seed", () => {
    for (const seed of SEEDS) expect(seedRng(seed)).toEqual(reference(seed, { state: true }).state());
  });

  it("draws the same numbers as seedrandom's alea from a seed, and writes back the same states", () => {
    for (const seed of SEEDS) {
      const holder = { rng: seedRng(seed) };
      const ours = new Rng(holder);
      const detached = Rng.detached(seed);
      const theirs = reference(seed, { state: true });
      for (let i = 0; i < 2000; i++) {
        const x = theirs();
        expect(ours.next()).toBe(x);
        expect(detached.next()).toBe(x);
        expect(holder.rng).toEqual(theirs.state());
      }
    }
  });

  it('continues from a stored state as seedrandom does, and its integers and shuffles follow', () => {
    const holder = { rng: seedRng('resume') };
    const warm = new Rng(holder);
    for (let i = 0; i < 37; i++) warm.next();
    const theirs = reference('', { state: holder.rng });
    const ours = new Rng(holder);
    for (let i = 0; i < 500; i++) expect(ours.int(1000)).toBe(Math.floor(theirs() * 1000));
    const items = Array.from({ length: 40 }, (_, i) => i);
    const expected = [...items];
    for (let i = expected.length - 1; i > 0; i--) {
      const j = Math.floor(theirs() * (i + 1));
      [expected[i], expected[j]] = [expected[j] as number, expected[i] as number];
    }
    expect(ours.shuffle(items)).toEqual(expected);
    expect(Object.keys(holder.rng)).toEqual(['c', 's0', 's1', 's2']);
  });
});
