/** Why an action is not allowed: a code with parameters, rendered in words a player understands. */
import type { Lang } from './ids.js';
import type { Rules } from './rules/load.js';
import { fillText, type Text, type TextParams } from './text.js';

/** A refusal: what rule stops the action, with the numbers that matter. */
export interface Reason {
  code: ReasonCode;
  params?: TextParams;
}

/** The text of each refusal reason, in every language (filled by `fillText`). */
export const REASON_TEXTS = {
  gameOver: { en: 'The game is over.', fr: 'La partie est terminée.' },
  notYourTurn: { en: "It is {seat:the}'s turn.", fr: "C'est au tour de : {seat}." },
  choiceFirst: { en: '{Seat:subject} must first answer the headline.', fr: "{Seat:subject} doit d'abord répondre à l'actualité." },
  noChoice: { en: 'There is no headline to answer.', fr: "Il n'y a pas d'actualité à laquelle répondre." },
  unknownOption: { en: 'That is not one of the options.', fr: "Ce n'est pas l'une des options." },
  notYourLever: { en: 'Only {faction:the} can do this.', fr: 'Ce levier est réservé {faction:to}.' },
  capital: { en: 'Costs {cost:money}; you have {capital:money}.', fr: 'Coûte {cost:money} ; vous avez {capital:money}.' },
  noInfluence: { en: 'You need influence {region:in} first.', fr: "Il vous faut d'abord de l'influence {region:in}." },
  noPower: { en: 'No free power left {region:in}.', fr: 'Plus de puissance électrique libre {region:in}.' },
  forbidden: {
    en: '{Faction:subject} may not build or sign deals {region:in}.',
    fr: '{Faction:subject} ne peut ni construire ni signer d’accord {region:in}.',
  },
  ecFrontier: {
    en: 'Export controls at level {level}: no frontier GPUs for China.',
    fr: 'Contrôles à l’export au niveau {level} : pas de GPU de pointe pour la Chine.',
  },
  ecExport: {
    en: 'Export controls at level {level}: China gets no market GPUs except through open diversion routes, and none is open to it.',
    fr: 'Contrôles à l’export au niveau {level} : la Chine n’obtient de GPU du marché que par une route de contournement ouverte, et elle n’en a aucune.',
  },
  marketEmpty: { en: 'Only {units} GPU units left on the market this round.', fr: 'Il ne reste que {units} unités de GPU sur le marché ce tour-ci.' },
  noSlots: {
    en: 'Only {slots} free GPU slots in your data centers for these chips.',
    fr: 'Seulement {slots} emplacements libres dans vos centres de données pour ces puces.',
  },
  domesticOnlyChina: { en: 'Only China has domestic chips.', fr: 'Seule la Chine dispose de puces nationales.' },
  domesticLimit: {
    en: 'China may buy at most {max} domestic units a round ({left} left).',
    fr: 'La Chine peut acheter au plus {max} unités nationales par tour (reste {left}).',
  },
  maxBuy: { en: 'Buy 1 to {max} units at a time.', fr: 'Achetez de 1 à {max} unités à la fois.' },
  maxCapability: { en: 'Capability is already at its maximum.', fr: 'La capacité est déjà au maximum.' },
  compute: {
    en: 'Training to level {level} needs {cost} compute; you have {compute}.',
    fr: 'Entraîner au niveau {level} demande {cost} de calcul ; vous en avez {compute}.',
  },
  computeRent: {
    en: 'Training to level {level} needs {cost} compute; you have {compute}, and your rivals have only {rentable} unused compute you may rent.',
    fr: 'Entraîner au niveau {level} demande {cost} de calcul ; vous en avez {compute}, et vos rivaux n’ont que {rentable} de calcul inutilisé à vous louer.',
  },
  computeCloud: {
    en: 'Training to level {level} needs {cost} compute; you have {compute}, and cloud compute for the rest costs {cloud:money} (you have {capital:money}).',
    fr: 'Entraîner au niveau {level} demande {cost} de calcul ; vous en avez {compute}, et le calcul en nuage pour le reste coûte {cloud:money} (vous avez {capital:money}).',
  },
  releaseFurther: {
    en: 'A further release this round (a fine-tune of your model) reaches {count} region where your influence is from 1 to {max}.',
    fr: 'Une nouvelle publication ce tour-ci (une variante de votre modèle) atteint {count} région où votre influence est entre 1 et {max}.',
  },
  releaseCapability: { en: 'Open-weight releases need capability {min}.', fr: 'Publier des poids ouverts demande une capacité de {min}.' },
  releasedThisRound: { en: 'You already released open weights this round.', fr: 'Vous avez déjà publié des poids ouverts ce tour-ci.' },
  releaseRegions: {
    en: 'Choose {count} regions where your influence is from 1 to {max}.',
    fr: 'Choisissez {count} régions où votre influence est entre 1 et {max}.',
  },
  releaseNowhere: {
    en: 'No region to release in: open weights spread only where your influence is from 1 to {max}.',
    fr: 'Aucune région où publier : les poids ouverts ne se diffusent que là où votre influence est entre 1 et {max}.',
  },
  releaseRegionsPresence: {
    en: 'Choose {count} regions where your influence is from 1 to {max} and you have a data center or a country deal (or your home).',
    fr: 'Choisissez {count} régions où votre influence est entre 1 et {max} et où vous avez un centre de données ou un accord-pays (ou votre région d’origine).',
  },
  releaseNowherePresence: {
    en: 'No region to release in: open weights spread only where you have a data center or a country deal (or at home) and your influence is from 1 to {max}.',
    fr: 'Aucune région où publier : les poids ouverts ne se diffusent que là où vous avez un centre de données ou un accord-pays (ou chez vous) et où votre influence est entre 1 et {max}.',
  },
  releaseRegionsNew: {
    en: 'Choose {count} regions where your influence is from 1 to {max} and you have not released open weights yet.',
    fr: 'Choisissez {count} régions où votre influence est entre 1 et {max} et où vous n’avez pas encore publié de poids ouverts.',
  },
  releaseNowhereNew: {
    en: 'No region to release in: open weights reach only regions where you have not released yet and your influence is from 1 to {max}.',
    fr: 'Aucune région où publier : les poids ouverts ne gagnent que des régions où vous n’avez pas encore publié et où votre influence est entre 1 et {max}.',
  },
  influenceFull: { en: 'Influence {region:in} is already at the maximum ({max}).', fr: 'L’influence {region:in} est déjà au maximum ({max}).' },
  home: { en: 'No country deal in your own home region.', fr: 'Pas d’accord-pays dans votre région d’origine.' },
  dealInfluence: {
    en: 'A country deal {region:in} needs {need} influence; you have {have}.',
    fr: 'Un accord-pays {region:in} demande {need} d’influence ; vous en avez {have}.',
  },
  dealDone: { en: 'You already have a deal {region:in}.', fr: 'Vous avez déjà un accord {region:in}.' },
  notInHand: { en: 'That card is not in your hand.', fr: 'Cette carte n’est pas dans votre main.' },
  cardNeedsRegion: { en: 'Choose a region for this card.', fr: 'Choisissez une région pour cette carte.' },
  cardNoRegion: { en: 'This card takes no region.', fr: 'Cette carte ne vise aucune région.' },
  cardRegion: { en: 'This card cannot target {region:the}.', fr: 'Cette carte ne peut pas viser {region:the}.' },
  cardRequires: { en: 'This card’s condition is not met now.', fr: 'La condition de cette carte n’est pas remplie.' },
  licenceNotNeeded: { en: 'No licence needed: Copyright is not enacted.', fr: 'Pas de licence nécessaire : le droit d’auteur n’est pas en vigueur.' },
  licenceHeld: { en: 'You already hold a licence for this era.', fr: 'Vous avez déjà une licence pour cette époque.' },
  euNoLicence: { en: 'The EU needs no licence.', fr: 'L’UE n’a pas besoin de licence.' },
  partnerCalled: { en: '{partner} was already called this game.', fr: '{partner} a déjà été sollicité cette partie.' },
  mgxGulf: {
    en: 'MGX invests only with {need} influence in the Gulf (you have {have}).',
    fr: 'MGX n’investit qu’avec {need} d’influence dans le Golfe (vous en avez {have}).',
  },
  noDebt: { en: 'You have no bonds to repay.', fr: 'Vous n’avez pas d’obligations à rembourser.' },
  trackMax: { en: '{track} is already at its maximum ({level}).', fr: '{track} : déjà au maximum ({level}).' },
  trackMin: { en: '{track} is already at its minimum ({level}).', fr: '{track} : déjà au minimum ({level}).' },
  notEnacted: { en: '{provision} is not enacted.', fr: '{provision} : disposition non en vigueur.' },
  alreadyEnacted: { en: '{provision} is already enacted.', fr: '{provision} : disposition déjà en vigueur.' },
  tensionTooHigh: { en: 'Lobbying needs Tension at most {max} (now {level}).', fr: 'Le lobbying exige une Tension d’au plus {max} (actuellement {level}).' },
  standardsInfluence: {
    en: 'Export standards need {need} EU influence {region:in} (now {have}).',
    fr: 'Exporter les normes demande {need} d’influence de l’UE {region:in} (actuellement {have}).',
  },
  alreadyUnderRules: { en: '{Region:the} is already under EU rules.', fr: 'Les règles européennes s’appliquent déjà {region:in}.' },
  standardsHome: {
    en: '{Region:the} is another power’s home: it will not take EU rules.',
    fr: 'Le territoire d’une autre puissance n’adopte pas les règles européennes : c’est le cas {region:of}.',
  },
  investAIDone: { en: 'InvestAI was already used this round.', fr: 'InvestAI a déjà servi ce tour-ci.' },
  noBreach: {
    en: '{Faction:subject} broke no enacted provision this round or last round.',
    fr: '{Faction:subject} n’a enfreint aucune disposition ce tour-ci ni au tour précédent.',
  },
  fineSelf: { en: 'The EU cannot fine itself.', fr: 'L’UE ne peut pas se mettre elle-même à l’amende.' },
  malformed: { en: 'Malformed action: {detail}.', fr: 'Action mal formée : {detail}.' },
} as const satisfies Record<string, Text>;

/** Every reason code. */
export type ReasonCode = keyof typeof REASON_TEXTS;
/** All reason codes (for tests: each has text in every language). */
export const REASON_CODES = Object.keys(REASON_TEXTS) as ReasonCode[];

/** The reason in plain words, in the given language. */
export function reasonText(rules: Rules, reason: Reason, lang: Lang = 'en'): string {
  return fillText(rules, REASON_TEXTS[reason.code], reason.params, lang);
}
