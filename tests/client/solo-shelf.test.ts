import { describe, expect, test } from 'vitest';
import { SHELF_SIZE, shelfStore, type SoloSave } from '../../src/client/session/solo-save.js';

/** A Storage in memory. */
function storage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const save = (seed: string): SoloSave => ({
  version: 1,
  rulesHash: 'h',
  seed,
  human: 'us',
  levels: { us: 'medium', china: 'medium', eu: 'medium' },
  actions: [{ seat: 'us', action: { type: 'collect' } }],
});

describe('the games put aside', () => {
  test('a game put aside comes back whole, newest first, and leaves the shelf when taken', () => {
    const s = storage();
    const shelf = shelfStore(s);
    shelf.put(save('a'), 1);
    shelf.put(save('b'), 2);
    expect(shelf.list().map((g) => [g.save.seed, g.at])).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    expect(shelf.take(1)).toEqual(save('a'));
    expect(shelf.list().map((g) => g.save.seed)).toEqual(['b']);
    expect(shelf.take(5)).toBeNull();
  });

  test('only the last few are kept, and a damaged shelf reads as empty', () => {
    const s = storage();
    const shelf = shelfStore(s);
    for (let i = 0; i < SHELF_SIZE + 2; i++) shelf.put(save(`g${i}`), i);
    expect(shelf.list()).toHaveLength(SHELF_SIZE);
    expect(shelf.list()[0]?.save.seed).toBe(`g${SHELF_SIZE + 1}`);
    s.data.set('gigawatt.solo.shelf.v1', '{not json');
    expect(shelf.list()).toEqual([]);
  });
});
