/**
 * Which actions a seat may take now, and why not when it may not. Legality is written once,
 * in `CHECKS`: for each action type, whether the type is open to the seat at all, then whether
 * an action's parameters are legal. Everything else is derived from it: `checkAction` (the
 * reason), `isLegal`, `legalActions` (the candidates that pass, in a stable order) and
 * `sampleLegalAction` (a uniform draw among them without listing them).
 */
import { FACTION_LEVERS, type Action, type ActionType } from './actions.js';
import { actionTypesFor, candidates, fixedCandidates, pushCandidateGroups } from './action-candidates.js';
import { buildCost, cloudCost, gpuPrice, needsLicence, rentableCompute, trainCost } from './costs.js';
import { checkCondition } from './effects.js';
import { FACTIONS, type FactionId, type GpuKind, type RegionId } from './ids.js';
import type { Reason } from './reasons.js';
import { EXPLAIN, YES_NO, type Refuse } from './refusals.js';
import { REGION_BIT, releaseChoice, releaseCount, releaseCountIn, releaseIsFurther, releaseMaskIn, releaseMaxInfluence } from './release.js';
import type { Rules } from './rules/load.js';
import type { GameState } from './state.js';
import { freePower, freeSlotsFor, homeOf, influenceCap, underEuRules } from './world.js';

/** The seat that must act now (a pending headline choice first), or null when the game is over. */
export function activeSeat(state: GameState): FactionId | null {
  if (state.phase === 'over') return null;
  if (state.pending) return state.pending.seat;
  return state.order[state.turnIndex] ?? null;
}

/** The action of type `T` (a region action type's own member of the union too). */
type ActionOf<T extends ActionType> = Action extends infer A
  ? A extends { type: infer U }
    ? T extends U
      ? Omit<A, 'type'> & { type: T }
      : never
    : never
  : never;

/** The action types with a check of their own (`choose` is checked against the pending choice). */
type CheckedType = Exclude<ActionType, 'choose'>;

/** What a type's `prepare` works out once for a listing of its candidates. */
interface Prepared {
  /** The `releaseChoice`: the eligible regions and how many a release must name. */
  release: number;
  buyGpus: GpuQuote;
}
type PreparedOf<T extends CheckedType> = T extends keyof Prepared ? Prepared[T] : never;

/**
 * The legality of one action type. `open`: is the type open to the seat at all (no parameters
 * read)? `params`: once it is, are this action's parameters legal? Both return null when legal,
 * else what `no` builds. `prepare` (optional): what `params` reads from the position, worked out
 * once when many candidates are checked (the legal list) and passed as `prepared`; without it
 * (one action checked), `params` works it out itself.
 */
interface TypeCheck<T extends CheckedType> {
  open<R>(rules: Rules, state: GameState, seat: FactionId, no: Refuse<R>): R | null;
  params<R>(rules: Rules, state: GameState, seat: FactionId, a: ActionOf<T>, no: Refuse<R>, prepared?: PreparedOf<T>): R | null;
  prepare?(rules: Rules, state: GameState, seat: FactionId): PreparedOf<T>;
}

/** The check of a type that is always open, or whose parameters are always legal once it is (the derived functions skip calling it). */
const always = (): null => null;

/**
 * The free slots and unit price of each GPU kind for a seat in a position, each worked out when
 * first asked (NaN until then): a listing checks up to `gpus.maxBuy` purchases of each kind.
 */
class GpuQuote {
  private readonly slotsOf: Record<GpuKind, number> = { frontier: Number.NaN, export: Number.NaN, domestic: Number.NaN };
  private readonly priceOf: Record<GpuKind, number> = { frontier: Number.NaN, export: Number.NaN, domestic: Number.NaN };
  constructor(
    private readonly rules: Rules,
    private readonly state: GameState,
    private readonly seat: FactionId,
  ) {}

