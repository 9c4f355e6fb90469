import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FACTIONS, activeSeat, type FactionId, type GameState } from '../../src/engine/index.js';
import { PLAYER_IDS } from '../../src/game/gigawatt.js';
import { validateMatch } from '../../src/match/index.js';
import { botSeed } from '../../src/engine/seeds.js';
import { api, autoPlay, connectClient, leaksIn, removeDir, type ServerProcess, startServerProcess, waitFor } from './helpers.js';

/** Every seed the server holds for a data dir: table seeds, boardgame.io PRNG seeds, bot seeds. */
function serverSeeds(dataDir: string): string[] {
  const db = new Database(join(dataDir, 'gigawatt.sqlite'), { readonly: true });
  try {
    const seeds: string[] = [];
    for (const row of db.prepare('SELECT data FROM class_tables').all() as { data: string }[]) {
      const seed = (JSON.parse(row.data) as { seed: string }).seed;
      seeds.push(seed, ...FACTIONS.map((f) => botSeed(seed, f)));
    }
    for (const row of db.prepare('SELECT initial_state FROM matches').all() as { initial_state: string }[]) {
      const data = (JSON.parse(row.initial_state) as { plugins?: { random?: { data?: { seed?: string } } } }).plugins?.random?.data;
      if (data?.seed) seeds.push(String(data.seed));
    }
    return seeds;
  } finally {
    db.close();
  }
}

