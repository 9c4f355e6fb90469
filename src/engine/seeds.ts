/** Seeds derived from a match or run seed: game i's seed from the run seed, a bot's own stream from its match and seat. Shared by the simulator, the server, the browser and the terminal game. */
import { hashString } from './hash.js';
import type { FactionId } from './ids.js';

/** The seed of game `index` (0-based) of a run seeded `runSeed`. */
export function gameSeed(runSeed: string, index: number): string {
  return `${runSeed}#${index}`;
}

/**
 * The seed of a bot's own random stream in a match: a one-way digest of the match seed and the
 * seat, so a bot holding it learns nothing of the game's own random stream.
 */
export function botSeed(matchSeed: string, seat: FactionId): string {
  return `bot-${seat}-${hashString(`${matchSeed}/bot/${seat}`)}`;
}

/** Is this a valid run seed (a number or a word: letters, digits, - _ . :)? */
export function isValidSeed(seed: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(seed);
}
