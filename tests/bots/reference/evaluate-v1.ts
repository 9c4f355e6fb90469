/**
 * The evaluation the bots share: each faction's projected final VP, by component, from what
 * is on the board now (VP, majorities and agendas per scoring left, money and income,
 * capability and the compute to raise it), and the risk that ends the game for everyone.
 */
import {
  FACTIONS,
  REGIONS,
  agendaPoints,
  computeIncome,
  computePrizesFor,
  gpusIn,
  incomeBreakdown,
  modifierTotal,
  topCapability,
  regionPrizes,
  upkeepCosts,
  type FactionId,
  type GameState,
  type Rules,
} from '../../../src/engine/index.js';
import type { BotWeights } from '../../../src/bots/weights.js';

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

/** Scorings still to come (the current round's included). */
function scoringsLeft(rules: Rules, state: GameState): number {
  if (state.phase === 'over') return 0;
  if (state.frontierReachedBy) return 1;
  let n = 0;
  for (const r of rules.game.rounds.scoring) if (r >= state.round) n++;
  if (!rules.game.rounds.scoring.includes(rules.game.rounds.count) && state.round <= rules.game.rounds.count) n++;
  return n;
}

/** Capability levels (fractional: progress towards the next one counts) that `compute` buys from `level`. */
function levelsFor(rules: Rules, level: number, compute: number, extra: number): number {
  let n = 0;
  let left = compute;
  for (let l = level; l < rules.game.limits.capability; l++) {
    const cost = Math.max(1, (rules.game.training.costs[l] ?? Infinity) + extra);
    if (left < cost) return n + left / cost;
    left -= cost;
    n++;
  }
  return n;
}

/** Empty GPU slots of a faction, and the compute a round each would add once filled with the best chips it can get. */
function emptySlots(rules: Rules, state: GameState, id: FactionId): { slots: number; perSlot: number } {
  const f = state.factions[id];
  let slots = 0;
  for (const r of REGIONS) slots += f.modules[r] * rules.game.gpus.slotsPerModule - gpusIn(f, r);
  const perSlot = id === 'china' ? rules.game.gpus.compute.domestic : rules.game.gpus.compute.frontier;
  return { slots, perSlot };
}

/**
 * The compute race as it will likely stand: each faction's installed compute plus the share
 * `slotRace` of what its empty slots would add, so that a data center built now counts before its
 * chips are bought (a one-step look-ahead would not see it).
 */
function projectedComputePrizes(rules: Rules, e: BotWeights['evaluation'], state: GameState): Record<FactionId, number> {
  const levels = FACTIONS.map((id) => {
    const { slots, perSlot } = emptySlots(rules, state, id);
    return computeIncome(rules, state.factions[id]) + e.slotRace * slots * perSlot;
  });
  return computePrizesFor(rules, levels);
}

/**
 * What the frontier (the top capability, which ends the game with its VP while Risk allows)
 * is worth to a faction now: its VP once reached while Risk allows it, else the share
 * `raceChance` of it as far as the faction's compute can reach it. A one-step look-ahead would
 * not see it: the VP come at the end of the game.
 */
function frontierValue(rules: Rules, e: BotWeights['evaluation'], state: GameState, id: FactionId, potential: number): number {
  const fr = rules.game.frontier;
  if (state.tracks.risk > fr.maxRiskForVp) return 0;
  if (state.frontierReachedBy !== null) return state.frontierReachedBy === id ? fr.vp : 0;
  const reach = Math.min(1, Math.max(0, state.factions[id].capability + potential - rules.game.limits.capability + 1));
  return e.raceChance * fr.vp * reach;
}

