/**
 * What a move changed for the seat that made it, in the game's own terms: the region majorities
 * and who leads them, the compute race, the capability race and the frontier, the agenda, income,
 * capital and debt, the shared Risk, and the rivals it set back. Read from the position before
 * and after the move (public parts only, so a replay can work it out from a match file), in a
 * fixed order: deterministic, and every aim is true of the position after the move.
 */
import {
  FACTIONS,
  REGIONS,
  TRACKS,
  agendaPoints,
  computeIncome,
  computePrizes,
  incomeBreakdown,
  regionPrizeWith,
  regionStanding,
  soleCapabilityLeader,
  standingLeaders,
  upkeepCosts,
  type Action,
  type FactionId,
  type GameState,
  type RegionId,
  type Rules,
  type TrackId,
} from '../engine/index.js';

/** One thing a move achieved for its seat. `region`, `rival`, `track` and the numbers fill the text. */
export type Aim =
  | { kind: 'frontier'; vp: number }
  | { kind: 'racePrize'; level: number; vp: number }
  | { kind: 'vp'; vp: number }
  | { kind: 'regionLead'; region: RegionId; vp: number; rival?: FactionId }
  | { kind: 'regionTie'; region: RegionId; rival: FactionId }
  | { kind: 'regionSecond'; region: RegionId }
  | { kind: 'regionDeny'; region: RegionId; rival: FactionId }
  | { kind: 'computeLead'; vp: number }
  | { kind: 'computeSecond' }
  | { kind: 'agenda'; points: number }
  | { kind: 'agendaDeny'; rival: FactionId; points: number }
  | { kind: 'capabilityLead'; level: number }
  | { kind: 'capability'; level: number; top: number }
  | { kind: 'risk'; from: number; to: number }
  | { kind: 'income'; amount: number }
  | { kind: 'compute'; amount: number }
  | { kind: 'repay'; amount: number }
  | { kind: 'borrow'; amount: number }
  | { kind: 'capital'; amount: number }
  | { kind: 'rivalCapital'; rival: FactionId; amount: number }
  | { kind: 'regionHold'; region: RegionId }
  | { kind: 'regionGain'; region: RegionId; behind: number; rival: FactionId }
  | { kind: 'slots'; region: RegionId; slots: number }
  | { kind: 'track'; track: TrackId; level: number };

/** The kinds of aim, in the order they lead an explanation when nothing else decides. */
const AIM_ORDER: readonly Aim['kind'][] = [
  'frontier',
  'racePrize',
  'regionLead',
  'computeLead',
  'agenda',
  'vp',
  'regionTie',
  'capabilityLead',
  'regionSecond',
  'computeSecond',
  'regionDeny',
  'agendaDeny',
  'risk',
  'capability',
  'income',
  'repay',
  'rivalCapital',
  'compute',
  'capital',
  'borrow',
  'regionHold',
  'regionGain',
  'slots',
  'track',
];

function prizesIn(rules: Rules, state: GameState, region: RegionId): Record<FactionId, number> {
  return {
    us: regionPrizeWith(rules, state, region, 'us', 0),
    china: regionPrizeWith(rules, state, region, 'china', 0),
    eu: regionPrizeWith(rules, state, region, 'eu', 0),
  };
}

function netIncome(rules: Rules, state: GameState, seat: FactionId): number {
  return incomeBreakdown(rules, state, seat).total - upkeepCosts(rules, state, seat).total;
}

/** What happened in one region: a lead taken, a tie, a second place, a rival's lead broken, influence gained. */
function regionAims(rules: Rules, before: GameState, after: GameState, seat: FactionId, region: RegionId, out: Aim[]): void {
  const was = prizesIn(rules, before, region);
  const now = prizesIn(rules, after, region);
  const mine = regionStanding(rules, after, seat, region);
  const gained = mine > regionStanding(rules, before, seat, region);
  const leadersBefore = standingLeaders(rules, before, region);
  const leaders = standingLeaders(rules, after, region);
  const rivals = FACTIONS.filter((id) => id !== seat);
  if (now[seat] > was[seat]) {
    if (leaders.length === 1 && leaders[0] === seat) {
      const from = leadersBefore.find((id) => id !== seat);
      out.push({ kind: 'regionLead', region, vp: rules.regions[region].value, ...(from ? { rival: from } : {}) });
    } else if (leaders.includes(seat)) {
      out.push({ kind: 'regionTie', region, rival: leaders.find((id) => id !== seat) as FactionId });
    } else out.push({ kind: 'regionSecond', region });
    return;
  }
  const hurt = rivals.find((id) => now[id] < was[id]);
  if (hurt) {
    out.push({ kind: 'regionDeny', region, rival: hurt });
    return;
  }
  if (!gained) return;
  if (leaders.length === 1 && leaders[0] === seat) out.push({ kind: 'regionHold', region });
  else if (leaders.length > 0 && !leaders.includes(seat)) {
    const leader = leaders[0] as FactionId;
    out.push({ kind: 'regionGain', region, behind: regionStanding(rules, after, leader, region) - mine, rival: leader });
  }
}

