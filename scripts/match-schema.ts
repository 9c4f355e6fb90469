/** Writes rules/match.schema.json from the match-file zod schema (`npm run match-schema`); a test checks it is current. */
import { writeFileSync } from 'node:fs';
import { matchJsonSchemaText } from '../src/match/json-schema.js';

const file = new URL('../rules/match.schema.json', import.meta.url);
writeFileSync(file, matchJsonSchemaText());
process.stdout.write('wrote rules/match.schema.json\n');
