/**
 * The schema of the rules data in `rules/`: zod definitions from which the typed `Rules`
 * structure is derived. Every number, card and event of the game is described here.
 */
import { z } from 'zod';
import type { Text } from '../text/catalogue.js';
import { FACTIONS, GPU_KINDS, MODIFIER_DURATIONS, MODIFIER_KEYS, PARTNERS, PROVISIONS, PROVISION_STATUSES, REGIONS, TRACKS } from '../ids.js';

const int = z.number().int();
const nat = z.number().int().min(0);
const pos = z.number().int().min(1);

/** A player-facing text in every supported language. */
const textSchema = z.object({ en: z.string().min(1), fr: z.string().min(1) }).strict();

const factionId = z.enum(FACTIONS);
const regionId = z.enum(REGIONS);
const trackId = z.enum(TRACKS);
const provisionId = z.enum(PROVISIONS);

/**
 * Who an effect applies to. `self` is the faction playing the card (or choosing in an event);
 * `capabilityLeader` / `vpLeader` are every faction tied at the top; `mostInfluence` is the
 * faction(s) with the most influence (at least 1) in a region; `releasers` are factions that
 * released open weights this game; `frontierLabs` are every faction at the top capability when the
 * effect that first names them resolves (so an earlier effect of the same event that lowers the
 * leader's capability changes who they are: "then every lab still at the top…"). An event names
 * each of these targets once: later effects reuse the factions it named first.
 */
const targetSchema = z.union([
  z.enum([...FACTIONS, 'self', 'others', 'all', 'capabilityLeader', 'frontierLabs', 'vpLeader', 'releasers']),
  z.object({ mostInfluence: regionId }).strict(),
]);

/** A region named in data, or `target`: the region the player chose when playing the card. */
const regionRefSchema = z.union([regionId, z.literal('target')]);

/** A condition checked when an effect resolves. */
const conditionSchema = z.discriminatedUnion('cond', [
  z.object({ cond: z.literal('debtExceedsCapital'), who: factionId.or(z.literal('self')) }).strict(),
  z.object({ cond: z.literal('trackAtLeast'), track: trackId, value: int }).strict(),
  z.object({ cond: z.literal('trackAtMost'), track: trackId, value: int }).strict(),
  z.object({ cond: z.literal('capabilityAtLeast'), who: factionId.or(z.literal('self')), value: int }).strict(),
  z
    .object({
      cond: z.literal('influenceAtLeast'),
      who: factionId.or(z.literal('self')),
      region: regionRefSchema,
      value: int,
    })
    .strict(),
  z.object({ cond: z.literal('provisionEnacted'), provision: provisionId }).strict(),
  z.object({ cond: z.literal('hasReleased'), who: factionId.or(z.literal('self')) }).strict(),
  z.object({ cond: z.literal('capabilityLeader'), who: factionId.or(z.literal('self')) }).strict(),
]);
export type Condition = z.infer<typeof conditionSchema>;

/** An effect of an event or a card; effects resolve in order. */
export type Effect =
  | { op: 'capital'; who: Target; amount: number }
  | { op: 'capitalCall'; who: Target; amount: number }
  | { op: 'debtCall'; who: Target; amount: number }
  | { op: 'transfer'; from: Target; to: Target; amount: number }
  | { op: 'debt'; who: Target; amount: number }
  | { op: 'vp'; who: Target; amount: number }
  | { op: 'track'; track: (typeof TRACKS)[number]; delta: number }
  | { op: 'influence'; who: Target; region: RegionRef; delta: number }
  | { op: 'capability'; who: Target; delta: number }
  | { op: 'compute'; who: Target; delta: number }
  | { op: 'gpus'; who: Target; kind: (typeof GPU_KINDS)[number]; count: number }
  | { op: 'modules'; who: Target; region: RegionRef; count: number }
  | {
      op: 'modifier';
      who: Target;
      key: (typeof MODIFIER_KEYS)[number];
      value: number;
      duration: (typeof MODIFIER_DURATIONS)[number];
    }
  | { op: 'provision'; provision: (typeof PROVISIONS)[number]; status: (typeof PROVISION_STATUSES)[number] }
  | { op: 'euRules'; region: RegionRef; value: boolean }
  | { op: 'market'; delta: number }
  | { op: 'draw'; who: Target; count: number }
  | { op: 'chance'; percent: number; then: Effect[]; else?: Effect[] }
  | { op: 'if'; cond: Condition; then: Effect[]; else?: Effect[] }
  | { op: 'choice'; who: (typeof FACTIONS)[number]; options: ChoiceOption[] };
