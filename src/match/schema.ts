/**
 * The match-file format (version 1): one recorded match, written by the simulator, the browser
 * and the server alike. Pure: zod only, no Node import. `rules/match.schema.json` is generated
 * from `matchFileSchema` (`npm run match-schema`), so the two never disagree.
 */
import { z } from 'zod';
import { ACTION_TYPES, FACTIONS, parseAction, type Action, type FactionId } from '../engine/index.js';

/** The value of the `format` field: says what the file is. */
export const MATCH_FORMAT = 'gigawatt-match' as const;
/** The format version this code writes and reads. */
export const MATCH_VERSION = 1 as const;

const hash = z.string().regex(/^[0-9a-f]{24}$/, 'expected a 24-hex-digit hash');
const seat = z.enum(FACTIONS);

/** Who plays a seat: a person (optionally named) or a bot of some level. */
const seatPlayerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), name: z.string().max(64).optional() }).strict(),
  z.object({ kind: z.literal('bot'), level: z.string().min(1).max(32) }).strict(),
]);

/** An action as the engine's `Action` union; its fields are checked by the engine's `parseAction`. */
const actionSchema = z
  .object({ type: z.enum(ACTION_TYPES) })
  .catchall(z.unknown())
  .superRefine((value, ctx) => {
    const parsed = parseAction(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
  })
  .meta({ description: 'An engine action: { "type": one of the action types, plus its fields } (see src/engine/actions.ts).' });

/** One decision, in play order. */
const matchActionSchema = z.object({ seat, action: actionSchema }).strict();

/** The state hash after the action that ended a round (1-based action number). */
const roundHashSchema = z
  .object({
    round: z.int().min(1).max(99),
    afterAction: z.int().min(0),
    hash,
  })
  .strict();

/** An event the teacher injected (see src/engine/news.ts), after this many actions (0: before the first). */
const newsSchema = z
  .object({
    afterAction: z.int().min(0),
    event: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'expected an event id'),
  })
  .strict();

/** How the recorded game ended (informative; the replay recomputes it). */
const matchResultSchema = z
  .object({
    reason: z.enum(['rounds', 'frontier', 'catastrophe']),
    winner: seat.nullable(),
    vp: z.object({ us: z.int(), china: z.int(), eu: z.int() }).strict(),
  })
  .strict();

/** A whole match file. */
export const matchFileSchema = z
  .object({
    format: z.literal(MATCH_FORMAT).meta({ description: 'Always "gigawatt-match".' }),
    version: z.literal(MATCH_VERSION).meta({ description: 'Format version; readers refuse versions they do not know.' }),
    rulesHash: hash.meta({ description: 'Hash of the rules the match was played under (Rules.hash); a replay under other rules is refused.' }),
    seed: z.string().min(1).max(200).meta({ description: 'The match seed given to createInitialState.' }),
    seats: z.object({ us: seatPlayerSchema, china: seatPlayerSchema, eu: seatPlayerSchema }).strict().meta({ description: 'Who played each faction.' }),
    actions: z.array(matchActionSchema).max(5000).meta({ description: 'Every action, in play order, with the seat that took it.' }),
    news: z
      .array(newsSchema)
      .max(100)
      .optional()
      .meta({ description: "Events the teacher injected (a class's news), in order, each after the action it followed; absent if none." }),
    roundHashes: z.array(roundHashSchema).max(99).meta({ description: 'stateHash after the action that ended each round (or the game), in order.' }),
    finalHash: hash.meta({ description: 'stateHash after the last action.' }),
    result: matchResultSchema.nullable().optional().meta({ description: 'How the game ended (informative), null or absent if unfinished.' }),
    createdBy: z.string().max(64).optional().meta({ description: 'What wrote the file: "sim", "browser", "server"...' }),
  })
  .strict()
  .meta({
    title: 'Gigawatt match file',
    description: 'A recorded Gigawatt match: rules hash, seed, seats, every action in order, state hashes. See docs/match-files.md.',
  });

/** Who plays a seat. */
export type SeatPlayer = z.infer<typeof seatPlayerSchema>;
/** One recorded decision. */
export interface MatchAction {
  seat: FactionId;
  action: Action;
}
/** An injected event and where it came among the actions. */
export type MatchNews = z.infer<typeof newsSchema>;
/** A state hash at the end of a round. */
export type RoundHash = z.infer<typeof roundHashSchema>;
/** How a recorded game ended. */
export type MatchResult = z.infer<typeof matchResultSchema>;
/** A whole match file, with its actions typed as engine actions. */
export type MatchFile = Omit<z.infer<typeof matchFileSchema>, 'actions'> & { actions: MatchAction[] };
