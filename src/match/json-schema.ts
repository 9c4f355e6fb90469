/** The match format as a JSON Schema (draft 2020-12), generated from the zod schema. Pure. */
import { z } from 'zod';
import { matchFileSchema } from './schema.js';

/** The text of rules/match.schema.json. */
export function matchJsonSchemaText(): string {
  const schema = z.toJSONSchema(matchFileSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return JSON.stringify(schema, null, 2) + '\n';
}
