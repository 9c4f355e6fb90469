/**
 * A fresh, unguessable seed for a new match, for anyone who did not ask for a given one: the
 * server (lobby matches, classes without a teacher's seed, boardgame.io's own PRNG), the terminal
 * game and the browser's solo games. 96 random bits from the platform's crypto (Node and browsers
 * alike), as 24 hex digits. The engine itself never draws: it only derives seeds (engine/seeds.ts).
 */

/** 12 random bytes as hex. */
export function freshSeed(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
