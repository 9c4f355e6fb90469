/**
 * Which actions a seat may take now, and why not when it may not. `legalActions` lists the
 * legal ones in a stable order; `checkAction` gives the reason an action is refused.
 * Both read the same per-type checks, so they cannot disagree.
 */
import { ACTION_TYPES, FACTION_LEVERS, type Action, type ActionType } from './actions.js';
import { FACTIONS, PARTNERS, PROVISIONS, REGIONS, type FactionId, type RegionId } from './ids.js';
import type { Reason } from './reasons.js';
import type { Rules } from './rules/load.js';
import type { CardDef } from './rules/schema.js';
import type { GameState } from './state.js';
import { buildCost, gpuPrice, needsLicence, trainCost } from './costs.js';
import { checkCondition } from './effects.js';
import { freePower, freeSlotsFor, underEuRules } from './world.js';

/** The seat that must act now (a pending headline choice first), or null when the game is over. */
export function activeSeat(state: GameState): FactionId | null {
  if (state.phase === 'over') return null;
  if (state.pending) return state.pending.seat;
  return state.order[state.turnIndex] ?? null;
}

const money = (state: GameState, seat: FactionId, cost: number): Reason | null =>
  state.factions[seat].capital >= cost ? null : { code: 'capital', params: { cost, capital: state.factions[seat].capital } };

/** Regions eligible for an open-weight release (influence 1–5). */
export function releaseEligible(state: GameState, seat: FactionId): RegionId[] {
  const inf = state.factions[seat].influence;
  return REGIONS.filter((r) => inf[r] >= 1 && inf[r] < 6);
}

/** How many regions a release must name now. */
export function releaseCount(rules: Rules, state: GameState, seat: FactionId): number {
  return Math.min(rules.game.release.regions, releaseEligible(state, seat).length);
}

/** Type-level checks (no parameters): is this kind of action open to the seat at all? */
function checkType(rules: Rules, state: GameState, seat: FactionId, type: ActionType): Reason | null {
  const f = state.factions[seat];
  const g = rules.game;
  for (const owner of FACTIONS) {
    if (owner !== seat && FACTION_LEVERS[owner].includes(type)) return { code: 'notYourLever', params: { faction: owner } };
  }
  switch (type) {
    case 'train':
      if (f.capability >= 10) return { code: 'maxCapability' };
      return null;
    case 'release':
      if (f.capability < g.release.minCapability) return { code: 'releaseCapability', params: { min: g.release.minCapability } };
      if (f.releasedThisRound) return { code: 'releasedThisRound' };
      return null;
    case 'expand':
      return money(state, seat, g.costs.expand);
    case 'deal':
      return money(state, seat, g.costs.deal);
    case 'safety':
      return money(state, seat, g.costs.safety);
    case 'buyLicence':
      if (seat === 'eu') return { code: 'euNoLicence' };
      if (state.provisions.copyright !== 'enacted') return { code: 'licenceNotNeeded' };
      if (!needsLicence(rules, state, seat)) return { code: 'licenceHeld' };
      return money(state, seat, g.costs.licence);
    case 'repayBonds':
      if (f.debt <= 0) return { code: 'noDebt' };
      return money(state, seat, Math.min(g.us.repay, f.debt));
    case 'pressureBrussels':
      return money(state, seat, g.us.brussels);
    case 'rareEarth':
      if (state.tracks.tariffs >= g.tracks.tariffs.max) return { code: 'trackMax', params: { track: 'tariffs', level: state.tracks.tariffs } };
      return null;
    case 'lobbyChips':
      if (state.tracks.exportControls <= g.tracks.exportControls.min) return { code: 'trackMin', params: { track: 'exportControls', level: state.tracks.exportControls } };
      if (state.tracks.tension > g.china.lobbyMaxTension) return { code: 'tensionTooHigh', params: { max: g.china.lobbyMaxTension, level: state.tracks.tension } };
      return money(state, seat, g.china.lobby);
    case 'enact':
      return money(state, seat, g.eu.enact);
    case 'investAI':
      return f.investAIThisRound ? { code: 'investAIDone' } : null;
    default:
      return null;
  }
}

function checkCardRegion(rules: Rules, state: GameState, seat: FactionId, card: CardDef, region: RegionId | undefined): Reason | null {
  if (card.target === 'none') return region === undefined ? null : { code: 'cardNoRegion' };
  if (region === undefined) return { code: 'cardNeedsRegion' };
  const inf = state.factions[seat].influence[region];
  switch (card.regions) {
    case 'withInfluence':
      return inf >= 1 ? null : { code: 'noInfluence', params: { region } };
    case 'foreignWithInfluence':
      if (region === rules.factions[seat].home) return { code: 'cardRegion', params: { region } };
      return inf >= 1 ? null : { code: 'noInfluence', params: { region } };
    case 'allowed':
      return rules.factions[seat].forbidden.includes(region) ? { code: 'forbidden', params: { faction: seat, region } } : null;
    default:
      return null;
  }
}

