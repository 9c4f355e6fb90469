/**
 * The evaluation the bots share: each faction's projected final VP, by component, from what
 * is on the board now (VP, majorities and agendas per scoring left, money and income,
 * capability and the compute to raise it), and the risk that ends the game for everyone.
 */
import {
  FACTIONS,
  PROVISIONS,
  REGIONS,
  interestOn,
  modifierTotal,
  readGpuRow,
  readRegionRow,
  topCapability,
  underEuRules,
  type FactionId,
  type FactionState,
  type GameState,
  type RegionId,
  type Rules,
} from '../engine/index.js';
import type { BotWeights } from './weights.js';

/** The components of a projection, in VP. */
export const COMPONENTS = ['vp', 'regions', 'agenda', 'money', 'capability', 'influence'] as const;
export type Component = (typeof COMPONENTS)[number];

/** A faction's projected final VP, by component. */
export type Projection = Record<Component, number> & { total: number };

/** Rounds whose upkeep is still to come (the current one included). */
function roundsLeft(rules: Rules, state: GameState): number {
  if (state.phase === 'over') return 0;
  if (state.frontierReachedBy) return 1;
  return Math.max(0, rules.game.rounds.count - state.round + 1);
}

/** The compute a round an empty slot of a faction would add once filled with the best chips it can get. */
function perSlotOf(rules: Rules, id: FactionId): number {
  return id === 'china' ? rules.game.gpus.compute.domestic : rules.game.gpus.compute.frontier;
}

/**
 * What the frontier (the top capability, which ends the game with its VP while Risk allows)
 * is worth to a faction now: its VP once reached while Risk allows it, else the share
 * `raceChance` of it as far as the faction's compute can reach it. A one-step look-ahead would
 * not see it: the VP come at the end of the game.
 */
function frontierValue(rules: Rules, e: BotWeights['evaluation'], state: GameState, id: FactionId, f: FactionState, potential: number): number {
  const fr = rules.game.frontier;
  if (state.tracks.risk > fr.maxRiskForVp) return 0;
  if (state.frontierReachedBy !== null) return state.frontierReachedBy === id ? fr.vp : 0;
  const reach = Math.min(1, Math.max(0, f.capability + potential - rules.game.limits.capability + 1));
  return e.raceChance * fr.vp * reach;
}

const N = REGIONS.length;
/** Per faction and region (faction-major, `REGIONS` order): influence, modules, GPUs by kind, standing (`regionStanding`). */
const INF = new Float64Array(FACTIONS.length * N);
const MOD = new Float64Array(FACTIONS.length * N);
const GPU_F = new Float64Array(FACTIONS.length * N);
const GPU_E = new Float64Array(FACTIONS.length * N);
const GPU_D = new Float64Array(FACTIONS.length * N);
const STANDINGS = new Float64Array(FACTIONS.length * N);
/** Each region's index in `REGIONS`, and Europe's. */
const REGION_INDEX = Object.fromEntries(REGIONS.map((r, i) => [r, i])) as Partial<Record<RegionId, number>>;
const EU_INDEX = REGIONS.indexOf('EU' as RegionId);
/** Per region: is it under EU rules (`underEuRules`)? */
const UNDER_EU = new Uint8Array(N);
/** How many regions `UNDER_EU` marks, and which (bit i: `REGIONS[i]`, when there are at most `MASK_REGIONS`). */
let underEuCount = 0;
let underEuMask = 0;
/** Per faction: the regions where it has influence (bit i: `REGIONS[i]`). */
const PRESENT_MASK = new Int32Array(FACTIONS.length);
const MASK_REGIONS = 30;
/** Per faction: empty GPU slots, compute income (`computeIncome`), upkeep costs (`upkeepCosts(…).total`). */
const SLOTS = new Float64Array(FACTIONS.length);
/** Per faction: modules on the board (summed in `REGIONS` order, as `upkeepCosts`). */
const MODULES = new Float64Array(FACTIONS.length);
/** Per faction: influence on the board, and regions where it has some. */
const CUBES = new Float64Array(FACTIONS.length);
const PRESENT = new Float64Array(FACTIONS.length);
const INCOME = new Float64Array(FACTIONS.length);
const COSTS = new Float64Array(FACTIONS.length);
const PRIZES: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
const AGENDAS: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
const RACE_LEVELS = [0, 0, 0];
const COMPUTE_PRIZES: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };

