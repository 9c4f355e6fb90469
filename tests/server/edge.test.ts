import { describe, expect, test } from 'vitest';
import { HttpError, parseJsonObject } from '../../src/server/http.js';
import { addressKey, clientAddress, ConnectionCounter, CreationQuota, RateLimiter } from '../../src/server/rate-limit.js';
import { routeOf } from '../../src/server/request-route.js';
import { joinClassBody, lobbyCreateBody, parseBody, updateArgs } from '../../src/server/schemas.js';

const status = (f: () => unknown) => {
  try {
    f();
    return 200;
  } catch (e) {
    return e instanceof HttpError ? e.status : 500;
  }
};

describe('the route of a request', () => {
  test('every spelling a permissive router accepts names the same route', () => {
    const canonical = routeOf('/games/gigawatt/AbC-12_x/leave');
    for (const path of [
      '/GAMES/gigawatt/AbC-12_x/leave',
      '/games/gigawatt/AbC-12_x/LEAVE/',
      '//games//gigawatt/AbC-12_x/leave',
      '/games/gigawatt/%41bC-12_x/leave',
      '/g%61mes/GigaWatt/AbC-12_x/Leave',
    ])
      expect(routeOf(path)).toEqual(canonical);
    expect(canonical).toEqual({ kind: 'lobby.write', game: 'gigawatt', matchID: 'AbC-12_x', action: 'leave' });
  });

  test('class codes are read case-insensitively and actions by name', () => {
    expect(routeOf('/api/classes/abc234/JOIN/')).toEqual({ kind: 'class', code: 'ABC234', action: 'join' });
    expect(routeOf('/API/Classes')).toEqual({ kind: 'class.create' });
    expect(routeOf('/api/health')).toEqual({ kind: 'health' });
  });

  test('odd paths under /api and /games are refused before any handler, others go to the client files', () => {
    expect(status(() => routeOf('/games/gigawatt/a%2Fb/leave'))).toBe(400);
    expect(status(() => routeOf('/games/gigawatt/%E0%A4%A/leave'))).toBe(400);
    expect(status(() => routeOf('/games/gigawatt/..'))).toBe(400);
    expect(status(() => routeOf('/games/gigawatt/abc/leave/more'))).toBe(404);
    expect(status(() => routeOf('/games/gigawatt/__proto__/join'))).toBe(200);
    expect(status(() => routeOf('/games/gigawatt/a.b/join'))).toBe(404);
    expect(status(() => routeOf('/api/classes/ABC/nope'))).toBe(404);
    expect(status(() => routeOf('/api/classes/AB-C'))).toBe(404);
    expect(routeOf('/assets/app.js')).toEqual({ kind: 'other' });
  });
});

describe('request bodies', () => {
  test('a dangerous key anywhere in a body is refused with its name', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const text = `{"a":{"b":[{"${key}":{"x":1}}]}}`;
      expect(() => parseJsonObject(text)).toThrow(key);
    }
    expect(parseJsonObject('{"name":"Ann"}')).toEqual({ name: 'Ann' });
    expect(status(() => parseJsonObject('[1]'))).toBe(400);
    expect(status(() => parseJsonObject('{'))).toBe(400);
  });

  test('the schemas refuse unknown fields and wrong types, naming the field', () => {
    expect(() => parseBody(joinClassBody, { name: 'Ann', admin: true })).toThrow('unknown field "admin"');
    expect(() => parseBody(joinClassBody, { name: 'Ann', seat: 'mars' })).toThrow('seat');
    expect(() => parseBody(lobbyCreateBody, { setupData: { seed: 'x' } })).toThrow('seed');
    expect(() => parseBody(lobbyCreateBody, { numPlayers: 2 })).toThrow('numPlayers');
    expect(parseBody(lobbyCreateBody, {})).toEqual({});
    const move = { type: 'MAKE_MOVE', payload: { type: 'collect', args: [{}], playerID: '0', credentials: 'c' } };
    expect(updateArgs.safeParse([move, 3, 'm', '0']).success).toBe(true);
    expect(updateArgs.safeParse([{ ...move, extra: 1 }, 3, 'm', '0']).success).toBe(false);
    expect(updateArgs.safeParse([move, 3, 'm', '__proto__']).success).toBe(false);
  });
});

describe('limits', () => {
  test('a full rate limiter forgets its least recently used key, not every key', () => {
    const limiter = new RateLimiter(2, 0, 3);
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('a', 0)).toBe(true);
    expect(limiter.take('a', 0)).toBe(false);
    for (const k of ['b', 'c', 'd']) limiter.take(k, 0);
    expect(limiter.size).toBe(3);
    // 'a' was the oldest: forgotten, so it starts again; 'd' is still remembered (and spent once).
    expect(limiter.take('d', 0)).toBe(true);
    expect(limiter.take('d', 0)).toBe(false);
  });

  test('a bucket refills at its rate and never above its burst', () => {
    const limiter = new RateLimiter(3, 1);
    for (let i = 0; i < 3; i++) expect(limiter.take('k', 0)).toBe(true);
    expect(limiter.take('k', 0)).toBe(false);
    expect(limiter.take('k', 1000)).toBe(true);
    expect(limiter.take('k', 1000)).toBe(false);
    for (let i = 0; i < 3; i++) expect(limiter.take('k', 60_000)).toBe(true);
    expect(limiter.take('k', 60_000)).toBe(false);
  });

  test('X-Forwarded-For is believed only from a trusted proxy, and only its right-most untrusted hop', () => {
    expect(clientAddress('203.0.113.9', '1.2.3.4', [])).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', '1.2.3.4', ['127.0.0.1'])).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7', ['127.0.0.1'])).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '6.6.6.6, 198.51.100.7, 10.0.0.2', ['127.0.0.1', '10.0.0.2'])).toBe('198.51.100.7');
    expect(clientAddress('127.0.0.1', 'garbage', ['127.0.0.1'])).toBe('127.0.0.1');
  });

  test('IPv6 addresses are counted by their /64, IPv4 one by one', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::9'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::ffff:10.0.0.1')).toBe('10.0.0.1');
  });

  test('creation quotas count a sliding hour per key, and connections per address are capped', () => {
    const quota = new CreationQuota(2);
    expect(quota.take('a', 0)).toBe(true);
    expect(quota.take('a', 1)).toBe(true);
    expect(quota.take('a', 2)).toBe(false);
    expect(quota.take('b', 2)).toBe(true);
    expect(quota.take('a', 3_600_001)).toBe(true);
    const open = new ConnectionCounter(2);
    expect(open.enter('x') && open.enter('x')).toBe(true);
    expect(open.enter('x')).toBe(false);
    open.leave('x');
    expect(open.enter('x')).toBe(true);
  });
});