  slots(kind: GpuKind): number {
    if (Number.isNaN(this.slotsOf[kind])) this.slotsOf[kind] = freeSlotsFor(this.rules, this.state, this.seat, kind);
    return this.slotsOf[kind];
  }

  price(kind: GpuKind): number {
    if (Number.isNaN(this.priceOf[kind])) this.priceOf[kind] = gpuPrice(this.rules, this.state, this.seat, kind);
    return this.priceOf[kind];
  }
}

const money = <R>(state: GameState, seat: FactionId, cost: number, no: Refuse<R>): R | null => {
  const capital = state.factions[seat].capital;
  return capital >= cost ? null : no.capital(cost, capital);
};

/** May `seat` act in `region` at all (some regions are closed to some factions)? */
const allowedIn = <R>(rules: Rules, seat: FactionId, region: RegionId, no: Refuse<R>): R | null =>
  rules.factions[seat].forbidden.includes(region) ? no.forbidden(seat, region) : null;

const CHECKS: { [T in CheckedType]: TypeCheck<T> } = {
  build: {
    open: always,
    params: (rules, state, seat, a, no) =>
      allowedIn(rules, seat, a.region, no) ??
      (state.factions[seat].influence[a.region] < 1
        ? no.noInfluence(a.region)
        : freePower(rules, state, a.region) < 1
          ? no.noPower(a.region)
          : money(state, seat, buildCost(rules, state, seat, a.region), no)),
  },
  buyGpus: {
    open: always,
    prepare: (rules, state, seat) => new GpuQuote(rules, state, seat),
    params(rules, state, seat, a, no, quote) {
      const g = rules.game.gpus;
      const controls = state.tracks.exportControls;
      if (a.kind === 'domestic') {
        if (seat !== 'china') return no.plain('domesticOnlyChina');
        const left = g.domesticPerRound - state.factions[seat].domesticBoughtThisRound;
        if (a.count > left) return no.domesticLimit(g.domesticPerRound, left);
      } else {
        if (a.count > g.maxBuy) return no.maxBuy(g.maxBuy);
        if (seat === 'china' && a.kind === 'frontier' && controls >= g.exportControls.chinaNoFrontierFrom) return no.ecFrontier(controls);
        if (a.count > state.market.units) return no.marketEmpty(state.market.units);
      }
      const slots = quote ? quote.slots(a.kind) : freeSlotsFor(rules, state, seat, a.kind);
      if (slots < a.count)
        return seat === 'china' && a.kind === 'export' && controls >= g.exportControls.chinaDiversionOnlyFrom ? no.ecExport(controls) : no.noSlots(slots);
      return money(state, seat, a.count * (quote ? quote.price(a.kind) : gpuPrice(rules, state, seat, a.kind)), no);
    },
  },
  train: {
    open: (rules, state, seat, no) => (state.factions[seat].capability >= rules.game.limits.capability ? no.plain('maxCapability') : null),
    params(rules, state, seat, _a, no) {
      const f = state.factions[seat];
      const cost = trainCost(rules, state, seat);
      const cloud = cloudCost(rules, state, seat);
      if (f.capital >= cloud) return null;
      if (Number.isFinite(cloud)) return no.computeCloud(f.capability + 1, cost, f.compute, cloud, f.capital);
      return rules.game.training.cloudSource === 'rivals'
        ? no.computeRent(f.capability + 1, cost, f.compute, rentableCompute(rules, state, seat))
        : no.compute(f.capability + 1, cost, f.compute);
    },
  },
  release: {
    open(rules, state, seat, no) {
      const r = rules.game.release;
      if (state.factions[seat].capability < r.minCapability) return no.releaseCapability(r.minCapability);
      if (state.factions[seat].releasedThisRound && !((r.furtherRegions ?? 0) > 0)) return no.plain('releasedThisRound');
      if (releaseCount(rules, state, seat) === 0) {
        const max = releaseMaxInfluence(rules, seat);
        if (r.newRegionsOnly === true) return no.releaseNowhereNew(max);
        return r.needsPresence === true ? no.releaseNowherePresence(max) : no.releaseNowhere(max);
      }
      return money(state, seat, r.cost, no);
    },
    prepare: releaseChoice,
    params(rules, state, seat, a, no, prepared) {
      // The regions eligible now (a mask over REGIONS) and how many the release must name.
      const choice = prepared ?? releaseChoice(rules, state, seat);
      const eligible = releaseMaskIn(choice);
      const count = releaseCountIn(choice);
      let ok = a.regions.length === count;
      for (let i = 0; ok && i < a.regions.length; i++) ok = (eligible & REGION_BIT[a.regions[i] as RegionId]) !== 0;
      if (ok) return null;
      const max = releaseMaxInfluence(rules, seat);
      if (releaseIsFurther(rules, state, seat)) return no.releaseFurther(count, max);
      if (rules.game.release.newRegionsOnly === true) return no.releaseRegionsNew(count, max);
      return rules.game.release.needsPresence === true ? no.releaseRegionsPresence(count, max) : no.releaseRegions(count, max);
    },
  },
  expand: {
    open: (rules, state, seat, no) => money(state, seat, rules.game.costs.expand, no),
    params(rules, state, seat, a, no) {
      const max = influenceCap(rules, seat, a.region);
      return state.factions[seat].influence[a.region] >= max ? no.influenceFull(a.region, max) : null;
    },
  },
  deal: {
    open: (rules, state, seat, no) => money(state, seat, rules.game.costs.deal, no),
    params(rules, state, seat, a, no) {
      const f = state.factions[seat];
      if (a.region === rules.factions[seat].home) return no.plain('home');
      const forbidden = allowedIn(rules, seat, a.region, no);
      if (forbidden) return forbidden;
      if (f.deals.includes(a.region)) return no.dealDone(a.region);
      const need = rules.game.costs.dealMinInfluence;
      return f.influence[a.region] < need ? no.dealInfluence(a.region, need, f.influence[a.region]) : null;
    },
  },
  safety: { open: (rules, state, seat, no) => money(state, seat, rules.game.costs.safety, no), params: always },
  collect: { open: always, params: always },
  playCard: {
    open: always,
    params(rules, state, seat, a, no) {
      if (!state.factions[seat].hand.includes(a.card)) return no.plain('notInHand');
      const card = rules.cards[a.card];
      if (!card) return no.plain('notInHand');
      if (card.target === 'none') {
        if (a.region !== undefined) return no.plain('cardNoRegion');
      } else {
        if (a.region === undefined) return no.plain('cardNeedsRegion');
        // No card reaches a region where its player may not build or sign deals.
        const where = allowedIn(rules, seat, a.region, no) ?? cardRegionCheck(rules, state, seat, card.regions, a.region, no);
        if (where) return where;
      }
      if (card.requires) {
        const ctx = { self: seat, region: a.region ?? null, vpSource: 'cards' as const };
        if (!card.requires.every((c) => checkCondition(state, c, ctx))) return no.plain('cardRequires');
      }
      return money(state, seat, card.cost, no);
    },
  },
  buyLicence: {
    open(rules, state, seat, no) {
      if (seat === 'eu') return no.plain('euNoLicence');
      if (state.provisions.copyright !== 'enacted') return no.plain('licenceNotNeeded');
      if (!needsLicence(rules, state, seat)) return no.plain('licenceHeld');
      return money(state, seat, rules.game.costs.licence, no);
    },
    params: always,
  },
  callPartner: {
    open: always,
    params(rules, state, seat, a, no) {
      const f = state.factions[seat];
      if (f.partnersCalled.includes(a.partner)) return no.partnerCalled(a.partner);
      const need = rules.game.us.partners[a.partner].gulfInfluence;
      return f.influence.GULF < need ? no.mgxGulf(need, f.influence.GULF) : null;
    },
  },
  issueBonds: { open: always, params: always },
  repayBonds: {
    open(rules, state, seat, no) {
      const debt = state.factions[seat].debt;
      return debt <= 0 ? no.plain('noDebt') : money(state, seat, Math.min(rules.game.us.repay, debt), no);
    },
    params: always,
  },
  washington: {
    open: always,
    params(rules, state, _seat, a, no) {
      const level = state.tracks[a.track];
      const t = rules.game.tracks[a.track];
      if (a.delta > 0 && level >= t.max) return no.trackMax(a.track, level);
      if (a.delta < 0 && level <= t.min) return no.trackMin(a.track, level);
      return null;
    },
  },
  pressureBrussels: {
    open: (rules, state, seat, no) => money(state, seat, rules.game.us.brussels, no),
    params: (_rules, state, _seat, a, no) => (state.provisions[a.provision] === 'enacted' ? null : no.notEnacted(a.provision)),
  },
  stateFund: { open: always, params: always },
  rareEarth: {
    open: (rules, state, _seat, no) => (state.tracks.tariffs >= rules.game.tracks.tariffs.max ? no.trackMax('tariffs', state.tracks.tariffs) : null),
    params: always,
  },
  lobbyChips: {
    open(rules, state, seat, no) {
      const g = rules.game;
      if (state.tracks.exportControls <= g.tracks.exportControls.min) return no.trackMin('exportControls', state.tracks.exportControls);
      if (state.tracks.tension > g.china.lobbyMaxTension) return no.tensionTooHigh(g.china.lobbyMaxTension, state.tracks.tension);
      return money(state, seat, g.china.lobby, no);
    },
    params: always,
  },
  enact: {
    open: (rules, state, seat, no) => (rules.game.eu.aiAct === false ? no.plain('noAiAct') : money(state, seat, rules.game.eu.enact, no)),
    params: (_rules, state, _seat, a, no) => (state.provisions[a.provision] === 'enacted' ? no.alreadyEnacted(a.provision) : null),
  },
  exportStandards: {
    open: (rules, _state, _seat, no) => (rules.game.eu.aiAct === false ? no.plain('noAiAct') : null),
    params(rules, state, seat, a, no) {
      const home = homeOf(rules, a.region);
      if (home && home !== 'eu') return no.standardsHome(a.region);
      if (home === 'eu' || underEuRules(state, a.region)) return no.alreadyUnderRules(a.region);
      const need = rules.game.eu.standardsInfluence;
      const have = state.factions[seat].influence[a.region];
      return have < need ? no.standardsInfluence(a.region, need, have) : null;
    },
  },
  investAI: { open: (_rules, state, seat, no) => (state.factions[seat].investAIThisRound ? no.plain('investAIDone') : null), params: always },
  fine: {
    open: always,
    params(_rules, state, _seat, a, no) {
      if (a.target === 'eu') return no.plain('fineSelf');
      const t = state.factions[a.target];
      return t.breaches.length + t.breachesLastRound.length > 0 ? null : no.noBreach(a.target);
    },
  },
};

