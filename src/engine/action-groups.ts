/**
 * The seat's actions as a player sees them: one entry per action type (per card of the hand for
 * "play a card"), with its variants (a region, a GPU kind and count, a partner...) split into
 * those allowed now and the reasons of those refused. An action is available when any variant
 * is allowed; only when none is do its refusals say why. (Reporting a type as refused because
 * one of its variants is, "Buy GPUs: only China has domestic chips" while frontier GPUs can be
 * bought, is the mistake this shape rules out.) Pure.
 */
import type { Action, ActionType } from './actions.js';
import type { FactionId } from './ids.js';
import { actionOptions } from './legality.js';
import type { Reason } from './reasons.js';
import type { Rules } from './rules/load.js';
import type { GameState } from './state.js';

/** One action as a player sees it. */
export interface ActionGroup {
  type: ActionType;
  /** The card, for "play a card" (each card of the hand is its own action); null otherwise. */
  card: string | null;
  /** Its variants allowed now, in the engine's order. */
  open: Action[];
  /** The reasons of its refused variants (every one of them, in the engine's order). */
  refused: Reason[];
}

/** `actionOptions` grouped by what a player sees as one action (see the module comment). */
export function actionGroups(rules: Rules, state: GameState, seat: FactionId): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  for (const { action, reason } of actionOptions(rules, state, seat)) {
    const card = action.type === 'playCard' ? action.card : null;
    const key = card === null ? action.type : `${action.type}:${card}`;
    let group = groups.get(key);
    if (!group) {
      group = { type: action.type, card, open: [], refused: [] };
      groups.set(key, group);
    }
    if (reason) group.refused.push(reason);
    else group.open.push(action);
  }
  return [...groups.values()];
}
