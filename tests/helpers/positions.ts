/**
 * Hand-made positions for rule tests: a fresh game edited into the situation a test needs
 * (plain JSON, so tests just assign fields), plus small helpers that apply or refuse an action.
 */
import { expect } from 'vitest';
import {
  FACTIONS,
  REGIONS,
  applyAction,
  createInitialState,
  stateHash,
  type FactionId,
  type GameState,
  type Reason,
  type RegionId,
} from '../../src/engine/index.js';
import { mergeRuleFiles, parseRules, type RuleFiles, type Rules } from '../../src/engine/index.js';
import { DEFAULT_RULE_FILES, defaultRules } from '../../src/engine/rules/default-rules.js';
import classic from '../../rules/variants/classic-v1.json' with { type: 'json' };

/** The shipped rules (validated once): what tests of the shipped game's numbers use. */
export const shippedRules = defaultRules();

/** The rule files of the classic (v1) rules: the shipped files with rules/variants/classic-v1.json laid over them. */
export const CLASSIC_RULE_FILES: RuleFiles = mergeRuleFiles(DEFAULT_RULE_FILES, classic as Parameters<typeof mergeRuleFiles>[1]);

/** The classic rules with `over` laid on top (a variant of the rules the mechanics tests use). */
export function classicVariant(over: Parameters<typeof mergeRuleFiles>[1]): Rules {
  const parsed = parseRules(mergeRuleFiles(CLASSIC_RULE_FILES, over));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function loadClassic(): Rules {
  return classicVariant({});
}

/**
 * The rules the mechanics tests run under: the classic (v1) numbers of
 * rules/variants/classic-v1.json, every v2 rule switched off, so each test's arithmetic stays the
 * one it was written for. The v2 rules have their own tests, under `shippedRules`.
 */
export const rules = loadClassic();
/** The numbers of `rules`. */
export const game = rules.game;

/**
 * The test positions' capabilities: the US and China level at 3, the EU at 1 (the design's
 * start). The shipped rules give the US a head start (4), a balance choice; these positions keep
 * the US and China level so a rule's arithmetic reads simply.
 */
const TEST_CAPABILITY: Record<FactionId, number> = { us: 3, china: 3, eu: 1 };

/**
 * A new game with the round-1 headline undone: tracks, provisions, capital, debt, influence and
 * modifiers back to their starting values from the rules (capabilities: TEST_CAPABILITY), no
 * pending choice.
 */
export function cleanStart(seed = 'positions'): GameState {
  const s = createInitialState(rules, seed);
  const t = game.tracks;
  s.tracks = { risk: t.risk.start, tension: t.tension.start, exportControls: t.exportControls.start, tariffs: t.tariffs.start };
  s.provisions = { transparency: 'notEnacted', riskManagement: 'notEnacted', copyright: 'notEnacted' };
  s.euRules = [];
  s.pending = null;
  s.headlineQueue = [];
  s.phase = 'actions';
  s.market.units = game.gpus.marketUnits;
  for (const id of FACTIONS) {
    const f = s.factions[id];
    const start = rules.factions[id].start;
    f.capital = start.capital;
    f.debt = start.debt;
    f.capability = TEST_CAPABILITY[id];
    f.compute = 0;
    f.modifiers = [];
    for (const r of REGIONS) {
      f.influence[r] = start.influence[r] ?? 0;
      f.modules[r] = start.modules[r] ?? 0;
    }
  }
  return s;
}

/** Order with `seat` at position `index` and the other seats in board order around it. */
function orderWith(seat: FactionId, index: number): FactionId[] {
  const others = FACTIONS.filter((id) => id !== seat);
  others.splice(index, 0, seat);
  return others;
}

/** A clean position where `seat` is to act (first action round, first in order), after `edit`. */
export function positionFor(seat: FactionId, edit?: (s: GameState) => void, seed?: string): GameState {
  const s = cleanStart(seed);
  s.order = orderWith(seat, 0);
  s.turnIndex = 0;
  s.actionRound = 0;
  edit?.(s);
  return s;
}

/**
 * A clean position where `seat` takes the very last action of the round (upkeep follows it).
 * Event decks are emptied so the next round reveals no headline, unless `keepEvents`.
 */
export function lastTurnFor(seat: FactionId, edit?: (s: GameState) => void, keepEvents = false): GameState {
  const s = cleanStart();
  s.order = orderWith(seat, FACTIONS.length - 1);
  s.turnIndex = FACTIONS.length - 1;
  s.actionRound = game.rounds.actionRounds - 1;
  if (!keepEvents) s.eventDecks = s.eventDecks.map(() => []);
  edit?.(s);
  return s;
}

/** Applies an action that must be legal (under `under`: the classic rules unless given); returns the new state. */
export function act(state: GameState, seat: FactionId, action: unknown, under: Rules = rules): GameState {
  const result = applyAction(under, state, seat, action);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(action)} by ${seat} to be legal, refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Applies an action that must be refused; checks the state is untouched and returns the reason. */
export function refuse(state: GameState, seat: FactionId, action: unknown): Reason {
  const before = stateHash(state);
  const result = applyAction(rules, state, seat, action);
  expect(stateHash(state)).toBe(before);
  if (result.ok) throw new Error(`expected ${JSON.stringify(action)} by ${seat} to be refused`);
  return result.error;
}

/** Sets every faction's influence in a region at once. */
export function setInfluence(s: GameState, region: RegionId, values: Partial<Record<FactionId, number>>): void {
  for (const id of FACTIONS) s.factions[id].influence[region] = values[id] ?? 0;
}

/** Removes every GPU of a faction. */
export function clearGpus(s: GameState, seat: FactionId): void {
  for (const r of REGIONS) s.factions[seat].gpus[r] = { frontier: 0, export: 0, domestic: 0 };
}

/** Total capital of all factions (money moved between factions keeps it). */
export const capitalOf = (s: GameState, seat: FactionId): number => s.factions[seat].capital;
