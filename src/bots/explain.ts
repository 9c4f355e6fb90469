/**
 * Bot explanations in plain words, in English and French: what an action is (with region,
 * card, partner and faction names from the rules texts) and why a bot chose it.
 */
import {
  cloudCost,
  fillTexts,
  inEveryLang,
  type Action,
  type ActionType,
  type GameState,
  type Lang,
  type Rules,
  type Text,
  type TextParams,
} from '../engine/index.js';
import type { Component } from './evaluate.js';

/** A text in every language the game speaks (the engine's `Text`). */
export type Bilingual = Text;

/**
 * What each action is, in a few words: templates filled by the engine's text formatter (the
 * one that fills refusal reasons), which names regions, cards, partners, provisions, factions'
 * deals and GPU kinds from the rules and formats `{…:money}`.
 */
export const ACTION_TEXTS = {
  build: { en: 'Build a module {region:in}', fr: 'Construire un module {region:in}' },
  buyGpus: { en: 'Buy {count} {kind} GPU unit{s}', fr: 'Acheter {count} unité{s} de GPU {kind}' },
  train: { en: 'Train to capability {level}', fr: 'Entraîner un modèle (capacité {level})' },
  trainCloud: {
    en: 'Train to capability {level} (renting {cloud:money} of cloud compute)',
    fr: 'Entraîner un modèle (capacité {level}, {cloud:money} de calcul en nuage)',
  },
  release: { en: 'Release open weights {regions:in}', fr: 'Publier des poids ouverts {regions:in}' },
  expand: { en: 'Expand influence {region:in}', fr: 'Étendre son influence {region:in}' },
  deal: { en: 'Sign {deal} {region:in}', fr: 'Signer « {deal} » {region:in}' },
  safety: { en: 'Invest in safety', fr: 'Investir dans la sûreté' },
  collect: { en: 'Collect {amount:money}', fr: 'Encaisser {amount:money}' },
  playCard: { en: 'Play “{card}”', fr: 'Jouer « {card} »' },
  playCardIn: { en: 'Play “{card}” {region:in}', fr: 'Jouer « {card} » {region:in}' },
  buyLicence: { en: 'Buy a copyright licence', fr: 'Acheter une licence de droit d’auteur' },
  callPartner: { en: 'Call on {partner}', fr: 'Faire appel à {partner}' },
  issueBonds: { en: 'Issue {amount:money} of bonds', fr: 'Émettre {amount:money} d’obligations' },
  repayBonds: { en: 'Repay bonds', fr: 'Rembourser des obligations' },
  washingtonExportControls: { en: 'Washington: export controls {delta}', fr: 'Washington : contrôles à l’export {delta}' },
  washingtonTariffs: { en: 'Washington: tariffs {delta}', fr: 'Washington : droits de douane {delta}' },
  pressureBrussels: { en: 'Pressure Brussels to suspend {provision}', fr: 'Faire pression sur Bruxelles (suspendre : {provision})' },
  stateFund: { en: 'Draw on the state fund (+{amount:money})', fr: 'Fonds d’État (+{amount:money})' },
  rareEarth: { en: 'Curb rare-earth exports', fr: 'Restreindre les terres rares' },
  lobbyChips: { en: 'Lobby for chips', fr: 'Faire pression pour obtenir des puces' },
  enact: { en: 'Enact the {provision} provision', fr: 'Adopter la disposition : {provision}' },
  exportStandards: { en: 'Export EU standards to {region:the}', fr: 'Exporter les normes européennes {region:in}' },
  investAI: { en: 'InvestAI (+{amount:money})', fr: 'InvestAI (+{amount:money})' },
  fine: { en: 'Fine {faction:the}', fr: 'Mettre {faction:the} à l’amende' },
  choose: { en: 'Answer to “{event}”: {option}', fr: 'Réponse à « {event} » : {option}' },
} as const satisfies Record<Exclude<ActionType, 'washington'> | 'trainCloud' | 'playCardIn' | 'washingtonExportControls' | 'washingtonTariffs', Text>;

