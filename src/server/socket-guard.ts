/**
 * The guard in front of boardgame.io's socket handlers. Every incoming event is checked before
 * the master sees it: only known matches can be synced (no match is created by a sync), only
 * moves (no game events, undo or redo) of the right shape, by the seat whose turn it is, with
 * its credentials, while its class runs; chat is sanitised; each socket is rate-limited.
 * A refused event changes nothing and the sender gets a `gigawatt:error` naming why.
 */
import type { Socket } from 'socket.io';
import { ACTION_TYPES, checkAction, isOneOf, parseAction, reasonText, type GameState, type Rules } from '../engine/index.js';
import { seatOf } from '../game/gigawatt.js';
import { RateLimiter } from './rate-limit.js';
import { MAX_MESSAGE, sanitiseText } from './sanitise.js';
import { sameSecret } from './secrets.js';
import type { SqlStorage } from './storage.js';

/** What the guard needs from the server. */
export interface GuardDeps {
  rules: Rules;
  storage: SqlStorage;
  /** Why this seat may not move now (class paused, bot seat...), or null. */
  moveRefusal(matchID: string, playerID: string): string | null;
  /** The server's own credentials (never accepted from a socket). */
  serverToken: string;
}

/** The error event a refused client receives. */
export interface GuardError {
  matchID?: string;
  code: 'malformed' | 'unknownMatch' | 'unauthorized' | 'refused' | 'illegal' | 'rateLimited';
  message: string;
}

/** Who is connected to which seat (devices per seat), for the teacher's console. */
export class Presence {
  private readonly bySocket = new Map<string, { matchID: string; playerID: string | null }>();
  private readonly counts = new Map<string, number>();

  private key(matchID: string, playerID: string | null): string {
    return `${matchID}/${playerID ?? 'spectator'}`;
  }

  /** A socket synced to a seat (or as a spectator). */
  enter(socketID: string, matchID: string, playerID: string | null): void {
    this.leave(socketID);
    this.bySocket.set(socketID, { matchID, playerID });
    const k = this.key(matchID, playerID);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }

  /** A socket went away. */
  leave(socketID: string): void {
    const was = this.bySocket.get(socketID);
    if (!was) return;
    this.bySocket.delete(socketID);
    const k = this.key(was.matchID, was.playerID);
    const n = (this.counts.get(k) ?? 1) - 1;
    if (n <= 0) this.counts.delete(k);
    else this.counts.set(k, n);
  }

  /** Devices connected to a seat (playerID null: spectators). */
  devices(matchID: string, playerID: string | null): number {
    return this.counts.get(this.key(matchID, playerID)) ?? 0;
  }
}

const isId = (v: unknown, max = 64): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const PLAYER_IDS = ['0', '1', '2'] as const;

/** Installs the guard on a newly connected socket. */
export function guardSocket(socket: Socket, deps: GuardDeps, presence: Presence): void {
  const limiter = new RateLimiter(40, 20);
  const refuse = (e: GuardError) => socket.emit('gigawatt:error', e);
  socket.on('disconnect', () => presence.leave(socket.id));
  socket.use((packet, next) => {
    const [event, ...args] = packet as [string, ...unknown[]];
    if (!limiter.take('socket')) return refuse({ code: 'rateLimited', message: 'Too many messages: slow down.' });
    switch (event) {
      case 'sync': {
        const [matchID, playerID] = args;
        if (!isId(matchID) || !deps.storage.has(matchID)) return refuse({ code: 'unknownMatch', message: 'No such match.' });
        if (playerID !== null && playerID !== undefined && !isOneOf(PLAYER_IDS, playerID))
          return refuse({ matchID, code: 'malformed', message: 'playerID must be "0", "1", "2" or null.' });
        if (playerID !== null && playerID !== undefined) {
          const cred = deps.storage.readMetadata(matchID)?.players[Number(playerID)]?.credentials;
          if (!cred || !sameSecret(args[2], cred)) return refuse({ matchID, code: 'unauthorized', message: 'Wrong credentials for this seat.' });
        }
        presence.enter(socket.id, matchID, (playerID as string | null | undefined) ?? null);
        return next();
      }
      case 'update': {
        const problem = checkUpdate(deps, args);
        if (problem) return refuse(problem);
        return next();
      }
      case 'chat': {
        const [matchID, message, credentials] = args as [unknown, { id?: unknown; sender?: unknown; payload?: unknown } | undefined, unknown];
        if (!isId(matchID) || !message || typeof message !== 'object' || !isOneOf(PLAYER_IDS, message.sender))
          return refuse({ code: 'malformed', message: 'Malformed chat message.' });
        const cred = deps.storage.readMetadata(matchID)?.players[Number(message.sender)]?.credentials;
        if (!cred || !sameSecret(credentials, cred)) return refuse({ matchID, code: 'unauthorized', message: 'Wrong credentials for this seat.' });
        const text = sanitiseText(message.payload, MAX_MESSAGE);
        if (!text) return refuse({ matchID, code: 'malformed', message: 'Empty message.' });
        message.payload = text;
        message.id = sanitiseText(message.id, 40);
        return next();
      }
      default:
        return refuse({ code: 'malformed', message: `Unknown event ${JSON.stringify(String(event).slice(0, 40))}.` });
    }
  });
}

