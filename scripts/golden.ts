/** Regenerates the golden transcripts in tests/golden/ (run after a deliberate rules change, then review the diff). */
import { writeFileSync } from 'node:fs';
import { defaultRules } from '../src/engine/rules/default-rules.js';
import { GOLDEN_SEEDS } from '../tests/golden/seeds.js';
import { transcriptOf } from '../src/sim/run/transcript.js';

const rules = defaultRules();
for (const seed of GOLDEN_SEEDS) {
  const file = new URL(`../tests/golden/${seed}.json`, import.meta.url);
  writeFileSync(file, JSON.stringify(transcriptOf(rules, seed), null, 1) + '\n');
  process.stdout.write(`wrote tests/golden/${seed}.json\n`);
}
