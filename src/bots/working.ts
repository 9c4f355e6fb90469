/**
 * One working copy of a position that the bots apply candidate actions to and then put back,
 * instead of deep-copying the position for every candidate. `reset` copies the base back into
 * the copy's own objects (allocating only for what is rare: modifiers, a pending choice, a
 * changed capability race, fields the fast path does not know), so a decision allocates its
 * working state once. A test checks that after any action and a reset the copy equals the
 * base and shares no object with it.
 */
import { FACTIONS, REGIONS, cloneState, type Action, type FactionId, type FactionState, type GameState, type RegionId } from '../engine/index.js';
import { FACTION_OBJECT_FIELDS, STATE_OBJECT_FIELDS, cloneGame, clonePending, cloneResult } from './clone.js';
import { copyGpuRegions, copyProvisions, copyRegions, copyRng, copyTracks, copyVp, keysAre, recordsAreFixed } from './records.js';

/** The objects of a faction the copy owns, whatever the engine reassigned meanwhile. */
interface FactionSkeleton {
  vpBreakdown: FactionState['vpBreakdown'];
  hand: string[];
  deck: string[];
  discard: string[];
  influence: FactionState['influence'];
  modules: FactionState['modules'];
  gpus: FactionState['gpus'];
  gpuRows: FactionState['gpus'][RegionId][];
  deals: FactionState['deals'];
  partnersCalled: FactionState['partnersCalled'];
  releasedIn: FactionState['releasedIn'];
  breaches: FactionState['breaches'];
  breachesLastRound: FactionState['breachesLastRound'];
  modifiers: FactionState['modifiers'];
}

/** The fields of a seat's view (`SeatView`) the engine neither reads nor writes: kept as first copied. */
const VIEW_FIELDS = new Set(['viewer', 'hidden']);

/**
 * The fields a reset restores one by one: the object-valued ones clone.ts copies by their shape,
 * and the scalars below; any other field of the base is restored generically.
 */
const STATE_FIELDS: ReadonlySet<string> = new Set([
  ...STATE_OBJECT_FIELDS,
  'version',
  'rulesHash',
  'seed',
  'round',
  'phase',
  'actionRound',
  'turnIndex',
  'frontierReachedBy',
  'actionCount',
]);
const FACTION_FIELDS: ReadonlySet<string> = new Set([
  ...FACTION_OBJECT_FIELDS,
  'id',
  'capital',
  'debt',
  'compute',
  'capability',
  'vp',
  'licenceEra',
  'releasedThisRound',
  'safetyThisRound',
  'investAIThisRound',
  'domesticBoughtThisRound',
  'commoditisation',
]);

function copyArray<T>(into: T[], from: readonly T[]): T[] {
  const n = from.length;
  if (into.length !== n) into.length = n;
  for (let i = 0; i < n; i++) into[i] = from[i] as T;
  return into;
}

/** Copies every field of `from` into `into` (the slow path, for records with keys records.ts does not know). */
function copyRecord<T extends object>(into: T, from: T): T {
  const a = into as Record<string, unknown>;
  const b = from as Record<string, unknown>;
  for (const key of Object.keys(b)) a[key] = b[key];
  return into;
}

function sameKeys(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const key in x) {
    if (x[key] !== y[key]) return false;
    n++;
  }
  for (const _ in y) n--;
  return n === 0;
}

/** The keys of `s` and its factions, when every one is a field `STATE_FIELDS` or `FACTION_FIELDS` names; else null. */
function cleanKeysOf(s: GameState): { state: string[]; us: string[]; china: string[]; eu: string[] } | null {
  const keys = { state: Object.keys(s), us: Object.keys(s.factions.us), china: Object.keys(s.factions.china), eu: Object.keys(s.factions.eu) };
  if (!keys.state.every((k) => STATE_FIELDS.has(k))) return null;
  for (const id of FACTIONS) if (!keys[id].every((k) => FACTION_FIELDS.has(k))) return null;
  return keys;
}

