/**
 * Bot explanations in plain words, in English and French: what an action is (the text
 * catalogue's `move.` templates, with region, card, partner and faction names) and what it aims
 * at, read from what it changed for the seat (`aims.ts`, the `bot.aim.` texts); the evaluation's
 * drivers (`bot.driver.`) name the component a designer's report shows.
 */
import {
  applyEffectsInPlace,
  cloudCost,
  fillTexts,
  inEveryLang,
  gameText,
  type Action,
  type ActionType,
  type FactionId,
  type GameState,
  type Rules,
  type Text,
  type TextParams,
  viewFor,
} from '../engine/index.js';
import { aimsOf, type Aim } from './aims.js';
import { cloneGame } from './clone.js';
import { DECISIVE, type Component } from './evaluate.js';

/** A text in every language the game speaks (the engine's `Text`). */
export type Bilingual = Text;

/** The actions' descriptions: the catalogue's `move.` keys (one per action, and a few variants). */
type MoveKey = Exclude<ActionType, 'washington'> | 'trainCloud' | 'playCardIn' | 'washingtonExportControls' | 'washingtonTariffs' | 'chooseShort';

/** What an action is, in a few words: a template the engine's formatter fills, as for refusal reasons. */
function move(key: MoveKey): Text {
  return gameText(`move.${key}`);
}

