import { describe, expect, test } from 'vitest';
import { cloneState, type GameState } from '../../src/engine/index.js';
import { FACTION_OBJECT_FIELDS, STATE_OBJECT_FIELDS, cloneGame } from '../../src/bots/clone.js';
import { positionsOf } from './helpers.js';

function sharedObject(a: unknown, b: unknown, path: string): string | null {
  if (a === null || typeof a !== 'object') return null;
  if (a === b) return path;
  for (const key of Object.keys(a)) {
    const found = sharedObject((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

describe('the bots fast state copy', () => {
  test('equals the engine copy and shares no object with its source, in every kind of position', () => {
    const states: GameState[] = positionsOf('clone', 'random', 5);
    for (const state of states) {
      const copy = cloneGame(state);
      expect(copy).toEqual(cloneState(state));
      expect(sharedObject(copy, state, 'state')).toBeNull();
    }
  });

  test('names, as the one list the working copy shares, only object fields a game state and a faction really have', () => {
    const state = positionsOf('clone-fields', 'random', 1, 1)[0] as GameState;
    for (const key of STATE_OBJECT_FIELDS) expect(Object.keys(state), key).toContain(key);
    for (const key of FACTION_OBJECT_FIELDS) expect(Object.keys(state.factions.us), key).toContain(key);
  });
});
