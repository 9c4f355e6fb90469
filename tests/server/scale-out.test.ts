/**
 * Several instances over one PostgreSQL and one Redis (skipped loudly without them: run
 * scripts/ci-services.sh). Two server processes, students on both, a proxy in front for the
 * clients that must survive an instance's death.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FACTIONS, type FactionId, type GameState } from '../../src/engine/index.js';
import { PLAYER_IDS } from '../../src/game/gigawatt.js';
import { api, autoPlay, connectClient, type Received, type ServerProcess, startServerProcess, waitFor } from './helpers.js';
import { startProxy } from './proxy.js';
import { type Services, scaleOutServices } from './services.js';

let services: Services | null = null;
beforeAll(async () => {
  services = await scaleOutServices();
});
afterAll(async () => {
  await services?.drop();
});

const env = () => ({ DATABASE_URL: services!.databaseUrl, REDIS_URL: services!.redisUrl });

/** The `_stateID`s of the states a client received in `update` messages, in arrival order. */
function updateIDs(received: Received[]): number[] {
  return received.filter((m) => m.event === 'update').map((m) => (m.args[1] as { _stateID: number })._stateID);
}

/** Every state once, in order: consecutive ids (a reconnection may skip ahead, never back or twice). */
function inOrderOnce(ids: number[]): boolean {
  return ids.every((id, i) => i === 0 || id > ids[i - 1]!);
}

/** The states the stored moves were made from (one move per stored state: no gap, no double). */
async function storedStateIDs(matchID: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: services!.databaseUrl });
  await c.connect();
  try {
    const r = await c.query<{ entry: string }>('SELECT entry FROM match_log WHERE match_id = $1 ORDER BY seq', [matchID]);
    return r.rows
      .map((row) => JSON.parse(row.entry) as { _stateID: number; action: { type: string } })
      .filter((e) => e.action.type === 'MAKE_MOVE')
      .map((e) => e._stateID);
  } finally {
    await c.end();
  }
}

async function leaseHolder(code: string): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: services!.databaseUrl });
  await c.connect();
  try {
    return (await c.query<{ holder: string }>('SELECT holder FROM leases WHERE name = $1', [`class:${code}`])).rows[0]?.holder;
  } finally {
    await c.end();
  }
}

/** Errors other than "the game moved on" (a retried or racing move refused: the safe outcome). */
const unexpected = (errors: unknown[]) => errors.filter((e) => !/moved on/.test(String((e as { message?: string }).message)));

const actionCount = (c: ReturnType<typeof connectClient>) => (c.client.getState()?.G as GameState | undefined)?.actionCount ?? 0;

