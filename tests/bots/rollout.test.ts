import { describe, expect, test } from 'vitest';
import { activeSeat, viewFor, type FactionId } from '../../src/engine/index.js';
import { decide, defaultBotWeights } from '../../src/bots/index.js';
import { hardWeights } from '../../src/bots/weights.js';
import { positionsOf, rules } from './helpers.js';

const positions = positionsOf('rollouts', 'random', 9, 6).filter((s) => !s.pending);

describe('the hard bot’s rollout search', () => {
  test('spends its budget of rollouts (all but a remainder smaller than the two finalists), playing on to the horizon', () => {
    let moves = 0;
    let rollouts = 0;
    for (const state of positions) {
      const seat = activeSeat(state) as FactionId;
      const stats = { iterations: 0, moves: 0 };
      decide(rules, viewFor(state, seat), 'hard', 'budget', { iterations: 12, stats });
      expect(stats.iterations).toBeLessThanOrEqual(12);
      expect(stats.iterations).toBeGreaterThan(12 - 2);
      expect(stats.moves).toBeGreaterThanOrEqual(stats.iterations);
      moves += stats.moves;
      rollouts += stats.iterations;
    }
    // Rollouts from early positions play many moves before the next scoring.
    expect(moves / rollouts).toBeGreaterThan(5);
  });

  test('explains its choice with the rollouts it played and the horizon, in both languages', () => {
    const state = positions[0]!;
    const seat = activeSeat(state) as FactionId;
    const d = decide(rules, viewFor(state, seat), 'hard', 'why', { iterations: 12 });
    expect(d.explanation.en).toMatch(/in \d+ futures played out to the next scoring, the next best option came out (less than one VP|about \d+ VP|far) behind/);
    expect(d.explanation.fr).toMatch(/sur \d+ futurs joués jusqu'au prochain décompte, la meilleure autre option a fini/);
    expect(d.alternatives.length).toBeGreaterThan(0);
    // Alternatives are valued by the VP they fell behind the choice, in the worlds both were played in.
    for (const a of d.alternatives) expect(a.value).toBeLessThanOrEqual(0);
  });

  test('judges positions with its own judgement laid over the shared weights', () => {
    const base = defaultBotWeights();
    const w = { ...base, hard: { ...base.hard, judgement: { evaluation: { influence: 0.5 }, factions: { us: { bias: { expand: 2 } } } } } };
    const judged = hardWeights(w);
    expect(judged.evaluation.influence).toBe(0.5);
    expect(judged.evaluation.regions).toBe(base.evaluation.regions);
    expect(judged.factions.us.bias.expand).toBe(2);
    expect(judged.factions.us.bias.release).toBe(base.factions.us.bias.release);
    expect(hardWeights(base)).toBe(base);
  });
});
