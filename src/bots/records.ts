/**
 * Copies of the state's fixed-key records (per region, per GPU kind, the tracks, the
 * provisions, the VP breakdown, the random state) written field by field. V8 runs a copy by
 * named fields several times faster than one by a loop over keys (a keyed store on many object
 * shapes), and the bots' working copy is reset once per candidate action. `recordsAreFixed`
 * tells whether a state has exactly the keys written here; where it does not (a new region,
 * track or VP source), the caller copies by keys instead.
 */
import { GPU_KINDS, PROVISIONS, REGIONS, TRACKS, VP_SOURCES, type GameState, type GpuCounts, type RegionId } from '../engine/index.js';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Are `o`'s keys exactly `list`, in order? (`Object.keys(o)` compared, without making the array.) */
export function keysAre(o: object, list: readonly string[]): boolean {
  let i = 0;
  for (const key in o) {
    if (key !== list[i]) return false;
    i++;
  }
  return i === list.length;
}

const FIXED_REGIONS = ['NA', 'EU', 'CN', 'GULF', 'IN', 'SEA', 'JK', 'LATAM', 'AF'];
const FIXED_KINDS = ['frontier', 'export', 'domestic'];
const FIXED_TRACKS = ['risk', 'tension', 'exportControls', 'tariffs'];
const FIXED_PROVISIONS = ['transparency', 'riskManagement', 'copyright'];
const FIXED_VP = ['regions', 'capabilityRace', 'agenda', 'frontier', 'events', 'cards', 'crisis', 'financialCrisis', 'incidents', 'debt', 'capital'];
const FIXED_RNG = ['c', 's0', 's1', 's2'];
const FIXED_MARKET = ['units'];

const IDS_FIXED =
  same(REGIONS, FIXED_REGIONS) &&
  same(GPU_KINDS, FIXED_KINDS) &&
  same(TRACKS, FIXED_TRACKS) &&
  same(PROVISIONS, FIXED_PROVISIONS) &&
  same(VP_SOURCES, FIXED_VP);

/** Does `state` have exactly the record keys the copies below write (so they copy it whole)? */
export function recordsAreFixed(state: GameState): boolean {
  if (!IDS_FIXED) return false;
  const f = state.factions.us;
  return (
    keysAre(state.rng, FIXED_RNG) &&
    keysAre(state.tracks, FIXED_TRACKS) &&
    keysAre(state.provisions, FIXED_PROVISIONS) &&
    keysAre(state.market, FIXED_MARKET) &&
    keysAre(f.influence, FIXED_REGIONS) &&
    keysAre(f.modules, FIXED_REGIONS) &&
    keysAre(f.gpus, FIXED_REGIONS) &&
    keysAre(f.gpus.NA, FIXED_KINDS) &&
    keysAre(f.vpBreakdown, FIXED_VP)
  );
}

/** Copies a per-region record of numbers. */
export function copyRegions(a: Record<RegionId, number>, b: Readonly<Record<RegionId, number>>): Record<RegionId, number> {
  a.NA = b.NA;
  a.EU = b.EU;
  a.CN = b.CN;
  a.GULF = b.GULF;
  a.IN = b.IN;
  a.SEA = b.SEA;
  a.JK = b.JK;
  a.LATAM = b.LATAM;
  a.AF = b.AF;
  return a;
}

/** Copies GPU counts by kind. */
function copyGpus(a: GpuCounts, b: Readonly<GpuCounts>): GpuCounts {
  a.frontier = b.frontier;
  a.export = b.export;
  a.domestic = b.domestic;
  return a;
}

/** Copies the tracks. */
export function copyTracks(a: GameState['tracks'], b: Readonly<GameState['tracks']>): GameState['tracks'] {
  a.risk = b.risk;
  a.tension = b.tension;
  a.exportControls = b.exportControls;
  a.tariffs = b.tariffs;
  return a;
}

/** Copies the provisions' statuses. */
export function copyProvisions(a: GameState['provisions'], b: Readonly<GameState['provisions']>): GameState['provisions'] {
  a.transparency = b.transparency;
  a.riskManagement = b.riskManagement;
  a.copyright = b.copyright;
  return a;
}

/** Copies the random stream's state. */
export function copyRng(a: GameState['rng'], b: Readonly<GameState['rng']>): GameState['rng'] {
  a.c = b.c;
  a.s0 = b.s0;
  a.s1 = b.s1;
  a.s2 = b.s2;
  return a;
}

type VpBreakdown = GameState['factions']['us']['vpBreakdown'];

/** Copies a VP breakdown. */
export function copyVp(a: VpBreakdown, b: Readonly<VpBreakdown>): VpBreakdown {
  a.regions = b.regions;
  a.capabilityRace = b.capabilityRace;
  a.agenda = b.agenda;
  a.frontier = b.frontier;
  a.events = b.events;
  a.cards = b.cards;
  a.crisis = b.crisis;
  a.financialCrisis = b.financialCrisis;
  a.incidents = b.incidents;
  a.debt = b.debt;
  a.capital = b.capital;
  return a;
}

/** Copies per-region GPU counts into `a`, whose rows (in region order) are `rows`, whatever `a` holds now. */
export function copyGpuRegions(
  a: Record<RegionId, GpuCounts>,
  rows: readonly GpuCounts[],
  b: Readonly<Record<RegionId, GpuCounts>>,
): Record<RegionId, GpuCounts> {
  a.NA = copyGpus(rows[0] as GpuCounts, b.NA);
  a.EU = copyGpus(rows[1] as GpuCounts, b.EU);
  a.CN = copyGpus(rows[2] as GpuCounts, b.CN);
  a.GULF = copyGpus(rows[3] as GpuCounts, b.GULF);
  a.IN = copyGpus(rows[4] as GpuCounts, b.IN);
  a.SEA = copyGpus(rows[5] as GpuCounts, b.SEA);
  a.JK = copyGpus(rows[6] as GpuCounts, b.JK);
  a.LATAM = copyGpus(rows[7] as GpuCounts, b.LATAM);
  a.AF = copyGpus(rows[8] as GpuCounts, b.AF);
  return a;
}