/** A base position and the working copy candidates are applied to. */
export class WorkingState {
  /** The copy actions are applied to; put it back with `reset`. */
  state!: GameState;
  private base: GameState;
  private factions!: Record<FactionId, FactionState>;
  private skeletons!: Record<FactionId, FactionSkeleton>;
  private top!: {
    rng: GameState['rng'];
    order: GameState['order'];
    seatOrder: GameState['seatOrder'];
    tracks: GameState['tracks'];
    provisions: GameState['provisions'];
    euRules: GameState['euRules'];
    market: GameState['market'];
    eventDecks: GameState['eventDecks'];
    decks: string[][];
    headlines: string[];
    headlineQueue: string[];
    log: GameState['log'];
  };
  private otherKeys: string[] = [];
  /** The keys of the last base and its factions (`describe`). */
  private keys: { state: string[]; us: string[]; china: string[]; eu: string[] } | null = null;
  /** Whether the state's records have the keys records.ts copies field by field. */
  private fixed = false;
  /** Whether `undo` may put back only what an action changed: fixed records and no fields the fast path does not know. */
  private light = false;
  private readonly otherFactionKeys: Record<FactionId, string[]> = { us: [], china: [], eu: [] };
  /** The copy's keys when it last had only the fields `STATE_FIELDS` and `FACTION_FIELDS` name (else null). */
  private cleanKeys: { state: string[]; us: string[]; china: string[]; eu: string[] } | null = null;

  /** Whether the copy leaves the base's log out (its own log starts empty at every reset). */
  private readonly withoutLog: boolean;

  /**
   * A working copy of `base` (a game state or a seat's view, whose view fields it leaves out).
   * `base` must not change while it is in use. `withoutLog`: the copy's log starts empty instead
   * of a copy of the base's (the bots never read it), so a base need not be copied to drop it.
   */
  constructor(base: GameState, options: { withoutLog?: boolean } = {}) {
    this.withoutLog = options.withoutLog === true;
    this.base = base;
    this.build(base);
  }

  /** Makes the copy's objects from `base`. */
  private build(base: GameState): void {
    this.base = base;
    const plain: Record<string, unknown> = { ...base };
    for (const key of VIEW_FIELDS) delete plain[key];
    if (this.withoutLog) plain.log = [];
    const s = cloneGame(plain as unknown as GameState);
    this.state = s;
    this.cleanKeys = null;
    this.factions = s.factions;
    this.top = {
      rng: s.rng,
      order: s.order,
      seatOrder: s.seatOrder,
      tracks: s.tracks,
      provisions: s.provisions,
      euRules: s.euRules,
      market: s.market,
      eventDecks: s.eventDecks,
      decks: s.eventDecks.slice(),
      headlines: s.headlines,
      headlineQueue: s.headlineQueue,
      log: s.log,
    };
    this.skeletons = {} as Record<FactionId, FactionSkeleton>;
    for (const id of FACTIONS) {
      const f = s.factions[id];
      this.skeletons[id] = {
        vpBreakdown: f.vpBreakdown,
        hand: f.hand,
        deck: f.deck,
        discard: f.discard,
        influence: f.influence,
        modules: f.modules,
        gpus: f.gpus,
        gpuRows: REGIONS.map((r) => f.gpus[r]),
        deals: f.deals,
        partnersCalled: f.partnersCalled,
        releasedIn: f.releasedIn,
        breaches: f.breaches,
        breachesLastRound: f.breachesLastRound,
        modifiers: f.modifiers,
      };
    }
    this.describe(base);
  }

  /** Makes `base` the position to reset to, and resets to it (the copy's objects are kept). */
  rebase(base: GameState): this {
    const wasFixed = this.fixed;
    this.base = base;
    this.describe(base);
    if (!wasFixed || !this.fixed) {
      // A record with keys of its own (this base's or the last one's): new objects for them all.
      this.build(base);
      return this;
    }
    // Fields of the former base this one lacks (none to look for while the copy has the keys it had when it had only known fields).
    const s = this.state as unknown as Record<string, unknown>;
    const clean = this.cleanKeys;
    if (
      !(
        clean &&
        keysAre(s, clean.state) &&
        keysAre(this.factions.us, clean.us) &&
        keysAre(this.factions.china, clean.china) &&
        keysAre(this.factions.eu, clean.eu)
      )
    ) {
      for (const key of Object.keys(s)) if (!STATE_FIELDS.has(key) && !this.otherKeys.includes(key)) delete s[key];
      for (const id of FACTIONS) {
        const f = this.factions[id] as unknown as Record<string, unknown>;
        for (const key of Object.keys(f)) if (!FACTION_FIELDS.has(key) && !this.otherFactionKeys[id].includes(key)) delete f[key];
      }
      this.cleanKeys = cleanKeysOf(this.state);
    }
    this.reset();
    return this;
  }

