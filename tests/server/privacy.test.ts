/**
 * Privacy a school can accept, against the real server on SQLite and on PostgreSQL + Redis
 * (skipped loudly without them): the teacher deletes a class and every row about it goes in one
 * transaction; classes past RETENTION_DAYS are deleted when the server starts; the start message
 * names where the data is kept, never a password; the delete route refuses hostile requests.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, connectClient, removeDir, type ServerProcess, startServerProcess, waitFor } from './helpers.js';
import { raw } from './hostile.js';
import { type Services, scaleOutServices } from './services.js';

const DAY = 24 * 60 * 60 * 1000;

/** Counts and edits rows of the server's database, whichever it is. */
interface Rows {
  count(table: 'classes' | 'class_tables' | 'matches' | 'match_log', column: string, values: string[]): Promise<number>;
  /** Makes a class look created `days` ago. */
  age(code: string, days: number): Promise<void>;
  close(): Promise<void>;
}

function sqliteRows(dataDir: string): Rows {
  const open = (readonly: boolean) => new Database(join(dataDir, 'gigawatt.sqlite'), { readonly });
  return {
    count: async (table, column, values) => {
      const db = open(true);
      try {
        return values.reduce((n, v) => n + (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ?`).get(v) as { n: number }).n, 0);
      } finally {
        db.close();
      }
    },
    age: async (code, days) => {
      const db = open(false);
      try {
        const at = Date.now() - days * DAY;
        const row = db.prepare('SELECT data FROM classes WHERE code = ?').get(code) as { data: string };
        db.prepare('UPDATE classes SET created_at = ?, data = ? WHERE code = ?').run(at, JSON.stringify({ ...JSON.parse(row.data), createdAt: at }), code);
      } finally {
        db.close();
      }
    },
    close: async () => {},
  };
}

async function postgresRows(url: string): Promise<Rows> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return {
    count: async (table, column, values) => {
      const r = await c.query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${column} = ANY($1)`, [values]);
      return Number(r.rows[0]?.n ?? 0);
    },
    age: async (code, days) => {
      const at = Date.now() - days * DAY;
      const row = (await c.query<{ data: string }>('SELECT data FROM classes WHERE code = $1', [code])).rows[0]!;
      await c.query('UPDATE classes SET created_at = $1, data = $2 WHERE code = $3', [at, JSON.stringify({ ...JSON.parse(row.data), createdAt: at }), code]);
    },
    close: () => c.end(),
  };
}

/** Hosts a class of two tables, seats a student and lets bots play a few moves; returns what a deletion must remove. */
async function playedClass(url: string) {
  const hosted = (await api(url, '/api/classes', { body: { tables: 2, turnSeconds: 0, botLevel: 'random' } })).body;
  const alice = (await api(url, `/api/classes/${hosted.code}/join`, { body: { name: 'Alice', table: 0, seat: 'us' } })).body;
  const socket = connectClient(url, alice.matchID, alice.playerID, alice.credentials);
  await waitFor(() => socket.client.getState() !== null, 10_000, 'sync');
  await api(url, `/api/classes/${hosted.code}/start`, { method: 'POST', secret: hosted.teacherSecret });
  // Alice steps away: a bot plays her seat too, so the tables fill their move logs.
  await api(url, `/api/classes/${hosted.code}/seat`, { secret: hosted.teacherSecret, body: { table: 0, seat: 'us', mode: 'bot' } });
  const console = async () => (await api(url, `/api/classes/${hosted.code}/console`, { secret: hosted.teacherSecret })).body;
  await waitFor(async () => (await console()).tables.every((t: { actions: number }) => t.actions >= 4), 30_000, 'a few moves at every table');
  const matchIDs = (await console()).tables.map((t: { matchID: string }) => t.matchID) as string[];
  return { code: hosted.code as string, secret: hosted.teacherSecret as string, matchIDs, socket };
}

/** Every row that names a class or its tables. */
async function rowsOf(rows: Rows, code: string, matchIDs: string[]): Promise<number[]> {
  return [
    await rows.count('classes', 'code', [code]),
    await rows.count('class_tables', 'code', [code]),
    await rows.count('matches', 'id', matchIDs),
    await rows.count('match_log', 'match_id', matchIDs),
  ];
}

/** The scenario both databases must pass. */
async function deleteAndRetention(start: () => Promise<ServerProcess>, rowsFor: (s: ServerProcess) => Promise<Rows>): Promise<void> {
  let server = await start();
  let rows = await rowsFor(server);
  try {
    const doomed = await playedClass(server.url);
    const kept = await playedClass(server.url);
    const [classes, tables, matches, logs] = await rowsOf(rows, doomed.code, doomed.matchIDs);
    expect([classes, tables, matches]).toEqual([1, 2, 2]);
    expect(logs).toBeGreaterThanOrEqual(8);

    // The teacher deletes the class: every row about it goes, its sockets close, its code is unknown.
    const deleted = await api(server.url, `/api/classes/${doomed.code}/delete`, { secret: doomed.secret, body: { confirm: doomed.code.toLowerCase() } });
    expect(deleted).toMatchObject({ status: 200, body: { deleted: doomed.code, tables: 2 } });
    expect(await rowsOf(rows, doomed.code, doomed.matchIDs)).toEqual([0, 0, 0, 0]);
    expect((await api(server.url, `/api/classes/${doomed.code}`)).status).toBe(404);
    expect((await api(server.url, `/api/classes/${doomed.code}/rejoin`, { body: { deviceToken: 'x' } })).status).toBe(404);
    await waitFor(() => !(doomed.socket.socket as unknown as { connected: boolean }).connected, 5_000, 'the socket closed');
    doomed.socket.client.stop();
    // The other class is untouched and goes on.
    const [keptClasses, keptTables, keptMatches] = await rowsOf(rows, kept.code, kept.matchIDs);
    expect([keptClasses, keptTables, keptMatches]).toEqual([1, 2, 2]);
    expect((await api(server.url, `/api/classes/${kept.code}/console`, { secret: kept.secret })).status).toBe(200);
    kept.socket.client.stop();

    // A class created 31 days ago is deleted when the server starts (RETENTION_DAYS defaults to 30); a recent one stays.
    const recent = (await api(server.url, '/api/classes', { body: { tables: 1 } })).body;
    await server.kill('SIGTERM');
    await rows.age(kept.code, 31);
    await rows.age(recent.code, 29);
    await rows.close();
    server = await start();
    rows = await rowsFor(server);
    expect(server.output()).toContain('[retention] deleted 1 class created more than 30 days ago');
    expect(await rowsOf(rows, kept.code, kept.matchIDs)).toEqual([0, 0, 0, 0]);
    expect((await api(server.url, `/api/classes/${kept.code}`)).status).toBe(404);
    expect((await api(server.url, `/api/classes/${recent.code}`)).status).toBe(200);
  } finally {
    await rows.close();
    await server.kill();
  }
}

describe('privacy on SQLite', { timeout: 120_000 }, () => {
  test('the teacher deletes a class with every row about it, old classes go at start, and the start message names the SQLite file', async () => {
    let dataDir = '';
    const start = async () => {
      const s = await startServerProcess(dataDir ? { dataDir } : {});
      dataDir = s.dataDir;
      return s;
    };
    try {
      await deleteAndRetention(start, async (s) => {
        expect(s.output()).toContain(`Data kept in SQLite: ${join(s.dataDir, 'gigawatt.sqlite')}. Classes are deleted 30 days after they were created`);
        return sqliteRows(s.dataDir);
      });
    } finally {
      if (dataDir) removeDir(dataDir);
    }
  });
});

describe('deleting a class under hostile requests', { timeout: 60_000 }, () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { RETENTION_DAYS: '7' } });
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  test('only the teacher deletes, only with the class code typed as confirmation, and every bad body is refused naming its field', async () => {
    expect(server.output()).toContain('Classes are deleted 7 days after they were created (RETENTION_DAYS)');
    const { code, teacherSecret } = (await api(server.url, '/api/classes', { body: { tables: 1 } })).body;
    const other = (await api(server.url, '/api/classes', { body: { tables: 1 } })).body;
    const del = (body: string, secret: string | null = teacherSecret, method = 'POST', path = `/api/classes/${code}/delete`) =>
      raw(server.url, method, path, { body, headers: secret === null ? {} : { 'x-teacher-secret': secret } });
    const good = JSON.stringify({ confirm: code });
    expect((await del(good, null)).status).toBe(403);
    expect((await del(good, 'wrong')).status).toBe(403);
    // Another class's secret does not open this one.
    expect((await del(good, other.teacherSecret)).status).toBe(403);
    expect((await del(JSON.stringify({ confirm: other.code }))).body.error).toMatch(/^confirm: type the class code/);
    expect((await del('{}')).body.error).toMatch(/^confirm: /);
    expect((await del(JSON.stringify({ confirm: 7 }))).body.error).toMatch(/^confirm: /);
    expect((await del(JSON.stringify({ confirm: 'x'.repeat(5000) }))).body.error).toMatch(/^confirm: /);
    expect((await del(JSON.stringify({ confirm: code, all: true }))).body.error).toBe('unknown field "all"');
    expect((await del(`{"__proto__":{"x":1},"confirm":"${code}"}`)).status).toBe(400);
    expect((await del('not json')).status).toBe(400);
    expect((await del(good, teacherSecret, 'GET')).status).toBe(405);
    expect((await del(good, teacherSecret, 'DELETE')).status).toBe(405);
    expect((await del(good, teacherSecret, 'POST', `/api/classes/${code}/delete/again`)).status).toBe(404);
    expect((await del(good, teacherSecret, 'POST', `/api/classes/${code}%2Fdelete`)).status).toBe(400);
    // None of it deleted anything.
    expect((await api(server.url, `/api/classes/${code}`)).status).toBe(200);
    // The real thing, spelled oddly (the route is normalised), deletes once; a second time finds nothing.
    expect((await del(good, teacherSecret, 'POST', `//api/Classes/${code.toLowerCase()}/DELETE/`)).status).toBe(200);
    expect((await del(good)).status).toBe(404);
    expect((await api(server.url, `/api/classes/${other.code}`)).status).toBe(200);
  });
  test('every reply to the teacher says how long the class is kept, so the console never forgets it after an action', async () => {
    const { code, teacherSecret } = (await api(server.url, '/api/classes', { body: { tables: 1, turnSeconds: 0 } })).body;
    const teacherSays = async (action: string, body?: object) =>
      (
        await api(
          server.url,
          `/api/classes/${code}/${action}`,
          body ? { secret: teacherSecret, body } : { method: action === 'console' ? 'GET' : 'POST', secret: teacherSecret },
        )
      ).body;
    for (const [action, body] of [['console'], ['start'], ['pause'], ['resume'], ['extend', { seconds: 30 }], ['close'], ['reopen'], ['end']] as const) {
      const reply = await teacherSays(action, body);
      expect(reply, action).toMatchObject({ code, retentionDays: 7 });
      expect(reply.joinUrl, action).toMatch(new RegExp(`/#/join\\?code=${code}$`));
    }
  });
});

