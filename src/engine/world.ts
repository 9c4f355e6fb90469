/**
 * Queries and primitive changes on the game state, shared by actions, effects, upkeep and
 * scoring. Every change to a track, capability or VP goes through here, so catastrophe
 * (Risk 12), crisis (Tension 10) and the capability race fire wherever the change comes from.
 */
import { FACTIONS, REGIONS, type FactionId, type GpuKind, type RegionId, type TrackId, type VpSource } from './ids.js';
import type { Rules } from './rules/load.js';
import type { FactionState, GameState } from './state.js';
import { readGpuRow } from './rows.js';

/** The era (1–3) of the current round. */
export function currentEra(rules: Rules, state: GameState): number {
  return rules.eraOfRound[Math.min(state.round, rules.game.rounds.count)] ?? 1;
}

/** The faction whose home `region` is, if any (the one answer to "is this a home region?"). */
export function homeOf(rules: Rules, region: RegionId): FactionId | undefined {
  // FACTIONS in order, spelt out (a hot path: legality asks it for every region candidate).
  const f = rules.factions;
  return f.us.home === region ? 'us' : f.china.home === region ? 'china' : f.eu.home === region ? 'eu' : undefined;
}

/** Modules of all factions in a region. */
function modulesIn(state: GameState, region: RegionId): number {
  const f = state.factions;
  return f.us.modules[region] + f.china.modules[region] + f.eu.modules[region];
}

/** Free power (GW) left in a region. */
export function freePower(rules: Rules, state: GameState, region: RegionId): number {
  return rules.regions[region].power - modulesIn(state, region);
}

/** GPUs installed in one region for a faction. */
export function gpusIn(faction: FactionState, region: RegionId): number {
  const g = faction.gpus[region];
  return g.frontier + g.export + g.domestic;
}

/** Total installed GPUs of a faction, all kinds. */
export function totalGpus(faction: FactionState): number {
  let n = 0;
  for (const r of REGIONS) n += gpusIn(faction, r);
  return n;
}

/** Total modules of a faction. */
export function totalModules(faction: FactionState): number {
  let n = 0;
  for (const r of REGIONS) n += faction.modules[r];
  return n;
}

/** Is a provision enacted (not merely suspended)? */
export function isEnacted(state: GameState, provision: keyof GameState['provisions']): boolean {
  return state.provisions[provision] === 'enacted';
}

/** Is a region under EU rules? Europe is once any provision is enacted; others by standards. */
export function underEuRules(state: GameState, region: RegionId): boolean {
  if (region === 'EU') return isEnacted(state, 'transparency') || isEnacted(state, 'riskManagement') || isEnacted(state, 'copyright');
  return state.euRules.includes(region);
}

/** Can this kind of GPU be installed in this region for this faction now? */
export function slotAccepts(rules: Rules, state: GameState, seat: FactionId, region: RegionId, kind: GpuKind): boolean {
  const diversion = rules.regions[region].diversion;
  const controls = state.tracks.exportControls;
  const steps = rules.game.gpus.exportControls;
  if (kind === 'export' && diversion && controls >= steps.diversionClosedFrom) return false;
  if (seat === 'china' && kind !== 'domestic' && controls >= steps.chinaDiversionOnlyFrom && !diversion) return false;
  return true;
}

/** Free GPU slots a faction has for a kind of GPU (respecting the diversion rules). */
export function freeSlotsFor(rules: Rules, state: GameState, seat: FactionId, kind: GpuKind): number {
  const faction = state.factions[seat];
  const perModule = rules.game.gpus.slotsPerModule;
  let n = 0;
  for (const r of REGIONS) {
    if (faction.modules[r] === 0 || !slotAccepts(rules, state, seat, r, kind)) continue;
    n += faction.modules[r] * perModule - gpusIn(faction, r);
  }
  return n;
}

/** Installs up to `count` GPUs (home region first, then board order); returns how many fit. */
export function installGpus(rules: Rules, state: GameState, seat: FactionId, kind: GpuKind, count: number): number {
  const faction = state.factions[seat];
  const perModule = rules.game.gpus.slotsPerModule;
  const home = rules.factions[seat].home;
  let left = count;
  const place = (r: RegionId) => {
    if (left === 0 || faction.modules[r] === 0 || !slotAccepts(rules, state, seat, r, kind)) return;
    const free = faction.modules[r] * perModule - gpusIn(faction, r);
    const n = Math.min(free, left);
    if (n > 0) {
      faction.gpus[r][kind] += n;
      left -= n;
    }
  };
  place(home);
  for (const r of REGIONS) if (r !== home) place(r);
  return count - left;
}

