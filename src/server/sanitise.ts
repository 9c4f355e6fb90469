/**
 * What leaves the server must hold no secret and no markup: the initial state a client syncs
 * is the spectator's view with no random data; names and messages are plain, short text.
 */
import type { Server, State } from 'boardgame.io';
import { viewFor, type GameState } from '../engine/index.js';

/** The longest name a person may give. */
const MAX_NAME = 24;
/** The longest chat message. */
export const MAX_MESSAGE = 200;

function looksLikeGameState(g: unknown): g is GameState {
  return typeof g === 'object' && g !== null && 'factions' in g && 'eventDecks' in g;
}

/**
 * The initial state as a client may see it: G is the spectator's view (no hand, no deck order,
 * no seed), no plugin data (the PRNG seed lives there), no undo history.
 */
export function publicInitialState(state: State): State {
  const G = looksLikeGameState(state.G) ? viewFor(state.G, null) : {};
  return { ...state, G, plugins: {}, _undo: [], _redo: [] } as State;
}

/** Control characters, bidi overrides and angle brackets go; spaces collapse. */
export function sanitiseText(input: unknown, max: number): string {
  if (typeof input !== 'string') return '';
  return (
    input
      .normalize('NFC')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, max)
  );
}

/** A person's name: plain text, 1–24 characters, or null if nothing usable is left. */
export function sanitiseName(input: unknown): string | null {
  const name = sanitiseText(input, MAX_NAME);
  return name.length > 0 ? name : null;
}

/**
 * Metadata as stored: player names sanitised, `data` bounded, and no seed kept from the
 * lobby's setupData (the lobby publishes setupData to anyone who asks).
 */
export function cleanMatchMetadata(metadata: Server.MatchData): Server.MatchData {
  const players: Server.MatchData['players'] = {};
  for (const [id, p] of Object.entries(metadata.players)) {
    const player = { ...p };
    if (player.name !== undefined) player.name = sanitiseName(player.name) ?? 'Player';
    if (player.data !== undefined && JSON.stringify(player.data).length > 2000) player.data = undefined;
    players[Number(id)] = player;
  }
  const out: Server.MatchData = { ...metadata, players };
  if (out.setupData && typeof out.setupData === 'object') {
    const { seed: _seed, ...rest } = out.setupData as Record<string, unknown>;
    out.setupData = rest;
  }
  return out;
}
