/** Closed sets of the game as const tuples, with the unions derived from them. */

/** The three seats, in their fixed board order (the last tie-breaker of turn order). */
export const FACTIONS = ['us', 'china', 'eu'] as const;
export type FactionId = (typeof FACTIONS)[number];

/** The nine regions of the board, in board order. */
export const REGIONS = ['NA', 'EU', 'CN', 'GULF', 'IN', 'SEA', 'JK', 'LATAM', 'AF'] as const;
export type RegionId = (typeof REGIONS)[number];

/** The global tracks. */
export const TRACKS = ['risk', 'tension', 'exportControls', 'tariffs'] as const;
export type TrackId = (typeof TRACKS)[number];

/** The three AI Act provisions. */
export const PROVISIONS = ['transparency', 'riskManagement', 'copyright'] as const;
export type ProvisionId = (typeof PROVISIONS)[number];

/** The status a provision can be in. */
export const PROVISION_STATUSES = ['notEnacted', 'enacted', 'suspended'] as const;
export type ProvisionStatus = (typeof PROVISION_STATUSES)[number];

/** GPU kinds: frontier (compute 2), export-grade (compute 1), domestic (China only, compute 1). */
export const GPU_KINDS = ['frontier', 'export', 'domestic'] as const;
export type GpuKind = (typeof GPU_KINDS)[number];

/** The US Consortium's partners, each callable once a game. */
export const PARTNERS = ['softbank', 'oracle', 'mgx'] as const;
export type PartnerId = (typeof PARTNERS)[number];

/** Languages every player-facing text exists in. */
export const LANGS = ['en', 'fr'] as const;
export type Lang = (typeof LANGS)[number];

/** Where victory points come from; a faction's VP is always the sum of its breakdown. */
export const VP_SOURCES = [
  'regions',
  'capabilityRace',
  'agenda',
  'frontier',
  'events',
  'cards',
  'crisis',
  'financialCrisis',
  'incidents',
  'debt',
  'capital',
] as const;
export type VpSource = (typeof VP_SOURCES)[number];

/** Modifiers that events and cards can put on a faction for a while. */
export const MODIFIER_KEYS = ['buildCost', 'trainCost', 'trainHalf', 'gpuPrice', 'income'] as const;
export type ModifierKey = (typeof MODIFIER_KEYS)[number];

/** How long a modifier lasts. */
export const MODIFIER_DURATIONS = ['round', 'era', 'game', 'nextTrain'] as const;
export type ModifierDuration = (typeof MODIFIER_DURATIONS)[number];

/** Type guard: is `value` one of the given const tuple's members? */
export function isOneOf<T extends string>(tuple: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (tuple as readonly string[]).includes(value);
}
