/**
 * The classroom HTTP API under /api (JSON; same-origin pages only, as every write needs a JSON
 * body or the teacher's secret header, which a cross-site form cannot send):
 *   POST /api/classes                       host a class → { code, teacherSecret, joinUrl, qrSvg }
 *   GET  /api/classes/:code                 public view (tables, seats, watchable tables)
 *   POST /api/classes/:code/join            { name, table?, seat? } → seat ticket
 *   POST /api/classes/:code/rejoin          { deviceToken } → the same seat ticket
 *   GET  /api/classes/:code/qr.svg          the join link as a QR code
 *   teacher (header X-Teacher-Secret):
 *   GET  /api/classes/:code/console         live view of every table
 *   POST /api/classes/:code/{start,pause,resume,end}
 *   POST /api/classes/:code/extend          { seconds, table? }
 *   POST /api/classes/:code/seat            { table, seat, mode: 'bot' | 'person' }
 *   GET  /api/classes/:code/debrief         per-round figures, winners, catastrophes
 *   GET  /api/classes/:code/export.csv      key figures
 *   GET  /api/classes/:code/matches.json    every table's match file
 */
import type { Context, Next } from 'koa';
import { FACTIONS, type Rules } from '../engine/index.js';
import type { ClassState } from './class-model.js';
import { parseClassSettings, type ClassService } from './classes.js';
import { consoleView, publicView, type ConsoleSources } from './console-view.js';
import { debriefCsv, replayTable } from './debrief.js';
import { HttpError, readJson, sendJson } from './http.js';
import { qrSvg } from './qr.js';
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
}

/** The join link of a class. */
export function joinUrl(base: string, code: string): string {
  return `${base}/#/join?code=${encodeURIComponent(code)}`;
}

/** The debrief of a class: every table replayed. */
export function classDebrief(deps: RouteDeps, cls: ClassState) {
  const replays = cls.tables.map((t) => replayTable(deps.rules, cls, t, deps.storage.readLog(t.matchID)));
  const tables = replays.map((r) => r.debrief);
  const wins = Object.fromEntries(FACTIONS.map((f) => [f, tables.filter((t) => t.winner === f).length]));
  return {
    code: cls.code,
    status: cls.status,
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

/** The /api middleware. */
export function classRoutes(deps: RouteDeps) {
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

  return async (ctx: Context, next: Next): Promise<void> => {
    if (!ctx.path.startsWith('/api/')) return next();
    const parts = ctx.path.split('/').filter(Boolean); // ['api', 'classes', code?, action?]
    if (parts[1] !== 'classes' || parts.length > 4) throw new HttpError(404, 'Not found.');
    const [, , code, action] = parts;
    const get = ctx.method === 'GET';
    const post = ctx.method === 'POST';
    if (!code) {
      if (!post) throw new HttpError(405, 'Use POST to host a class.');
      const settings = parseClassSettings(await readJson(ctx));
      if (!settings.ok) throw new HttpError(400, settings.error);
      const { cls, secret } = classes.create(settings.value, deps.now());
      const url = joinUrl(deps.baseUrl(ctx), cls.code);
      return sendJson(ctx, 201, { code: cls.code, teacherSecret: secret, joinUrl: url, qrSvg: await qrSvg(url) });
    }
    if (code.length > 12) throw new HttpError(404, 'No class with that code.');
    const cls = find(code);
    const now = deps.now();
    switch (`${ctx.method} ${action ?? ''}`) {
      case 'GET ':
        return sendJson(ctx, 200, publicView(cls, deps.sources));
      case 'GET qr.svg':
        ctx.type = 'image/svg+xml';
        ctx.body = await qrSvg(joinUrl(deps.baseUrl(ctx), cls.code));
        return;
      case 'POST join': {
        const body = await readJson(ctx);
        return result(ctx, classes.join(cls, { name: body.name, table: body.table, seat: body.seat }), 201);
      }
      case 'POST rejoin': {
        const body = await readJson(ctx);
        const r = classes.rejoin(cls, body.deviceToken);
        if (!r.ok) throw new HttpError(404, r.error);
        return sendJson(ctx, 200, r.value);
      }
      case 'GET console':
        return sendJson(ctx, 200, { ...consoleView(teacher(ctx, code), deps.sources, now), joinUrl: joinUrl(deps.baseUrl(ctx), cls.code) });
      case 'POST start':
        return result(ctx, classes.start(teacher(ctx, code), now), 200, () => consoleView(cls, deps.sources, now));
      case 'POST pause':
        return result(ctx, classes.pause(teacher(ctx, code), now), 200, () => consoleView(cls, deps.sources, now));
      case 'POST resume':
        return result(ctx, classes.resume(teacher(ctx, code), now), 200, () => consoleView(cls, deps.sources, now));
      case 'POST end':
        return result(ctx, classes.end(teacher(ctx, code), now), 200, () => consoleView(cls, deps.sources, now));
      case 'POST extend': {
        teacher(ctx, code);
        const body = await readJson(ctx);
        return result(ctx, classes.extend(cls, body.seconds, body.table), 200, () => consoleView(cls, deps.sources, now));
      }
      case 'POST seat': {
        teacher(ctx, code);
        const body = await readJson(ctx);
        return result(ctx, classes.setSeatMode(cls, body.table, body.seat, body.mode), 200, () => consoleView(cls, deps.sources, now));
      }
      case 'GET debrief': {
        const { matches: _m, ...d } = classDebrief(deps, teacher(ctx, code));
        return sendJson(ctx, 200, d);
      }
      case 'GET export.csv': {
        const d = classDebrief(deps, teacher(ctx, code));
        ctx.set('Content-Disposition', `attachment; filename="gigawatt-${cls.code}.csv"`);
        ctx.set('Cache-Control', 'no-store');
        ctx.type = 'text/csv; charset=utf-8';
        ctx.body = debriefCsv(cls, d.tables);
        return;
      }
      case 'GET matches.json': {
        const d = classDebrief(deps, teacher(ctx, code));
        ctx.set('Content-Disposition', `attachment; filename="gigawatt-${cls.code}-matches.json"`);
        return sendJson(ctx, 200, { class: cls.code, matches: d.matches });
      }
      default:
        if (!get && !post) throw new HttpError(405, 'Method not allowed.');
        throw new HttpError(404, 'Not found.');
    }
  };
}
