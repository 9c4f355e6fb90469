import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { matchJsonSchemaText } from '../../src/match/json-schema.js';

test('rules/match.schema.json is the schema generated from the zod match format (run npm run match-schema)', () => {
  expect(readFileSync(new URL('../../rules/match.schema.json', import.meta.url), 'utf8')).toBe(matchJsonSchemaText());
});
