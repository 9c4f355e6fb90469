/**
 * A class continued another day, on the real server (child process, real sockets and HTTP), on
 * SQLite and on PostgreSQL+Redis: the teacher closes a playing class, every move is refused with
 * the reason, timers stop and bots wait; the closed state survives a restart; reopened, the
 * students' seat tickets bring them back to the same seats, the turn gets its whole time again,
 * and play goes on from the same position. Bad requests are refused before any write.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeSeat, type GameState } from '../../src/engine/index.js';
import { type Services, scaleOutServices } from './services.js';
import { api, autoPlay, connectClient, pickAction, removeDir, type ServerProcess, startServerProcess, waitFor } from './helpers.js';
import { moveArgs } from '../../src/game/gigawatt.js';

const TURN_SECONDS = 60;
const CLOSED = 'The teacher has closed the class until the next lesson.';

type Table = { round: number; secondsLeft: number | null; turn: string | null; seats: Record<string, { mode: string }> };
const consoleOf = async (server: ServerProcess, code: string, secret: string) =>
  (await api(server.url, `/api/classes/${code}/console`, { secret })).body as { status: string; tables: Table[] };
const post = (server: ServerProcess, code: string, action: string, secret?: string, body?: unknown) =>
  api(server.url, `/api/classes/${code}/${action}`, { method: 'POST', ...(secret === undefined ? {} : { secret }), ...(body === undefined ? {} : { body }) });
/** Where the table stands (round and whose turn): a move by anyone changes the turn. */
const position = async (server: ServerProcess, code: string, secret: string) =>
  JSON.stringify((await consoleOf(server, code, secret)).tables.map((t) => [t.round, t.turn]));

/**
 * Closes a class mid-game, restarts the server (`restart` gives the new one), reopens it, and
 * plays on. Returns the server in use at the end.
 */
async function closeAndReopen(first: ServerProcess, restart: (s: ServerProcess) => Promise<ServerProcess>): Promise<ServerProcess> {
  let server = first;
  const hosted = await api(server.url, '/api/classes', { body: { tables: 1, turnSeconds: TURN_SECONDS, botLevel: 'random' } });
  const { code, teacherSecret } = hosted.body;
  const ticket = (await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Ana', table: 0, seat: 'us' } })).body;
  // Before the start there is nothing to close, and nothing to reopen.
  expect(await post(server, code, 'close', teacherSecret)).toMatchObject({
    status: 409,
    body: { error: 'The class has not started: there is nothing to close.' },
  });
  expect((await post(server, code, 'start', teacherSecret)).status).toBe(200);
  let student = connectClient(server.url, ticket.matchID, ticket.playerID, ticket.credentials);
  const turn = () => {
    const G = student.client.getState()?.G as GameState | undefined;
    return G ? activeSeat(G) : null;
  };
  await waitFor(() => turn() === 'us', 30_000, 'the student’s turn');
  await waitFor(async () => ((await consoleOf(server, code, teacherSecret)).tables[0]!.secondsLeft ?? 0) > 0, 5000, 'a timer');

  // Only the teacher closes; a body is refused; then the class closes.
  expect((await post(server, code, 'close')).status).toBe(403);
  expect((await post(server, code, 'close', 'wrong-secret')).status).toBe(403);
  expect((await post(server, code, 'close', teacherSecret, { now: 1 })).status).toBe(400);
  expect((await api(server.url, `/api/classes/${code}/close`, { secret: teacherSecret })).status).toBe(405);
  expect((await consoleOf(server, code, teacherSecret)).status).toBe('running');
  expect(await post(server, code, 'reopen', teacherSecret)).toMatchObject({
    status: 409,
    body: { error: 'Only a closed class can be reopened (this one is running).' },
  });
  const closed = await post(server, code, 'close', teacherSecret);
  expect(closed.status).toBe(200);
  expect(closed.body.status).toBe('closed');
  expect(closed.body.tables[0].secondsLeft).toBeNull();
  expect(await post(server, code, 'close', teacherSecret)).toMatchObject({ status: 409, body: { error: 'The class is already closed.' } });
  expect((await post(server, code, 'pause', teacherSecret)).status).toBe(409);
  expect((await post(server, code, 'news', teacherSecret, { event: 'newsKimiK2' })).status).toBe(409);
  expect((await api(server.url, `/api/classes/${code}`)).body.status).toBe('closed');

  // A move is refused with the reason.
  const G = student.client.getState()!.G as GameState;
  const action = pickAction(G, 'us')!;
  (student.client.moves as Record<string, (a: unknown) => void>)[action.type]!(moveArgs(action));
  await waitFor(() => student.errors.length > 0, 5000, 'the refusal');
  expect(JSON.stringify(student.errors[0])).toContain(CLOSED);
  // A bot at the turn does not move while the class is closed.
  expect((await post(server, code, 'seat', teacherSecret, { table: 0, seat: 'us', mode: 'bot' })).status).toBe(200);
  const before = await position(server, code, teacherSecret);
  await new Promise((r) => setTimeout(r, 2000));
  expect(await position(server, code, teacherSecret)).toBe(before);
  expect((await consoleOf(server, code, teacherSecret)).tables[0]!.secondsLeft).toBeNull();
  expect((await post(server, code, 'seat', teacherSecret, { table: 0, seat: 'us', mode: 'person' })).status).toBe(200);
  student.client.stop();

  // Another day: the server restarted, the class is still closed and nothing moved.
  server = await restart(server);
  const back = await consoleOf(server, code, teacherSecret);
  expect(back.status).toBe('closed');
  expect(back.tables[0]!.secondsLeft).toBeNull();
  expect(await position(server, code, teacherSecret)).toBe(before);
  await new Promise((r) => setTimeout(r, 1000));
  expect(await position(server, code, teacherSecret)).toBe(before);

  // The student's seat ticket brings the same seat back; reopened, the turn has its whole time.
  const again = await api(server.url, `/api/classes/${code}/rejoin`, { body: { deviceToken: ticket.deviceToken } });
  expect(again.status).toBe(200);
  expect(again.body).toMatchObject({ seat: 'us', table: 0, matchID: ticket.matchID, playerID: ticket.playerID });
  student = connectClient(server.url, again.body.matchID, again.body.playerID, again.body.credentials);
  await waitFor(() => student.client.getState() !== null, 10_000, 'synced');
  expect(turn()).toBe('us');
  expect((await post(server, code, 'reopen')).status).toBe(403);
  const reopened = await post(server, code, 'reopen', teacherSecret);
  expect(reopened.status).toBe(200);
  expect(reopened.body.status).toBe('running');
  expect(await post(server, code, 'reopen', teacherSecret)).toMatchObject({
    status: 409,
    body: { error: 'Only a closed class can be reopened (this one is running).' },
  });
  await waitFor(async () => ((await consoleOf(server, code, teacherSecret)).tables[0]!.secondsLeft ?? 0) > 0, 10_000, 'the timer again');
  expect((await consoleOf(server, code, teacherSecret)).tables[0]!.secondsLeft).toBeGreaterThanOrEqual(TURN_SECONDS - 3);

  // Play goes on from the same position.
  const round = (student.client.getState()!.G as GameState).round;
  const play = autoPlay(student, 'us');
  await waitFor(() => play.moves() >= 2, 60_000, 'the student moves twice');
  play.stop();
  expect((student.client.getState()!.G as GameState).round).toBeGreaterThanOrEqual(round);
  expect(student.errors.slice(1).filter((e) => JSON.stringify(e).includes(CLOSED))).toEqual([]);
  student.client.stop();
  expect((await post(server, code, 'end', teacherSecret)).status).toBe(200);
  expect(await post(server, code, 'close', teacherSecret)).toMatchObject({ status: 409, body: { error: 'The class has ended: it cannot be closed.' } });
  return server;
}

describe('closing a class until the next lesson (SQLite)', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { CLASSES_PER_HOUR: '100' } });
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  test('a closed class refuses moves, stops its timer and bots, stays closed across a restart, and reopens with the same seats', async () => {
    server = await closeAndReopen(server, async (s) => {
      await s.kill('SIGKILL');
      return startServerProcess({ dataDir: s.dataDir, env: { CLASSES_PER_HOUR: '100' } });
    });
  }, 150_000);
});

