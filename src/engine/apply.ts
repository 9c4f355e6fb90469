/**
 * Applying a player's action: check it, then change the state. `applyActionInPlace` mutates
 * (for the simulator, bots and boardgame.io's draft); `applyAction` is the pure version.
 */
import { parseAction, type Action } from './actions.js';
import { FACTIONS, REGIONS, type FactionId } from './ids.js';
import { checkAction } from './legality.js';
import { releaseIsFurther } from './release.js';
import type { Reason } from './reasons.js';
import { err, ok, type Result } from './result.js';
import type { Rules } from './rules/load.js';
import type { GameState } from './state.js';
import { buildCost, cloudCost, cloudLenders, gpuPrice, needsLicence, trainCost } from './costs.js';
import { applyEffects } from './effects.js';
import { advanceTurn, resolveChoice } from './flow.js';
import {
  addModules,
  capabilityLeaders,
  changeCapability,
  changeInfluence,
  changeTrack,
  currentEra,
  homeOf,
  installGpus,
  topCapability,
  underEuRules,
} from './world.js';

/** A deep copy of a JSON value (the state is plain data). */
export function cloneState<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneState) as T;
  const out: Record<string, unknown> = {};
  for (const key in value) out[key] = cloneState((value as Record<string, unknown>)[key]);
  return out as T;
}

function breach(state: GameState, seat: FactionId, provision: GameState['factions']['us']['breaches'][number]): void {
  const f = state.factions[seat];
  if (seat !== 'eu' && state.provisions[provision] === 'enacted' && !f.breaches.includes(provision)) f.breaches.push(provision);
}

/** What an action of each type does to the state, once its check has passed (one entry a type, as `CHECKS` in legality.ts). */
const EFFECTS: { [T in Action['type']]: (rules: Rules, state: GameState, seat: FactionId, a: Action & { type: T }) => void } = {
  choose: (rules, state, _seat, a) => {
    resolveChoice(rules, state, a.option);
  },
  build: (rules, state, seat, a) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital -= buildCost(rules, state, seat, a.region);
    f.modules[a.region]++;
    changeInfluence(rules, state, seat, a.region, g.costs.buildInfluence);
  },
  buyGpus: (rules, state, seat, a) => {
    const f = state.factions[seat];
    f.capital -= a.count * gpuPrice(rules, state, seat, a.kind);
    if (a.kind === 'domestic') f.domesticBoughtThisRound += a.count;
    else state.market.units -= a.count;
    installGpus(rules, state, seat, a.kind, a.count);
  },
  train: (rules, state, seat) => {
    const g = rules.game;
    const f = state.factions[seat];
    const cost = trainCost(rules, state, seat);
    const unlicensed = needsLicence(rules, state, seat);
    const cloud = cloudCost(rules, state, seat);
    // Rented compute comes out of the lenders' unused compute, and its price goes to them.
    for (const { lender, units } of cloudLenders(rules, state, seat, cost - f.compute)) {
      state.factions[lender].compute -= units;
      state.factions[lender].capital += units * (rules.game.training.cloudPrice ?? 0);
    }
    f.compute = Math.max(0, f.compute - cost);
    f.capital -= cloud;
    f.modifiers = f.modifiers.filter((m) => m.duration !== 'nextTrain');
    changeCapability(rules, state, seat, 1);
    if (unlicensed) breach(state, seat, 'copyright');
    if (!f.releasedThisRound && REGIONS.some((r) => f.influence[r] > 0 && underEuRules(state, r))) breach(state, seat, 'transparency');
    if (f.capability >= g.training.riskFromLevel && !f.safetyThisRound) {
      breach(state, seat, 'riskManagement');
      changeTrack(rules, state, 'risk', 1);
    }
  },
  release: (rules, state, seat, a) => {
    const g = rules.game;
    const f = state.factions[seat];
    const spill = g.release.rivalGain ?? 0;
    const further = releaseIsFurther(rules, state, seat);
    for (const r of a.regions) {
      changeInfluence(rules, state, seat, r, 1);
      if (!f.releasedIn.includes(r)) f.releasedIn.push(r);
      if (spill > 0) for (const id of FACTIONS) if (id !== seat && state.factions[id].influence[r] >= 1) changeInfluence(rules, state, id, r, spill);
    }
    f.releasedThisRound = true;
    f.capital -= g.release.cost;
    for (const leader of capabilityLeaders(state)) {
      if (leader !== seat && state.factions[leader].capability - f.capability <= 1) state.factions[leader].commoditisation++;
    }
    if (g.release.distillCompute > 0) {
      for (const id of FACTIONS) {
        const other = state.factions[id];
        if (other.capability < f.capability) other.compute = Math.min(g.gpus.computeCap, other.compute + g.release.distillCompute);
      }
    }
    const atTop = g.release.riskAtTopOnly !== true || f.capability >= topCapability(state);
    if (f.capability >= g.release.riskFromLevel && atTop && !further) {
      if (!f.safetyThisRound) breach(state, seat, 'riskManagement');
      changeTrack(rules, state, 'risk', 1);
    }
  },
  expand: (rules, state, seat, a) => {
    const g = rules.game;
    const f = state.factions[seat];
    const home = homeOf(rules, a.region);
    const foreignHome = home !== undefined && home !== seat;
    f.capital -= g.costs.expand;
    changeInfluence(rules, state, seat, a.region, foreignHome ? g.costs.expandGainForeignHome : g.costs.expandGain);
  },
  deal: (rules, state, seat, a) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital -= g.costs.deal;
    f.deals.push(a.region);
    addModules(rules, state, seat, a.region, g.costs.dealModules ?? 1);
    changeInfluence(rules, state, seat, a.region, g.costs.dealInfluence);
  },
  safety: (rules, state, seat) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital -= g.costs.safety;
    f.safetyThisRound = true;
    changeTrack(rules, state, 'risk', -(seat === 'eu' ? g.safety.euRiskReduction : g.safety.riskReduction));
  },
  collect: (rules, state, seat) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital += g.costs.collect;
  },
  playCard: (rules, state, seat, a) => {
    const f = state.factions[seat];
    const card = rules.cards[a.card];
    if (!card) return;
    f.capital -= card.cost;
    f.hand.splice(f.hand.indexOf(a.card), 1);
    f.discard.push(a.card);
    applyEffects(rules, state, card.effects, { self: seat, region: a.region ?? null, vpSource: 'cards' });
  },
  buyLicence: (rules, state, seat) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital -= g.costs.licence;
    state.factions.eu.capital += g.costs.licence;
    f.licenceEra = currentEra(rules, state);
  },
  callPartner: (rules, state, seat, a) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.partnersCalled.push(a.partner);
    f.capital += g.us.partners[a.partner].capital;
  },
  issueBonds: (rules, state, seat) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital += g.us.bonds;
    f.debt += g.us.bonds;
  },
  repayBonds: (rules, state, seat) => {
    const g = rules.game;
    const f = state.factions[seat];
    const amount = Math.min(g.us.repay, f.debt);
    f.capital -= amount;
    f.debt -= amount;
  },
  washington: (rules, state, _seat, a) => {
    changeTrack(rules, state, a.track, a.delta);
    if (a.delta > 0) changeTrack(rules, state, 'tension', 1);
  },
  pressureBrussels: (rules, state, seat, a) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital -= g.us.brussels;
    state.provisions[a.provision] = 'suspended';
    changeTrack(rules, state, 'tension', 1);
  },
  stateFund: (rules, state, seat) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital += g.china.stateFund;
    changeTrack(rules, state, 'tension', 1);
  },
  rareEarth: (rules, state) => {
    changeTrack(rules, state, 'tariffs', 1);
    changeTrack(rules, state, 'tension', 1);
  },
  lobbyChips: (rules, state, seat) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital -= g.china.lobby;
    changeTrack(rules, state, 'exportControls', -1);
  },
  enact: (rules, state, seat, a) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital -= g.eu.enact;
    state.provisions[a.provision] = 'enacted';
    changeTrack(rules, state, 'risk', -1);
  },
  exportStandards: (_rules, state, _seat, a) => {
    state.euRules.push(a.region);
  },
  investAI: (rules, state, seat) => {
    const g = rules.game;
    const f = state.factions[seat];
    f.capital += g.eu.investAI;
    f.investAIThisRound = true;
  },
  fine: (rules, state, seat, a) => {
    const g = rules.game;
    const f = state.factions[seat];
    const target = state.factions[a.target];
    const paid = Math.min(target.capital, g.eu.fine);
    target.capital -= paid;
    f.capital += paid;
    target.breaches = [];
    target.breachesLastRound = [];
  },
};

