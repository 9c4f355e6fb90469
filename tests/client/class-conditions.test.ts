import { describe, expect, test } from 'vitest';
import { caveats, compareConditions } from '../../src/client/classroom/conditions.js';
import type { DebriefData, TableDebrief } from '../../src/client/classroom/api.js';
import type { RoundFigures } from '../../src/engine/index.js';

const figures = (risk: number, capability: number, capital: number): RoundFigures => ({
  round: 8,
  risk,
  tension: 3,
  factions: {
    us: { vp: 10, capability, capital, debt: 0, influence: 0 },
    china: { vp: 8, capability: 0, capital: 0, debt: 0, influence: 0 },
    eu: { vp: 6, capability: 0, capital: 0, debt: 0, influence: 0 },
  },
});

const seats = {
  us: { kind: 'bot' as const, level: 'random' },
  china: { kind: 'bot' as const, level: 'random' },
  eu: { kind: 'bot' as const, level: 'random' },
};

function table(no: number, condition: TableDebrief['condition'], winner: TableDebrief['winner'], risk: number, finished = true): TableDebrief {
  return {
    table: no,
    condition,
    finished,
    reason: finished ? (risk >= 12 ? 'catastrophe' : 'rounds') : null,
    winner,
    round: 8,
    actions: 3,
    seats,
    rounds: [],
    final: figures(risk, 10 + no, 100),
    actionsBy: { us: { collect: 2 }, china: { train: 1 }, eu: {} },
  };
}

const debrief = (tables: TableDebrief[]): DebriefData => ({
  code: 'X',
  status: 'ended',
  tables,
  summary: { tables: tables.length, finished: tables.length, wins: { us: 0, china: 0, eu: 0 }, catastrophes: [] },
});

describe('the comparison of a class experiment', () => {
  test('groups tables by condition in order of appearance, with wins, catastrophes and the means of finished tables only', () => {
    const groups = compareConditions(
      debrief([
        table(0, 'export-controls-tight', 'us', 4),
        table(1, 'export-controls-open', 'china', 12),
        table(2, 'export-controls-tight', 'china', 6),
        table(3, 'export-controls-open', null, 2, false),
      ]),
    );
    expect(groups.map((g) => g.condition)).toEqual(['export-controls-tight', 'export-controls-open']);
    const [tight, open] = groups;
    expect(tight).toMatchObject({ tables: [0, 2], finished: 2, wins: { us: 1, china: 1, eu: 0 }, catastrophes: 0, risk: 5, capability: 11, capital: 100 });
    expect(tight!.actions.us).toEqual({ collect: 2 });
    // The unfinished table 3 is listed but not averaged.
    expect(open).toMatchObject({ tables: [1, 3], finished: 1, wins: { us: 0, china: 1, eu: 0 }, catastrophes: 1, risk: 12 });
  });

  test('says plainly how little one, a few or many tables per condition can show, and whether the deal was the same', () => {
    const few = compareConditions(
      debrief([table(0, 'standard', 'us', 3), table(1, 'stargate-funded', 'us', 3), table(2, 'standard', 'eu', 3), table(3, 'stargate-funded', 'us', 3)]),
    );
    expect(caveats(few, true)).toEqual([{ key: 'classroom.debrief.caveat.few', n: 2 }, { key: 'classroom.debrief.caveat.seed' }]);
    const one = compareConditions(debrief([table(0, 'standard', 'us', 3), table(1, 'stargate-funded', 'us', 3)]));
    expect(caveats(one, false)).toEqual([{ key: 'classroom.debrief.caveat.one', n: 1 }, { key: 'classroom.debrief.caveat.noSeed' }]);
    const many = compareConditions(debrief(Array.from({ length: 10 }, (_, i) => table(i, i % 2 ? 'standard' : 'export-controls-open', 'us', 3))));
    expect(caveats(many, true)[0]).toEqual({ key: 'classroom.debrief.caveat.many', n: 5 });
  });
});
