import { describe, expect, test } from 'vitest';
import { Rng, actionKey, activeSeat, viewFor, type FactionId } from '../../src/engine/index.js';
import { decide, defaultBotWeights } from '../../src/bots/index.js';
import { sampledAction, scoreActions } from '../../src/bots/medium.js';
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

  test('the expert’s rival model draws a rival’s move among the medium policy’s best candidates, the best value alone when the temperature is tiny', () => {
    const w = defaultBotWeights();
    for (const state of positions) {
      const seat = activeSeat(state) as FactionId;
      const view = viewFor(state, seat);
      const scored = scoreActions(rules, w, view, seat, Rng.detached('rank'));
      const values = new Map(scored.map((s) => [actionKey(s.action), s.value]));
      // The three best values (candidates tied with the third are as good as it).
      const third = scored[Math.min(2, scored.length - 1)]!.value;
      const top3 = new Set(scored.filter((s) => s.value >= third).map((s) => actionKey(s.action)));
      const drawn = new Set<string>();
      for (let i = 0; i < 40; i++) {
        const key = actionKey(sampledAction(rules, w, view, seat, Rng.detached(`draw-${i}`), 3, 50));
        expect(top3.has(key)).toBe(true);
        drawn.add(key);
        // Cold: the best value (one of the candidates exactly tied for it).
        const cold = actionKey(sampledAction(rules, w, view, seat, Rng.detached(`cold-${i}`), 3, 1e-6));
        expect(values.get(cold)).toBe(scored[0]!.value);
      }
      // A hot draw over three candidates meets more than one of them.
      if (scored.length >= 3) expect(drawn.size).toBeGreaterThan(1);
    }
  });

  test('the expert with its rival model decides the same way for the same seed and view, and spends its budget', () => {
    const base = defaultBotWeights();
    const weights = { ...base, expert: { ...base.expert, rivals: { top: 6, temperature: 2 } } };
    for (const state of positions.slice(0, 3)) {
      const seat = activeSeat(state) as FactionId;
      const stats = { iterations: 0, moves: 0 };
      const d = decide(rules, viewFor(state, seat), 'expert', 'model', { iterations: 20, weights, stats });
      expect(decide(rules, viewFor(state, seat), 'expert', 'model', { iterations: 20, weights })).toEqual(d);
      expect(stats.iterations).toBeGreaterThan(10);
    }
  });
});
