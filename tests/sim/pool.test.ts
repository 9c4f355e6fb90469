import { afterAll, describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { rulesFromVariant } from '../../src/sim/cli/variant.js';
import { runChunk } from '../../src/sim/run/chunk.js';
import type { RunPlan } from '../../src/sim/run/game-record.js';
import { GamePool } from '../../src/sim/run/pool.js';
import { chunks } from '../../src/sim/run/runner.js';

const shipped = defaultRules();
const loaded = rulesFromVariant({ 'game.json': { tracks: { tariffs: { start: 2 } } } }, 'tariffs.json');
if (!loaded.ok) throw new Error(loaded.error);
const variant = loaded.value;
const plan: RunPlan = { seed: 'pool', bots: ['random', 'random', 'random'], rotate: false, saveMatches: false };
const single: RunPlan = { seed: 'pool-single', bots: ['single-release', 'random', 'random'], rotate: true, saveMatches: false };

describe('the game pool', () => {
  const pool = new GamePool(2);
  afterAll(() => pool.close());

  test('two threads play chunks of runs under two rule sets, interleaved, exactly as this thread does', async () => {
    const asked = [
      { rules: shipped, plan, from: 0, to: 5 },
      { rules: variant, plan, from: 0, to: 5 },
      { rules: shipped, plan: single, from: 3, to: 6 },
      { rules: variant, plan, from: 5, to: 8 },
      { rules: shipped, plan, from: 5, to: 8 },
    ];
    const results = await Promise.all(asked.map((c) => pool.play(c)));
    for (const [i, c] of asked.entries()) {
      const here = runChunk(c.rules, c.plan, { from: c.from, to: c.to });
      expect(results[i]?.records.map((r) => r.hash)).toEqual(here.records.map((r) => r.hash));
      expect(results[i]?.from).toBe(c.from);
    }
    // The variant changes the games: the pool kept the two rule sets apart.
    expect(results[1]?.records.map((r) => r.hash)).not.toEqual(results[0]?.records.map((r) => r.hash));
  });

  test('a chunk with a higher priority is played before the chunks waiting (not the one in play), and cancelled chunks resolve with null', async () => {
    const here = new GamePool(1);
    const order: string[] = [];
    const play = (name: string, from: number, priority: number) =>
      here.play({ rules: shipped, plan, from, to: from + 1 }, priority).then((r) => {
        if (r) order.push(name);
        return r;
      });
    const all = [play('a', 0, 0), play('b', 1, 0), play('urgent', 2, 1), play('c', 3, 0)];
    expect(here.waiting).toBe(3);
    const results = await Promise.all(all);
    expect(order).toEqual(['a', 'urgent', 'b', 'c']);
    expect(results.every((r) => r !== null)).toBe(true);
    const cancelled = [play('d', 4, 0), play('e', 5, 0), play('f', 6, 0)];
    here.cancelQueued();
    const [inPlay, ...rest] = await Promise.all(cancelled);
    expect(inPlay?.from).toBe(4);
    expect(rest).toEqual([null, null]);
    await here.close();
    await expect(here.play({ rules: shipped, plan, from: 0, to: 1 })).rejects.toThrow(/closed/);
  });

  test('a run is cut into chunks of consecutive games that cover it once, no larger than asked', () => {
    const parts = chunks(75, 600, 2, 12);
    expect(parts[0]?.from).toBe(75);
    expect(parts.at(-1)?.to).toBe(600);
    for (const [i, p] of parts.entries()) {
      expect(p.to - p.from).toBeLessThanOrEqual(12);
      if (i > 0) expect(p.from).toBe(parts[i - 1]?.to);
    }
  });
});
