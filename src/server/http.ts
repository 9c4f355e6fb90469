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

/** Reads a JSON object body of at most `limit` bytes (415 if not JSON, 413 if too big, 400 if malformed). */
export async function readJson(ctx: Context, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = ctx.get('content-type');
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw new HttpError(413, 'Request too large.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, 'Request too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'Malformed JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'Expected a JSON object.');
  return parsed as Record<string, unknown>;
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
