/** Where an open-weight release may reach: the numbers legality, apply and the bots share. */
import { REGIONS, type FactionId, type RegionId } from './ids.js';
import type { Rules } from './rules/load.js';
import type { GameState } from './state.js';

/** The influence up to which `seat`'s releases spread (its faction's own number, else the game's). */
export function releaseMaxInfluence(rules: Rules, seat: FactionId): number {
  return rules.factions[seat].release?.maxInfluence ?? rules.game.release.maxInfluence;
}

/** Is `region` eligible for a release by `seat` now: its influence there from 1 to its release maximum (and, with `newRegionsOnly`, no release there yet)? */
function releaseEligibleIn(rules: Rules, state: GameState, seat: FactionId, region: RegionId): boolean {
  const f = state.factions[seat];
  const inf = f.influence[region];
  return (
    inf >= 1 &&
    inf <= releaseMaxInfluence(rules, seat) &&
    !(rules.game.release.newRegionsOnly === true && f.releasedIn.includes(region)) &&
    hasPresenceFor(rules, state, seat, region)
  );
}

/** With `release.needsPresence`, a release reaches only a region where `seat` has a data center or a country deal, or its home; else anywhere. */
function hasPresenceFor(rules: Rules, state: GameState, seat: FactionId, region: RegionId): boolean {
  if (rules.game.release.needsPresence !== true) return true;
  const f = state.factions[seat];
  return f.modules[region] > 0 || f.deals.includes(region) || rules.factions[seat].home === region;
}

/** Regions eligible for an open-weight release by `seat`, in board order (see `releaseEligibleIn`). */
export function releaseEligible(rules: Rules, state: GameState, seat: FactionId): RegionId[] {
  return REGIONS.filter((r) => releaseEligibleIn(rules, state, seat, r));
}

/** The eligible regions of `seat` as a bit mask over `REGIONS` (bit i: REGIONS[i]); allocates nothing. */
function releaseEligibleMask(rules: Rules, state: GameState, seat: FactionId): number {
  const f = state.factions[seat];
  const max = releaseMaxInfluence(rules, seat);
  const fresh = rules.game.release.newRegionsOnly === true;
  let mask = 0;
  for (let i = 0; i < REGIONS.length; i++) {
    const region = REGIONS[i] as RegionId;
    const inf = f.influence[region];
    if (inf >= 1 && inf <= max && !(fresh && f.releasedIn.includes(region)) && hasPresenceFor(rules, state, seat, region)) mask |= 1 << i;
  }
  return mask;
}

/** The bit of `region` in a mask over `REGIONS`. */
export const REGION_BIT: Readonly<Record<RegionId, number>> = Object.freeze(Object.fromEntries(REGIONS.map((r, i) => [r, 1 << i])) as Record<RegionId, number>);

/** How many regions a release by `seat` reaches at most (its faction's own number, else the game's). */
export function releaseReach(rules: Rules, seat: FactionId): number {
  return rules.factions[seat].release?.regions ?? rules.game.release.regions;
}

/** Whether `seat`'s next release would be a further one this round (fine-tunes and smaller variants: `release.furtherRegions`). */
export function releaseIsFurther(rules: Rules, state: GameState, seat: FactionId): boolean {
  return (rules.game.release.furtherRegions ?? 0) > 0 && state.factions[seat].releasedThisRound;
}

/** How many regions `seat`'s next release reaches at most: a further release this round reaches `release.furtherRegions`. */
function releaseReachNow(rules: Rules, state: GameState, seat: FactionId): number {
  const reach = releaseReach(rules, seat);
  return releaseIsFurther(rules, state, seat) ? Math.min(reach, rules.game.release.furtherRegions ?? reach) : reach;
}

/**
 * What a release by `seat` must name now, in one number (allocates nothing): the eligible mask
 * times 16 plus the count of regions (`releaseMaskIn` and `releaseCountIn` read them back).
 */
export function releaseChoice(rules: Rules, state: GameState, seat: FactionId): number {
  const mask = releaseEligibleMask(rules, state, seat);
  return mask * 16 + releaseCountOf(rules, state, seat, mask);
}

/** The eligible mask of a `releaseChoice`. */
export const releaseMaskIn = (choice: number): number => choice >> 4;

/** The count of regions of a `releaseChoice`. */
export const releaseCountIn = (choice: number): number => choice & 15;

/** How many regions a release must name now. */
export function releaseCount(rules: Rules, state: GameState, seat: FactionId): number {
  return releaseCountIn(releaseChoice(rules, state, seat));
}

/** `releaseCount` when the eligible mask is already known. */
function releaseCountOf(rules: Rules, state: GameState, seat: FactionId, eligibleMask: number): number {
  return Math.min(releaseReachNow(rules, state, seat), bitCount(eligibleMask));
}

/** How many bits a mask has set. */
function bitCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}