describe('a classroom session', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  test('a class of two tables is played to the end by people and bots, and no client ever receives a secret', async () => {
    const hosted = await api(server.url, '/api/classes', { body: { tables: 2, botLevel: 'medium', turnSeconds: 0, seedMode: 'perTable' } });
    expect(hosted.status).toBe(201);
    const { code, teacherSecret, joinUrl, qrSvg } = hosted.body;
    expect(joinUrl).toContain(`#/join?code=${code}`);
    expect(qrSvg).toContain('<svg');

    const alice = await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Alice', table: 0, seat: 'us' } });
    const bob = await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Bob <script>', table: 0, seat: 'china' } });
    // A teammate joins China with the team link Bob's ticket carries.
    const bobTwo = await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Bea', table: 0, seat: 'china', invite: bob.body.invite } });
    const chloe = await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Chloé', table: 1, seat: 'eu' } });
    for (const r of [alice, bob, bobTwo, chloe]) expect(r.status).toBe(201);
    expect(bob.body.name).toBe('Bob script');
    // Each device has its own credential (the teacher can remove one device without the others).
    expect(bobTwo.body.credentials).not.toBe(bob.body.credentials);
    const again = await api(server.url, `/api/classes/${code}/rejoin`, { body: { deviceToken: alice.body.deviceToken } });
    expect(again.body).toMatchObject({ matchID: alice.body.matchID, playerID: '0' });

    const people = [
      { ticket: alice.body, seat: 'us' as FactionId },
      { ticket: bob.body, seat: 'china' as FactionId },
      { ticket: bobTwo.body, seat: 'china' as FactionId },
      { ticket: chloe.body, seat: 'eu' as FactionId },
    ];
    const clients = people.map((p) => ({ ...p, c: connectClient(server.url, p.ticket.matchID, p.ticket.playerID, p.ticket.credentials) }));
    const spectator = { seat: null, c: connectClient(server.url, alice.body.matchID, null) };
    // Only one device of the China team plays; the other watches its seat.
    const players = [clients[0]!, clients[1]!, clients[3]!].map((p) => autoPlay(p.c, p.seat));
    await waitFor(() => clients.every((p) => p.c.client.getState() !== null), 10_000, 'clients synced');

    const started = await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret: teacherSecret });
    expect(started.status).toBe(200);
    await waitFor(
      async () => {
        const view = await api(server.url, `/api/classes/${code}/console`, { secret: teacherSecret });
        return view.body.tables.every((t: { finished: boolean }) => t.finished);
      },
      90_000,
      'both tables finished',
    );
    for (const p of players) {
      expect(p.moves()).toBeGreaterThan(5);
      p.stop();
    }
    await waitFor(() => clients.every((p) => (p.c.client.getState()?.G as GameState | undefined)?.phase === 'over'), 10_000, 'clients see the end');

    const seeds = serverSeeds(server.dataDir);
    expect(seeds.length).toBeGreaterThan(6);
    for (const p of [...clients, spectator]) {
      expect(p.c.received.length).toBeGreaterThan(10);
      const problems = p.c.received.flatMap((m) => leaksIn(m, p.seat, seeds));
      expect(problems).toEqual([]);
    }
    // The bots' notes (with the alternatives they weighed) were among what was scanned.
    expect([...clients, spectator].some((p) => p.c.received.some((m) => JSON.stringify(m.args).includes('"weighed":[{')))).toBe(true);
    const own = clients[0]!.c.received.some((m) => m.event === 'update' && JSON.stringify(m.args).includes('"hand":["'));
    expect(own).toBe(true);

    const console_ = await api(server.url, `/api/classes/${code}/console`, { secret: teacherSecret });
    expect(JSON.stringify(console_.body)).not.toMatch(/seed"\s*:\s*"[0-9a-f]{8}/);
    const debrief = await api(server.url, `/api/classes/${code}/debrief`, { secret: teacherSecret });
    expect(debrief.body.tables).toHaveLength(2);
    expect(debrief.body.tables[0].rounds.length).toBeGreaterThan(0);
    expect(debrief.body.tables[0].seats.us).toEqual({ kind: 'person', name: 'Alice' });
    // The match files hold the seeds: only once the class has ended.
    const early = await api(server.url, `/api/classes/${code}/matches.json`, { secret: teacherSecret });
    expect(early.status).toBe(409);
    expect(early.body.error).toContain('once the class has ended');
    expect((await api(server.url, `/api/classes/${code}/end`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
    const matches = await api(server.url, `/api/classes/${code}/matches.json`, { secret: teacherSecret });
    expect(matches.body.matches).toHaveLength(2);
    for (const m of matches.body.matches) expect(validateMatch(m).ok).toBe(true);
    const csv = await (await fetch(`${server.url}/api/classes/${code}/export.csv`, { headers: { 'x-teacher-secret': teacherSecret } })).text();
    expect(csv.trim().split('\n')).toHaveLength(1 + 2 * 3);

    const watch = await api(server.url, `/api/classes/${code}`);
    expect(watch.body.tables[0].matchID).toBe(alice.body.matchID);
    for (const p of [...clients, spectator]) p.c.client.stop();
  }, 150_000);

  test('wrong credentials, a wrong teacher secret and the lobby on a class table are refused; a malformed move changes nothing', async () => {
    const { body } = await api(server.url, '/api/classes', { body: { tables: 1, turnSeconds: 0 } });
    const code = body.code as string;
    const alice = (await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Alice', seat: 'us', table: 0 } })).body;
    expect((await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret: 'nope' })).status).toBe(403);
    expect((await api(server.url, `/api/classes/${code}/console`)).status).toBe(403);
    // The lobby does not know class tables at all.
    expect((await api(server.url, `/games/gigawatt/${alice.matchID}/join`, { body: { playerID: '1', playerName: 'Eve' } })).status).toBe(404);
    expect((await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret: body.teacherSecret })).status).toBe(200);

    const thief = connectClient(server.url, alice.matchID, '0', 'wrong-credentials');
    await waitFor(() => thief.errors.length > 0, 10_000, 'sync refused');
    expect(thief.errors[0]).toMatchObject({ code: 'unauthorized' });
    expect(thief.client.getState()).toBeNull();

    const good = connectClient(server.url, alice.matchID, '0', alice.credentials);
    await waitFor(() => good.client.getState() !== null, 10_000, 'sync');
    // The bots before the US in this round's order (it depends on the seed) move first.
    await waitFor(() => activeSeat(good.client.getState()!.G as GameState) === 'us', 10_000, "the US seat's turn");
    const before = good.client.getState()!._stateID;
    // A forged move with someone else's seat and wrong credentials, then a malformed one, then an illegal one.
    good.socket.emit('update', { type: 'MAKE_MOVE', payload: { type: 'collect', args: [{}], playerID: '0', credentials: 'bad' } }, before, alice.matchID, '0');
    good.socket.emit(
      'update',
      { type: 'MAKE_MOVE', payload: { type: 'build', args: [{ region: 'MOON' }], playerID: '0', credentials: alice.credentials } },
      before,
      alice.matchID,
      '0',
    );
    good.socket.emit(
      'update',
      { type: 'GAME_EVENT', payload: { type: 'endGame', args: [], playerID: '0', credentials: alice.credentials } },
      before,
      alice.matchID,
      '0',
    );
    good.socket.emit(
      'update',
      { type: 'MAKE_MOVE', payload: { type: 'build', args: [{ region: 'CN' }], playerID: '0', credentials: alice.credentials } },
      before,
      alice.matchID,
      '0',
    );
    await waitFor(() => good.errors.length >= 4, 10_000, 'four refusals');
    expect(good.errors.map((e) => (e as { code: string }).code)).toEqual(['unauthorized', 'malformed', 'malformed', 'illegal']);
    expect((good.errors[1] as { message: string }).message).toMatch(/region/);
    await new Promise((r) => setTimeout(r, 300));
    expect(good.client.getState()!._stateID).toBe(before);
    thief.client.stop();
    good.client.stop();
  });

  test('a seat that runs out of time takes the default action (Collect)', async () => {
    const { body } = await api(server.url, '/api/classes', { body: { tables: 1, turnSeconds: 1 } });
    const code = body.code as string;
    const alice = (await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Alice', seat: 'us', table: 0 } })).body;
    const c = connectClient(server.url, alice.matchID, '0', alice.credentials);
    await waitFor(() => c.client.getState() !== null, 10_000, 'sync');
    await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret: body.teacherSecret });
    // The bots before the US move at once; the US seat waits one second, then collects.
    const collected = () => c.received.some((m) => m.event === 'update' && /"type":"collect","args":\[\{\}\],"playerID":"0"/.test(JSON.stringify(m.args)));
    await waitFor(collected, 10_000, 'a timed-out Collect by the US seat');
    const view = await api(server.url, `/api/classes/${code}/console`, { secret: body.teacherSecret });
    expect(view.body.tables[0].timeouts).toBeGreaterThanOrEqual(1);
    await api(server.url, `/api/classes/${code}/end`, { method: 'POST', secret: body.teacherSecret });
    c.client.stop();
  });
});

