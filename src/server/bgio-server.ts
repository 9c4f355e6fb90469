/**
 * boardgame.io's server as this project uses it, typed once: every reach into its internals
 * (its Koa app, the socket.io server it hides in `app._io`, its `listen`, the transport options
 * its types do not know) is here, with the types we rely on, instead of casts spread over the
 * server. What it builds: the `gigawatt` game over our storage, our socket transport (a guard on
 * every socket event, moves broadcast only after they are committed), credentials checked by the
 * server's own token or the seat's.
 */
import type { Server as HttpServer } from 'node:http';
import type { Game } from 'boardgame.io';
import { Server } from 'boardgame.io/server';
import type Koa from 'koa';
import type { Socket } from 'socket.io';
import { MAX_BODY_BYTES } from './http.js';
import type { PubSubLike } from './persist-first-pubsub.js';
import { sameSecret } from './secrets.js';
import type { SqlStorage } from './storage.js';
import { GigawattTransport } from './transport.js';

type TransportOptions = NonNullable<ConstructorParameters<typeof GigawattTransport>[0]>;

/** The socket.io server inside boardgame.io's app, as far as we use it. */
export interface IoServer {
  of(name: string): {
    to(room: string): { emit(event: string, data: unknown): void };
    sockets: Map<string, { disconnect(close: boolean): void }>;
  };
  close(): void;
}

/** What the boardgame.io server needs from ours. */
export interface BgioOptions {
  game: Game;
  storage: SqlStorage;
  pubSub: PubSubLike;
  /** May a browser page of this origin open a socket? (undefined: not a browser page.) */
  allowedOrigin(origin: string | undefined): boolean;
  /** The origins boardgame.io's own CORS layer allows (it serves nothing under /api or /games: the gate answers first). */
  origins: string[];
  /** The server's own credentials (its bots and timeouts move with it). */
  serverToken: string;
  /** Installs the guard on each new socket. */
  onSocket(socket: Socket): void;
}

/** The boardgame.io server, with what the rest of the server uses of it. */
export interface BgioServer {
  /** The Koa app every HTTP request goes through. */
  app: Koa;
  /** The socket.io server (once listening). */
  io(): IoServer | undefined;
  /** Makes a move as the server (a bot or a timeout) through the match's queue. */
  serverMove(matchID: string, playerID: string, type: string, args: unknown[], stateID: number): Promise<void>;
  /** Listens on `host:port` (boardgame.io's own `run` has no host); resolves with the HTTP server. */
  listen(host: string, port: number): Promise<HttpServer>;
}

/** Builds boardgame.io's server for the game. */
export function createBgioServer(opts: BgioOptions): BgioServer {
  const transport = new GigawattTransport(
    {
      // socket.io 3 options that boardgame.io's types leave out: origin checks on the socket endpoint itself, and a message cap.
      socketOpts: {
        cors: { origin: (origin: string | undefined, cb: (e: Error | null, ok?: boolean) => void) => cb(null, opts.allowedOrigin(origin)) },
        allowRequest: (req: { headers: { origin?: string } }, cb: (e: string | null | undefined, ok: boolean) => void) =>
          cb(null, opts.allowedOrigin(req.headers.origin)),
        maxHttpBufferSize: MAX_BODY_BYTES,
      } as unknown as TransportOptions['socketOpts'],
      // Broadcast a move only after the storage has committed it (see persist-first-pubsub.ts).
      pubSub: opts.pubSub as TransportOptions['pubSub'],
    },
    (socket) => opts.onSocket(socket),
  );
  const server = Server({
    games: [opts.game],
    db: opts.storage,
    transport,
    origins: opts.origins,
    authenticateCredentials: (credentials, player) =>
      sameSecret(credentials, opts.serverToken) || (!!player?.credentials && sameSecret(credentials, player.credentials)),
  });
  // boardgame.io bundles its own @types/koa: the same Koa at run time.
  const app = server.app as unknown as Koa;
  return {
    app,
    io: () => (app as unknown as { _io?: IoServer })._io,
    serverMove: (matchID, playerID, type, args, stateID) =>
      transport.serverMove({ game: opts.game, db: opts.storage, auth: server.auth, matchID, playerID, type, args, stateID, credentials: opts.serverToken }),
    listen: async (host, port) => {
      const listen = app.listen.bind(app) as (port: number, host: string, cb: () => void) => HttpServer;
      (app as unknown as { listen: (port: number, cb: () => void) => HttpServer }).listen = (p, cb) => listen(p, host, cb);
      const running = await server.run({ port });
      return running.appServer as HttpServer;
    },
  };
}