/** What the projection reads from the rules, looked up once per rule set (the same numbers, so the same arithmetic). */
interface Fixed {
  perModule: number;
  slotsPerModule: number;
  compute: { frontier: number; export: number; domestic: number };
  /** Per region (`REGIONS` order): its majority's value, and half of it rounded down (second place). */
  values: Float64Array;
  halves: Float64Array;
  /** The top capability level, and the compute to train from each level below it (`training.costs[l] ?? Infinity`). */
  maxCapability: number;
  trainCosts: Float64Array;
  /** The capability race's steps: level and VP. */
  raceLevels: number[];
  raceVp: number[];
  /** Per faction (`FACTIONS` order): the compute an empty slot would add (`perSlotOf`), its base income. */
  perSlot: Float64Array;
  baseIncome: Float64Array;
  /** Scorings still to come from each round (index: round), when the frontier is not reached. */
  scoringsFrom: number[];
}

const fixedOf = new WeakMap<Rules, Fixed>();

let lastRules: Rules | null = null;
let lastFixed: Fixed | null = null;

function fixed(rules: Rules): Fixed {
  if (rules === lastRules) return lastFixed as Fixed;
  let k = fixedOf.get(rules);
  if (k) {
    lastRules = rules;
    lastFixed = k;
    return k;
  }
  const g = rules.game;
  const maxCapability = g.limits.capability;
  const trainCosts = new Float64Array(Math.max(0, maxCapability));
  for (let l = 0; l < maxCapability; l++) trainCosts[l] = g.training.costs[l] ?? Infinity;
  const scoringsFrom: number[] = [];
  for (let round = 0; round <= g.rounds.count + 1; round++) {
    let n = 0;
    for (const r of g.rounds.scoring) if (r >= round) n++;
    if (!g.rounds.scoring.includes(g.rounds.count) && round <= g.rounds.count) n++;
    scoringsFrom.push(n);
  }
  k = {
    perModule: g.regionStanding?.perModule ?? 0,
    slotsPerModule: g.gpus.slotsPerModule,
    compute: { frontier: g.gpus.compute.frontier, export: g.gpus.compute.export, domestic: g.gpus.compute.domestic },
    values: Float64Array.from(REGIONS, (r) => rules.regions[r].value),
    halves: Float64Array.from(REGIONS, (r) => Math.floor(rules.regions[r].value / 2)),
    maxCapability,
    trainCosts,
    raceLevels: g.capabilityRace.map((step) => step.level),
    raceVp: g.capabilityRace.map((step) => step.vp),
    perSlot: Float64Array.from(FACTIONS, (id) => perSlotOf(rules, id)),
    baseIncome: Float64Array.from(FACTIONS, (id) => rules.factions[id].baseIncome),
    scoringsFrom,
  };
  fixedOf.set(rules, k);
  lastRules = rules;
  lastFixed = k;
  return k;
}

/** Scorings still to come (the current round's included), from the table of `fixed`. */
function scoringsLeftOf(k: Fixed, state: GameState): number {
  if (state.phase === 'over') return 0;
  if (state.frontierReachedBy) return 1;
  return k.scoringsFrom[state.round] ?? (state.round < 0 ? (k.scoringsFrom[0] as number) : 0);
}

/** Capability levels (fractional: progress towards the next one counts) that `compute` buys from `level` (the training costs of `fixed`). */
function levelsOf(k: Fixed, level: number, compute: number, extra: number): number {
  let n = 0;
  let left = compute;
  const costs = k.trainCosts;
  for (let l = level; l < k.maxCapability; l++) {
    const cost = Math.max(1, (l >= 0 ? (costs[l] as number) : Infinity) + extra);
    if (left < cost) return n + left / cost;
    left -= cost;
    n++;
  }
  return n;
}

/** Per faction slot: the last `levelsOf` asked of `levelsFor` (its rules, level, compute and extra) and its answer. */
const LEVELS_RULES: (Fixed | null)[] = [null, null, null];
const LEVELS_IN = new Float64Array(3 * FACTIONS.length).fill(Number.NaN);
const LEVELS_OUT = new Float64Array(FACTIONS.length);