  /** Notes the base's keys: the fields a reset copies generically, and whether its records have the keys records.ts copies field by field. */
  private describe(base: GameState): void {
    // Most bases have the keys of the last one (the same shape): their lists are kept.
    const f = base.factions;
    const known = this.keys;
    if (!(known && keysAre(base, known.state) && keysAre(f.us, known.us) && keysAre(f.china, known.china) && keysAre(f.eu, known.eu))) {
      this.keys = { state: Object.keys(base), us: Object.keys(f.us), china: Object.keys(f.china), eu: Object.keys(f.eu) };
      for (const id of FACTIONS) this.otherFactionKeys[id] = Object.keys(base.factions[id]).filter((k) => !FACTION_FIELDS.has(k));
      this.otherKeys = Object.keys(base).filter((k) => !STATE_FIELDS.has(k) && !VIEW_FIELDS.has(k));
    }
    this.fixed = recordsAreFixed(base);
    this.light =
      this.fixed &&
      this.otherKeys.length === 0 &&
      this.otherFactionKeys.us.length === 0 &&
      this.otherFactionKeys.china.length === 0 &&
      this.otherFactionKeys.eu.length === 0;
  }

  /**
   * Puts the working copy back to the base position after `action` was applied to it (and
   * nothing else): as `reset`, but when the action neither ended the round nor logged anything
   * (no event, choice, capability race, frontier, crisis, financial crisis or catastrophe) and is
   * no headline choice, only what such an action can change is put back — the turn, the tracks,
   * provisions, EU rules and market, and each faction's money, compute, capability, flags,
   * influence, deals, partners, releases, breaches and modifiers (its modules after a build or a
   * deal, its GPUs after a purchase; after a card, also the VP breakdowns, modules, GPUs, hands,
   * decks, discards and the random state). The event decks, the headlines, the turn order, the
   * pending choice and the race only change at the end of a round, by an event, or with a log
   * entry. Only the acting seat's faction is put back, unless the action reaches others (a
   * release, training, a licence, a fine, a card). `action` must be the base's active seat's.
   */
  undo(action: Action): void {
    const s = this.state;
    const b = this.base;
    const type = action.type;
    if (
      !this.light ||
      type === 'choose' ||
      s.round !== b.round ||
      s.log !== this.top.log ||
      s.log.length !== (this.withoutLog ? 0 : b.log.length) ||
      s.result !== null ||
      s.pending !== null
    ) {
      this.reset();
      return;
    }
    const t = this.top;
    s.phase = b.phase;
    s.actionRound = b.actionRound;
    s.turnIndex = b.turnIndex;
    s.actionCount = b.actionCount;
    s.tracks = copyTracks(t.tracks, b.tracks);
    s.provisions = copyProvisions(t.provisions, b.provisions);
    // (The engine only appends to the EU rules' regions, or gives a new list.)
    if (s.euRules !== t.euRules || s.euRules.length !== b.euRules.length) s.euRules = copyArray(t.euRules, b.euRules);
    t.market.units = b.market.units;
    s.market = t.market;
    s.frontierReachedBy = b.frontierReachedBy;
    // A card's effects may also move VP, modules and GPUs, draw cards and roll dice.
    const card = type === 'playCard';
    if (card) s.rng = copyRng(t.rng, b.rng);
    const modules = card || type === 'build' || type === 'deal';
    const gpus = card || type === 'buyGpus';
    // Only a release (influence, commoditisation and compute of rivals), training (the lenders'
    // compute), a licence (paid to the EU), a fine and a card reach another faction.
    // (The action is the base's active seat's: no choice is pending, or it would be one.)
    const seat = b.order[b.turnIndex];
    const all = seat === undefined || card || type === 'release' || type === 'train' || type === 'buyLicence' || type === 'fine';
    if (all || seat === 'us') this.undoFaction('us', modules, gpus, card);
    if (all || seat === 'china') this.undoFaction('china', modules, gpus, card);
    if (all || seat === 'eu') this.undoFaction('eu', modules, gpus, card);
  }

