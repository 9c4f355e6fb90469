/**
 * A class experiment's comparison: the debrief's tables grouped by condition (scenario preset),
 * with who won, the final risk, capability and money, the actions each faction took, and how
 * much so few tables can show. Pure: the debrief page draws it.
 */
import { FACTIONS, type FactionId, type TextKey } from '../../engine/index.js';
import type { PresetId } from '../../engine/rules/presets.js';
import type { DebriefData, TableDebrief } from './api.js';

/** The tables of one condition, summed up (means over its finished tables). */
export interface ConditionGroup {
  condition: PresetId;
  /** Table numbers (0-based) that played it. */
  tables: number[];
  /** Of them, finished (the means are over these). */
  finished: number;
  wins: Record<FactionId, number>;
  catastrophes: number;
  risk: number;
  capability: number;
  capital: number;
  /** Mean number of each action type per finished table, by faction. */
  actions: Record<FactionId, Record<string, number>>;
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);

/** The debrief's tables grouped by condition, in the order the conditions first appear. */
export function compareConditions(d: DebriefData): ConditionGroup[] {
  const order: PresetId[] = [];
  for (const tb of d.tables) if (!order.includes(tb.condition ?? 'standard')) order.push(tb.condition ?? 'standard');
  return order.map((condition) => {
    const all = d.tables.filter((tb) => (tb.condition ?? 'standard') === condition);
    const done = all.filter((tb) => tb.finished);
    const sum = (f: (tb: TableDebrief) => number) => mean(done.map(f));
    const actions = Object.fromEntries(
      FACTIONS.map((f) => {
        const types = [...new Set(done.flatMap((tb) => Object.keys(tb.actionsBy?.[f] ?? {})))].sort();
        return [f, Object.fromEntries(types.map((type) => [type, mean(done.map((tb) => tb.actionsBy?.[f]?.[type] ?? 0))]))];
      }),
    ) as Record<FactionId, Record<string, number>>;
    return {
      condition,
      tables: all.map((tb) => tb.table),
      finished: done.length,
      wins: Object.fromEntries(FACTIONS.map((f) => [f, done.filter((tb) => tb.winner === f).length])) as Record<FactionId, number>,
      catastrophes: done.filter((tb) => tb.reason === 'catastrophe').length,
      risk: sum((tb) => tb.final.risk),
      capability: sum((tb) => FACTIONS.reduce((n, f) => n + tb.final.factions[f].capability, 0)),
      capital: sum((tb) => FACTIONS.reduce((n, f) => n + tb.final.factions[f].capital, 0)),
      actions,
    };
  });
}

/**
 * The plain sentences on what the comparison can show: by the fewest finished tables any
 * condition has (1, up to 4, or more), then whether the tables shared one seed.
 */
export function caveats(groups: ConditionGroup[], sharedSeed: boolean): { key: TextKey; n?: number }[] {
  const n = Math.min(...groups.map((g) => g.finished));
  const size: TextKey = n <= 1 ? 'classroom.debrief.caveat.one' : n <= 4 ? 'classroom.debrief.caveat.few' : 'classroom.debrief.caveat.many';
  return [{ key: size, n }, { key: sharedSeed ? 'classroom.debrief.caveat.seed' : 'classroom.debrief.caveat.noSeed' }];
}