/** Why an `update` (a move) is refused, or null. */
export function checkUpdate(deps: GuardDeps, args: unknown[]): GuardError | null {
  const [action, stateID, matchID, playerID] = args as [unknown, unknown, unknown, unknown];
  if (!isId(matchID)) return { code: 'malformed', message: 'matchID missing.' };
  if (!isOneOf(PLAYER_IDS, playerID)) return { matchID, code: 'malformed', message: 'Only a seat can move.' };
  if (typeof stateID !== 'number' || !Number.isInteger(stateID)) return { matchID, code: 'malformed', message: 'stateID must be a whole number.' };
  if (!action || typeof action !== 'object') return { matchID, code: 'malformed', message: 'The action must be an object.' };
  const a = action as { type?: unknown; payload?: { type?: unknown; args?: unknown; playerID?: unknown; credentials?: unknown } };
  if (a.type !== 'MAKE_MOVE') return { matchID, code: 'malformed', message: 'Only moves are accepted (no game events, undo or redo).' };
  const p = a.payload;
  if (!p || typeof p !== 'object' || p.playerID !== playerID) return { matchID, code: 'malformed', message: 'The move must name the seat that sends it.' };
  if (!isOneOf(ACTION_TYPES, p.type)) return { matchID, code: 'malformed', message: `Unknown move ${JSON.stringify(String(p.type).slice(0, 40))}.` };
  const moveArgs = p.args === undefined ? [] : p.args;
  if (!Array.isArray(moveArgs) || moveArgs.length > 1) return { matchID, code: 'malformed', message: 'A move takes one object of arguments.' };
  const first = moveArgs[0] ?? {};
  if (typeof first !== 'object' || first === null || Array.isArray(first))
    return { matchID, code: 'malformed', message: 'A move takes one object of arguments.' };
  const parsed = parseAction({ ...first, type: p.type });
  if (!parsed.ok) return { matchID, code: 'malformed', message: parsed.error };
  const meta = deps.storage.readMetadata(matchID);
  if (!meta) return { matchID, code: 'unknownMatch', message: 'No such match.' };
  const cred = meta.players[Number(playerID)]?.credentials;
  if (!cred || p.credentials === deps.serverToken || !sameSecret(p.credentials, cred))
    return { matchID, code: 'unauthorized', message: 'Wrong credentials for this seat.' };
  const refusal = deps.moveRefusal(matchID, playerID);
  if (refusal) return { matchID, code: 'refused', message: refusal };
  const state = deps.storage.latestState(matchID);
  if (!state) return { matchID, code: 'unknownMatch', message: 'No such match.' };
  if (state._stateID !== stateID) return { matchID, code: 'refused', message: 'The game moved on before your move arrived: try again.' };
  const seat = seatOf(playerID);
  const reason = seat ? checkAction(deps.rules, state.G as GameState, seat, parsed.value) : { code: 'notYourTurn' as const };
  if (reason) return { matchID, code: 'illegal', message: reasonText(deps.rules, reason) };
  return null;
}
