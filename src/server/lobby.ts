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

/** The lobby's routes over the storage (one method a route). */
class Lobby {
  private readonly gameName: string;

  constructor(private readonly deps: LobbyDeps) {
    this.gameName = deps.game.name ?? 'default';
  }

  /** Handles a lobby route (the body, when there is one, is already read and free of dangerous keys). */
  async handle(ctx: Context, route: Route, body: Record<string, unknown> | null, address: string): Promise<void> {
    const expect = (wanted: 'GET' | 'POST') => {
      if (ctx.method !== wanted) {
        ctx.set('Allow', wanted);
        throw new HttpError(405, `Use ${wanted}.`);
      }
    };
    if (route.kind === 'lobby.games') {
      expect('GET');
      return sendJson(ctx, 200, [this.gameName]);
    }
    if (route.kind !== 'lobby.list' && route.kind !== 'lobby.create' && route.kind !== 'lobby.match' && route.kind !== 'lobby.write')
      throw new HttpError(404, 'Not found.');
    if (route.game !== this.gameName) throw new HttpError(404, `Game ${route.game} not found.`);
    switch (route.kind) {
      case 'lobby.list':
        expect('GET');
        return sendJson(ctx, 200, this.list(ctx.query));
      case 'lobby.create': {
        expect('POST');
        const b = parseBody(lobbyCreateBody, body ?? {});
        return sendJson(ctx, 200, { matchID: this.create(address, b.unlisted === true) });
      }
      case 'lobby.match':
        expect('GET');
        return sendJson(ctx, 200, publicMatch(route.matchID, this.load(route.matchID)));
      case 'lobby.write':
        expect('POST');
        if (route.action === 'join') return sendJson(ctx, 200, this.join(route.matchID, body ?? {}));
        if (route.action === 'leave') return sendJson(ctx, 200, await this.leave(route.matchID, body ?? {}));
        if (route.action === 'playAgain') return sendJson(ctx, 200, this.playAgain(route.matchID, body ?? {}, address));
        return sendJson(ctx, 200, this.update(route.matchID, body ?? {}));
    }
  }

  /** One page of the public matches. */
  private list(query: unknown) {
    const q = parseBody(lobbyListQuery, { ...(query as object) });
    const limit = Math.min(LOBBY_PAGE, Math.max(1, Number(q.limit ?? LOBBY_PAGE)));
    const page = Number(q.page ?? 0);
    const where = {
      ...(q.isGameover ? { isGameover: q.isGameover === 'true' } : {}),
      ...(q.updatedBefore ? { updatedBefore: Number(q.updatedBefore) } : {}),
      ...(q.updatedAfter ? { updatedAfter: Number(q.updatedAfter) } : {}),
    };
    // One more than a page: whether there is a next page.
    const rows = this.deps.storage.listPage(this.gameName, where, page * limit, limit + 1);
    const matches = rows.slice(0, limit).map((r) => publicMatch(r.id, r.metadata));
    return { matches, page, nextPage: rows.length > limit ? page + 1 : null };
  }

  private load(matchID: string, forUpdate = false): Server.MatchData {
    const metadata = this.deps.isClassTable(matchID) ? undefined : this.deps.storage.readMetadata(matchID, forUpdate);
    if (!metadata) throw new HttpError(404, 'No such match.');
    return metadata;
  }

  private authorise(metadata: Server.MatchData, playerID: string, credentials: string): Server.PlayerMetadata {
    const player = metadata.players[Number(playerID)];
    if (!player) throw new HttpError(404, `No seat ${playerID}.`);
    if (!player.credentials || !sameSecret(credentials, player.credentials)) throw new HttpError(403, 'Wrong credentials for this seat.');
    return player;
  }

  /** A new three-seat match with a seed of the server's, within the quotas. */
  private create(address: string, unlisted: boolean): string {
    const { deps } = this;
    if (deps.storage.openLobbyMatches(deps.now() - OPEN_WINDOW_MS) >= deps.maxOpen)
      throw new HttpError(503, 'The server holds as many open matches as it may: try again later.');
    if (!deps.mayCreate(address)) throw new HttpError(429, 'Too many matches created from your address this hour.');
    // The seed is the server's, always: whoever knows it knows the deck order.
    const made = createMatch({ game: deps.game, numPlayers: 3, setupData: { seed: freshSeed() }, unlisted });
    if ('setupDataError' in made) throw new HttpError(500, 'Cannot create a match.');
    const matchID = randomToken(12);
    deps.storage.createMatchSync(matchID, made);
    return matchID;
  }

  private join(matchID: string, body: unknown) {
    const b = parseBody(lobbyJoinBody, body);
    const name = sanitiseName(b.playerName);
    if (!name) throw new HttpError(400, 'playerName: give a name.');
    const { storage } = this.deps;
    return storage.sql.transaction(() => {
      const metadata = this.load(matchID, true);
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
  }

  /** A player leaves; the last one out wipes the match. */
  private async leave(matchID: string, body: unknown) {
    const b = parseBody(lobbyLeaveBody, body);
    const { storage } = this.deps;
    const wiped = storage.sql.transaction(() => {
      const metadata = this.load(matchID, true);
      const { name: _n, credentials: _c, ...rest } = this.authorise(metadata, b.playerID, b.credentials);
      metadata.players[Number(b.playerID)] = rest;
      const someoneLeft = SEATS.some((id) => metadata.players[Number(id)]?.name);
      if (someoneLeft) storage.setMetadataSync(matchID, metadata, true);
      return !someoneLeft;
    });
    if (wiped) await storage.wipe(matchID);
    return {};
  }

  /** A player's new name or data (`update`, and the old `rename`). */
  private update(matchID: string, body: unknown) {
    const b = parseBody(lobbyUpdateBody, body);
    if (b.newName === undefined && b.data === undefined) throw new HttpError(400, 'Send newName or data.');
    const name = b.newName === undefined ? undefined : sanitiseName(b.newName);
    if (name === null) throw new HttpError(400, 'newName: give a name.');
    const { storage } = this.deps;
    storage.sql.transaction(() => {
      const metadata = this.load(matchID, true);
      const player = this.authorise(metadata, b.playerID, b.credentials);
      metadata.players[Number(b.playerID)] = { ...player, ...(name ? { name } : {}), ...(b.data ? { data: b.data } : {}) };
      storage.setMetadataSync(matchID, metadata, true);
    });
    return {};
  }

  /** The next match of the same players (created once). */
  private playAgain(matchID: string, body: unknown, address: string) {
    const b = parseBody(lobbyPlayAgainBody, body);
    const { storage } = this.deps;
    const nextMatchID = storage.sql.transaction(() => {
      const metadata = this.load(matchID, true);
      this.authorise(metadata, b.playerID, b.credentials);
      if (metadata.nextMatchID) return metadata.nextMatchID;
      const next = this.create(address, b.unlisted === true);
      metadata.nextMatchID = next;
      storage.setMetadataSync(matchID, metadata, true);
      return next;
    });
    return { nextMatchID };
  }
}

/** The lobby's handler for the gate. */
export function lobbyHandler(deps: LobbyDeps) {
  const lobby = new Lobby(deps);
  return (ctx: Context, route: Route, body: Record<string, unknown> | null, address: string): Promise<void> => lobby.handle(ctx, route, body, address);
}