/** Removes GPUs beyond a region's module slots (weakest kinds first). */
export function trimGpus(rules: Rules, faction: FactionState, region: RegionId): void {
  let excess = gpusIn(faction, region) - faction.modules[region] * rules.game.gpus.slotsPerModule;
  if (excess <= 0) return;
  const g = faction.gpus[region];
  for (const kind of ['domestic', 'export', 'frontier'] as const) {
    const n = Math.min(excess, g[kind]);
    g[kind] -= n;
    excess -= n;
  }
}

/** Compute produced each upkeep by a faction's installed GPUs. */
export function computeIncome(rules: Rules, faction: FactionState): number {
  const c = rules.game.gpus.compute;
  // (Rows read by name: every upkeep and scoring asks it of every faction.)
  readGpuRow(faction.gpus, FRONTIER, EXPORT, DOMESTIC, 0);
  let n = 0;
  for (let i = 0; i < REGIONS.length; i++) n += (FRONTIER[i] as number) * c.frontier + (EXPORT[i] as number) * c.export + (DOMESTIC[i] as number) * c.domestic;
  return n;
}

const FRONTIER = new Float64Array(REGIONS.length);
const EXPORT = new Float64Array(REGIONS.length);
const DOMESTIC = new Float64Array(REGIONS.length);

/** The top capability level on the board. */
export function topCapability(state: GameState): number {
  const f = state.factions;
  return Math.max(f.us.capability, f.china.capability, f.eu.capability);
}

/** Factions at the top capability level (all tied ones). */
export function capabilityLeaders(state: GameState): FactionId[] {
  const top = topCapability(state);
  return FACTIONS.filter((id) => state.factions[id].capability === top);
}

/** The single faction alone at the top capability, or null. */
export function soleCapabilityLeader(state: GameState): FactionId | null {
  const f = state.factions;
  const top = topCapability(state);
  const us = f.us.capability === top;
  const china = f.china.capability === top;
  const eu = f.eu.capability === top;
  if ((us ? 1 : 0) + (china ? 1 : 0) + (eu ? 1 : 0) !== 1) return null;
  return us ? 'us' : china ? 'china' : 'eu';
}

/** Factions with the most influence (≥1) in a region. */
export function influenceLeaders(state: GameState, region: RegionId): FactionId[] {
  return leadersBy((id) => state.factions[id].influence[region]);
}

/** The factions with the highest `level` (≥1), all tied ones; none when every level is 0. */
function leadersBy(level: (id: FactionId) => number): FactionId[] {
  let best = 0;
  for (const id of FACTIONS) best = Math.max(best, level(id));
  if (best === 0) return [];
  return FACTIONS.filter((id) => level(id) === best);
}

/** Factions with the highest standing (≥1) in a region: who would score its majority now (see `regionStanding`). */
export function standingLeaders(rules: Rules, state: GameState, region: RegionId): FactionId[] {
  return leadersBy((id) => regionStanding(rules, state, id, region));
}

/** Sum of a faction's modifiers of one key. */
export function modifierTotal(faction: FactionState, key: FactionState['modifiers'][number]['key']): number {
  const mods = faction.modifiers;
  let n = 0;
  for (let i = 0; i < mods.length; i++) {
    const m = mods[i] as FactionState['modifiers'][number];
    if (m.key === key) n += m.value;
  }
  return n;
}

/** Adds VP from a source (keeps VP equal to the sum of the breakdown). */
export function addVp(state: GameState, seat: FactionId, source: VpSource, amount: number): void {
  if (amount === 0) return;
  const f = state.factions[seat];
  f.vp += amount;
  f.vpBreakdown[source] += amount;
}

/** Ends the game at once. */
export function endGame(state: GameState, reason: 'rounds' | 'frontier' | 'catastrophe', winner: FactionId | null, ranking: FactionId[]): void {
  state.phase = 'over';
  state.pending = null;
  state.headlineQueue = [];
  state.result = { reason, winner, ranking };
  state.log.push({ round: state.round, kind: 'gameOver', id: reason, ...(winner ? { seat: winner } : {}) });
}

