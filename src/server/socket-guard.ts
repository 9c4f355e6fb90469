/**
 * The guard in front of boardgame.io's socket handlers. Every incoming event is checked before
 * the master sees it: only known matches can be synced (no match is created by a sync), only
 * moves (no game events, undo or redo) of the right shape, by the seat whose turn it is, with
 * its credentials, while its class runs; chat is sanitised; each socket is rate-limited.
 * A refused event changes nothing and the sender gets a `gigawatt:error` naming why.
 */
import { rulesOfState } from '../engine/rules/presets.js';
import type { Socket } from 'socket.io';
import { ACTION_TYPES, checkAction, isOneOf, parseAction, reasonText, type GameState, type Rules } from '../engine/index.js';
import { moveArgs, seatOf } from '../game/gigawatt.js';
import { dangerousKeyIn } from './http.js';
import { RateLimiter } from './rate-limit.js';
import { isMatchID } from './request-route.js';
import { MAX_MESSAGE, sanitiseText } from './sanitise.js';
import { chatArgs, describeProblem, syncArgs, updateArgs } from './schemas.js';
import { hashSecret, sameSecret } from './secrets.js';
import type { SqlStorage } from './storage.js';

/** What the guard needs from the server. */
export interface GuardDeps {
  rules: Rules;
  storage: SqlStorage;
  /** Why this seat may not move now (class paused, bot seat...), or null. */
  moveRefusal(matchID: string, playerID: string): string | null;
  /** The server's own credentials (never accepted from a socket). */
  serverToken: string;
  /** Class tables: is this device token on this seat? (null: not a class table.) */
  deviceOnSeat(matchID: string, playerID: string, credential: unknown): boolean | null;
  /** Class tables: the server-only credential the master checks for a seat. */
  seatCredential(matchID: string, playerID: string): string | undefined;
}

/** The error event a refused client receives. */
export interface GuardError {
  matchID?: string;
  code: 'malformed' | 'unknownMatch' | 'unauthorized' | 'refused' | 'illegal' | 'rateLimited' | 'unavailable';
  message: string;
}

/** Who is connected to which seat (devices per seat), for the teacher's console. */
export class Presence {
  private readonly bySocket = new Map<string, { matchID: string; playerID: string | null; device: string | null }>();
  private readonly counts = new Map<string, number>();

  private key(matchID: string, playerID: string | null): string {
    return `${matchID}/${playerID ?? 'spectator'}`;
  }