/** Every faction's projection of its final VP. */
export function projectAll(rules: Rules, w: BotWeights, state: GameState): Record<FactionId, Projection> {
  const e = w.evaluation;
  const out = {} as Record<FactionId, Projection>;
  if (state.phase === 'over') {
    for (const id of FACTIONS) {
      const vp = state.factions[id].vp;
      out[id] = { vp, regions: 0, agenda: 0, money: 0, capability: 0, influence: 0, total: vp };
    }
    return out;
  }
  const rounds = roundsLeft(rules, state);
  // Upkeeps still to pay income (the last one does not when the rules close the books before it).
  const paidRounds = rules.game.upkeep.settleLastRound === false ? Math.max(0, rounds - 1) : rounds;
  const scorings = scoringsLeft(rules, state);
  const prizes = regionPrizes(rules, state);
  const agendas = agendaPoints(rules, state);
  const computeRace = rules.game.computePrize ? projectedComputePrizes(rules, e, state) : null;
  const moneyValue = e.moneyEnd + (e.moneyEarly * rounds) / rules.game.rounds.count;
  const race = rules.game.capabilityRace;
  const costs = { us: upkeepCosts(rules, state, 'us'), china: upkeepCosts(rules, state, 'china'), eu: upkeepCosts(rules, state, 'eu') };
  // Compliance fees are paid to the EU at upkeep.
  const fees = costs.us.compliance + costs.china.compliance;
  for (const id of FACTIONS) {
    const f = state.factions[id];
    const net = incomeBreakdown(rules, state, id).total - costs[id].total + (id === 'eu' ? fees : 0);
    // Debt still owed at the end costs more VP than capital earns (endGame: debtPerVp against capitalPerVp).
    const debtValue = moneyValue + e.moneyEnd * (rules.game.endGame.capitalPerVp / rules.game.endGame.debtPerVp - 1);
    const money = moneyValue * (f.capital + e.income * net * paidRounds) - debtValue * f.debt;
    const { slots, perSlot } = emptySlots(rules, state, id);
    // Export controls slow China's build-up of compute (fewer chips, no rented cloud): a share of its future compute per level.
    const drag = id === 'china' ? Math.max(0, 1 - e.exportControlDrag * state.tracks.exportControls) : 1;
    // Compute above the cap is lost at the coming upkeep: unspent compute at the cap is wasted production.
    const wasted = rounds > 0 ? Math.max(0, f.compute + computeIncome(rules, f) - rules.game.gpus.computeCap) : 0;
    const future = f.compute - wasted + drag * e.computeUse * (computeIncome(rules, f) + e.slotUse * slots * perSlot) * Math.max(0, rounds - 1);
    const potential = levelsFor(rules, f.capability, future, modifierTotal(f, 'trainCost'));
    let capability = e.capability * f.capability + e.capabilityPotential * potential;
    for (const step of race) {
      if (state.race[String(step.level)] !== undefined || step.level <= f.capability) continue;
      const reach = Math.min(1, Math.max(0, f.capability + potential - step.level + 1));
      capability += e.raceChance * step.vp * reach;
    }
    capability += frontierValue(rules, e, state, id, potential);
    let cubes = 0;
    let present = 0;
    for (const r of REGIONS) {
      cubes += f.influence[r];
      if (f.influence[r] > 0) present++;
    }
    const tiers = rules.game.upkeep.revenueTiers;
    const later = Math.min(rules.game.limits.capability, Math.floor(f.capability + potential / 2));
    capability += moneyValue * e.income * present * ((tiers[later] ?? 0) - (tiers[f.capability] ?? 0)) * (paidRounds / 2);
    // The compute race (when the rules have one) is a majority like a region's.
    if (computeRace) capability += e.regions * computeRace[id] * scorings;
    const p = {
      vp: f.vp,
      regions: e.regions * prizes[id] * scorings,
      agenda: e.agenda * agendas[id] * scorings,
      money,
      capability,
      influence: e.influence * cubes,
    };
    out[id] = { ...p, total: p.vp + p.regions + p.agenda + p.money + p.capability + p.influence };
  }
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
  return projections[seat].total - e.rivalMax * best - (e.rivalMean * sum) / 2 - positionRiskPenalty(rules, w, state);
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
