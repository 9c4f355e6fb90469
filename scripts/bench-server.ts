/**
 * `npm run bench:server -- --tables 50 --format json`: starts the real server (a child process
 * on a free loopback port, data in a temp dir), seats three boardgame.io socket clients at each
 * of N tables, plays for a while and prints the move round-trip (send → the client's state shows
 * the move) p50/p99 in ms, and the errors.
 * `--instances 2` starts two servers over one PostgreSQL and one Redis (DATABASE_URL_TEST /
 * REDIS_URL_TEST, see scripts/ci-services.sh; a fresh schema) and spreads the clients of every
 * table over both; `--shared` does the same with one instance.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { FACTIONS, activeSeat, legalActions, type GameState } from '../src/engine/index.js';
import { defaultRules } from '../src/engine/rules/default-rules.js';
import { createGigawattGame, moveArgs, PLAYER_IDS } from '../src/game/gigawatt.js';
import { scaleOutServices } from '../tests/server/services.js';

const opts = new Command()
  .option('--tables <n>', 'tables (three clients each)', '50')
  .option('--seconds <n>', 'how long to play', '20')
  .option('--think-ms <n>', 'mean pause before each move (a person reading the board; 0: as fast as possible)', '1000')
  .option('--format <f>', 'text or json', 'text')
  .option('--instances <n>', 'server instances (2+: over PostgreSQL and Redis)', '1')
  .option('--shared', 'one instance over PostgreSQL and Redis instead of SQLite')
  .parse()
  .opts<{ tables: string; seconds: string; thinkMs: string; format: string; instances: string; shared?: boolean }>();
const instances = Number(opts.instances);
const tables = Number(opts.tables);
const seconds = Number(opts.seconds);
const thinkMs = Number(opts.thinkMs);
const rules = defaultRules();
// People do not move in step: each pause is thinkMs × [0.5, 1.5), from a fixed-seed generator.
let lcg = 12345;
const jitter = () => {
  lcg = (lcg * 1103515245 + 12345) % 2147483648;
  return 0.5 + lcg / 2147483648;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
const services = instances > 1 || opts.shared ? await scaleOutServices() : null;
if ((instances > 1 || opts.shared) && !services) throw new Error('--instances 2 / --shared need PostgreSQL and Redis: run scripts/ci-services.sh');
const dataDir = mkdtempSync(join(tmpdir(), 'gigawatt-bench-'));
const children: ReturnType<typeof spawn>[] = [];
const urls: string[] = [];
const cleanup = () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
};
process.on('exit', cleanup);
for (let i = 0; i < instances; i++) {
  const port = await freePort();
  const shared = services ? { DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl } : {};
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BOT_DELAY_MS: '0', ...shared },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    child.stdout?.on('data', () => {
      if (!out.includes('Gigawatt server on')) return;
      clearTimeout(t);
      resolve();
    });
  });
  urls.push(`http://127.0.0.1:${port}`);
}
const url = urls[0]!;

async function post(path: string, body: unknown, secret?: string) {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-teacher-secret': secret } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, string>>;
}

const rtts: number[] = [];
let errors = 0;
let moves = 0;
const clients: ReturnType<typeof Client>[] = [];
const attempts: (() => void)[] = [];
let started = false;
let stopped = false;
const classes: { code: string; secret: string }[] = [];
let left = tables;
while (left > 0) {
  const n = Math.min(14, left);
  left -= n;
  const c = await post('/api/classes', { tables: n, turnSeconds: 0 });
  classes.push({ code: c.code!, secret: c.teacherSecret! });
  for (let t = 0; t < n; t++) {
    for (const seat of FACTIONS) {
      const ticket = await post(`/api/classes/${c.code}/join`, { name: `${seat}${t}`, table: t, seat });
      const client = Client({
        game: createGigawattGame(rules),
        numPlayers: 3,
        // Every table has clients on every instance.
        multiplayer: SocketIO({ server: urls[clients.length % urls.length], socketOpts: { transports: ['websocket'] } }),
        matchID: ticket.matchID,
        playerID: PLAYER_IDS[seat],
        credentials: ticket.credentials,
        debug: false,
      });
      client.start();
      const socket = (client as unknown as { transport: { socket: { on(e: string, f: () => void): void } } }).transport.socket;
      let sent: { stateID: number; at: number } | null = null;
      let thinking = false;
      socket.on('gigawatt:error', () => {
        errors++;
        sent = null;
      });
      socket.on('connect_error', () => errors++);
      const attempt = () => {
        const state = client.getState();
        if (!state || !started) return;
        if (sent && state._stateID > sent.stateID) {
          rtts.push(performance.now() - sent.at);
          sent = null;
        }
        const G = state.G as GameState;
        if (sent || thinking || activeSeat(G) !== seat || state.ctx.gameover) return;
        const actions = legalActions(rules, G, seat);
        const action = actions[(G.actionCount * 7 + 3) % actions.length];
        if (!action) return;
        const go = () => {
          thinking = false;
          if (stopped) return;
          sent = { stateID: state._stateID, at: performance.now() };
          moves++;
          (client.moves as Record<string, (a: unknown) => void>)[action.type]?.(moveArgs(action));
        };
        if (thinkMs > 0) {
          thinking = true;
          setTimeout(go, thinkMs * jitter());
        } else go();
      };
      client.subscribe(attempt);
      attempts.push(attempt);
      clients.push(client);
    }
  }
}
await new Promise((r) => setTimeout(r, 1000));
for (const c of classes) await post(`/api/classes/${c.code}/start`, {}, c.secret);
started = true;
for (const a of attempts) a();
await new Promise((r) => setTimeout(r, seconds * 1000));
stopped = true;
for (const c of clients) c.stop();

rtts.sort((a, b) => a - b);
const q = (p: number) => Math.round((rtts[Math.min(rtts.length - 1, Math.floor(p * rtts.length))] ?? 0) * 10) / 10;
const result = {
  instances,
  storage: services ? 'postgres+redis' : 'sqlite',
  tables,
  clients: clients.length,
  seconds,
  thinkMs,
  moves,
  measured: rtts.length,
  movesPerSecond: Math.round(rtts.length / seconds),
  p50Ms: q(0.5),
  p99Ms: q(0.99),
  maxMs: q(1),
  errors,
};
if (opts.format === 'json') console.log(JSON.stringify(result));
else
  console.log(
    `${instances} instance(s) on ${result.storage}, ${tables} tables, ${clients.length} clients, ${rtts.length} moves in ${seconds}s: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms, ${errors} errors`,
  );
cleanup();
await services?.drop();
process.exit(0);
