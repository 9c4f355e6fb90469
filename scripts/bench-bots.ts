/** `npm run bench:bots`: bot speed on ~30 seeded positions, as JSON (run with NODE_ENV=production). */
import { defaultRules } from '../src/engine/rules/default-rules.js';
import { measureBots } from '../src/sim/bench/bots.js';

process.stdout.write(JSON.stringify({ nodeEnv: process.env.NODE_ENV ?? null, ...measureBots(defaultRules()) }, null, 2) + '\n');