export type Target = z.infer<typeof targetSchema>;
export type RegionRef = z.infer<typeof regionRefSchema>;
export interface ChoiceOption {
  id: string;
  text: Text;
  effects: Effect[];
}

/** The zod schema of one effect (recursive through `chance`, `if` and `choice`). */
const effectSchema: z.ZodType<Effect> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('capital'), who: targetSchema, amount: int }).strict(),
    /** The faction must pay `amount` now; if it cannot, it goes through a financial crisis (as at upkeep). */
    z.object({ op: z.literal('capitalCall'), who: targetSchema, amount: pos }).strict(),
    /** Lenders call in debt: the faction repays up to `amount` of its debt now; if it cannot pay, a financial crisis. */
    z.object({ op: z.literal('debtCall'), who: targetSchema, amount: pos }).strict(),
    z.object({ op: z.literal('transfer'), from: targetSchema, to: targetSchema, amount: nat }).strict(),
    z.object({ op: z.literal('debt'), who: targetSchema, amount: int }).strict(),
    z.object({ op: z.literal('vp'), who: targetSchema, amount: int }).strict(),
    z.object({ op: z.literal('track'), track: trackId, delta: int }).strict(),
    z.object({ op: z.literal('influence'), who: targetSchema, region: regionRefSchema, delta: int }).strict(),
    z.object({ op: z.literal('capability'), who: targetSchema, delta: int }).strict(),
    z.object({ op: z.literal('compute'), who: targetSchema, delta: int }).strict(),
    z.object({ op: z.literal('gpus'), who: targetSchema, kind: z.enum(GPU_KINDS), count: pos }).strict(),
    z.object({ op: z.literal('modules'), who: targetSchema, region: regionRefSchema, count: pos }).strict(),
    z
      .object({
        op: z.literal('modifier'),
        who: targetSchema,
        key: z.enum(MODIFIER_KEYS),
        value: int,
        duration: z.enum(MODIFIER_DURATIONS),
      })
      .strict(),
    z.object({ op: z.literal('provision'), provision: provisionId, status: z.enum(PROVISION_STATUSES) }).strict(),
    z.object({ op: z.literal('euRules'), region: regionRefSchema, value: z.boolean() }).strict(),
    z.object({ op: z.literal('market'), delta: int }).strict(),
    z.object({ op: z.literal('draw'), who: targetSchema, count: pos }).strict(),
    z
      .object({
        op: z.literal('chance'),
        percent: z.number().int().min(0).max(100),
        then: z.array(effectSchema),
        else: z.array(effectSchema).optional(),
      })
      .strict(),
    z
      .object({
        op: z.literal('if'),
        cond: conditionSchema,
        then: z.array(effectSchema),
        else: z.array(effectSchema).optional(),
      })
      .strict(),
    z
      .object({
        op: z.literal('choice'),
        who: factionId,
        options: z
          .array(
            z
              .object({
                id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
                text: textSchema,
                effects: z.array(effectSchema),
              })
              .strict(),
          )
          .min(2),
      })
      .strict(),
  ]),
);

/** A name as a phrase needs it: "the"/"in"/"of" forms, per language (French has no bare names in a sentence). */
const phrase = z.string().min(1).max(60);
const regionFormsSchema = z.object({ the: phrase, in: phrase, of: phrase }).strict();
const factionFormsSchema = z.object({ the: phrase, of: phrase, to: phrase, subject: phrase }).strict();

/** One region of the board. */
const regionSchema = z
  .object({
    id: regionId,
    name: textSchema,
    /** The region's name inside a sentence: `the` ("l’Amérique du Nord"), `in` ("en Amérique du Nord"), `of` ("de l’Amérique du Nord"). */
    forms: z.object({ en: regionFormsSchema, fr: regionFormsSchema }).strict(),
    value: pos,
    power: pos,
    /** Diversion route for export-grade GPUs (closed at export controls 3). */
    diversion: z.boolean(),
  })
  .strict();

