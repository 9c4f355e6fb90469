import type { LogEntry } from 'boardgame.io';
import { describe, expect, test } from 'vitest';
import { metricSeries, METRICS } from '../../src/client/classroom/class-debrief.js';
import type { DebriefData } from '../../src/client/classroom/api.js';
import { MoveBook, movesInLog } from '../../src/client/classroom/move-book.js';
import { refusalText } from '../../src/client/classroom/refusals.js';
import { describeAction } from '../../src/bots/index.js';
import {
  activeSeat,
  applyActionInPlace,
  createInitialState,
  legalActions,
  viewFor,
  type Action,
  type FactionId,
  type GameState,
} from '../../src/engine/index.js';
import { moveArgs, PLAYER_IDS } from '../../src/game/gigawatt.js';
import { rules } from './helpers.js';

/** A boardgame.io log entry for an engine action made from state id `stateID`. */
function entry(seat: FactionId, action: Action, stateID: number): LogEntry {
  return {
    action: { type: 'MAKE_MOVE', payload: { type: action.type, args: [moveArgs(action)], playerID: PLAYER_IDS[seat] } },
    _stateID: stateID,
    turn: stateID + 1,
    phase: 'actions',
  } as LogEntry;
}

/** Plays `n` first-legal actions from a fresh game, returning each state (as the US sees it) and the log. */
function played(n: number): { views: ReturnType<typeof viewFor>[]; log: LogEntry[]; actions: { seat: FactionId; action: Action; before: GameState }[] } {
  const state = createInitialState(rules, 'move-book');
  const views = [viewFor(state, 'us')];
  const log: LogEntry[] = [];
  const actions: { seat: FactionId; action: Action; before: GameState }[] = [];
  for (let i = 0; i < n; i++) {
    const seat = activeSeat(state)!;
    const action = legalActions(rules, state, seat).find((a) => a.type === 'collect') ?? legalActions(rules, state, seat)[0]!;
    actions.push({ seat, action, before: structuredClone(state) });
    expect(applyActionInPlace(rules, state, seat, action)).toBeNull();
    log.push(entry(seat, action, i));
    views.push(viewFor(state, 'us'));
  }
  return { views, log, actions };
}

describe('the moves of a networked match', () => {
  test('the boardgame.io log gives the engine actions with their seats, skipping other entries', () => {
    const { log } = played(3);
    const withEvent = [...log, { action: { type: 'GAME_EVENT', payload: { type: 'endTurn' } }, _stateID: 9, turn: 9, phase: 'x' } as LogEntry];
    const moves = movesInLog(withEvent);
    expect(moves).toHaveLength(3);
    expect(moves.map((m) => m.stateID)).toEqual([0, 1, 2]);
  });

  test('a move seen live is described from the view just before it, and a bot reason arriving later is attached to it', () => {
    const { views, log, actions } = played(4);
    const book = new MoveBook(rules);
    for (let i = 0; i <= 4; i++) book.receive(log.slice(0, i), views[i]!);
    expect(book.moves).toHaveLength(4);
    for (const [i, m] of book.moves.entries()) {
      expect(m.seat).toBe(actions[i]!.seat);
      expect(m.text).toEqual(describeAction(rules, actions[i]!.before, actions[i]!.action));
      expect(m.logBefore).toBe(views[i]!.log.length);
    }
    expect(book.explain(2, { en: 'because', fr: 'parce que' })).toBe(true);
    expect(book.moves[2]!.explanation).toEqual({ en: 'because', fr: 'parce que' });
    expect(book.explain(7, { en: 'later', fr: 'plus tard' })).toBe(false);
  });

  test('a reload takes the saved records back, so sentences and reasons survive it', () => {
    const { views, log } = played(3);
    const first = new MoveBook(rules);
    for (let i = 0; i <= 3; i++) first.receive(log.slice(0, i), views[i]!);
    first.explain(1, { en: 'saved reason', fr: 'raison gardée' });
    const again = new MoveBook(rules, first.trail());
    again.receive(log, views[3]!);
    expect(again.moves).toEqual(first.moves);
    expect(again.rounds).toEqual(first.rounds.filter((r) => r.round < views[3]!.round));
  });

  test('a server refusal is told in the player’s language, and unknown ones in the server’s words', () => {
    expect(refusalText('refused', 'The class is paused.', 'fr')).toBe('La classe est en pause.');
    expect(refusalText('timeout', '', 'en')).toBe('The server did not answer: try again.');
    expect(refusalText('malformed', 'Something odd.', 'fr')).toBe('Something odd.');
  });
});

describe('the class debrief charts', () => {
  test('every table is a line over the rounds, and a table still playing shows its figures now at its round', () => {
    const side = (vp: number) => ({ capital: 1, debt: 0, capability: 1, influence: 0, vp });
    const fig = (round: number, vp: number) => ({ round, risk: round, tension: 0, factions: { us: side(vp), china: side(0), eu: side(1) } });
    const seats = {
      us: { kind: 'bot' as const, level: 'random' },
      china: { kind: 'bot' as const, level: 'random' },
      eu: { kind: 'bot' as const, level: 'random' },
    };
    const d: DebriefData = {
      code: 'X',
      status: 'ended',
      summary: { tables: 2, finished: 1, wins: { us: 1, china: 0, eu: 0 }, catastrophes: [] },
      tables: [
        {
          table: 0,
          condition: 'standard',
          actionsBy: { us: {}, china: {}, eu: {} },
          finished: true,
          reason: 'rounds',
          winner: 'us',
          round: 3,
          actions: 9,
          seats,
          rounds: [fig(1, 2), fig(2, 5), fig(3, 9)],
          final: fig(3, 9),
        },
        {
          table: 1,
          condition: 'standard',
          actionsBy: { us: {}, china: {}, eu: {} },
          finished: false,
          reason: null,
          winner: null,
          round: 2,
          actions: 4,
          seats,
          rounds: [fig(1, 3)],
          final: fig(2, 4),
        },
      ],
    };
    const leader = metricSeries(d, METRICS[0]!);
    expect(leader.labels).toEqual(['1', '2', '3']);
    expect(leader.tables).toEqual([
      [2, 5, 9],
      [3, 4, null],
    ]);
  });
});