/** `levelsOf` for faction slot `i`, remembered from its last call (a rival's is mostly the same from one candidate to the next). */
function levelsFor(i: number, k: Fixed, level: number, compute: number, extra: number): number {
  const at = 3 * i;
  if (LEVELS_RULES[i] === k && LEVELS_IN[at] === level && LEVELS_IN[at + 1] === compute && LEVELS_IN[at + 2] === extra) return LEVELS_OUT[i] as number;
  const n = levelsOf(k, level, compute, extra);
  LEVELS_RULES[i] = k;
  LEVELS_IN[at] = level;
  LEVELS_IN[at + 1] = compute;
  LEVELS_IN[at + 2] = extra;
  LEVELS_OUT[i] = n;
  return n;
}

/** Reads the board into the buffers above, with each faction's slots and compute income. */
function readBoard(k0: Fixed, state: GameState, rows: number, gpuRows: number): void {
  const perModule = k0.perModule;
  const per = k0.slotsPerModule;
  const c = k0.compute;
  for (let k = 0; k < FACTIONS.length; k++) {
    if (((rows >> k) & 1) === 0) continue;
    const f = state.factions[FACTIONS[k] as FactionId];
    const at = k * N;
    readRegionRow(f.influence, INF, at);
    readRegionRow(f.modules, MOD, at);
    if (((gpuRows >> k) & 1) === 1) readGpuRow(f.gpus, GPU_F, GPU_E, GPU_D, at);
    let slots = 0;
    let income = 0;
    let cubes = 0;
    let present = 0;
    let presentMask = 0;
    let moduleCount = 0;
    for (let i = at; i < at + N; i++) {
      const frontier = GPU_F[i] as number;
      const exported = GPU_E[i] as number;
      const domestic = GPU_D[i] as number;
      const modules = MOD[i] as number;
      const cube = INF[i] as number;
      STANDINGS[i] = cube + perModule * modules;
      slots += modules * per - (frontier + exported + domestic);
      income += frontier * c.frontier + exported * c.export + domestic * c.domestic;
      cubes += cube;
      if (cube > 0) {
        present++;
        presentMask |= 1 << (i - at);
      }
      moduleCount += modules;
    }
    MODULES[k] = moduleCount;
    SLOTS[k] = slots;
    INCOME[k] = income;
    CUBES[k] = cubes;
    PRESENT[k] = present;
    PRESENT_MASK[k] = presentMask;
  }
  // `underEuRules` of every region: Europe once a provision is enacted, the others by standards.
  for (let i = 0; i < N; i++) UNDER_EU[i] = 0;
  const rules = state.euRules;
  for (let j = 0; j < rules.length; j++) {
    const i = REGION_INDEX[rules[j] as RegionId];
    if (i !== undefined && i !== EU_INDEX) UNDER_EU[i] = 1;
  }
  if (EU_INDEX >= 0 && (PROVISIONS_NAMED ? anyEnacted(state.provisions) : underEuRules(state, 'EU'))) UNDER_EU[EU_INDEX] = 1;
  let n = 0;
  let mask = 0;
  for (let i = 0; i < N; i++) {
    n += UNDER_EU[i] as number;
    if (UNDER_EU[i] === 1) mask |= 1 << i;
  }
  underEuCount = n;
  underEuMask = mask;
}

/** The set bits of a 32-bit integer. */
function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Whether the provisions are the three read by name below (else they are read by key). */
const PROVISIONS_NAMED = PROVISIONS.join(',') === 'transparency,riskManagement,copyright';

/** `underEuRules(state, 'EU')`: whether any provision is enacted (read by name, in its order). */
function anyEnacted(p: GameState['provisions']): boolean {
  return p.transparency === 'enacted' || p.riskManagement === 'enacted' || p.copyright === 'enacted';
}

