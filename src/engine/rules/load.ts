/**
 * Turns raw rule files (parsed JSON) into a validated, indexed `Rules` structure, or an error
 * that names the file, the field and what was expected. Pure: the files are passed in.
 */
import type { z } from 'zod';
import { FACTIONS, type FactionId, type RegionId } from '../ids.js';
import { hashJson } from '../hash.js';
import { err, ok, type Result } from '../result.js';
import {
  cardsFileSchema,
  eventsFileSchema,
  factionsFileSchema,
  gameSchema,
  MOVED_FROM_CODE,
  newsFileSchema,
  regionsFileSchema,
  type CardDef,
  type Effect,
  type EventDef,
  type FactionDef,
  type GameNumbers,
  type RegionDef,
} from './schema.js';

/** The rule files, by name, as parsed JSON. */
export interface RuleFiles {
  'game.json': unknown;
  'regions.json': unknown;
  'factions.json': unknown;
  'events.json': unknown;
  'cards.json': unknown;
  /** Optional: the teacher's "breaking news" (see `Rules.newsList`). */
  'news.json'?: unknown;
}

/** The names of the rule files, in load order. */
export const RULE_FILE_NAMES = ['game.json', 'regions.json', 'factions.json', 'events.json', 'cards.json'] as const;

/** The validated rules, with lookups. */
export interface Rules {
  hash: string;
  game: GameNumbers;
  regions: Record<RegionId, RegionDef>;
  factions: Record<FactionId, FactionDef>;
  /** Every event by id: the decks' events, and the news a teacher may announce. */
  events: Record<string, EventDef>;
  /** The events dealt into the era decks. */
  eventList: EventDef[];
  /**
   * The "breaking news" a teacher may announce at a table (`news.json`): never in a deck, so
   * outside `hash` (a game meets one only when a teacher injects it, and a replay then checks
   * its effects by the recorded state hashes).
   */
  newsList: EventDef[];
  cards: Record<string, CardDef>;
  cardList: CardDef[];
  /** Era (1-based) of each round, index = round number. */
  eraOfRound: number[];
}

function describeIssues(file: string, issues: z.core.$ZodIssue[]): string {
  const first = issues[0];
  if (!first) return `${file}: invalid`;
  const path = first.path.length ? first.path.join('.') : '(top level)';
  return `${file}: field "${path}": ${first.message}`;
}

function parseFile<S extends z.ZodType>(file: string, schema: S, data: unknown): Result<z.infer<S>> {
  if (data === undefined) return err(`${file}: file is missing`);
  const parsed = schema.safeParse(data);
  return parsed.success ? ok(parsed.data) : err(describeIssues(file, parsed.error.issues));
}

function checkChoicesAreLast(effects: Effect[], where: string, allowChoice: boolean): string | null {
  for (let i = 0; i < effects.length; i++) {
    const effect = effects[i] as Effect;
    if (effect.op === 'choice') {
      if (!allowChoice) return `${where}: field "effects.${i}": a choice may only be the last effect of an event`;
      if (i !== effects.length - 1) return `${where}: field "effects.${i}": a choice must be the last effect of the event`;
      for (const option of effect.options) {
        const inner = checkChoicesAreLast(option.effects, where, false);
        if (inner) return inner;
      }
    } else if (effect.op === 'chance' || effect.op === 'if') {
      const inner = checkChoicesAreLast([...effect.then, ...(effect.else ?? [])], where, false);
      if (inner) return inner;
    }
  }
  return null;
}

function usesTarget(effects: Effect[]): boolean {
  return JSON.stringify(effects).includes('"target"');
}

/** `value` without the fields that hold their `MOVED_FROM_CODE` value (and without objects that end up empty). */
function withoutMovedDefaults(value: unknown, moved: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof moved !== 'object' || moved === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const d = (moved as Record<string, unknown>)[key];
    if (d === undefined) out[key] = v;
    else if (typeof d === 'object') {
      const rest = withoutMovedDefaults(v, d);
      if (typeof rest !== 'object' || rest === null || Object.keys(rest).length > 0) out[key] = rest;
    } else if (v !== d) out[key] = v;
  }
  return out;
}

