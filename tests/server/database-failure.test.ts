/**
 * The database fails for a while under a running class (real server process on PostgreSQL, real
 * sockets): the server must stay up. A socket message it cannot check is refused with a reason,
 * a device that could not sync reconnects and syncs once the database is back, and play goes on.
 * The failure is made by renaming the test schema's `matches` table away and back, so only this
 * test's server sees it. (Before: the socket guard's database read threw inside socket.io's
 * middleware, which ended the whole process; a failed sync left the device waiting for ever.)
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeSeat, type GameState } from '../../src/engine/index.js';
import { moveArgs } from '../../src/game/gigawatt.js';
import { api, connectClient, pickAction, startServerProcess, waitFor } from './helpers.js';
import { type Services, scaleOutServices } from './services.js';

let services: Services | null = null;
beforeAll(async () => {
  services = await scaleOutServices();
});
afterAll(async () => {
  await services?.drop();
});

/** Runs one statement on the test's schema. */
async function sql(statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: services!.databaseUrl });
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

const codes = (c: ReturnType<typeof connectClient>) => c.errors.map((e) => (e as { code?: string }).code);

describe('a database that fails for a while under a running class', { timeout: 120_000 }, () => {
  test('the server stays up, refuses what it cannot check with a reason, and every device syncs and plays once the database is back', async (ctx) => {
    if (!services) return ctx.skip();
    const server = await startServerProcess({ env: { DATABASE_URL: services.databaseUrl } });
    try {
      const { code, teacherSecret } = (await api(server.url, '/api/classes', { body: { tables: 1, botLevel: 'random', turnSeconds: 0 } })).body;
      const ticket = (await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Ana', table: 0, seat: 'us' } })).body;
      expect((await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
      const student = connectClient(server.url, ticket.matchID, ticket.playerID, ticket.credentials);
      const G = () => student.client.getState()?.G as GameState | undefined;
      await waitFor(() => G() !== undefined && activeSeat(G()!) === 'us', 30_000, 'the student’s turn');

      await sql('ALTER TABLE matches RENAME TO matches_away');
      // A move cannot be checked: refused with a reason, nothing changes.
      const before = student.client.getState()!._stateID;
      const action = pickAction(G()!, 'us')!;
      (student.client.moves as Record<string, (a: unknown) => void>)[action.type]!(moveArgs(action));
      await waitFor(() => codes(student).includes('unavailable'), 10_000, 'the move refused as unavailable');
      // A device arriving now cannot sync: it is told why, and its connection is closed.
      const late = connectClient(server.url, ticket.matchID, null);
      await waitFor(() => codes(late).includes('unavailable'), 10_000, 'the sync refused as unavailable');
      expect(late.client.getState()).toBeNull();
      await new Promise((r) => setTimeout(r, 1000));
      expect(server.child.exitCode, server.output()).toBeNull();
      expect(server.output()).toMatch(/\[socket\] could not check update/);
      expect(server.output()).toMatch(/\[socket\] could not check sync/);

      await sql('ALTER TABLE matches_away RENAME TO matches');
      // Its client reconnects by itself and syncs; the student's move goes through when made again.
      await waitFor(() => late.client.getState() !== null, 20_000, 'the late device synced after the database came back');
      expect(student.client.getState()!._stateID).toBe(before);
      (student.client.moves as Record<string, (a: unknown) => void>)[action.type]!(moveArgs(action));
      await waitFor(() => (late.client.getState()?._stateID ?? 0) > before, 20_000, 'the move stored and seen by the late device');
      expect(server.child.exitCode).toBeNull();
      for (const c of [student, late]) c.client.stop();
    } finally {
      await server.kill();
    }
  });
});
