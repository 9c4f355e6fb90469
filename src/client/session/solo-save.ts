/** The solo game saved in the browser: seed, seats and the action list (replayed on load). */
import { FACTIONS, isOneOf, parseAction, type Action, type FactionId } from '../../engine/index.js';
import { BOT_LEVELS, type BotLevel } from '../../bots/index.js';
import type { Bilingual } from './session.js';

/** Who plays what in a solo game. */
export interface SoloConfig {
  seed: string;
  /** The seat of the person at this browser (null: bots only, watched). */
  human: FactionId | null;
  /** Bot level of every seat the person does not play. */
  levels: Record<FactionId, BotLevel>;
}

/** One saved action, with the bot's explanation when a bot took it. */
export interface SavedAction {
  seat: FactionId;
  action: Action;
  explanation?: Bilingual;
}

/** What localStorage holds for the solo game. */
export interface SoloSave extends SoloConfig {
  version: 1;
  rulesHash: string;
  actions: SavedAction[];
}

/** The localStorage key of the solo game. */
const SOLO_KEY = 'gigawatt.solo.v1';

/** Reads a save back from its text; null when absent or damaged (a damaged save is ignored, not fatal). */
export function parseSoloSave(text: string | null): SoloSave | null {
  if (!text) return null;
  try {
    const data = JSON.parse(text) as Partial<SoloSave>;
    if (data.version !== 1 || typeof data.seed !== 'string' || typeof data.rulesHash !== 'string' || !Array.isArray(data.actions)) return null;
    if (data.human !== null && !isOneOf(FACTIONS, data.human)) return null;
    const levels = data.levels as Record<string, unknown> | undefined;
    if (!levels || !FACTIONS.every((f) => isOneOf(BOT_LEVELS, levels[f]))) return null;
    const actions: SavedAction[] = [];
    for (const a of data.actions as unknown[]) {
      const item = a as { seat?: unknown; action?: unknown; explanation?: Bilingual };
      const parsed = parseAction(item.action);
      if (!parsed.ok || !isOneOf(FACTIONS, item.seat)) return null;
      actions.push({ seat: item.seat, action: parsed.value, ...(item.explanation ? { explanation: item.explanation } : {}) });
    }
    return { version: 1, seed: data.seed, rulesHash: data.rulesHash, human: data.human ?? null, levels: levels as Record<FactionId, BotLevel>, actions };
  } catch {
    return null;
  }
}

/** Where saves go: localStorage in the browser, a map in tests. */
export interface SaveStore {
  load(): SoloSave | null;
  save(save: SoloSave): void;
  clear(): void;
}

/** A store over a Storage (localStorage); quota or privacy errors are swallowed (the game goes on unsaved). */
export function storageStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, key = SOLO_KEY): SaveStore {
  return {
    load: () => parseSoloSave(storage.getItem(key)),
    save: (s) => {
      try {
        storage.setItem(key, JSON.stringify(s));
      } catch {
        /* storage full or denied: keep playing */
      }
    },
    clear: () => storage.removeItem(key),
  };
}

/** A store in memory (tests). */
export function memoryStore(): SaveStore & { text: string | null } {
  const store = {
    text: null as string | null,
    load: () => parseSoloSave(store.text),
    save: (s: SoloSave) => {
      store.text = JSON.stringify(s);
    },
    clear: () => {
      store.text = null;
    },
  };
  return store;
}

/** A game put aside when another replaced it: the save and when it was put aside (epoch ms). */
export interface ShelvedGame {
  save: SoloSave;
  at: number;
}

/** The localStorage key of the games put aside. */
const SHELF_KEY = 'gigawatt.solo.shelf.v1';

/** How many games put aside are kept (the oldest goes first). */
export const SHELF_SIZE = 5;

/**
 * The games put aside in this browser, newest first: a new game or "Play from here" puts the game
 * in progress here instead of losing it, and the home page can bring any of them back.
 */
export function shelfStore(storage: Pick<Storage, 'getItem' | 'setItem'>): {
  list(): ShelvedGame[];
  put(save: SoloSave, at: number): void;
  take(index: number): SoloSave | null;
} {
  const read = (): ShelvedGame[] => {
    try {
      const data = JSON.parse(storage.getItem(SHELF_KEY) ?? '[]') as { save?: unknown; at?: unknown }[];
      return Array.isArray(data)
        ? data.flatMap((g) => {
            const save = parseSoloSave(JSON.stringify(g.save));
            return save && typeof g.at === 'number' ? [{ save, at: g.at }] : [];
          })
        : [];
    } catch {
      return [];
    }
  };
  const write = (games: ShelvedGame[]) => {
    try {
      storage.setItem(SHELF_KEY, JSON.stringify(games.slice(0, SHELF_SIZE)));
    } catch {
      /* storage full or denied */
    }
  };
  return {
    list: read,
    put: (save, at) => write([{ save, at }, ...read()]),
    take: (index) => {
      const games = read();
      const [game] = games.splice(index, 1);
      write(games);
      return game?.save ?? null;
    },
  };
}
