import { describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { checkUpdate, type GuardDeps } from '../../src/server/socket-guard.js';

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

const update = (payloadArgs: unknown) =>
  checkUpdate(deps, [{ type: 'MAKE_MOVE', payload: { type: 'choose', args: payloadArgs, playerID: '0' } }, 0, 'match-1', '0']);

describe('the socket guard', () => {
  test('refuses move arguments that cannot even be printed, before boardgame.io sees them', () => {
    expect(update([{ toString: {} }])?.code).toBe('malformed');
    expect(update([Object.create(null)])?.code).toBe('malformed');
  });

  test('refuses extra fields, wrong types and several argument objects with a clear message', () => {
    expect(update([{ option: 'x', extra: 1 }])?.message).toContain('unexpected field "extra"');
    expect(update([{ option: 5 }])?.message).toContain('"option" must be an option id');
    expect(update([{ option: 'a' }, { option: 'b' }])?.message).toBe('A move takes one object of arguments.');
  });
});
