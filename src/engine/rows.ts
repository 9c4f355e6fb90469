/**
 * Per-region records read into number rows by named fields (`REGIONS` order). The upkeep and
 * the bots' look-ahead read every region of every faction for each candidate action; a loop
 * `record[region]` over nine keys is a keyed load V8 cannot specialise, several times slower
 * than nine named loads. Where the regions are not the ones named here (a changed `REGIONS`),
 * the rows are read by key, with the same numbers.
 */
import { REGIONS, type RegionId } from './ids.js';
import type { GpuCounts } from './state.js';

const NAMED = REGIONS.join(',') === 'NA,EU,CN,GULF,IN,SEA,JK,LATAM,AF';

/** Reads a per-region record of numbers into `out` from index `at`, in `REGIONS` order. */
export function readRegionRow(b: Readonly<Record<RegionId, number>>, out: Float64Array, at: number): void {
  if (!NAMED) {
    for (let i = 0; i < REGIONS.length; i++) out[at + i] = b[REGIONS[i] as RegionId];
    return;
  }
  out[at] = b.NA;
  out[at + 1] = b.EU;
  out[at + 2] = b.CN;
  out[at + 3] = b.GULF;
  out[at + 4] = b.IN;
  out[at + 5] = b.SEA;
  out[at + 6] = b.JK;
  out[at + 7] = b.LATAM;
  out[at + 8] = b.AF;
}

/** Reads per-region GPU counts into `frontier`, `exported` and `domestic` from index `at`, in `REGIONS` order. */
export function readGpuRow(b: Readonly<Record<RegionId, GpuCounts>>, frontier: Float64Array, exported: Float64Array, domestic: Float64Array, at: number): void {
  if (!NAMED) {
    for (let i = 0; i < REGIONS.length; i++) readGpus(b[REGIONS[i] as RegionId], frontier, exported, domestic, at + i);
    return;
  }
  readGpus(b.NA, frontier, exported, domestic, at);
  readGpus(b.EU, frontier, exported, domestic, at + 1);
  readGpus(b.CN, frontier, exported, domestic, at + 2);
  readGpus(b.GULF, frontier, exported, domestic, at + 3);
  readGpus(b.IN, frontier, exported, domestic, at + 4);
  readGpus(b.SEA, frontier, exported, domestic, at + 5);
  readGpus(b.JK, frontier, exported, domestic, at + 6);
  readGpus(b.LATAM, frontier, exported, domestic, at + 7);
  readGpus(b.AF, frontier, exported, domestic, at + 8);
}

function readGpus(g: Readonly<GpuCounts>, frontier: Float64Array, exported: Float64Array, domestic: Float64Array, i: number): void {
  frontier[i] = g.frontier;
  exported[i] = g.export;
  domestic[i] = g.domestic;
}