  /** A socket synced to a seat (or as a spectator); `device`: the hash of the device's token. */
  enter(socketID: string, matchID: string, playerID: string | null, device: string | null = null): void {
    this.leave(socketID);
    this.bySocket.set(socketID, { matchID, playerID, device });
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

  /** The sockets of one device at a match (to close them when the teacher removes it). */
  socketsOf(matchID: string, device: string): string[] {
    return [...this.bySocket].filter(([, v]) => v.matchID === matchID && v.device === device).map(([id]) => id);
  }

  /** Every socket at a match, seats and spectators (to close them when the class is deleted). */
  socketsAt(matchID: string): string[] {
    return [...this.bySocket].filter(([, v]) => v.matchID === matchID).map(([id]) => id);
  }

  /** Devices connected to a seat (playerID null: spectators). */
  devices(matchID: string, playerID: string | null): number {
    return this.counts.get(this.key(matchID, playerID)) ?? 0;
  }
}

/**
 * Which secret opens a seat, and what boardgame.io's master is then given instead of it. Class
 * tables: each device's own token (the master gets the seat's server-only credential); lobby
 * matches: the seat's credentials from the metadata (given through unchanged).
 */
function seatKey(deps: GuardDeps, matchID: string, playerID: string, credential: unknown): string | null {
  if (typeof credential !== 'string' || credential === deps.serverToken) return null;
  const device = deps.deviceOnSeat(matchID, playerID, credential);
  if (device === true) return deps.seatCredential(matchID, playerID) ?? null;
  if (device === false) return null;
  const cred = deps.storage.readMetadata(matchID)?.players[Number(playerID)]?.credentials;
  return cred && sameSecret(credential, cred) ? cred : null;
}

/** What a device is told when a check could not be made (the database did not answer). */
const UNAVAILABLE = 'The server could not handle that just now: try again in a moment.';

/** Installs the guard on a newly connected socket. */
export function guardSocket(socket: Socket, deps: GuardDeps, presence: Presence): void {
  const limiter = new RateLimiter(40, 20);
  const refuse = (e: GuardError) => socket.emit('gigawatt:error', e);
  socket.on('disconnect', () => presence.leave(socket.id));
  socket.use((packet, next) => {
    const [event, ...args] = packet as [string, ...unknown[]];
    if (!limiter.take('socket')) return refuse({ code: 'rateLimited', message: 'Too many messages: slow down.' });
    const dangerous = dangerousKeyIn(args);
    if (dangerous) return refuse({ code: 'malformed', message: `The key ${JSON.stringify(dangerous)} is not allowed.` });
    // Whatever passes is rebuilt from what was checked: no field travels unchecked.
    const forward = (...clean: unknown[]) => {
      packet.length = 0;
      packet.push(event, ...clean);
      next();
    };
    try {
      check(event, args, forward);
    } catch (e) {
      // The checks read the database: a failure there refuses this message, and must not reach
      // socket.io (a throw in its middleware ends the whole process).
      console.error(`[socket] could not check ${String(event).slice(0, 40)}:`, e instanceof Error ? e.message : e);
      refuse({ code: 'unavailable', message: UNAVAILABLE });
      // A device left without its sync would wait for ever: closing the connection makes its
      // client reconnect (with socket.io's back-off) and sync again.
      if (event === 'sync') socket.conn.close();
    }
  });

  /** Checks one event and forwards it rebuilt, or refuses it. */
  function check(event: string, args: unknown[], forward: (...clean: unknown[]) => void): unknown {
    switch (event) {
      case 'sync': {
        const parsed = syncArgs.safeParse(args);
        if (!parsed.success) return refuse({ code: 'malformed', message: `sync: ${describeProblem(parsed.error)}` });
        const [matchID, playerID, credentials] = parsed.data;
        if (!isMatchID(matchID) || !deps.storage.has(matchID)) return refuse({ code: 'unknownMatch', message: 'No such match.' });
        let key: string | undefined;
        if (playerID !== null && playerID !== undefined) {
          const found = seatKey(deps, matchID, playerID, credentials);
          if (!found) return refuse({ matchID, code: 'unauthorized', message: 'Wrong credentials for this seat.' });
          key = found;
        }
        // A socket follows one match at a time: leave the rooms of earlier syncs.
        for (const room of socket.rooms) if (room !== socket.id && room !== matchID) socket.leave(room);
        presence.enter(socket.id, matchID, playerID ?? null, playerID && typeof credentials === 'string' ? hashSecret(credentials) : null);
        return key === undefined ? forward(matchID) : forward(matchID, playerID, key);
      }
      case 'update': {
        const checked = checkUpdate(deps, args);
        if ('code' in checked) return refuse(checked);
        return forward(...checked.args);
      }
      case 'chat': {
        const parsed = chatArgs.safeParse(args);
        if (!parsed.success) return refuse({ code: 'malformed', message: `Malformed chat message: ${describeProblem(parsed.error)}` });
        const [matchID, message, credentials] = parsed.data;
        if (!isMatchID(matchID)) return refuse({ code: 'malformed', message: 'Malformed chat message.' });
        const key = seatKey(deps, matchID, message.sender, credentials);
        if (!key) return refuse({ matchID, code: 'unauthorized', message: 'Wrong credentials for this seat.' });
        const text = sanitiseText(message.payload, MAX_MESSAGE);
        if (!text) return refuse({ matchID, code: 'malformed', message: 'Empty message.' });
        return forward(matchID, { id: sanitiseText(message.id, 40), sender: message.sender, payload: text }, key);
      }
      default:
        return refuse({ code: 'malformed', message: `Unknown event ${JSON.stringify(String(event).slice(0, 40))}.` });
    }
  }
}

/**
 * Checks an `update` (a move): its exact shape, the seat's credentials, the class, the state it
 * was made from and its legality. Returns the refusal, or the arguments to hand to the master,
 * rebuilt from the parsed move (no extra field, the master's credential for the seat).
 */
export function checkUpdate(deps: GuardDeps, args: unknown[]): GuardError | { args: unknown[] } {
  const shape = updateArgs.safeParse(args);
  const matchID = typeof args[2] === 'string' && isMatchID(args[2]) ? args[2] : undefined;
  if (!shape.success) {
    const a = args[0] as { type?: unknown } | undefined;
    if (a && typeof a === 'object' && 'type' in a && a.type !== 'MAKE_MOVE')
      return { matchID, code: 'malformed', message: 'Only moves are accepted (no game events, undo or redo).' };
    return { matchID, code: 'malformed', message: `update: ${describeProblem(shape.error)}` };
  }
  const [action, stateID, , playerID] = shape.data;
  if (!matchID) return { code: 'malformed', message: 'matchID missing.' };
  const p = action.payload;
  if (p.playerID !== playerID) return { matchID, code: 'malformed', message: 'The move must name the seat that sends it.' };
  if (!isOneOf(ACTION_TYPES, p.type)) return { matchID, code: 'malformed', message: `Unknown move ${JSON.stringify(String(p.type).slice(0, 40))}.` };
  const first = p.args?.[0] ?? {};
  if (typeof first !== 'object' || first === null || Array.isArray(first))
    return { matchID, code: 'malformed', message: 'A move takes one object of arguments.' };
  const parsed = parseAction({ ...first, type: p.type });
  if (!parsed.ok) return { matchID, code: 'malformed', message: parsed.error };
  if (!deps.storage.has(matchID)) return { matchID, code: 'unknownMatch', message: 'No such match.' };
  const key = seatKey(deps, matchID, playerID, p.credentials);
  if (!key) return { matchID, code: 'unauthorized', message: 'Wrong credentials for this seat.' };
  const refusal = deps.moveRefusal(matchID, playerID);
  if (refusal) return { matchID, code: 'refused', message: refusal };
  const state = deps.storage.latestState(matchID);
  if (!state) return { matchID, code: 'unknownMatch', message: 'No such match.' };
  if (state._stateID !== stateID) return { matchID, code: 'refused', message: 'The game moved on before your move arrived: try again.' };
  const seat = seatOf(playerID);
  // The table's own rules (its condition in a class experiment).
  const rules = rulesOfState(state.G as GameState, deps.rules);
  const reason = seat ? checkAction(rules, state.G as GameState, seat, parsed.value) : { code: 'notYourTurn' as const };
  if (reason) return { matchID, code: 'illegal', message: reasonText(rules, reason) };
  const move = { type: 'MAKE_MOVE', payload: { type: parsed.value.type, args: [moveArgs(parsed.value)], playerID, credentials: key } };
  return { args: [move, stateID, matchID, playerID] };
}
