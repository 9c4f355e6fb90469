import { describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { checkUpdate, type GuardDeps, type GuardError } from '../../src/server/socket-guard.js';

// Shape checks come before any lookup, so these deps are never reached.
const deps = {
  rules: defaultRules(),
  storage: {
    readMetadata: () => {
      throw new Error('not reached');
    },
    latestState: () => {
      throw new Error('not reached');
    },
  },
  serverToken: 'server-token',
  moveRefusal: () => null,
} as unknown as GuardDeps;

/** The refusal of a move with these arguments (null if it would pass). */
const update = (payloadArgs: unknown, extra: Record<string, unknown> = {}): GuardError | null => {
  const r = checkUpdate(deps, [
    { type: 'MAKE_MOVE', payload: { type: 'choose', args: payloadArgs, playerID: '0', credentials: 'c', ...extra } },
    0,
    'match-1',
    '0',
  ]);
  return 'code' in r ? r : null;
};

describe('the socket guard', () => {
  test('refuses move arguments that cannot even be printed, before boardgame.io sees them', () => {
    expect(update([{ toString: {} }])?.code).toBe('malformed');
    expect(update([Object.create(null)])?.code).toBe('malformed');
  });

  test('refuses extra fields, wrong types and several argument objects with a clear message', () => {
    expect(update([{ option: 'x', extra: 1 }])?.message).toContain('unexpected field "extra"');
    expect(update([{ option: 5 }])?.message).toContain('"option" must be an option id');
    expect(update([{ option: 'a' }, { option: 'b' }])?.message).toContain('args');
  });

  test('refuses a move whose payload or action carries any field beyond the move itself', () => {
    expect(update([{ option: 'x' }], { extra: 'x'.repeat(12_000) })?.message).toContain('unknown field "extra"');
    const r = checkUpdate(deps, [
      { type: 'MAKE_MOVE', payload: { type: 'choose', args: [{ option: 'x' }], playerID: '0', credentials: 'c' }, junk: 1 },
      0,
      'match-1',
      '0',
    ]);
    expect('code' in r && r.message).toContain('unknown field "junk"');
  });
});