/** Which regions a region card may target (`cards.json` `regions`), once the seat may act there. */
function cardRegionCheck<R>(rules: Rules, state: GameState, seat: FactionId, regions: string | undefined, region: RegionId, no: Refuse<R>): R | null {
  const hasInfluence = state.factions[seat].influence[region] >= 1;
  switch (regions) {
    case 'withInfluence':
      return hasInfluence ? null : no.noInfluence(region);
    case 'foreignWithInfluence':
      return region === rules.factions[seat].home ? no.cardRegion(region) : hasInfluence ? null : no.noInfluence(region);
    case 'neutralWithInfluence':
      return homeOf(rules, region) ? no.cardRegion(region) : hasInfluence ? null : no.noInfluence(region);
    default:
      return null;
  }
}

const LEVER_OWNER: Partial<Record<ActionType, FactionId>> = Object.fromEntries(FACTIONS.flatMap((owner) => FACTION_LEVERS[owner].map((type) => [type, owner])));

/** A type's check with its action (and what it prepares) widened (the caller passes an action of that type). */
interface AnyTypeCheck {
  open<R>(rules: Rules, state: GameState, seat: FactionId, no: Refuse<R>): R | null;
  params<R>(rules: Rules, state: GameState, seat: FactionId, a: Action, no: Refuse<R>, prepared?: unknown): R | null;
  prepare?(rules: Rules, state: GameState, seat: FactionId): unknown;
}

