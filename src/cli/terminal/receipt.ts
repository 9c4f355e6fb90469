/**
 * The receipt of a move in the terminal game: what changed for the seat that moved (capital,
 * debt, compute, capability, VP, GPUs by kind, data centres and influence by region) and on the
 * shared tracks, in a few words of the chosen language. Pure.
 */
import {
  FACTIONS,
  GPU_KINDS,
  REGIONS,
  TRACKS,
  fillText,
  formatMoney,
  text,
  type FactionId,
  type GameState,
  type Lang,
  type Rules,
  type TextKey,
  type TextParams,
} from '../../engine/index.js';

/** The figures a receipt compares, before and after a move. */
export interface Figures {
  capital: number;
  debt: number;
  compute: number;
  capability: number;
  vp: number;
  gpus: Record<string, number>;
  modules: Record<string, number>;
  influence: Record<string, number>;
  tracks: Record<string, number>;
}

/** The figures of `seat` now (a copy). */
export function figuresOf(state: GameState, seat: FactionId): Figures {
  const f = state.factions[seat];
  const gpus = Object.fromEntries(GPU_KINDS.map((k) => [k, REGIONS.reduce((sum, r) => sum + (f.gpus[r]?.[k] ?? 0), 0)]));
  return {
    capital: f.capital,
    debt: f.debt,
    compute: f.compute,
    capability: f.capability,
    vp: f.vp,
    gpus,
    modules: { ...f.modules },
    influence: { ...f.influence },
    tracks: { ...state.tracks },
  };
}

/** A signed amount of money: "+$3B", "−$8B". */
function signedMoney(n: number, lang: Lang): string {
  return `${n < 0 ? '−' : '+'}${formatMoney(Math.abs(n), lang)}`;
}

/** What changed between two sets of figures, in words (empty: nothing). */
export function changes(rules: Rules, before: Figures, after: Figures, lang: Lang): string[] {
  const say = (key: TextKey, params: TextParams) => fillText(rules, text(key), params, lang);
  const out: string[] = [];
  if (after.capital !== before.capital)
    out.push(say('cli.ch.capital', { delta: signedMoney(after.capital - before.capital, lang), now: formatMoney(after.capital, lang) }));
  if (after.debt !== before.debt) out.push(say('cli.ch.debt', { delta: signedMoney(after.debt - before.debt, lang), now: formatMoney(after.debt, lang) }));
  if (after.compute !== before.compute) out.push(say('cli.ch.compute', { delta: after.compute - before.compute, now: after.compute }));
  if (after.capability !== before.capability) out.push(say('cli.ch.capability', { before: before.capability, now: after.capability }));
  for (const k of GPU_KINDS) {
    const d = (after.gpus[k] ?? 0) - (before.gpus[k] ?? 0);
    if (d !== 0) out.push(say('cli.ch.gpus', { delta: d, kind: k }));
  }
  for (const r of REGIONS) {
    const m = (after.modules[r] ?? 0) - (before.modules[r] ?? 0);
    if (m !== 0) out.push(say('cli.ch.modules', { delta: m, region: r }));
    const i = (after.influence[r] ?? 0) - (before.influence[r] ?? 0);
    if (i !== 0) out.push(say('cli.ch.influence', { delta: i, region: r }));
  }
  if (after.vp !== before.vp) out.push(say('cli.ch.vp', { delta: after.vp - before.vp, now: after.vp }));
  for (const t of TRACKS)
    if (after.tracks[t] !== before.tracks[t]) out.push(say('cli.ch.track', { track: t, before: before.tracks[t] ?? 0, now: after.tracks[t] ?? 0 }));
  return out;
}

/** The receipt line of a move: what it was and what it changed. */
export function receipt(rules: Rules, what: string, before: Figures, after: Figures, lang: Lang): string {
  const list = changes(rules, before, after, lang);
  const say = (key: TextKey, params?: TextParams) => fillText(rules, text(key), params, lang);
  return say('cli.receipt', { action: what, changes: list.length ? list.join(' · ') : say('cli.receiptNothing') });
}

/** Every faction's figures (for a round's upkeep and scoring receipts). */
export function allFigures(state: GameState): Record<FactionId, Figures> {
  return Object.fromEntries(FACTIONS.map((f) => [f, figuresOf(state, f)])) as Record<FactionId, Figures>;
}
