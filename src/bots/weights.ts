/**
 * The bots' tunable numbers (evaluation weights, faction priorities, search budget), as data
 * in rules/bots.json, validated on load into a typed structure with one-line errors.
 */
import { z } from 'zod';
import raw from '../../rules/bots.json' with { type: 'json' };
import { ACTION_TYPES, FACTIONS, err, ok, type Result } from '../engine/index.js';

const num = z.number().finite();
const nonNeg = z.number().finite().min(0);
const bias = z.partialRecord(z.enum(ACTION_TYPES), num);

/** Evaluation weights (see evaluate.ts for how each is used). */
const evaluationSchema = z
  .object({
    /** Weight of the current region prizes, per scoring still to come. */
    regions: nonNeg,
    /** Weight of the current agenda points, per scoring still to come. */
    agenda: nonNeg,
    /** VP per $B at the end of the game. */
    moneyEnd: nonNeg,
    /** Extra VP per $B at the start (money spent well is worth more early). */
    moneyEarly: nonNeg,
    /** Weight of net income over the rounds left. */
    income: nonNeg,
    /** VP per capability level. */
    capability: nonNeg,
    /** VP per level the faction's compute will still buy. */
    capabilityPotential: nonNeg,
    /** Share of future compute production counted as usable. */
    computeUse: nonNeg,
    /** Share of a free GPU slot's compute counted as if it were filled. */
    slotUse: nonNeg,
    /** Share of a free GPU slot's compute counted in the compute race (a data center built now, before its chips). */
    slotRace: nonNeg,
    /** Share of China's future compute each export-control level takes away (fewer chips, no rented cloud). */
    exportControlDrag: z.number().finite().min(0).max(0.33),
    /** Share of an unclaimed race prize counted when within reach. */
    raceChance: nonNeg,
    /** VP per influence cube (flexibility beyond the majorities). */
    influence: nonNeg,
    /** Weight of the best rival's projection in the utility. */
    rivalMax: nonNeg,
    /** Weight of the rivals' mean projection in the utility. */
    rivalMean: nonNeg,
    /** Risk level up to which risk costs nothing. */
    riskFree: nonNeg,
    /** Penalty per squared Risk step above riskFree. */
    risk: nonNeg,
    /** Share of the coming upkeep's Risk drift (set by the top capability) counted as Risk already. */
    riskDrift: z.number().finite().min(0).max(1),
    /** Risk at which the game ends in catastrophe (every faction loses). */
    catastropheRisk: z.number().int().min(1),
    /** VP scale of the logistic that turns a projected margin into a search reward. */
    temperature: z.number().finite().positive(),
  })
  .strict();

const factionSchema = z.object({ bias, evaluation: evaluationSchema.partial().optional() }).strict();

