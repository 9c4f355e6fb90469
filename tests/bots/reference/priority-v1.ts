/**
 * A faction's priority for an action: the VP the medium bot adds to the action's weighed value
 * (rules/bots.json, `factions.*.bias`), for what a one-step look-ahead cannot see.
 */
import { releaseIsFurther, releaseReach, type Action, type FactionId, type GameState, type Rules } from '../../../src/engine/index.js';
import type { BotWeights } from '../../../src/bots/weights.js';

/**
 * The priority of `action` for `seat` in `state` (before the action): the faction's bias for the
 * action's type. A further release in a round (`release.furtherRegions`) gets the share of it that
 * its regions are of a full release's reach.
 */
export function actionPriority(rules: Rules, weights: BotWeights, state: GameState, seat: FactionId, action: Action): number {
  const bias = weights.factions[seat].bias[action.type] ?? 0;
  if (action.type !== 'release' || bias === 0 || !releaseIsFurther(rules, state, seat)) return bias;
  return (bias * action.regions.length) / releaseReach(rules, seat);
}