describe('two instances over one PostgreSQL and one Redis', { timeout: 150_000 }, () => {
  test('students on both instances play a table to the end, and every client sees every move once, in order', async (ctx) => {
    if (!services) return ctx.skip();
    const a = await startServerProcess({ env: env() });
    const b = await startServerProcess({ env: env() });
    try {
      const hosted = await api(a.url, '/api/classes', { body: { tables: 1, botLevel: 'random', turnSeconds: 0 } });
      const { code, teacherSecret } = hosted.body;
      // The class hosted on A is known to B at once.
      const us = await api(a.url, `/api/classes/${code}/join`, { body: { name: 'Ada', table: 0, seat: 'us' } });
      const china = await api(b.url, `/api/classes/${code}/join`, { body: { name: 'Bao', table: 0, seat: 'china' } });
      // (On a failure, the servers' own words say why.)
      expect([us.status, china.status], `A: ${a.output()}\nB: ${b.output()}`).toEqual([201, 201]);
      const clients = [
        { seat: 'us' as FactionId, c: connectClient(a.url, us.body.matchID, '0', us.body.credentials) },
        { seat: 'china' as FactionId, c: connectClient(b.url, china.body.matchID, PLAYER_IDS.china, china.body.credentials) },
      ];
      const watchers = [connectClient(a.url, us.body.matchID, null), connectClient(b.url, us.body.matchID, null)];
      // (On a failure, the servers' own words say why: this wait timed out once in a clean-clone run.)
      await waitFor(() => [...clients.map((x) => x.c), ...watchers].every((c) => c.client.getState() !== null), 10_000, 'clients synced').catch((e: Error) => {
        const synced = [...clients.map((x) => x.c), ...watchers].map((c) => c.client.getState() !== null);
        throw new Error(`${e.message} (synced: ${synced.join(', ')})\nA: ${a.output()}\nB: ${b.output()}`);
      });
      expect((await api(b.url, `/api/classes/${code}/start`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
      const players = clients.map((x) => autoPlay(x.c, x.seat));
      await waitFor(
        async () => (await api(a.url, `/api/classes/${code}/console`, { secret: teacherSecret })).body.tables[0].finished,
        120_000,
        'the table finished',
      );
      for (const p of players) {
        expect(p.moves()).toBeGreaterThan(5);
        p.stop();
      }
      const stored = await storedStateIDs(us.body.matchID);
      expect(stored).toEqual(stored.map((_, i) => i));
      const final = stored.length;
      await waitFor(() => [...clients.map((x) => x.c), ...watchers].every((c) => c.client.getState()?._stateID === final), 10_000, 'every client at the end');
      for (const c of [...clients.map((x) => x.c), ...watchers]) {
        const ids = updateIDs(c.received);
        // No reconnection here: every state after the first sync arrives exactly once, in order.
        expect(ids).toEqual(ids.map((_, i) => ids[0]! + i));
        expect(ids.at(-1)).toBe(final);
        expect(unexpected(c.errors)).toEqual([]);
      }
      // The teacher's console on B sees the table as A does.
      const viewB = await api(b.url, `/api/classes/${code}/console`, { secret: teacherSecret });
      expect(viewB.body.tables[0].finished).toBe(true);
      for (const c of [...clients.map((x) => x.c), ...watchers]) c.client.stop();
    } finally {
      await a.kill();
      await b.kill();
    }
  });

  test('an instance killed with SIGKILL mid-match: its clients move to the other, bots and timers go on, no move doubled or lost', async (ctx) => {
    if (!services) return ctx.skip();
    const a = await startServerProcess({ env: env() });
    const b = await startServerProcess({ env: env() });
    const servers: Record<number, ServerProcess> = { [a.port]: a, [b.port]: b };
    // Clients go through a proxy: the lease holder first, so that killing it tests every takeover.
    let proxy: Awaited<ReturnType<typeof startProxy>> | null = null;
    try {
      const hosted = await api(a.url, '/api/classes', { body: { tables: 1, botLevel: 'random', turnSeconds: 1 } });
      const { code, teacherSecret } = hosted.body;
      const seats = await Promise.all(
        (['us', 'china'] as const).map((seat) => api(b.url, `/api/classes/${code}/join`, { body: { name: `P-${seat}`, table: 0, seat } })),
      );
      expect((await api(b.url, `/api/classes/${code}/start`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
      await waitFor(async () => (await leaseHolder(code)) !== undefined, 10_000, 'a lease holder');
      const holderPort = Number((await leaseHolder(code))!.split('/')[0]!.split(':').at(-1));
      const holder = servers[holderPort]!;
      const survivor = holder === a ? b : a;
      proxy = await startProxy([holder.port, survivor.port]);
      // US plays; China's person never moves (its turns time out after 1 s); EU is a bot.
      const clients = seats.map((s, i) => connectClient(proxy!.url, s.body.matchID, PLAYER_IDS[FACTIONS[i]!], s.body.credentials));
      await waitFor(() => clients.every((c) => c.client.getState() !== null), 10_000, 'sync');
      const player = autoPlay(clients[0]!, 'us');
      await waitFor(() => actionCount(clients[0]!) >= 6, 30_000, 'six moves');
      await holder.kill('SIGKILL');
      const acknowledged = Math.max(...clients.map(actionCount));
      // The survivor takes the lease over; the clients reconnect through the proxy to it.
      await waitFor(() => clients.every((c) => actionCount(c) >= acknowledged + 6), 60_000, 'play goes on with bots and timers');
      expect(Number((await leaseHolder(code))!.split('/')[0]!.split(':').at(-1))).toBe(survivor.port);
      player.stop();
      const stored = await storedStateIDs(seats[0]!.body.matchID);
      expect(stored).toEqual(stored.map((_, i) => i));
      for (const c of clients) {
        const ids = updateIDs(c.received);
        expect(inOrderOnce(ids)).toBe(true);
        expect(unexpected(c.errors)).toEqual([]);
      }
      const view = await api(survivor.url, `/api/classes/${code}/console`, { secret: teacherSecret });
      expect(view.body.status).toBe('running');
      await api(survivor.url, `/api/classes/${code}/end`, { method: 'POST', secret: teacherSecret });
      for (const c of clients) c.client.stop();
    } finally {
      await proxy?.close();
      await a.kill();
      await b.kill();
    }
  });
});