  private undoFaction(id: FactionId, modules: boolean, gpus: boolean, cards: boolean): void {
    const f = this.factions[id];
    const g = this.base.factions[id];
    const k = this.skeletons[id];
    if (cards) {
      f.vpBreakdown = copyVp(k.vpBreakdown, g.vpBreakdown);
      f.hand = copyArray(k.hand, g.hand);
      f.deck = copyArray(k.deck, g.deck);
      f.discard = copyArray(k.discard, g.discard);
    }
    f.capital = g.capital;
    f.debt = g.debt;
    f.compute = g.compute;
    f.capability = g.capability;
    f.vp = g.vp;
    f.influence = copyRegions(k.influence, g.influence);
    if (modules) f.modules = copyRegions(k.modules, g.modules);
    if (gpus) f.gpus = copyGpuRegions(k.gpus, k.gpuRows, g.gpus);
    if (f.deals !== k.deals || f.deals.length !== g.deals.length) f.deals = copyArray(k.deals, g.deals);
    if (f.partnersCalled !== k.partnersCalled || f.partnersCalled.length !== g.partnersCalled.length)
      f.partnersCalled = copyArray(k.partnersCalled, g.partnersCalled);
    f.licenceEra = g.licenceEra;
    if (f.releasedIn !== k.releasedIn || f.releasedIn.length !== g.releasedIn.length) f.releasedIn = copyArray(k.releasedIn, g.releasedIn);
    f.releasedThisRound = g.releasedThisRound;
    f.safetyThisRound = g.safetyThisRound;
    f.investAIThisRound = g.investAIThisRound;
    f.domesticBoughtThisRound = g.domesticBoughtThisRound;
    f.commoditisation = g.commoditisation;
    // (The engine only appends to breaches, or gives new lists.)
    if (f.breaches !== k.breaches || f.breaches.length !== g.breaches.length) f.breaches = copyArray(k.breaches, g.breaches);
    if (f.breachesLastRound !== k.breachesLastRound || f.breachesLastRound.length !== g.breachesLastRound.length)
      f.breachesLastRound = copyArray(k.breachesLastRound, g.breachesLastRound);
    if (f.modifiers !== k.modifiers || f.modifiers.length !== g.modifiers.length) this.undoModifiers(f, g, k);
  }

  /** Puts a faction's modifiers back (the engine never changes one in place: an equal one of the copy's own is kept). */
  private undoModifiers(f: FactionState, g: FactionState, k: FactionSkeleton): void {
    const mods = k.modifiers;
    if (mods.length !== g.modifiers.length) mods.length = g.modifiers.length;
    for (let i = 0; i < g.modifiers.length; i++) {
      const m = g.modifiers[i] as FactionState['modifiers'][number];
      const mine = mods[i];
      if (!mine || mine === m || mine.key !== m.key || mine.value !== m.value || mine.duration !== m.duration) mods[i] = { ...m };
    }
    f.modifiers = mods;
  }

