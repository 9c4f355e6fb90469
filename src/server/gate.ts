/**
 * The one gate in front of the class API (/api) and the lobby (/games). For every request it
 * normalises the path into a route (request-route.ts) before any decision, checks the Origin,
 * takes a token from the right rate limit, reads and checks the body (size, JSON, no dangerous
 * key), and hands the route, the body and the client's address to the handler. No request under
 * /api or /games reaches anything else: boardgame.io's own lobby routes are never called.
 *
 * Rate limits are keyed by what a request proves, so that a whole school behind one address
 * (NAT) is not mistaken for an attack, while a flood from one address is still cut off:
 * - a teacher's request with the class's secret: the class's teacher bucket;
 * - a request naming an existing class: a bucket per (address, class), sized for the class's
 *   devices (three seats of up to four devices per table);
 * - anything else (hosting, the lobby, unknown codes): a bucket per address.
 */
import type { Context, Next } from 'koa';
import type { ClassService } from './classes.js';
import { MAX_DEVICES_PER_SEAT } from './class-model.js';
import { prototypesIntact } from './harden.js';
import { HttpError, readJson, sendJson } from './http.js';
import { addressKey, clientAddress, RateLimiter } from './rate-limit.js';
import { type Route, routeOf } from './request-route.js';

/** A handler behind the gate. */
export type GatedHandler = (ctx: Context, route: Route, body: Record<string, unknown> | null, address: string) => Promise<void>;

/** What the gate needs. */
export interface GateDeps {
  allowedOrigin(origin: string | undefined): boolean;
  trustedProxies: readonly string[];
  classes: ClassService;
  classApi: GatedHandler;
  lobby: GatedHandler;
  now?: () => number;
}

/** Requests a second per device a class may make from one address (status polls, joins, moves are on sockets). */
const PER_DEVICE_PER_SECOND = 0.5;

/** The client's address for a Koa request (see `clientAddress`). */
function requestAddress(ctx: Context, trustedProxies: readonly string[]): string {
  return clientAddress(ctx.req.socket.remoteAddress, ctx.req.headers['x-forwarded-for'], trustedProxies);
}

/** The gate middleware. */
export function gate(deps: GateDeps) {
  const now = deps.now ?? Date.now;
  const anonymous = new RateLimiter(60, 5);
  const perClass = new RateLimiter(120, 10);
  const teachers = new RateLimiter(120, 10);

  const admitted = (route: Route, ctx: Context, address: string): boolean => {
    if (route.kind === 'class') {
      const cls = deps.classes.get(route.code);
      if (cls) {
        if (ctx.get('x-teacher-secret') && deps.classes.isTeacher(cls, ctx.get('x-teacher-secret'))) return teachers.take(`teacher|${cls.code}`, now());
        const devices = cls.tables.length * 3 * MAX_DEVICES_PER_SEAT;
        return perClass.take(`${addressKey(address)}|${cls.code}`, now(), Math.max(120, devices * 4), Math.max(10, devices * PER_DEVICE_PER_SECOND));
      }
    }
    return anonymous.take(addressKey(address), now());
  };

  return async (ctx: Context, next: Next): Promise<void> => {
    const route = routeOf(ctx.path);
    if (route.kind === 'other') return next();
    const address = requestAddress(ctx, deps.trustedProxies);
    const origin = ctx.get('origin');
    if (origin && !deps.allowedOrigin(origin)) throw new HttpError(403, 'Origin not allowed.');
    if (!admitted(route, ctx, address)) {
      ctx.set('Retry-After', '1');
      throw new HttpError(429, 'Too many requests: slow down.');
    }
    if (origin) {
      ctx.set('Access-Control-Allow-Origin', origin);
      ctx.set('Vary', 'Origin');
    }
    if (ctx.method === 'OPTIONS') {
      ctx.set('Access-Control-Allow-Methods', 'GET, POST');
      ctx.set('Access-Control-Allow-Headers', 'Content-Type, X-Teacher-Secret');
      ctx.status = 204;
      return;
    }
    if (route.kind === 'health') {
      if (ctx.method !== 'GET') throw new HttpError(405, 'Use GET.');
      return sendJson(ctx, 200, { ok: true, prototypes: prototypesIntact() ? 'intact' : 'changed' });
    }
    const body = ctx.method === 'POST' ? await readJson(ctx) : null;
    if (route.kind.startsWith('lobby')) return deps.lobby(ctx, route, body, address);
    return deps.classApi(ctx, route, body, address);
  };
}