/** One faction: its names, home, forbidden regions and starting position. */
export const factionSchema = z
  .object({
    id: factionId,
    name: textSchema,
    short: textSchema,
    /**
     * The faction's name inside a sentence: `the` ("la Chine"), `of` ("de la Chine"), `to` ("à la
     * Chine"), and `subject`, a singular subject any verb agrees with ("le camp chinois").
     */
    forms: z.object({ en: factionFormsSchema, fr: factionFormsSchema }).strict(),
    dealName: textSchema,
    home: regionId,
    forbidden: z.array(regionId),
    baseIncome: nat,
    /** Compute this faction's training saves on every step, for good (efficient labs; absent: 0). */
    trainingEfficiency: nat.optional(),
    /** This faction's own open-weight release rules (default: the game's `release.regions` and `release.maxInfluence`). */
    release: z.object({ regions: pos.optional(), maxInfluence: pos.optional() }).strict().optional(),
    start: z
      .object({
        capital: nat,
        debt: nat,
        capability: nat,
        modules: z.partialRecord(regionId, pos),
        gpus: z.partialRecord(z.enum(GPU_KINDS), pos),
        influence: z.partialRecord(regionId, pos),
        hand: nat,
      })
      .strict(),
  })
  .strict();

const trackRange = z.object({ min: int, max: int, start: int }).strict();

/**
 * Rule numbers that lived in the code before they moved into game.json, with the values the code
 * had: the schema's defaults, and left out of the rules hash while they hold them (so moving
 * them changed no hash, golden transcript or simulator digest). A variant that changes one
 * changes the hash.
 */
export const MOVED_FROM_CODE = {
  limits: { influence: 6, capability: 10 },
  gpus: { exportControls: { chinaNoFrontierFrom: 1, chinaDiversionOnlyFrom: 2, diversionClosedFrom: 3 } },
  costs: { dealMinInfluence: 2 },
} as const;
const moved = MOVED_FROM_CODE;

