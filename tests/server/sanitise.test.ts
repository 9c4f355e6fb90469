import { InitializeGame } from 'boardgame.io/internal';
import { describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { createGigawattGame } from '../../src/game/gigawatt.js';
import { openDb } from '../../src/server/db.js';
import { cleanMatchMetadata, publicInitialState, sanitiseName } from '../../src/server/sanitise.js';
import { SqliteStorage } from '../../src/server/storage.js';
import { leaksIn } from './helpers.js';

const initial = () => InitializeGame({ game: createGigawattGame(defaultRules()), numPlayers: 3, setupData: { seed: 'secret-seed-1' } });

describe('what the server sends', () => {
  test('the raw initial state holds secrets that the scan finds, and its public version holds none', () => {
    const raw = initial();
    expect(leaksIn({ event: 'sync', args: [raw] }, 'us', ['secret-seed-1']).length).toBeGreaterThan(0);
    expect(
      leaksIn({ event: 'sync', args: [publicInitialState(raw)] }, 'us', [
        'secret-seed-1',
        String((raw.plugins as { random: { data: { seed: string } } }).random.data.seed),
      ]),
    ).toEqual([]);
  });

  test('names lose markup and control characters and are cut to 24 characters', () => {
    expect(sanitiseName('  <b>Zoé</b>\u202e ')).toBe('bZoé/b');
    expect(sanitiseName('\u0000\n')).toBeNull();
    expect(sanitiseName('x'.repeat(40))).toHaveLength(24);
  });

  test('a seed in the lobby setupData is not kept in the public metadata', () => {
    const meta = cleanMatchMetadata({
      gameName: 'gigawatt',
      players: { 0: { id: 0, name: '<i>Eve' } },
      setupData: { seed: 's', other: 1 },
      createdAt: 0,
      updatedAt: 0,
    });
    expect(meta.setupData).toEqual({ other: 1 });
    expect(meta.players[0]!.name).toBe('iEve');
  });
});

describe('the SQLite storage', () => {
  test('keeps states, logs and metadata, never goes back to an older state, and fetches only a public initial state', async () => {
    const storage = new SqliteStorage(openDb(':memory:'));
    const state = initial();
    storage.createMatchSync('m1', { initialState: state, metadata: { gameName: 'gigawatt', players: {}, createdAt: 1, updatedAt: 1 } });
    const next = { ...state, _stateID: 1 };
    await storage.setState('m1', next, [
      { action: { type: 'MAKE_MOVE', payload: { type: 'collect', args: [{}], playerID: '0' } }, _stateID: 0, turn: 1, phase: 'actions' } as never,
    ]);
    await storage.setState('m1', { ...state, _stateID: 0 });
    const got = await storage.fetch('m1', { state: true, log: true, metadata: true, initialState: true });
    expect(got.state._stateID).toBe(1);
    expect(got.log).toHaveLength(1);
    expect(got.metadata.gameName).toBe('gigawatt');
    expect(JSON.stringify(got.initialState)).not.toContain('secret-seed-1');
    expect(await storage.listMatches({ gameName: 'gigawatt' })).toEqual(['m1']);
    await storage.wipe('m1');
    expect(storage.has('m1')).toBe(false);
  });
});
