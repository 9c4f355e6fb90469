/** Resolves the effects of events and cards (the small language defined in rules/schema). */
import { FACTIONS, REGIONS, type FactionId, type RegionId } from './ids.js';
import { Rng } from './rng.js';
import type { Rules } from './rules/load.js';
import type { Condition, Effect, RegionRef, Target } from './rules/schema.js';
import { restoreSolvency } from './solvency.js';
import type { GameState } from './state.js';
import {
  addModules,
  addVp,
  capabilityLeaders,
  changeCapability,
  changeInfluence,
  changeTrack,
  drawCards,
  homeOf,
  influenceLeaders,
  installGpus,
  isEnacted,
  soleCapabilityLeader,
  takeCapital,
} from './world.js';

/** Who is acting (for `self`), which region was chosen (for `target`), and where VP come from. */
export interface EffectContext {
  self: FactionId | null;
  region: RegionId | null;
  vpSource: 'events' | 'cards' | 'incidents';
  /**
   * The factions each changing target ("the capability leader", "the VP leader"...) named when
   * first met in this list of effects: an event names its targets once, so an effect that moves
   * the leader does not redirect the next effect to a new leader. Kept by `applyEffects`: null
   * until the list first names one (most lists name none, so most calls make no map).
   */
  named?: Map<string, FactionId[]> | null;
}

/** The factions a target names, in board order (a changing target: as first named in this list of effects). */
function resolveTarget(state: GameState, target: Target, ctx: EffectContext): FactionId[] {
  const key = changingKey(target);
  if (key === null || ctx.named === undefined) return targetNow(state, target, ctx);
  const known = ctx.named?.get(key);
  if (known) return known;
  const now = targetNow(state, target, ctx);
  (ctx.named ??= new Map()).set(key, now);
  return now;
}

/** Targets whose factions change as the game does (resolved once per list of effects). */
const CHANGING_TARGETS: ReadonlySet<string> = new Set(['capabilityLeader', 'frontierLabs', 'vpLeader', 'releasers']);
const MOST_INFLUENCE_KEYS = Object.fromEntries(REGIONS.map((r) => [r, `mostInfluence:${r}`])) as Record<RegionId, string>;

/** The key a changing target is named under, or null for a target whose factions do not change. */
function changingKey(target: Target): string | null {
  if (typeof target === 'object') return MOST_INFLUENCE_KEYS[target.mostInfluence];
  return CHANGING_TARGETS.has(target) ? target : null;
}

function targetNow(state: GameState, target: Target, ctx: EffectContext): FactionId[] {
  if (typeof target === 'object') return influenceLeaders(state, target.mostInfluence);
  switch (target) {
    case 'self':
      return ctx.self ? [ctx.self] : [];
    case 'others':
      return FACTIONS.filter((id) => id !== ctx.self);
    case 'all':
      return [...FACTIONS];
    case 'capabilityLeader':
    case 'frontierLabs':
      return capabilityLeaders(state);
    case 'vpLeader': {
      const best = Math.max(...FACTIONS.map((id) => state.factions[id].vp));
      return FACTIONS.filter((id) => state.factions[id].vp === best);
    }
    case 'releasers':
      return FACTIONS.filter((id) => state.factions[id].releasedIn.length > 0);
    default:
      return [target];
  }
}

function regionOf(ref: RegionRef, ctx: EffectContext): RegionId | null {
  return ref === 'target' ? ctx.region : ref;
}

function who(id: FactionId | 'self', ctx: EffectContext): FactionId | null {
  return id === 'self' ? ctx.self : id;
}

/** Evaluates a condition. */
export function checkCondition(state: GameState, cond: Condition, ctx: EffectContext): boolean {
  switch (cond.cond) {
    case 'debtExceedsCapital': {
      const id = who(cond.who, ctx);
      return id !== null && state.factions[id].debt > state.factions[id].capital;
    }
    case 'trackAtLeast':
      return state.tracks[cond.track] >= cond.value;
    case 'trackAtMost':
      return state.tracks[cond.track] <= cond.value;
    case 'capabilityAtLeast': {
      const id = who(cond.who, ctx);
      return id !== null && state.factions[id].capability >= cond.value;
    }
    case 'influenceAtLeast': {
      const id = who(cond.who, ctx);
      const region = regionOf(cond.region, ctx);
      return id !== null && region !== null && state.factions[id].influence[region] >= cond.value;
    }
    case 'provisionEnacted':
      return isEnacted(state, cond.provision);
    case 'hasReleased': {
      const id = who(cond.who, ctx);
      return id !== null && state.factions[id].releasedIn.length > 0;
    }
    case 'capabilityLeader': {
      const id = who(cond.who, ctx);
      return id !== null && soleCapabilityLeader(state) === id;
    }
  }
}

