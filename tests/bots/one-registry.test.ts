import { describe, expect, test } from 'vitest';
import { ALL_BOT_LEVELS, BOT_LEVELS, decide, isBotLevel, singleMindedType } from '../../src/bots/index.js';
import { applyActionInPlace, botSeed, createInitialState, viewFor, type FactionId } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { playGame, type BotLevel } from '../../src/sim/run/play.js';

const rules = defaultRules();

/** Replays a simulated game through `decide` on each seat's view, as the browser and the server do. */
function replayThroughDecide(seed: string, levels: Record<FactionId, BotLevel>, maxMoves = Infinity): number {
  const { actions } = playGame(rules, seed, levels, true);
  const state = createInitialState(rules, seed);
  let moves = 0;
  for (const { seat, action } of actions) {
    if (moves >= maxMoves) break;
    moves++;
    expect(decide(rules, viewFor(state, seat), levels[seat], botSeed(seed, seat)).action, `move ${moves} of ${seed}`).toEqual(action);
    expect(applyActionInPlace(rules, state, seat, action)).toBeNull();
  }
  return moves;
}

describe('one bot registry, one random bot', () => {
  test('one seed plays the same game with random bots in the simulator and through decide (browser, server)', () => {
    for (const seed of ['one-random-1', 'one-random-2']) expect(replayThroughDecide(seed, { us: 'random', china: 'random', eu: 'random' })).toBeGreaterThan(50);
  });

  test('a single-minded level is a parameterised medium bot that decide plays too, as the simulator does', () => {
    expect(replayThroughDecide('one-single', { us: 'single-deal', china: 'medium', eu: 'single-release' }, 40)).toBe(40);
  });

  test('the registry lists the player levels first, then one single-minded level per common action, and knows no other', () => {
    expect(ALL_BOT_LEVELS.slice(0, BOT_LEVELS.length)).toEqual([...BOT_LEVELS]);
    expect(ALL_BOT_LEVELS.every(isBotLevel)).toBe(true);
    expect(singleMindedType('single-build')).toBe('build');
    expect(isBotLevel('single-fine')).toBe(false);
    expect(isBotLevel('genius')).toBe(false);
  });
});