describe('closing a class until the next lesson (PostgreSQL and Redis)', () => {
  let services: Services | null = null;
  let server: ServerProcess | null = null;
  const env = () => ({ DATABASE_URL: services!.databaseUrl, REDIS_URL: services!.redisUrl, CLASSES_PER_HOUR: '100' });
  beforeAll(async () => {
    services = await scaleOutServices();
    if (services) server = await startServerProcess({ env: env() });
  }, 60_000);
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
    await services?.drop();
  });

  test('the closed state is shared through the database, survives a restart, and the class reopens with the same seats', async (ctx) => {
    if (!services || !server) return ctx.skip();
    server = await closeAndReopen(server, async (s) => {
      await s.kill('SIGKILL');
      removeDir(s.dataDir);
      return startServerProcess({ env: env() });
    });
  }, 150_000);

  test('a bot whose turn it was when the class closed moves once the class reopens on the same instance', async (ctx) => {
    if (!services) return ctx.skip();
    // Slow bots: the class closes while the first bot is still thinking.
    const slow = await startServerProcess({ env: { ...env(), BOT_DELAY_MS: '2500' } });
    try {
      const { code, teacherSecret } = (await api(slow.url, '/api/classes', { body: { tables: 1, turnSeconds: 0, botLevel: 'random' } })).body;
      expect((await post(slow, code, 'start', teacherSecret)).status).toBe(200);
      // The instance takes the class's lease at its next sweep and its first bot starts thinking.
      await new Promise((r) => setTimeout(r, 1000));
      expect((await post(slow, code, 'close', teacherSecret)).status).toBe(200);
      const closedAt = await position(slow, code, teacherSecret);
      await new Promise((r) => setTimeout(r, 3500));
      expect(await position(slow, code, teacherSecret)).toBe(closedAt);
      expect((await post(slow, code, 'reopen', teacherSecret)).status).toBe(200);
      await waitFor(async () => (await position(slow, code, teacherSecret)) !== closedAt, 20_000, 'the bot moves after the reopen');
    } finally {
      await slow.kill();
      removeDir(slow.dataDir);
    }
  }, 60_000);
});
