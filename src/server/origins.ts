/**
 * Which browser origins may talk to the server: its own addresses (loopback, and the machine's
 * network addresses when it listens on them) and those in ALLOWED_ORIGINS. Requests without an
 * Origin header (not from a browser page) pass: a browser always sends one on cross-site calls.
 */
import { networkInterfaces } from 'node:os';
import type { ServerConfig } from './config.js';

/** The server's own http origins for a bound host and port. */
export function ownOrigins(host: string, port: number): string[] {
  const hosts = new Set<string>(['localhost', '127.0.0.1', '[::1]']);
  if (host !== '0.0.0.0' && host !== '::') hosts.add(host.includes(':') ? `[${host}]` : host);
  else
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) hosts.add(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
  return [...hosts].map((h) => `http://${h}:${port}`);
}

/** A checker of Origin headers for the running server. */
export function originChecker(config: ServerConfig, port: () => number): (origin: string | undefined) => boolean {
  return (origin) => {
    if (origin === undefined) return true;
    const o = origin.toLowerCase();
    if (config.allowedOrigins.some((a) => a.toLowerCase() === o)) return true;
    if (config.publicUrl && new URL(config.publicUrl).origin.toLowerCase() === o) return true;
    return ownOrigins(config.host, port()).includes(o);
  };
}
