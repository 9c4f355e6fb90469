/**
 * boardgame.io's socket.io transport, plus what the server needs from it: a guard on every
 * incoming socket event (see socket-guard.ts) and moves made by the server itself (bots,
 * timeouts), which go through the same per-match queue and master as a player's.
 */
import type { Game } from 'boardgame.io';
import { Master } from 'boardgame.io/master';
import { SocketIO } from 'boardgame.io/server';
import type { Socket } from 'socket.io';

type SocketOpts = ConstructorParameters<typeof SocketIO>[0];
type IoApp = Parameters<SocketIO['init']>[0];
type Namespaces = { of(name: string): { on(event: 'connection', fn: (socket: Socket) => void): void } };

/** The socket.io transport of the Gigawatt server. */
export class GigawattTransport extends SocketIO {
  constructor(
    opts: SocketOpts,
    private readonly onSocket: (socket: Socket, gameName: string) => void,
  ) {
    super(opts);
  }

  override init(app: IoApp, games: Game[], origins?: Parameters<SocketIO['init']>[2]): void {
    super.init(app, games, origins);
    for (const game of games)
      (app._io as unknown as Namespaces | undefined)?.of(game.name ?? 'default').on('connection', (socket) => {
        reconnectAfterFailedSync(socket);
        this.onSocket(socket, game.name ?? 'default');
      });
  }

  /**
   * Makes a move as the server (bot or timeout) for `playerID`, in the match's queue, as the
   * master would for a client: stale `stateID` or illegal move → nothing changes.
   */
  async serverMove(opts: {
    game: Game;
    db: Master['storageAPI'];
    auth: Master['auth'];
    matchID: string;
    playerID: string;
    type: string;
    args: unknown[];
    stateID: number;
    credentials: string;
  }): Promise<void> {
    const { matchID } = opts;
    const transport = {
      send: () => {},
      sendAll: (payload: Parameters<Master['transportAPI']['sendAll']>[0]) => this.pubSub.publish(`MATCH-${matchID}`, payload),
    };
    const master = new Master(opts.game, opts.db, transport, opts.auth);
    const action = { type: 'MAKE_MOVE' as const, payload: { type: opts.type, args: opts.args, playerID: opts.playerID, credentials: opts.credentials } };
    await this.getMatchQueue(matchID).add(() => master.onUpdate(action, opts.stateID, matchID, opts.playerID));
  }
}

/**
 * boardgame.io's `sync` handler (registered on the socket just before) rejects when the storage
 * fails half-way; its client would then wait for a sync that never comes. Instead the failure is
 * logged and the connection closed: socket.io reconnects the client (with its back-off), which
 * syncs again.
 */
function reconnectAfterFailedSync(socket: Socket): void {
  for (const handler of socket.listeners('sync')) {
    socket.off('sync', handler);
    socket.on('sync', (...args: unknown[]) => {
      Promise.resolve((handler as (...a: unknown[]) => unknown)(...args)).catch((e: unknown) => {
        console.error('[socket] sync failed, the device will reconnect:', e instanceof Error ? e.message : e);
        socket.conn.close();
      });
    });
  }
}
