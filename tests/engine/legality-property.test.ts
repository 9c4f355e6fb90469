import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  FACTIONS,
  Rng,
  actionKey,
  actionTypesFor,
  activeSeat,
  applyActionInPlace,
  candidates,
  checkAction,
  createInitialState,
  isLegal,
  legalActions,
  mergeRuleFiles,
  parseRules,
  sampleLegalAction,
  type ActionType,
  type GameState,
  type Rules,
} from '../../src/engine/index.js';
import { DEFAULT_RULE_FILES, defaultRules } from '../../src/engine/rules/default-rules.js';

function variant(over: Parameters<typeof mergeRuleFiles>[1]): Rules {
  const parsed = parseRules(mergeRuleFiles(DEFAULT_RULE_FILES, over));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

const RULE_SETS: [string, Rules][] = [
  ['the shipped rules', defaultRules()],
  // Releases that must reach new regions only, one a round, and bigger purchases: the release and GPU candidates differ most here.
  [
    'a variant (new regions only, no further release, up to 8 GPUs a purchase)',
    variant({ 'game.json': { release: { newRegionsOnly: true, furtherRegions: 0 }, gpus: { maxBuy: 8 } } }),
  ],
];

/** A state reached from `seed` by `steps` uniformly random legal actions (fewer if the game ends first). */
function reachable(rules: Rules, seed: string, steps: number, walk: string): GameState {
  const state = createInitialState(rules, seed);
  const rng = Rng.detached(walk);
  for (let n = 0; n < steps && state.phase !== 'over'; n++) {
    const seat = activeSeat(state);
    if (!seat) break;
    const action = sampleLegalAction(rules, state, seat, rng);
    if (!action) throw new Error(`no legal action for ${seat} after ${n} steps of ${seed}`);
    const refused = applyActionInPlace(rules, state, seat, action);
    if (refused) throw new Error(`the sampler drew an action the engine refuses: ${refused.code}`);
  }
  return state;
}

/** Every candidate of the seat, legal or not, in the legal list's order. */
function allCandidates(rules: Rules, state: GameState, seat: (typeof FACTIONS)[number]) {
  const types: readonly ActionType[] = state.pending ? ['choose'] : actionTypesFor(seat);
  return types.flatMap((type) => [...candidates(rules, state, seat, type)]);
}

describe('one legality: the list, the sampler and the check agree', () => {
  for (const [name, rules] of RULE_SETS) {
    test(`over random reachable states of ${name}, legalActions is exactly the candidates checkAction accepts, in order`, () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 8 }), fc.nat({ max: 140 }), fc.string({ maxLength: 4 }), (seed, steps, walk) => {
          const state = reachable(rules, `p-${seed}`, steps, `w-${walk}`);
          for (const seat of FACTIONS) {
            const legal = legalActions(rules, state, seat).map(actionKey);
            if (activeSeat(state) !== seat) {
              expect(legal).toEqual([]);
              continue;
            }
            const accepted = allCandidates(rules, state, seat)
              .filter((a) => checkAction(rules, state, seat, a) === null)
              .map(actionKey);
            expect(legal).toEqual(accepted);
          }
        }),
        { numRuns: 120, seed: 17 },
      );
    });

    test(`over random reachable states of ${name}, isLegal answers as checkAction for every candidate of every seat`, () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 8 }), fc.nat({ max: 140 }), (seed, steps) => {
          const state = reachable(rules, `q-${seed}`, steps, 'walk');
          for (const seat of FACTIONS)
            for (const type of ['choose', ...actionTypesFor(seat)] as ActionType[])
              for (const action of candidates(rules, state, seat, type)) {
                const reason = checkAction(rules, state, seat, action);
                expect(isLegal(rules, state, seat, action)).toBe(reason === null);
              }
        }),
        { numRuns: 80, seed: 17 },
      );
    });

    test(`over random reachable states of ${name}, the sampler draws only from legalActions, and null exactly when the list is empty`, () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 8 }), fc.nat({ max: 140 }), fc.string({ maxLength: 4 }), (seed, steps, draws) => {
          const state = reachable(rules, `r-${seed}`, steps, 'walk');
          const rng = Rng.detached(`d-${draws}`);
          for (const seat of FACTIONS) {
            const legal = new Set(legalActions(rules, state, seat).map(actionKey));
            for (let i = 0; i < 20; i++) {
              const drawn = sampleLegalAction(rules, state, seat, rng);
              if (legal.size === 0) expect(drawn).toBeNull();
              else expect(legal.has(actionKey(drawn!))).toBe(true);
            }
          }
        }),
        { numRuns: 120, seed: 17 },
      );
    });
  }
});
