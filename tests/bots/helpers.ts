/** Shared helpers of the bot tests: seeded positions from games played by bots. */
import { activeSeat, applyActionInPlace, createInitialState, type FactionId, type GameState } from '../../src/engine/index.js';
import { defaultRules } from '../../src/engine/rules/default-rules.js';
import { decideFast, type BotLevel } from '../../src/bots/index.js';

export const rules = defaultRules();

/** Positions (true states) along a seeded game played by `level` bots, every `every` decisions. */
export function positionsOf(seed: string, level: BotLevel, every: number, limit = 99): GameState[] {
  const state = createInitialState(rules, seed);
  const out: GameState[] = [];
  for (let n = 0; state.phase !== 'over' && out.length < limit; n++) {
    const seat = activeSeat(state) as FactionId;
    if (n % every === 0 || state.pending) out.push(structuredClone(state));
    const { action } = decideFast(rules, state, seat, level, `helper/${seed}/${seat}`, { iterations: 20 });
    applyActionInPlace(rules, state, seat, action);
  }
  return out;
}
