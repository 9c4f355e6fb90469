/**
 * The round: setup, headlines, turn order, the three action rounds, upkeep, scoring and the
 * end of the game. Everything between two player decisions happens here, automatically.
 */
import { FACTIONS, REGIONS, VP_SOURCES, type FactionId, type RegionId, type VpSource } from './ids.js';
import { Rng, seedRng } from './rng.js';
import type { Rules } from './rules/load.js';
import type { FactionState, GameState } from './state.js';
import { applyEffects } from './effects.js';
import { interestOn } from './costs.js';
import { ranking, scoreMoney, scoreRound, winnerOf } from './scoring.js';
import { readRegionRow } from './rows.js';
import { restoreSolvency } from './solvency.js';
import {
  addVp,
  changeTrack,
  computeIncome,
  currentEra,
  drawCards,
  endGame,
  modifierTotal,
  noGpus,
  soleCapabilityLeader,
  topCapability,
  trimGpus,
  underEuRules,
} from './world.js';

function perRegion<T>(make: (r: RegionId) => T): Record<RegionId, T> {
  const out = {} as Record<RegionId, T>;
  for (const r of REGIONS) out[r] = make(r);
  return out;
}

const deckCache = new WeakMap<Rules, { cards: Record<FactionId, string[]>; events: string[][] }>();

function decksOf(rules: Rules) {
  let decks = deckCache.get(rules);
  if (!decks) {
    const cards = { us: [], china: [], eu: [] } as Record<FactionId, string[]>;
    for (const c of rules.cardList) cards[c.faction].push(c.id);
    const events = rules.game.eras.map((era) => rules.eventList.filter((e) => e.era === era.id).map((e) => e.id));
    deckCache.set(rules, (decks = { cards, events }));
  }
  return decks;
}
const cardIdsOf = (rules: Rules, id: FactionId): readonly string[] => decksOf(rules).cards[id];
const eventIdsOf = (rules: Rules, era: number): readonly string[] => decksOf(rules).events[era - 1] ?? [];

function newFaction(rules: Rules, id: FactionId, rng: Rng): FactionState {
  const def = rules.factions[id];
  const s = def.start;
  const gpus = perRegion(() => noGpus());
  const deck = rng.shuffle([...cardIdsOf(rules, id)]);
  const f: FactionState = {
    id,
    capital: s.capital,
    debt: s.debt,
    compute: 0,
    capability: s.capability,
    vp: 0,
    vpBreakdown: Object.fromEntries(VP_SOURCES.map((k) => [k, 0])) as Record<VpSource, number>,
    hand: deck.splice(0, s.hand),
    deck,
    discard: [],
    influence: perRegion((r) => s.influence[r] ?? 0),
    modules: perRegion((r) => s.modules[r] ?? 0),
    gpus,
    deals: [],
    partnersCalled: [],
    licenceEra: 0,
    releasedIn: [],
    releasedThisRound: false,
    safetyThisRound: false,
    investAIThisRound: false,
    domesticBoughtThisRound: 0,
    commoditisation: 0,
    breaches: [],
    breachesLastRound: [],
    modifiers: [],
  };
  return f;
}

