/**
 * Determinisation: a full game state consistent with what one seat may see, with every
 * hidden part sampled from the bot's own stream, never read from the true state.
 * Other seats' hands and decks: the faction's cards minus its discard, dealt at random to
 * match the hidden counts; the seat's own deck: its cards minus hand and discard, shuffled;
 * each event deck: the era's events minus those revealed, shuffled, cut to the hidden count;
 * a fresh random state.
 */
import { FACTIONS, type FactionId, type GameState, type Rng, type Rules, type SeatView } from '../engine/index.js';

/** Event ids revealed so far (resolved ones are in the log, this round's in the headlines). */
function revealedEvents(view: GameState): Set<string> {
  const seen = new Set<string>(view.headlines);
  for (const id of view.headlineQueue) seen.add(id);
  for (const entry of view.log) if (entry.kind === 'event' && entry.id) seen.add(entry.id);
  return seen;
}

/** What a seat's determinisations start from: the pools of unseen cards and events. */
export interface HiddenPools {
  seat: FactionId | null;
  /** Per faction, the cards that may be in its hidden hand or deck. */
  cards: Record<FactionId, string[]>;
  /** Per era, the events that may still be in its deck. */
  events: string[][];
}

/** The unseen cards and events of a view (computed once per decision). */
export function hiddenPools(rules: Rules, view: SeatView): HiddenPools {
  const cards = {} as Record<FactionId, string[]>;
  for (const id of FACTIONS) {
    const f = view.factions[id];
    const known = new Set([...f.discard, ...(id === view.viewer ? f.hand : [])]);
    const pool: string[] = [];
    for (const c of rules.cardList) if (c.faction === id && !known.has(c.id)) pool.push(c.id);
    cards[id] = pool;
  }
  const seen = revealedEvents(view);
  const events = rules.game.eras.map((era) => rules.eventList.filter((e) => e.era === era.id && !seen.has(e.id)).map((e) => e.id));
  return { seat: view.viewer, cards, events };
}

/**
 * Fills `state` (a working copy of the view, which it overwrites in place) with a random
 * completion of the hidden information drawn from `rng`.
 */
export function determiniseInPlace(state: GameState, view: SeatView, pools: HiddenPools, rng: Rng): GameState {
  for (const id of FACTIONS) {
    const f = state.factions[id];
    const pool = rng.shuffle([...pools.cards[id]]);
    if (id === pools.seat) {
      f.hand = [...view.factions[id].hand];
      f.deck = pool.slice(0, view.hidden.deckCount[id]);
    } else {
      const n = view.hidden.handCount[id];
      f.hand = pool.slice(0, n);
      f.deck = pool.slice(n, n + view.hidden.deckCount[id]);
    }
  }
  state.eventDecks = pools.events.map((pool, i) => rng.shuffle([...pool]).slice(0, view.hidden.eventDeckCount[i] ?? 0));
  state.seed = '';
  state.rng = { c: 1, s0: rng.next(), s1: rng.next(), s2: rng.next() };
  return state;
}
