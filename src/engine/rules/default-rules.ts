/** The rules shipped in `rules/`, bundled as data (works in Node, vitest and the browser). */
import cards from '../../../rules/cards.json' with { type: 'json' };
import events from '../../../rules/events.json' with { type: 'json' };
import factions from '../../../rules/factions.json' with { type: 'json' };
import game from '../../../rules/game.json' with { type: 'json' };
import news from '../../../rules/news.json' with { type: 'json' };
import regions from '../../../rules/regions.json' with { type: 'json' };
import { parseRules, type RuleFiles, type Rules } from './load.js';

/** The raw shipped rule files. */
export const DEFAULT_RULE_FILES: RuleFiles = {
  'game.json': game,
  'regions.json': regions,
  'factions.json': factions,
  'events.json': events,
  'cards.json': cards,
  'news.json': news,
};

let cached: Rules | null = null;

/** The shipped rules, validated once. Throws if the shipped files are broken (a build error). */
export function defaultRules(): Rules {
  if (cached) return cached;
  const parsed = parseRules(DEFAULT_RULE_FILES);
  if (!parsed.ok) throw new Error(`The shipped rules are invalid: ${parsed.error}`);
  cached = parsed.value;
  return cached;
}
