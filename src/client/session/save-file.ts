/**
 * Save files: a solo save written out as a match file (the format of rules/match.schema.json,
 * the one the simulator, the server and the replay viewer share), and a match file read back as
 * a solo save. A hand-edited or broken file is refused with what is wrong in words, in every
 * language (the catalogue's `import.*` keys). Pure: no DOM, no storage.
 */
import type { z } from 'zod';
import { BOT_LEVELS, type BotLevel } from '../../bots/index.js';
import {
  FACTIONS,
  activeSeat,
  applyActionInPlace,
  createInitialState,
  inEveryLang,
  isOneOf,
  reasonText,
  type FactionId,
  type Rules,
  type Text,
  type TextKey,
  type TextParams,
} from '../../engine/index.js';
import { MATCH_FORMAT, MATCH_VERSION, matchFileSchema, replayMatch, validateMatch, type MatchFile } from '../../match/index.js';
import { translate } from '../i18n/i18n.js';
import { seatsOf } from './local-session.js';
import { PlayedGame } from './played-game.js';
import type { SoloSave } from './solo-save.js';

/** A save read from a file: the save, the round it has reached and the seat of the person. */
export interface ImportedSave {
  save: SoloSave;
  round: number;
}

/** What reading a save file gave: the save, or what is wrong with the file in every language. */
export type ImportResult = { ok: true; value: ImportedSave } | { ok: false; problem: Text };

/** The match-file text of a solo save (its actions replayed; those the rules refuse now are left out). */
export function saveToMatchText(rules: Rules, save: SoloSave): string {
  const game = new PlayedGame(rules, save.seed, seatsOf(save));
  for (const a of save.actions) if (game.apply(a.seat, a.action)) break;
  return game.matchText();
}

/** The file name of an exported save. */
export function saveFileName(save: SoloSave): string {
  return `gigawatt-${save.seed}-${save.actions.length}.json`;
}

const problem = (key: TextKey, params?: TextParams): ImportResult => ({
  ok: false,
  problem: inEveryLang((lang) => translate(lang, 'import.bad', { problem: translate(lang, key, params) })),
});

/** A field's path as the file writes it (`seats.us.level`), actions numbered from 1 as on screen (`action 3`). */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(top level)';
}

/** Is there a value at `path` in `data`? */
function present(data: unknown, path: readonly PropertyKey[]): boolean {
  let at: unknown = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return false;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at !== undefined;
}

/** The first schema problem of `data`, in words. */
function schemaProblem(issue: z.core.$ZodIssue, data: unknown): ImportResult {
  const path = issue.path;
  if (path[0] === 'actions' && typeof path[1] === 'number') {
    const n = path[1] + 1;
    if (issue.code === 'custom') return problem('import.actionBad', { n, detail: issue.message });
    return problem('import.actionField', { n, field: fieldName(path.slice(2)) || 'seat' });
  }
  const field = fieldName(path);
  if (issue.code === 'invalid_type' && !present(data, path)) return problem('import.missing', { field });
  if (issue.code === 'unrecognized_keys') return problem('import.unknownField', { field: issue.keys.map((k) => fieldName([...path, k])).join(', ') });
  if (issue.code === 'invalid_type') return problem('import.wrongType', { field, expected: issue.expected });
  return problem('import.badValue', { field });
}

/** Which seat the person plays and the bots' levels, from the file's seats. */
function seatsToSave(match: MatchFile): ImportResult | { human: FactionId | null; levels: Record<FactionId, BotLevel> } {
  const people = FACTIONS.filter((f) => match.seats[f].kind === 'person');
  if (people.length > 1) return problem('import.people', { n: people.length });
  const levels = {} as Record<FactionId, BotLevel>;
  for (const f of FACTIONS) {
    const seat = match.seats[f];
    if (seat.kind === 'person') levels[f] = 'medium';
    else if (isOneOf(BOT_LEVELS, seat.level)) levels[f] = seat.level;
    else return problem('import.level', { seat: f, level: seat.level, levels: BOT_LEVELS.join(', ') });
  }
  return { human: people[0] ?? null, levels };
}

/**
 * Reads a save file: JSON, a match file of this format and version, the seats a solo game can
 * have, recorded under these rules, every action legal in turn, and the recorded fingerprints
 * (round and final hashes) matching the replay, so a hand-edited file cannot pass unnoticed.
 */
export function importSave(rules: Rules, text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return problem('import.notJson', { detail: (error as Error).message.split('\n')[0] ?? '' });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || (data as Record<string, unknown>).format !== MATCH_FORMAT)
    return problem('import.notMatch', { format: MATCH_FORMAT });
  const version = (data as Record<string, unknown>).version;
  if (version !== MATCH_VERSION) return problem('import.version', { found: JSON.stringify(version) ?? '—', ours: MATCH_VERSION });
  const parsed = matchFileSchema.safeParse(data);
  if (!parsed.success) return schemaProblem(parsed.error.issues[0]!, data);
  const valid = validateMatch(data);
  if (!valid.ok) return problem('import.other', { detail: valid.error });
  const match = valid.value;
  const seats = seatsToSave(match);
  if ('ok' in seats) return seats;
  if (match.rulesHash !== rules.hash) return problem('import.rules', { file: match.rulesHash, ours: rules.hash });
  const state = createInitialState(rules, match.seed);
  for (const [i, { seat, action }] of match.actions.entries()) {
    const n = i + 1;
    const turn = activeSeat(state);
    if (turn === null) return problem('import.afterEnd', { n });
    if (turn !== seat) return problem('import.notTurn', { n, seat, faction: turn });
    const refused = applyActionInPlace(rules, state, seat, action);
    if (refused) return problem('import.refused', { n, reason: inEveryLang((lang) => reasonText(rules, refused, lang)) });
  }
  const verified = replayMatch(rules, match, { verify: true });
  if (!verified.ok) return problem('import.edited', { n: verified.action });
  const save: SoloSave = {
    version: 1,
    rulesHash: rules.hash,
    seed: match.seed,
    human: seats.human,
    levels: seats.levels,
    actions: match.actions.map((a) => ({ ...a })),
  };
  return { ok: true, value: { save, round: state.round } };
}