  /** Puts the working copy back to the base position, in place. */
  reset(): void {
    const s = this.state;
    const b = this.base;
    const t = this.top;
    s.version = b.version;
    s.rulesHash = b.rulesHash;
    s.seed = b.seed;
    const fixed = this.fixed;
    s.rng = fixed ? copyRng(t.rng, b.rng) : copyRecord(t.rng, b.rng);
    s.round = b.round;
    s.phase = b.phase;
    s.actionRound = b.actionRound;
    s.turnIndex = b.turnIndex;
    s.order = copyArray(t.order, b.order);
    s.seatOrder = copyArray(t.seatOrder, b.seatOrder);
    s.tracks = fixed ? copyTracks(t.tracks, b.tracks) : copyRecord(t.tracks, b.tracks);
    s.provisions = fixed ? copyProvisions(t.provisions, b.provisions) : copyRecord(t.provisions, b.provisions);
    s.euRules = copyArray(t.euRules, b.euRules);
    t.market.units = b.market.units;
    s.market = fixed ? t.market : copyRecord(t.market, b.market);
    const decks = t.decks;
    if (t.eventDecks.length !== b.eventDecks.length) t.eventDecks.length = b.eventDecks.length;
    for (let i = 0; i < b.eventDecks.length; i++) t.eventDecks[i] = copyArray((decks[i] ??= []), b.eventDecks[i] as string[]);
    s.eventDecks = t.eventDecks;
    s.headlines = copyArray(t.headlines, b.headlines);
    s.headlineQueue = copyArray(t.headlineQueue, b.headlineQueue);
    s.pending = clonePending(b.pending);
    s.factions = this.factions;
    if (!sameKeys(s.race, b.race)) s.race = { ...b.race };
    s.frontierReachedBy = b.frontierReachedBy;
    s.actionCount = b.actionCount;
    if (t.log.length !== 0) t.log.length = 0;
    if (!this.withoutLog) for (const e of b.log) t.log.push({ ...e });
    s.log = t.log;
    s.result = cloneResult(b.result);
    if (this.otherKeys.length > 0)
      for (const key of this.otherKeys) (s as unknown as Record<string, unknown>)[key] = cloneState((b as unknown as Record<string, unknown>)[key]);
    this.resetFaction('us', fixed);
    this.resetFaction('china', fixed);
    this.resetFaction('eu', fixed);
  }

  private resetFaction(id: FactionId, fixed: boolean): void {
    const f = this.factions[id];
    const g = this.base.factions[id];
    const k = this.skeletons[id];
    f.id = g.id;
    f.capital = g.capital;
    f.debt = g.debt;
    f.compute = g.compute;
    f.capability = g.capability;
    f.vp = g.vp;
    f.vpBreakdown = fixed ? copyVp(k.vpBreakdown, g.vpBreakdown) : copyRecord(k.vpBreakdown, g.vpBreakdown);
    f.hand = copyArray(k.hand, g.hand);
    f.deck = copyArray(k.deck, g.deck);
    f.discard = copyArray(k.discard, g.discard);
    if (fixed) {
      f.influence = copyRegions(k.influence, g.influence);
      f.modules = copyRegions(k.modules, g.modules);
      f.gpus = copyGpuRegions(k.gpus, k.gpuRows, g.gpus);
    } else {
      f.influence = copyRecord(k.influence, g.influence);
      f.modules = copyRecord(k.modules, g.modules);
      for (let i = 0; i < REGIONS.length; i++) {
        const r = REGIONS[i] as RegionId;
        k.gpus[r] = copyRecord(k.gpuRows[i] as FactionState['gpus'][RegionId], g.gpus[r]);
      }
      f.gpus = k.gpus;
    }
    f.deals = copyArray(k.deals, g.deals);
    f.partnersCalled = copyArray(k.partnersCalled, g.partnersCalled);
    f.licenceEra = g.licenceEra;
    f.releasedIn = copyArray(k.releasedIn, g.releasedIn);
    f.releasedThisRound = g.releasedThisRound;
    f.safetyThisRound = g.safetyThisRound;
    f.investAIThisRound = g.investAIThisRound;
    f.domesticBoughtThisRound = g.domesticBoughtThisRound;
    f.commoditisation = g.commoditisation;
    f.breaches = copyArray(k.breaches, g.breaches);
    f.breachesLastRound = copyArray(k.breachesLastRound, g.breachesLastRound);
    this.undoModifiers(f, g, k);
    const others = this.otherFactionKeys[id];
    if (others.length > 0)
      for (const key of others) (f as unknown as Record<string, unknown>)[key] = cloneState((g as unknown as Record<string, unknown>)[key]);
  }
}
