/**
 * The classroom HTTP API under /api (JSON; same-origin pages only, as every write needs a JSON
 * body or the teacher's secret header, which a cross-site form cannot send):
 *   POST /api/classes                       host a class → { code, teacherSecret, joinUrl, qrSvg }
 *   GET  /api/classes/:code                 public view (tables, seats, watchable tables)
 *   POST /api/classes/:code/join            { name, table?, seat?, invite? } → seat ticket
 *   POST /api/classes/:code/rejoin          { deviceToken } → the same seat ticket
 *   GET  /api/classes/:code/qr.svg          the join link as a QR code
 *   teacher (header X-Teacher-Secret):
 *   GET  /api/classes/:code/console         live view of every table
 *   POST /api/classes/:code/{start,pause,resume,end}
 *   POST /api/classes/:code/extend          { seconds, table? }
 *   POST /api/classes/:code/seat            { table, seat, mode: 'bot' | 'person' }
 *   POST /api/classes/:code/remove          { table, seat, person } takes one device off a seat
 *   GET  /api/classes/:code/debrief         per-round figures, winners, catastrophes
 *   GET  /api/classes/:code/export.csv      key figures
 *   GET  /api/classes/:code/matches.json    every table's match file (once the class has ended)
 *   POST /api/classes/:code/delete          { confirm: CODE } deletes the class and all its data
 *   POST /api/classes/:code/discuss         { preset } or { text }: every table stops at the end of its round to discuss
 *   POST /api/classes/:code/continue        the discussion is over: play goes on
 *   POST /api/classes/:code/news            { event, table? } the teacher's news at one table (or all), at its next headline
 */
import type { Context } from 'koa';
import { FACTIONS, type Rules } from '../engine/index.js';
import type { ClassState } from './class-model.js';
import { parseClassSettings, type ClassService } from './classes.js';
import { consoleView, publicView, type ConsoleSources } from './console-view.js';
import { debriefCsv, replayTable } from './debrief.js';
import { HttpError, sendJson } from './http.js';
import { qrSvg } from './qr.js';
import type { Route } from './request-route.js';
import {
  createClassBody,
  deleteClassBody,
  discussBody,
  emptyBody,
  extendBody,
  joinClassBody,
  newsBody,
  parseBody,
  rejoinClassBody,
  removeDeviceBody,
  seatModeBody,
} from './schemas.js';
import { announceNews, type NewsMove } from './news.js';
import type { SqlStorage } from './storage.js';

/** What the routes need. */
export interface RouteDeps {
  rules: Rules;
  classes: ClassService;
  storage: SqlStorage;
  sources: ConsoleSources;
  /** The base URL students open (e.g. http://192.168.1.20:8000), given the request's Host. */
  baseUrl(ctx: Context): string;
  now(): number;
  /** Days after which a class is deleted (shown to the teacher). */
  retentionDays: number;
  /** How the teacher's news reaches a table (a server move). */
  newsMove: NewsMove;
}

/** The join link of a class. */
export function joinUrl(base: string, code: string): string {
  return `${base}/#/join?code=${encodeURIComponent(code)}`;
}

/** The debrief of a class: every table replayed. */
function classDebrief(deps: RouteDeps, cls: ClassState) {
  const replays = cls.tables.map((t) => replayTable(cls, t, deps.storage.readLog(t.matchID)));
  const tables = replays.map((r) => r.debrief);
  const wins = Object.fromEntries(FACTIONS.map((f) => [f, tables.filter((t) => t.winner === f).length]));
  return {
    code: cls.code,
    status: cls.status,
    /** Did every table deal from one seed (an experiment's comparison then holds the events fixed)? */
    sharedSeed: cls.settings.seedMode === 'shared' || cls.tables.length === 1,
    tables,
    summary: {
      tables: tables.length,
      finished: tables.filter((t) => t.finished).length,
      wins,
      catastrophes: tables.filter((t) => t.reason === 'catastrophe').map((t) => t.table),
    },
    matches: replays.map((r) => r.match),
  };
}

/** What the class routes need besides `RouteDeps`: the hosting quotas. */
export interface HostingLimits {
  /** May this address host one more class now? (Its hourly quota.) */
  mayHost(address: string): boolean;
  /** The most classes not yet ended, over every address. */
  maxOpenClasses: number;
  /** Closes the sockets of a device the teacher removed. */
  disconnectDevice(matchID: string, tokenHash: string): void;
}