/** The engine's `agendaPoints`, into `out`, from the buffers (counting where it filters). */
function agendaPointsOf(rules: Rules, state: GameState, top: number, soleLeader: FactionId | null, out: Record<FactionId, number>): void {
  const a = rules.game.agendas;
  const us = state.factions.us;
  const china = state.factions.china;
  out.us = (soleLeader === 'us' ? a.us.soleLeader : 0) + a.us.perDeal * us.deals.length;
  let releaseRegions = 0;
  for (const r of china.releasedIn) if (china.influence[r] >= a.china.releaseRegionInfluence) releaseRegions++;
  if (a.china.maxReleaseRegions !== undefined && releaseRegions > a.china.maxReleaseRegions) releaseRegions = a.china.maxReleaseRegions;
  out.china = a.china.perReleaseRegion * releaseRegions + (top - china.capability <= a.china.nearTopGap ? a.china.nearTop : 0);
  let provisions = 0;
  if (PROVISIONS_NAMED) {
    // (By name: a loop over the provisions' keys is a keyed load on every candidate.)
    const p = state.provisions;
    if (p.transparency === 'enacted') provisions++;
    if (p.riskManagement === 'enacted') provisions++;
    if (p.copyright === 'enacted') provisions++;
  } else for (const p of PROVISIONS) if (state.provisions[p] === 'enacted') provisions++;
  out.eu = a.eu.perProvision * provisions + a.eu.perRulesRegion * underEuCount + (state.tracks.risk <= a.eu.lowRiskMax ? a.eu.lowRisk : 0);
}

/** The prize of standing `mine` against `a` and `b` (scoring.ts's `prizeOf`). */
function prizeOf(mine: number, a: number, b: number, first: number, second: number): number {
  if (!(mine > 0)) return 0;
  const place = (a >= mine ? 1 : 0) + (b >= mine ? 1 : 0);
  return place === 0 ? first : place === 1 ? second : 0;
}

/** The engine's `regionPrizes` from the standings (the same sums in the same order). */
function regionPrizesOf(k: Fixed, out: Record<FactionId, number>): void {
  out.us = 0;
  out.china = 0;
  out.eu = 0;
  for (let i = 0; i < N; i++) {
    const value = k.values[i] as number;
    const half = k.halves[i] as number;
    const us = STANDINGS[i] as number;
    const china = STANDINGS[N + i] as number;
    const eu = STANDINGS[2 * N + i] as number;
    out.us += prizeOf(us, china, eu, value, half);
    out.china += prizeOf(china, us, eu, value, half);
    out.eu += prizeOf(eu, us, china, value, half);
  }
}

/** The engine's `incomeBreakdown(…).total` from the buffers, with whether the faction is the sole capability leader. */
function incomeTotal(rules: Rules, state: GameState, f: FactionState, id: FactionId, k: number, sole: boolean): number {
  const tier = rules.game.upkeep.revenueTiers[f.capability] ?? 0;
  let regions = 0;
  let premium = 0;
  if (!sole) {
    // A tier for each region with influence, added one by one (as the engine does).
    const present = PRESENT[k] as number;
    for (let j = 0; j < present; j++) regions += tier;
  } else
    for (let i = 0; i < N; i++) {
      const influence = INF[k * N + i] as number;
      if (influence > 0) regions += tier;
      // Closed-model premium: regions whose majority this faction leads outright.
      if (!sole || influence === 0) continue;
      const mine = STANDINGS[k * N + i] as number;
      if (
        (k === 0 || (STANDINGS[i] as number) < mine) &&
        (k === 1 || (STANDINGS[N + i] as number) < mine) &&
        (k === 2 || (STANDINGS[2 * N + i] as number) < mine)
      )
        premium++;
    }
  const base = fixed(rules).baseIncome[k] as number;
  const deals = f.deals.length * rules.game.costs.dealIncome;
  const modifiers = modifierTotal(f, 'income');
  const commoditisation = -f.commoditisation;
  // Chip sales to China (the US only): the more open the export-control track, the more the US sells.
  const perOpenLevel = id === 'us' ? (rules.game.us.chipSalesPerOpenLevel ?? 0) : 0;
  const chipSales = perOpenLevel * (rules.game.tracks.exportControls.max - state.tracks.exportControls);
  return base + regions + premium + deals + chipSales + modifiers + commoditisation;
}

