/**
 * Limits that tell a class from an attack: token buckets keyed by what a request proves (a
 * class code, a teacher secret, a seat) as well as by address, creation quotas per address and
 * overall, and a cap on open connections per address. Addresses come from `clientAddress`, which
 * believes `X-Forwarded-For` only from a configured trusted proxy.
 */
import { isIP } from 'node:net';

/** The most keys a limiter remembers; past it the least recently used keys are forgotten (never all at once). */
const MAX_KEYS = 50_000;

/** A rate limiter: `burst` calls at once, refilled at `perSecond`. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  /** Takes one token for `key` (with this bucket's size, or `burst`/`perSecond` given for this key); false when empty. */
  take(key: string, now = Date.now(), burst = this.burst, perSecond = this.perSecond): boolean {
    let b = this.buckets.get(key);
    if (b) this.buckets.delete(key);
    else {
      if (this.buckets.size >= this.maxKeys) {
        const oldest = this.buckets.keys().next().value;
        if (oldest !== undefined) this.buckets.delete(oldest);
      }
      b = { tokens: burst, at: now };
    }
    // Re-inserted: the Map's order is the order of last use.
    this.buckets.set(key, b);
    b.tokens = Math.min(burst, b.tokens + (Math.max(0, now - b.at) / 1000) * perSecond);
    b.at = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  /** How many keys are remembered. */
  get size(): number {
    return this.buckets.size;
  }
}

/**
 * The address a limit is keyed by: IPv4 as is, IPv6 by its /64 (one household or host owns a
 * whole /64, so counting single IPv6 addresses would let one machine look like millions).
 */
export function addressKey(address: string): string {
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  if (isIP(plain) !== 6) return plain;
  const groups = expandIPv6(plain);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - left.length - right.length;
  return [...left, ...Array(Math.max(0, missing)).fill('0'), ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/**
 * The client's address: the connection's peer, or, when the peer is one of `trustedProxies`,
 * the right-most address of `X-Forwarded-For` that is not itself a trusted proxy (the left part
 * of that header is written by the client and proves nothing).
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedProxies: readonly string[]): string {
  const normalise = (a: string) => (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4 ? a.slice(7) : a);
  const remote = normalise(peer ?? 'unknown');
  if (trustedProxies.length === 0 || !trustedProxies.includes(remote)) return remote;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const hops = header
    .split(',')
    .map((s) => normalise(s.trim()))
    .filter((s) => isIP(s) !== 0);
  for (let i = hops.length - 1; i >= 0; i--) if (!trustedProxies.includes(hops[i]!)) return hops[i]!;
  return remote;
}

/** Creations allowed per address in a sliding hour (classes, lobby matches). */
export class CreationQuota {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly perHour: number,
    private readonly maxKeys = MAX_KEYS,
  ) {}

  /** Counts one creation for `key` if its hour allows it; false when it does not. */
  take(key: string, now = Date.now()): boolean {
    const recent = (this.times.get(key) ?? []).filter((t) => now - t < 3_600_000);
    this.times.delete(key);
    if (recent.length >= this.perHour) {
      this.times.set(key, recent);
      return false;
    }
    recent.push(now);
    if (this.times.size >= this.maxKeys) {
      const oldest = this.times.keys().next().value;
      if (oldest !== undefined) this.times.delete(oldest);
    }
    this.times.set(key, recent);
    return true;
  }
}

/** Open connections per address, capped. */
export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  constructor(private readonly perAddress: number) {}

  /** Counts a new connection; false (and not counted) when the address already has its most. */
  enter(key: string): boolean {
    const n = this.open.get(key) ?? 0;
    if (n >= this.perAddress) return false;
    this.open.set(key, n + 1);
    return true;
  }

  /** A counted connection closed. */
  leave(key: string): void {
    const n = (this.open.get(key) ?? 1) - 1;
    if (n <= 0) this.open.delete(key);
    else this.open.set(key, n);
  }

  /** Open connections of an address. */
  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}
