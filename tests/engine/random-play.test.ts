import { describe, expect, test } from 'vitest';
import {
  FACTIONS,
  Rng,
  actionKey,
  actionOptions,
  activeSeat,
  applyAction,
  applyActionInPlace,
  checkAction,
  createInitialState,
  legalActions,
  ranking,
  seedRng,
  stateHash,
} from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { brokenInvariant } from '../helpers/invariants.js';

const rules = defaultRules();

/** How many random games to play: a few hundred by default, thousands with RANDOM_PLAY_GAMES=2000 (a nightly-style run). */
const GAMES = Number(process.env.RANDOM_PLAY_GAMES ?? 300);

interface Ending {
  decisions: number;
  endedBy: string;
  round: number;
  winner: string | null;
  /** Whether the top two of the ranking tie on VP, capability and capital (the rulebook's "no winner"). */
  perfectTie: boolean;
}

function playChecked(seed: string, deep: boolean): Ending {
  const state = createInitialState(rules, seed);
  const rng = new Rng({ rng: seedRng(`picker:${seed}`) });
  let decisions = 0;
  expect(brokenInvariant(rules, state)).toBeNull();
  while (state.phase !== 'over') {
    const seat = activeSeat(state);
    if (!seat) throw new Error('no active seat while the game is not over');
    const legal = legalActions(rules, state, seat);
    expect(legal.length, `no legal action for ${seat} at decision ${decisions} of ${seed}`).toBeGreaterThan(0);
    if (deep) {
      const legalKeys = new Set(legal.map(actionKey));
      for (const { action, reason } of actionOptions(rules, state, seat)) {
        expect(reason === null, `${actionKey(action)}: options and legal actions disagree`).toBe(legalKeys.has(actionKey(action)));
      }
      for (const other of FACTIONS) if (other !== seat) expect(legalActions(rules, state, other)).toEqual([]);
    }
    const action = legal[rng.int(legal.length)]!;
    expect(checkAction(rules, state, seat, action)).toBeNull();
    const refused = applyActionInPlace(rules, state, seat, action);
    expect(refused).toBeNull();
    const broken = brokenInvariant(rules, state);
    expect(broken, `after ${actionKey(action)} by ${seat} in ${seed}`).toBeNull();
    decisions++;
    if (decisions > 2000) throw new Error('game did not end');
  }
  const [a, b] = ranking(state).map((id) => state.factions[id]);
  const perfectTie = !!a && !!b && a.vp === b.vp && a.capability === b.capability && a.capital === b.capital;
  return { decisions, endedBy: state.result!.reason, round: state.round, winner: state.result!.winner ?? null, perfectTie };
}

describe('shared random-play test', () => {
  test(`${GAMES} seeded random games end without error, keep every invariant after every action, and end within the expected bounds`, () => {
    const endings: Record<string, number> = {};
    const wins: Record<string, number> = {};
    const last = rules.game.rounds.count;
    for (let i = 0; i < GAMES; i++) {
      const game = playChecked(`random-play-${i}`, i < 60);
      endings[game.endedBy] = (endings[game.endedBy] ?? 0) + 1;
      if (game.winner) wins[game.winner] = (wins[game.winner] ?? 0) + 1;
      // Three actions a seat a round, plus headline choices: never fewer than a few rounds' worth, never far more than the whole game's.
      expect(game.decisions, `decisions of game ${i}`).toBeGreaterThanOrEqual(30);
      expect(game.decisions, `decisions of game ${i}`).toBeLessThanOrEqual(9 * last + 40);
      expect(game.round, `last round of game ${i}`).toBeLessThanOrEqual(last);
      if (game.endedBy === 'rounds') {
        expect(game.round, `game ${i} ended by rounds`).toBe(last);
        // A game that goes the distance has a winner, unless the top two tie on VP, capability and capital (rulebook §14).
        expect(game.winner === null, `game ${i} ended by rounds: no winner only on a perfect tie`).toBe(game.perfectTie);
      }
      if (game.endedBy === 'catastrophe') expect(game.winner, `game ${i} ended in catastrophe`).toBeNull();
    }
    expect(
      Object.keys(endings).every((reason) => ['rounds', 'frontier', 'catastrophe'].includes(reason)),
      JSON.stringify(endings),
    ).toBe(true);
    // Measured over 2,000 games: 98% go the distance, 2% end in catastrophe, each faction wins 28–35%.
    expect(endings.rounds ?? 0, JSON.stringify(endings)).toBeGreaterThanOrEqual(0.9 * GAMES);
    expect(endings.catastrophe ?? 0, JSON.stringify(endings)).toBeLessThanOrEqual(0.06 * GAMES);
    for (const id of FACTIONS) expect(wins[id] ?? 0, `${id} wins ${JSON.stringify(wins)}`).toBeGreaterThanOrEqual(0.18 * GAMES);
  });

  test('every illegal candidate is refused with a reason and leaves the state unchanged', () => {
    for (let i = 0; i < 30; i++) {
      let state = createInitialState(rules, `illegal-${i}`);
      const rng = new Rng({ rng: seedRng(`illegal-picker-${i}`) });
      while (state.phase !== 'over') {
        const seat = activeSeat(state)!;
        const before = stateHash(state);
        for (const { action, reason } of actionOptions(rules, state, seat)) {
          if (reason === null) continue;
          const result = applyAction(rules, state, seat, action);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.error.code).toBe(reason.code);
        }
        expect(stateHash(state)).toBe(before);
        const legal = legalActions(rules, state, seat);
        const next = applyAction(rules, state, seat, legal[rng.int(legal.length)]);
        expect(next.ok).toBe(true);
        if (next.ok) state = next.value;
      }
    }
  });
});