/** The engine's `upkeepCosts` from the buffers: the total into `COSTS[k]`; returns the compliance fees. */
function upkeepOf(rules: Rules, state: GameState, id: FactionId, k: number): number {
  const u = rules.game.upkeep;
  const modules = MODULES[k] as number;
  let compliance = 0;
  // A fee per region with influence under EU rules, added one by one as the engine does (none under EU rules, none to add).
  if (id !== 'eu' && underEuCount > 0) {
    if (N <= MASK_REGIONS) {
      const regions = bitCount((PRESENT_MASK[k] as number) & underEuMask);
      for (let j = 0; j < regions; j++) compliance += u.compliancePerRegion;
    } else for (let i = 0; i < N; i++) if ((INF[k * N + i] as number) > 0 && UNDER_EU[i] === 1) compliance += u.compliancePerRegion;
  }
  const power = modules * u.moduleCost;
  const interest = interestOn(rules, state.factions[id].debt);
  COSTS[k] = power + interest + compliance;
  return compliance;
}

function setProjection(p: Projection, vp: number, regions: number, agenda: number, money: number, capability: number, influence: number): void {
  p.vp = vp;
  p.regions = regions;
  p.agenda = agenda;
  p.money = money;
  p.capability = capability;
  p.influence = influence;
  p.total = vp + regions + agenda + money + capability + influence;
}

/** Every faction's projection of its final VP. */
export function projectAll(rules: Rules, w: BotWeights, state: GameState): Record<FactionId, Projection> {
  const zero = () => ({ vp: 0, regions: 0, agenda: 0, money: 0, capability: 0, influence: 0, total: 0 });
  return projectAllInto(rules, w, state, { us: zero(), china: zero(), eu: zero() });
}

/** What `projectAllInto` works out once per call for every faction's `projectOne`. */
const CALL = { rounds: 0, paidRounds: 0, scorings: 0, moneyValue: 0, debtValue: 0, fees: 0, race: false };

/** One faction's projection into `out`, from the buffers and `CALL` (faction `id`, index `k`, state `f`). */
function projectOne(
  rules: Rules,
  e: BotWeights['evaluation'],
  K: Fixed,
  state: GameState,
  id: FactionId,
  k: number,
  f: FactionState,
  sole: boolean,
  prize: number,
  agenda: number,
  computePrize: number,
  out: Projection,
): void {
  const { rounds, paidRounds, scorings, moneyValue, debtValue } = CALL;
  const tiers = rules.game.upkeep.revenueTiers;
  const raceLevels = K.raceLevels;
  const raceVp = K.raceVp;
  const net = incomeTotal(rules, state, f, id, k, sole) - (COSTS[k] as number) + (id === 'eu' ? CALL.fees : 0);
  // Debt still owed at the end costs more VP than capital earns (endGame: debtPerVp against capitalPerVp).
  const money = moneyValue * (f.capital + e.income * net * paidRounds) - debtValue * f.debt;
  const slots = SLOTS[k] as number;
  const perSlot = K.perSlot[k] as number;
  // Export controls slow China's build-up of compute (fewer chips, no rented cloud): a share of its future compute per level.
  const drag = id === 'china' ? Math.max(0, 1 - e.exportControlDrag * state.tracks.exportControls) : 1;
  // Compute above the cap is lost at the coming upkeep: unspent compute at the cap is wasted production.
  const wasted = rounds > 0 ? Math.max(0, f.compute + (INCOME[k] as number) - rules.game.gpus.computeCap) : 0;
  const future = f.compute - wasted + drag * e.computeUse * ((INCOME[k] as number) + e.slotUse * slots * perSlot) * Math.max(0, rounds - 1);
  const potential = levelsFor(k, K, f.capability, future, modifierTotal(f, 'trainCost'));
  let capability = e.capability * f.capability + e.capabilityPotential * potential;
  for (let j = 0; j < raceLevels.length; j++) {
    const level = raceLevels[j] as number;
    // (The race's keys are the levels' digits: looked up by number, as an element.)
    if (level <= f.capability || (state.race as Record<number, FactionId | undefined>)[level] !== undefined) continue;
    const reach = Math.min(1, Math.max(0, f.capability + potential - level + 1));
    capability += e.raceChance * (raceVp[j] as number) * reach;
  }
  capability += frontierValue(rules, e, state, id, f, potential);
  const cubes = CUBES[k] as number;
  const present = PRESENT[k] as number;
  const later = Math.min(rules.game.limits.capability, Math.floor(f.capability + potential / 2));
  capability += moneyValue * e.income * present * ((tiers[later] ?? 0) - (tiers[f.capability] ?? 0)) * (paidRounds / 2);
  // The compute race (when the rules have one) is a majority like a region's.
  if (CALL.race) capability += e.regions * computePrize * scorings;
  setProjection(out, f.vp, e.regions * prize * scorings, e.agenda * agenda * scorings, money, capability, e.influence * cubes);
}

