import { describe, expect, test } from 'vitest';
import { activeSeat, viewFor, type FactionId } from '../../src/engine/index.js';
import { BOT_LEVELS, decide, decideFast } from '../../src/bots/index.js';
import { positionsOf, rules } from './helpers.js';

const positions = positionsOf('determinism', 'medium', 9, 8);

describe('bot decisions are reproducible', () => {
  for (const level of BOT_LEVELS) {
    test(`the ${level} bot gives the same decision for the same seed and view, whatever it decided before`, () => {
      for (const state of positions) {
        const view = viewFor(state, activeSeat(state) as FactionId);
        const first = decide(rules, view, level, 'seed-a', { iterations: 8 });
        for (const other of positions.slice(0, 2)) decide(rules, viewFor(other, activeSeat(other) as FactionId), level, 'seed-b', { iterations: 8 });
        const again = decide(rules, structuredClone(view), level, 'seed-a', { iterations: 8 });
        expect(again).toEqual(first);
      }
    });

    test(`the ${level} bot's fast path decides as it does on the seat's view`, () => {
      for (const state of positions) {
        const seat = activeSeat(state) as FactionId;
        expect(decideFast(rules, state, seat, level, 'seed-c', { iterations: 8 })).toEqual(
          decide(rules, viewFor(state, seat), level, 'seed-c', { iterations: 8 }),
        );
      }
    });
  }

  test('different seeds can lead the random bot to different actions', () => {
    const state = positions[1]!;
    const view = viewFor(state, activeSeat(state) as FactionId);
    const keys = new Set(Array.from({ length: 12 }, (_, i) => JSON.stringify(decide(rules, view, 'random', `s${i}`).action)));
    expect(keys.size).toBeGreaterThan(1);
  });
});