function perform(rules: Rules, state: GameState, seat: FactionId, a: Action): void {
  (EFFECTS[a.type] as (rules: Rules, state: GameState, seat: FactionId, a: Action) => void)(rules, state, seat, a);
}

/**
 * Checks and applies a well-shaped action for `seat`, mutating `state`. Returns the reason
 * it was refused (state untouched), or null when applied.
 */
export function applyActionInPlace(rules: Rules, state: GameState, seat: FactionId, action: Action): Reason | null {
  const reason = checkAction(rules, state, seat, action);
  if (reason) return reason;
  const wasChoice = action.type === 'choose';
  perform(rules, state, seat, action);
  state.actionCount++;
  if (!wasChoice) advanceTurn(rules, state);
  return null;
}

/**
 * Applies an action already known to be legal for `seat` in exactly this position (one of
 * `legalActions(rules, state, seat)`), mutating `state`, without checking it again: what
 * `applyActionInPlace` does once its check has passed. The bots, which weigh every legal action
 * on a copy of the position, use it; anything else should call `applyActionInPlace`.
 */
export function applyLegalActionInPlace(rules: Rules, state: GameState, seat: FactionId, action: Action): void {
  const wasChoice = action.type === 'choose';
  perform(rules, state, seat, action);
  state.actionCount++;
  if (!wasChoice) advanceTurn(rules, state);
}

/**
 * Checks and applies only the action's own effects for `seat`, mutating `state`: the turn does
 * not pass, so no upkeep, scoring or next round follows (what the action itself changed, for the
 * bots' explanations). Returns the reason it was refused (state untouched), or null.
 */
export function applyEffectsInPlace(rules: Rules, state: GameState, seat: FactionId, action: Action): Reason | null {
  const reason = checkAction(rules, state, seat, action);
  if (reason) return reason;
  perform(rules, state, seat, action);
  return null;
}

/** Pure: the state after `seat` takes `input` (any untrusted value), or why it is refused. */
export function applyAction(rules: Rules, state: GameState, seat: FactionId, input: unknown): Result<GameState, Reason> {
  const parsed = parseAction(input);
  if (!parsed.ok) return err({ code: 'malformed', params: { detail: parsed.error } });
  const next = cloneState(state);
  const reason = applyActionInPlace(rules, next, seat, parsed.value);
  return reason ? err(reason) : ok(next);
}
