/** Golden transcripts: a seeded game written as readable lines, so a rules change shows as a diff. */
import { FACTIONS, actionKey, applyActionInPlace, createInitialState, stateHash, type GameState, type Rules } from '../../engine/index.js';
import { playRandomWalk } from './play.js';

/** A transcript of one seeded random walk (`playRandomWalk`). */
export interface Transcript {
  seed: string;
  rulesHash: string;
  lines: string[];
  finalHash: string;
}

function summary(state: GameState): string {
  const t = state.tracks;
  const f = FACTIONS.map((id) => {
    const x = state.factions[id];
    return `${id} $${x.capital}/d${x.debt} cap${x.capability} c${x.compute} vp${x.vp}`;
  }).join(' | ');
  return `risk ${t.risk} tension ${t.tension} ec ${t.exportControls} tariffs ${t.tariffs} || ${f}`;
}

/** Plays the seeded random walk and writes its transcript (one line per action, one per round). */
export function transcriptOf(rules: Rules, seed: string): Transcript {
  const { state: final, actions } = playRandomWalk(rules, seed, true);
  // Replay to annotate round boundaries.
  const lines: string[] = [];
  let round = 0;
  let logSeen = 0;
  const state = createInitialState(rules, seed);
  const flushLog = () => {
    for (; logSeen < state.log.length; logSeen++) {
      const e = state.log[logSeen]!;
      lines.push(`  ~ ${e.kind}${e.id ? ' ' + e.id : ''}${e.seat ? ' ' + e.seat : ''}${e.amount !== undefined ? ' ' + e.amount : ''}`);
    }
  };
  for (const { seat, action } of actions) {
    if (state.round !== round) {
      round = state.round;
      lines.push(`round ${round}: ${summary(state)}`);
    }
    flushLog();
    applyActionInPlace(rules, state, seat, action);
    lines.push(`  ${seat}: ${actionKey(action)}`);
  }
  flushLog();
  lines.push(`end: ${final.result?.reason} winner ${final.result?.winner ?? 'none'}: ${summary(final)}`);
  return { seed, rulesHash: rules.hash, lines, finalHash: stateHash(final) };
}