/** Parameter-level checks, after `checkType` passed. */
function checkParams(rules: Rules, state: GameState, seat: FactionId, a: Action): Reason | null {
  const f = state.factions[seat];
  const g = rules.game;
  switch (a.type) {
    case 'build': {
      if (rules.factions[seat].forbidden.includes(a.region)) return { code: 'forbidden', params: { faction: seat, region: a.region } };
      if (f.influence[a.region] < 1) return { code: 'noInfluence', params: { region: a.region } };
      if (freePower(rules, state, a.region) < 1) return { code: 'noPower', params: { region: a.region } };
      return money(state, seat, buildCost(rules, state, seat, a.region));
    }
    case 'buyGpus': {
      if (a.kind === 'domestic') {
        if (seat !== 'china') return { code: 'domesticOnlyChina' };
        const left = g.gpus.domesticPerRound - f.domesticBoughtThisRound;
        if (a.count > left) return { code: 'domesticLimit', params: { max: g.gpus.domesticPerRound, left } };
      } else {
        if (a.count > g.gpus.maxBuy) return { code: 'maxBuy', params: { max: g.gpus.maxBuy } };
        const controls = state.tracks.exportControls;
        if (seat === 'china' && a.kind === 'frontier' && controls >= 1) return { code: 'ecFrontier', params: { level: controls } };
        if (a.count > state.market.units) return { code: 'marketEmpty', params: { units: state.market.units } };
      }
      const slots = freeSlotsFor(rules, state, seat, a.kind);
      if (slots < a.count) {
        if (seat === 'china' && a.kind === 'export' && state.tracks.exportControls >= 2) return { code: 'ecExport', params: { level: state.tracks.exportControls } };
        return { code: 'noSlots', params: { slots } };
      }
      return money(state, seat, a.count * gpuPrice(rules, state, seat, a.kind));
    }
    case 'train': {
      const cost = trainCost(rules, state, seat);
      return f.compute >= cost ? null : { code: 'compute', params: { level: f.capability + 1, cost, compute: f.compute } };
    }
    case 'release': {
      const count = releaseCount(rules, state, seat);
      if (a.regions.length !== count) return { code: 'releaseRegions', params: { count } };
      for (const r of a.regions) if (f.influence[r] < 1 || f.influence[r] >= 6) return { code: 'releaseRegions', params: { count } };
      return null;
    }
    case 'expand':
      return f.influence[a.region] >= 6 ? { code: 'influenceFull', params: { region: a.region } } : null;
    case 'deal': {
      if (a.region === rules.factions[seat].home) return { code: 'home' };
      if (rules.factions[seat].forbidden.includes(a.region)) return { code: 'forbidden', params: { faction: seat, region: a.region } };
      if (f.deals.includes(a.region)) return { code: 'dealDone', params: { region: a.region } };
      const need = 2;
      if (f.influence[a.region] < need) return { code: 'dealInfluence', params: { region: a.region, need, have: f.influence[a.region] } };
      return null;
    }
    case 'playCard': {
      if (!f.hand.includes(a.card)) return { code: 'notInHand' };
      const card = rules.cards[a.card];
      if (!card) return { code: 'notInHand' };
      const where = checkCardRegion(rules, state, seat, card, a.region);
      if (where) return where;
      const ctx = { self: seat, region: a.region ?? null, vpSource: 'cards' as const };
      if (card.requires && !card.requires.every((c) => checkCondition(state, c, ctx))) return { code: 'cardRequires' };
      return money(state, seat, card.cost);
    }
    case 'callPartner': {
      if (f.partnersCalled.includes(a.partner)) return { code: 'partnerCalled', params: { partner: a.partner } };
      const need = g.us.partners[a.partner].gulfInfluence;
      if (f.influence.GULF < need) return { code: 'mgxGulf', params: { need, have: f.influence.GULF } };
      return null;
    }
    case 'washington': {
      const level = state.tracks[a.track];
      const t = g.tracks[a.track];
      if (a.delta > 0 && level >= t.max) return { code: 'trackMax', params: { track: a.track, level } };
      if (a.delta < 0 && level <= t.min) return { code: 'trackMin', params: { track: a.track, level } };
      return null;
    }
    case 'pressureBrussels':
      return state.provisions[a.provision] === 'enacted' ? null : { code: 'notEnacted', params: { provision: a.provision } };
    case 'enact':
      return state.provisions[a.provision] === 'enacted' ? { code: 'alreadyEnacted', params: { provision: a.provision } } : null;
    case 'exportStandards': {
      const home = FACTIONS.find((id) => rules.factions[id].home === a.region);
      if (home && home !== 'eu') return { code: 'standardsHome', params: { region: a.region } };
      if (a.region === 'EU' || underEuRules(state, a.region)) return { code: 'alreadyUnderRules', params: { region: a.region } };
      const need = g.eu.standardsInfluence;
      if (f.influence[a.region] < need) return { code: 'standardsInfluence', params: { region: a.region, need, have: f.influence[a.region] } };
      return null;
    }
    case 'fine':
      if (a.target === 'eu') return { code: 'fineSelf' };
      return state.factions[a.target].breaches.length > 0 ? null : { code: 'noBreach', params: { faction: a.target } };
    default:
      return null;
  }
}

