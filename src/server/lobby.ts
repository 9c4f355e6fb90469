/**
 * The public lobby under /games, in place of boardgame.io's own routes (which index metadata by
 * whatever `playerID` a request sends, default to two seats, keep a requested seed and list
 * matches by fetching them one by one). Same URLs and replies, plus: seats only "0"–"2", bodies
 * parsed by strict schemas, a seed always drawn by the server, paging of the public list (class
 * tables are never listed), creation quotas, and class tables out of reach (they belong to the
 * class API). Paths reach here already normalised by the gate (request-route.ts).
 */
import type { Context } from 'koa';
import type { Game, Server } from 'boardgame.io';
import { createMatch } from 'boardgame.io/internal';
import { HttpError, sendJson } from './http.js';
import type { Route } from './request-route.js';
import { sanitiseName } from './sanitise.js';
import { lobbyCreateBody, lobbyJoinBody, lobbyLeaveBody, lobbyListQuery, lobbyPlayAgainBody, lobbyUpdateBody, parseBody } from './schemas.js';
import { freshSeed } from '../match/fresh-seed.js';
import { randomToken, sameSecret } from './secrets.js';
import type { SqlStorage } from './storage.js';

/** Matches in one page of the public list (at most; `?limit=` asks for fewer). */
const LOBBY_PAGE = 50;
/** A lobby match counts against the overall cap while it changed within this time. */
const OPEN_WINDOW_MS = 24 * 3600_000;
const SEATS = ['0', '1', '2'] as const;

/** What the lobby needs. */
export interface LobbyDeps {
  game: Game;
  storage: SqlStorage;
  /** Is this match a class table? (Those are refused here.) */
  isClassTable(matchID: string): boolean;
  /** May this address create one more match now? (Its hourly quota.) */
  mayCreate(address: string): boolean;
  /** The most lobby matches open at once, over every address. */
  maxOpen: number;
  now(): number;
}

/** A match as the lobby shows it: the seats without their credentials. */
function publicMatch(matchID: string, metadata: Server.MatchData) {
  const players = SEATS.map((id) => metadata.players[Number(id)])
    .filter((p): p is Server.PlayerMetadata => p !== undefined)
    .map(({ credentials: _c, ...rest }) => rest);
  return { ...metadata, matchID, players };
}

