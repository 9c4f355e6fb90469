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
import { buildCost, cloudCost, gpuPrice, needsLicence, trainCost } from './costs.js';
import { checkCondition } from './effects.js';
import { freePower, freeSlotsFor, underEuRules } from './world.js';

/** The seat that must act now (a pending headline choice first), or null when the game is over. */
export function activeSeat(state: GameState): FactionId | null {
  if (state.phase === 'over') return null;
  if (state.pending) return state.pending.seat;
  return state.order[state.turnIndex] ?? null;
}

/** Returned instead of a detailed reason on hot paths that only need yes or no. */
const FAIL: Reason = Object.freeze({ code: 'gameOver' });

const money = (state: GameState, seat: FactionId, cost: number, explain = true): Reason | null =>
  state.factions[seat].capital >= cost ? null : explain ? { code: 'capital', params: { cost, capital: state.factions[seat].capital } } : FAIL;

/** The influence up to which `seat`'s releases spread (its faction's own number, else the game's). */
export function releaseMaxInfluence(rules: Rules, seat: FactionId): number {
  return rules.factions[seat].release?.maxInfluence ?? rules.game.release.maxInfluence;
}

/** Regions eligible for an open-weight release by `seat`: its influence there is from 1 to its release maximum (and, with `newRegionsOnly`, it has not released there yet). */
export function releaseEligible(rules: Rules, state: GameState, seat: FactionId): RegionId[] {
  const f = state.factions[seat];
  const max = releaseMaxInfluence(rules, seat);
  const fresh = rules.game.release.newRegionsOnly === true;
  return REGIONS.filter((r) => f.influence[r] >= 1 && f.influence[r] <= max && !(fresh && f.releasedIn.includes(r)));
}

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

/** How many regions a release must name now. */
export function releaseCount(rules: Rules, state: GameState, seat: FactionId): number {
  return Math.min(releaseReachNow(rules, state, seat), releaseEligible(rules, state, seat).length);
}

/** The faction whose home a region is, if any. */
function homeOf(rules: Rules, region: RegionId): FactionId | undefined {
  for (const id of FACTIONS) if (rules.factions[id].home === region) return id;
  return undefined;
}

const LEVER_OWNER: Partial<Record<ActionType, FactionId>> = Object.fromEntries(FACTIONS.flatMap((owner) => FACTION_LEVERS[owner].map((type) => [type, owner])));

const R_maxCapability: Reason = Object.freeze({ code: 'maxCapability' });
const R_releasedThisRound: Reason = Object.freeze({ code: 'releasedThisRound' });
const R_euNoLicence: Reason = Object.freeze({ code: 'euNoLicence' });
const R_licenceNotNeeded: Reason = Object.freeze({ code: 'licenceNotNeeded' });
const R_licenceHeld: Reason = Object.freeze({ code: 'licenceHeld' });
const R_noDebt: Reason = Object.freeze({ code: 'noDebt' });
const R_investAIDone: Reason = Object.freeze({ code: 'investAIDone' });

/** Type-level checks (no parameters): is this kind of action open to the seat at all? */
function checkType(rules: Rules, state: GameState, seat: FactionId, type: ActionType, explain = true): Reason | null {
  const f = state.factions[seat];
  const g = rules.game;
  switch (type) {
    case 'train':
      if (f.capability >= 10) return R_maxCapability;
      return null;
    case 'release':
      if (f.capability < g.release.minCapability) return explain ? { code: 'releaseCapability', params: { min: g.release.minCapability } } : FAIL;
      if (f.releasedThisRound && !((g.release.furtherRegions ?? 0) > 0)) return R_releasedThisRound;
      if (releaseCount(rules, state, seat) === 0)
        return explain
          ? { code: g.release.newRegionsOnly === true ? 'releaseNowhereNew' : 'releaseNowhere', params: { max: releaseMaxInfluence(rules, seat) } }
          : FAIL;
      return money(state, seat, g.release.cost, explain);
    case 'expand':
      return money(state, seat, g.costs.expand, explain);
    case 'deal':
      return money(state, seat, g.costs.deal, explain);
    case 'safety':
      return money(state, seat, g.costs.safety, explain);
    case 'buyLicence':
      if (seat === 'eu') return R_euNoLicence;
      if (state.provisions.copyright !== 'enacted') return R_licenceNotNeeded;
      if (!needsLicence(rules, state, seat)) return R_licenceHeld;
      return money(state, seat, g.costs.licence, explain);
    case 'repayBonds':
      if (f.debt <= 0) return R_noDebt;
      return money(state, seat, Math.min(g.us.repay, f.debt), explain);
    case 'pressureBrussels':
      return money(state, seat, g.us.brussels, explain);
    case 'rareEarth':
      if (state.tracks.tariffs >= g.tracks.tariffs.max) return explain ? { code: 'trackMax', params: { track: 'tariffs', level: state.tracks.tariffs } } : FAIL;
      return null;
    case 'lobbyChips':
      if (state.tracks.exportControls <= g.tracks.exportControls.min)
        return explain ? { code: 'trackMin', params: { track: 'exportControls', level: state.tracks.exportControls } } : FAIL;
      if (state.tracks.tension > g.china.lobbyMaxTension)
        return explain ? { code: 'tensionTooHigh', params: { max: g.china.lobbyMaxTension, level: state.tracks.tension } } : FAIL;
      return money(state, seat, g.china.lobby, explain);
    case 'enact':
      return money(state, seat, g.eu.enact, explain);
    case 'investAI':
      return f.investAIThisRound ? R_investAIDone : null;
    default:
      return null;
  }
}

