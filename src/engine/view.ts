/**
 * What one seat (or a spectator) may see of the state: no other hand, no deck order, no
 * seed or random state. Bots, clients and spectators only ever get this.
 */
import { FACTIONS, type FactionId } from './ids.js';
import type { GameState } from './state.js';
import { cloneState } from './apply.js';

/** Counts of what is hidden, so the board can still show "4 cards in hand". */
export interface HiddenCounts {
  handCount: Record<FactionId, number>;
  deckCount: Record<FactionId, number>;
  eventDeckCount: number[];
}

/** A seat's (or a spectator's, seat null) view: the state with every secret emptied. */
export type SeatView = GameState & { viewer: FactionId | null; hidden: HiddenCounts };

/** The view of the state for `seat` (null: spectator). Never contains another seat's hand, any deck order, the seed or the random state. */
export function viewFor(state: GameState, seat: FactionId | null): SeatView {
  const copy = cloneState(state);
  const hidden: HiddenCounts = {
    handCount: { us: 0, china: 0, eu: 0 },
    deckCount: { us: 0, china: 0, eu: 0 },
    eventDeckCount: state.eventDecks.map((d) => d.length),
  };
  for (const id of FACTIONS) {
    const f = copy.factions[id];
    hidden.handCount[id] = f.hand.length;
    hidden.deckCount[id] = f.deck.length;
    if (id !== seat) f.hand = [];
    f.deck = [];
  }
  copy.eventDecks = copy.eventDecks.map(() => []);
  copy.seed = '';
  copy.rng = { c: 0, s0: 0, s1: 0, s2: 0 };
  return { ...copy, viewer: seat, hidden };
}