/** Every faction's board row (bit k: `FACTIONS[k]`'s influence, modules and GPUs). */
export const ALL_ROWS = (1 << FACTIONS.length) - 1;

/**
 * `projectAll` written into `out` (returned): nothing allocated but the engine's agenda points;
 * the standings, prizes and costs it needs are worked out once into module buffers (so it is
 * not re-entrant, like the bots). `rows`: the factions whose influence, modules or GPUs may
 * differ from the state the last call read (bit k for `FACTIONS[k]`); the others' are taken from
 * that call's buffers (the medium policy knows which rows an action changed; any other caller
 * reads them all). `gpuRows`: of those, the factions whose GPUs may differ too (the others' GPUs
 * are the last call's; by default all of `rows`).
 */
export function projectAllInto(
  rules: Rules,
  w: BotWeights,
  state: GameState,
  out: Record<FactionId, Projection>,
  rows = ALL_ROWS,
  gpuRows = rows,
): Record<FactionId, Projection> {
  const e = w.evaluation;
  if (state.phase === 'over') {
    for (const id of FACTIONS) {
      const vp = state.factions[id].vp;
      setProjection(out[id], vp, 0, 0, 0, 0, 0);
      out[id].total = vp;
    }
    return out;
  }
  const K = fixed(rules);
  const rounds = roundsLeft(rules, state);
  // Upkeeps still to pay income (the last one does not when the rules close the books before it).
  const paidRounds = rules.game.upkeep.settleLastRound === false ? Math.max(0, rounds - 1) : rounds;
  const scorings = scoringsLeftOf(K, state);
  readBoard(K, state, rows, gpuRows);
  // The prizes follow the standings alone: with no row read again, they are the last call's.
  if (rows !== 0) regionPrizesOf(K, PRIZES);
  const fs = state.factions;
  const top = topCapability(state);
  const leaders = (fs.us.capability === top ? 1 : 0) + (fs.china.capability === top ? 1 : 0) + (fs.eu.capability === top ? 1 : 0);
  const soleLeader = leaders !== 1 ? null : fs.us.capability === top ? 'us' : fs.china.capability === top ? 'china' : 'eu';
  agendaPointsOf(rules, state, top, soleLeader, AGENDAS);
  for (let k = 0; k < FACTIONS.length; k++) {
    RACE_LEVELS[k] = (INCOME[k] as number) + e.slotRace * (SLOTS[k] as number) * (K.perSlot[k] as number);
  }
  // The engine's `computePrizesFor` (its places and prizes), into a buffer.
  const prize = rules.game.computePrize;
  let computeRace: Record<FactionId, number> | null = null;
  if (prize) {
    const first = prize.vp[0] ?? 0;
    const second = prize.vp[1] ?? 0;
    const us = RACE_LEVELS[0] as number;
    const china = RACE_LEVELS[1] as number;
    const eu = RACE_LEVELS[2] as number;
    computeRace = COMPUTE_PRIZES;
    computeRace.us = prizeOf(us, china, eu, first, second);
    computeRace.china = prizeOf(china, us, eu, first, second);
    computeRace.eu = prizeOf(eu, us, china, first, second);
  }
  const moneyValue = e.moneyEnd + (e.moneyEarly * rounds) / rules.game.rounds.count;
  // Compliance fees are paid to the EU at upkeep.
  const fees = upkeepOf(rules, state, 'us', 0) + upkeepOf(rules, state, 'china', 1);
  upkeepOf(rules, state, 'eu', 2);
  const debtValue = moneyValue + e.moneyEnd * (rules.game.endGame.capitalPerVp / rules.game.endGame.debtPerVp - 1);
  const c = CALL;
  c.rounds = rounds;
  c.paidRounds = paidRounds;
  c.scorings = scorings;
  c.moneyValue = moneyValue;
  c.debtValue = debtValue;
  c.fees = fees;
  c.race = computeRace !== null;
  // Faction by faction, each named (no lookup by a faction id on this hot path).
  projectOne(rules, e, K, state, 'us', 0, fs.us, soleLeader === 'us', PRIZES.us, AGENDAS.us, COMPUTE_PRIZES.us, out.us);
  projectOne(rules, e, K, state, 'china', 1, fs.china, soleLeader === 'china', PRIZES.china, AGENDAS.china, COMPUTE_PRIZES.china, out.china);
  projectOne(rules, e, K, state, 'eu', 2, fs.eu, soleLeader === 'eu', PRIZES.eu, AGENDAS.eu, COMPUTE_PRIZES.eu, out.eu);
  return out;
}

