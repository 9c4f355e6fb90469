/**
 * The game's one seeded random stream. Its state (alea from seedrandom: four numbers) lives in
 * the game state, so a seed and a list of actions replay a match exactly on any machine.
 */
import alea from 'seedrandom/lib/alea.js';

/** The serialisable state of the stream. */
export interface RngState {
  c: number;
  s0: number;
  s1: number;
  s2: number;
}

interface AleaPrng {
  (): number;
  state(): RngState;
}
type AleaFactory = (seed: string, options?: { state?: RngState | boolean }) => AleaPrng;
const makeAlea = alea as unknown as AleaFactory;

/** The initial stream state for a seed. */
export function seedRng(seed: string): RngState {
  return makeAlea(seed, { state: true }).state();
}

/** A live generator over `holder.rng` that writes its state back after each draw. */
export class Rng {
  private readonly prng: AleaPrng;
  /** `prng`: the generator to draw from (a detached stream's); by default one over `holder.rng`. */
  constructor(
    private readonly holder: { rng: RngState } | null,
    prng?: AleaPrng,
  ) {
    this.prng = prng ?? (holder ? makeAlea('', { state: holder.rng }) : makeAlea('', { state: true }));
  }
  /** A stream of its own (a bot's, the simulator's), not written back into any state. */
  static detached(seed: string): Rng {
    return new Rng(null, makeAlea(seed));
  }
  /** A float in [0, 1). */
  next(): number {
    const value = this.prng();
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