/** The headline answer `option` of the pending event, in words. */
function choiceText(rules: Rules, state: GameState, option: string): Text {
  const eventId = state.pending?.eventId;
  const event = eventId ? rules.events[eventId] : undefined;
  const last = event?.effects[event.effects.length - 1];
  const chosen = last?.op === 'choice' ? last.options.find((o) => o.id === option) : undefined;
  const words = (lang: Lang) => ({ event: event?.name[lang] ?? '', option: chosen?.text[lang] ?? option });
  return inEveryLang((lang) => ACTION_TEXTS.choose[lang].replace('{event}', () => words(lang).event).replace('{option}', () => words(lang).option));
}

/** Which template describes `action`, and its parameters. */
function template(rules: Rules, state: GameState, action: Exclude<Action, { type: 'choose' }>): [Text, TextParams?] {
  const seat = state.pending?.seat ?? state.order[state.turnIndex] ?? 'us';
  switch (action.type) {
    case 'build':
    case 'expand':
    case 'exportStandards':
      return [ACTION_TEXTS[action.type], { region: action.region }];
    case 'buyGpus':
      return [ACTION_TEXTS.buyGpus, { count: action.count, kind: action.kind, s: action.count > 1 ? 's' : '' }];
    case 'train': {
      const level = state.factions[seat].capability + 1;
      const cloud = cloudCost(rules, state, seat);
      return cloud > 0 && Number.isFinite(cloud) ? [ACTION_TEXTS.trainCloud, { level, cloud }] : [ACTION_TEXTS.train, { level }];
    }
    case 'release':
      return [ACTION_TEXTS.release, { regions: action.regions.join(',') }];
    case 'deal':
      return [ACTION_TEXTS.deal, { deal: seat, region: action.region }];
    case 'collect':
      return [ACTION_TEXTS.collect, { amount: rules.game.costs.collect }];
    case 'playCard':
      return action.region ? [ACTION_TEXTS.playCardIn, { card: action.card, region: action.region }] : [ACTION_TEXTS.playCard, { card: action.card }];
    case 'callPartner':
      return [ACTION_TEXTS.callPartner, { partner: action.partner }];
    case 'issueBonds':
      return [ACTION_TEXTS.issueBonds, { amount: rules.game.us.bonds }];
    case 'washington':
      return [
        action.track === 'exportControls' ? ACTION_TEXTS.washingtonExportControls : ACTION_TEXTS.washingtonTariffs,
        { delta: action.delta > 0 ? '+1' : '−1' },
      ];
    case 'pressureBrussels':
    case 'enact':
      return [ACTION_TEXTS[action.type], { provision: action.provision }];
    case 'stateFund':
      return [ACTION_TEXTS.stateFund, { amount: rules.game.china.stateFund }];
    case 'investAI':
      return [ACTION_TEXTS.investAI, { amount: rules.game.eu.investAI }];
    case 'fine':
      return [ACTION_TEXTS.fine, { faction: action.target }];
    default:
      return [ACTION_TEXTS[action.type]];
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

const DRIVERS: Record<Driver, Bilingual> = {
  vp: { en: 'it scores victory points now', fr: 'cela rapporte des points de victoire tout de suite' },
  regions: { en: 'it gains ground in the region majorities that score', fr: 'cela gagne du terrain dans les majorités régionales qui rapportent' },
  agenda: { en: 'it advances our agenda', fr: 'cela fait avancer notre programme' },
  money: { en: 'it strengthens our finances for the rounds ahead', fr: 'cela renforce nos finances pour les tours à venir' },
  capability: { en: 'it pushes us forward in the capability race', fr: 'cela nous fait avancer dans la course aux capacités' },
  influence: { en: 'it spreads our influence', fr: 'cela étend notre influence' },
  risk: { en: 'it keeps the shared AI risk down', fr: 'cela contient le risque commun lié à l’IA' },
  rivals: { en: 'it holds back the leading rival', fr: 'cela freine le principal rival' },
  none: { en: 'nothing better was on offer', fr: 'rien de mieux n’était possible' },
};

/** The reason, in words, for a driver. */
export function driverText(driver: Driver): Bilingual {
  return DRIVERS[driver];
}
