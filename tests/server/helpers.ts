/** Test helpers: the real server as a child process on a free loopback port, and boardgame.io socket clients that record every message. */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { FACTIONS, activeSeat, legalActions, type Action, type FactionId, type GameState } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { rulesOfState } from '../../src/engine/rules/presets.js';
import { createGigawattGame, moveArgs, seatOf } from '../../src/game/gigawatt.js';

export const rules = defaultRules();

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

/** A server child process. */
export interface ServerProcess {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts `src/server/main.ts` with tsx on a free port (or `port`), DATA_DIR in a temp dir (or `dataDir`). */
export async function startServerProcess(opts: { dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'gigawatt-server-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: join(import.meta.dirname, '../..'),
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BOT_DELAY_MS: '0', BOT_WORKERS: '1', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => (out += String(d)));
  child.stderr?.on('data', (d) => (out += String(d)));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      if (out.includes('Gigawatt server on')) {
        clearTimeout(t);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    child,
    output: () => out,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      // SERVER_LOG=file keeps every test server's output, passing runs included (to hunt a flaky failure).
      if (process.env.SERVER_LOG) appendFileSync(process.env.SERVER_LOG, `=== port ${port}, killed ${new Date().toISOString()}\n${out}\n`);
    },
  };
}

/** Removes a temp data dir. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A JSON call to the server. */
export async function api(
  base: string,
  path: string,
  opts: { method?: string; body?: unknown; secret?: string } = {},
): Promise<{
  status: number; // biome-ignore lint/suspicious/noExplicitAny: JSON replies are read loosely in tests.
  body: any;
}> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.secret !== undefined) headers['x-teacher-secret'] = opts.secret;
  const res = await fetch(base + path, {
    method: opts.method ?? (opts.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: res.status, body };
}

/** A recorded message a client received. */
export interface Received {
  event: string;
  args: unknown[];
}

/** A boardgame.io client in Node, with every received socket message recorded. */
export function connectClient(url: string, matchID: string, playerID: string | null, credentials?: string) {
  const received: Received[] = [];
  const errors: unknown[] = [];
  const client = Client({
    game: createGigawattGame(rules),
    numPlayers: 3,
    multiplayer: SocketIO({ server: url, socketOpts: { transports: ['websocket'] } }),
    matchID,
    ...(playerID !== null ? { playerID } : {}),
    ...(credentials ? { credentials } : {}),
    debug: false,
  });
  client.start();
  const socket = (
    client as unknown as {
      transport: {
        socket: { onAny(fn: (event: string, ...args: unknown[]) => void): void; on(e: string, fn: (x: unknown) => void): void; emit(...a: unknown[]): void };
      };
    }
  ).transport.socket;
  socket.onAny((event, ...args) => received.push({ event, args: JSON.parse(JSON.stringify(args)) }));
  socket.on('gigawatt:error', (e) => errors.push(e));
  return { client, received, errors, socket };
}

/** Waits until `check` is true (polling), or fails after `ms`. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms = 20_000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A person's choice: the k-th legal action from its own view under its table's rules (varied, deterministic). */
export function pickAction(G: GameState, seat: FactionId): Action | null {
  const actions = legalActions(rulesOfState(G, rules), G, seat);
  if (actions.length === 0) return null;
  return actions[(G.actionCount * 7 + 3) % actions.length] ?? null;
}

/** Makes a client play its seat whenever it is its turn (retrying a move left unanswered, e.g. across a restart). */
export function autoPlay(c: ReturnType<typeof connectClient>, seat: FactionId) {
  let lastStateID = -1;
  let lastAt = 0;
  let moves = 0;
  const attempt = () => {
    const state = c.client.getState();
    if (!state) return;
    if (state._stateID === lastStateID && Date.now() - lastAt < 1500) return;
    const G = state.G as GameState;
    if (activeSeat(G) !== seat || state.ctx.gameover) return;
    const action = pickAction(G, seat);
    if (!action) return;
    lastStateID = state._stateID;
    lastAt = Date.now();
    moves++;
    (c.client.moves as Record<string, (a: unknown) => void>)[action.type]?.(moveArgs(action));
  };
  const unsubscribe = c.client.subscribe(() => attempt());
  const timer = setInterval(attempt, 300);
  return {
    stop: () => {
      clearInterval(timer);
      unsubscribe();
    },
    moves: () => moves,
  };
}

/** Every secret a client of `seat` must never receive: the seeds, other seats' hands, all decks. */
export function secretsFor(seat: FactionId | null, truth: { seeds: string[]; hands: Record<FactionId, string[][]> }) {
  return { seat, ...truth };
}

/**
 * Checks one received message for secrets: no seed string anywhere, and in every state-like
 * object, other seats' hands, every deck and the event decks are empty, the engine seed blank,
 * the engine random state zero, and no boardgame.io PRNG data.
 */
export function leaksIn(message: Received, seat: FactionId | null, seeds: string[]): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(message.args);
  for (const s of seeds) if (s && text.includes(s)) problems.push(`seed ${s} in ${message.event}`);
  const walk = (v: unknown, path: string) => {
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ('factions' in o && 'eventDecks' in o) {
      const G = o as unknown as GameState;
      for (const f of FACTIONS) {
        if (f !== seat && G.factions[f]?.hand?.length) problems.push(`${f} hand at ${path} (client ${seat})`);
        if (G.factions[f]?.deck?.length) problems.push(`${f} deck at ${path}`);
      }
      if (G.eventDecks?.some((d) => d.length > 0)) problems.push(`event deck at ${path}`);
      if (G.seed) problems.push(`engine seed at ${path}`);
      if (G.rng && (G.rng.s0 || G.rng.s1 || G.rng.s2)) problems.push(`engine rng at ${path}`);
    }
    // A bot's weighed alternatives must not name a card still in its hand.
    if (Array.isArray(o.weighed))
      for (const w of o.weighed as { en?: string; fr?: string }[])
        if (/^Play /.test(w.en ?? '') || /^Jouer /.test(w.fr ?? '')) problems.push(`a card in a bot's hand at ${path}: ${w.en}`);
    if ('random' in o && path.endsWith('plugins')) {
      const data = (o.random as { data?: unknown } | undefined)?.data;
      if (data && typeof data === 'object' && Object.keys(data).length > 0) problems.push(`PRNG data at ${path}`);
    }
    for (const [k, child] of Object.entries(o)) walk(child, `${path}.${k}`);
  };
  walk(message.args, message.event);
  return problems;
}

export { seatOf };
