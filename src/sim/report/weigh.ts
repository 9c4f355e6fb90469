/**
 * The designer's "why" at a position: how the medium bot weighs every move of the seat to act,
 * from that seat's view, with the change each move makes to the seat's projected final VP,
 * component by component. Answers questions such as "why does nobody buy GPUs here?".
 */
import { activeSeat, actionKey, viewFor, type Action, type FactionId, type GameState, type Rules } from '../../engine/index.js';
import { COMPONENTS, projectAll, type Component, type Projection } from '../../bots/evaluate.js';
import { describeAction, driverText, type Driver } from '../../bots/explain.js';
import { scoreActions } from '../../bots/medium.js';
import { actionPriority } from '../../bots/priority.js';
import { decisionRng } from '../../bots/stream.js';
import { weightsFor, type BotWeights } from '../../bots/weights.js';

/** A component-by-component change of a projection, in VP (`total` included). */
export type ProjectionChange = Record<Component | 'total', number>;

/** One candidate move as the medium bot weighs it. */
export interface WeighedMove {
  rank: number;
  action: Action;
  key: string;
  en: string;
  /** VP behind the best move (0 for the best; priorities from rules/bots.json included). */
  behind: number;
  /** The priority (`factions.<seat>.bias`, see actionPriority) added to this move, in VP. */
  priority: number;
  /** What drives the move most, compared with the average candidate. */
  driver: Driver;
  why: string;
  /** The change the move makes to the seat's own projected final VP. */
  change: ProjectionChange;
}

/** Every candidate move of the seat to act, best first, with the seat's projection now. */
export interface Weighing {
  seat: FactionId;
  projection: ProjectionChange;
  moves: WeighedMove[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function asChange(p: Projection, base?: Projection): ProjectionChange {
  const out = { total: round2(p.total - (base?.total ?? 0)) } as ProjectionChange;
  for (const c of COMPONENTS) out[c] = round2(p[c] - (base?.[c] ?? 0));
  return out;
}

/**
 * How the medium bot with `weights` weighs the moves of the seat to act in `state` (the true
 * state of a replay; the bot only sees that seat's view). Null when no seat is to act.
 * `seed` only breaks exact ties, as the bot's own stream would.
 */
export function weighPosition(rules: Rules, weights: BotWeights, state: GameState, seed = 'weigh'): Weighing | null {
  const seat = activeSeat(state);
  if (!seat) return null;
  const view = viewFor(state, seat);
  const w = weightsFor(weights, seat);
  const now = projectAll(rules, w, view)[seat];
  const scored = scoreActions(rules, weights, view, seat, decisionRng(seed, view));
  const best = scored[0]?.value ?? 0;
  return {
    seat,
    projection: asChange(now),
    moves: scored.map((s, i) => ({
      rank: i + 1,
      action: s.action,
      key: actionKey(s.action),
      en: describeAction(rules, view, s.action).en,
      behind: round2(s.value - best),
      priority: actionPriority(rules, w, view, seat, s.action),
      driver: s.driver,
      why: driverText(s.driver).en,
      change: asChange(s.projection, now),
    })),
  };
}

const pad = (x: number | string, n: number) => String(x).padStart(n);

/**
 * The weighing as readable lines: the best `limit` moves, then the best move of each type not
 * shown yet, so a move type the bot never picks still shows how far behind it comes.
 */
export function weighingTable(w: Weighing, limit = 10): string {
  const shown = w.moves.slice(0, limit);
  const types = new Set(shown.map((m) => m.action.type));
  for (const m of w.moves.slice(limit)) {
    if (types.has(m.action.type)) continue;
    types.add(m.action.type);
    shown.push(m);
  }
  const p = w.projection;
  const lines = [
    `how the medium bot weighs ${w.seat}'s ${w.moves.length} moves here (its projected final VP now: ${p.total}; ` +
      COMPONENTS.map((c) => `${c} ${p[c]}`).join(', ') +
      ')',
    `rank  behind priority |   Δvp Δregions Δagenda  Δmoney Δcapab Δinfl | move`,
    ...shown.map(
      (m) =>
        `${pad(m.rank, 4)} ${pad(m.behind.toFixed(2), 7)} ${pad(m.priority, 8)} | ${pad(m.change.vp.toFixed(1), 5)} ${pad(m.change.regions.toFixed(1), 8)} ${pad(
          m.change.agenda.toFixed(1),
          7,
        )} ${pad(m.change.money.toFixed(1), 7)} ${pad(m.change.capability.toFixed(1), 6)} ${pad(m.change.influence.toFixed(1), 5)} | ${m.en}`,
    ),
  ];
  if (shown.length < w.moves.length) lines.push(`(${w.moves.length - shown.length} more moves; --format json lists them all)`);
  lines.push('Δ: change to the seat’s own projection; "behind" also counts its rivals’ projections, the shared risk and the priority.');
  return lines.join('\n');
}
