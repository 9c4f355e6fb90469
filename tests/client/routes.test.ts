import { describe, expect, test } from 'vitest';
import { parseRoute, routeHref } from '../../src/client/routes.js';

describe('hash routes', () => {
  test('a replay address carries its url parameter', () => {
    expect(parseRoute('#/replay?url=https%3A%2F%2Fx.org%2Fm.json')).toEqual({ page: 'replay', params: { url: 'https://x.org/m.json' } });
  });

  test('the classroom entries have their own pages', () => {
    expect(parseRoute('#/join').page).toBe('join');
    expect(parseRoute('#/host').page).toBe('host');
  });

  test('an unknown or empty address is the home page', () => {
    expect(parseRoute('').page).toBe('home');
    expect(parseRoute('#/nowhere').page).toBe('home');
  });

  test('an address round-trips', () => {
    expect(parseRoute(routeHref('replay', { url: 'a b.json' }))).toEqual({ page: 'replay', params: { url: 'a b.json' } });
  });
});
