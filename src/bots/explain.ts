/**
 * Bot explanations in plain words, in English and French: what an action is (the text
 * catalogue's `move.` templates, with region, card, partner and faction names) and why a bot
 * chose it (its `bot.driver.` texts).
 */
import {
  cloudCost,
  fillTexts,
  inEveryLang,
  gameText,
  type Action,
  type ActionType,
  type GameState,
  type Rules,
  type Text,
  type TextParams,
} from '../engine/index.js';
import type { Component } from './evaluate.js';

/** A text in every language the game speaks (the engine's `Text`). */
export type Bilingual = Text;

/** The actions' descriptions: the catalogue's `move.` keys (one per action, and a few variants). */
type MoveKey = Exclude<ActionType, 'washington'> | 'trainCloud' | 'playCardIn' | 'washingtonExportControls' | 'washingtonTariffs';

/** What an action is, in a few words: a template the engine's formatter fills, as for refusal reasons. */
function move(key: MoveKey): Text {
  return gameText(`move.${key}`);
}

/** The headline answer `option` of the pending event, in words. */
function choiceText(rules: Rules, state: GameState, option: string): Text {
  const eventId = state.pending?.eventId;
  const event = eventId ? rules.events[eventId] : undefined;
  const last = event?.effects[event.effects.length - 1];
  const chosen = last?.op === 'choice' ? last.options.find((o) => o.id === option) : undefined;
  return fillTexts(rules, move('choose'), {
    event: inEveryLang((lang) => event?.name[lang] ?? ''),
    option: inEveryLang((lang) => chosen?.text[lang] ?? option),
  });
}

/** Which template describes `action`, and its parameters. */
function template(rules: Rules, state: GameState, action: Exclude<Action, { type: 'choose' }>): [Text, TextParams?] {
  const seat = state.pending?.seat ?? state.order[state.turnIndex] ?? 'us';
  switch (action.type) {
    case 'build':
    case 'expand':
    case 'exportStandards':
      return [move(action.type), { region: action.region }];
    case 'buyGpus':
      return [move('buyGpus'), { count: action.count, kind: action.kind, s: action.count > 1 ? 's' : '' }];
    case 'train': {
      const level = state.factions[seat].capability + 1;
      const cloud = cloudCost(rules, state, seat);
      return cloud > 0 && Number.isFinite(cloud) ? [move('trainCloud'), { level, cloud }] : [move('train'), { level }];
    }
    case 'release':
      return [move('release'), { regions: action.regions.join(',') }];
    case 'deal':
      return [move('deal'), { deal: seat, region: action.region }];
    case 'collect':
      return [move('collect'), { amount: rules.game.costs.collect }];
    case 'playCard':
      return action.region ? [move('playCardIn'), { card: action.card, region: action.region }] : [move('playCard'), { card: action.card }];
    case 'callPartner':
      return [move('callPartner'), { partner: action.partner }];
    case 'issueBonds':
      return [move('issueBonds'), { amount: rules.game.us.bonds }];
    case 'washington':
      return [move(action.track === 'exportControls' ? 'washingtonExportControls' : 'washingtonTariffs'), { delta: action.delta }];
    case 'pressureBrussels':
    case 'enact':
      return [move(action.type), { provision: action.provision }];
    case 'stateFund':
      return [move('stateFund'), { amount: rules.game.china.stateFund }];
    case 'investAI':
      return [move('investAI'), { amount: rules.game.eu.investAI }];
    case 'fine':
      return [move('fine'), { faction: action.target }];
    default:
      return [move(action.type)];
  }
}

/** What an action does, in a few words (for the alternatives list and explanations). */
export function describeAction(rules: Rules, state: GameState, action: Action): Bilingual {
  if (action.type === 'choose') return choiceText(rules, state, action.option);
  const [text, params] = template(rules, state, action);
  return fillTexts(rules, text, params);
}

/** Why a bot's evaluation liked an action: its main driver. */
export type Driver = Component | 'risk' | 'rivals' | 'none';

/** The reason, in words, for a driver. */
export function driverText(driver: Driver): Bilingual {
  return gameText(`bot.driver.${driver}`);
}
