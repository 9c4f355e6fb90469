/** A position (game state) described for a designer: a JSON digest and a readable table. */
import { FACTIONS, REGIONS, activeSeat, actionKey, finalScores, stateHash, type Action, type FactionId, type GameState } from '../../engine/index.js';

/** The position after `applied` actions of a replay. */
export interface PositionReport {
  afterAction: number;
  of: number;
  round: number;
  phase: GameState['phase'];
  activeSeat: FactionId | null;
  lastAction: { seat: FactionId; action: Action } | null;
  hash: string;
  result: GameState['result'];
  scores: ReturnType<typeof finalScores>;
  state: GameState;
}

/** The position report of `state`. */
export function positionReport(state: GameState, applied: number, total: number, last: { seat: FactionId; action: Action } | null): PositionReport {
  return {
    afterAction: applied,
    of: total,
    round: state.round,
    phase: state.phase,
    activeSeat: activeSeat(state),
    lastAction: last,
    hash: stateHash(state),
    result: state.result,
    scores: finalScores(state),
    state,
  };
}

/** The position as readable lines. */
export function positionTable(p: PositionReport): string {
  const s = p.state;
  const t = s.tracks;
  const lines = [
    `after action ${p.afterAction} of ${p.of}${p.lastAction ? ` (${p.lastAction.seat}: ${actionKey(p.lastAction.action)})` : ' (initial position)'}`,
    `round ${s.round}  phase ${s.phase}  action round ${s.actionRound + 1}  turn order ${s.order.join(' > ')}  next ${p.activeSeat ?? '-'}`,
    `risk ${t.risk}  tension ${t.tension}  export controls ${t.exportControls}  tariffs ${t.tariffs}  market ${s.market.units} GPU units`,
    `AI Act: ${Object.entries(s.provisions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}${s.euRules.length ? `; EU rules in ${s.euRules.join(' ')}` : ''}`,
    `headlines: ${s.headlines.join(', ') || '-'}${s.pending ? `  (waiting for ${s.pending.seat} to choose: ${s.pending.options.join(' / ')})` : ''}`,
    `faction   VP  capital debt compute capability modules hand`,
    ...FACTIONS.map((id) => {
      const f = s.factions[id];
      const modules = REGIONS.reduce((n, r) => n + f.modules[r], 0);
      return `${id.padEnd(8)} ${String(f.vp).padStart(3)} ${String(f.capital).padStart(8)} ${String(f.debt).padStart(4)} ${String(f.compute).padStart(7)} ${String(f.capability).padStart(10)} ${String(modules).padStart(7)} ${String(f.hand.length).padStart(4)}`;
    }),
    `influence ${REGIONS.map((r) => r.padStart(6)).join('')}`,
    ...FACTIONS.map((id) => `${id.padEnd(9)} ${REGIONS.map((r) => String(s.factions[id].influence[r]).padStart(6)).join('')}`),
  ];
  if (s.result)
    lines.push(`game over (${s.result.reason}): winner ${s.result.winner ?? 'none'}; ranking ${p.scores.map((x) => `${x.faction} ${x.vp}`).join(', ')}`);
  lines.push(`state hash ${p.hash}`);
  return lines.join('\n');
}
