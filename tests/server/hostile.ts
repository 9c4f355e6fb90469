/** Test helpers for hostile requests: exact paths and bodies over raw HTTP, and what a table looks like from outside. */
import { request } from 'node:http';

/** A raw HTTP reply. */
export interface RawReply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: JSON replies are read loosely in tests.
  body: any;
  text: string;
}

/**
 * Sends a request with this exact path (no normalisation by a URL parser) and body. `from`:
 * the X-Forwarded-For address (believed only when the server trusts 127.0.0.1 as a proxy).
 */
export function raw(
  base: string,
  method: string,
  path: string,
  opts: { body?: string | Buffer; json?: unknown; headers?: Record<string, string>; from?: string } = {},
): Promise<RawReply> {
  const url = new URL(base);
  const body = opts.json !== undefined ? JSON.stringify(opts.json) : opts.body;
  const headers: Record<string, string | number> = { ...opts.headers };
  if (body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = Buffer.byteLength(body);
  }
  if (opts.from) headers['x-forwarded-for'] = opts.from;
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {}
        resolve({ status: res.statusCode ?? 0, body: parsed, text });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** A JSON POST with the exact path. */
export const post = (base: string, path: string, json: unknown, opts: { headers?: Record<string, string>; from?: string } = {}) =>
  raw(base, 'POST', path, { json, ...opts });

/** A GET with the exact path. */
export const get = (base: string, path: string, opts: { headers?: Record<string, string>; from?: string } = {}) => raw(base, 'GET', path, opts);

/** The server's own report of its shared prototypes. */
export async function prototypesOf(base: string): Promise<string> {
  return (await get(base, '/api/health', { from: '10.99.99.99' })).body.prototypes;
}

/**
 * Declares a JSON body of `bytes` bytes and sends none of it, then reads the answer. A server
 * that refuses on the declared length (413) answers at once; sending the body too would race
 * its closing of the connection (a write after it fails with EPIPE, losing the answer).
 */
export function declareOversize(base: string, path: string, bytes: number): Promise<RawReply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: 'POST', path, agent: false, headers: { 'content-type': 'application/json', 'content-length': bytes } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {}
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body: parsed, text });
        });
      },
    );
    req.on('error', reject);
    req.flushHeaders();
  });
}