/** A new game from the rules and a seed, already at the first decision of round 1. */
export function createInitialState(rules: Rules, seed: string): GameState {
  const holder = { rng: seedRng(seed) };
  const rng = new Rng(holder);
  const eventDecks = rules.game.eras.map((era) => rng.shuffle([...eventIdsOf(rules, era.id)]));
  const factions = {} as Record<FactionId, FactionState>;
  for (const id of FACTIONS) factions[id] = newFaction(rules, id, rng);
  const seatOrder = rng.shuffle([...FACTIONS]);
  const t = rules.game.tracks;
  const state: GameState = {
    version: 1,
    rulesHash: rules.hash,
    seed,
    rng: holder.rng,
    round: 1,
    phase: 'actions',
    actionRound: 0,
    turnIndex: 0,
    order: [...seatOrder],
    seatOrder,
    tracks: { risk: t.risk.start, tension: t.tension.start, exportControls: t.exportControls.start, tariffs: t.tariffs.start },
    provisions: { transparency: 'notEnacted', riskManagement: 'notEnacted', copyright: 'notEnacted' },
    euRules: [],
    market: { units: 0 },
    eventDecks,
    headlines: [],
    headlineQueue: [],
    pending: null,
    factions,
    race: {},
    frontierReachedBy: null,
    actionCount: 0,
    log: [],
    result: null,
  };
  // Starting GPUs are installed in the home data center.
  for (const id of FACTIONS) {
    const home = rules.factions[id].home;
    for (const [kind, n] of Object.entries(rules.factions[id].start.gpus)) factions[id].gpus[home][kind as 'frontier'] += n ?? 0;
    trimGpus(rules, factions[id], home);
  }
  startRound(rules, state);
  return state;
}

/** Turn order for the round, by `rounds.turnOrder` (see the rules schema): fewest VP first (the default), most VP first, or the seat order rotated each round. */
export function turnOrder(rules: Rules, state: GameState): FactionId[] {
  const f = state.factions;
  const rule = rules.game.rounds.turnOrder;
  if (rule === 'rotate') {
    const shift = (state.round - 1) % state.seatOrder.length;
    return [...state.seatOrder.slice(shift), ...state.seatOrder.slice(0, shift)];
  }
  return sortSeats([...state.seatOrder], f, rule === 'mostVpFirst' ? mostVpFirst : fewestVpFirst);
}

type Factions = GameState['factions'];
const mostVpFirst = (f: Factions, a: FactionId, b: FactionId) => f[b].vp - f[a].vp || f[a].capability - f[b].capability || f[a].capital - f[b].capital;
const fewestVpFirst = (f: Factions, a: FactionId, b: FactionId) => f[a].vp - f[b].vp || f[a].capability - f[b].capability || f[a].capital - f[b].capital;

/**
 * Sorts `seats` in place by `before`, stably: the order `Array.prototype.sort` gives (a stable
 * sort of a total preorder has one result), by insertion (three seats, a hot path of every
 * round's start), without a closure.
 */
function sortSeats(seats: FactionId[], f: Factions, before: (f: Factions, a: FactionId, b: FactionId) => number): FactionId[] {
  for (let i = 1; i < seats.length; i++) {
    const x = seats[i] as FactionId;
    let j = i - 1;
    while (j >= 0 && before(f, seats[j] as FactionId, x) > 0) {
      seats[j + 1] = seats[j] as FactionId;
      j--;
    }
    seats[j + 1] = x;
  }
  return seats;
}

const NO_NEWS: readonly string[] = [];

function startRound(rules: Rules, state: GameState): void {
  const era = currentEra(rules, state);
  if (state.round > 1 && rules.eraOfRound[state.round - 1] !== era) {
    for (const id of FACTIONS) state.factions[id].modifiers = state.factions[id].modifiers.filter((m) => m.duration !== 'era');
  }
  state.actionRound = 0;
  state.turnIndex = 0;
  state.market.units = rules.game.gpus.marketUnits;
  const deck = state.eventDecks[era - 1] ?? [];
  const count = rules.game.eras[era - 1]?.eventsPerRound ?? 1;
  // The teacher's news (if any) comes first, then the round's drawn events.
  const news = state.pendingNews ?? NO_NEWS;
  // (Deleted only when there: a delete of a missing field still costs, at every round's start.)
  if ('pendingNews' in state) delete state.pendingNews;
  // An announced deck card is spent: it leaves every deck, so it is not drawn again later.
  for (const id of news)
    for (const d of state.eventDecks) {
      const at = d.indexOf(id);
      if (at >= 0) d.splice(at, 1);
    }
  if (news.length > 0) state.newsHeadlines = news.length;
  else if ('newsHeadlines' in state) delete state.newsHeadlines;
  const drawn = deck.splice(0, count);
  state.headlines = news.length > 0 ? [...news, ...drawn] : drawn;
  state.headlineQueue = state.headlines.slice();
  state.phase = 'actions';
  resolveHeadlines(rules, state);
}