/**
 * Why `seat` may not take `action` now, or null if it may. The action must already have a
 * valid shape (see `parseAction`).
 */
export function checkAction(rules: Rules, state: GameState, seat: FactionId, action: Action): Reason | null {
  if (state.phase === 'over') return { code: 'gameOver' };
  const active = activeSeat(state);
  if (active !== seat) return state.pending ? { code: 'choiceFirst', params: { seat: active as string } } : { code: 'notYourTurn', params: { seat: active as string } };
  if (state.pending) {
    if (action.type !== 'choose') return { code: 'choiceFirst', params: { seat } };
    return state.pending.options.includes(action.option) ? null : { code: 'unknownOption' };
  }
  if (action.type === 'choose') return { code: 'noChoice' };
  return checkType(rules, state, seat, action.type) ?? checkParams(rules, state, seat, action);
}

/** Every candidate action of one type for a seat (legal or not), in a stable order. */
export function candidates(rules: Rules, state: GameState, seat: FactionId, type: ActionType): Action[] {
  const f = state.factions[seat];
  switch (type) {
    case 'choose':
      return (state.pending?.options ?? []).map((option) => ({ type, option }));
    case 'build':
    case 'expand':
    case 'deal':
    case 'exportStandards':
      return REGIONS.map((region) => ({ type, region }));
    case 'buyGpus': {
      const out: Action[] = [];
      for (const kind of ['frontier', 'export', 'domestic'] as const) {
        const max = kind === 'domestic' ? rules.game.gpus.domesticPerRound : rules.game.gpus.maxBuy;
        for (let count = 1; count <= max; count++) out.push({ type, kind, count });
      }
      return out;
    }
    case 'release':
      return combinations(releaseEligible(state, seat), releaseCount(rules, state, seat)).map((regions) => ({ type, regions }));
    case 'playCard': {
      const out: Action[] = [];
      for (const card of [...new Set(f.hand)].sort()) {
        const def = rules.cards[card];
        if (def?.target === 'region') for (const region of REGIONS) out.push({ type, card, region });
        else out.push({ type, card });
      }
      return out;
    }
    case 'callPartner':
      return PARTNERS.map((partner) => ({ type, partner }));
    case 'washington':
      return [
        { type, track: 'exportControls', delta: 1 },
        { type, track: 'exportControls', delta: -1 },
        { type, track: 'tariffs', delta: 1 },
        { type, track: 'tariffs', delta: -1 },
      ];
    case 'pressureBrussels':
    case 'enact':
      return PROVISIONS.map((provision) => ({ type, provision }));
    case 'fine':
      return FACTIONS.filter((t) => t !== 'eu').map((target) => ({ type, target }));
    default:
      return [{ type } as Action];
  }
}

/** All subsets of `items` of size `k`, in lexicographic order of positions. */
function combinations<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const pick: T[] = [];
  const walk = (start: number) => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = start; i <= items.length - (k - pick.length); i++) {
      pick.push(items[i] as T);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

const TYPES_FOR = Object.fromEntries(
  FACTIONS.map((seat) => [seat, ACTION_TYPES.filter((t) => t !== 'choose' && !FACTIONS.some((o) => o !== seat && FACTION_LEVERS[o].includes(t)))]),
) as unknown as Record<FactionId, readonly ActionType[]>;

/** The action types open to a seat (its faction's levers included), in stable order. */
export function actionTypesFor(seat: FactionId): readonly ActionType[] {
  return TYPES_FOR[seat];
}

/** The legal actions of a seat now, in a stable order (empty when it is not that seat's turn). */
export function legalActions(rules: Rules, state: GameState, seat: FactionId): Action[] {
  if (activeSeat(state) !== seat) return [];
  if (state.pending) return candidates(rules, state, seat, 'choose');
  const out: Action[] = [];
  for (const type of actionTypesFor(seat)) {
    if (checkType(rules, state, seat, type)) continue;
    for (const action of candidates(rules, state, seat, type)) if (!checkParams(rules, state, seat, action)) out.push(action);
  }
  return out;
}

/** One line per candidate action of the seat: the action and why it is refused (null if legal). */
export function actionOptions(rules: Rules, state: GameState, seat: FactionId): { action: Action; reason: Reason | null }[] {
  const types: readonly ActionType[] = state.pending ? ['choose'] : actionTypesFor(seat);
  const out: { action: Action; reason: Reason | null }[] = [];
  for (const type of types) for (const action of candidates(rules, state, seat, type)) out.push({ action, reason: checkAction(rules, state, seat, action) });
  return out;
}
