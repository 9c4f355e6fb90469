import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { transcriptOf, type Transcript } from '../../src/sim/run/transcript.js';
import { GOLDEN_SEEDS } from '../golden/seeds.js';

const rules = defaultRules();

describe('golden transcripts', () => {
  for (const seed of GOLDEN_SEEDS) {
    test(`seed ${seed} still plays exactly as recorded (run "npm run golden" after a deliberate rules change)`, () => {
      const golden = JSON.parse(readFileSync(new URL(`../golden/${seed}.json`, import.meta.url), 'utf8')) as Transcript;
      const now = transcriptOf(rules, seed);
      expect(now.lines).toEqual(golden.lines);
      expect(now.finalHash).toBe(golden.finalHash);
      expect(now.rulesHash).toBe(golden.rulesHash);
    });
  }
});