/** The headline answer `option` of the pending event, in words (`short`: its name only, the part of its text before any colon). */
function choiceText(rules: Rules, state: GameState, option: string, short = false): Text {
  const eventId = state.pending?.eventId;
  const event = eventId ? rules.events[eventId] : undefined;
  const last = event?.effects[event.effects.length - 1];
  const chosen = last?.op === 'choice' ? last.options.find((o) => o.id === option) : undefined;
  const text = (lang: 'en' | 'fr') => chosen?.text[lang] ?? option;
  return fillTexts(rules, move(short ? 'chooseShort' : 'choose'), {
    event: inEveryLang((lang) => event?.name[lang] ?? ''),
    option: inEveryLang((lang) => (short ? (text(lang).split(/\s*:\s/u)[0] ?? '').replace(/[\s.!?;…]+$/u, '') : text(lang))),
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

/** What an action does, as an explanation opens with it: an event's answer by its name only ("Answer “The H20 licences” with “Allow sales”"). */
export function describeForExplanation(rules: Rules, state: GameState, action: Action): Bilingual {
  return action.type === 'choose' ? choiceText(rules, state, action.option, true) : describeAction(rules, state, action);
}

/** Why a bot's evaluation liked an action: its main driver. */
export type Driver = Component | 'risk' | 'rivals' | 'none';

/** The reason, in words, for a driver. */
export function driverText(driver: Driver): Bilingual {
  return gameText(`bot.driver.${driver}`);
}

/** The aim kinds that stand for each driver of the evaluation: the first present leads the explanation. */
const DRIVER_AIMS: Record<Driver, readonly Aim['kind'][]> = {
  vp: ['frontier', 'racePrize', 'vp'],
  regions: ['regionLead', 'regionTie', 'regionSecond', 'regionDeny', 'regionHold', 'regionGain'],
  agenda: ['agenda', 'agendaDeny'],
  money: ['income', 'repay', 'capital', 'borrow', 'rivalCapital'],
  capability: ['frontier', 'racePrize', 'capabilityLead', 'computeLead', 'computeSecond', 'capability', 'compute', 'slots'],
  influence: ['regionLead', 'regionTie', 'regionSecond', 'regionHold', 'regionGain'],
  risk: ['risk'],
  rivals: ['regionDeny', 'agendaDeny', 'rivalCapital', 'regionLead', 'track'],
  none: [],
};

/** One aim as a verb phrase ("takes the lead in India, a majority worth 3 VP at each scoring"). */
function aimText(rules: Rules, aim: Aim): Bilingual {
  switch (aim.kind) {
    case 'frontier':
      return aim.vp > 0 ? fillTexts(rules, gameText('bot.aim.frontier'), { vp: aim.vp }) : gameText('bot.aim.frontierNoVp');
    case 'regionLead':
      return aim.rival
        ? fillTexts(rules, gameText('bot.aim.regionLeadFrom'), { region: aim.region, faction: aim.rival, vp: aim.vp })
        : fillTexts(rules, gameText('bot.aim.regionLead'), { region: aim.region, vp: aim.vp });
    case 'agenda':
    case 'agendaDeny':
      return fillTexts(rules, gameText(`bot.aim.${aim.kind}`), {
        points: aim.points,
        s: aim.points > 1 ? 's' : '',
        ...('rival' in aim ? { faction: aim.rival } : {}),
      });
    default: {
      const { kind, ...rest } = aim;
      const params: TextParams = {};
      for (const [k, v] of Object.entries(rest)) params[k === 'rival' ? 'faction' : k] = v as string | number;
      return fillTexts(rules, gameText(`bot.aim.${kind}`), params);
    }
  }
}

/**
 * The aims an explanation states: the first aim matching the evaluation's `driver` (when the
 * driver names one), then the most telling other one of another kind; at most two.
 */
export function chosenAims(aims: readonly Aim[], driver: Driver = 'none'): Aim[] {
  const preferred = DRIVER_AIMS[driver];
  const lead = aims.find((a) => preferred.includes(a.kind)) ?? aims[0];
  if (!lead) return [];
  const next = aims.find((a) => a !== lead && a.kind !== lead.kind);
  return next ? [lead, next] : [lead];
}

/** What a move aims at, in words ("it takes the lead in India and adds 1 agenda point at each scoring"). */
export function aimsText(rules: Rules, aims: readonly Aim[]): Bilingual {
  const [a, b] = aims;
  if (!a) return gameText('bot.aim.none');
  if (!b) return fillTexts(rules, gameText('bot.aim.one'), { a: aimText(rules, a) });
  return fillTexts(rules, gameText('bot.aim.two'), { a: aimText(rules, a), b: aimText(rules, b) });
}

/** What `action` of `seat` itself changes (not the upkeep or scoring that may follow it), from `before` (a seat's view or a true state, not changed): the aims in order. */
export function aimsOfAction(rules: Rules, before: GameState, seat: FactionId, action: Action): Aim[] {
  const after = cloneGame({ ...before, log: [] });
  if (applyEffectsInPlace(rules, after, seat, action)) return [];
  return aimsOf(rules, before, after, seat, action);
}

/** A move's explanation: "{what}: {why}." with any end punctuation of the description dropped (an event's answer may end with one). */
export function explanation(rules: Rules, what: Bilingual, why: Bilingual): Bilingual {
  const bare = inEveryLang((lang) => what[lang].replace(/[\s.!?:;…]+$/u, ''));
  return fillTexts(rules, gameText('bot.explanation'), { what: bare, why });
}

/** "about 9 VP behind": a difference of the search in plain words (a lost game or a catastrophe is no number of VP). */
export function gapText(rules: Rules, gap: number): Bilingual {
  if (gap >= DECISIVE / 4) return gameText('bot.gap.decisive');
  if (gap < 1) return gameText('bot.gap.tiny');
  return fillTexts(rules, gameText('bot.gap.about'), { vp: Math.round(gap) });
}

/**
 * The explanation of a recorded bot move, read from the position before it (a match file keeps
 * no bot's reasons): what the move is and what it aims at, without the search's figures. Reads the
 * seat's view of `before` only.
 */
export function explainRecordedMove(rules: Rules, before: GameState, seat: FactionId, action: Action): Bilingual {
  const view = viewFor(before, seat);
  return explanation(rules, describeForExplanation(rules, view, action), aimsText(rules, chosenAims(aimsOfAction(rules, view, seat, action))));
}
