/** The server's settings, from the environment (PORT, HOST, DATA_DIR, ALLOWED_ORIGINS, DATABASE_URL, REDIS_URL, limits...). */
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** Everything the server needs to start. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Extra origins allowed to use the sockets and the API (besides the server's own addresses). */
  allowedOrigins: string[];
  /** Where the built client is (served at `/`). */
  distDir: string;
  /** Bot worker threads. */
  botWorkers: number;
  /** Pause before a bot moves, so people can follow (ms). */
  botDelayMs: number;
  /** The address students type, if not the one the server finds (e.g. http://192.168.1.20:8000). */
  publicUrl: string | null;
  /** PostgreSQL instead of SQLite (postgres://...): several instances share the classes. */
  databaseUrl: string | null;
  /** Redis (redis://...): match updates reach the clients of every instance. */
  redisUrl: string | null;
  /** Limits that protect the server (see docs/classroom.md, "Security"). */
  limits: ServerLimits;
  /** Classes created more than this many days ago are deleted with all their data (RETENTION_DAYS). */
  retentionDays: number;
}

/** The server's protective limits, each set by an environment variable. */
export interface ServerLimits {
  /** Proxies whose `X-Forwarded-For` is believed (TRUSTED_PROXIES, addresses, comma list). */
  trustedProxies: string[];
  /** Open connections (HTTP and sockets) per client address (MAX_CONNECTIONS_PER_ADDRESS). */
  connectionsPerAddress: number;
  /** Classes one address may host in an hour (CLASSES_PER_HOUR). */
  classesPerHour: number;
  /** Classes not yet ended, over every address (MAX_OPEN_CLASSES). */
  maxOpenClasses: number;
  /** Lobby matches one address may create in an hour (LOBBY_MATCHES_PER_HOUR). */
  lobbyMatchesPerHour: number;
  /** Listed lobby matches not yet over, over every address (MAX_OPEN_LOBBY_MATCHES). */
  maxOpenLobbyMatches: number;
}

function int(value: string | undefined, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  return n;
}

function url(value: string | undefined, protocols: string[], name: string): string | null {
  if (value === undefined || value === '') return null;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {}
  if (!protocols.includes(protocol)) throw new Error(`${name} must be a ${protocols[0]}// URL`);
  return value;
}

/** The host, port and path of a connection URL, with no user, password or query (for logs). */
function withoutSecrets(value: string): { where: string; user: string; path: string } {
  const u = new URL(value);
  return {
    where: u.port ? `${u.hostname}:${u.port}` : u.hostname,
    user: decodeURIComponent(u.username),
    path: decodeURIComponent(u.pathname.replace(/^\//, '')),
  };
}

/**
 * Where the server keeps its data, in one line for its start message: the SQLite file, or the
 * PostgreSQL database and the Redis it uses. Never a password (nor a URL's query, which may hold one).
 */
export function dataLocation(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'redisUrl'>): string {
  if (!config.databaseUrl) {
    return config.dataDir === ':memory:'
      ? 'in memory only (nothing is kept after the server stops)'
      : `in SQLite: ${resolve(config.dataDir, 'gigawatt.sqlite')}`;
  }
  const db = withoutSecrets(config.databaseUrl);
  const redis = config.redisUrl ? withoutSecrets(config.redisUrl) : null;
  const pg = `in PostgreSQL: database "${db.path}" on ${db.where}${db.user ? ` as user "${db.user}"` : ''}`;
  return redis ? `${pg}; updates shared through Redis on ${redis.where}${redis.path ? ` (database ${redis.path})` : ''}` : pg;
}

/** Reads the configuration; throws with the variable's name when a value is wrong. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  return {
    port: int(env.PORT, 8000, 0, 65535, 'PORT'),
    host: env.HOST && env.HOST.length > 0 ? env.HOST : '127.0.0.1',
    dataDir: env.DATA_DIR === ':memory:' ? ':memory:' : resolve(cwd, env.DATA_DIR ?? 'data'),
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    distDir: resolve(cwd, env.DIST_DIR ?? 'dist'),
    botWorkers: int(env.BOT_WORKERS, Math.max(1, Math.min(4, availableParallelism() - 1)), 1, 16, 'BOT_WORKERS'),
    botDelayMs: int(env.BOT_DELAY_MS, 700, 0, 10_000, 'BOT_DELAY_MS'),
    publicUrl: env.PUBLIC_URL && env.PUBLIC_URL.length > 0 ? env.PUBLIC_URL.replace(/\/+$/, '') : null,
    databaseUrl: url(env.DATABASE_URL, ['postgres:', 'postgresql:'], 'DATABASE_URL'),
    redisUrl: url(env.REDIS_URL, ['redis:', 'rediss:'], 'REDIS_URL'),
    retentionDays: int(env.RETENTION_DAYS, 30, 1, 3650, 'RETENTION_DAYS'),
    limits: {
      trustedProxies: (env.TRUSTED_PROXIES ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map((a) => {
          if (isIP(a) === 0) throw new Error(`TRUSTED_PROXIES must list IP addresses (got ${JSON.stringify(a)})`);
          return a;
        }),
      connectionsPerAddress: int(env.MAX_CONNECTIONS_PER_ADDRESS, 1000, 10, 100_000, 'MAX_CONNECTIONS_PER_ADDRESS'),
      classesPerHour: int(env.CLASSES_PER_HOUR, 20, 1, 10_000, 'CLASSES_PER_HOUR'),
      maxOpenClasses: int(env.MAX_OPEN_CLASSES, 300, 1, 100_000, 'MAX_OPEN_CLASSES'),
      lobbyMatchesPerHour: int(env.LOBBY_MATCHES_PER_HOUR, 30, 1, 10_000, 'LOBBY_MATCHES_PER_HOUR'),
      maxOpenLobbyMatches: int(env.MAX_OPEN_LOBBY_MATCHES, 1000, 1, 1_000_000, 'MAX_OPEN_LOBBY_MATCHES'),
    },
  };
}
