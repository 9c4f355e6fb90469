import { describe, expect, test } from 'vitest';
import { FACTIONS, Rng, activeSeat, seedRng, viewFor, type FactionId, type GameState } from '../../src/engine/index.js';
import { BOT_LEVELS, decide, defaultBotWeights } from '../../src/bots/index.js';
import { positionsOf, rules } from './helpers.js';

/** The same public position with every secret of `seat` changed: other hands, every deck order, event decks, seed, rng. */
function withOtherSecrets(state: GameState, seat: FactionId, salt: string): GameState {
  const copy = structuredClone(state);
  const rng = new Rng({ rng: seedRng(salt) });
  for (const id of FACTIONS) {
    const f = copy.factions[id];
    if (id !== seat) {
      const pool = rng.shuffle([...f.hand, ...f.deck]);
      f.hand = pool.slice(0, f.hand.length);
      f.deck = pool.slice(f.hand.length);
    } else rng.shuffle(f.deck);
  }
  copy.eventDecks = copy.eventDecks.map((deck) => rng.shuffle([...deck]).reverse());
  copy.seed = `other-${salt}`;
  copy.rng = seedRng(`rng-${salt}`);
  return copy;
}

const positions = positionsOf('hidden', 'random', 7, 10);

describe('bots never peek', () => {
  test('the test really changes hidden information', () => {
    const state = positions[3]!;
    const seat = activeSeat(state) as FactionId;
    const other = withOtherSecrets(state, seat, 'x');
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(state));
    expect(JSON.stringify(viewFor(other, seat))).toBe(JSON.stringify(viewFor(state, seat)));
  });

  for (const level of BOT_LEVELS) {
    test(`the ${level} bot's decision and explanation do not change when hidden parts of the true state change`, () => {
      for (const state of positions) {
        const seat = activeSeat(state) as FactionId;
        const decision = decide(rules, viewFor(state, seat), level, 'peek', { iterations: 8 });
        for (const salt of ['a', 'b']) {
          const other = withOtherSecrets(state, seat, salt);
          expect(decide(rules, viewFor(other, seat), level, 'peek', { iterations: 8 })).toEqual(decision);
        }
      }
    });
  }

  test('the expert bot at its full budget (every halving round of its wider root played) does not change either when hidden parts change', () => {
    for (const state of positions.slice(2, 4)) {
      const seat = activeSeat(state) as FactionId;
      const decision = decide(rules, viewFor(state, seat), 'expert', 'peek-full');
      const other = withOtherSecrets(state, seat, 'c');
      expect(decide(rules, viewFor(other, seat), 'expert', 'peek-full')).toEqual(decision);
    }
  });

  test("the hard bot's tree search (search mcts) does not change either when hidden parts change", () => {
    const base = defaultBotWeights();
    const weights = { ...base, hard: { ...base.hard, search: 'mcts' as const } };
    for (const state of positions) {
      const seat = activeSeat(state) as FactionId;
      const decision = decide(rules, viewFor(state, seat), 'hard', 'peek', { iterations: 80, weights });
      for (const salt of ['a', 'b']) {
        const other = withOtherSecrets(state, seat, salt);
        expect(decide(rules, viewFor(other, seat), 'hard', 'peek', { iterations: 80, weights })).toEqual(decision);
      }
    }
  });
});
