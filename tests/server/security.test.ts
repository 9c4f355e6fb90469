/**
 * The classroom server against hostile requests: one test per hole found by the attack on the
 * server (issue "Classroom server hardening"), each against a real server process, plus the
 * limits that must tell a school behind one address from a flood.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeSeat, type GameState } from '../../src/engine/index.js';
import { moveArgs } from '../../src/game/gigawatt.js';
import { connectClient, pickAction, removeDir, type ServerProcess, startServerProcess, waitFor } from './helpers.js';
import { get, post, prototypesOf, raw } from './hostile.js';

/** A fresh client address (the servers here trust 127.0.0.1 as a proxy): its own rate-limit buckets and quotas. */
let nextAddress = 1;
const fresh = () => `198.51.100.${nextAddress++}`;

describe('a server facing hostile requests', { timeout: 120_000 }, () => {
  let server: ServerProcess;
  let url: string;
  beforeAll(async () => {
    server = await startServerProcess({ env: { TRUSTED_PROXIES: '127.0.0.1', LOBBY_MATCHES_PER_HOUR: '500' } });
    url = server.url;
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  /** A class hosted from a fresh address, with its secret. */
  const host = async (settings: Record<string, unknown> = { tables: 1, turnSeconds: 0 }) => {
    const r = await post(url, '/api/classes', settings, { from: fresh() });
    expect(r.status).toBe(201);
    return { code: r.body.code as string, secret: r.body.teacherSecret as string };
  };
  const teacherCall = (code: string, secret: string, action: string, body: unknown = {}) =>
    post(url, `/api/classes/${code}/${action}`, body, { headers: { 'x-teacher-secret': secret }, from: fresh() });
  const consoleOf = async (code: string, secret: string) =>
    (await get(url, `/api/classes/${code}/console`, { headers: { 'x-teacher-secret': secret }, from: fresh() })).body;
  const lobbyMatch = async (from = fresh()) => {
    const r = await post(url, '/games/gigawatt/create', {}, { from });
    expect(r.status).toBe(200);
    return r.body.matchID as string;
  };

  test('item 1: a lobby join as "__proto__" (or with a dangerous key anywhere) is refused and no prototype changes', async () => {
    const id = await lobbyMatch();
    const from = fresh();
    for (const playerID of ['__proto__', 'constructor', 'prototype', '3', 0, 'toString'])
      expect((await post(url, `/games/gigawatt/${id}/join`, { playerID, playerName: 'M' }, { from })).status).toBe(400);
    // The key itself, written as JSON text (an object literal would not keep it as a key).
    const body = '{"playerID":"0","playerName":"M","data":{"__proto__":{"x":1}}}';
    const polluted = await raw(url, 'POST', `/games/gigawatt/${id}/join`, { body, from });
    expect(polluted.status).toBe(400);
    expect(polluted.body.error).toContain('__proto__');
    const nested = '{"name":"M","seat":null,"x":{"constructor":{"prototype":{"name":"M"}}}}';
    const { code } = await host();
    expect((await raw(url, 'POST', `/api/classes/${code}/join`, { body: nested, from })).status).toBe(400);
    expect(await prototypesOf(url)).toBe('intact');
    // What the polluted server showed: every seat of a new match taken, a nameless class join accepted.
    const next = await get(url, `/games/gigawatt/${await lobbyMatch()}`, { from });
    expect(next.body.players.map((p: { name?: string }) => p.name ?? null)).toEqual([null, null, null]);
    expect((await post(url, `/api/classes/${code}/join`, {}, { from })).status).toBe(400);
  });

  test('item 2: no spelling of a lobby path reaches a class table, while the lobby reads every spelling the same way', async () => {
    const { code, secret } = await host();
    const alice = (await post(url, `/api/classes/${code}/join`, { name: 'Alice', table: 0, seat: 'us' }, { from: fresh() })).body;
    const id = alice.matchID as string;
    const encodedFirst = `%${id.charCodeAt(0).toString(16).toUpperCase()}${id.slice(1)}`;
    const paths = [
      `/games/gigawatt/${id}/leave/`,
      `/games/gigawatt/${id}/LEAVE`,
      `/GAMES/gigawatt/${id}/leave`,
      `/games/gigawatt/${encodedFirst}/leave`,
      `//games//gigawatt//${id}//leave`,
      `/Games/GigaWatt/${id}/playAgain/`,
      `/games/gigawatt/${id}/PLAYAGAIN`,
      `/games/gigawatt/${id}/join`,
      `/games/gigawatt/${id}/update`,
    ];
    for (const path of paths) {
      const r = await post(url, path, { playerID: '0', credentials: alice.credentials, playerName: 'Eve' }, { from: fresh() });
      expect([400, 404]).toContain(r.status);
    }
    expect((await get(url, `/games/gigawatt/${id}`, { from: fresh() })).status).toBe(404);
    const view = await consoleOf(code, secret);
    expect(view.tables[0].seats.us.names).toEqual(['Alice']);
    // The lobby's own match, with an odd spelling: the same route as the plain one.
    const lobbyID = await lobbyMatch();
    const joined = (await post(url, `/GAMES//gigawatt/${lobbyID}/JOIN/`, { playerName: 'Zoé' }, { from: fresh() })).body;
    expect(joined.playerID).toBe('0');
    const left = await post(url, `/games/GIGAWATT/${lobbyID}/Leave/`, { playerID: '0', credentials: joined.playerCredentials }, { from: fresh() });
    expect(left.status).toBe(200);
    expect((await get(url, `/games/gigawatt/${lobbyID}`, { from: fresh() })).status).toBe(404);
  });

  test('item 3: every spelling of /games is rate-limited, origin-checked and size-capped', async () => {
    const evil = await post(url, '/GAMES/gigawatt/create', {}, { headers: { origin: 'http://evil.example' }, from: fresh() });
    expect(evil.status).toBe(403);
    const huge = await post(url, '/GAMES/gigawatt/create', { setupData: { junk: 'x'.repeat(900_000) } }, { from: fresh() });
    expect(huge.status).toBe(413);
    const flooder = fresh();
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) statuses.push((await get(url, i % 2 ? '/GAMES' : '/games/GIGAWATT/', { from: flooder })).status);
    expect(statuses).toContain(429);
    const list = await get(url, '/games/gigawatt', { from: fresh() });
    expect(list.text).not.toContain('xxxxxxxxxx');
  });

  test('item 4: a seat belongs to its holders: a stranger needs the seat link, and the teacher can take a device off', async () => {
    const { code, secret } = await host();
    const join = (body: Record<string, unknown>) => post(url, `/api/classes/${code}/join`, body, { from: fresh() });
    const alice = (await join({ name: 'Alice', table: 0, seat: 'us' })).body;
    const stranger = await join({ name: 'Eve', table: 0, seat: 'us' });
    expect(stranger.status).toBe(409);
    expect(stranger.body.error).toContain('team link');
    const eve = await join({ name: 'Eve', table: 0, seat: 'us', invite: alice.invite });
    expect(eve.status).toBe(201);
    expect((await teacherCall(code, secret, 'start')).status).toBe(200);
    // China is a bot's now: neither choosing it nor "Place me" walks into it.
    expect((await join({ name: 'Mallory', table: 0, seat: 'china' })).status).toBe(409);
    expect((await join({ name: 'Mallory' })).status).toBe(409);
    const view = await consoleOf(code, secret);
    const late = await join({ name: 'Léa', table: 0, seat: 'china', invite: view.tables[0].seats.china.invite });
    expect(late.status).toBe(201);
    expect((await consoleOf(code, secret)).tables[0].seats.china.mode).toBe('person');
    // The teacher removes Eve's device: her token no longer opens the seat, and the old team link is dead.
    const eveID = view.tables[0].seats.us.people.find((p: { name: string }) => p.name === 'Eve').id;
    expect((await teacherCall(code, secret, 'remove', { table: 0, seat: 'us', person: eveID })).status).toBe(200);
    const thief = connectClient(url, eve.body.matchID, '0', eve.body.credentials);
    await waitFor(() => thief.errors.length > 0, 10_000, 'sync refused');
    expect(thief.errors[0]).toMatchObject({ code: 'unauthorized' });
    thief.client.stop();
    expect((await post(url, `/api/classes/${code}/rejoin`, { deviceToken: eve.body.deviceToken }, { from: fresh() })).status).toBe(404);
    expect((await join({ name: 'Eve', table: 0, seat: 'us', invite: alice.invite })).status).toBe(409);
    const aliceAgain = connectClient(url, alice.matchID, '0', alice.credentials);
    await waitFor(() => aliceAgain.client.getState() !== null, 10_000, 'Alice still syncs');
    aliceAgain.client.stop();
    // The public view never shows seat links or devices.
    expect(JSON.stringify((await get(url, `/api/classes/${code}`, { from: fresh() })).body)).not.toContain(alice.invite);
  });

  test('item 5: a move carries nothing but the move; extra fields are refused, never stored or sent', async () => {
    const { code, secret } = await host({ tables: 1, turnSeconds: 0, botLevel: 'random' });
    const alice = (await post(url, `/api/classes/${code}/join`, { name: 'Alice', table: 0, seat: 'us' }, { from: fresh() })).body;
    const me = connectClient(url, alice.matchID, '0', alice.credentials);
    const watcher = connectClient(url, alice.matchID, null);
    await waitFor(() => me.client.getState() !== null && watcher.client.getState() !== null, 10_000, 'sync');
    expect((await teacherCall(code, secret, 'start')).status).toBe(200);
    await waitFor(() => activeSeat(me.client.getState()!.G as GameState) === 'us', 20_000, 'our turn');
    const state = me.client.getState()!;
    const action = pickAction(state.G as GameState, 'us')!;
    const forged = {
      type: 'MAKE_MOVE',
      payload: { type: action.type, args: [moveArgs(action)], playerID: '0', credentials: alice.credentials, junk: 'J'.repeat(100) },
      extra: 'X'.repeat(12_000),
    };
    me.socket.emit('update', forged, state._stateID, alice.matchID, '0');
    await waitFor(() => me.errors.length > 0, 10_000, 'refusal');
    expect(me.errors[0]).toMatchObject({ code: 'malformed' });
    expect(me.client.getState()!._stateID).toBe(state._stateID);
    (me.client.moves as Record<string, (a: unknown) => void>)[action.type]!(moveArgs(action));
    await waitFor(() => (watcher.client.getState()?._stateID ?? 0) > state._stateID, 10_000, 'the clean move');
    const seen = JSON.stringify([...me.received, ...watcher.received]);
    expect(seen).not.toContain('JJJJ');
    expect(seen).not.toContain('XXXX');
    me.client.stop();
    watcher.client.stop();
  });

  test('item 6: the public list pages, and class tables never crowd out the public matches', async () => {
    const tableIDs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await host({ tables: 14, turnSeconds: 0 });
      for (const t of (await consoleOf(c.code, c.secret)).tables) tableIDs.push(t.matchID);
    }
    const from = fresh();
    const made: string[] = [];
    for (let i = 0; i < 55; i++) made.push(await lobbyMatch(from));
    await post(url, '/games/gigawatt/create', { unlisted: true }, { from });
    const seen = new Set<string>();
    let page: number | null = 0;
    while (page !== null) {
      const r = await get(url, `/games/gigawatt?page=${page}`, { from: fresh() });
      expect(r.status).toBe(200);
      expect(r.body.matches.length).toBeLessThanOrEqual(50);
      for (const m of r.body.matches) seen.add(m.matchID);
      page = r.body.nextPage;
    }
    for (const id of made) expect(seen.has(id)).toBe(true);
    for (const id of tableIDs) expect(seen.has(id)).toBe(false);
    expect((await get(url, '/games/gigawatt?limit=5', { from: fresh() })).body).toMatchObject({ page: 0, nextPage: 1 });
    // Hosting has a quota per address (20 an hour by default).
    const teacher = fresh();
    const codes: number[] = [];
    for (let i = 0; i < 21; i++) codes.push((await post(url, '/api/classes', { tables: 1 }, { from: teacher })).status);
    expect(codes.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(codes[20]).toBe(429);
  });

  test("item 7: a lobby match without numPlayers has the game's three seats; any other number is refused", async () => {
    const id = await lobbyMatch();
    expect((await get(url, `/games/gigawatt/${id}`, { from: fresh() })).body.players).toHaveLength(3);
    expect((await post(url, '/games/gigawatt/create', { numPlayers: 2 }, { from: fresh() })).status).toBe(400);
    expect((await post(url, '/games/gigawatt/create', { numPlayers: '3' }, { from: fresh() })).status).toBe(400);
  });

  test('item 8: only the server chooses a seed: a lobby create or playAgain that names one is refused', async () => {
    const r = await post(url, '/games/gigawatt/create', { numPlayers: 3, setupData: { seed: 'known' } }, { from: fresh() });
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('seed');
    const id = await lobbyMatch();
    const p = (await post(url, `/games/gigawatt/${id}/join`, { playerName: 'Ann' }, { from: fresh() })).body;
    const again = await post(
      url,
      `/games/gigawatt/${id}/playAgain`,
      { playerID: p.playerID, credentials: p.playerCredentials, setupData: { seed: 'known' } },
      { from: fresh() },
    );
    expect(again.status).toBe(400);
    const ok = await post(url, `/games/gigawatt/${id}/playAgain`, { playerID: p.playerID, credentials: p.playerCredentials }, { from: fresh() });
    expect(ok.body.nextMatchID).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test('item 9: a chat message carries its id, sender and text, nothing else', async () => {
    const id = await lobbyMatch();
    const a = (await post(url, `/games/gigawatt/${id}/join`, { playerName: 'Ann' }, { from: fresh() })).body;
    const b = (await post(url, `/games/gigawatt/${id}/join`, { playerName: 'Ben' }, { from: fresh() })).body;
    const ann = connectClient(url, id, a.playerID, a.playerCredentials);
    const ben = connectClient(url, id, b.playerID, b.playerCredentials);
    await waitFor(() => ann.client.getState() !== null && ben.client.getState() !== null, 10_000, 'sync');
    ann.socket.emit('chat', id, { id: 'm1', sender: a.playerID, payload: 'hi', extra: { big: 'E'.repeat(5000) } }, a.playerCredentials);
    await waitFor(() => ann.errors.length > 0, 10_000, 'refusal');
    ann.socket.emit('chat', id, { id: 'm2', sender: a.playerID, payload: 'hello <b>Ben</b>' }, a.playerCredentials);
    await waitFor(() => ben.received.some((m) => m.event === 'chat'), 10_000, 'chat');
    const chats = ben.received.filter((m) => m.event === 'chat');
    expect(chats).toHaveLength(1);
    expect(chats[0]!.args).toEqual([id, { id: 'm2', sender: a.playerID, payload: 'hello bBen/b' }]);
    ann.client.stop();
    ben.client.stop();
  });

  test('three classes of 30 students joining and polling from one address never see a 429, while a flood from it is cut off', async () => {
    const school = fresh();
    const classes = [];
    for (let i = 0; i < 3; i++) {
      const r = await post(url, '/api/classes', { tables: 3, turnSeconds: 0 }, { from: school });
      expect(r.status).toBe(201);
      classes.push({ code: r.body.code as string, secret: r.body.teacherSecret as string });
    }
    const statuses: number[] = [];
    const student = async (code: string, n: number) => {
      statuses.push((await get(url, `/api/classes/${code.toLowerCase()}`, { from: school })).status);
      const t = await post(url, `/api/classes/${code}/join`, { name: `S${n}` }, { from: school });
      statuses.push(t.status);
      for (let poll = 0; poll < 2; poll++) {
        await new Promise((r) => setTimeout(r, 3000));
        statuses.push((await get(url, `/api/classes/${code}`, { from: school })).status);
        statuses.push((await post(url, `/api/classes/${code}/rejoin`, { deviceToken: t.body.deviceToken }, { from: school })).status);
      }
    };
    const teacher = async (c: { code: string; secret: string }) => {
      for (let poll = 0; poll < 4; poll++) {
        statuses.push((await get(url, `/api/classes/${c.code}/console`, { headers: { 'x-teacher-secret': c.secret }, from: school })).status);
        await new Promise((r) => setTimeout(r, 1500));
      }
    };
    await Promise.all([...classes.flatMap((c) => Array.from({ length: 30 }, (_, n) => student(c.code, n))), ...classes.map(teacher)]);
    expect(statuses.length).toBe(3 * 30 * 6 + 3 * 4);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(statuses.every((s) => s === 200 || s === 201)).toBe(true);
    // The same address flooding a class it knows, or unknown codes, is cut off.
    const flood: number[] = [];
    for (let i = 0; i < 250; i++) flood.push((await get(url, `/api/classes/${classes[0]!.code}`, { from: school })).status);
    expect(flood).toContain(429);
    const guesses: number[] = [];
    for (let i = 0; i < 80; i++) guesses.push((await get(url, `/api/classes/ZZZ${i}`, { from: school })).status);
    expect(guesses).toContain(429);
  });

  test('a socket follows one match: after syncing another, it hears nothing more of the first', async () => {
    const { code, secret } = await host({ tables: 1, turnSeconds: 0, botLevel: 'random' });
    const table = (await consoleOf(code, secret)).tables[0].matchID as string;
    const watcher = connectClient(url, table, null);
    await waitFor(() => watcher.client.getState() !== null, 10_000, 'sync');
    watcher.socket.emit('sync', await lobbyMatch(), null);
    await new Promise((r) => setTimeout(r, 300));
    const heard = watcher.received.length;
    expect((await teacherCall(code, secret, 'start')).status).toBe(200);
    await waitFor(async () => (await consoleOf(code, secret)).tables[0].actions > 10, 30_000, 'bots play');
    const later = watcher.received.slice(heard);
    expect(later.filter((m) => m.event === 'gigawatt:bot' || JSON.stringify(m.args).includes(table))).toEqual([]);
    watcher.client.stop();
  });

  test('a request the client abandons halfway is logged as one line, not a stack trace', async () => {
    const before = server.output().length;
    for (const path of ['/games/gigawatt/create', '/api/classes'])
      await new Promise<void>((resolve) => {
        const s = connect(server.port, '127.0.0.1', () => {
          s.write(`POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"tables":`);
          setTimeout(() => {
            s.destroy();
            resolve();
          }, 200);
        });
      });
    await new Promise((r) => setTimeout(r, 500));
    const said = server.output().slice(before);
    expect(said).not.toMatch(/\n\s+at /);
    expect(said).not.toContain('Internal');
  });
});

describe('a server with no trusted proxy and tight limits', { timeout: 60_000 }, () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { MAX_CONNECTIONS_PER_ADDRESS: '10', MAX_OPEN_CLASSES: '2' } });
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  test('ignores X-Forwarded-For from a client that is no trusted proxy', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await get(server.url, '/games', { from: `203.0.113.${i}` })).status);
    expect(statuses).toContain(429);
  });

  test('caps the open connections of one address, and the classes open at once', async () => {
    const sockets = await Promise.all(
      Array.from(
        { length: 10 },
        () =>
          new Promise<ReturnType<typeof connect>>((resolve) => {
            const s = connect(server.port, '127.0.0.1', () => resolve(s));
          }),
      ),
    );
    const refused = await new Promise<boolean>((resolve) => {
      const s = connect(server.port, '127.0.0.1', () => {
        s.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
      });
      let data = '';
      s.on('data', (d) => (data += String(d)));
      s.on('close', () => resolve(data === ''));
      s.on('error', () => {});
    });
    expect(refused).toBe(true);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 200));
    expect((await get(server.url, '/api/health')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1200));
    expect((await post(server.url, '/api/classes', { tables: 1 })).status).toBe(201);
    expect((await post(server.url, '/api/classes', { tables: 1 })).status).toBe(201);
    const third = await post(server.url, '/api/classes', { tables: 1 });
    expect(third.status).toBe(503);
  });
});
