/**
 * One process: the boardgame.io server for `gigawatt` (sockets + the standard lobby under
 * /games), the classroom API under /api, the built client at /, bots in worker threads and
 * turn timers, all stored in SQLite under DATA_DIR, or in PostgreSQL (DATABASE_URL) shared with
 * other instances, whose clients get every update through Redis (REDIS_URL). See
 * docs/scale-out.md.
 */
import { broadcastGate, PersistFirstPubSub, type PubSubLike } from './persist-first-pubsub.js';
import type { Server as HttpServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import type { Context } from 'koa';
import { ProcessGameConfig } from 'boardgame.io/internal';
import { Server } from 'boardgame.io/server';
import { createGigawattGame } from '../game/gigawatt.js';
import { defaultRules } from '../engine/rules/default-rules.js';
import { BotPool } from './bot-pool.js';
import { ClassService } from './classes.js';
import { ClassStore } from './class-store.js';
import { classRoutes } from './class-routes.js';
import type { ServerConfig } from './config.js';
import { openSql } from './db.js';
import { Leases } from './lease.js';
import { RedisPubSub } from './redis-pubsub.js';
import { jsonErrors, MAX_BODY_BYTES, securityHeaders } from './http.js';
import { gate as requestGate } from './gate.js';
import { lobbyHandler } from './lobby.js';
import { originChecker, ownOrigins } from './origins.js';
import { addressKey, clientAddress, ConnectionCounter, CreationQuota } from './rate-limit.js';
import { type BotNote, TableRunner, toMove } from './runner.js';
import { randomSeed, randomToken, sameSecret } from './secrets.js';
import { guardSocket, Presence } from './socket-guard.js';
import { serveDist } from './static-files.js';
import { SqlStorage } from './storage.js';
import { GigawattTransport } from './transport.js';

/** A running server. */
export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

const BOT_NOTES = 'BOT-NOTES';
/** A request's headers must arrive within this time (a half-open request is dropped). */
const HEADERS_TIMEOUT_MS = 10_000;
/** A whole request (headers and body) must arrive within this time. */
const REQUEST_TIMEOUT_MS = 30_000;

/** The socket.io server inside boardgame.io's app (typed here, once). */
type IoServer = {
  of(name: string): {
    to(room: string): { emit(event: string, data: unknown): void };
    sockets: Map<string, { disconnect(close: boolean): void }>;
  };
  close(): void;
};
const ioOf = (app: unknown): IoServer | undefined => (app as { _io?: IoServer })._io;

function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

/** Starts the server; resolves once it listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const rules = defaultRules();
  const shared = config.databaseUrl !== null;
  const sql = openSql(config);
  const storage = new SqlStorage(sql, shared);
  const game = ProcessGameConfig(createGigawattGame(rules));
  // boardgame.io's own PRNG seed (unused by the engine, but never guessable): a fresh one per match.
  Object.defineProperty(game, 'seed', { get: randomSeed, enumerable: true, configurable: true });
  const serverToken = randomToken(32);
  const port = config.port;
  const allowed = originChecker(config, () => port);
  const presence = new Presence();
  const classes = new ClassService(game, storage, new ClassStore(sql), shared);
  // A state goes out only after its commit, and only if this process committed it.
  const gate = broadcastGate((matchID, stateID) => storage.committed(matchID, stateID));
  const redis = config.redisUrl ? new RedisPubSub(config.redisUrl, gate) : null;
  await redis?.ready();
  const pubSub: PubSubLike = redis ?? new PersistFirstPubSub(gate);

  const transport = new GigawattTransport(
    {
      socketOpts: {
        cors: { origin: (origin: string | undefined, cb: (e: Error | null, ok?: boolean) => void) => cb(null, allowed(origin)) },
        allowRequest: (req: { headers: { origin?: string } }, cb: (e: string | null | undefined, ok: boolean) => void) => cb(null, allowed(req.headers.origin)),
        maxHttpBufferSize: MAX_BODY_BYTES,
      } as never,
      // Broadcast a move only after the storage has committed it (see persist-first-pubsub.ts).
      pubSub: pubSub as never,
    },
    (socket) =>
      guardSocket(
        socket,
        {
          rules,
          storage,
          serverToken,
          moveRefusal: (m, p) => classes.moveRefusal(m, p),
          deviceOnSeat: (m, p, c) => classes.deviceOnSeat(m, p, c),
          seatCredential: (m, p) => classes.seatCredential(m, p),
        },
        presence,
      ),
  );
  const server = Server({
    games: [game],
    db: storage,
    transport,
    origins: [...ownOrigins(config.host, port), ...config.allowedOrigins],
    authenticateCredentials: (credentials, player) =>
      sameSecret(credentials, serverToken) || (!!player?.credentials && sameSecret(credentials, player.credentials)),
  });

  const pool = new BotPool(config.botWorkers);
  const submit = async (matchID: string, playerID: string, action: Parameters<typeof toMove>[0], stateID: number): Promise<void> => {
    const { type, args } = toMove(action);
    await transport.serverMove({ game, db: storage, auth: server.auth, matchID, playerID, type, args, stateID, credentials: serverToken });
    // A bot's reasons go to every device at the table (after the move's own update).
    const note = runner.noteOf(matchID);
    if (note?.stateID === stateID && storage.latestState(matchID)?._stateID !== stateID) {
      if (redis) redis.publish(BOT_NOTES, { matchID, note });
      else emitBotNote(matchID, note);
    }
  };
  const emitBotNote = (matchID: string, note: BotNote) =>
    ioOf(app)
      ?.of('gigawatt')
      .to(matchID)
      .emit('gigawatt:bot', { matchID, ...note });
  // Bot notes reach every instance's sockets (and consoles) through Redis.
  redis?.subscribe(BOT_NOTES, (payload) => {
    const { matchID, note } = payload as { matchID: string; note: BotNote };
    runner.recordNote(matchID, note);
    emitBotNote(matchID, note);
  });
  // The holder names the instance (address/port) for operators; the token makes it unique.
  const leases = shared ? new Leases(sql, `${config.host}:${port}/${randomToken(8)}`) : null;
  const runner = new TableRunner(rules, classes, storage, pool, submit, config.botDelayMs, Date.now, leases);

  const app = server.app;
  app.proxy = false;
  // A client that hangs up mid-request is not a server fault: one line, no stack trace.
  app.removeAllListeners('error');
  app.on('error', (e: Error & { code?: string }, ctx?: Context) => {
    const gone = e.code === 'ECONNRESET' || e.code === 'ERR_STREAM_PREMATURE_CLOSE' || e.code?.startsWith('HPE_') || e.message === 'Parse Error';
    if (gone) console.warn(`[http] ${ctx?.method ?? ''} ${ctx?.path.slice(0, 80) ?? ''}: the client went away (${e.code ?? e.message})`);
    else console.error('[http]', e);
  });
  app.use(securityHeaders as never);
  app.use(jsonErrors as never);
  const baseUrl = (ctx: Context) => {
    if (config.publicUrl) return config.publicUrl;
    const loopback = /^(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(ctx.host);
    const lan = config.host === '0.0.0.0' && loopback ? lanAddress() : null;
    return lan ? `http://${lan}:${port}` : `http://${ctx.host}`;
  };
  const { limits } = config;
  const hosting = new CreationQuota(limits.classesPerHour);
  const lobbyCreations = new CreationQuota(limits.lobbyMatchesPerHour);
  const classApi = classRoutes(
    {
      rules,
      classes,
      storage,
      baseUrl,
      now: Date.now,
      sources: {
        state: (id) => storage.latestState(id),
        devices: (id, p) => presence.devices(id, p),
        note: (id) => runner.noteOf(id),
        timeouts: (id) => runner.timeoutsOf(id),
      },
    },
    {
      mayHost: (address) => hosting.take(addressKey(address)),
      maxOpenClasses: limits.maxOpenClasses,
      disconnectDevice: (matchID, device) => {
        const sockets = ioOf(app)?.of('gigawatt').sockets;
        for (const id of presence.socketsOf(matchID, device)) sockets?.get(id)?.disconnect(true);
      },
    },
  );
  const lobby = lobbyHandler({
    game,
    storage,
    isClassTable: (id) => classes.tableOf(id) !== undefined,
    mayCreate: (address) => lobbyCreations.take(addressKey(address)),
    maxOpen: limits.maxOpenLobbyMatches,
    now: Date.now,
  });
  app.use(requestGate({ allowedOrigin: allowed, trustedProxies: limits.trustedProxies, classes, classApi, lobby }) as never);
  app.use(serveDist(config.distDir) as never);

  const listen = app.listen.bind(app) as (...args: unknown[]) => HttpServer;
  (app as unknown as { listen: (port: number, cb: () => void) => HttpServer }).listen = (p: number, cb: () => void) => listen(p, config.host, cb);
  const running = await server.run({ port });
  const http = running.appServer as HttpServer;
  // Slow or half-open requests are dropped; one address holds a bounded number of connections.
  http.headersTimeout = HEADERS_TIMEOUT_MS;
  http.requestTimeout = REQUEST_TIMEOUT_MS;
  const connections = new ConnectionCounter(limits.connectionsPerAddress);
  http.prependListener('connection', (socket) => {
    const peer = clientAddress(socket.remoteAddress, undefined, []);
    // A trusted proxy carries everyone's connections: it is not one client.
    if (limits.trustedProxies.includes(peer)) return;
    const key = addressKey(peer);
    if (!connections.enter(key)) {
      socket.destroy();
      return;
    }
    socket.once('close', () => connections.leave(key));
  });
  const address = http.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  runner.start();
  return {
    port: actualPort,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${actualPort}`,
    close: async () => {
      runner.stop();
      await pool.close();
      await new Promise<void>((resolve) => {
        ioOf(app)?.close();
        http.close(() => resolve());
        http.closeAllConnections?.();
      });
      await redis?.close();
      sql.close();
    },
  };
}