/** Resolves revealed events in order until one asks a faction to choose (or none are left). */
export function resolveHeadlines(rules: Rules, state: GameState): void {
  while (state.headlineQueue.length > 0 && state.phase !== 'over') {
    const index = state.headlines.length - state.headlineQueue.length;
    const id = state.headlineQueue.shift() as string;
    const event = Object.hasOwn(rules.events, id) ? rules.events[id] : undefined;
    if (!event) continue;
    const byTeacher = index < (state.newsHeadlines ?? 0);
    state.log.push({ round: state.round, kind: 'event', id, ...(byTeacher ? { by: 'teacher' as const } : {}) });
    const choice = applyEffects(rules, state, event.effects, { self: null, region: null, vpSource: 'events' });
    if (choice && !isOver(state)) {
      state.pending = { eventId: id, seat: choice.who, options: choice.options.map((o) => o.id) };
      state.phase = 'choice';
      return;
    }
  }
  // Turn order is set once the headlines are resolved, so their VP changes count.
  if (!isOver(state)) state.order = turnOrder(rules, state);
}

/** Applies the chosen option of the pending headline, then resolves the rest of the headlines. */
export function resolveChoice(rules: Rules, state: GameState, optionId: string): void {
  const pending = state.pending;
  if (!pending) return;
  const event = rules.events[pending.eventId];
  const choice = event?.effects[event.effects.length - 1];
  state.pending = null;
  state.phase = 'actions';
  state.log.push({ round: state.round, kind: 'choice', seat: pending.seat, id: `${pending.eventId}.${optionId}` });
  if (choice?.op === 'choice') {
    const option = choice.options.find((o) => o.id === optionId);
    if (option) applyEffects(rules, state, option.effects, { self: pending.seat, region: null, vpSource: 'events' });
  }
  if (!isOver(state)) resolveHeadlines(rules, state);
}

/** Moves to the next seat's turn after an action; runs upkeep and the next round when due. */
export function advanceTurn(rules: Rules, state: GameState): void {
  if (state.phase === 'over') return;
  state.turnIndex++;
  if (state.turnIndex < state.order.length) return;
  state.turnIndex = 0;
  state.actionRound++;
  if (state.actionRound < rules.game.rounds.actionRounds) return;
  endRound(rules, state);
}

/** Income a faction would collect at upkeep now (before costs), by source. */
export function incomeBreakdown(
  rules: Rules,
  state: GameState,
  id: FactionId,
): { base: number; regions: number; premium: number; deals: number; chipSales: number; modifiers: number; commoditisation: number; total: number } {
  return incomeInto(rules, state, id, soleCapabilityLeader(state) === id, {
    base: 0,
    regions: 0,
    premium: 0,
    deals: 0,
    chipSales: 0,
    modifiers: 0,
    commoditisation: 0,
    total: 0,
  });
}

type Income = ReturnType<typeof incomeBreakdown>;

/** Rows of the factions' influence and modules (`FACTIONS` order, `REGIONS` within), read by upkeep. */
const N = REGIONS.length;
const INF = new Float64Array(FACTIONS.length * N);
const MOD = new Float64Array(FACTIONS.length * N);
const FACTION_INDEX: Record<FactionId, number> = { us: 0, china: 1, eu: 2 };

