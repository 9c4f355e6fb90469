/**
 * One process: the boardgame.io server for `gigawatt` (sockets, and the lobby under /games), the
 * classroom API under /api, the built client at /, bots in worker threads and turn timers, all
 * stored in SQLite under DATA_DIR, or in PostgreSQL (DATABASE_URL) shared with other instances,
 * whose clients get every update through Redis (REDIS_URL). See docs/scale-out.md. This file
 * wires the parts together; each part is its own module.
 */
import { ProcessGameConfig } from 'boardgame.io/internal';
import { defaultRules } from '../engine/rules/default-rules.js';
import { createGigawattGame } from '../game/gigawatt.js';
import { createBgioServer, type IoServer } from './bgio-server.js';
import { BotPool } from './bot-pool.js';
import { ClassStore } from './class-store.js';
import { ClassService } from './classes.js';
import type { ServerConfig } from './config.js';
import { limitConnections } from './connections.js';
import { openSql } from './db.js';
import { installHttp } from './http-app.js';
import { Leases } from './lease.js';
import { originChecker, ownOrigins } from './origins.js';
import { broadcastGate, PersistFirstPubSub, type PubSubLike } from './persist-first-pubsub.js';
import { RedisPubSub } from './redis-pubsub.js';
import { type BotNote, TableRunner, toMove } from './runner.js';
import { freshSeed } from '../match/fresh-seed.js';
import { randomToken } from './secrets.js';
import { guardSocket, Presence } from './socket-guard.js';
import { SqlStorage } from './storage.js';

/** A running server. */
export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The Redis channel of the bots' reasons. */
const BOT_NOTES = 'BOT-NOTES';

/** Starts the server; resolves once it listens. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const rules = defaultRules();
  const shared = config.databaseUrl !== null;
  const sql = openSql(config);
  const storage = new SqlStorage(sql, shared);
  const game = ProcessGameConfig(createGigawattGame(rules));
  // boardgame.io's own PRNG seed (unused by the engine, but never guessable): a fresh one per match.
  Object.defineProperty(game, 'seed', { get: freshSeed, enumerable: true, configurable: true });
  const serverToken = randomToken(32);
  let port = config.port;
  const allowed = originChecker(config, () => port);
  const presence = new Presence();
  const classes = new ClassService(game, storage, new ClassStore(sql), shared);
  // A state goes out only after its commit, and only if this process committed it.
  const committed = broadcastGate((matchID, stateID) => storage.committed(matchID, stateID));
  const redis = config.redisUrl ? new RedisPubSub(config.redisUrl, committed) : null;
  await redis?.ready();
  const pubSub: PubSubLike = redis ?? new PersistFirstPubSub(committed);

  const bgio = createBgioServer({
    game,
    storage,
    pubSub,
    allowedOrigin: allowed,
    origins: [...ownOrigins(config.host, port), ...config.allowedOrigins],
    serverToken,
    onSocket: (socket) =>
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
  });

  // Bots and timeouts move through the same queue and master as a player; their reasons follow.
  const notes = botNotes(bgio.io, redis, (matchID, note) => runner.recordNote(matchID, note));
  const pool = new BotPool(config.botWorkers);
  const submit = async (matchID: string, playerID: string, action: Parameters<typeof toMove>[0], stateID: number): Promise<void> => {
    const { type, args } = toMove(action);
    await bgio.serverMove(matchID, playerID, type, args, stateID);
    const note = runner.noteOf(matchID);
    if (note?.stateID === stateID && storage.latestState(matchID)?._stateID !== stateID) notes.send(matchID, note);
  };
  // The holder names the instance (address/port) for operators; the token makes it unique.
  const leases = shared ? new Leases(sql, `${config.host}:${port}/${randomToken(8)}`) : null;
  const runner = new TableRunner(rules, classes, storage, pool, submit, config.botDelayMs, Date.now, leases);
  // A deleted class's sockets are closed (their devices then find no class).
  classes.onDelete((_code, matchIDs) => {
    const sockets = bgio.io()?.of('gigawatt').sockets;
    for (const id of matchIDs) for (const socket of presence.socketsAt(id)) sockets?.get(socket)?.disconnect(true);
  });
  const retention = retentionSweep(classes, config.retentionDays);

  installHttp(bgio.app, {
    config,
    port: () => port,
    rules,
    game,
    storage,
    classes,
    allowedOrigin: allowed,
    sources: {
      state: (id) => storage.latestState(id),
      devices: (id, p) => presence.devices(id, p),
      note: (id) => runner.noteOf(id),
      timeouts: (id) => runner.timeoutsOf(id),
    },
    newsMove: (matchID, playerID, type, args, stateID) => bgio.serverMove(matchID, playerID, type, args, stateID),
    disconnectDevice: (matchID, device) => {
      const sockets = bgio.io()?.of('gigawatt').sockets;
      for (const id of presence.socketsOf(matchID, device)) sockets?.get(id)?.disconnect(true);
    },
  });
  const http = await bgio.listen(config.host, config.port);
  limitConnections(http, config.limits);
  const address = http.address();
  port = typeof address === 'object' && address ? address.port : port;
  retention.start();
  runner.start();
  return {
    port,
    url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`,
    close: async () => {
      retention.stop();
      runner.stop();
      await pool.close();
      await new Promise<void>((resolve) => {
        bgio.io()?.close();
        http.close(() => resolve());
        http.closeAllConnections?.();
      });
      await redis?.close();
      sql.close();
    },
  };
}

/** How often classes past the retention period are looked for (besides at start). */
const RETENTION_SWEEP_MS = 60 * 60 * 1000;

/** Deletes the classes created more than `days` days ago: at start, then every hour. */
function retentionSweep(classes: ClassService, days: number) {
  let timer: NodeJS.Timeout | null = null;
  const sweep = () => {
    try {
      const gone = classes.deleteCreatedBefore(Date.now() - days * 24 * 60 * 60 * 1000);
      if (gone.length > 0) console.log(`[retention] deleted ${gone.length} class${gone.length > 1 ? 'es' : ''} created more than ${days} days ago`);
    } catch (e) {
      console.error('[retention] sweep failed', e instanceof Error ? e.message : e);
    }
  };
  return {
    start: () => {
      sweep();
      timer = setInterval(sweep, RETENTION_SWEEP_MS);
      timer.unref();
    },
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}

/**
 * A bot's reasons go to every device at its table, after the move's own update: straight to this
 * process's sockets, or through Redis to every instance's (each records it for its consoles).
 */
function botNotes(io: () => IoServer | undefined, redis: RedisPubSub | null, record: (matchID: string, note: BotNote) => void) {
  const emit = (matchID: string, note: BotNote) =>
    io()
      ?.of('gigawatt')
      .to(matchID)
      .emit('gigawatt:bot', { matchID, ...note });
  redis?.subscribe(BOT_NOTES, (payload) => {
    const { matchID, note } = payload as { matchID: string; note: BotNote };
    record(matchID, note);
    emit(matchID, note);
  });
  return {
    send: (matchID: string, note: BotNote) => {
      if (redis) redis.publish(BOT_NOTES, { matchID, note });
      else emit(matchID, note);
    },
  };
}
