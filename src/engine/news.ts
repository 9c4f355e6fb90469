/**
 * The teacher's news: an event (a deck's event card or a "breaking news" item of the rules)
 * injected into a game from outside, resolved at the start of the next round, before its drawn
 * headlines, and logged as the teacher's. Pure and deterministic: the state keeps the public
 * queue (`pendingNews`); a match file records each injection with its place among the actions.
 */
import type { Rules } from './rules/load.js';
import type { GameState } from './state.js';

/** At most this many announcements wait for one headline. */
export const MAX_PENDING_NEWS = 3;

/**
 * Why an injection is refused: an id the rules do not know, a game already over, a game in its
 * last round (no headline is left to announce it at), a full queue.
 */
export type NewsRefusal = 'unknownEvent' | 'gameOver' | 'lastRound' | 'tooMuchNews';

/** Is `id` an event (deck event or news item) of these rules? */
export function isEventId(rules: Rules, id: unknown): id is string {
  return typeof id === 'string' && Object.hasOwn(rules.events, id);
}

/**
 * Queues event `id` for the next round's headlines. Returns why it cannot be (state unchanged),
 * or null once queued.
 */
export function injectNews(rules: Rules, state: GameState, id: string): NewsRefusal | null {
  if (!isEventId(rules, id)) return 'unknownEvent';
  if (state.phase === 'over') return 'gameOver';
  if (state.round >= rules.game.rounds.count || state.frontierReachedBy !== null) return 'lastRound';
  const queue = state.pendingNews ?? [];
  if (queue.length >= MAX_PENDING_NEWS) return 'tooMuchNews';
  state.pendingNews = [...queue, id];
  return null;
}
