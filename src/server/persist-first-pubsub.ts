/**
 * A pub/sub for boardgame.io's socket transport that delivers each broadcast on the next turn
 * of the event loop. boardgame.io's master broadcasts a move's new state *before* it calls the
 * storage's setState; our storage commits synchronously inside that call, so deferring
 * delivery means no client ever sees a state that a kill -9 could still lose. An optional
 * `gate` drops a state the storage refused (see `broadcastGate`). Order is kept (setImmediate
 * callbacks run first in, first out).
 */
type Callback = (payload: unknown) => void;

/** The interface boardgame.io's SocketIO transport expects of `pubSub`. */
export interface PubSubLike {
  publish(channelId: string, payload: unknown): void;
  subscribe(channelId: string, callback: Callback): void;
  unsubscribeAll(channelId: string): void;
}

/**
 * The gate for the master's broadcasts: an `update` or `patch` carrying a state goes out only if
 * `committed(matchID, stateID)`; other payloads (match data, chat) always go.
 */
export function broadcastGate(committed: (matchID: string, stateID: number) => boolean): (payload: unknown) => boolean {
  return (payload) => {
    const p = payload as { type?: string; args?: unknown[] } | null;
    const state = p?.type === 'update' ? p.args?.[1] : p?.type === 'patch' ? p.args?.[3] : undefined;
    const stateID = (state as { _stateID?: unknown } | undefined)?._stateID;
    if (typeof stateID !== 'number') return true;
    return committed(String(p?.args?.[0]), stateID);
  };
}

/** In-memory pub/sub whose deliveries happen after the current synchronous work (the commit). */
export class PersistFirstPubSub implements PubSubLike {
  private readonly callbacks = new Map<string, Callback[]>();

  constructor(private readonly gate: (payload: unknown) => boolean = () => true) {}

  publish(channelId: string, payload: unknown): void {
    setImmediate(() => {
      if (!this.gate(payload)) return;
      for (const callback of this.callbacks.get(channelId) ?? []) callback(payload);
    });
  }

  subscribe(channelId: string, callback: Callback): void {
    const list = this.callbacks.get(channelId);
    if (list) list.push(callback);
    else this.callbacks.set(channelId, [callback]);
  }

  unsubscribeAll(channelId: string): void {
    this.callbacks.delete(channelId);
  }
}
