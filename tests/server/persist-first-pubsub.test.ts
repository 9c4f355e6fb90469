import { describe, expect, test } from 'vitest';
import { PersistFirstPubSub } from '../../src/server/persist-first-pubsub.js';

describe('the persist-first pub/sub', () => {
  test('delivers a broadcast only after the synchronous work that follows it (the storage commit)', async () => {
    const pubSub = new PersistFirstPubSub();
    const seen: string[] = [];
    pubSub.subscribe('MATCH-a', (p) => seen.push(`sent ${String(p)}`));
    pubSub.publish('MATCH-a', 'update 1');
    seen.push('committed 1');
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual(['committed 1', 'sent update 1']);
  });

  test('keeps broadcasts in order and stops after unsubscribeAll', async () => {
    const pubSub = new PersistFirstPubSub();
    const seen: unknown[] = [];
    pubSub.subscribe('MATCH-b', (p) => seen.push(p));
    for (let i = 0; i < 5; i++) pubSub.publish('MATCH-b', i);
    await new Promise((r) => setImmediate(r));
    pubSub.unsubscribeAll('MATCH-b');
    pubSub.publish('MATCH-b', 99);
    await new Promise((r) => setImmediate(r));
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});
