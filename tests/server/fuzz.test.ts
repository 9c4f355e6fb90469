/**
 * Generated hostile traffic against a real server process (fast-check): every lobby and class
 * route with random casing, percent-encoding, duplicate and trailing slashes and extra segments;
 * bodies of random JSON with dangerous keys, wrong types and huge values; socket events with the
 * same. After each batch: the shared prototypes are intact, no class table, seat or lobby match
 * changed that should not have, and the playing table still serves a real move.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeSeat, type GameState } from '../../src/engine/index.js';
import { moveArgs } from '../../src/game/gigawatt.js';
import { connectClient, pickAction, removeDir, type ServerProcess, startServerProcess, waitFor } from './helpers.js';
import { get, post, prototypesOf, raw } from './hostile.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const BATCH = 40;

/** A path segment written in a random way: case flipped, some characters percent-encoded. */
const spelled = (word: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
      fc.array(fc.boolean(), { minLength: word.length, maxLength: word.length }),
    )
    .map(([upper, encode]) =>
      [...word]
        .map((ch, i) => {
          const c = upper[i] ? ch.toUpperCase() : ch.toLowerCase();
          return encode[i] ? `%${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c;
        })
        .join(''),
    );

/** A value a hostile body might hold: JSON of any shape, dangerous keys, wrong types, huge strings. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', '0', '3', -1, 1e308, null, true, [], {}),
  fc.string({ minLength: 20_000, maxLength: 20_000 }).map((s) => s || 'x'.repeat(20_000)),
);

/** Writes an object as JSON text with some keys replaced by dangerous ones (JSON.stringify would drop `__proto__`). */
const withDangerousKeys = fc
  .tuple(fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 5 }), fc.constantFrom('__proto__', 'constructor', 'prototype'), fc.boolean())
  .map(([o, key, nested]) => {
    const text = JSON.stringify(o);
    const inner = `{"${key}":{"name":"M","credentials":"x","polluted":true}}`;
    const insert = nested ? `"data":${inner}` : `"${key}":{"polluted":true}`;
    return text === '{}' ? `{${insert}}` : `{${insert},${text.slice(1)}`;
  });

describe('the server under generated hostile traffic', { timeout: 300_000 }, () => {
  let server: ServerProcess;
  let url: string;
  const from = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
  let cls: { code: string; secret: string; matchID: string; credentials: string };
  let lobbyID: string;

  beforeAll(async () => {
    server = await startServerProcess({ env: { TRUSTED_PROXIES: '127.0.0.1', LOBBY_MATCHES_PER_HOUR: '10000', CLASSES_PER_HOUR: '10000' } });
    url = server.url;
    const hosted = (await post(url, '/api/classes', { tables: 1, turnSeconds: 0, botLevel: 'random' }, { from: from() })).body;
    const alice = (await post(url, `/api/classes/${hosted.code}/join`, { name: 'Alice', table: 0, seat: 'us' }, { from: from() })).body;
    await post(url, `/api/classes/${hosted.code}/start`, {}, { headers: { 'x-teacher-secret': hosted.teacherSecret }, from: from() });
    cls = { code: hosted.code, secret: hosted.teacherSecret, matchID: alice.matchID, credentials: alice.credentials };
    // Bots move until it is Alice's turn; then the table holds still (no timer) while the fuzz runs.
    await waitFor(
      async () =>
        (await get(url, `/api/classes/${hosted.code}/console`, { headers: { 'x-teacher-secret': hosted.teacherSecret }, from: from() })).body.tables[0].turn ===
        'us',
      30_000,
      "Alice's turn",
    );
    lobbyID = (await post(url, '/games/gigawatt/create', {}, { from: from() })).body.matchID;
    await post(url, `/games/gigawatt/${lobbyID}/join`, { playerID: '1', playerName: 'Ann' }, { from: from() });
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  /** What must not change: the class's seats and status, the table's progress (Alice's turn holds it), the lobby match, the list. */
  const snapshot = async () => {
    const view = (await get(url, `/api/classes/${cls.code}/console`, { headers: { 'x-teacher-secret': cls.secret }, from: from() })).body;
    const table = view.tables[0];
    const lobby = (await get(url, `/games/gigawatt/${lobbyID}`, { from: from() })).body;
    return JSON.stringify({ status: view.status, seats: table.seats, matchID: table.matchID, lobby: lobby.players, turn: table.turn });
  };

  test('HTTP: random spellings of every route with hostile bodies change nothing they should not, and pollute nothing', async () => {
    const route = fc.oneof(
      fc
        .tuple(
          spelled('games'),
          spelled('gigawatt'),
          fc.constantFrom(lobbyID, cls.matchID, 'create', 'x'),
          fc.constantFrom('join', 'leave', 'update', 'rename', 'playAgain').chain(spelled),
        )
        .map((p) => p.join('/')),
      fc
        .tuple(
          spelled('api'),
          spelled('classes'),
          fc.constantFrom(cls.code, cls.code.toLowerCase(), 'NOPE'),
          fc.constantFrom('join', 'rejoin', 'start', 'end', 'seat', 'remove', 'extend', 'pause', 'matches.json', 'delete').chain(spelled),
        )
        .map((p) => p.join('/')),
      fc.tuple(spelled('games'), spelled('gigawatt'), fc.constantFrom(lobbyID, cls.matchID)).map((p) => p.join('/')),
    );
    const request = fc.record({
      route,
      slashes: fc.constantFrom('/', '//'),
      trailing: fc.constantFrom('', '/', '//', '/extra', '/%2e%2e', '/%2F'),
      method: fc.constantFrom('POST', 'POST', 'GET', 'PUT', 'DELETE'),
      body: fc.oneof(
        withDangerousKeys,
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        hostileValue.map((v) =>
          JSON.stringify({
            playerID: v,
            playerName: v,
            name: v,
            seat: v,
            table: v,
            invite: v,
            credentials: v,
            deviceToken: v,
            setupData: v,
            numPlayers: v,
            confirm: v,
          }),
        ),
      ),
      secret: fc.constantFrom(undefined, 'wrong', ''),
    });
    const before = await snapshot();
    let sent = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(request, { minLength: BATCH, maxLength: BATCH }), async (batch) => {
        for (const r of batch) {
          const path = `/${r.route.split('/').join(r.slashes)}${r.trailing}`;
          const headers: Record<string, string> = r.secret === undefined ? {} : { 'x-teacher-secret': r.secret };
          const reply = await raw(url, r.method, path, { body: r.body, headers, from: from() });
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          expect(reply.status).toBeLessThan(500);
          sent++;
        }
        expect(await prototypesOf(url)).toBe('intact');
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(sent).toBe(RUNS * BATCH);
    // Something got through to the handlers (not only 404s): the generator reaches the routes.
    expect([...statuses.keys()].some((s) => s === 400 || s === 403 || s === 409)).toBe(true);
  });

  test('sockets: hostile sync, update and chat payloads change nothing, and the table still serves a real move', async () => {
    const attacker = connectClient(url, lobbyID, null);
    await waitFor(() => attacker.client.getState() !== null, 10_000, 'attacker sync');
    const ids = fc.constantFrom(cls.matchID, lobbyID, '__proto__', 'x'.repeat(200));
    const event = fc.oneof(
      fc.tuple(fc.constant('sync'), ids, hostileValue, hostileValue, hostileValue),
      fc.tuple(
        fc.constant('update'),
        fc.oneof(
          hostileValue,
          withDangerousKeys.map((t) => JSON.parse(t)),
          fc.record({
            type: fc.constant('MAKE_MOVE'),
            payload: fc.record({
              type: fc.constantFrom('collect', 'build', '__proto__'),
              args: hostileValue,
              playerID: fc.constantFrom('0', '1', '__proto__'),
              credentials: fc.constantFrom(cls.credentials.slice(1), 'x'),
            }),
          }),
        ),
        fc.oneof(fc.nat(), hostileValue),
        ids,
        fc.constantFrom('0', '1', '2', '__proto__'),
      ),
      fc.tuple(
        fc.constant('chat'),
        ids,
        fc.oneof(hostileValue, fc.record({ id: hostileValue, sender: fc.constantFrom('0', '__proto__'), payload: hostileValue, extra: hostileValue })),
        hostileValue,
      ),
      fc.tuple(fc.constantFrom('authenticate', '__proto__', 'constructor', 'toString', 'reset'), hostileValue),
    );
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 25, maxLength: 25 }), async (batch) => {
        for (const [name, ...args] of batch) attacker.socket.emit(name as string, ...args);
        await new Promise((r) => setTimeout(r, 1100));
        expect(await prototypesOf(url)).toBe('intact');
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    attacker.client.stop();
    // The guard still answers: a fresh socket's malformed event gets its refusal. (The fuzzing
    // socket may hear none: a message over the size cap makes socket.io drop the connection.)
    const probe = connectClient(url, lobbyID, null);
    await waitFor(() => probe.client.getState() !== null, 10_000, 'probe sync');
    probe.socket.emit('chat', lobbyID, { id: 'x', sender: '__proto__', payload: 'hi' }, 'x');
    await waitFor(() => probe.errors.length > 0, 10_000, 'a refusal');
    probe.client.stop();
    // The playing table still serves a real player's move.
    const alice = connectClient(url, cls.matchID, '0', cls.credentials);
    await waitFor(() => alice.client.getState() !== null && activeSeat(alice.client.getState()!.G as GameState) === 'us', 20_000, 'Alice to move');
    const state = alice.client.getState()!;
    const action = pickAction(state.G as GameState, 'us')!;
    (alice.client.moves as Record<string, (a: unknown) => void>)[action.type]!(moveArgs(action));
    await waitFor(() => (alice.client.getState()?._stateID ?? 0) > state._stateID, 10_000, 'the move applied');
    alice.client.stop();
  });
});
