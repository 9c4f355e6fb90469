/** The game state: plain JSON, no classes, everything the rules need to go on from here. */
import type { FactionId, GpuKind, ModifierDuration, ModifierKey, PartnerId, ProvisionId, ProvisionStatus, RegionId, TrackId, VpSource } from './ids.js';
import type { RngState } from './rng.js';

/** GPU units installed in one region's modules, by kind. */
export type GpuCounts = Record<GpuKind, number>;

/** A temporary or permanent modifier on a faction (from an event or a card). */
export interface Modifier {
  key: ModifierKey;
  value: number;
  duration: ModifierDuration;
}

/** One faction's position. */
export interface FactionState {
  id: FactionId;
  capital: number;
  debt: number;
  compute: number;
  capability: number;
  vp: number;
  vpBreakdown: Record<VpSource, number>;
  /** Hidden from other seats. */
  hand: string[];
  /** Hidden from everyone (its order). */
  deck: string[];
  discard: string[];
  influence: Record<RegionId, number>;
  modules: Record<RegionId, number>;
  gpus: Record<RegionId, GpuCounts>;
  deals: RegionId[];
  partnersCalled: PartnerId[];
  /** Era in which a copyright licence was bought (0: none). */
  licenceEra: number;
  /** Regions where this faction ever released open weights (with influence then). */
  releasedIn: RegionId[];
  releasedThisRound: boolean;
  safetyThisRound: boolean;
  investAIThisRound: boolean;
  domesticBoughtThisRound: number;
  /** Income lost at next upkeep to rivals' open releases. */
  commoditisation: number;
  /** Enacted provisions this faction broke this round (the EU may fine it). */
  breaches: ProvisionId[];
  /** Provisions broken last round and not fined yet (still open to a fine this round). */
  breachesLastRound: ProvisionId[];
  modifiers: Modifier[];
}

/** An event choice waiting for one seat. */
export interface PendingChoice {
  eventId: string;
  seat: FactionId;
  options: string[];
}

/** Something that happened without a player action (events, upkeep, scoring), for the log. */
export interface LogEntry {
  round: number;
  kind: 'event' | 'choice' | 'incident' | 'crisis' | 'catastrophe' | 'financialCrisis' | 'scoring' | 'race' | 'frontier' | 'gameOver';
  seat?: FactionId;
  id?: string;
  amount?: number;
  /** An event the teacher announced (injected), not one drawn from the deck. */
  by?: 'teacher';
}

/** Why the game ended. */
export type EndReason = 'rounds' | 'frontier' | 'catastrophe';

/** The final result. `winner` is null after a catastrophe or a perfect tie. */
export interface GameResult {
  reason: EndReason;
  winner: FactionId | null;
  ranking: FactionId[];
}

/** The whole game state. */
export interface GameState {
  version: 1;
  rulesHash: string;
  /** Hidden from every seat. */
  seed: string;
  /** Hidden from every seat. */
  rng: RngState;
  round: number;
  phase: 'choice' | 'actions' | 'over';
  actionRound: number;
  turnIndex: number;
  order: FactionId[];
  /** The seats' order drawn at setup: the last tie-breaker of turn order. */
  seatOrder: FactionId[];
  tracks: Record<TrackId, number>;
  provisions: Record<ProvisionId, ProvisionStatus>;
  /** Regions brought under EU rules by standards (Europe is under them whenever a provision is enacted). */
  euRules: RegionId[];
  market: { units: number };
  /** Per era, the remaining event deck, top first. Hidden from every seat. */
  eventDecks: string[][];
  /** Events revealed this round, in order. */
  headlines: string[];
  /** Events revealed this round still to resolve (after a pending choice). */
  headlineQueue: string[];
  /**
   * Events a teacher injected, resolved at the start of the next round before its drawn
   * headlines (public; absent when there are none, as in every game without a teacher).
   */
  pendingNews?: string[];
  /** How many of this round's `headlines`, from the first, the teacher announced (absent: none). */
  newsHeadlines?: number;
  pending: PendingChoice | null;
  factions: Record<FactionId, FactionState>;
  /** Capability-race levels already claimed, with who claimed them. */
  race: Partial<Record<string, FactionId>>;
  /** The faction that reached level 10 (the game ends after this round). */
  frontierReachedBy: FactionId | null;
  /** Actions taken so far (count), for turn bookkeeping and replays. */
  actionCount: number;
  log: LogEntry[];
  result: GameResult | null;
}
