/**
 * What the HTTP server itself enforces, before Koa or socket.io read a byte: slow or half-open
 * requests are dropped, and one address holds a bounded number of open connections (HTTP and
 * sockets alike). A trusted proxy carries everyone's connections: it is not one client.
 */
import type { Server as HttpServer } from 'node:http';
import type { ServerLimits } from './config.js';
import { addressKey, clientAddress, ConnectionCounter } from './rate-limit.js';

/** A request's headers must arrive within this time (a half-open request is dropped). */
const HEADERS_TIMEOUT_MS = 10_000;
/** A whole request (headers and body) must arrive within this time. */
const REQUEST_TIMEOUT_MS = 30_000;

/** Applies the timeouts and the per-address connection cap to a listening HTTP server. */
export function limitConnections(http: HttpServer, limits: ServerLimits): void {
  http.headersTimeout = HEADERS_TIMEOUT_MS;
  http.requestTimeout = REQUEST_TIMEOUT_MS;
  const open = new ConnectionCounter(limits.connectionsPerAddress);
  http.prependListener('connection', (socket) => {
    const peer = clientAddress(socket.remoteAddress, undefined, []);
    if (limits.trustedProxies.includes(peer)) return;
    const key = addressKey(peer);
    if (!open.enter(key)) {
      socket.destroy();
      return;
    }
    socket.once('close', () => open.leave(key));
  });
}
