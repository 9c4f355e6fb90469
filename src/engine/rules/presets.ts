/**
 * Scenario presets: named rules variants a teacher may give a class's tables (a class
 * experiment). Each is a variant file under `rules/variants/presets/`, deep-merged over the
 * shipped rules (`mergeRuleFiles`), so a preset's rules have their own hash. Bundled as data:
 * the server, the bots and the students' pages resolve the same rules from a preset id or a
 * state's `rulesHash`.
 */
import exportControlsOpen from '../../../rules/variants/presets/export-controls-open.json' with { type: 'json' };
import exportControlsTight from '../../../rules/variants/presets/export-controls-tight.json' with { type: 'json' };
import noAiAct from '../../../rules/variants/presets/no-ai-act.json' with { type: 'json' };
import stargateFunded from '../../../rules/variants/presets/stargate-funded.json' with { type: 'json' };
import { DEFAULT_RULE_FILES, defaultRules } from './default-rules.js';
import { mergeRuleFiles, parseRules, type RuleFiles, type Rules } from './load.js';

/** The preset ids, `standard` (the shipped rules) first. */
export const PRESET_IDS = ['standard', 'export-controls-tight', 'export-controls-open', 'stargate-funded', 'no-ai-act'] as const;

/** A preset id. */
export type PresetId = (typeof PRESET_IDS)[number];

const VARIANTS: Record<Exclude<PresetId, 'standard'>, Partial<Record<keyof RuleFiles, unknown>>> = {
  'export-controls-tight': exportControlsTight,
  'export-controls-open': exportControlsOpen,
  'stargate-funded': stargateFunded,
  'no-ai-act': noAiAct,
};

const cache = new Map<PresetId, Rules>();

/** Is `id` a known preset id? */
export function isPresetId(id: unknown): id is PresetId {
  return typeof id === 'string' && (PRESET_IDS as readonly string[]).includes(id);
}

/** The rules of a preset (validated once). Throws if a shipped preset file is broken (a build error). */
export function presetRules(id: PresetId): Rules {
  const known = cache.get(id);
  if (known) return known;
  let rules: Rules;
  if (id === 'standard') rules = defaultRules();
  else {
    const parsed = parseRules(mergeRuleFiles(DEFAULT_RULE_FILES, VARIANTS[id]));
    if (!parsed.ok) throw new Error(`The preset ${id} is invalid: ${parsed.error}`);
    rules = parsed.value;
  }
  cache.set(id, rules);
  return rules;
}

/** The preset whose rules have this hash, if any. */
function presetOfHash(hash: string): PresetId | undefined {
  return PRESET_IDS.find((id) => presetRules(id).hash === hash);
}

/**
 * The rules a state was created with, found by its `rulesHash` among the presets; `fallback`
 * (by default the shipped rules) when no preset has that hash.
 */
export function rulesOfState(state: { rulesHash: string }, fallback: Rules = defaultRules()): Rules {
  if (state.rulesHash === fallback.hash) return fallback;
  const id = presetOfHash(state.rulesHash);
  return id ? presetRules(id) : fallback;
}
