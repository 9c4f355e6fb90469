/**
 * Replays a match file through the engine, exactly: every action must be the active seat's and
 * legal, and (when verifying) every recorded hash must match. Pure: no Node import.
 */
import {
  activeSeat,
  actionKey,
  applyActionInPlace,
  createInitialState,
  injectNews,
  reasonText,
  stateHash,
  type GameState,
  type Rules,
} from '../engine/index.js';
import type { MatchFile } from './schema.js';

/** What to replay. */
export interface ReplayOptions {
  /** Stop after this many actions (0: the initial position). Default: all of them. */
  to?: number;
  /** Check the recorded round hashes and final hash. */
  verify?: boolean;
}

/** A replay that went through: the position reached and how many hashes were checked. */
export interface ReplayDone {
  ok: true;
  state: GameState;
  /** Actions applied. */
  applied: number;
  hashesChecked: number;
}

/** A replay that stopped: at which action (1-based; 0 for the match as a whole) and why. */
export interface ReplayFailed {
  ok: false;
  action: number;
  error: string;
}

function describeAction(match: MatchFile, n: number): string {
  const entry = match.actions[n - 1]!;
  return `action ${n} (${entry.seat}: ${actionKey(entry.action)})`;
}

/** Replays `match` under `rules`. Refuses a match recorded under other rules, naming both hashes. */
export function replayMatch(rules: Rules, match: MatchFile, options: ReplayOptions = {}): ReplayDone | ReplayFailed {
  if (match.rulesHash !== rules.hash) {
    return {
      ok: false,
      action: 0,
      error: `the match was recorded under rules ${match.rulesHash}, but these rules are ${rules.hash} (pass --rules with the variant it was played under)`,
    };
  }
  const to = options.to ?? match.actions.length;
  if (!Number.isInteger(to) || to < 0 || to > match.actions.length) {
    return { ok: false, action: 0, error: `--to ${to}: the match has ${match.actions.length} actions (use 0 to ${match.actions.length})` };
  }
  const news = match.news ?? [];
  for (const [i, item] of news.entries()) {
    const before = news[i - 1]?.afterAction ?? 0;
    if (item.afterAction < before || item.afterAction > match.actions.length)
      return { ok: false, action: 0, error: `news ${i + 1} (${item.event}): after action ${item.afterAction} is out of order or past the last action` };
  }
  const state = createInitialState(rules, match.seed);
  let nextNews = 0;
  // The teacher's news injected after `done` actions, in order.
  const announce = (done: number): ReplayFailed | null => {
    for (; nextNews < news.length && news[nextNews]!.afterAction === done; nextNews++) {
      const refused = injectNews(rules, state, news[nextNews]!.event);
      if (refused) return { ok: false, action: done, error: `news ${nextNews + 1} (${news[nextNews]!.event}) after action ${done}: refused (${refused})` };
    }
    return null;
  };
  let nextHash = 0;
  let hashesChecked = 0;
  let roundStart = 1;
  for (let n = 1; n <= to; n++) {
    const refusedNews = announce(n - 1);
    if (refusedNews) return refusedNews;
    const { seat, action } = match.actions[n - 1]!;
    const turn = activeSeat(state);
    if (turn === null) return { ok: false, action: n, error: `${describeAction(match, n)}: the game was already over` };
    if (turn !== seat) return { ok: false, action: n, error: `${describeAction(match, n)}: it is ${turn}'s turn, not ${seat}'s` };
    const round = state.round;
    const refused = applyActionInPlace(rules, state, seat, action);
    if (refused) return { ok: false, action: n, error: `${describeAction(match, n)}: not allowed here: ${reasonText(rules, refused)}` };
    const endsRound = state.round !== round || state.phase === 'over';
    const recorded = match.roundHashes[nextHash];
    if (options.verify) {
      if (recorded && recorded.afterAction < n) {
        return {
          ok: false,
          action: recorded.afterAction,
          error: `round ${recorded.round}: recorded as ending after action ${recorded.afterAction}, but round ${round} ended after action ${n}`,
        };
      }
      if (endsRound && recorded && recorded.afterAction === n) {
        const actual = stateHash(state);
        if (recorded.round !== round || recorded.hash !== actual) {
          const span = roundStart === n ? `action ${n}` : `actions ${roundStart}–${n}`;
          return {
            ok: false,
            action: n,
            error: `${describeAction(match, n)}: state differs from the recording at the end of round ${round} (recorded ${recorded.hash}, replayed ${actual}); the difference lies in ${span}`,
          };
        }
        hashesChecked++;
      } else if (endsRound) {
        return { ok: false, action: n, error: `${describeAction(match, n)}: ends round ${round}, but the recording has no hash there` };
      } else if (recorded && recorded.afterAction === n) {
        return {
          ok: false,
          action: n,
          error: `${describeAction(match, n)}: the recording says round ${recorded.round} ends here, but the replay is still in round ${round}`,
        };
      }
    }
    if (endsRound) {
      if (recorded && recorded.afterAction === n) nextHash++;
      roundStart = n + 1;
    }
  }
  const refusedNews = announce(to);
  if (refusedNews) return refusedNews;
  if (options.verify && to === match.actions.length) {
    const actual = stateHash(state);
    if (actual !== match.finalHash) {
      const n = match.actions.length;
      return {
        ok: false,
        action: n,
        error: `final state differs from the recording (recorded ${match.finalHash}, replayed ${actual}); the difference lies in actions ${roundStart}–${n}`,
      };
    }
    if (nextHash !== match.roundHashes.length)
      return {
        ok: false,
        action: match.actions.length,
        error: `the recording has ${match.roundHashes.length - nextHash} round hash(es) after the last round the replay reached`,
      };
    hashesChecked++;
  }
  return { ok: true, state, applied: to, hashesChecked };
}
