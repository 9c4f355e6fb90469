/**
 * Where a request goes, decided once at the edge. A path is normalised the way a permissive
 * router would match it (percent-decoding, case of the fixed words, duplicate and trailing
 * slashes) before any access decision, and every request under /api or /games must be one of
 * the routes below, with ids of the shapes the server issues. Anything else is refused here,
 * so no later code ever sees an odd spelling of a path.
 */
import { HttpError } from './http.js';

/** The class API actions (after the class code). */
const CLASS_ACTIONS = [
  'join',
  'rejoin',
  'qr.svg',
  'console',
  'start',
  'pause',
  'resume',
  'close',
  'reopen',
  'end',
  'extend',
  'seat',
  'remove',
  'debrief',
  'export.csv',
  'matches.json',
  'delete',
  'discuss',
  'continue',
  'news',
] as const;
export type ClassAction = (typeof CLASS_ACTIONS)[number];

/** The lobby actions on one match. */
const LOBBY_ACTIONS = ['join', 'leave', 'update', 'rename', 'playAgain'] as const;
export type LobbyAction = (typeof LOBBY_ACTIONS)[number];

/** A request the server handles, with its parameters already checked. */
export type Route =
  | { kind: 'health' }
  | { kind: 'class.create' }
  | { kind: 'class'; code: string; action: ClassAction | null }
  | { kind: 'lobby.games' }
  | { kind: 'lobby.list'; game: string }
  | { kind: 'lobby.create'; game: string }
  | { kind: 'lobby.match'; game: string; matchID: string }
  | { kind: 'lobby.write'; game: string; matchID: string; action: LobbyAction }
  | { kind: 'other' };

/** A class code as issued (letters and digits), compared case-insensitively. */
const CLASS_CODE = /^[A-Za-z0-9]{1,12}$/;
/** A match id as issued (base64url tokens, nanoid). */
const MATCH_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A game name as registered. */
const GAME_NAME = /^[a-z0-9_-]{1,32}$/;

/** Is this a match id of the shape the server issues? */
export function isMatchID(value: unknown): value is string {
  return typeof value === 'string' && MATCH_ID.test(value);
}

/**
 * The path's segments, percent-decoded, with empty segments (duplicate or trailing slashes)
 * dropped. A segment that does not decode, or decodes to a separator, a dot segment or a control
 * character, is refused: no router may read it differently from us.
 */
function pathSegments(rawPath: string): string[] {
  const out: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, 'Malformed path (bad percent-encoding).');
    }
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
    if (segment === '.' || segment === '..' || /[/\\\u0000-\u001f\u007f]/.test(segment)) throw new HttpError(400, 'Malformed path.');
    out.push(segment);
  }
  return out;
}

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  const lower = value.toLowerCase();
  return list.find((item) => item.toLowerCase() === lower);
}

const notFound = () => new HttpError(404, 'Not found.');

/**
 * The route of a request path. Throws an `HttpError` (400 malformed, 404 unknown) for any path
 * under /api or /games that is not exactly one of the server's routes; other paths are `other`
 * (the built client). Methods are checked by the handlers.
 */
export function routeOf(rawPath: string): Route {
  const parts = pathSegments(rawPath);
  const head = parts[0]?.toLowerCase();
  if (head === 'api') return classRoute(parts);
  if (head === 'games') return lobbyRoute(parts);
  return { kind: 'other' };
}

function classRoute(parts: string[]): Route {
  if (parts[1]?.toLowerCase() === 'health' && parts.length === 2) return { kind: 'health' };
  if (parts[1]?.toLowerCase() !== 'classes' || parts.length > 4) throw notFound();
  const code = parts[2];
  if (code === undefined) return { kind: 'class.create' };
  if (!CLASS_CODE.test(code)) throw new HttpError(404, 'No class with that code.');
  if (parts[3] === undefined) return { kind: 'class', code: code.toUpperCase(), action: null };
  const action = oneOf(CLASS_ACTIONS, parts[3]);
  if (!action) throw notFound();
  return { kind: 'class', code: code.toUpperCase(), action };
}

function lobbyRoute(parts: string[]): Route {
  if (parts.length === 1) return { kind: 'lobby.games' };
  const game = parts[1]?.toLowerCase() ?? '';
  if (!GAME_NAME.test(game) || parts.length > 4) throw notFound();
  if (parts.length === 2) return { kind: 'lobby.list', game };
  const id = parts[2] ?? '';
  if (parts.length === 3 && id.toLowerCase() === 'create') return { kind: 'lobby.create', game };
  if (!MATCH_ID.test(id)) throw new HttpError(404, 'No such match.');
  if (parts.length === 3) return { kind: 'lobby.match', game, matchID: id };
  const action = oneOf(LOBBY_ACTIONS, parts[3]);
  if (!action) throw notFound();
  return { kind: 'lobby.write', game, matchID: id, action };
}
