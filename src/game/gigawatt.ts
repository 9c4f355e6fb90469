/**
 * The boardgame.io `Game` named `gigawatt`: a thin adapter over the pure engine. Each action
 * type is a move; the engine decides legality (illegal or malformed → INVALID_MOVE, never an
 * exception); turn order and phases follow the engine's round; randomness lives in G and is
 * resolved on the server only (`client: false`).
 */
import type { Game, Move } from 'boardgame.io';
import { INVALID_MOVE } from 'boardgame.io/core';
import {
  ACTION_TYPES,
  FACTIONS,
  activeSeat,
  applyActionInPlace,
  createInitialState,
  injectNews,
  legalActions,
  parseAction,
  viewFor,
  type Action,
  type ActionType,
  type FactionId,
  type GameState,
  type Rules,
} from '../engine/index.js';
import { defaultRules } from '../engine/rules/default-rules.js';
import { isPresetId, presetRules, rulesOfState, type PresetId } from '../engine/rules/presets.js';

/** boardgame.io player ids for the three seats: '0' US, '1' China, '2' EU. */
export const PLAYER_IDS: Record<FactionId, string> = { us: '0', china: '1', eu: '2' };

/** The seat of a boardgame.io player id, or null (spectator / unknown). */
export function seatOf(playerID: string | null | undefined): FactionId | null {
  const i = Number(playerID);
  return playerID != null && playerID !== '' && Number.isInteger(i) ? (FACTIONS[i] ?? null) : null;
}

/**
 * Setup data a match is created with: the engine seed (the server draws it from crypto) and the
 * scenario preset (a class experiment's condition; the game's own rules when absent).
 */
export interface GigawattSetupData {
  seed?: string;
  preset?: PresetId;
}

/** The move arguments of an action: its fields without `type`. */
export function moveArgs(action: Action): Record<string, unknown> {
  const { type: _type, ...args } = action as Record<string, unknown>;
  return args;
}

function makeMove(rules: Rules, type: ActionType): Move<GameState> {
  // Each match plays under the rules it was created with (a preset's, found by the state's hash).
  return {
    move: ({ G, playerID }, args?: unknown) => {
      try {
        const seat = seatOf(playerID);
        if (!seat) return INVALID_MOVE;
        if (args !== undefined && (args === null || typeof args !== 'object' || Array.isArray(args))) return INVALID_MOVE;
        const parsed = parseAction({ ...((args as object | undefined) ?? {}), type });
        if (!parsed.ok) return INVALID_MOVE;
        const reason = applyActionInPlace(rulesOfState(G, rules), G, seat, parsed.value);
        return reason ? INVALID_MOVE : undefined;
      } catch {
        return INVALID_MOVE;
      }
    },
    client: false,
  };
}

/** The move through which the server injects the teacher's news; no socket may send it (see socket-guard.ts). */
export const NEWS_MOVE = 'teacherNews';

function newsMove(rules: Rules): Move<GameState> {
  return {
    move: ({ G }, args?: unknown) => {
      const event = args !== null && typeof args === 'object' ? (args as { event?: unknown }).event : undefined;
      if (typeof event !== 'string') return INVALID_MOVE;
      return injectNews(rulesOfState(G, rules), G, event) ? INVALID_MOVE : undefined;
    },
    client: false,
  };
}

/**
 * Builds the `gigawatt` game over a rule set (the shipped rules by default). A match created with
 * `setupData.preset` plays under that preset's rules: every move, and the bots' list, resolve the
 * rules from the state's `rulesHash`.
 */
export function createGigawattGame(rules: Rules = defaultRules()): Game<GameState, Record<string, unknown>, GigawattSetupData> {
  // A null-prototype object, so "constructor" or "__proto__" are unknown moves, not inherited ones.
  const moves = Object.assign(
    Object.create(null) as Record<string, Move<GameState>>,
    Object.fromEntries(ACTION_TYPES.map((type) => [type, makeMove(rules, type)])),
    // The server makes it, in the name of the seat to play (its turn then goes on).
    { [NEWS_MOVE]: newsMove(rules) },
  );
  const seatIndex = (G: GameState) => {
    const seat = activeSeat(G);
    return seat ? FACTIONS.indexOf(seat) : 0;
  };
  const turn = {
    order: { first: ({ G }: { G: GameState }) => seatIndex(G), next: ({ G }: { G: GameState }) => seatIndex(G) },
    minMoves: 1,
    maxMoves: 1,
  };
  return {
    name: 'gigawatt',
    minPlayers: 3,
    maxPlayers: 3,
    setup: ({ random }, setupData) => {
      const seed = typeof setupData?.seed === 'string' && setupData.seed.length > 0 ? setupData.seed : `bgio-${random.Number().toString(36).slice(2)}`;
      return createInitialState(setupData?.preset ? presetRules(setupData.preset) : rules, seed);
    },
    validateSetupData: (setupData) => {
      if (setupData === undefined) return undefined;
      if (typeof setupData !== 'object' || setupData === null) return 'setupData must be an object';
      if (setupData.seed !== undefined && (typeof setupData.seed !== 'string' || setupData.seed.length === 0 || setupData.seed.length > 128))
        return 'setupData.seed must be a non-empty string of at most 128 characters';
      if (setupData.preset !== undefined && !isPresetId(setupData.preset)) return 'setupData.preset must be a known preset id';
      return undefined;
    },
    moves,
    turn,
    phases: {
      headlines: { start: true, turn, endIf: ({ G }) => G.phase !== 'choice', next: 'actions' },
      actions: { turn, endIf: ({ G }) => G.phase === 'choice', next: 'headlines' },
    },
    endIf: ({ G }) =>
      G.phase === 'over'
        ? { winner: G.result?.winner ? PLAYER_IDS[G.result.winner] : undefined, reason: G.result?.reason, draw: !G.result?.winner }
        : undefined,
    playerView: ({ G, playerID }) => viewFor(G, seatOf(playerID)) as unknown as GameState,
    ai: {
      enumerate: (G, _ctx, playerID) => {
        const seat = seatOf(playerID);
        if (!seat || G.phase === 'over') return [];
        return legalActions(rulesOfState(G, rules), G, seat).map((action) => ({ move: action.type, args: [moveArgs(action)] }));
      },
    },
  };
}