function typeCheck(type: CheckedType): AnyTypeCheck {
  return CHECKS[type] as unknown as AnyTypeCheck;
}

/**
 * A seat's action types with their checks, looked up once: the derived functions walk these
 * instead of looking each type up in `CHECKS` on every call. A check that always passes is null.
 */
interface TypePlan {
  type: CheckedType;
  open: AnyTypeCheck['open'] | null;
  params: AnyTypeCheck['params'] | null;
  prepare: NonNullable<AnyTypeCheck['prepare']> | null;
  /** The type's candidates when they never depend on the state (else null). */
  fixed: readonly Action[] | null;
}

const PLANS = Object.fromEntries(
  FACTIONS.map((seat) => [
    seat,
    actionTypesFor(seat).map((t): TypePlan => {
      const type = t as CheckedType;
      const c = typeCheck(type);
      return {
        type,
        open: c.open === always ? null : c.open,
        params: c.params === always ? null : c.params,
        prepare: c.prepare ?? null,
        fixed: fixedCandidates(type),
      };
    }),
  ]),
) as unknown as Record<FactionId, readonly TypePlan[]>;

/** The one check behind `checkAction` and `isLegal`: whose turn it is, whose lever, then the type's own check. */
function check<R>(rules: Rules, state: GameState, seat: FactionId, action: Action, no: Refuse<R>): R | null {
  if (state.phase === 'over') return no.plain('gameOver');
  const active = activeSeat(state);
  if (active !== seat) return state.pending ? no.choiceFirst(active as string) : no.notYourTurn(active as string);
  if (state.pending) {
    if (action.type !== 'choose') return no.choiceFirst(seat);
    return state.pending.options.includes(action.option) ? null : no.plain('unknownOption');
  }
  if (action.type === 'choose') return no.plain('noChoice');
  const owner = LEVER_OWNER[action.type];
  if (owner && owner !== seat) return no.notYourLever(owner);
  const c = typeCheck(action.type);
  return c.open(rules, state, seat, no) ?? c.params(rules, state, seat, action, no);
}

