import { describe, expect, test } from 'vitest';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { calibrate, measureStrength } from '../../src/sim/bench/strength.js';

const rules = defaultRules();

describe('strength at equal time against boardgame.io MCTSBot', () => {
  test('the calibration times both bots on the same positions and gives MCTSBot at least one iteration', async () => {
    const c = await calibrate(rules, 'hard', 2, 5);
    expect(c.positions).toBe(2);
    expect(c.levelMsPerDecision).toBeGreaterThan(0);
    expect(c.mctsMsPerIteration).toBeGreaterThan(0);
    expect(c.mctsIterations).toBeGreaterThanOrEqual(1);
    expect(c.mctsMsPerDecision).toBeGreaterThan(0);
  }, 60_000);

  test('a run with given iterations plays its game to the end through boardgame.io and, apart from the times, repeats exactly', async () => {
    const options = { level: 'hard' as const, games: 1, seed: 'strength-test', mctsIterations: 2, playoutDepth: 5, calibrationPositions: 2 };
    const a = await measureStrength(rules, options);
    expect(a.calibration).toBeUndefined();
    expect(a.bySeat.us.seats).toBe(1);
    expect(a.wins + a.mctsWins + a.noWinner).toBe(1);
    expect(a.decisions.level).toBeGreaterThan(5);
    expect(a.decisions.mcts).toBeGreaterThan(10);
    expect(a.ci95[0]).toBeLessThanOrEqual(a.winRate);
    expect(a.ci95[1]).toBeGreaterThanOrEqual(a.winRate);
    const b = await measureStrength(rules, options);
    const outcome = (r: typeof a) => ({ wins: r.wins, mctsWins: r.mctsWins, noWinner: r.noWinner, decisions: r.decisions, bySeat: r.bySeat });
    expect(outcome(b)).toEqual(outcome(a));
  }, 120_000);
});
