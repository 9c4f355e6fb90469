/**
 * How a legality check says no. Every check takes a `Refuse<R>` and returns what it builds:
 * `EXPLAIN` builds the `Reason` a player reads; `YES_NO` returns `true` and builds nothing, so
 * the hot paths (legal-action list, random sampler) allocate nothing for a refusal.
 */
import type { FactionId, PartnerId, ProvisionId, RegionId } from './ids.js';
import type { Reason, ReasonCode } from './reasons.js';

/** The parameters of each refusal that has some, named once (the texts in reasons.ts show them). */
const PARAMS = {
  notYourTurn: (seat: string) => ({ seat }),
  choiceFirst: (seat: string) => ({ seat }),
  notYourLever: (faction: FactionId) => ({ faction }),
  capital: (cost: number, capital: number) => ({ cost, capital }),
  releaseCapability: (min: number) => ({ min }),
  releaseNowhere: (max: number) => ({ max }),
  releaseNowhereNew: (max: number) => ({ max }),
  releaseRegions: (count: number, max: number) => ({ count, max }),
  releaseNowherePresence: (max: number) => ({ max }),
  releaseRegionsPresence: (count: number, max: number) => ({ count, max }),
  releaseRegionsNew: (count: number, max: number) => ({ count, max }),
  releaseFurther: (count: number, max: number) => ({ count, max }),
  trackMax: (track: string, level: number) => ({ track, level }),
  trackMin: (track: string, level: number) => ({ track, level }),
  tensionTooHigh: (max: number, level: number) => ({ max, level }),
  forbidden: (faction: FactionId, region: RegionId) => ({ faction, region }),
  noInfluence: (region: RegionId) => ({ region }),
  noPower: (region: RegionId) => ({ region }),
  cardRegion: (region: RegionId) => ({ region }),
  domesticLimit: (max: number, left: number) => ({ max, left }),
  maxBuy: (max: number) => ({ max }),
  ecFrontier: (level: number) => ({ level }),
  ecExport: (level: number) => ({ level }),
  marketEmpty: (units: number) => ({ units }),
  noSlots: (slots: number) => ({ slots }),
  compute: (level: number, cost: number, compute: number) => ({ level, cost, compute }),
  computeRent: (level: number, cost: number, compute: number, rentable: number) => ({ level, cost, compute, rentable }),
  computeCloud: (level: number, cost: number, compute: number, cloud: number, capital: number) => ({ level, cost, compute, cloud, capital }),
  influenceFull: (region: RegionId, max: number) => ({ region, max }),
  dealDone: (region: RegionId) => ({ region }),
  dealInfluence: (region: RegionId, need: number, have: number) => ({ region, need, have }),
  partnerCalled: (partner: PartnerId) => ({ partner }),
  mgxGulf: (need: number, have: number) => ({ need, have }),
  notEnacted: (provision: ProvisionId) => ({ provision }),
  alreadyEnacted: (provision: ProvisionId) => ({ provision }),
  standardsHome: (region: RegionId) => ({ region }),
  alreadyUnderRules: (region: RegionId) => ({ region }),
  standardsInfluence: (region: RegionId, need: number, have: number) => ({ region, need, have }),
  noBreach: (faction: FactionId) => ({ faction }),
} satisfies Partial<Record<ReasonCode, (...args: never[]) => Record<string, string | number>>>;

type ParamCode = keyof typeof PARAMS;
/** The refusals that have no parameters. */
export type PlainCode = Exclude<ReasonCode, ParamCode>;

/** A way of refusing: one method per refusal with parameters, `plain` for the others. */
export type Refuse<R> = { readonly [C in ParamCode]: (...args: Parameters<(typeof PARAMS)[C]>) => R } & { readonly plain: (code: PlainCode) => R };

const plainReasons = new Map<PlainCode, Reason>();

/** Refuses with the reason a player reads (frozen: shared between calls when it has no parameters). */
export const EXPLAIN: Refuse<Reason> = Object.freeze({
  ...(Object.fromEntries(
    Object.entries(PARAMS).map(([code, params]) => [code, (...args: never[]) => ({ code, params: (params as (...a: never[]) => Reason['params'])(...args) })]),
  ) as { [C in ParamCode]: (...args: Parameters<(typeof PARAMS)[C]>) => Reason }),
  plain: (code: PlainCode): Reason => {
    let reason = plainReasons.get(code);
    if (!reason) plainReasons.set(code, (reason = Object.freeze({ code })));
    return reason;
  },
});

const refused = (): true => true;

/** Refuses with `true` and builds nothing: for the hot paths that only need yes or no. */
export const YES_NO: Refuse<true> = Object.freeze({
  ...(Object.fromEntries(Object.keys(PARAMS).map((code) => [code, refused])) as { [C in ParamCode]: () => true }),
  plain: refused,
});
