/**
 * The shape of everything a client may send: every HTTP body (class API and lobby) and every
 * socket payload. Objects are strict (an unknown field is refused, never carried along), strings
 * and arrays are bounded, seats are the game's own ids. Written once; the gate and the socket
 * guard parse with these before any decision.
 */
import { z } from 'zod';
import { BOT_LEVELS } from '../bots/index.js';
import { FACTIONS } from '../engine/index.js';
import { PRESET_IDS } from '../engine/rules/presets.js';
import { DISCUSSION_PRESETS, MAX_PROMPT } from '../protocol/classroom.js';
import { HttpError } from './http.js';

/** A seat as boardgame.io names it. */
const PLAYER_ID = z.enum(['0', '1', '2']);
/** A seat as the class API names it. */
const SEAT = z.enum(FACTIONS);
/** A secret the server issued (tokens are base64url). */
const TOKEN = z.string().min(1).max(100);
/** A person's name before sanitising (the server trims it to 24 characters). */
const NAME = z.string().max(100);
const TABLE_NO = z.number().int().min(0).max(99);

/** POST /api/classes: the teacher's hosting form (values checked further by `parseClassSettings`). */
export const createClassBody = z.strictObject({
  tables: z.number().optional(),
  seedMode: z.string().max(20).optional(),
  seed: z.string().max(100).nullable().optional(),
  botLevel: z.enum(BOT_LEVELS).optional(),
  turnSeconds: z.number().optional(),
  lang: z.string().max(5).optional(),
  /** A class experiment: the tables' conditions, given in turn (only known preset ids). */
  conditions: z.array(z.enum(PRESET_IDS)).min(1).max(14).optional(),
});

/** POST /api/classes/:code/join. `invite`: the seat's link token, needed for a seat someone holds. */
export const joinClassBody = z.strictObject({
  name: NAME,
  table: TABLE_NO.nullable().optional(),
  seat: SEAT.nullable().optional(),
  invite: TOKEN.nullable().optional(),
});

/** POST /api/classes/:code/rejoin. */
export const rejoinClassBody = z.strictObject({ deviceToken: TOKEN });

/** POST /api/classes/:code/{start,pause,resume,close,reopen,end}: no fields. */
export const emptyBody = z.strictObject({});

/** POST /api/classes/:code/discuss: a preset prompt, or the teacher's own text (exactly one). */
export const discussBody = z
  .strictObject({ preset: z.enum(DISCUSSION_PRESETS).optional(), text: z.string().min(1).max(MAX_PROMPT).optional() })
  .refine((b) => (b.preset === undefined) !== (b.text === undefined), { message: 'give either preset or text' });

/** POST /api/classes/:code/news: an event or news id, at one table or (no table) every table. */
export const newsBody = z.strictObject({
  event: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-zA-Z0-9]*$/, 'expected an event id'),
  table: TABLE_NO.nullable().optional(),
});

/** POST /api/classes/:code/delete: the teacher confirms by typing the class code. */
export const deleteClassBody = z.strictObject({ confirm: z.string().min(1).max(12) });

/** POST /api/classes/:code/extend. */
export const extendBody = z.strictObject({ seconds: z.number(), table: TABLE_NO.nullable().optional() });

/** POST /api/classes/:code/seat. */
export const seatModeBody = z.strictObject({ table: TABLE_NO, seat: SEAT, mode: z.enum(['bot', 'person']) });

/** POST /api/classes/:code/remove: the teacher takes one device off a seat. */
export const removeDeviceBody = z.strictObject({ table: TABLE_NO, seat: SEAT, person: z.string().min(1).max(40) });

/** Small player data a lobby player may attach (a flat object of short scalars). */
const PLAYER_DATA = z.record(z.string().max(40), z.union([z.string().max(200), z.number(), z.boolean(), z.null()])).refine((d) => Object.keys(d).length <= 16, {
  message: 'at most 16 fields',
});

/** POST /games/:game/create. Gigawatt is a three-seat game and the server alone chooses seeds. */
export const lobbyCreateBody = z.strictObject({
  numPlayers: z.literal(3).optional(),
  unlisted: z.boolean().optional(),
  setupData: z.strictObject({}).optional(),
});

/** POST /games/:game/:id/join. */
export const lobbyJoinBody = z.strictObject({
  playerID: PLAYER_ID.nullable().optional(),
  playerName: NAME,
  data: PLAYER_DATA.optional(),
});

/** POST /games/:game/:id/leave. */
export const lobbyLeaveBody = z.strictObject({ playerID: PLAYER_ID, credentials: TOKEN });

/** POST /games/:game/:id/update (and the old /rename). */
export const lobbyUpdateBody = z.strictObject({
  playerID: PLAYER_ID,
  credentials: TOKEN,
  newName: NAME.optional(),
  data: PLAYER_DATA.optional(),
});

/** POST /games/:game/:id/playAgain. */
export const lobbyPlayAgainBody = z.strictObject({
  playerID: PLAYER_ID,
  credentials: TOKEN,
  numPlayers: z.literal(3).optional(),
  unlisted: z.boolean().optional(),
  setupData: z.strictObject({}).optional(),
});

/** An optional query value of 1 to `most` decimal digits. */
const digits = (most: number) =>
  z
    .string()
    .regex(new RegExp(`^\\d{1,${most}}$`))
    .optional();

/** GET /games/:game query: filters and paging. */
export const lobbyListQuery = z.strictObject({
  isGameover: z.enum(['true', 'false']).optional(),
  updatedBefore: digits(15),
  updatedAfter: digits(15),
  limit: digits(3),
  page: digits(6),
});

/** Socket `sync`: [matchID, playerID?, credentials?, numPlayers?]. */
export const syncArgs = z.tuple([z.string(), PLAYER_ID.nullable().optional(), TOKEN.nullable().optional(), z.number().int().optional()]);

/** Socket `update`: [action, stateID, matchID, playerID]. The move's own arguments are parsed by the engine. */
export const updateArgs = z.tuple([
  z.strictObject({
    type: z.literal('MAKE_MOVE'),
    payload: z.strictObject({
      type: z.string().max(40),
      args: z.array(z.unknown()).max(1).optional(),
      playerID: PLAYER_ID,
      credentials: TOKEN,
    }),
  }),
  z.number().int().min(0),
  z.string(),
  PLAYER_ID,
]);

/** Socket `chat`: [matchID, { id, sender, payload }, credentials]. */
export const chatArgs = z.tuple([z.string(), z.strictObject({ id: z.string().max(40), sender: PLAYER_ID, payload: z.string().max(2000) }), TOKEN]);

/** The first problem of a failed parse, as one sentence naming the field. */
export function describeProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid input.';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  if (issue.code === 'unrecognized_keys')
    return `${where}unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
  return `${where}${issue.message}`;
}

/** Parses a request body with `schema`, or throws a 400 naming the first problem. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, describeProblem(parsed.error));
  return parsed.data;
}
