/**
 * What each card shows: a backdrop and up to three pictograms (the main one in the middle, two
 * smaller ones either side), each with an optional accent colour. Keyed by the card's id in
 * rules/events.json and rules/cards.json; `npm run cards` refuses a card without a scene.
 */
import type { PictogramName } from './pictograms.js';

/** Accent colours a scene may name (faction colours are the board's Okabe–Ito ones). */
export const ACCENTS = {
  us: '#56b4e9',
  china: '#e67e22',
  eu: '#ffd166',
  gold: '#f2c14e',
  green: '#5cc98a',
  red: '#ff6b6b',
  cyan: '#8ecae6',
  violet: '#c8b6ff',
} as const;

/** An accent's name. */
export type AccentName = keyof typeof ACCENTS;

/** The scenery behind the pictograms. */
export type Backdrop = 'skyline' | 'dunes' | 'sea' | 'globe' | 'grid' | 'plains' | 'rays';

/** A pictogram with an optional accent: `'chip'` or `'chip:china'`. */
export type Piece = PictogramName | `${PictogramName}:${AccentName}`;

/** A card's picture. */
export interface Scene {
  bg: Backdrop;
  main: Piece;
  left?: Piece;
  right?: Piece;
}

/** The scene of every event card (rules/events.json), by id. */
export const EVENT_SCENES: Record<string, Scene> = {
  stargateAnnounced: { bg: 'rays', main: 'capitol', left: 'coins:gold', right: 'datacenter:us' },
  deepseekShock: { bg: 'grid', main: 'model:china', left: 'coins:gold', right: 'chartDown:red' },
  qwenGoesGlobal: { bg: 'globe', main: 'globe:china', left: 'model:china', right: 'network:china' },
  aiActInForce: { bg: 'rays', main: 'document:eu', left: 'scales:eu', right: 'gavel:eu' },
  congressReportDeepSeek: { bg: 'skyline', main: 'document:us', left: 'capitol:us', right: 'magnifier:china' },
  openaiForCountriesLaunched: { bg: 'globe', main: 'globe:us', left: 'datacenter:us', right: 'exchange:gold' },
  tariffEscalation: { bg: 'sea', main: 'barrier:red', left: 'ship:china', right: 'chartDown:red' },
  microsoftStepsBack: { bg: 'skyline', main: 'datacenter:cyan', right: 'arrowOut:red' },
  chipsActRepealed: { bg: 'plains', main: 'document:us', left: 'factory:us', right: 'cross:red' },
  aiDiffusionRule: { bg: 'globe', main: 'globe:cyan', left: 'chip:us', right: 'lock:us' },
  stargateUae: { bg: 'dunes', main: 'datacenter:gold', left: 'coins:gold', right: 'bolt:gold' },
  h20Licences: { bg: 'grid', main: 'chip:green', left: 'document:us', right: 'coins:gold' },
  financingDoubts: { bg: 'skyline', main: 'moneybag:gold', left: 'magnifier', right: 'chartDown:red' },
  softbankDoublesDown: { bg: 'rays', main: 'moneybag:gold', left: 'chartUp:green', right: 'datacenter:us' },
  oracleCapacityDeal: { bg: 'skyline', main: 'cloud:us', left: 'exchange:gold', right: 'datacenter:us' },
  abileneRises: { bg: 'plains', main: 'crane:gold', left: 'chip:green', right: 'datacenter:us' },
  washingtonPressuresBrussels: { bg: 'skyline', main: 'capitol:us', left: 'megaphone:us', right: 'document:eu' },
  nvidiaLobbies: { bg: 'skyline', main: 'briefcase:green', left: 'chip:green', right: 'capitol:china' },
  linuxOfAI: { bg: 'grid', main: 'network:china', left: 'people:cyan', right: 'globe:china' },
  copyrightLawsuits: { bg: 'skyline', main: 'gavel:violet', left: 'document:violet', right: 'model:us' },
  gpuSmugglingScandal: { bg: 'sea', main: 'ship:green', left: 'chip:green', right: 'magnifier:red' },
  weightTheft: { bg: 'grid', main: 'lockOpen:red', left: 'model:us', right: 'arrowOut:red' },
  talentPoaching: { bg: 'skyline', main: 'people:violet', left: 'model:cyan', right: 'arrowOut:violet' },
  humainChipOrder: { bg: 'dunes', main: 'chip:gold', left: 'coins:gold', right: 'ship:gold' },
  rareEarthControls: { bg: 'plains', main: 'crystals:china', left: 'lock:china', right: 'ship:china' },
  indiaAiMission: { bg: 'rays', main: 'cloud:green', left: 'coins:gold', right: 'people:green' },
  exportControlsExpanded: { bg: 'sea', main: 'lock:us', left: 'chip:green', right: 'document:us' },
  powerCrunch: { bg: 'plains', main: 'pylon:red', left: 'bolt:red', right: 'warning:red' },
  gridProtests: { bg: 'plains', main: 'protest:red', left: 'pylon:cyan', right: 'datacenter:cyan' },
  nuclearRestart: { bg: 'plains', main: 'coolingTower:green', left: 'bolt:gold', right: 'datacenter:us' },
  reasoningBreakthrough: { bg: 'rays', main: 'lightbulb:gold', left: 'model:cyan', right: 'chartUp:green' },
  minorSafetyIncident: { bg: 'grid', main: 'warning:red', left: 'model:red', right: 'shield:cyan' },
  domesticChipRampUp: { bg: 'plains', main: 'factory:china', left: 'chip:china', right: 'chartUp:green' },
  aiSafetySummit: { bg: 'rays', main: 'shield:cyan', left: 'people:cyan', right: 'document:cyan' },
  gulfCapital: { bg: 'dunes', main: 'moneybag:gold', left: 'datacenter:gold', right: 'coins:gold' },
  taiwanStraitScare: { bg: 'sea', main: 'island:cyan', left: 'ship:red', right: 'warning:red' },
  buyDomesticOrder: { bg: 'skyline', main: 'factory:china', left: 'document:china', right: 'chip:china' },
  circularFinancing: { bg: 'skyline', main: 'exchange:gold', left: 'coins:gold', right: 'chartDown:red' },
  oracleDebtWorries: { bg: 'skyline', main: 'document:red', left: 'datacenter:us', right: 'chartDown:red' },
};

