/** Scoring: region majorities and agendas (rounds 3, 6, 8), the end-of-game money, the winner. */
import { FACTIONS, PROVISIONS, REGIONS, type FactionId, type RegionId } from './ids.js';
import type { Rules } from './rules/load.js';
import type { GameState } from './state.js';
import { addVp, computeIncome, isEnacted, regionStanding, soleCapabilityLeader, topCapability, underEuRules } from './world.js';

/**
 * The prize of a faction at level `mine` against rivals at `a` and `b`: the most (above 0) takes
 * `first`, the second `second`, the third nothing; tied factions span the places they would fill
 * and share the lowest of those prizes.
 */
function prizeOf(mine: number, a: number, b: number, first: number, second: number): number {
  if (!(mine > 0)) return 0;
  const place = (a >= mine ? 1 : 0) + (b >= mine ? 1 : 0);
  return place === 0 ? first : place === 1 ? second : 0;
}

/** Adds each faction's prize by place (see `prizeOf`) to `out`. Allocates nothing: scoring and the bots' evaluation ask it for every region. */
function placePrizes(us: number, china: number, eu: number, first: number, second: number, out: Record<FactionId, number>): void {
  out.us += prizeOf(us, china, eu, first, second);
  out.china += prizeOf(china, us, eu, first, second);
  out.eu += prizeOf(eu, us, china, first, second);
}

/** VP each faction scores for region majorities now (most: value; second: half; ties share the lower prize). */
export function regionPrizes(rules: Rules, state: GameState): Record<FactionId, number> {
  const out: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  // Each standing read directly, as `regionStanding` works it out (every scoring, and the bots' look-ahead, asks it).
  const perModule = rules.game.regionStanding?.perModule ?? 0;
  const { us, china, eu } = state.factions;
  for (let i = 0; i < REGIONS.length; i++) {
    const region = REGIONS[i] as RegionId;
    const value = rules.regions[region].value;
    placePrizes(
      us.influence[region] + perModule * us.modules[region],
      china.influence[region] + perModule * china.modules[region],
      eu.influence[region] + perModule * eu.modules[region],
      value,
      Math.floor(value / 2),
      out,
    );
  }
  return out;
}

/** The VP `seat` would score for the majority in `region` with `extra` more influence there (a query: the state is not changed). */
export function regionPrizeWith(rules: Rules, state: GameState, region: RegionId, seat: FactionId, extra: number): number {
  const out: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  addRegionPrizes(rules, state, region, seat, extra, out);
  return out[seat];
}

function addRegionPrizes(rules: Rules, state: GameState, region: RegionId, seat: FactionId | null, extra: number, out: Record<FactionId, number>): void {
  const value = rules.regions[region].value;
  placePrizes(
    regionStanding(rules, state, 'us', region) + (seat === 'us' ? extra : 0),
    regionStanding(rules, state, 'china', region) + (seat === 'china' ? extra : 0),
    regionStanding(rules, state, 'eu', region) + (seat === 'eu' ? extra : 0),
    value,
    Math.floor(value / 2),
    out,
  );
}

/** VP each faction scores for the compute race now (`game.computePrize`; all 0 when the rule is off). */
export function computePrizes(rules: Rules, state: GameState): Record<FactionId, number> {
  const f = state.factions;
  return computePrizesFor(rules, [computeIncome(rules, f.us), computeIncome(rules, f.china), computeIncome(rules, f.eu)]);
}

/** The compute race's VP for given compute levels (US, China, EU order), as `computePrizes` scores them. */
export function computePrizesFor(rules: Rules, levels: readonly number[]): Record<FactionId, number> {
  const out: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  const prize = rules.game.computePrize;
  if (prize) placePrizes(levels[0] as number, levels[1] as number, levels[2] as number, prize.vp[0] ?? 0, prize.vp[1] ?? 0, out);
  return out;
}

/** VP each faction's agenda is worth now. */
export function agendaPoints(rules: Rules, state: GameState): Record<FactionId, number> {
  const a = rules.game.agendas;
  const us = state.factions.us;
  const china = state.factions.china;
  const usPts = (soleCapabilityLeader(state) === 'us' ? a.us.soleLeader : 0) + a.us.perDeal * us.deals.length;
  const releaseRegions = Math.min(
    a.china.maxReleaseRegions ?? Number.POSITIVE_INFINITY,
    china.releasedIn.filter((r) => china.influence[r] >= a.china.releaseRegionInfluence).length,
  );
  const chinaPts = a.china.perReleaseRegion * releaseRegions + (topCapability(state) - china.capability <= a.china.nearTopGap ? a.china.nearTop : 0);
  const provisions = PROVISIONS.filter((p) => isEnacted(state, p)).length;
  const rulesRegions = REGIONS.filter((r) => underEuRules(state, r)).length;
  const euPts = a.eu.perProvision * provisions + a.eu.perRulesRegion * rulesRegions + (state.tracks.risk <= a.eu.lowRiskMax ? a.eu.lowRisk : 0);
  return { us: usPts, china: chinaPts, eu: euPts };
}

/** Scores regions and agendas (a scoring round). */
export function scoreRound(rules: Rules, state: GameState): void {
  const regions = regionPrizes(rules, state);
  const agendas = agendaPoints(rules, state);
  const compute = computePrizes(rules, state);
  for (const id of FACTIONS) {
    addVp(state, id, 'regions', regions[id] + compute[id]);
    addVp(state, id, 'agenda', agendas[id]);
  }
  state.log.push({ round: state.round, kind: 'scoring' });
}

/** End-of-game money: −1 VP per 10 $B of debt (rounded up), +1 VP per 10 $B of capital. */
export function scoreMoney(rules: Rules, state: GameState): void {
  const e = rules.game.endGame;
  for (const id of FACTIONS) {
    const f = state.factions[id];
    addVp(state, id, 'debt', -Math.ceil(f.debt / e.debtPerVp));
    addVp(state, id, 'capital', Math.floor(Math.max(0, f.capital) / e.capitalPerVp));
  }
}

/** Factions ranked: VP, then capability, then capital (higher first). */
export function ranking(state: GameState): FactionId[] {
  return [...FACTIONS].sort((a, b) => {
    const fa = state.factions[a];
    const fb = state.factions[b];
    return fb.vp - fa.vp || fb.capability - fa.capability || fb.capital - fa.capital;
  });
}

/** The winner, or null if the top two are tied on VP, capability and capital. */
export function winnerOf(state: GameState): FactionId | null {
  const [first, second] = ranking(state) as [FactionId, FactionId];
  const a = state.factions[first];
  const b = state.factions[second];
  return a.vp === b.vp && a.capability === b.capability && a.capital === b.capital ? null : first;
}
