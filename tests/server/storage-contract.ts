/**
 * The storage contract, shared by every database the server runs on: `storageContract(name,
 * backend)` registers the same tests for SQLite and PostgreSQL. `backend.open()` returns a
 * storage on the backend's database; two calls are two connections to the same database (two
 * server instances).
 */
import type { LogEntry, State } from 'boardgame.io';
import { InitializeGame } from 'boardgame.io/internal';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { createGigawattGame } from '../../src/game/gigawatt.js';
import type { SqlStorage } from '../../src/server/storage.js';

/** A database under test. */
export interface StorageBackend {
  /** A storage on the database (each call: a new connection, as another instance would have). */
  open(): SqlStorage;
  /** Closes every connection and removes the data. */
  close(): Promise<void>;
}

const game = createGigawattGame(defaultRules());
let counter = 0;
const initial = (): State => InitializeGame({ game, numPlayers: 3, setupData: { seed: 'contract-secret-seed' } });
const entry = (stateID: number, type = 'collect') =>
  ({ action: { type: 'MAKE_MOVE', payload: { type, args: [{}], playerID: '0' } }, _stateID: stateID, turn: 1, phase: 'actions' }) as unknown as LogEntry;
const metadata = (gameName: string, updatedAt = 1) => ({ gameName, players: { 0: { id: 0 } }, createdAt: 1, updatedAt });

/** Registers the contract tests for a backend (skipped when `backend()` resolves to null). */
export function storageContract(name: string, backend: () => Promise<StorageBackend | null>): void {
  describe(`the ${name} storage`, () => {
    let b: StorageBackend | null = null;
    let storage: SqlStorage;
    let gameName: string;
    const id = () => `m${++counter}-${gameName}`;
    beforeAll(async () => {
      b = await backend();
      if (b) storage = b.open();
      gameName = `contract-${Date.now().toString(36)}-${Math.floor(performance.now())}`;
    });
    afterAll(async () => {
      await b?.close();
    });
    const it = (title: string, fn: () => Promise<void> | void) =>
      test(title, async (ctx) => {
        if (!b) ctx.skip();
        await fn();
      });

    it('keeps a created match: its state, metadata and an empty log, and fetches only a public initial state', async () => {
      const m = id();
      await storage.createMatch(m, { initialState: initial(), metadata: metadata(gameName) });
      const got = await storage.fetch(m, { state: true, metadata: true, log: true, initialState: true });
      expect(got.state._stateID).toBe(0);
      expect(got.metadata.gameName).toBe(gameName);
      expect(got.log).toEqual([]);
      expect(JSON.stringify(got.initialState)).not.toContain('contract-secret-seed');
      expect(storage.secretInitialState(m)?.G).toEqual(initial().G);
      expect(storage.has(m)).toBe(true);
      expect(storage.has(`${m}-none`)).toBe(false);
    });

    it('stores the next state and appends its log entries in order', async () => {
      const m = id();
      const s0 = initial();
      storage.createMatchSync(m, { initialState: s0, metadata: metadata(gameName) });
      await storage.setState(m, { ...s0, _stateID: 1 }, [entry(0)]);
      await storage.setState(m, { ...s0, _stateID: 2 }, [entry(1, 'build'), entry(1, 'research')]);
      expect(storage.latestState(m)?._stateID).toBe(2);
      expect(storage.readLog(m).map((e) => [e._stateID, e.action.payload.type])).toEqual([
        [0, 'collect'],
        [1, 'build'],
        [1, 'research'],
      ]);
      expect(storage.committed(m, 2)).toBe(true);
    });

    it('ignores a write that would go back to an older state, or skip a state', async () => {
      const m = id();
      const s0 = initial();
      storage.createMatchSync(m, { initialState: s0, metadata: metadata(gameName) });
      expect(storage.setStateSync(m, { ...s0, _stateID: 1 }, [entry(0)])).toBe(true);
      expect(storage.setStateSync(m, { ...s0, _stateID: 0 }, [entry(9)])).toBe(false);
      expect(storage.setStateSync(m, { ...s0, _stateID: 5 }, [entry(9)])).toBe(false);
      expect(storage.latestState(m)?._stateID).toBe(1);
      expect(storage.readLog(m)).toHaveLength(1);
    });

    it('refuses a second write for the same state from another instance: one move is stored, never both', async () => {
      const m = id();
      const s0 = initial();
      storage.createMatchSync(m, { initialState: s0, metadata: metadata(gameName) });
      const other = b!.open();
      try {
        const first = other.setStateSync(m, { ...s0, _stateID: 1, G: { ...s0.G, mark: 'other' } }, [entry(0, 'build')]);
        const second = storage.setStateSync(m, { ...s0, _stateID: 1, G: { ...s0.G, mark: 'mine' } }, [entry(0, 'collect')]);
        expect([first, second]).toEqual([true, false]);
        expect(storage.committed(m, 1)).toBe(false);
        expect(other.committed(m, 1)).toBe(true);
        // Each instance reads what the other stored.
        expect((storage.latestState(m)?.G as { mark?: string } | undefined)?.mark).toBe('other');
        expect(storage.readLog(m).map((e) => e.action.payload.type)).toEqual(['build']);
      } finally {
        other.sql.close();
      }
    });

    it('keeps the class service seat fields through the metadata guard, and marks finished matches', async () => {
      const m = id();
      storage.createMatchSync(m, { initialState: initial(), metadata: { ...metadata(gameName), players: { 0: { id: 0, name: 'Ada', credentials: 'c0' } } } });
      storage.setMetadataGuard((_id, incoming, stored) => ({
        ...incoming,
        players: { 0: { ...incoming.players[0]!, credentials: stored?.players[0]?.credentials } },
      }));
      await storage.setMetadata(m, { ...metadata(gameName), players: { 0: { id: 0, name: 'Ada', credentials: 'forged' } }, gameover: { winner: '0' } });
      storage.setMetadataGuard((_id, incoming) => incoming);
      expect(storage.readMetadata(m)?.players[0]?.credentials).toBe('c0');
      expect(await storage.listMatches({ gameName, where: { isGameover: true } })).toEqual([m]);
    });

    it('lists matches by game and by last update, and wipes a match with its log', async () => {
      const list = `${gameName}-list`;
      const a = id();
      const c = id();
      storage.createMatchSync(a, { initialState: initial(), metadata: metadata(list) });
      await new Promise((r) => setTimeout(r, 5));
      const between = Date.now();
      await new Promise((r) => setTimeout(r, 5));
      storage.createMatchSync(c, { initialState: initial(), metadata: metadata(list) });
      expect(await storage.listMatches({ gameName: list })).toEqual([a, c]);
      expect(await storage.listMatches({ gameName: list, where: { updatedBefore: between } })).toEqual([a]);
      expect(await storage.listMatches({ gameName: list, where: { updatedAfter: between, isGameover: false } })).toEqual([c]);
      await storage.setState(a, { ...initial(), _stateID: 1 }, [entry(0)]);
      await storage.wipe(a);
      expect(storage.has(a)).toBe(false);
      expect(storage.readLog(a)).toEqual([]);
      expect(await storage.listMatches({ gameName: list })).toEqual([c]);
    });
  });
}