/** The /api handler: `route` and `body` come from the gate, already normalised and free of dangerous keys. */
export function classRoutes(deps: RouteDeps, limits: HostingLimits) {
  const { classes } = deps;
  const find = (code: string): ClassState => {
    const cls = classes.get(code);
    if (!cls) throw new HttpError(404, 'No class with that code.');
    return cls;
  };
  const teacher = (ctx: Context, code: string): ClassState => {
    const cls = find(code);
    if (!classes.isTeacher(cls, ctx.get('x-teacher-secret'))) throw new HttpError(403, 'Wrong teacher secret.');
    return cls;
  };
  const result = <T>(ctx: Context, r: { ok: true; value: T } | { ok: false; error: string }, status = 200, map?: (v: T) => unknown) => {
    if (!r.ok) throw new HttpError(409, r.error);
    sendJson(ctx, status, map ? map(r.value) : r.value);
  };
  const method = (ctx: Context, wanted: 'GET' | 'POST') => {
    if (ctx.method !== wanted) {
      ctx.set('Allow', wanted);
      throw new HttpError(405, `Use ${wanted}.`);
    }
  };

  return async (ctx: Context, route: Route, body: Record<string, unknown> | null, address: string): Promise<void> => {
    if (route.kind === 'class.create') {
      method(ctx, 'POST');
      const settings = parseClassSettings(parseBody(createClassBody, body ?? {}));
      if (!settings.ok) throw new HttpError(400, settings.error);
      if (classes.openClasses() >= limits.maxOpenClasses)
        throw new HttpError(503, 'The server holds as many classes as it may: end an old class, or try later.');
      if (!limits.mayHost(address)) throw new HttpError(429, 'Too many classes hosted from your address this hour.');
      const { cls, secret } = classes.create(settings.value, deps.now());
      const url = joinUrl(deps.baseUrl(ctx), cls.code);
      return sendJson(ctx, 201, { code: cls.code, teacherSecret: secret, joinUrl: url, qrSvg: await qrSvg(url) });
    }
    if (route.kind !== 'class') throw new HttpError(404, 'Not found.');
    const { code } = route;
    const cls = find(code);
    const now = deps.now();
    /** What every teacher's reply carries: the class as the console shows it, its join link and how long it is kept. */
    const view = () => ({
      ...consoleView(cls, deps.sources, deps.now()),
      joinUrl: joinUrl(deps.baseUrl(ctx), cls.code),
      retentionDays: deps.retentionDays,
    });
    const wanted: 'GET' | 'POST' =
      route.action === null || ['qr.svg', 'console', 'debrief', 'export.csv', 'matches.json'].includes(route.action) ? 'GET' : 'POST';
    method(ctx, wanted);
    switch (route.action) {
      case null:
        return sendJson(ctx, 200, publicView(cls, deps.sources, now));
      case 'qr.svg':
        ctx.type = 'image/svg+xml';
        ctx.body = await qrSvg(joinUrl(deps.baseUrl(ctx), cls.code));
        return;
      case 'join': {
        const b = parseBody(joinClassBody, body);
        return result(ctx, classes.join(cls, { name: b.name, table: b.table, seat: b.seat, invite: b.invite }), 201);
      }
      case 'rejoin': {
        const b = parseBody(rejoinClassBody, body);
        const r = classes.rejoin(cls, b.deviceToken);
        if (!r.ok) throw new HttpError(404, r.error);
        return sendJson(ctx, 200, r.value);
      }
      case 'console':
        teacher(ctx, code);
        return sendJson(ctx, 200, view());
      case 'start':
      case 'pause':
      case 'resume':
      case 'end': {
        teacher(ctx, code);
        parseBody(emptyBody, body);
        const change = { start: classes.start, pause: classes.pause, resume: classes.resume, end: classes.end }[route.action];
        return result(ctx, change.call(classes, cls, now), 200, view);
      }
      case 'close':
      case 'reopen': {
        teacher(ctx, code);
        parseBody(emptyBody, body);
        return result(ctx, route.action === 'close' ? classes.close(cls) : classes.reopen(cls), 200, view);
      }
      case 'extend': {
        teacher(ctx, code);
        const b = parseBody(extendBody, body);
        return result(ctx, classes.extend(cls, b.seconds, b.table), 200, view);
      }
      case 'seat': {
        teacher(ctx, code);
        const b = parseBody(seatModeBody, body);
        return result(ctx, classes.setSeatMode(cls, b.table, b.seat, b.mode), 200, view);
      }
      case 'remove': {
        teacher(ctx, code);
        const b = parseBody(removeDeviceBody, body);
        const r = classes.removeDevice(cls, b.table, b.seat, b.person);
        if (r.ok) limits.disconnectDevice(r.value.table.matchID, r.value.tokenHash);
        return result(ctx, r, 200, view);
      }
      case 'debrief': {
        const { matches: _m, ...d } = classDebrief(deps, teacher(ctx, code));
        return sendJson(ctx, 200, d);
      }
      case 'export.csv': {
        const d = classDebrief(deps, teacher(ctx, code));
        ctx.set('Content-Disposition', `attachment; filename="gigawatt-${cls.code}.csv"`);
        ctx.set('Cache-Control', 'no-store');
        ctx.type = 'text/csv; charset=utf-8';
        ctx.body = debriefCsv(cls, d.tables);
        return;
      }
      case 'discuss': {
        teacher(ctx, code);
        const b = parseBody(discussBody, body);
        return result(ctx, classes.discuss(cls, b), 200, view);
      }
      case 'continue': {
        teacher(ctx, code);
        parseBody(emptyBody, body);
        return result(ctx, classes.endDiscussion(cls), 200, view);
      }
      case 'news': {
        teacher(ctx, code);
        const b = parseBody(newsBody, body);
        const tables = await announceNews({ ...deps, move: deps.newsMove }, cls, b.event, b.table ?? null);
        return sendJson(ctx, 200, { ...view(), news: { event: b.event, tables } });
      }
      case 'delete': {
        teacher(ctx, code);
        const b = parseBody(deleteClassBody, body);
        if (b.confirm.toUpperCase() !== cls.code) throw new HttpError(400, 'confirm: type the class code to delete the class.');
        const matchIDs = classes.delete(cls.code);
        return sendJson(ctx, 200, { deleted: cls.code, tables: matchIDs.length });
      }
      case 'matches.json': {
        teacher(ctx, code);
        // A match file holds its table's seed, and a seed tells the deck order of every table
        // dealt from it: none leaves the server while the class can still be played.
        if (cls.status !== 'ended') throw new HttpError(409, "The match files hold each table's seed: download them once the class has ended.");
        const d = classDebrief(deps, cls);
        ctx.set('Content-Disposition', `attachment; filename="gigawatt-${cls.code}-matches.json"`);
        return sendJson(ctx, 200, { class: cls.code, matches: d.matches });
      }
    }
  };
}