/** Validates raw rule files; returns the rules or a one-line error naming file and field. */
export function parseRules(files: RuleFiles): Result<Rules> {
  const game = parseFile('game.json', gameSchema, files['game.json']);
  if (!game.ok) return game;
  const regions = parseFile('regions.json', regionsFileSchema, files['regions.json']);
  if (!regions.ok) return regions;
  const factions = parseFile('factions.json', factionsFileSchema, files['factions.json']);
  if (!factions.ok) return factions;
  const events = parseFile('events.json', eventsFileSchema, files['events.json']);
  if (!events.ok) return events;
  const cards = parseFile('cards.json', cardsFileSchema, files['cards.json']);
  if (!cards.ok) return cards;

  const regionMap = {} as Record<RegionId, RegionDef>;
  for (const [i, region] of regions.value.regions.entries()) {
    if (regionMap[region.id]) return err(`regions.json: field "regions.${i}.id": region ${region.id} appears twice`);
    regionMap[region.id] = region;
  }
  const factionMap = {} as Record<FactionId, FactionDef>;
  for (const [i, faction] of factions.value.factions.entries()) {
    if (factionMap[faction.id]) return err(`factions.json: field "factions.${i}.id": faction ${faction.id} appears twice`);
    factionMap[faction.id] = faction;
  }
  const g = game.value;
  const eraOfRound: number[] = [0];
  for (let round = 1; round <= g.rounds.count; round++) {
    const era = g.eras.find((e) => e.rounds.includes(round));
    if (!era) return err(`game.json: field "eras": round ${round} belongs to no era (expected every round 1–${g.rounds.count} in one era)`);
    eraOfRound.push(era.id);
  }
  for (const [i, era] of g.eras.entries()) {
    if (era.id !== i + 1) return err(`game.json: field "eras.${i}.id": expected ${i + 1}`);
  }
  for (const [i, s] of g.rounds.scoring.entries()) {
    if (s > g.rounds.count) return err(`game.json: field "rounds.scoring.${i}": round ${s} is after the last round ${g.rounds.count}`);
  }
  const { influence: maxInfluence, capability: maxCapability } = g.limits;
  if (g.training.costs.length !== maxCapability)
    return err(
      `game.json: field "training.costs": expected one cost for each level up to limits.capability (${maxCapability}), found ${g.training.costs.length}`,
    );
  if (g.upkeep.revenueTiers.length !== maxCapability + 1)
    return err(
      `game.json: field "upkeep.revenueTiers": expected one tier for each capability 0–${maxCapability} (${maxCapability + 1}), found ${g.upkeep.revenueTiers.length}`,
    );
  for (const [i, step] of g.upkeep.riskDrift.entries()) {
    if (step.fromCapability > maxCapability)
      return err(`game.json: field "upkeep.riskDrift.${i}.fromCapability": expected at most limits.capability (${maxCapability})`);
  }
  if (g.release.maxInfluence >= maxInfluence) return err(`game.json: field "release.maxInfluence": expected less than limits.influence (${maxInfluence})`);
  for (const [i, faction] of factions.value.factions.entries()) {
    const where = `factions.json: field "factions.${i}`;
    if ((faction.release?.maxInfluence ?? 0) >= maxInfluence)
      return err(`${where}.release.maxInfluence": expected less than limits.influence (${maxInfluence})`);
    if (faction.start.capability > maxCapability) return err(`${where}.start.capability": expected at most limits.capability (${maxCapability})`);
    for (const [region, n] of Object.entries(faction.start.influence)) {
      if (n > maxInfluence) return err(`${where}.start.influence.${region}": expected at most limits.influence (${maxInfluence})`);
    }
  }
  for (const track of ['risk', 'tension', 'exportControls', 'tariffs'] as const) {
    const t = g.tracks[track];
    if (!(t.min <= t.start && t.start <= t.max)) return err(`game.json: field "tracks.${track}": expected min ≤ start ≤ max`);
  }

  const eventMap: Record<string, EventDef> = {};
  for (const [i, event] of events.value.events.entries()) {
    if (eventMap[event.id]) return err(`events.json: field "events.${i}.id": event id "${event.id}" appears twice`);
    const bad = checkChoicesAreLast(event.effects, `events.json (event ${event.id})`, true);
    if (bad) return err(bad);
    if (usesTarget(event.effects)) return err(`events.json: field "events.${i}.effects": events have no chosen region, "target" is only for cards`);
    eventMap[event.id] = event;
  }
  for (const era of g.eras) {
    const needed = era.rounds.length * era.eventsPerRound;
    const have = events.value.events.filter((e) => e.era === era.id).length;
    if (have < needed) return err(`events.json: field "events": era ${era.id} needs at least ${needed} events, found ${have}`);
  }
  let newsList: EventDef[] = [];
  if (files['news.json'] !== undefined) {
    const news = parseFile('news.json', newsFileSchema, files['news.json']);
    if (!news.ok) return news;
    for (const [i, item] of news.value.news.entries()) {
      if (eventMap[item.id]) return err(`news.json: field "news.${i}.id": id "${item.id}" is already an event's or another news item's`);
      const bad = checkChoicesAreLast(item.effects, `news.json (news ${item.id})`, true);
      if (bad) return err(bad);
      if (usesTarget(item.effects)) return err(`news.json: field "news.${i}.effects": news has no chosen region, "target" is only for cards`);
      eventMap[item.id] = item;
    }
    newsList = news.value.news;
  }
  const cardMap: Record<string, CardDef> = {};
  for (const [i, card] of cards.value.cards.entries()) {
    if (cardMap[card.id]) return err(`cards.json: field "cards.${i}.id": card id "${card.id}" appears twice`);
    const bad = checkChoicesAreLast(card.effects, `cards.json (card ${card.id})`, false);
    if (bad) return err(bad);
    if (card.target === 'region' && !card.regions) return err(`cards.json: field "cards.${i}.regions": a card with target "region" needs "regions"`);
    if (card.target === 'none' && usesTarget(card.effects)) return err(`cards.json: field "cards.${i}.effects": "target" used but the card has target "none"`);
    cardMap[card.id] = card;
  }
  for (const faction of FACTIONS) {
    if (!cards.value.cards.some((c) => c.faction === faction)) return err(`cards.json: field "cards": faction ${faction} has no cards`);
  }
  if (g.eu.aiAct === false) {
    const lawful = (where: string, i: number, effects: Effect[]): string | null => {
      const json = JSON.stringify(effects);
      return /"status":"enacted"|"op":"euRules","region":"[^"]*","value":true/.test(json)
        ? `${where}.${i}.effects": with game.json eu.aiAct false, no effect may enact a provision or bring a region under EU rules`
        : null;
    };
    for (const [i, e] of events.value.events.entries()) {
      const bad = lawful('events.json: field "events', i, e.effects);
      if (bad) return err(bad);
    }
    for (const [i, c] of cards.value.cards.entries()) {
      const bad = lawful('cards.json: field "cards', i, c.effects);
      if (bad) return err(bad);
    }
  }
  const content = {
    game: withoutMovedDefaults(g, MOVED_FROM_CODE),
    regions: regions.value,
    factions: factions.value,
    events: events.value,
    cards: cards.value,
  };
  return ok({
    hash: hashJson(content),
    game: g,
    regions: regionMap,
    factions: factionMap,
    events: eventMap,
    eventList: events.value.events,
    newsList,
    cards: cardMap,
    cardList: cards.value.cards,
    eraOfRound,
  });
}

