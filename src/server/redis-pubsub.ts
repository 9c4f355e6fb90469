/**
 * The transport's pub/sub over Redis (ioredis), for several server instances: a match update
 * published on one instance reaches the sockets of that match on every instance. As with
 * PersistFirstPubSub, a broadcast leaves only after the storage call that follows it, and only
 * if the `gate` says the state was committed by this process (a write refused by the
 * compare-and-set is never broadcast). Redis keeps the order of one connection's publishes, so
 * every client sees a match's updates once, in order.
 */
import { Redis } from 'ioredis';
import type { PubSubLike } from './persist-first-pubsub.js';

type Callback = (payload: unknown) => void;

/** Says whether a payload may be broadcast (see `broadcastGate` in persist-first-pubsub.ts). */
export type Gate = (payload: unknown) => boolean;

const PREFIX = 'gigawatt:';

/** Redis-backed pub/sub; `close()` ends both connections. */
export class RedisPubSub implements PubSubLike {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly callbacks = new Map<string, Callback[]>();

  constructor(
    url: string,
    private readonly gate: Gate = () => true,
  ) {
    const opts = { maxRetriesPerRequest: null, lazyConnect: false };
    this.pub = new Redis(url, opts);
    this.sub = new Redis(url, opts);
    for (const r of [this.pub, this.sub]) r.on('error', (e: Error) => console.error('[redis]', e.message));
    this.sub.on('message', (channel: string, message: string) => {
      const list = this.callbacks.get(channel.slice(PREFIX.length));
      if (!list) return;
      const payload = JSON.parse(message) as unknown;
      for (const callback of list) callback(payload);
    });
  }

  /** Resolves once both connections are ready. */
  async ready(): Promise<void> {
    await Promise.all([this.pub.ping(), this.sub.ping()]);
  }

  publish(channelId: string, payload: unknown): void {
    setImmediate(() => {
      if (!this.gate(payload)) return;
      this.pub.publish(PREFIX + channelId, JSON.stringify(payload)).catch((e: Error) => console.error('[redis] publish failed', e.message));
    });
  }

  subscribe(channelId: string, callback: Callback): void {
    const list = this.callbacks.get(channelId);
    if (list) {
      list.push(callback);
      return;
    }
    this.callbacks.set(channelId, [callback]);
    this.sub.subscribe(PREFIX + channelId).catch((e: Error) => console.error('[redis] subscribe failed', e.message));
  }

  unsubscribeAll(channelId: string): void {
    if (!this.callbacks.delete(channelId)) return;
    this.sub.unsubscribe(PREFIX + channelId).catch(() => {});
  }

  /** Ends both connections. */
  async close(): Promise<void> {
    this.callbacks.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