/** The numbers of the game: tracks, costs, market, upkeep, scoring. */
export const gameSchema = z
  .object({
    rounds: z
      .object({
        count: pos,
        firstYear: int,
        actionRounds: pos,
        scoring: z.array(pos).min(1),
        /**
         * Turn order each round: fewest VP first (ties: lower capability, less capital, seat
         * order); most VP first, so the leader never has the last word (the same ties); or
         * the seat order turned by one place each round (absent:
         * fewest VP first).
         */
        turnOrder: z.enum(['fewestVpFirst', 'mostVpFirst', 'rotate']).optional(),
      })
      .strict(),
    eras: z.array(z.object({ id: pos, name: textSchema, rounds: z.array(pos).min(1), eventsPerRound: pos }).strict()).length(3),
    tracks: z.object({ risk: trackRange, tension: trackRange, exportControls: trackRange, tariffs: trackRange }).strict(),
    /** The tops of the board's scales: influence cubes a faction may have in one region, and the capability track's last level (training.costs has one cost a level, upkeep.revenueTiers one tier for each level from 0). */
    limits: z
      .object({
        influence: pos.default(moved.limits.influence),
        capability: pos.default(moved.limits.capability),
        /** The influence cap in a faction's own home region (its protected home market; absent: `influence`). */
        homeInfluence: pos.optional(),
      })
      .strict()
      .prefault({}),
    gpus: z
      .object({
        compute: z.object({ frontier: pos, export: pos, domestic: pos }).strict(),
        slotsPerModule: pos,
        computeCap: pos,
        maxBuy: pos,
        marketUnits: nat,
        frontierPrice: nat,
        exportPrice: nat,
        domesticPrice: nat,
        domesticPerRound: nat,
        saleValue: nat,
        /** The export-control levels from which each restriction applies: no frontier GPUs for China; China gets market GPUs only in diversion regions; no export-grade GPUs into diversion regions. */
        exportControls: z
          .object({
            chinaNoFrontierFrom: nat.default(moved.gpus.exportControls.chinaNoFrontierFrom),
            chinaDiversionOnlyFrom: nat.default(moved.gpus.exportControls.chinaDiversionOnlyFrom),
            diversionClosedFrom: nat.default(moved.gpus.exportControls.diversionClosedFrom),
          })
          .strict()
          .prefault({}),
      })
      .strict(),
    costs: z
      .object({
        build: nat,
        compliance: nat,
        expand: nat,
        expandGain: pos,
        expandGainForeignHome: pos,
        buildInfluence: nat,
        deal: nat,
        dealInfluence: nat,
        /** The influence a faction needs in a region to sign a country deal there. */
        dealMinInfluence: nat.default(moved.costs.dealMinInfluence),
        dealIncome: nat,
        /** Free data-center modules a country deal brings (absent: 1). */
        dealModules: nat.optional(),
        safety: nat,
        collect: nat,
        licence: nat,
        moduleSaleValue: nat,
      })
      .strict(),
    training: z
      .object({
        costs: z.array(pos).min(1),
        riskFromLevel: pos,
        copyrightSurcharge: nat,
        /** Cloud compute: the $B a training pays for each unit of compute it lacks (absent: a training needs all its compute). */
        cloudPrice: pos.optional(),
        /** Where cloud compute comes from: an endless market, or rivals' unused compute, paid to them (absent: market). */
        cloudSource: z.enum(['market', 'rivals']).optional(),
        /** Know-your-customer: from this export-control level, China may not rent cloud compute (absent: never). */
        cloudKycFrom: nat.optional(),
      })
      .strict(),
    release: z
      .object({
        cost: nat,
        minCapability: nat,
        regions: pos,
        riskFromLevel: pos,
        /** A release adds influence only where the releaser's influence is from 1 to this (adoption, not dominance). */
        maxInfluence: pos.default(5),
        /** Distillation: compute each faction below the releaser's capability gains from the open weights (0: off). */
        distillCompute: nat.default(0),
        /** A release reaches only regions where the releaser has not released before (absent: false). */
        newRegionsOnly: z.boolean().optional(),
        /** Open weights are for everyone: each other faction present (influence ≥ 1) in a released region gains this much influence there (absent: 0). */
        rivalGain: nat.optional(),
        /** Further releases in a round (fine-tunes and smaller variants of the round's model) are allowed, each reaching at most this many regions and adding no Risk (absent or 0: one release a round). */
        furtherRegions: nat.optional(),
        /** A release reaches only regions where the releaser has a data center or a country deal, or its home (absent: false). */
        needsPresence: z.boolean().optional(),
        /** A release adds Risk only when the releaser holds the top capability (absent: false: at riskFromLevel whoever releases). */
        riskAtTopOnly: z.boolean().optional(),
      })
      .strict(),
    safety: z.object({ riskReduction: pos, euRiskReduction: pos }).strict(),
    us: z
      .object({
        partners: z.record(z.enum(PARTNERS), z.object({ capital: nat, gulfInfluence: nat }).strict()),
        bonds: pos,
        repay: pos,
        brussels: nat,
        /** Chip sales to China: the US gains this much income a round for each export-control level below the track's maximum (absent: 0). */
        chipSalesPerOpenLevel: nat.optional(),
      })
      .strict(),
    china: z.object({ stateFund: pos, lobby: nat, lobbyMaxTension: nat }).strict(),
    eu: z
      .object({
        enact: nat,
        investAI: pos,
        fine: pos,
        standardsInfluence: pos,
        /** false: there is no AI Act (a scenario): the EU can neither enact a provision nor export its standards, and no effect may enact one or bring a region under EU rules. Absent: true. */
        aiAct: z.boolean().optional(),
      })
      .strict(),
    upkeep: z
      .object({
        moduleCost: nat,
        interestPercent: nat,
        revenueTiers: z.array(nat).min(1),
        compliancePerRegion: nat,
        financialCrisisVp: int,
        /** The frontier race: at each upkeep, for each step whose `fromCapability` the top capability has reached, Risk rises by its `amount`. */
        riskDrift: z.array(z.object({ fromCapability: nat, amount: nat }).strict()),
        handSize: pos,
        draw: nat,
        /** Whether the game's last upkeep (the last round's, or the one after a frontier model) still pays income and charges power, interest and compliance; false: the books close before it, so no money arrives that can no longer be spent (absent: true). */
        settleLastRound: z.boolean().optional(),
      })
      .strict(),
    incidents: z
      .object({
        fromRisk: pos,
        table: z.array(z.object({ weight: pos, text: textSchema, effects: z.array(effectSchema) }).strict()).min(1),
      })
      .strict(),
    crisis: z.object({ vp: int, tensionAfter: nat }).strict(),
    capabilityRace: z.array(z.object({ level: pos, vp: pos }).strict()),
    /** The compute race: at each scoring, the most installed compute (GPUs' compute a round) scores vp[0], the second vp[1]; ties share the lower prize (absent: off). */
    computePrize: z
      .object({ vp: z.array(nat).length(2) })
      .strict()
      .optional(),
    /** A faction's standing in a region, for its majority: its influence plus this much per data-center module it has there (absent: 0). */
    regionStanding: z.object({ perModule: nat }).strict().optional(),
    frontier: z.object({ vp: nat, maxRiskForVp: nat, riskPenalty: nat }).strict(),
    agendas: z
      .object({
        us: z.object({ soleLeader: nat, perDeal: nat }).strict(),
        china: z
          .object({
            perReleaseRegion: nat,
            releaseRegionInfluence: pos,
            /** At most this many release regions score at one scoring (absent: every one). */
            maxReleaseRegions: pos.optional(),
            nearTop: nat,
            nearTopGap: nat,
          })
          .strict(),
        eu: z.object({ perProvision: nat, perRulesRegion: nat, lowRisk: nat, lowRiskMax: nat }).strict(),
      })
      .strict(),
    endGame: z.object({ debtPerVp: pos, capitalPerVp: pos }).strict(),
  })
  .strict();