describe('the turn timer as students see it', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  test("the class status counts down the turn of the seat to play, stops while paused, and names what the server played when the seat's time ran out", async () => {
    const { body } = await api(server.url, '/api/classes', { body: { tables: 1, turnSeconds: 3 } });
    const code = body.code as string;
    const secret = body.teacherSecret as string;
    // Before the start there is no clock, and no timeout.
    const before = await api(server.url, `/api/classes/${code}`);
    expect(before.body.tables[0]).toMatchObject({ clock: null, lastTimeout: null });
    const alice = (await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Alice', seat: 'us', table: 0 } })).body;
    const c = connectClient(server.url, alice.matchID, '0', alice.credentials);
    await waitFor(() => c.client.getState() !== null, 10_000, 'sync');
    await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret });
    // The bots move at once; then the US clock runs: at most 3 s, going down.
    let first = 0;
    await waitFor(
      async () => {
        const clock = (await api(server.url, `/api/classes/${code}`)).body.tables[0].clock;
        if (clock?.seat !== 'us') return false;
        first = clock.msLeft;
        return true;
      },
      10_000,
      'the US clock',
    );
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(3000);
    // Paused, the clock stands still (and says so).
    await api(server.url, `/api/classes/${code}/pause`, { method: 'POST', secret });
    const paused1 = (await api(server.url, `/api/classes/${code}`)).body.tables[0].clock;
    await new Promise((r) => setTimeout(r, 400));
    const paused2 = (await api(server.url, `/api/classes/${code}`)).body.tables[0].clock;
    expect(paused1).toMatchObject({ seat: 'us', paused: true, turnSeconds: 3 });
    expect(paused2.msLeft).toBe(paused1.msLeft);
    await api(server.url, `/api/classes/${code}/resume`, { method: 'POST', secret });
    // The time runs out: the status says the server collected for the US, in both languages.
    let note: { seat: string; round: number; stateID: number; en: string; fr: string } | null = null;
    await waitFor(
      async () => {
        note = (await api(server.url, `/api/classes/${code}`)).body.tables[0].lastTimeout;
        return note !== null;
      },
      10_000,
      'the timeout note',
    );
    expect(note).toMatchObject({ seat: 'us', round: 1 });
    expect(note!.en).toMatch(/^Collect \$\d+B$/);
    expect(note!.fr).toMatch(/^Encaisser \d+ Md\$$/);
    await api(server.url, `/api/classes/${code}/end`, { method: 'POST', secret });
    expect((await api(server.url, `/api/classes/${code}`)).body.tables[0].clock).toBeNull();
    c.client.stop();
  });
});