/** Handles a lobby route (the body, when there is one, is already read and free of dangerous keys). */
export function lobbyHandler(deps: LobbyDeps) {
  const { storage } = deps;
  const gameName = deps.game.name ?? 'default';

  const checkGame = (name: string) => {
    if (name !== gameName) throw new HttpError(404, `Game ${name} not found.`);
  };
  const load = (matchID: string, forUpdate = false): Server.MatchData => {
    const metadata = deps.isClassTable(matchID) ? undefined : storage.readMetadata(matchID, forUpdate);
    if (!metadata) throw new HttpError(404, 'No such match.');
    return metadata;
  };
  const authorise = (metadata: Server.MatchData, playerID: string, credentials: string): Server.PlayerMetadata => {
    const player = metadata.players[Number(playerID)];
    if (!player) throw new HttpError(404, `No seat ${playerID}.`);
    if (!player.credentials || !sameSecret(credentials, player.credentials)) throw new HttpError(403, 'Wrong credentials for this seat.');
    return player;
  };
  const create = (address: string, unlisted: boolean): string => {
    if (storage.openLobbyMatches(deps.now() - OPEN_WINDOW_MS) >= deps.maxOpen)
      throw new HttpError(503, 'The server holds as many open matches as it may: try again later.');
    if (!deps.mayCreate(address)) throw new HttpError(429, 'Too many matches created from your address this hour.');
    // The seed is the server's, always: whoever knows it knows the deck order.
    const made = createMatch({ game: deps.game, numPlayers: 3, setupData: { seed: freshSeed() }, unlisted });
    if ('setupDataError' in made) throw new HttpError(500, 'Cannot create a match.');
    const matchID = randomToken(12);
    storage.createMatchSync(matchID, made);
    return matchID;
  };

  return async (ctx: Context, route: Route, body: Record<string, unknown> | null, address: string): Promise<void> => {
    const method = ctx.method;
    const expect = (wanted: 'GET' | 'POST') => {
      if (method !== wanted) {
        ctx.set('Allow', wanted);
        throw new HttpError(405, `Use ${wanted}.`);
      }
    };
    switch (route.kind) {
      case 'lobby.games':
        expect('GET');
        return sendJson(ctx, 200, [gameName]);
      case 'lobby.list': {
        expect('GET');
        checkGame(route.game);
        const q = parseBody(lobbyListQuery, { ...ctx.query });
        const limit = Math.min(LOBBY_PAGE, Math.max(1, Number(q.limit ?? LOBBY_PAGE)));
        const page = Number(q.page ?? 0);
        const where = {
          ...(q.isGameover ? { isGameover: q.isGameover === 'true' } : {}),
          ...(q.updatedBefore ? { updatedBefore: Number(q.updatedBefore) } : {}),
          ...(q.updatedAfter ? { updatedAfter: Number(q.updatedAfter) } : {}),
        };
        // One more than a page: whether there is a next page.
        const rows = storage.listPage(gameName, where, page * limit, limit + 1);
        const matches = rows.slice(0, limit).map((r) => publicMatch(r.id, r.metadata));
        return sendJson(ctx, 200, { matches, page, nextPage: rows.length > limit ? page + 1 : null });
      }
      case 'lobby.create': {
        expect('POST');
        checkGame(route.game);
        const b = parseBody(lobbyCreateBody, body ?? {});
        return sendJson(ctx, 200, { matchID: create(address, b.unlisted === true) });
      }
      case 'lobby.match': {
        expect('GET');
        checkGame(route.game);
        return sendJson(ctx, 200, publicMatch(route.matchID, load(route.matchID)));
      }
      case 'lobby.write': {
        expect('POST');
        checkGame(route.game);
        const { matchID } = route;
        switch (route.action) {
          case 'join': {
            const b = parseBody(lobbyJoinBody, body ?? {});
            const name = sanitiseName(b.playerName);
            if (!name) throw new HttpError(400, 'playerName: give a name.');
            const reply = storage.sql.transaction(() => {
              const metadata = load(matchID, true);
              const playerID = b.playerID ?? SEATS.find((id) => metadata.players[Number(id)] && !metadata.players[Number(id)]?.name);
              if (playerID === undefined) throw new HttpError(409, 'Every seat of this match is taken.');
              const player = metadata.players[Number(playerID)];
              if (!player) throw new HttpError(404, `No seat ${playerID}.`);
              if (player.name) throw new HttpError(409, `Seat ${playerID} is taken.`);
              const credentials = randomToken(24);
              metadata.players[Number(playerID)] = { ...player, name, credentials, ...(b.data ? { data: b.data } : {}) };
              storage.setMetadataSync(matchID, metadata, true);
              return { playerID, playerCredentials: credentials };
            });
            return sendJson(ctx, 200, reply);
          }
          case 'leave': {
            const b = parseBody(lobbyLeaveBody, body ?? {});
            const wiped = storage.sql.transaction(() => {
              const metadata = load(matchID, true);
              const player = authorise(metadata, b.playerID, b.credentials);
              const { name: _n, credentials: _c, ...rest } = player;
              metadata.players[Number(b.playerID)] = rest;
              const someoneLeft = SEATS.some((id) => metadata.players[Number(id)]?.name);
              if (someoneLeft) storage.setMetadataSync(matchID, metadata, true);
              return !someoneLeft;
            });
            if (wiped) await storage.wipe(matchID);
            return sendJson(ctx, 200, {});
          }
          case 'update':
          case 'rename': {
            const b = parseBody(lobbyUpdateBody, body ?? {});
            if (b.newName === undefined && b.data === undefined) throw new HttpError(400, 'Send newName or data.');
            const name = b.newName === undefined ? undefined : sanitiseName(b.newName);
            if (name === null) throw new HttpError(400, 'newName: give a name.');
            storage.sql.transaction(() => {
              const metadata = load(matchID, true);
              const player = authorise(metadata, b.playerID, b.credentials);
              metadata.players[Number(b.playerID)] = { ...player, ...(name ? { name } : {}), ...(b.data ? { data: b.data } : {}) };
              storage.setMetadataSync(matchID, metadata, true);
            });
            return sendJson(ctx, 200, {});
          }
          case 'playAgain': {
            const b = parseBody(lobbyPlayAgainBody, body ?? {});
            const nextMatchID = storage.sql.transaction(() => {
              const metadata = load(matchID, true);
              authorise(metadata, b.playerID, b.credentials);
              if (metadata.nextMatchID) return metadata.nextMatchID;
              const next = create(address, b.unlisted === true);
              metadata.nextMatchID = next;
              storage.setMetadataSync(matchID, metadata, true);
              return next;
            });
            return sendJson(ctx, 200, { nextMatchID });
          }
        }
      }
    }
    throw new HttpError(404, 'Not found.');
  };
}