/** `incomeBreakdown` written into `out` (returned), given whether `id` is the sole capability leader. */
function incomeInto(rules: Rules, state: GameState, id: FactionId, sole: boolean, out: Income): Income {
  const f = state.factions[id];
  const tier = rules.game.upkeep.revenueTiers[f.capability] ?? 0;
  let regions = 0;
  let premium = 0;
  // (Each standing read directly, as `regionStanding` works it out, from rows read by name: a hot path of every upkeep.)
  const perModule = rules.game.regionStanding?.perModule ?? 0;
  if (!sole) {
    readRegionRow(f.influence, INF, 0);
    for (let i = 0; i < N; i++) if ((INF[i] as number) > 0) regions += tier;
  } else {
    const { us, china, eu } = state.factions;
    readRegionRow(us.influence, INF, 0);
    readRegionRow(china.influence, INF, N);
    readRegionRow(eu.influence, INF, 2 * N);
    readRegionRow(us.modules, MOD, 0);
    readRegionRow(china.modules, MOD, N);
    readRegionRow(eu.modules, MOD, 2 * N);
    const at = FACTION_INDEX[id] * N;
    for (let i = 0; i < N; i++) {
      const influence = INF[at + i] as number;
      if (influence > 0) regions += tier;
      // Closed-model premium: regions whose majority this faction leads outright.
      if (influence === 0) continue;
      const mine = influence + perModule * (MOD[at + i] as number);
      if (
        (id === 'us' || (INF[i] as number) + perModule * (MOD[i] as number) < mine) &&
        (id === 'china' || (INF[N + i] as number) + perModule * (MOD[N + i] as number) < mine) &&
        (id === 'eu' || (INF[2 * N + i] as number) + perModule * (MOD[2 * N + i] as number) < mine)
      )
        premium++;
    }
  }
  const base = rules.factions[id].baseIncome;
  const deals = f.deals.length * rules.game.costs.dealIncome;
  const modifiers = modifierTotal(f, 'income');
  const commoditisation = -f.commoditisation;
  // Chip sales to China (the US only): the more open the export-control track, the more the US sells.
  const perOpenLevel = id === 'us' ? (rules.game.us.chipSalesPerOpenLevel ?? 0) : 0;
  const chipSales = perOpenLevel * (rules.game.tracks.exportControls.max - state.tracks.exportControls);
  out.base = base;
  out.regions = regions;
  out.premium = premium;
  out.deals = deals;
  out.chipSales = chipSales;
  out.modifiers = modifiers;
  out.commoditisation = commoditisation;
  out.total = base + regions + premium + deals + chipSales + modifiers + commoditisation;
  return out;
}

/** Upkeep costs of a faction now: power, interest, compliance fees. */
export function upkeepCosts(rules: Rules, state: GameState, id: FactionId): { power: number; interest: number; compliance: number; total: number } {
  return costsInto(rules, state, id, { power: 0, interest: 0, compliance: 0, total: 0 });
}

type Costs = ReturnType<typeof upkeepCosts>;

/** `upkeepCosts` written into `out` (returned). */
function costsInto(rules: Rules, state: GameState, id: FactionId, out: Costs): Costs {
  const f = state.factions[id];
  let modules = 0;
  let compliance = 0;
  readRegionRow(f.modules, MOD, 0);
  readRegionRow(f.influence, INF, 0);
  for (let i = 0; i < N; i++) {
    modules += MOD[i] as number;
    if (id !== 'eu' && (INF[i] as number) > 0 && underEuRules(state, REGIONS[i] as RegionId)) compliance += rules.game.upkeep.compliancePerRegion;
  }
  const power = modules * rules.game.upkeep.moduleCost;
  const interest = interestOn(rules, f.debt);
  out.power = power;
  out.interest = interest;
  out.compliance = compliance;
  out.total = power + interest + compliance;
  return out;
}

function incidentCheck(rules: Rules, state: GameState): void {
  const inc = rules.game.incidents;
  if (state.tracks.risk < inc.fromRisk) return;
  const total = inc.table.reduce((n, row) => n + row.weight, 0);
  let roll = new Rng(state).int(total);
  const index = inc.table.findIndex((row) => (roll -= row.weight) < 0);
  const row = inc.table[index];
  if (!row) return;
  state.log.push({ round: state.round, kind: 'incident', amount: index });
  applyEffects(rules, state, row.effects, { self: null, region: null, vpSource: 'incidents' });
}

/**
 * Whether this round's upkeep pays income and charges costs: always, except the game's last
 * upkeep when the rules close the books before it (`upkeep.settleLastRound: false`).
 */