/** A strategy card. `target: region` means the player picks a region allowed by `regions`. */
const cardSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
    faction: factionId,
    name: textSchema,
    text: textSchema,
    cost: nat,
    target: z.enum(['none', 'region']),
    /** any; withInfluence: you have ≥1 there; foreignWithInfluence: also not your home; neutralWithInfluence: also no power's home; allowed: not forbidden to you. */
    regions: z.enum(['any', 'withInfluence', 'foreignWithInfluence', 'neutralWithInfluence', 'allowed']).optional(),
    requires: z.array(conditionSchema).optional(),
    effects: z.array(effectSchema).min(1),
  })
  .strict();

/** A headline event of one era. */
const eventSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
    era: z.number().int().min(1).max(3),
    name: textSchema,
    text: textSchema,
    fact: textSchema.optional(),
    /** The real month of the fact the event draws on (for a projection, of the fact it extrapolates from): YYYY-MM. */
    date: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM'),
    /** Where the fact comes from: a publication or institution and a title, with its date. */
    source: textSchema,
    effects: z.array(effectSchema).min(1),
  })
  .strict();

export const regionsFileSchema = z.object({ regions: z.array(regionSchema).length(REGIONS.length) }).strict();
export const factionsFileSchema = z.object({ factions: z.array(factionSchema).length(FACTIONS.length) }).strict();
export const cardsFileSchema = z.object({ cards: z.array(cardSchema).min(1) }).strict();
export const eventsFileSchema = z.object({ events: z.array(eventSchema).min(1) }).strict();
/**
 * "Breaking news" a teacher may announce at a class table (never drawn from a deck): events of
 * the same shape, each grounded in a real fact with its month and source; `era` is the era the
 * news belongs to (the console lists them by it).
 */
export const newsFileSchema = z.object({ news: z.array(eventSchema).min(1).max(30) }).strict();

export type RegionDef = z.infer<typeof regionSchema>;
export type FactionDef = z.infer<typeof factionSchema>;
export type GameNumbers = z.infer<typeof gameSchema>;
export type CardDef = z.infer<typeof cardSchema>;
export type EventDef = z.infer<typeof eventSchema>;
/** A text in every language (declared once, in text/catalogue.ts). */
export type { Text };