describe("the teacher's discussion", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess();
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  test('every table stops at the end of its round with the prompt, nothing moves until the teacher continues, and bad requests are refused', async () => {
    const { body } = await api(server.url, '/api/classes', { body: { tables: 2, turnSeconds: 0, botLevel: 'random' } });
    const code = body.code as string;
    const secret = body.teacherSecret as string;
    const discuss = (b: unknown, s: string | undefined = secret) => api(server.url, `/api/classes/${code}/discuss`, { body: b, secret: s });
    // Not before the class runs.
    expect((await discuss({ preset: 'stargate' })).status).toBe(409);
    // Alice sits at table 0; a bot plays her seat until the tables wait.
    const alice = (await api(server.url, `/api/classes/${code}/join`, { body: { name: 'Alice', seat: 'us', table: 0 } })).body;
    const c = connectClient(server.url, alice.matchID, '0', alice.credentials);
    await waitFor(() => c.client.getState() !== null, 10_000, 'sync');
    await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret });
    await api(server.url, `/api/classes/${code}/seat`, { secret, body: { table: 0, seat: 'us', mode: 'bot' } });
    const consoleView = async () => (await api(server.url, `/api/classes/${code}/console`, { secret })).body;
    await waitFor(async () => (await consoleView()).tables.every((t: { actions: number }) => t.actions >= 2), 20_000, 'a few moves');
    // Hostile or wrong requests change nothing.
    expect((await discuss({ preset: 'stargate' }, 'wrong')).status).toBe(403);
    expect((await discuss({ preset: 'stargate', text: 'Why?' })).body.error).toBe('give either preset or text');
    expect((await discuss({})).body.error).toBe('give either preset or text');
    expect((await discuss({ preset: 'nope' })).body.error).toMatch(/^preset: /);
    expect((await discuss({ text: 'x'.repeat(301) })).body.error).toMatch(/^text: /);
    expect((await discuss({ text: 42 })).body.error).toMatch(/^text: /);
    expect((await discuss({ text: 'Why?', all: true })).body.error).toBe('unknown field "all"');
    expect((await discuss({ text: '<<>>' })).status).toBe(409);
    expect((await api(server.url, `/api/classes/${code}/continue`, { method: 'POST', secret })).status).toBe(409);
    expect((await consoleView()).discussion).toBeNull();

    // The teacher types a prompt: markup is removed; every table stops once its round is over.
    const called = await discuss({ text: 'Who <b>wins</b>, and is the world safer?' });
    expect(called.status).toBe(200);
    const rounds = called.body.tables.map((t: { round: number }) => t.round) as number[];
    await waitFor(async () => (await consoleView()).discussion.waiting.length === 2, 60_000, 'both tables at the end of their round');
    const view = await api(server.url, `/api/classes/${code}`);
    expect(view.body.discussion).toEqual({ preset: null, text: 'Who bwins/b, and is the world safer?', waiting: [0, 1] });
    const stopped = (await consoleView()).tables.map((t: { actions: number; round: number; finished: boolean; actionRound: number }) => t);
    stopped.forEach((t: { round: number; finished: boolean; actionRound: number }, i: number) => {
      if (!t.finished) expect(t).toMatchObject({ round: rounds[i]! + 1, actionRound: 0 });
    });
    // Alice takes her seat back: her move is refused while the class discusses, and nothing moves.
    await api(server.url, `/api/classes/${code}/seat`, { secret, body: { table: 0, seat: 'us', mode: 'person' } });
    await waitFor(() => (c.client.getState()!.G as GameState).actionCount === stopped[0].actions, 5_000, 'the last state');
    const state = c.client.getState()!;
    c.socket.emit(
      'update',
      { type: 'MAKE_MOVE', payload: { type: 'collect', args: [{}], playerID: '0', credentials: alice.credentials } },
      state._stateID,
      alice.matchID,
      '0',
    );
    await waitFor(() => c.errors.length > 0, 5_000, 'the refusal');
    expect(c.errors[0]).toMatchObject({ code: 'refused', message: 'The class has stopped for a discussion.' });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await consoleView()).tables.map((t: { actions: number }) => t.actions)).toEqual(stopped.map((t: { actions: number }) => t.actions));

    // The teacher continues (Alice's seat back to a bot, so nothing waits for her): the tables play on.
    await api(server.url, `/api/classes/${code}/seat`, { secret, body: { table: 0, seat: 'us', mode: 'bot' } });
    expect((await api(server.url, `/api/classes/${code}/continue`, { method: 'POST', secret })).body.discussion).toBeNull();
    await waitFor(
      async () => (await consoleView()).tables.every((t: { actions: number; finished: boolean }, i: number) => t.finished || t.actions > stopped[i].actions),
      20_000,
      'play goes on',
    );
    // A preset prompt is sent by its id (each page shows it in its own language).
    expect((await discuss({ preset: 'exportControls' })).body.discussion).toMatchObject({ preset: 'exportControls', text: null });
    await api(server.url, `/api/classes/${code}/end`, { method: 'POST', secret });
    c.client.stop();
  });
});

