/**
 * `npm run bench:bots`: bot speed on ~30 seeded positions, as JSON (run with NODE_ENV=production).
 * `--medium [passes]`: only the medium policy beside the engine (bench/bots.ts `measureMedium`), quick.
 */
import { defaultRules } from '../src/engine/rules/default-rules.js';
import { measureBots, measureMedium, samplePositions } from '../src/sim/bench/bots.js';

const rules = defaultRules();
const medium = process.argv.indexOf('--medium');
const result = medium >= 0 ? measureMedium(rules, samplePositions(rules), Number(process.argv[medium + 1] ?? 15) || 15) : measureBots(rules);
process.stdout.write(JSON.stringify({ nodeEnv: process.env.NODE_ENV ?? null, ...result }, null, 2) + '\n');
