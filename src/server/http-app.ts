/**
 * Everything an HTTP request meets, in order: security headers, errors as JSON, the gate (which
 * answers every request under /api and /games: the class API and the lobby), then the built
 * client's files.
 */
import { networkInterfaces } from 'node:os';
import type Koa from 'koa';
import type { Context } from 'koa';
import type { Game } from 'boardgame.io';
import type { Rules } from '../engine/index.js';
import { classRoutes } from './class-routes.js';
import type { NewsMove } from './news.js';
import type { ClassService } from './classes.js';
import type { ServerConfig } from './config.js';
import type { ConsoleSources } from './console-view.js';
import { gate } from './gate.js';
import { jsonErrors, securityHeaders } from './http.js';
import { lobbyHandler } from './lobby.js';
import { addressKey, CreationQuota } from './rate-limit.js';
import { serveDist } from './static-files.js';
import type { SqlStorage } from './storage.js';

/** What the HTTP side needs from the rest of the server. */
export interface HttpDeps {
  config: ServerConfig;
  /** The port actually listened on (known once listening). */
  port(): number;
  rules: Rules;
  game: Game;
  storage: SqlStorage;
  classes: ClassService;
  sources: ConsoleSources;
  allowedOrigin(origin: string | undefined): boolean;
  /** Closes the sockets of a device the teacher removed. */
  disconnectDevice(matchID: string, tokenHash: string): void;
  /** How the teacher's news reaches a table (a server move through the match's queue). */
  newsMove: NewsMove;
}

function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

/** A client that hangs up mid-request is not a server fault: one line, no stack trace. */
function logHttpError(e: Error & { code?: string }, ctx?: Context): void {
  const gone = e.code === 'ECONNRESET' || e.code === 'ERR_STREAM_PREMATURE_CLOSE' || e.code?.startsWith('HPE_') || e.message === 'Parse Error';
  if (gone) console.warn(`[http] ${ctx?.method ?? ''} ${ctx?.path.slice(0, 80) ?? ''}: the client went away (${e.code ?? e.message})`);
  else console.error('[http]', e);
}

/** Installs the middleware on the app (before boardgame.io adds its own, which then only sees what the gate passes on). */
export function installHttp(app: Koa, deps: HttpDeps): void {
  const { config } = deps;
  const limits = config.limits;
  app.proxy = false;
  app.removeAllListeners('error');
  app.on('error', logHttpError);
  app.use(securityHeaders);
  app.use(jsonErrors);
  const baseUrl = (ctx: Context) => {
    if (config.publicUrl) return config.publicUrl;
    const loopback = /^(localhost|127\.0\.0\.1|\[::1\])(:|$)/.test(ctx.host);
    const lan = config.host === '0.0.0.0' && loopback ? lanAddress() : null;
    return lan ? `http://${lan}:${deps.port()}` : `http://${ctx.host}`;
  };
  const hosting = new CreationQuota(limits.classesPerHour);
  const lobbyCreations = new CreationQuota(limits.lobbyMatchesPerHour);
  const classApi = classRoutes(
    {
      rules: deps.rules,
      classes: deps.classes,
      storage: deps.storage,
      baseUrl,
      now: Date.now,
      sources: deps.sources,
      retentionDays: config.retentionDays,
      newsMove: deps.newsMove,
    },
    { mayHost: (address) => hosting.take(addressKey(address)), maxOpenClasses: limits.maxOpenClasses, disconnectDevice: deps.disconnectDevice },
  );
  const lobby = lobbyHandler({
    game: deps.game,
    storage: deps.storage,
    isClassTable: (id) => deps.classes.tableOf(id) !== undefined,
    mayCreate: (address) => lobbyCreations.take(addressKey(address)),
    maxOpen: limits.maxOpenLobbyMatches,
    now: Date.now,
  });
  app.use(gate({ allowedOrigin: deps.allowedOrigin, trustedProxies: limits.trustedProxies, classes: deps.classes, classApi, lobby }));
  app.use(serveDist(config.distDir));
}
