/** The terminal's "Not available" line: the actions the seat cannot take now, each with why. */
import { actionGroups, fillText, text, type FactionId, type GameState, type Lang, type Rules } from '../../engine/index.js';
import { reasonSummary } from '../../client/model/action-menu.js';

/**
 * The actions the seat cannot take now, each with why: only those with no allowed variant at all
 * (an action is available when any of its variants is), the reason summing up every refused
 * variant ("no region where...") rather than naming one of them.
 */
export function unavailable(rules: Rules, state: GameState, seat: FactionId, lang: Lang): string[] {
  return actionGroups(rules, state, seat)
    .filter((g) => g.open.length === 0 && g.refused.length > 0)
    .map((g) => {
      const name = g.card !== null ? (rules.cards[g.card]?.name[lang] ?? g.card) : fillText(rules, text(`action.${g.type}`), undefined, lang);
      return `${name} (${reasonSummary(rules, g.refused, lang) ?? '—'})`;
    });
}
