/**
 * The game's one seeded random stream. Its state (alea from seedrandom: four numbers) lives in
 * the game state, so a seed and a list of actions replay a match exactly on any machine.
 * The generator is seedrandom's alea written out here (the same numbers, checked by
 * tests/engine/rng.test.ts): making one and drawing from it are on the bots' hot path.
 */

/** The serialisable state of the stream. */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

/**
 * Baagøe's Mash hash, as seedrandom's `alea` seeds with it (the same arithmetic, step by step),
 * so a seed gives the stream it always gave: `n` carries from one call to the next.
 */
class Mash {
  private n = 0xefc8249d;
  hash(data: string): number {
    let n = this.n;
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000; // 2^32
    }
    this.n = n;
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  }
}

/**
 * The alea generator of seedrandom (`seedrandom/lib/alea.js`), written out as a class: the same
 * seeding, the same step, the same numbers (a test compares them), without its closures.
 */
class Alea {
  c = 1;
  s0 = 0;
  s1 = 0;
  s2 = 0;
  /** Seeded from a string, as `alea(seed)`. */
  seed(seed: string): this {
    const mash = new Mash();
    this.c = 1;
    this.s0 = mash.hash(' ');
    this.s1 = mash.hash(' ');
    this.s2 = mash.hash(' ');
    this.s0 -= mash.hash(seed);
    if (this.s0 < 0) this.s0 += 1;
    this.s1 -= mash.hash(seed);
    if (this.s1 < 0) this.s1 += 1;
    this.s2 -= mash.hash(seed);
    if (this.s2 < 0) this.s2 += 1;
    return this;
  }
  /** Restored from a state, as `alea('', { state })`. */
  restore(state: RngState): this {
    this.c = state.c;
    this.s0 = state.s0;
    this.s1 = state.s1;
    this.s2 = state.s2;
    return this;
  }
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }
  /** A new state object (the key order of seedrandom's). */
  state(): RngState {
    return { c: this.c, s0: this.s0, s1: this.s1, s2: this.s2 };
  }
}

/** The initial stream state for a seed. */
export function seedRng(seed: string): RngState {
  return new Alea().seed(seed).state();
}

/** A live generator over `holder.rng` that writes its state back (a new object) after each draw. */
export class Rng {
  private readonly prng = new Alea();
  /** The stream over `holder.rng`; with no holder, the stream of `seed`, never written back. */
  constructor(
    private readonly holder: { rng: RngState } | null,
    seed = '',
  ) {
    if (holder) this.prng.restore(holder.rng);
    else this.prng.seed(seed);
  }
  /** A stream of its own (a bot's, the simulator's), not written back into any state. */
  static detached(seed: string): Rng {
    return new Rng(null, seed);
  }
  /** A float in [0, 1). */
  next(): number {
    const value = this.prng.next();
    if (this.holder) this.holder.rng = this.prng.state();
    return value;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}
