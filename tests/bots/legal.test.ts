import { describe, expect, test } from 'vitest';
import { FACTIONS, actionKey, activeSeat, applyActionInPlace, createInitialState, legalActions, viewFor, type FactionId } from '../../src/engine/index.js';
import { BOT_LEVELS, decide, type BotLevel } from '../../src/bots/index.js';
import { botSeed, gameSeed } from '../../src/engine/seeds.js';
import { rules } from './helpers.js';

/** Plays seeded games where `level` holds one seat (rotating) and random bots the others; checks every decision of `level`. */
function playChecked(level: BotLevel, games: number, iterations: number) {
  const seen = { choices: 0, decisions: 0, factions: new Set<FactionId>(), phases: new Set<string>() };
  for (let g = 0; g < games; g++) {
    const seed = gameSeed(`legal-${level}`, g);
    const tested = FACTIONS[g % 3] as FactionId;
    const state = createInitialState(rules, seed);
    while (state.phase !== 'over') {
      const seat = activeSeat(state) as FactionId;
      // Every seat plays `level` in the first games (so choices of every faction are met), then only the tested seat.
      const lvl: BotLevel = g < 3 || seat === tested ? level : 'random';
      const legal = new Set(legalActions(rules, state, seat).map(actionKey));
      const { action } = decide(rules, viewFor(state, seat), lvl, botSeed(seed, seat), { iterations });
      expect(legal.has(actionKey(action)), `${lvl} ${seat} chose ${actionKey(action)} in ${seed}`).toBe(true);
      if (lvl === level) {
        seen.decisions++;
        seen.factions.add(seat);
        seen.phases.add(state.phase);
        if (state.pending) seen.choices++;
      }
      expect(applyActionInPlace(rules, state, seat, action)).toBeNull();
    }
  }
  return seen;
}

describe('bots play only legal actions', () => {
  for (const level of BOT_LEVELS) {
    test(`the ${level} bot returns only legal actions, for every faction, in the action phase and in pending event choices`, () => {
      // The searching levels are slow: fewer games, a small budget (the expert level keeps its wider root).
      const searching = level === 'hard' || level === 'expert';
      const seen = playChecked(level, searching ? 4 : 12, searching ? 3 : 25);
      expect([...seen.factions].sort()).toEqual([...FACTIONS].sort());
      expect(seen.phases).toContain('actions');
      expect(seen.phases).toContain('choice');
      expect(seen.choices).toBeGreaterThan(0);
    });
  }
});