/** The zod schema of rules/bots.json. */
export const botWeightsSchema = z
  .object({
    evaluation: evaluationSchema,
    /** Per faction: priorities (added to an action type's value) and evaluation overrides. */
    factions: z.object(Object.fromEntries(FACTIONS.map((id) => [id, factionSchema])) as Record<(typeof FACTIONS)[number], typeof factionSchema>).strict(),
    medium: z.object({ releaseCombos: z.number().int().min(1), alternatives: z.number().int().min(1).max(10) }).strict(),
    hard: z
      .object({
        /** `rollouts`: paired medium-policy rollouts to a horizon (rollout.ts); `mcts`: tree search cut off by the evaluation (mcts.ts). */
        search: z.enum(['rollouts', 'mcts']).default('rollouts'),
        /** Budget: rollouts (search `rollouts`) or tree iterations (search `mcts`). */
        iterations: z.number().int().min(1),
        /** Where a rollout stops and the position is judged. */
        horizon: z.enum(['round', 'scoring', 'game']).default('scoring'),
        rootWidth: z.number().int().min(1),
        exploration: nonNeg,
        widening: z.number().finite().positive(),
        /** Moves of the medium policy played after the tree, before the evaluation cuts off. */
        playoutDepth: z.number().int().min(0),
        /** Stop the playout at the searching seat's next turn. */
        playoutToTurn: z.boolean(),
        /** Weight, in virtual visits, of a root action's one-step value before the search. */
        priorVisits: nonNeg,
        /**
         * The hard bot's own judgement: evaluation weights and faction priorities that replace
         * the shared ones when it searches (tuned by playing against the medium bot).
         */
        judgement: z
          .object({
            evaluation: evaluationSchema.partial().optional(),
            factions: z.partialRecord(z.enum(FACTIONS), factionSchema.partial()).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    /**
     * The expert level: the hard bot's rollout search (its judgement included) with a larger
     * budget, a wider root and its own horizon.
     */
    expert: z
      .object({
        /** Rollouts a decision. */
        iterations: z.number().int().min(1),
        /** The medium policy's best candidates the search tries. */
        rootWidth: z.number().int().min(1),
        /** Where a rollout stops and the position is judged. */
        horizon: z.enum(['round', 'scoring', 'game']),
      })
      .strict(),
  })
  .strict();

/** The validated bot weights. */
export type BotWeights = z.infer<typeof botWeightsSchema>;

/** Validates raw bot weights; returns them or a one-line error naming the file and the field. */
export function parseBotWeights(data: unknown, file = 'bots.json'): Result<BotWeights> {
  const parsed = botWeightsSchema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const first = parsed.error.issues[0];
  const path = first?.path.length ? first.path.join('.') : '(top level)';
  return err(`${file}: field "${path}": ${first?.message ?? 'invalid'}`);
}

let cached: BotWeights | null = null;

/** The shipped weights of rules/bots.json, validated once. Throws a one-line error if broken. */
export function defaultBotWeights(): BotWeights {
  if (cached) return cached;
  const parsed = parseBotWeights(raw);
  if (!parsed.ok) throw new Error(`The shipped bot weights are invalid: ${parsed.error}`);
  cached = parsed.value;
  return cached;
}

const effective = new WeakMap<BotWeights, Partial<Record<(typeof FACTIONS)[number], BotWeights>>>();

/** The weights a bot uses when it plays `seat`: the faction's evaluation overrides merged in. */
export function weightsFor(w: BotWeights, seat: (typeof FACTIONS)[number]): BotWeights {
  const over = w.factions[seat].evaluation;
  if (!over || Object.keys(over).length === 0) return w;
  let bySeat = effective.get(w);
  if (!bySeat) effective.set(w, (bySeat = {}));
  return (bySeat[seat] ??= { ...w, evaluation: { ...w.evaluation, ...over } });
}

const hardCache = new WeakMap<BotWeights, BotWeights>();

const expertCache = new WeakMap<BotWeights, BotWeights>();

/** The expert level's weights: the hard bot's (`hardWeights`) searching by rollouts with the `expert` root width and horizon. */
export function expertWeights(w: BotWeights): BotWeights {
  const cached = expertCache.get(w);
  if (cached) return cached;
  const hard = hardWeights(w);
  const out: BotWeights = { ...hard, hard: { ...hard.hard, search: 'rollouts', rootWidth: w.expert.rootWidth, horizon: w.expert.horizon } };
  expertCache.set(w, out);
  return out;
}

/** The weights the hard bot judges positions with: the shared ones, with `hard.judgement` laid over them. */
export function hardWeights(w: BotWeights): BotWeights {
  const judgement = w.hard.judgement;
  if (!judgement) return w;
  const cached = hardCache.get(w);
  if (cached) return cached;
  const factions = { ...w.factions };
  for (const id of FACTIONS) {
    const over = judgement.factions?.[id];
    if (!over) continue;
    factions[id] = {
      bias: { ...factions[id].bias, ...over.bias },
      evaluation: { ...factions[id].evaluation, ...over.evaluation },
    };
  }
  const out: BotWeights = { ...w, evaluation: { ...w.evaluation, ...judgement.evaluation }, factions };
  hardCache.set(w, out);
  return out;
}
