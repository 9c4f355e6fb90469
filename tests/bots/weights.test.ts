import { describe, expect, test } from 'vitest';
import raw from '../../rules/bots.json' with { type: 'json' };
import { defaultBotWeights, parseBotWeights } from '../../src/bots/index.js';

describe('bot weights in rules/bots.json', () => {
  test('the shipped weights are valid', () => {
    expect(parseBotWeights(raw).ok).toBe(true);
    expect(defaultBotWeights().hard.iterations).toBeGreaterThan(0);
  });

  test('a bad weight gives a one-line error naming the file and the field', () => {
    const bad = structuredClone(raw) as { evaluation: Record<string, unknown> };
    bad.evaluation.regions = 'lots';
    const parsed = parseBotWeights(bad);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(/^bots\.json: field "evaluation\.regions": /);
      expect(parsed.error).not.toContain('\n');
    }
  });

  test('an unknown field is refused', () => {
    const parsed = parseBotWeights({ ...structuredClone(raw), extra: 1 });
    expect(parsed.ok).toBe(false);
  });

  test('a weights file that omits the search and the horizon gets what rules/bots.json ships (the schema defaults equal it)', () => {
    const lean = structuredClone(raw) as { hard: Record<string, unknown> };
    delete lean.hard.search;
    delete lean.hard.horizon;
    const parsed = parseBotWeights(lean);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.hard.search).toBe(defaultBotWeights().hard.search);
    expect(parsed.value.hard.horizon).toBe(defaultBotWeights().hard.horizon);
    expect(parsed.value).toEqual(defaultBotWeights());
  });
});