function checkCardRegion(rules: Rules, state: GameState, seat: FactionId, card: CardDef, region: RegionId | undefined, explain = true): Reason | null {
  if (card.target === 'none') return region === undefined ? null : { code: 'cardNoRegion' };
  if (region === undefined) return { code: 'cardNeedsRegion' };
  // No card reaches a region where its player may not build or sign deals.
  if (rules.factions[seat].forbidden.includes(region)) return explain ? { code: 'forbidden', params: { faction: seat, region } } : FAIL;
  const inf = state.factions[seat].influence[region];
  switch (card.regions) {
    case 'withInfluence':
      return inf >= 1 ? null : explain ? { code: 'noInfluence', params: { region } } : FAIL;
    case 'foreignWithInfluence':
      if (region === rules.factions[seat].home) return explain ? (explain ? { code: 'cardRegion', params: { region } } : FAIL) : FAIL;
      return inf >= 1 ? null : explain ? { code: 'noInfluence', params: { region } } : FAIL;
    case 'neutralWithInfluence':
      if (homeOf(rules, region)) return explain ? { code: 'cardRegion', params: { region } } : FAIL;
      return inf >= 1 ? null : explain ? { code: 'noInfluence', params: { region } } : FAIL;
    case 'allowed':
      return rules.factions[seat].forbidden.includes(region) ? (explain ? { code: 'forbidden', params: { faction: seat, region } } : FAIL) : null;
    default:
      return null;
  }
}

