/**
 * A faction's financial crisis: what happens when it owes more than it has, at upkeep or when an
 * event calls in money (`capitalCall`, `debtCall`).
 */
import { type FactionId, REGIONS } from './ids.js';
import type { Rules } from './rules/load.js';
import type { GameState } from './state.js';
import { addVp, trimGpus } from './world.js';

/**
 * Brings a faction with negative capital back to zero: it sells GPUs (domestic, then export, then
 * frontier), then data-center modules, and any shortfall left becomes debt; it loses the
 * financial-crisis VP and the crisis is logged. Does nothing while its capital is 0 or more.
 */
export function restoreSolvency(rules: Rules, state: GameState, id: FactionId): void {
  const f = state.factions[id];
  if (f.capital >= 0) return;
  const g = rules.game;
  for (const kind of ['domestic', 'export', 'frontier'] as const) {
    for (const r of REGIONS) {
      while (f.capital < 0 && f.gpus[r][kind] > 0) {
        f.gpus[r][kind]--;
        f.capital += g.gpus.saleValue;
      }
    }
  }
  for (const r of REGIONS) {
    while (f.capital < 0 && f.modules[r] > 0) {
      f.modules[r]--;
      f.capital += g.costs.moduleSaleValue;
      trimGpus(rules, f, r);
    }
  }
  if (f.capital < 0) {
    f.debt += -f.capital;
    f.capital = 0;
  }
  addVp(state, id, 'financialCrisis', g.upkeep.financialCrisisVp);
  state.log.push({ round: state.round, kind: 'financialCrisis', seat: id });
}
