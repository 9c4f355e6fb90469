import { describe, expect, test } from 'vitest';
import { decide, defaultBotWeights } from '../../src/bots/index.js';
import { activeSeat, checkAction, viewFor, type FactionId } from '../../src/engine/index.js';
import { weighPosition, weighingTable } from '../../src/sim/report/weigh.js';
import { positionsOf, rules } from '../bots/helpers.js';

describe('weighing a position for a designer', () => {
  const positions = positionsOf('weigh', 'medium', 7, 8);

  test('it lists every legal candidate of the seat to act, best first, and the best is what the medium bot plays', () => {
    for (const state of positions) {
      const seat = activeSeat(state) as FactionId;
      const weighing = weighPosition(rules, defaultBotWeights(), state);
      expect(weighing?.seat).toBe(seat);
      const moves = weighing?.moves ?? [];
      expect(moves.length).toBeGreaterThan(0);
      expect(moves[0]?.behind).toBe(0);
      for (const [i, m] of moves.entries()) {
        expect(m.rank).toBe(i + 1);
        expect(checkAction(rules, state, seat, m.action)).toBeNull();
        if (i > 0) expect(m.behind).toBeLessThanOrEqual(moves[i - 1]?.behind ?? 0);
      }
      const chosen = decide(rules, viewFor(state, seat), 'medium', 'any-seed').action;
      const tied = moves.filter((m) => m.behind === 0).map((m) => m.key);
      expect(tied).toContain(moves.find((m) => JSON.stringify(m.action) === JSON.stringify(chosen))?.key);
    }
  });

  test('each move shows the change it makes to the seat’s projection, component by component', () => {
    const weighing = weighPosition(rules, defaultBotWeights(), positions[3] as (typeof positions)[number]);
    for (const m of weighing?.moves ?? []) {
      const parts = m.change.vp + m.change.regions + m.change.agenda + m.change.money + m.change.capability + m.change.influence;
      expect(Math.abs(parts - m.change.total)).toBeLessThan(0.05);
    }
    expect(weighing?.moves.some((m) => m.change.total !== 0)).toBe(true);
  });

  test('the table shows the best moves, then the best of every other move type', () => {
    const weighing = weighPosition(rules, defaultBotWeights(), positions[2] as (typeof positions)[number]);
    if (!weighing) throw new Error('no seat to act');
    const table = weighingTable(weighing, 3);
    const types = new Set(weighing.moves.map((m) => m.action.type));
    const rows = table.split('\n').filter((l) => /^\s+\d+ /.test(l));
    expect(rows.length).toBe(3 + [...types].filter((t) => !weighing.moves.slice(0, 3).some((m) => m.action.type === t)).length);
    expect(table).toContain(weighing.moves[0]?.en ?? '?');
  });

  test('a finished game has nothing to weigh', () => {
    const over = { ...(positions[0] as (typeof positions)[number]), phase: 'over' as const };
    expect(weighPosition(rules, defaultBotWeights(), over)).toBeNull();
  });
});