/** Deep-merges a variant over base rule files: objects merge by key, lists of objects with an `id` merge by id (a new id is added), other arrays and values replace. */
export function mergeRuleFiles(base: RuleFiles, variant: Partial<Record<keyof RuleFiles, unknown>>): RuleFiles {
  const merged = { ...base } as Record<string, unknown>;
  for (const [name, value] of Object.entries(variant)) merged[name] = deepMerge(merged[name], value);
  return merged as unknown as RuleFiles;
}

const hasId = (v: unknown): v is { id: string } => v !== null && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string';

/** Arrays of objects with ids (factions, regions, events, cards) merge by id; a new id is appended. */
function mergeById(base: unknown[], over: unknown[]): unknown[] | null {
  if (!base.every(hasId) || !over.every(hasId)) return null;
  const out: unknown[] = [...base];
  for (const item of over as { id: string }[]) {
    const at = out.findIndex((b) => (b as { id: string }).id === item.id);
    if (at >= 0) out[at] = deepMerge(out[at], item);
    else out.push(item);
  }
  return out;
}

/** Lays `over` on `base`: objects merge key by key, lists of objects with an `id` by id, anything else replaces. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (Array.isArray(over) && Array.isArray(base)) return mergeById(base, over) ?? over;
  if (over === null || typeof over !== 'object' || Array.isArray(over)) return over;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
  return out;
}
