/** Loads a rules variant: a JSON file overriding part of `rules/`, deep-merged over the shipped rules. */
import { readFileSync } from 'node:fs';
import { err, mergeRuleFiles, parseRules, RULE_FILE_NAMES, type Result, type RuleFiles, type Rules } from '../../engine/index.js';
import { DEFAULT_RULE_FILES } from '../../engine/rules/default-rules.js';

/** A variant's overrides, by rule file name. */
export type RuleVariant = Partial<Record<keyof RuleFiles, unknown>>;

/** Checks a parsed variant's shape and merges it over `base`; the error names the file and field. */
export function rulesFromVariant(variant: unknown, label: string, base: RuleFiles = DEFAULT_RULE_FILES): Result<Rules> {
  if (variant === null || typeof variant !== 'object' || Array.isArray(variant)) {
    return err(`rules file ${label}: expected an object keyed by rule file (${RULE_FILE_NAMES.join(', ')})`);
  }
  for (const key of Object.keys(variant)) {
    if (!(RULE_FILE_NAMES as readonly string[]).includes(key))
      return err(`rules file ${label}: unknown rule file "${key}" (expected some of ${RULE_FILE_NAMES.join(', ')})`);
  }
  const parsed = parseRules(mergeRuleFiles(base, variant as RuleVariant));
  return parsed.ok ? parsed : err(`rules file ${label}: ${parsed.error}`);
}

/** Reads and applies a variant file; every failure is one line naming the file. */
export function loadVariantFile(path: string): Result<Rules> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err(`rules file ${path}: ${code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a folder, expected a JSON file' : (error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return err(`rules file ${path}: not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  return rulesFromVariant(data, path);
}
