/** Regression tests for bugs found and fixed: card targets and inherited move names. */
import { describe, expect, test, vi } from 'vitest';
import { activeSeat, stateHash } from '../../src/engine/index.js';
import { bgioMatch, makeMoveAction } from '../../src/sim/run/bgio-play.js';
import { cleanStart, positionFor, refuse, rules } from '../helpers/positions.js';
import { applyEffects } from '../../src/engine/effects.js';

describe('card targets (regression)', () => {
  test('Digital Silk Road cannot target Japan & Korea, a region China may not build in (card text: not NA or JK)', () => {
    const s = positionFor('china', (s) => {
      s.factions.china.hand = ['digitalSilkRoad'];
      s.factions.china.influence.JK = 1;
    });
    expect(refuse(s, 'china', { type: 'playCard', card: 'digitalSilkRoad', region: 'JK' }).code).toBe('forbidden');
  });

  test('Oracle partnership cannot target China, a region the US may not build in (card text: not China)', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.hand = ['oraclePartnership'];
      s.factions.us.influence.CN = 1;
    });
    expect(refuse(s, 'us', { type: 'playCard', card: 'oraclePartnership', region: 'CN' }).code).toBe('forbidden');
  });
});

describe('boardgame.io adapter move names (regression)', () => {
  const names = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];

  test('moves named after Object.prototype members are refused without throwing', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { reducer, initial } = bgioMatch(rules, 'proto-moves');
    const seat = activeSeat(initial.G)!;
    const outcomes = names.map((name) => {
      try {
        const next = reducer(initial, makeMoveAction(seat, name, [{}]) as never) as typeof initial & { transients?: { error?: unknown } };
        return `${name}: ${next.transients?.error ? 'refused' : 'accepted'}`;
      } catch (e) {
        return `${name}: threw ${(e as Error).message.split('\n')[0]}`;
      }
    });
    spy.mockRestore();
    expect(outcomes).toEqual(names.map((name) => `${name}: refused`));
  });

  test('a "__proto__" move does not pass as a no-op move that ends the turn', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { reducer, initial } = bgioMatch(rules, 'proto-moves');
    const next = reducer(initial, makeMoveAction(activeSeat(initial.G)!, '__proto__', [{}]) as never) as typeof initial;
    spy.mockRestore();
    expect(stateHash(next.G)).toBe(stateHash(initial.G));
    expect(next._stateID).toBe(initial._stateID);
    expect(next.ctx.turn).toBe(initial.ctx.turn);
  });
});

describe('event targets (regression)', () => {
  test('"A frontier model misbehaves" does what its text says: the leader loses 1 capability, then every lab still at the top loses 2 VP', () => {
    const incident = rules.game.incidents.table.find((row) => row.text.en.startsWith('A frontier model misbehaves'))!;
    expect(incident.text.en).toContain('then every lab still at the top capability loses 2 VP');
    const play = (china: number) => {
      const s = cleanStart('misbehaves');
      s.factions.us.capability = 6;
      s.factions.china.capability = china;
      s.factions.eu.capability = 2;
      applyEffects(rules, s, incident.effects, { self: null, region: null, vpSource: 'incidents' });
      return s;
    };
    const tie = play(5);
    expect(tie.factions.us.capability).toBe(5);
    expect([tie.factions.us.vpBreakdown.incidents, tie.factions.china.vpBreakdown.incidents]).toEqual([-2, -2]);
    const clear = play(4);
    expect([clear.factions.us.vpBreakdown.incidents, clear.factions.china.vpBreakdown.incidents]).toEqual([-2, 0]);
  });

  test('an event names "the capability leader" once: an effect that drops the leader into a tie does not redirect the next effect', () => {
    const s = cleanStart('named-once');
    s.factions.us.capability = 6;
    s.factions.china.capability = 5;
    applyEffects(
      rules,
      s,
      [
        { op: 'capability', who: 'capabilityLeader', delta: -1 },
        { op: 'vp', who: 'capabilityLeader', amount: -2 },
      ] as never,
      { self: null, region: null, vpSource: 'incidents' },
    );
    expect(s.factions.us.vpBreakdown.incidents).toBe(-2);
    expect(s.factions.china.vpBreakdown.incidents).toBe(0);
  });

  test('a target named in a nested effect is the one named first in the same event', () => {
    const s = cleanStart('nested-target');
    s.factions.us.capability = 6;
    s.factions.china.capability = 5;
    applyEffects(
      rules,
      s,
      [
        { op: 'capability', who: 'capabilityLeader', delta: -2 },
        { op: 'if', cond: { cond: 'trackAtLeast', track: 'risk', value: 0 }, then: [{ op: 'vp', who: 'capabilityLeader', amount: -1 }] },
      ] as never,
      { self: null, region: null, vpSource: 'events' },
    );
    expect(s.factions.us.vpBreakdown.events).toBe(-1);
    expect(s.factions.china.vpBreakdown.events).toBe(0);
  });
});