describe('a server killed mid-match', { timeout: 120_000 }, () => {
  test('loses nothing it acknowledged when killed with SIGKILL and started again, and clients reconnect by themselves', async () => {
    let server = await startServerProcess();
    const { dataDir, port } = server;
    try {
      const { body } = await api(server.url, '/api/classes', { body: { tables: 1, turnSeconds: 0, botLevel: 'random' } });
      const code = body.code as string;
      const secret = body.teacherSecret as string;
      const seats = await Promise.all(FACTIONS.map((f) => api(server.url, `/api/classes/${code}/join`, { body: { name: `P-${f}`, seat: f, table: 0 } })));
      const clients = seats.map((s, i) => connectClient(server.url, s.body.matchID, PLAYER_IDS[FACTIONS[i]!], s.body.credentials));
      await waitFor(() => clients.every((c) => c.client.getState() !== null), 10_000, 'sync');
      await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret });
      const players = clients.map((c, i) => autoPlay(c, FACTIONS[i]!));
      await waitFor(() => ((clients[0]!.client.getState()?.G as GameState | undefined)?.actionCount ?? 0) >= 12, 20_000, 'a dozen moves');
      await server.kill('SIGKILL');
      const acknowledged = Math.max(...clients.map((c) => (c.client.getState()!.G as GameState).actionCount));
      const stateID = Math.max(...clients.map((c) => c.client.getState()!._stateID));

      server = await startServerProcess({ dataDir, port });
      const view = await api(server.url, `/api/classes/${code}/console`, { secret });
      expect(view.status).toBe(200);
      expect(view.body.status).toBe('running');
      expect(view.body.tables[0].seats.us.names).toEqual(['P-us']);
      const debrief = await api(server.url, `/api/classes/${code}/debrief`, { secret });
      expect(debrief.body.tables[0].actions).toBeGreaterThanOrEqual(acknowledged);
      // The same clients reconnect on their own and the game goes on.
      await waitFor(() => clients.every((c) => (c.client.getState()?._stateID ?? 0) >= stateID), 20_000, 'clients resynced');
      await waitFor(
        () => ((clients[0]!.client.getState()?.G as GameState | undefined)?.actionCount ?? 0) >= acknowledged + 6,
        20_000,
        'play goes on after the restart',
      );
      for (const p of players) p.stop();
      for (const c of clients) c.client.stop();
    } finally {
      await server.kill();
      removeDir(dataDir);
    }
  });
});
