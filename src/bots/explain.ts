/**
 * Bot explanations in plain words, in English and French: what an action is (with region,
 * card, partner and faction names from the rules texts) and why a bot chose it.
 */
import { cloudCost, factionName, regionName, type Action, type GameState, type Lang, type ProvisionId, type RegionId, type Rules } from '../engine/index.js';
import type { Component } from './evaluate.js';

/** A text in every language the game speaks. */
export interface Bilingual {
  en: string;
  fr: string;
}

const PROVISION: Record<ProvisionId, Bilingual> = {
  transparency: { en: 'Transparency', fr: 'Transparence' },
  riskManagement: { en: 'Risk management', fr: 'Gestion des risques' },
  copyright: { en: 'Copyright', fr: 'Droit d’auteur' },
};
const PARTNER = { softbank: 'SoftBank', oracle: 'Oracle', mgx: 'MGX' } as const;
const KIND: Record<'frontier' | 'export' | 'domestic', Bilingual> = {
  frontier: { en: 'frontier', fr: 'de pointe' },
  export: { en: 'export-grade', fr: 'bridées à l’export' },
  domestic: { en: 'domestic', fr: 'nationales' },
};

function both(make: (lang: Lang) => string): Bilingual {
  return { en: make('en'), fr: make('fr') };
}

/** "in North America", "dans les États du Golfe": where an action happens, as a sentence says it. */
const inRegion = (rules: Rules, r: RegionId, lang: Lang) => regionName(rules, r, lang, 'in');

/** "en Amérique du Nord, en Europe et en Inde". */
function inRegions(rules: Rules, regions: readonly RegionId[], lang: Lang): string {
  const parts = regions.map((r) => inRegion(rules, r, lang));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${parts[parts.length - 1]}`;
}

function choiceText(rules: Rules, state: GameState, option: string, lang: Lang): string {
  const eventId = state.pending?.eventId;
  const event = eventId ? rules.events[eventId] : undefined;
  const last = event?.effects[event.effects.length - 1];
  const text = last?.op === 'choice' ? last.options.find((o) => o.id === option)?.text[lang] : undefined;
  const name = event?.name[lang] ?? '';
  if (lang === 'fr') return `Réponse à « ${name} » : ${text ?? option}`;
  return `Answer to “${name}”: ${text ?? option}`;
}

/** What an action does, in a few words (for the alternatives list and explanations). */
export function describeAction(rules: Rules, state: GameState, action: Action): Bilingual {
  const seat = state.pending?.seat ?? state.order[state.turnIndex] ?? 'us';
  return both((lang) => {
    const fr = lang === 'fr';
    switch (action.type) {
      case 'choose':
        return choiceText(rules, state, action.option, lang);
      case 'build':
        return fr ? `Construire un module ${inRegion(rules, action.region, lang)}` : `Build a module ${inRegion(rules, action.region, lang)}`;
      case 'buyGpus':
        return fr
          ? `Acheter ${action.count} ${action.count > 1 ? 'unités' : 'unité'} de GPU ${KIND[action.kind].fr}`
          : `Buy ${action.count} ${KIND[action.kind].en} GPU unit${action.count > 1 ? 's' : ''}`;
      case 'train': {
        const level = state.factions[seat].capability + 1;
        const cloud = cloudCost(rules, state, seat);
        if (cloud > 0 && Number.isFinite(cloud))
          return fr
            ? `Entraîner un modèle (capacité ${level}, ${cloud} Md$ de calcul en nuage)`
            : `Train to capability ${level} (renting $${cloud}B of cloud compute)`;
        return fr ? `Entraîner un modèle (capacité ${level})` : `Train to capability ${level}`;
      }
      case 'release': {
        const where = inRegions(rules, action.regions, lang);
        return fr ? `Publier des poids ouverts ${where}` : `Release open weights ${where}`;
      }
      case 'expand':
        return fr ? `Étendre son influence ${inRegion(rules, action.region, lang)}` : `Expand influence ${inRegion(rules, action.region, lang)}`;
      case 'deal':
        return fr
          ? `Signer « ${rules.factions[seat].dealName.fr} » ${inRegion(rules, action.region, lang)}`
          : `Sign ${rules.factions[seat].dealName.en} ${inRegion(rules, action.region, lang)}`;
      case 'safety':
        return fr ? 'Investir dans la sûreté' : 'Invest in safety';
      case 'collect':
        return fr ? `Encaisser ${rules.game.costs.collect} Md$` : `Collect $${rules.game.costs.collect}B`;
      case 'playCard': {
        const name = rules.cards[action.card]?.name[lang] ?? action.card;
        const where = action.region ? ` ${inRegion(rules, action.region, lang)}` : '';
        return fr ? `Jouer « ${name} »${where}` : `Play “${name}”${where}`;
      }
      case 'buyLicence':
        return fr ? 'Acheter une licence de droit d’auteur' : 'Buy a copyright licence';
      case 'callPartner':
        return fr ? `Faire appel à ${PARTNER[action.partner]}` : `Call on ${PARTNER[action.partner]}`;
      case 'issueBonds':
        return fr ? `Émettre ${rules.game.us.bonds} Md$ d’obligations` : `Issue $${rules.game.us.bonds}B of bonds`;
      case 'repayBonds':
        return fr ? 'Rembourser des obligations' : 'Repay bonds';
      case 'washington': {
        const up = action.delta > 0;
        if (action.track === 'exportControls')
          return fr ? `Washington : contrôles à l’export ${up ? '+1' : '−1'}` : `Washington: export controls ${up ? '+1' : '−1'}`;
        return fr ? `Washington : droits de douane ${up ? '+1' : '−1'}` : `Washington: tariffs ${up ? '+1' : '−1'}`;
      }
      case 'pressureBrussels':
        return fr
          ? `Faire pression sur Bruxelles (suspendre : ${PROVISION[action.provision].fr})`
          : `Pressure Brussels to suspend ${PROVISION[action.provision].en}`;
      case 'stateFund':
        return fr ? `Fonds d’État (+${rules.game.china.stateFund} Md$)` : `Draw on the state fund (+$${rules.game.china.stateFund}B)`;
      case 'rareEarth':
        return fr ? 'Restreindre les terres rares' : 'Curb rare-earth exports';
      case 'lobbyChips':
        return fr ? 'Faire pression pour obtenir des puces' : 'Lobby for chips';
      case 'enact':
        return fr ? `Adopter la disposition : ${PROVISION[action.provision].fr}` : `Enact the ${PROVISION[action.provision].en} provision`;
      case 'exportStandards':
        return fr
          ? `Exporter les normes européennes ${inRegion(rules, action.region, lang)}`
          : `Export EU standards to ${regionName(rules, action.region, lang, 'the')}`;
      case 'investAI':
        return fr ? `InvestAI (+${rules.game.eu.investAI} Md$)` : `InvestAI (+$${rules.game.eu.investAI}B)`;
      case 'fine':
        return fr ? `Mettre ${factionName(rules, action.target, 'fr', 'the')} à l’amende` : `Fine ${factionName(rules, action.target, 'en', 'the')}`;
    }
  });
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