/**
 * Applies effects in order. Stops at a `choice` (returned, for the caller to ask the chooser)
 * or when the game ends. Returns the pending choice effect, if any.
 */
export function applyEffects(rules: Rules, state: GameState, effects: readonly Effect[], context: EffectContext): Extract<Effect, { op: 'choice' }> | null {
  // The outermost call owns the names of this list (nested lists of `chance` and `if` share them).
  const ctx: EffectContext = context.named !== undefined ? context : { self: context.self, region: context.region, vpSource: context.vpSource, named: null };
  for (const effect of effects) {
    if (state.phase === 'over') return null;
    const choice = applyEffect(rules, state, effect, ctx);
    if (choice) return choice;
  }
  return null;
}

function applyEffect(rules: Rules, state: GameState, e: Effect, ctx: EffectContext): Extract<Effect, { op: 'choice' }> | null {
  const each = (target: Target, fn: (id: FactionId) => void) => {
    for (const id of resolveTarget(state, target, ctx)) fn(id);
  };
  switch (e.op) {
    case 'capital':
      each(e.who, (id) => {
        if (e.amount >= 0) state.factions[id].capital += e.amount;
        else takeCapital(state, id, -e.amount);
      });
      return null;
    case 'capitalCall':
      each(e.who, (id) => {
        state.factions[id].capital -= e.amount;
        restoreSolvency(rules, state, id);
      });
      return null;
    case 'debtCall':
      each(e.who, (id) => {
        const f = state.factions[id];
        const repaid = Math.min(f.debt, e.amount);
        f.debt -= repaid;
        f.capital -= repaid;
        restoreSolvency(rules, state, id);
      });
      return null;
    case 'transfer': {
      const to = resolveTarget(state, e.to, ctx);
      each(e.from, (id) => {
        if (to.includes(id)) return;
        const paid = takeCapital(state, id, e.amount);
        const share = to.length ? Math.floor(paid / to.length) : 0;
        for (const t of to) state.factions[t].capital += share;
      });
      return null;
    }
    case 'debt':
      each(e.who, (id) => {
        state.factions[id].debt = Math.max(0, state.factions[id].debt + e.amount);
      });
      return null;
    case 'vp':
      each(e.who, (id) => addVp(state, id, ctx.vpSource, e.amount));
      return null;
    case 'track':
      changeTrack(rules, state, e.track, e.delta);
      return null;
    case 'influence': {
      const region = regionOf(e.region, ctx);
      if (region) each(e.who, (id) => changeInfluence(rules, state, id, region, e.delta));
      return null;
    }
    case 'capability':
      each(e.who, (id) => changeCapability(rules, state, id, e.delta));
      return null;
    case 'compute':
      each(e.who, (id) => {
        const f = state.factions[id];
        f.compute = Math.max(0, Math.min(rules.game.gpus.computeCap, f.compute + e.delta));
      });
      return null;
    case 'gpus':
      each(e.who, (id) => {
        if (e.kind === 'domestic' && id !== 'china') return;
        installGpus(rules, state, id, e.kind, e.count);
      });
      return null;
    case 'modules': {
      const region = regionOf(e.region, ctx);
      if (region) each(e.who, (id) => void addModules(rules, state, id, region, e.count));
      return null;
    }
    case 'modifier':
      each(e.who, (id) => {
        state.factions[id].modifiers.push({ key: e.key, value: e.value, duration: e.duration });
      });
      return null;
    case 'provision':
      state.provisions[e.provision] = e.status;
      return null;
    case 'euRules': {
      const region = regionOf(e.region, ctx);
      // Europe follows the AI Act by itself; another power's home never takes EU rules.
      if (!region || homeOf(rules, region)) return null;
      const has = state.euRules.includes(region);
      if (e.value && !has) state.euRules.push(region);
      if (!e.value && has) state.euRules = state.euRules.filter((r) => r !== region);
      return null;
    }
    case 'market':
      state.market.units = Math.max(0, state.market.units + e.delta);
      return null;
    case 'draw': {
      const rng = new Rng(state);
      each(e.who, (id) => drawCards(rules, state, id, e.count, (cards) => rng.shuffle(cards)));
      return null;
    }
    case 'chance': {
      const roll = new Rng(state).int(100);
      return applyEffects(rules, state, roll < e.percent ? e.then : (e.else ?? []), ctx);
    }
    case 'if':
      return applyEffects(rules, state, checkCondition(state, e.cond, ctx) ? e.then : (e.else ?? []), ctx);
    case 'choice':
      return e;
  }
}