/** Parameter-level checks, after `checkType` passed. */
function checkParams(rules: Rules, state: GameState, seat: FactionId, a: Action, explain = true): Reason | null {
  const f = state.factions[seat];
  const g = rules.game;
  switch (a.type) {
    case 'build': {
      if (rules.factions[seat].forbidden.includes(a.region))
        return explain ? (explain ? { code: 'forbidden', params: { faction: seat, region: a.region } } : FAIL) : FAIL;
      if (f.influence[a.region] < 1) return explain ? (explain ? { code: 'noInfluence', params: { region: a.region } } : FAIL) : FAIL;
      if (freePower(rules, state, a.region) < 1) return explain ? (explain ? { code: 'noPower', params: { region: a.region } } : FAIL) : FAIL;
      return money(state, seat, buildCost(rules, state, seat, a.region), explain);
    }
    case 'buyGpus': {
      if (a.kind === 'domestic') {
        if (seat !== 'china') return { code: 'domesticOnlyChina' };
        const left = g.gpus.domesticPerRound - f.domesticBoughtThisRound;
        if (a.count > left) return explain ? (explain ? { code: 'domesticLimit', params: { max: g.gpus.domesticPerRound, left } } : FAIL) : FAIL;
      } else {
        if (a.count > g.gpus.maxBuy) return explain ? (explain ? { code: 'maxBuy', params: { max: g.gpus.maxBuy } } : FAIL) : FAIL;
        const controls = state.tracks.exportControls;
        if (seat === 'china' && a.kind === 'frontier' && controls >= 1)
          return explain ? (explain ? { code: 'ecFrontier', params: { level: controls } } : FAIL) : FAIL;
        if (a.count > state.market.units) return explain ? (explain ? { code: 'marketEmpty', params: { units: state.market.units } } : FAIL) : FAIL;
      }
      const slots = freeSlotsFor(rules, state, seat, a.kind);
      if (slots < a.count) {
        if (seat === 'china' && a.kind === 'export' && state.tracks.exportControls >= 2)
          return explain ? (explain ? { code: 'ecExport', params: { level: state.tracks.exportControls } } : FAIL) : FAIL;
        return explain ? (explain ? { code: 'noSlots', params: { slots } } : FAIL) : FAIL;
      }
      return money(state, seat, a.count * gpuPrice(rules, state, seat, a.kind), explain);
    }
    case 'train': {
      const cloud = cloudCost(rules, state, seat);
      if (f.capital >= cloud) return null;
      if (!explain) return FAIL;
      const params = { level: f.capability + 1, cost: trainCost(rules, state, seat), compute: f.compute };
      return Number.isFinite(cloud) ? { code: 'computeCloud', params: { ...params, cloud, capital: f.capital } } : { code: 'compute', params };
    }
    case 'release': {
      const count = releaseCount(rules, state, seat);
      const max = releaseMaxInfluence(rules, seat);
      const fresh = rules.game.release.newRegionsOnly === true;
      const code = releaseIsFurther(rules, state, seat) ? 'releaseFurther' : fresh ? 'releaseRegionsNew' : 'releaseRegions';
      const refusal: Reason = { code, params: { count, max } };
      if (a.regions.length !== count) return explain ? refusal : FAIL;
      for (const r of a.regions) if (f.influence[r] < 1 || f.influence[r] > max || (fresh && f.releasedIn.includes(r))) return explain ? refusal : FAIL;
      return null;
    }
    case 'expand':
      return f.influence[a.region] >= 6 ? (explain ? { code: 'influenceFull', params: { region: a.region } } : FAIL) : null;
    case 'deal': {
      if (a.region === rules.factions[seat].home) return { code: 'home' };
      if (rules.factions[seat].forbidden.includes(a.region))
        return explain ? (explain ? { code: 'forbidden', params: { faction: seat, region: a.region } } : FAIL) : FAIL;
      if (f.deals.includes(a.region)) return explain ? (explain ? { code: 'dealDone', params: { region: a.region } } : FAIL) : FAIL;
      const need = 2;
      if (f.influence[a.region] < need)
        return explain ? (explain ? { code: 'dealInfluence', params: { region: a.region, need, have: f.influence[a.region] } } : FAIL) : FAIL;
      return null;
    }
    case 'playCard': {
      if (!f.hand.includes(a.card)) return { code: 'notInHand' };
      const card = rules.cards[a.card];
      if (!card) return { code: 'notInHand' };
      const where = checkCardRegion(rules, state, seat, card, a.region, explain);
      if (where) return where;
      const ctx = { self: seat, region: a.region ?? null, vpSource: 'cards' as const };
      if (card.requires && !card.requires.every((c) => checkCondition(state, c, ctx))) return { code: 'cardRequires' };
      return money(state, seat, card.cost, explain);
    }
    case 'callPartner': {
      if (f.partnersCalled.includes(a.partner)) return explain ? (explain ? { code: 'partnerCalled', params: { partner: a.partner } } : FAIL) : FAIL;
      const need = g.us.partners[a.partner].gulfInfluence;
      if (f.influence.GULF < need) return explain ? (explain ? { code: 'mgxGulf', params: { need, have: f.influence.GULF } } : FAIL) : FAIL;
      return null;
    }
    case 'washington': {
      const level = state.tracks[a.track];
      const t = g.tracks[a.track];
      if (a.delta > 0 && level >= t.max) return explain ? (explain ? { code: 'trackMax', params: { track: a.track, level } } : FAIL) : FAIL;
      if (a.delta < 0 && level <= t.min) return explain ? (explain ? { code: 'trackMin', params: { track: a.track, level } } : FAIL) : FAIL;
      return null;
    }
    case 'pressureBrussels':
      return state.provisions[a.provision] === 'enacted' ? null : explain ? { code: 'notEnacted', params: { provision: a.provision } } : FAIL;
    case 'enact':
      return state.provisions[a.provision] === 'enacted' ? (explain ? { code: 'alreadyEnacted', params: { provision: a.provision } } : FAIL) : null;
    case 'exportStandards': {
      const home = homeOf(rules, a.region);
      if (home && home !== 'eu') return explain ? (explain ? { code: 'standardsHome', params: { region: a.region } } : FAIL) : FAIL;
      if (a.region === 'EU' || underEuRules(state, a.region))
        return explain ? (explain ? { code: 'alreadyUnderRules', params: { region: a.region } } : FAIL) : FAIL;
      const need = g.eu.standardsInfluence;
      if (f.influence[a.region] < need)
        return explain ? (explain ? { code: 'standardsInfluence', params: { region: a.region, need, have: f.influence[a.region] } } : FAIL) : FAIL;
      return null;
    }
    case 'fine':
      if (a.target === 'eu') return { code: 'fineSelf' };
      return state.factions[a.target].breaches.length + state.factions[a.target].breachesLastRound.length > 0
        ? null
        : explain
          ? { code: 'noBreach', params: { faction: a.target } }
          : FAIL;
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
  if (active !== seat)
    return state.pending ? { code: 'choiceFirst', params: { seat: active as string } } : { code: 'notYourTurn', params: { seat: active as string } };
  if (state.pending) {
    if (action.type !== 'choose') return { code: 'choiceFirst', params: { seat } };
    return state.pending.options.includes(action.option) ? null : { code: 'unknownOption' };
  }
  if (action.type === 'choose') return { code: 'noChoice' };
  const owner = LEVER_OWNER[action.type];
  if (owner && owner !== seat) return { code: 'notYourLever', params: { faction: owner } };
  return checkType(rules, state, seat, action.type) ?? checkParams(rules, state, seat, action);
}

const freezeAll = <T extends object>(list: T[]): readonly T[] => Object.freeze(list.map((a) => Object.freeze(a)));
const REGION_CANDIDATES = Object.fromEntries(
  (['build', 'expand', 'deal', 'exportStandards'] as const).map((type) => [type, freezeAll(REGIONS.map((region) => ({ type, region }) as Action))]),
) as Record<'build' | 'expand' | 'deal' | 'exportStandards', readonly Action[]>;
const STATIC_CANDIDATES: Partial<Record<ActionType, readonly Action[]>> = {
  ...REGION_CANDIDATES,
  callPartner: freezeAll(PARTNERS.map((partner) => ({ type: 'callPartner', partner }) as Action)),
  washington: freezeAll<Action>([
    { type: 'washington', track: 'exportControls', delta: 1 },
    { type: 'washington', track: 'exportControls', delta: -1 },
    { type: 'washington', track: 'tariffs', delta: 1 },
    { type: 'washington', track: 'tariffs', delta: -1 },
  ]),
  pressureBrussels: freezeAll(PROVISIONS.map((provision) => ({ type: 'pressureBrussels', provision }) as Action)),
  enact: freezeAll(PROVISIONS.map((provision) => ({ type: 'enact', provision }) as Action)),
  fine: freezeAll(FACTIONS.filter((t) => t !== 'eu').map((target) => ({ type: 'fine', target }) as Action)),
};
for (const type of ['train', 'safety', 'collect', 'buyLicence', 'issueBonds', 'repayBonds', 'stateFund', 'rareEarth', 'lobbyChips', 'investAI'] as const) {
  STATIC_CANDIDATES[type] = freezeAll([{ type } as Action]);
}
const BUY_CANDIDATES: Record<'frontier' | 'export' | 'domestic', readonly Action[]> = {
  frontier: freezeAll([1, 2, 3, 4, 5, 6].map((count) => ({ type: 'buyGpus', kind: 'frontier', count }) as Action)),
  export: freezeAll([1, 2, 3, 4, 5, 6].map((count) => ({ type: 'buyGpus', kind: 'export', count }) as Action)),
  domestic: freezeAll([1, 2, 3, 4, 5, 6].map((count) => ({ type: 'buyGpus', kind: 'domestic', count }) as Action)),
};

/**
 * Every candidate action of one type for a seat (legal or not), in a stable order. The
 * returned action objects may be shared and frozen: do not mutate them.
 */
export function candidates(rules: Rules, state: GameState, seat: FactionId, type: ActionType): readonly Action[] {
  const f = state.factions[seat];
  const fixed = STATIC_CANDIDATES[type];
  if (fixed) return fixed;
  switch (type) {
    case 'choose':
      return (state.pending?.options ?? []).map((option) => ({ type, option }));
    case 'buyGpus': {
      let list = buyCache.get(rules);
      if (!list) {
        const out: Action[] = [];
        for (const kind of ['frontier', 'export', 'domestic'] as const) {
          const max = kind === 'domestic' ? rules.game.gpus.domesticPerRound : rules.game.gpus.maxBuy;
          for (let count = 1; count <= max; count++) out.push(BUY_CANDIDATES[kind][count - 1] ?? { type, kind, count });
        }
        buyCache.set(rules, (list = freezeAll(out)));
      }
      return list;
    }
    case 'release':
      return releaseCandidates(rules, state, seat);
    case 'playCard': {
      if (f.hand.length === 1) return cardCandidates(rules, f.hand[0] as string);
      const out: Action[] = [];
      for (const card of f.hand) for (const a of cardCandidates(rules, card)) out.push(a);
      return out;
    }
    default:
      return [{ type } as Action];
  }
}

const buyCache = new WeakMap<Rules, readonly Action[]>();
const releaseCache: (readonly Action[] | undefined)[] = [];

/** Release candidates: every choice of exactly `releaseCount` eligible regions (cached by the eligible set). */
function releaseCandidates(rules: Rules, state: GameState, seat: FactionId): readonly Action[] {
  const inf = state.factions[seat].influence;
  const max = releaseMaxInfluence(rules, seat);
  let mask = 0;
  let n = 0;
  for (let i = 0; i < REGIONS.length; i++) {
    const v = inf[REGIONS[i] as RegionId];
    if (v >= 1 && v <= max) {
      mask |= 1 << i;
      n++;
    }
  }
  const k = Math.min(releaseReachNow(rules, state, seat), n);
  const key = mask * 16 + k;
  let cached = releaseCache[key];
  if (!cached) {
    const eligible = REGIONS.filter((_, i) => (mask >> i) & 1);
    cached = freezeAll(combinations(eligible, k).map((regions) => ({ type: 'release', regions: Object.freeze(regions) as RegionId[] }) as Action));
    releaseCache[key] = cached;
  }
  return cached;
}

const cardCache = new WeakMap<Rules, Map<string, readonly Action[]>>();

/** The candidate plays of one card (one per region for region cards), cached per rule set. */
function cardCandidates(rules: Rules, card: string): readonly Action[] {
  let byCard = cardCache.get(rules);
  if (!byCard) cardCache.set(rules, (byCard = new Map()));
  let list = byCard.get(card);
  if (!list) {
    const def = rules.cards[card];
    list = freezeAll(
      def?.target === 'region' ? REGIONS.map((region) => ({ type: 'playCard', card, region }) as Action) : [{ type: 'playCard', card } as Action],
    );
    byCard.set(card, list);
  }
  return list;
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

/** Legal GPU purchases, computed once per kind (same rules as `checkParams`). */
function legalBuys(rules: Rules, state: GameState, seat: FactionId, out: Action[]): void {
  const f = state.factions[seat];
  const g = rules.game.gpus;
  const controls = state.tracks.exportControls;
  for (const kind of ['frontier', 'export', 'domestic'] as const) {
    let max: number;
    if (kind === 'domestic') {
      if (seat !== 'china') continue;
      max = g.domesticPerRound - f.domesticBoughtThisRound;
    } else {
      if (seat === 'china' && kind === 'frontier' && controls >= 1) continue;
      max = Math.min(g.maxBuy, state.market.units);
    }
    if (max <= 0) continue;
    max = Math.min(max, freeSlotsFor(rules, state, seat, kind));
    const price = gpuPrice(rules, state, seat, kind);
    if (price > 0) max = Math.min(max, Math.floor(f.capital / price));
    const list = BUY_CANDIDATES[kind];
    for (let count = 1; count <= max; count++) out.push(list[count - 1] as Action);
  }
}

/** Is a region action legal? The boolean twin of `checkParams` for the hot path (tests keep them in step). */
function regionActionOk(rules: Rules, state: GameState, seat: FactionId, type: 'build' | 'expand' | 'deal' | 'exportStandards', region: RegionId): boolean {
  const f = state.factions[seat];
  const def = rules.factions[seat];
  switch (type) {
    case 'build':
      return (
        !def.forbidden.includes(region) &&
        f.influence[region] >= 1 &&
        freePower(rules, state, region) >= 1 &&
        f.capital >= buildCost(rules, state, seat, region)
      );
    case 'expand':
      return f.influence[region] < 6;
    case 'deal':
      return region !== def.home && !def.forbidden.includes(region) && !f.deals.includes(region) && f.influence[region] >= 2;
    case 'exportStandards': {
      if (region === rules.factions.eu.home || underEuRules(state, region) || f.influence[region] < rules.game.eu.standardsInfluence) return false;
      const home = homeOf(rules, region);
      return !home || home === 'eu';
    }
  }
}

function legalRegionActions(rules: Rules, state: GameState, seat: FactionId, type: 'build' | 'expand' | 'deal' | 'exportStandards', out: Action[]): void {
  const list = REGION_CANDIDATES[type];
  for (let i = 0; i < REGIONS.length; i++) if (regionActionOk(rules, state, seat, type, REGIONS[i] as RegionId)) out.push(list[i] as Action);
}

function legalCardPlays(rules: Rules, state: GameState, seat: FactionId, out: Action[]): void {
  const f = state.factions[seat];
  if (f.hand.length === 0) return;
  for (const action of candidates(rules, state, seat, 'playCard')) if (!checkParams(rules, state, seat, action, false)) out.push(action);
}

/** The legal actions of a seat now, in a stable order (empty when it is not that seat's turn). */
export function legalActions(rules: Rules, state: GameState, seat: FactionId): Action[] {
  if (activeSeat(state) !== seat) return [];
  if (state.pending) return candidates(rules, state, seat, 'choose') as Action[];
  const out: Action[] = [];
  for (const type of TYPES_FOR[seat]) {
    if (checkType(rules, state, seat, type, false)) continue;
    if (type === 'buyGpus') legalBuys(rules, state, seat, out);
    else if (type === 'build' || type === 'expand' || type === 'deal' || type === 'exportStandards') legalRegionActions(rules, state, seat, type, out);
    else if (type === 'playCard') legalCardPlays(rules, state, seat, out);
    else if (type === 'release') for (const a of candidates(rules, state, seat, type)) out.push(a);
    else for (const action of candidates(rules, state, seat, type)) if (!checkParams(rules, state, seat, action, false)) out.push(action);
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

/** Is this candidate (already past `checkType`) legal? Uses the allocation-free checks where there are some. */
function candidateOk(rules: Rules, state: GameState, seat: FactionId, action: Action): boolean {
  switch (action.type) {
    case 'build':
    case 'expand':
    case 'deal':
    case 'exportStandards':
      return regionActionOk(rules, state, seat, action.type, action.region);
    case 'release':
      return true;
    default:
      return checkParams(rules, state, seat, action, false) === null;
  }
}

const SCRATCH_GROUPS: (readonly Action[])[] = [];
let SAMPLE_PLANS: Record<FactionId, { type: ActionType; fixed: readonly Action[] | null }[]> | null = null;

/** Per seat, its action types with their fixed candidate lists (null: depends on the state). */
function samplePlan(seat: FactionId): { type: ActionType; fixed: readonly Action[] | null }[] {
  if (!SAMPLE_PLANS) {
    SAMPLE_PLANS = { us: [], china: [], eu: [] };
    for (const id of FACTIONS) SAMPLE_PLANS[id] = TYPES_FOR[id].map((type) => ({ type, fixed: STATIC_CANDIDATES[type] ?? null }));
  }
  return SAMPLE_PLANS[seat];
}

/**
 * A uniformly random legal action of `seat` (null if it is not that seat's turn), drawn by
 * rejection sampling over the candidates: the same distribution as picking from
 * `legalActions`, without building the whole list. Used by the random bot and benchmarks.
 */
export function sampleLegalAction(rules: Rules, state: GameState, seat: FactionId, rng: { int(n: number): number }): Action | null {
  if (activeSeat(state) !== seat) return null;
  if (state.pending) {
    const options = candidates(rules, state, seat, 'choose');
    return options[rng.int(options.length)] ?? null;
  }
  const groups = SCRATCH_GROUPS;
  groups.length = 0;
  let total = 0;
  for (const { type, fixed } of samplePlan(seat)) {
    if (checkType(rules, state, seat, type, false)) continue;
    if (fixed) {
      groups.push(fixed);
      total += fixed.length;
      continue;
    }
    if (type === 'playCard') {
      for (const card of state.factions[seat].hand) {
        const list = cardCandidates(rules, card);
        groups.push(list);
        total += list.length;
      }
      continue;
    }
    const list = candidates(rules, state, seat, type);
    if (list.length === 0) continue;
    groups.push(list);
    total += list.length;
  }
  for (let tries = 0; tries < 64 && total > 0; tries++) {
    let index = rng.int(total);
    for (const list of groups) {
      if (index < list.length) {
        const action = list[index] as Action;
        if (candidateOk(rules, state, seat, action)) return action;
        break;
      }
      index -= list.length;
    }
  }
  const legal = legalActions(rules, state, seat);
  return legal[rng.int(legal.length)] ?? null;
}
