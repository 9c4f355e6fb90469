/** Reading and writing match files: text in, a typed match or a one-line error out. Pure. */
import type { z } from 'zod';
import { err, ok, type Result } from '../engine/index.js';
import { MATCH_FORMAT, MATCH_VERSION, matchFileSchema, type MatchFile } from './schema.js';

function describe(issue: z.core.$ZodIssue, data: unknown): string {
  const path = issue.path.map(String);
  if (path[0] === 'actions' && path.length >= 2) {
    const n = Number(path[1]) + 1;
    const rest = path.slice(2).join('.');
    return `action ${n}${rest ? ` (field "${rest}")` : ''}: ${issue.message}`;
  }
  if (path[0] === 'version' && typeof data === 'object' && data !== null) {
    return `field "version": this program reads version ${MATCH_VERSION}, the file says ${JSON.stringify((data as Record<string, unknown>).version)}`;
  }
  return `field "${path.length ? path.join('.') : '(top level)'}": ${issue.message}`;
}

/** Validates an already-parsed JSON value as a match file. */
export function validateMatch(data: unknown): Result<MatchFile> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return err('not a match file: expected a JSON object');
  if ((data as Record<string, unknown>).format !== MATCH_FORMAT) return err(`not a match file: field "format" must be "${MATCH_FORMAT}"`);
  const parsed = matchFileSchema.safeParse(data);
  if (!parsed.success) return err(describe(parsed.error.issues[0]!, data));
  const match = parsed.data as MatchFile;
  let previous = 0;
  for (const [i, h] of match.roundHashes.entries()) {
    if (h.afterAction > match.actions.length)
      return err(`field "roundHashes.${i}.afterAction": action ${h.afterAction} is past the last action (${match.actions.length})`);
    if (h.afterAction < previous) return err(`field "roundHashes.${i}.afterAction": round hashes must be in play order`);
    previous = h.afterAction;
  }
  return ok(match);
}

/** Parses match-file text (JSON); a malformed or hand-broken file gives a one-line error. */
export function parseMatch(text: string): Result<MatchFile> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return err(`not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  return validateMatch(data);
}

/** Writes a match as JSON text: one action per line, so a diff shows which action changed. */
export function serializeMatch(match: MatchFile): string {
  const { actions, roundHashes, ...head } = match;
  const headJson = JSON.stringify(head, null, 2).slice(0, -2);
  const list = (items: unknown[]) => (items.length ? '[\n' + items.map((x) => '    ' + JSON.stringify(x)).join(',\n') + '\n  ]' : '[]');
  return `${headJson},\n  "actions": ${list(actions)},\n  "roundHashes": ${list(roundHashes)}\n}\n`;
}