/**
 * Everything `action` achieved for `seat`, from the position `before` it to `after` it, most
 * telling first by `AIM_ORDER` (several regions: the most valuable first). Empty when nothing the
 * game scores changed for the seat.
 */
export function aimsOf(rules: Rules, before: GameState, after: GameState, seat: FactionId, action: Action): Aim[] {
  const out: Aim[] = [];
  const b = before.factions[seat];
  const a = after.factions[seat];
  const fr = rules.game.frontier;
  if (after.frontierReachedBy === seat && before.frontierReachedBy !== seat)
    out.push({ kind: 'frontier', vp: after.tracks.risk <= fr.maxRiskForVp ? fr.vp : 0 });
  for (const step of rules.game.capabilityRace) {
    const key = String(step.level);
    if (after.race[key] === seat && before.race[key] !== seat) out.push({ kind: 'racePrize', level: step.level, vp: step.vp });
  }
  const raceVp = out.reduce((n, x) => n + ('vp' in x ? x.vp : 0), 0);
  if (a.vp - b.vp > raceVp) out.push({ kind: 'vp', vp: a.vp - b.vp - raceVp });
  const regions = [...REGIONS].sort((x, y) => rules.regions[y].value - rules.regions[x].value || REGIONS.indexOf(x) - REGIONS.indexOf(y));
  const targeted = 'region' in action && action.region ? [action.region] : action.type === 'release' ? action.regions : [];
  for (const r of [...targeted, ...regions.filter((r) => !targeted.includes(r))]) regionAims(rules, before, after, seat, r, out);
  if (rules.game.computePrize) {
    const was = computePrizes(rules, before)[seat];
    const now = computePrizes(rules, after)[seat];
    if (now > was) out.push(now >= (rules.game.computePrize.vp[0] ?? Infinity) ? { kind: 'computeLead', vp: now } : { kind: 'computeSecond' });
  }
  const agendaBefore = agendaPoints(rules, before);
  const agendaAfter = agendaPoints(rules, after);
  if (agendaAfter[seat] > agendaBefore[seat]) out.push({ kind: 'agenda', points: agendaAfter[seat] - agendaBefore[seat] });
  for (const id of FACTIONS)
    if (id !== seat && agendaAfter[id] < agendaBefore[id]) out.push({ kind: 'agendaDeny', rival: id, points: agendaBefore[id] - agendaAfter[id] });
  if (a.capability > b.capability) {
    if (soleCapabilityLeader(after) === seat && soleCapabilityLeader(before) !== seat) out.push({ kind: 'capabilityLead', level: a.capability });
    out.push({ kind: 'capability', level: a.capability, top: rules.game.limits.capability });
  }
  if (after.tracks.risk < before.tracks.risk) out.push({ kind: 'risk', from: before.tracks.risk, to: after.tracks.risk });
  const income = netIncome(rules, after, seat) - netIncome(rules, before, seat);
  if (income > 0) out.push({ kind: 'income', amount: income });
  if (a.debt < b.debt) out.push({ kind: 'repay', amount: b.debt - a.debt });
  for (const id of FACTIONS) {
    const lost = before.factions[id].capital - after.factions[id].capital;
    if (id !== seat && lost > 0) out.push({ kind: 'rivalCapital', rival: id, amount: lost });
  }
  const compute = computeIncome(rules, a) - computeIncome(rules, b);
  if (compute > 0) out.push({ kind: 'compute', amount: compute });
  if (a.capital > b.capital) out.push(a.debt > b.debt ? { kind: 'borrow', amount: a.capital - b.capital } : { kind: 'capital', amount: a.capital - b.capital });
  for (const r of REGIONS) {
    const slots = (a.modules[r] - b.modules[r]) * rules.game.gpus.slotsPerModule;
    if (slots > 0) out.push({ kind: 'slots', region: r, slots });
  }
  // Risk is an aim when it falls; tension too; trade tracks either way (export controls, tariffs).
  for (const t of TRACKS)
    if (t !== 'risk' && (after.tracks[t] < before.tracks[t] || (t !== 'tension' && after.tracks[t] > before.tracks[t])))
      out.push({ kind: 'track', track: t, level: after.tracks[t] });
  const rank = (x: Aim) => AIM_ORDER.indexOf(x.kind);
  // A stable sort: within a kind, the targeted regions first, then by value.
  return out
    .map((x, i) => ({ x, i }))
    .sort((p, q) => rank(p.x) - rank(q.x) || p.i - q.i)
    .map((p) => p.x);
}
