/**
 * Class experiments on the real server (child process, SQLite, real sockets): tables given
 * different conditions (scenario presets) play, are checked, botted, debriefed and replayed
 * under their own rules; the hosting form refuses unknown presets and oversize bodies.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { activeSeat, legalActions, type GameState } from '../../src/engine/index.js';
import { presetRules, rulesOfState } from '../../src/engine/rules/presets.js';
import { moveArgs } from '../../src/game/gigawatt.js';
import { replayMatch, validateMatch, type MatchFile } from '../../src/match/index.js';
import { api, connectClient, pickAction, removeDir, type ServerProcess, startServerProcess, waitFor } from './helpers.js';
import { declareOversize } from './hostile.js';
import { type Services, scaleOutServices } from './services.js';

/**
 * Hosts a four-table experiment (tight / open export controls), checks each table starts under
 * its preset, lets the bots finish, and checks the debrief, the CSV and the match files.
 */
async function playExperiment(server: ServerProcess): Promise<void> {
  const hosted = await api(server.url, '/api/classes', {
    body: { tables: 4, turnSeconds: 0, botLevel: 'random', conditions: ['export-controls-tight', 'export-controls-open'] },
  });
  expect(hosted.status).toBe(201);
  const { code, teacherSecret } = hosted.body;
  const pub = await api(server.url, `/api/classes/${code}`);
  expect(pub.body.tables.map((t: { preset: string }) => t.preset)).toEqual([
    'export-controls-tight',
    'export-controls-open',
    'export-controls-tight',
    'export-controls-open',
  ]);
  const console0 = await api(server.url, `/api/classes/${code}/console`, { secret: teacherSecret });
  expect(console0.body.settings.conditions).toEqual(['export-controls-tight', 'export-controls-open']);
  // An experiment shares the seed unless the teacher asks otherwise.
  expect(console0.body.settings.seedMode).toBe('shared');

  // A spectator of each table sees its state, created under its preset's rules.
  const watchers = console0.body.tables.slice(0, 2).map((t: { matchID: string }) => connectClient(server.url, t.matchID, null));
  await waitFor(() => watchers.every((w: ReturnType<typeof connectClient>) => w.client.getState() !== null), 10_000, 'spectators synced');
  const [tight, open] = watchers.map((w: ReturnType<typeof connectClient>) => w.client.getState()!.G as GameState);
  // The track starts at 3 and 0; the first headline (same seed, same event) may move both by one.
  expect(tight!.tracks.exportControls).toBeGreaterThanOrEqual(2);
  expect(open!.tracks.exportControls).toBeLessThanOrEqual(1);
  expect(tight!.rulesHash).toBe(presetRules('export-controls-tight').hash);
  expect(open!.rulesHash).toBe(presetRules('export-controls-open').hash);
  for (const w of watchers) w.client.stop();

  expect((await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
  await waitFor(
    async () => (await api(server.url, `/api/classes/${code}/console`, { secret: teacherSecret })).body.tables.every((t: { finished: boolean }) => t.finished),
    120_000,
    'all four tables finished',
  );
  const debrief = await api(server.url, `/api/classes/${code}/debrief`, { secret: teacherSecret });
  expect(debrief.body.tables.map((t: { condition: string }) => t.condition)).toEqual([
    'export-controls-tight',
    'export-controls-open',
    'export-controls-tight',
    'export-controls-open',
  ]);
  expect(debrief.body.sharedSeed).toBe(true);
  for (const t of debrief.body.tables) {
    expect(t.finished).toBe(true);
    // Every action counted, by faction and type.
    const counted = Object.values(t.actionsBy as Record<string, Record<string, number>>)
      .flatMap((by) => Object.values(by))
      .reduce((a, b) => a + b, 0);
    expect(counted).toBe(t.actions);
  }
  const csv = await (await fetch(`${server.url}/api/classes/${code}/export.csv`, { headers: { 'x-teacher-secret': teacherSecret } })).text();
  expect(csv.split('\n')[0]).toContain('condition');
  expect(csv).toContain(',export-controls-open,');

  expect((await api(server.url, `/api/classes/${code}/end`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
  const matches = (await api(server.url, `/api/classes/${code}/matches.json`, { secret: teacherSecret })).body.matches as MatchFile[];
  expect(new Set(matches.map((m) => m.seed)).size).toBe(1);
  for (const [i, m] of matches.entries()) {
    const rules = presetRules(i % 2 === 0 ? 'export-controls-tight' : 'export-controls-open');
    expect(validateMatch(m).ok).toBe(true);
    expect(m.rulesHash).toBe(rules.hash);
    // A table's match replays to its recorded end under its own rules, not under the standard ones.
    const replayed = replayMatch(rules, m);
    expect(replayed.ok).toBe(true);
    expect(replayMatch(presetRules('standard'), m).ok).toBe(false);
  }
}

describe('a class experiment', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess({ env: { CLASSES_PER_HOUR: '100' } });
  });
  afterAll(async () => {
    await server?.kill();
    if (server) removeDir(server.dataDir);
  });

  test('each table plays its condition: tight and open export controls start where their presets say, bots finish both, and the debrief, CSV and match files carry each condition', async () => {
    await playExperiment(server);
  }, 180_000);

  test("a student's move is applied with the table's rules: the same SoftBank call brings $29B at a Stargate-funded table and $19B at a standard one", async () => {
    const hosted = await api(server.url, '/api/classes', {
      body: { tables: 2, turnSeconds: 0, botLevel: 'random', conditions: ['standard', 'stargate-funded'] },
    });
    expect(hosted.status).toBe(201);
    const { code, teacherSecret } = hosted.body;
    const clients: ReturnType<typeof connectClient>[] = [];
    for (const table of [0, 1]) {
      const us = await api(server.url, `/api/classes/${code}/join`, { body: { name: `Ana ${table}`, table, seat: 'us' } });
      expect(us.status).toBe(201);
      expect(us.body.preset).toBe(table === 0 ? 'standard' : 'stargate-funded');
      clients.push(connectClient(server.url, us.body.matchID, us.body.playerID, us.body.credentials));
    }
    await waitFor(() => clients.every((c) => c.client.getState() !== null), 10_000, 'synced');
    // The US student calls SoftBank at the first chance, and otherwise plays like `autoPlay`.
    const softbank = (c: (typeof clients)[number]) =>
      new Promise<number>((resolve, reject) => {
        let before: number | null = null;
        let lastStateID = -1;
        let lastAt = 0;
        const timer = setTimeout(() => reject(new Error('no SoftBank call')), 90_000);
        // A move left unanswered (sent before the class started, or refused) is tried again.
        const retry = setInterval(() => {
          if (Date.now() - lastAt < 1500 || c.client.getState()?._stateID !== lastStateID) return;
          lastStateID = -1;
          before = null;
          look();
        }, 500);
        const look = () => {
          const state = c.client.getState();
          const G = state?.G as GameState | undefined;
          if (!state || !G) return;
          if (before !== null && G.factions.us.partnersCalled.includes('softbank')) {
            clearTimeout(timer);
            clearInterval(retry);
            unsubscribe();
            resolve(G.factions.us.capital - before);
            return;
          }
          if (activeSeat(G) !== 'us' || state._stateID === lastStateID || before !== null) return;
          lastStateID = state._stateID;
          lastAt = Date.now();
          const call = legalActions(rulesOfState(G), G, 'us').find((a) => a.type === 'callPartner' && a.partner === 'softbank');
          const action = call ?? pickAction(G, 'us');
          if (call) before = G.factions.us.capital;
          if (action) c.client.moves[action.type]?.(moveArgs(action));
        };
        const unsubscribe = c.client.subscribe(look);
      });
    const calls = clients.map(softbank);
    expect((await api(server.url, `/api/classes/${code}/start`, { method: 'POST', secret: teacherSecret })).status).toBe(200);
    const gains = await Promise.all(calls);
    for (const c of clients) c.client.stop();
    expect(gains).toEqual([presetRules('standard').game.us.partners.softbank.capital, presetRules('stargate-funded').game.us.partners.softbank.capital]);
    expect(gains).toEqual([19, 29]);
  }, 120_000);

  test('the hosting form refuses an unknown preset, a malformed or too long list of conditions, and an oversize body, each with a clear error', async () => {
    const unknown = await api(server.url, '/api/classes', { body: { tables: 2, conditions: ['standard', 'no-rules-at-all'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(/conditions\.1/);
    expect(unknown.body.error).toMatch(/export-controls-tight/);
    const proto = await api(server.url, '/api/classes', { body: { tables: 2, conditions: ['__proto__'] } });
    expect(proto.status).toBe(400);
    const notList = await api(server.url, '/api/classes', { body: { tables: 2, conditions: 'standard' } });
    expect(notList.status).toBe(400);
    const empty = await api(server.url, '/api/classes', { body: { tables: 2, conditions: [] } });
    expect(empty.status).toBe(400);
    const moreThanTables = await api(server.url, '/api/classes', { body: { tables: 2, conditions: ['standard', 'stargate-funded', 'export-controls-open'] } });
    expect(moreThanTables.status).toBe(400);
    expect(moreThanTables.body.error).toContain('conditions must list 1 to 2');
    const long = await api(server.url, '/api/classes', { body: { tables: 2, conditions: Array(15).fill('standard') } });
    expect(long.status).toBe(400);
    // An oversize body is refused on its declared length, before a byte of it is read.
    const huge = await declareOversize(server.url, '/api/classes', JSON.stringify({ tables: 2, conditions: Array(200_000).fill('standard') }).length);
    expect(huge.status).toBe(413);
    // None of these created a class.
    const ok = await api(server.url, '/api/classes', { body: { tables: 1, conditions: ['stargate-funded'] } });
    expect(ok.status).toBe(201);
  }, 60_000);
});

describe('a class experiment on PostgreSQL and Redis', () => {
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

  test("stores each table's condition and plays, debriefs and replays every table under it", async (ctx) => {
    if (!services || !server) return ctx.skip();
    await playExperiment(server);
  }, 180_000);
});
