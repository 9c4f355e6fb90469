/** Plain-text tables of a summary or a comparison, for `--format table`. */
import { FACTIONS, VP_SOURCES } from '../../engine/index.js';
import type { Comparison } from '../stats/compare.js';
import { SEAT_NAMES, type SimSummary } from '../stats/summary.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ci = (c: [number, number]) => `${pct(c[0])}–${pct(c[1])}`;

/** A summary as a table. */
export function summaryTable(s: SimSummary): string {
  const lines = [
    `games ${s.games}${s.interrupted ? ` of ${s.requestedGames} (interrupted)` : ''}  seed ${s.seed}  rules ${s.rulesHash}${s.variant ? ` (${s.variant})` : ''}  bots ${s.lineup.join(',')}${s.rotate ? ' rotated' : ''}`,
    `faction   wins   win rate  95% CI         avg VP`,
    ...FACTIONS.map((id) => {
      const f = s.factions[id];
      return `${id.padEnd(9)} ${String(f.wins).padStart(5)}   ${pct(f.winRate).padStart(6)}   ${ci(f.ci95).padEnd(13)}  ${f.averageVp.toFixed(1).padStart(6)}`;
    }),
    `where the VP came from (average per game)`,
    ...FACTIONS.map((id) => {
      const parts = VP_SOURCES.filter((k) => Math.abs(s.vpSources[id][k]) >= 0.05).map((k) => `${k} ${s.vpSources[id][k].toFixed(1)}`);
      return `${id.padEnd(9)} ${parts.join(', ')}`;
    }),
    `seat (seat order drawn at setup: the last turn-order tie-break)`,
    ...SEAT_NAMES.map((name) => {
      const x = s.seats[name];
      const who = FACTIONS.filter((id) => x.factions[id] > 0).join('/');
      return `${name.padEnd(9)} ${String(x.wins).padStart(5)}   ${pct(x.winRate).padStart(6)}   ${ci(x.ci95).padEnd(13)}  ${who}`;
    }),
    `bot level`,
    ...Object.entries(s.bots).map(([level, b]) => {
      const byFaction = FACTIONS.filter((id) => b.byFaction[id]).map((id) => `${id} ${pct(b.byFaction[id]?.winRate ?? 0)}`);
      return `${level.padEnd(9)} ${String(b.wins).padStart(5)}   ${pct(b.winRate).padStart(6)}   ${ci(b.ci95).padEnd(13)}  ${b.seats} seats (${byFaction.join(', ')})`;
    }),
    `no winner ${s.noWinner}  catastrophes ${s.catastrophes} (${pct(s.catastropheRate)})  games with a crisis ${s.crises.games} (${pct(s.crises.rate)})  frontier endings ${s.frontierEndings}`,
    `average rounds ${s.averageRounds}  reached the last round ${s.reachedLastRound} (${pct(s.reachedLastRoundRate)})  average actions ${s.averageActions}`,
    `digest ${s.digest}`,
  ];
  return lines.join('\n');
}

/** A comparison as a table of differences (significant ones marked *). */
export function comparisonTable(c: Comparison): string {
  const head = `games ${c.games}  seed ${c.seed}  base rules ${c.base.rulesHash}${c.base.variant ? ` (${c.base.variant})` : ''}  variant rules ${c.variant.rulesHash} (${c.variant.variant})`;
  const rows = c.differences.map((d) => {
    const f = (x: number) => (d.kind === 'rate' ? pct(x) : x.toFixed(2));
    const delta =
      d.kind === 'rate' ? `${d.difference >= 0 ? '+' : ''}${(d.difference * 100).toFixed(1)} pts` : `${d.difference >= 0 ? '+' : ''}${d.difference.toFixed(2)}`;
    return `${d.significant ? '*' : ' '} ${d.metric.padEnd(26)} ${f(d.base).padStart(7)} ${f(d.variant).padStart(7)} ${delta.padStart(10)}  z ${d.z.toFixed(2).padStart(6)}  p ${d.p < 0.0001 ? '<0.0001' : d.p.toFixed(4)}`;
  });
  return [
    head,
    `  ${'measure'.padEnd(26)} ${'base'.padStart(7)} ${'variant'.padStart(7)} ${'Δ'.padStart(10)}`,
    ...rows,
    `* p < 0.05 (two-proportion z-test for rates, z-test of means for averages)`,
  ].join('\n');
}
