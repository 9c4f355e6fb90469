/**
 * The teacher's news on the real server (child process, SQLite, real sockets and HTTP): an event
 * card or a "breaking news" item injected at one table or all is public at once, resolves at
 * each table's next headline as the teacher's, survives a restart, keeps the current turn's
 * timer, and replays exactly from the match files; bad requests are refused before any write.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { GameState } from '../../src/engine/index.js';
import { NEWS_MOVE } from '../../src/game/gigawatt.js';
import { replayMatch, validateMatch, type MatchFile } from '../../src/match/index.js';
import { type Services, scaleOutServices } from './services.js';
import { api, autoPlay, connectClient, removeDir, rules, type ServerProcess, startServerProcess, waitFor } from './helpers.js';

type Table = {
  no: number;
  finished: boolean;
  round: number;
  news: { pending: string[]; announced: string[]; round: number };
  secondsLeft: number | null;
  turn: string | null;
  seats: Record<string, { mode: string }>;
};

const consoleOf = async (server: ServerProcess, code: string, secret: string) =>
  (await api(server.url, `/api/classes/${code}/console`, { secret })).body as { status: string; tables: Table[] };
const news = (server: ServerProcess, code: string, secret: string | undefined, body: unknown) =>
  api(server.url, `/api/classes/${code}/news`, { method: 'POST', body, ...(secret === undefined ? {} : { secret }) });
const teacherLog = (G: GameState) => G.log.filter((e) => e.by === 'teacher').map((e) => ({ round: e.round, id: e.id }));

/**
 * News at one table and an event card at every table, before the start: public at once, read out
 * first at each table's next headline as the teacher's, refused at a finished table and after the
 * end, and replayed exactly from the match files.
 */