/**
 * Why `seat` may not take `action` now, or null if it may. The action must already have a
 * valid shape (see `parseAction`).
 */
export function checkAction(rules: Rules, state: GameState, seat: FactionId, action: Action): Reason | null {
  return check(rules, state, seat, action, EXPLAIN);
}

/** May `seat` take `action` now? The same answer as `checkAction(…) === null`, without building a reason. */
export function isLegal(rules: Rules, state: GameState, seat: FactionId, action: Action): boolean {
  return check(rules, state, seat, action, YES_NO) === null;
}

const LIST_GROUPS: (readonly Action[])[] = [];

/** The legal actions of a seat now, in a stable order (empty when it is not that seat's turn): the candidates of each open type whose parameters pass. */
export function legalActions(rules: Rules, state: GameState, seat: FactionId): Action[] {
  if (activeSeat(state) !== seat) return [];
  if (state.pending) return candidates(rules, state, seat, 'choose') as Action[];
  const out: Action[] = [];
  const plans = PLANS[seat];
  for (let t = 0; t < plans.length; t++) {
    const plan = plans[t] as TypePlan;
    if (plan.open !== null && plan.open(rules, state, seat, YES_NO) !== null) continue;
    const params = plan.params;
    const fixed = plan.fixed;
    // (Three loops rather than one: measured faster in V8.)
    if (params === null) {
      // Every candidate of an open type passes.
      if (fixed) for (let i = 0; i < fixed.length; i++) out.push(fixed[i] as Action);
      else pushAll(rules, state, seat, plan.type, out);
      continue;
    }
    const prepared = plan.prepare === null ? undefined : plan.prepare(rules, state, seat);
    if (fixed) {
      for (let i = 0; i < fixed.length; i++) {
        const action = fixed[i] as Action;
        if (params(rules, state, seat, action, YES_NO, prepared) === null) out.push(action);
      }
      continue;
    }
    const groups = LIST_GROUPS;
    groups.length = 0;
    pushCandidateGroups(rules, state, seat, plan.type, groups, plan.type === 'release' ? (prepared as number) : undefined);
    for (let g = 0; g < groups.length; g++) {
      const list = groups[g] as readonly Action[];
      for (let i = 0; i < list.length; i++) {
        const action = list[i] as Action;
        if (params(rules, state, seat, action, YES_NO, prepared) === null) out.push(action);
      }
    }
  }
  return out;
}