/** Moves a track, clamped; fires catastrophe at maximum Risk and crisis at maximum Tension. */
export function changeTrack(rules: Rules, state: GameState, track: TrackId, delta: number): void {
  if (state.phase === 'over' || delta === 0) return;
  const t = rules.game.tracks[track];
  state.tracks[track] = Math.max(t.min, Math.min(t.max, state.tracks[track] + delta));
  if (track === 'risk' && state.tracks.risk >= rules.game.tracks.risk.max) {
    state.log.push({ round: state.round, kind: 'catastrophe' });
    endGame(state, 'catastrophe', null, []);
  } else if (track === 'tension' && state.tracks.tension >= rules.game.tracks.tension.max) {
    state.tracks.exportControls = rules.game.tracks.exportControls.max;
    state.tracks.tariffs = rules.game.tracks.tariffs.max;
    for (const id of FACTIONS) addVp(state, id, 'crisis', rules.game.crisis.vp);
    state.tracks.tension = rules.game.crisis.tensionAfter;
    state.log.push({ round: state.round, kind: 'crisis' });
  }
}

/** Sets a faction's capability (clamped 0–10) and awards capability-race VP on the way up. */
export function changeCapability(rules: Rules, state: GameState, seat: FactionId, delta: number): void {
  const f = state.factions[seat];
  const top = rules.game.limits.capability;
  f.capability = Math.max(0, Math.min(top, f.capability + delta));
  for (const step of rules.game.capabilityRace) {
    const key = String(step.level);
    if (f.capability >= step.level && state.race[key] === undefined) {
      state.race[key] = seat;
      addVp(state, seat, 'capabilityRace', step.vp);
      state.log.push({ round: state.round, kind: 'race', seat, amount: step.level });
    }
  }
  if (f.capability >= top && state.frontierReachedBy === null) {
    state.frontierReachedBy = seat;
    state.log.push({ round: state.round, kind: 'frontier', seat });
  }
}

/** The most influence `seat` may have in `region`: `limits.influence`, or `limits.homeInfluence` in its own home. */
export function influenceCap(rules: Rules, seat: FactionId, region: RegionId): number {
  const l = rules.game.limits;
  return l.homeInfluence !== undefined && rules.factions[seat].home === region ? l.homeInfluence : l.influence;
}

/** Changes influence, clamped from 0 to the seat's cap there (`influenceCap`). */
export function changeInfluence(rules: Rules, state: GameState, seat: FactionId, region: RegionId, delta: number): void {
  const f = state.factions[seat];
  f.influence[region] = Math.max(0, Math.min(influenceCap(rules, seat, region), f.influence[region] + delta));
}

/** A faction's standing in a region, what its majority is scored on: its influence plus `regionStanding.perModule` per data-center module it has there. */
export function regionStanding(rules: Rules, state: GameState, seat: FactionId, region: RegionId): number {
  const f = state.factions[seat];
  return f.influence[region] + (rules.game.regionStanding?.perModule ?? 0) * f.modules[region];
}

/** Takes up to `amount` from a faction's capital (never below zero); returns what was taken. */
export function takeCapital(state: GameState, seat: FactionId, amount: number): number {
  const f = state.factions[seat];
  const taken = Math.min(Math.max(0, f.capital), amount);
  f.capital -= taken;
  return taken;
}

/** Adds free modules in a region up to its free power; returns how many were built. */
export function addModules(rules: Rules, state: GameState, seat: FactionId, region: RegionId, count: number): number {
  if (rules.factions[seat].forbidden.includes(region)) return 0;
  const n = Math.max(0, Math.min(count, freePower(rules, state, region)));
  state.factions[seat].modules[region] += n;
  return n;
}

/** Draws cards into a hand up to the hand size, reshuffling the discard when the deck runs out. */
export function drawCards(rules: Rules, state: GameState, seat: FactionId, count: number, shuffle: (cards: string[]) => void): void {
  const f = state.factions[seat];
  for (let i = 0; i < count && f.hand.length < rules.game.upkeep.handSize; i++) {
    if (f.deck.length === 0) {
      if (f.discard.length === 0) return;
      f.deck = f.discard;
      f.discard = [];
      shuffle(f.deck);
    }
    f.hand.push(f.deck.shift() as string);
  }
}

/** Empty GPU counts. */
export function noGpus(): Record<GpuKind, number> {
  return { frontier: 0, export: 0, domestic: 0 };
}