async function announceAtEveryTable(server: ServerProcess): Promise<void> {
  const hosted = await api(server.url, '/api/classes', { body: { tables: 2, turnSeconds: 0, botLevel: 'random' } });
  const { code, teacherSecret } = hosted.body;
  const us = (await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Ana', table: 0, seat: 'us' } })).body;
  const student = connectClient(server.url, us.matchID, us.playerID, us.credentials);
  await waitFor(() => student.client.getState() !== null, 10_000, 'synced');

  const one = await news(server, code, teacherSecret, { event: 'newsKimiK2', table: 0 });
  expect(one.status).toBe(200);
  expect(one.body.news).toEqual({ event: 'newsKimiK2', tables: [0] });
  const all = await news(server, code, teacherSecret, { event: 'stargateAnnounced' });
  expect(all.status).toBe(200);
  expect(all.body.news.tables).toEqual([0, 1]);
  expect(all.body.tables.map((t: Table) => t.news.pending)).toEqual([['newsKimiK2', 'stargateAnnounced'], ['stargateAnnounced']]);
  // Every seat sees the queue (public), and still no secret.
  await waitFor(() => ((student.client.getState()?.G as GameState | undefined)?.pendingNews?.length ?? 0) === 2, 5000, 'the student sees the news queue');
  const seen = student.client.getState()!.G as GameState;
  expect(seen.seed).toBe('');
  expect(seen.eventDecks.every((d) => d.length === 0)).toBe(true);
  expect(seen.factions.china.hand).toEqual([]);
  const pub = await api(server.url, `/api/classes/${code}`);
  expect(pub.body.tables[1].news.pending).toEqual(['stargateAnnounced']);

  const play = autoPlay(student, 'us');
  expect((await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
  await waitFor(async () => (await consoleOf(server, code, teacherSecret)).tables.every((t) => t.round >= 2 || t.finished), 60_000, 'round 2 everywhere');
  await waitFor(() => teacherLog(student.client.getState()!.G as GameState).length === 2, 5000, 'the student sees the announcement');
  expect(teacherLog(student.client.getState()!.G as GameState)).toEqual([
    { round: 2, id: 'newsKimiK2' },
    { round: 2, id: 'stargateAnnounced' },
  ]);
  await waitFor(async () => (await consoleOf(server, code, teacherSecret)).tables.every((t) => t.finished), 120_000, 'both tables finished');
  play.stop();
  student.client.stop();

  // A finished table takes no news; nor does a class with none left to take it.
  const finished = await news(server, code, teacherSecret, { event: 'newsKimiK2', table: 1 });
  expect(finished.status).toBe(409);
  expect(finished.body.error).toBe('Table 2 has finished.');
  expect((await news(server, code, teacherSecret, { event: 'newsKimiK2' })).status).toBe(409);
  expect((await api(server.url, `/api/classes/${code}/end`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
  const ended = await news(server, code, teacherSecret, { event: 'newsKimiK2' });
  expect(ended.status).toBe(409);
  expect(ended.body.error).toBe('The class has ended.');

  const matches = (await api(server.url, `/api/classes/${code}/matches.json`, { secret: teacherSecret })).body.matches as MatchFile[];
  expect(matches[0]!.news).toEqual([
    { afterAction: 0, event: 'newsKimiK2' },
    { afterAction: 0, event: 'stargateAnnounced' },
  ]);
  expect(matches[1]!.news).toEqual([{ afterAction: 0, event: 'stargateAnnounced' }]);
  for (const m of matches) {
    expect(validateMatch(m).ok).toBe(true);
    const replayed = replayMatch(rules, m, { verify: true });
    expect(replayed.ok).toBe(true);
    if (replayed.ok) expect(teacherLog(replayed.state).every((e) => e.round === 2)).toBe(true);
  }
}

describe('the teacher’s news at class tables', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { CLASSES_PER_HOUR: '100' } });
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  test('refuses a non-teacher, an unknown event, an unknown table, malformed bodies and a student’s socket, writing nothing', async () => {
    const hosted = await api(server.url, '/api/classes', { body: { tables: 2, turnSeconds: 0, botLevel: 'random' } });
    const { code, teacherSecret } = hosted.body;
    const other = (await api(server.url, '/api/classes', { body: { tables: 1 } })).body;
    const cases: [string | undefined, unknown, number, RegExp][] = [
      [undefined, { event: 'newsKimiK2' }, 403, /teacher secret/],
      ['wrong-secret', { event: 'newsKimiK2' }, 403, /teacher secret/],
      [other.teacherSecret, { event: 'newsKimiK2' }, 403, /teacher secret/],
      [teacherSecret, { event: 'noSuchNews' }, 400, /no event or news item has the id "noSuchNews"/],
      [teacherSecret, { event: 'constructor' }, 400, /no event or news item/],
      [teacherSecret, { event: 'newsKimiK2', table: 5 }, 404, /no such table/],
      [teacherSecret, { event: 'newsKimiK2', table: -1 }, 400, /table/],
      [teacherSecret, { event: 'newsKimiK2', table: '0' }, 400, /table/],
      [teacherSecret, { event: 'news Kimi' }, 400, /event/],
      [teacherSecret, { event: 'newsKimiK2', extra: 1 }, 400, /extra/],
      [teacherSecret, {}, 400, /event/],
    ];
    for (const [secret, body, status, message] of cases) {
      const r = await news(server, code, secret, body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(r.body.error, JSON.stringify(body)).toMatch(message);
    }
    expect((await api(server.url, `/api/classes/${code}/news`, { secret: teacherSecret })).status).toBe(405);
    expect((await news(server, 'ZZZZZZ', teacherSecret, { event: 'newsKimiK2' })).status).toBe(404);
    // A student cannot send the server's news move.
    const us = (await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Ana', table: 0, seat: 'us' } })).body;
    const c = connectClient(server.url, us.matchID, us.playerID, us.credentials);
    await waitFor(() => c.client.getState() !== null, 10_000, 'synced');
    c.socket.emit(
      'update',
      { type: 'MAKE_MOVE', payload: { type: NEWS_MOVE, args: [{ event: 'newsKimiK2' }], playerID: us.playerID, credentials: us.credentials } },
      c.client.getState()!._stateID,
      us.matchID,
      us.playerID,
    );
    await waitFor(() => c.errors.length > 0, 5000, 'refusal');
    expect(JSON.stringify(c.errors[0])).toContain('Unknown move');
    c.client.stop();
    const view = await consoleOf(server, code, teacherSecret);
    expect(view.tables.map((t) => t.news.pending)).toEqual([[], []]);
  }, 60_000);

  test('news at one table and an event card at all are public at once, resolve first at each table’s next headline as the teacher’s, and replay exactly', async () => {
    await announceAtEveryTable(server);
  }, 200_000);

  test('news injected mid-game keeps the turn’s timer, and news waiting at a restart (SQLite) is announced after it', async () => {
    const hosted = await api(server.url, '/api/classes', { body: { tables: 1, turnSeconds: 120, botLevel: 'random' } });
    const { code, teacherSecret } = hosted.body;
    // Three students who never move: the first turn's timer runs.
    for (const seat of ['us', 'china', 'eu']) await api(server.url, `/api/classes/${code}/join`, { body: { name: `P ${seat}`, table: 0, seat } });
    expect((await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
    await waitFor(async () => ((await consoleOf(server, code, teacherSecret)).tables[0]!.secondsLeft ?? 0) > 0, 5000, 'a timer');
    await new Promise((r) => setTimeout(r, 2500));
    const before = (await consoleOf(server, code, teacherSecret)).tables[0]!;
    expect(before.secondsLeft).toBeLessThanOrEqual(118);
    const r = await news(server, code, teacherSecret, { event: 'newsGpaiRules', table: 0 });
    expect(r.status).toBe(200);
    const after = (await consoleOf(server, code, teacherSecret)).tables[0]!;
    expect(after.turn).toBe(before.turn);
    expect(after.secondsLeft).toBeLessThanOrEqual(before.secondsLeft!);
    expect(after.news.pending).toEqual(['newsGpaiRules']);

    // SIGKILL, then the same data: the news still waits, and is announced at round 2.
    const dataDir = server.dataDir;
    await server.kill('SIGKILL');
    server = await startServerProcess({ dataDir, env: { CLASSES_PER_HOUR: '100' } });
    const back = (await consoleOf(server, code, teacherSecret)).tables[0]!;
    expect(back.news.pending).toEqual(['newsGpaiRules']);
    for (const seat of ['us', 'china', 'eu'])
      expect((await api(server.url, `/api/classes/${code}/seat`, { body: { table: 0, seat, mode: 'bot' }, secret: teacherSecret })).status).toBe(200);
    await waitFor(async () => (await consoleOf(server, code, teacherSecret)).tables[0]!.round >= 2, 60_000, 'round 2');
    const table = (await consoleOf(server, code, teacherSecret)).tables[0]!;
    expect(table.news.pending).toEqual([]);
    if (table.round === 2) expect(table.news.announced).toEqual(['newsGpaiRules']);
    const pub = await api(server.url, `/api/classes/${code}`);
    expect(pub.body.tables[0].news.pending).toEqual([]);
    const spectator = connectClient(
      server.url,
      pub.body.tables[0].matchID ?? (await api(server.url, `/api/classes/${code}/console`, { secret: teacherSecret })).body.tables[0].matchID,
      null,
    );
    await waitFor(() => spectator.client.getState() !== null, 10_000, 'spectator synced');
    expect(teacherLog(spectator.client.getState()!.G as GameState)).toEqual([{ round: 2, id: 'newsGpaiRules' }]);
    spectator.client.stop();
    // The match file, written after the restart, replays the news to the same hashes.
    expect((await api(server.url, `/api/classes/${code}/end`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
    const [match] = (await api(server.url, `/api/classes/${code}/matches.json`, { secret: teacherSecret })).body.matches as MatchFile[];
    expect(match!.news).toEqual([{ afterAction: 0, event: 'newsGpaiRules' }]);
    expect(replayMatch(rules, match!, { verify: true }).ok).toBe(true);
  }, 120_000);
});

describe('the teacher’s news on PostgreSQL and Redis', () => {
  let services: Services | null = null;
  let server: ServerProcess | null = null;
  beforeAll(async () => {
    services = await scaleOutServices();
    if (services) server = await startServerProcess({ env: { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, CLASSES_PER_HOUR: '100' } });
  }, 60_000);
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
    await services?.drop();
  });

  test('stores the news with the table’s state, announces it at every table and replays it', async (ctx) => {
    if (!services || !server) return ctx.skip();
    await announceAtEveryTable(server);
  }, 200_000);
});