/** The penalty (VP) a risk level carries for everyone; catastrophe is handled as terminal. */
export function riskPenalty(w: BotWeights, risk: number): number {
  const over = Math.max(0, risk - w.evaluation.riskFree);
  return w.evaluation.risk * over * over;
}

/**
 * The Risk a position carries for everyone: the track plus the share `riskDrift` of the drift
 * the coming upkeep will add (it follows the top capability, so a one-step look-ahead would
 * not see it), priced by `riskPenalty`.
 */
export function positionRiskPenalty(rules: Rules, w: BotWeights, state: GameState): number {
  let risk = state.tracks.risk;
  if (state.phase !== 'over') {
    const top = topCapability(state);
    for (const step of rules.game.upkeep.riskDrift) if (top >= step.fromCapability) risk += w.evaluation.riskDrift * step.amount;
  }
  return riskPenalty(w, risk);
}

/** A large value for won and lost games. */
export const DECISIVE = 1000;

/** The utility of a state for `seat`: its projection against its rivals', less the shared risk. */
export function utility(rules: Rules, w: BotWeights, state: GameState, seat: FactionId, projections = projectAll(rules, w, state)): number {
  return utilityAt(w, state, seat, projections, state.phase === 'over' ? 0 : positionRiskPenalty(rules, w, state));
}

/** `utility`, given the position's `positionRiskPenalty` (worked out once when the caller needs it too). */
export function utilityAt(w: BotWeights, state: GameState, seat: FactionId, projections: Record<FactionId, Projection>, riskPenalty: number): number {
  if (state.phase === 'over') {
    const result = state.result;
    if (!result || result.reason === 'catastrophe') return -DECISIVE;
    const rivals = FACTIONS.filter((id) => id !== seat).map((id) => state.factions[id].vp);
    const margin = state.factions[seat].vp - Math.max(...rivals);
    return result.winner === seat ? DECISIVE / 2 + margin : -DECISIVE / 2 + margin;
  }
  const e = w.evaluation;
  let best = -Infinity;
  let sum = 0;
  for (const id of FACTIONS) {
    if (id === seat) continue;
    best = Math.max(best, projections[id].total);
    sum += projections[id].total;
  }
  return projections[seat].total - e.rivalMax * best - (e.rivalMean * sum) / 2 - riskPenalty;
}

/**
 * Search rewards in [0, 1] per faction: a logistic of the faction's projected margin over its
 * best rival (so trailing seats still feel every VP), scaled by the chance of no catastrophe.
 * `bonus` adds VP to a faction's projection (the priorities of the actions it took on the way).
 */
export function rewards(rules: Rules, w: BotWeights, state: GameState, bonus?: Record<FactionId, number>): Record<FactionId, number> {
  const out: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  if (state.phase === 'over') {
    const winner = state.result?.winner;
    if (winner) out[winner] = 1;
    return out;
  }
  const e = w.evaluation;
  const p = projectAll(rules, w, state);
  if (bonus) for (const id of FACTIONS) p[id] = { ...p[id], total: p[id].total + bonus[id] };
  const survive = Math.max(0, 1 - positionRiskPenalty(rules, w, state) / (riskPenalty(w, e.catastropheRisk) || 1));
  for (const id of FACTIONS) {
    let best = -Infinity;
    for (const other of FACTIONS) if (other !== id) best = Math.max(best, p[other].total);
    out[id] = survive / (1 + Math.exp(-(p[id].total - best) / e.temperature));
  }
  return out;
}