/** Appends every candidate of `type` to `out`. */
function pushAll(rules: Rules, state: GameState, seat: FactionId, type: CheckedType, out: Action[]): void {
  const groups = LIST_GROUPS;
  groups.length = 0;
  pushCandidateGroups(rules, state, seat, type, groups);
  for (let g = 0; g < groups.length; g++) {
    const list = groups[g] as readonly Action[];
    for (let i = 0; i < list.length; i++) out.push(list[i] as Action);
  }
}

/** One line per candidate action of the seat: the action and why it is refused (null if legal). */
export function actionOptions(rules: Rules, state: GameState, seat: FactionId): { action: Action; reason: Reason | null }[] {
  const types: readonly ActionType[] = state.pending ? ['choose'] : actionTypesFor(seat);
  const out: { action: Action; reason: Reason | null }[] = [];
  for (const type of types) for (const action of candidates(rules, state, seat, type)) out.push({ action, reason: checkAction(rules, state, seat, action) });
  return out;
}

const SAMPLE_GROUPS: (readonly Action[])[] = [];
/** The plan of each group of `SAMPLE_GROUPS`. */
const SAMPLE_PLANS: TypePlan[] = [];

/**
 * A uniformly random legal action of `seat` (null if it is not that seat's turn), drawn by
 * rejection sampling over the candidates of the open types: the same distribution as picking
 * from `legalActions`, without building the whole list. After 64 rejections it picks from
 * `legalActions`. Used by the random bot and benchmarks.
 */
export function sampleLegalAction(rules: Rules, state: GameState, seat: FactionId, rng: { int(n: number): number }): Action | null {
  if (activeSeat(state) !== seat) return null;
  if (state.pending) {
    const options = candidates(rules, state, seat, 'choose');
    return options[rng.int(options.length)] ?? null;
  }
  const groups = SAMPLE_GROUPS;
  const owners = SAMPLE_PLANS;
  groups.length = 0;
  owners.length = 0;
  const plans = PLANS[seat];
  for (let t = 0; t < plans.length; t++) {
    const plan = plans[t] as TypePlan;
    if (plan.open !== null && plan.open(rules, state, seat, YES_NO) !== null) continue;
    if (plan.fixed) groups.push(plan.fixed);
    else pushCandidateGroups(rules, state, seat, plan.type, groups);
    while (owners.length < groups.length) owners.push(plan);
  }
  let total = 0;
  for (let g = 0; g < groups.length; g++) total += (groups[g] as readonly Action[]).length;
  for (let tries = 0; tries < 64 && total > 0; tries++) {
    let index = rng.int(total);
    for (let g = 0; g < groups.length; g++) {
      const list = groups[g] as readonly Action[];
      if (index < list.length) {
        const action = list[index] as Action;
        const params = (owners[g] as TypePlan).params;
        if (params === null || params(rules, state, seat, action, YES_NO) === null) return action;
        break;
      }
      index -= list.length;
    }
  }
  const legal = legalActions(rules, state, seat);
  return legal[rng.int(legal.length)] ?? null;
}
