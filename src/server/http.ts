/** Small HTTP helpers for Koa: bounded JSON bodies, JSON replies, security headers. */
import type { Context, Next } from 'koa';

/** The largest request body the server reads. */
export const MAX_BODY_BYTES = 16 * 1024;

/** An error with an HTTP status, turned into `{ error }` by `jsonErrors`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Object keys that could reach a prototype: refused anywhere in a request. */
const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first dangerous key anywhere in a value (objects and arrays, to `depth` levels), or null. */
export function dangerousKeyIn(value: unknown, depth = 32): string | null {
  if (typeof value !== 'object' || value === null) return null;
  if (depth <= 0) return '(nested too deeply)';
  for (const key of Object.keys(value)) {
    if (DANGEROUS_KEYS.has(key)) return key;
    const found = dangerousKeyIn((value as Record<string, unknown>)[key], depth - 1);
    if (found) return found;
  }
  return null;
}

/**
 * Parses JSON text, refusing the keys `__proto__`, `constructor` and `prototype` at any depth
 * (400 with the key named) and anything that is not an object.
 */
export function parseJsonObject(text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value) => {
      if (DANGEROUS_KEYS.has(key)) throw new HttpError(400, `The key ${JSON.stringify(key)} is not allowed.`);
      return value;
    });
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, 'Malformed JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'Expected a JSON object.');
  return parsed as Record<string, unknown>;
}

/** Reads a JSON object body of at most `limit` bytes (415 if not JSON, 413 if too big, 400 if malformed or aborted). */
export async function readJson(ctx: Context, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = ctx.get('content-type');
  // No body at all (no type, no length, not chunked) reads as an empty object.
  if (!type && !ctx.get('transfer-encoding') && Number(ctx.get('content-length') || 0) === 0) return {};
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
  const declared = Number(ctx.get('content-length') || 0);
  if (!(declared <= limit)) throw new HttpError(413, 'Request too large.');
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of ctx.req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new HttpError(413, 'Request too large.');
      chunks.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof HttpError) throw e;
    throw new HttpError(400, 'The request was aborted.');
  }
  if (size === 0) return {};
  return parseJsonObject(Buffer.concat(chunks).toString('utf8'));
}

/** Replies with JSON. */
export function sendJson(ctx: Context, status: number, body: unknown): void {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

/** Turns thrown `HttpError`s (and Koa's) into `{ error }` JSON; hides internal errors. */
export async function jsonErrors(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (e) {
    const status = e instanceof HttpError ? e.status : typeof (e as { status?: unknown }).status === 'number' ? (e as { status: number }).status : 500;
    const message = status < 500 && e instanceof Error ? e.message : 'Internal error.';
    // A client that went away is not a server fault: one line, no stack, nothing to answer.
    if (ctx.res.socket === null || ctx.res.socket.destroyed || (e as { code?: unknown }).code === 'ECONNRESET') {
      console.warn(`[http] ${ctx.method} ${ctx.path.slice(0, 80)}: the client went away`);
      return;
    }
    if (status >= 500) console.error('[http]', e);
    sendJson(ctx, status, { error: message });
  }
}

/** Headers every reply carries. */
export async function securityHeaders(ctx: Context, next: Next): Promise<void> {
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Frame-Options', 'DENY');
  await next();
}
