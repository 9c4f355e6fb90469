/** The pure Gigawatt engine: state, actions, legality with reasons, apply, scoring. No I/O. */
export * from './ids.js';
export * from './actions.js';
export * from './state.js';
export * from './result.js';
export * from './reasons.js';
export { capitalise, factionName, regionName, renderName, type FactionForm, type RegionForm } from './names.js';
export { hashJson, hashString, canonicalJson } from './hash.js';
export { seedRng, Rng, type RngState } from './rng.js';
export { parseRules, mergeRuleFiles, RULE_FILE_NAMES, type Rules, type RuleFiles } from './rules/load.js';
export type { CardDef, EventDef, FactionDef, RegionDef, Effect, Text } from './rules/schema.js';
export { createInitialState, incomeBreakdown, upkeepCosts, turnOrder } from './flow.js';
export {
  activeSeat,
  checkAction,
  legalActions,
  sampleLegalAction,
  actionOptions,
  actionTypesFor,
  releaseEligible,
  releaseCount,
  releaseIsFurther,
  releaseReach,
} from './legality.js';
export { applyAction, applyActionInPlace, cloneState } from './apply.js';
export { buildCost, cloudCost, gpuPrice, trainCost, interestOn } from './costs.js';
export { regionPrizes, computePrizes, agendaPoints, ranking, winnerOf } from './scoring.js';
export { isTerminal, stateHash, finalScores, type FinalScore } from './summary.js';
export * from './world.js';
export { viewFor, type SeatView, type HiddenCounts } from './view.js';