/** The scene of every strategy card (rules/cards.json), by id. */
export const CARD_SCENES: Record<string, Scene> = {
  softbankCapitalCall: { bg: 'skyline', main: 'moneybag:gold', left: 'coins:gold', right: 'document:us' },
  oraclePartnership: { bg: 'skyline', main: 'datacenter:us', left: 'exchange:gold', right: 'cloud:us' },
  mgxInvestment: { bg: 'dunes', main: 'moneybag:gold', left: 'datacenter:gold', right: 'exchange:gold' },
  stargateOne: { bg: 'plains', main: 'crane:us', left: 'bolt:gold', right: 'datacenter:us' },
  openaiForCountriesPush: { bg: 'globe', main: 'globe:us', left: 'exchange:gold', right: 'model:us' },
  exportControlPush: { bg: 'sea', main: 'lock:us', left: 'chip:green', right: 'ship:red' },
  openWeightCounteroffensive: { bg: 'globe', main: 'network:us', left: 'model:us', right: 'globe:us' },
  pressureOnTheEu: { bg: 'skyline', main: 'megaphone:us', left: 'capitol:us', right: 'document:eu' },
  multimodalTrainingRun: { bg: 'grid', main: 'model:us', left: 'cloud:us', right: 'chartUp:green' },
  deepseekMoment: { bg: 'rays', main: 'model:china', left: 'lightbulb:gold', right: 'chartDown:red' },
  qwenOpenRelease: { bg: 'globe', main: 'network:china', left: 'model:china', right: 'globe:china' },
  domesticChipRamp: { bg: 'plains', main: 'factory:china', left: 'chip:china', right: 'chip:china' },
  greyMarketGpus: { bg: 'sea', main: 'ship:china', left: 'chip:green', right: 'magnifier:red' },
  digitalSilkRoad: { bg: 'globe', main: 'globe:china', left: 'pylon:china', right: 'datacenter:china' },
  stateFund: { bg: 'skyline', main: 'moneybag:china', left: 'capitol:china', right: 'coins:gold' },
  rareEarthCurbs: { bg: 'plains', main: 'crystals:china', left: 'lock:china', right: 'chartDown:red' },
  talentReturns: { bg: 'rays', main: 'people:china', left: 'model:china', right: 'lightbulb:gold' },
  nvidiaSalesWindow: { bg: 'sea', main: 'chip:green', left: 'document:china', right: 'ship:china' },
  transparencyProvision: { bg: 'rays', main: 'document:eu', left: 'magnifier:eu', right: 'scales:eu' },
  riskManagementProvision: { bg: 'rays', main: 'document:eu', left: 'shield:eu', right: 'warning:eu' },
  copyrightProvision: { bg: 'rays', main: 'document:eu', left: 'gavel:eu', right: 'coins:gold' },
  brusselsEffect: { bg: 'globe', main: 'globe:eu', left: 'document:eu', right: 'scales:eu' },
  investAiGigafactory: { bg: 'plains', main: 'datacenter:eu', left: 'crane:eu', right: 'chip:green' },
  europeanOpenWeightChampion: { bg: 'globe', main: 'network:eu', left: 'model:eu', right: 'globe:eu' },
  antitrustFine: { bg: 'skyline', main: 'gavel:eu', left: 'coins:gold', right: 'scales:eu' },
  digitalSovereignty: { bg: 'skyline', main: 'cloud:eu', left: 'shield:eu', right: 'lock:eu' },
  publicCompute: { bg: 'grid', main: 'datacenter:eu', left: 'model:eu', right: 'bolt:gold' },
};
