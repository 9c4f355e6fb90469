/**
 * A pub/sub for boardgame.io's socket transport that delivers each broadcast on the next turn
 * of the event loop. boardgame.io's master broadcasts a move's new state *before* it calls the
 * storage's setState; our SQLite storage commits synchronously inside that call, so deferring
 * delivery means no client ever sees a state that a kill -9 could still lose. Order is kept
 * (setImmediate callbacks run first in, first out).
 */
type Callback = (payload: unknown) => void;

/** The interface boardgame.io's SocketIO transport expects of `pubSub`. */
export interface PubSubLike {
  publish(channelId: string, payload: unknown): void;
  subscribe(channelId: string, callback: Callback): void;
  unsubscribeAll(channelId: string): void;
}

/** In-memory pub/sub whose deliveries happen after the current synchronous work (the commit). */
export class PersistFirstPubSub implements PubSubLike {
  private readonly callbacks = new Map<string, Callback[]>();

  publish(channelId: string, payload: unknown): void {
    setImmediate(() => {
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