describe('privacy on PostgreSQL and Redis', { timeout: 150_000 }, () => {
  let services: Services | null = null;
  beforeAll(async () => {
    services = await scaleOutServices();
  });
  afterAll(async () => {
    await services?.drop();
  });

  test('the teacher deletes a class with every row about it, old classes go at start, and the start message names the database and Redis without the password', async (ctx) => {
    if (!services) return ctx.skip();
    const db = new URL(services.databaseUrl);
    const env = { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl };
    let dataDir = '';
    const start = async () => {
      const s = await startServerProcess({ env, ...(dataDir ? { dataDir } : {}) });
      dataDir = s.dataDir;
      return s;
    };
    try {
      await deleteAndRetention(start, async (s) => {
        const redis = new URL(services!.redisUrl);
        expect(s.output()).toContain(`Data kept in PostgreSQL: database "${db.pathname.slice(1)}" on ${db.hostname}${db.port ? `:${db.port}` : ''}`);
        expect(s.output()).toContain(`updates shared through Redis on ${redis.hostname}:${redis.port}`);
        if (db.password) expect(s.output()).not.toContain(decodeURIComponent(db.password));
        expect(s.output()).not.toContain('search_path');
        return postgresRows(services!.databaseUrl);
      });
    } finally {
      if (dataDir) removeDir(dataDir);
    }
  });
});