export function settlesThisUpkeep(rules: Rules, state: GameState): boolean {
  if (rules.game.upkeep.settleLastRound !== false) return true;
  return state.round < rules.game.rounds.count && state.frontierReachedBy === null;
}

/** The breakdowns upkeep works with, reused (upkeep never runs inside another). */
const INCOME: Income = { base: 0, regions: 0, premium: 0, deals: 0, chipSales: 0, modifiers: 0, commoditisation: 0, total: 0 };
const COSTS: Costs = { power: 0, interest: 0, compliance: 0, total: 0 };

/** Upkeep's money: income, then costs (compliance fees go to the EU), then the debt check. */
function settleMoney(rules: Rules, state: GameState): void {
  // Every income is worked out before any is paid.
  const sole = soleCapabilityLeader(state);
  const us = incomeInto(rules, state, 'us', sole === 'us', INCOME).total;
  const china = incomeInto(rules, state, 'china', sole === 'china', INCOME).total;
  const eu = incomeInto(rules, state, 'eu', sole === 'eu', INCOME).total;
  const fs = state.factions;
  fs.us.capital += Math.max(0, us);
  fs.china.capital += Math.max(0, china);
  fs.eu.capital += Math.max(0, eu);
  for (const id of FACTIONS) {
    const cost = costsInto(rules, state, id, COSTS);
    const f = fs[id];
    f.capital -= cost.total;
    if (cost.compliance > 0) fs.eu.capital += cost.compliance;
  }
  for (const id of FACTIONS) restoreSolvency(rules, state, id);
}

/** Upkeep in order: compute, income, costs, debt check (the money steps skipped at a closed last upkeep), risk check, cards; then scoring. */
function endRound(rules: Rules, state: GameState): void {
  const g = rules.game;
  for (const id of FACTIONS) {
    const f = state.factions[id];
    f.compute = Math.min(g.gpus.computeCap, f.compute + computeIncome(rules, f));
  }
  if (settlesThisUpkeep(rules, state)) settleMoney(rules, state);
  const top = topCapability(state);
  for (const step of g.upkeep.riskDrift) if (top >= step.fromCapability) changeTrack(rules, state, 'risk', step.amount);
  if (isOver(state)) return;
  incidentCheck(rules, state);
  if (state.phase === 'over') return;
  // The stream is read only when a deck runs out (made then: making it costs more than the draws).
  let rng: Rng | null = null;
  const shuffle = (cards: string[]) => (rng ??= new Rng(state)).shuffle(cards);
  for (const id of FACTIONS) drawCards(rules, state, id, g.upkeep.draw, shuffle);
  for (const id of FACTIONS) {
    const f = state.factions[id];
    if (f.modifiers.length > 0) f.modifiers = f.modifiers.filter((m) => m.duration !== 'round');
    f.releasedThisRound = false;
    f.safetyThisRound = false;
    f.investAIThisRound = false;
    f.domesticBoughtThisRound = 0;
    f.commoditisation = 0;
    f.breachesLastRound = f.breaches;
    f.breaches = [];
  }
  const last = state.round >= g.rounds.count || state.frontierReachedBy !== null;
  if (g.rounds.scoring.includes(state.round) || last) scoreRound(rules, state);
  if (last) {
    finishGame(rules, state);
    return;
  }
  state.round++;
  startRound(rules, state);
}

function finishGame(rules: Rules, state: GameState): void {
  const reached = state.frontierReachedBy;
  if (reached) {
    if (state.tracks.risk <= g(rules).frontier.maxRiskForVp) addVp(state, reached, 'frontier', g(rules).frontier.vp);
    else changeTrack(rules, state, 'risk', g(rules).frontier.riskPenalty);
    if (state.phase === 'over') return;
  }
  scoreMoney(rules, state);
  endGame(state, reached ? 'frontier' : 'rounds', winnerOf(state), ranking(state));
}

const g = (rules: Rules) => rules.game;
const isOver = (state: GameState): boolean => state.phase === 'over';
