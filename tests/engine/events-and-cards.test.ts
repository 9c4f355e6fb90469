import { describe, expect, test } from 'vitest';
import { activeSeat, legalActions, type FactionId, type GameState, turnOrder } from '../../src/engine/index.js';
import { resolveHeadlines } from '../../src/engine/flow.js';
import { parseRules, type RuleFiles } from '../../src/engine/index.js';
import { DEFAULT_RULE_FILES } from '../../src/engine/rules/default-rules.js';
import { act, game, lastTurnFor, positionFor, refuse, rules } from '../helpers/positions.js';

/** Reveals one event on a clean position and resolves it (stopping at a choice). */
function reveal(id: string, edit?: (s: GameState) => void): { before: GameState; after: GameState } {
  const before = positionFor('us', edit);
  const after = structuredClone(before);
  after.headlines = [id];
  after.headlineQueue = [id];
  resolveHeadlines(rules, after);
  return { before, after };
}

/** Reveals a choice event and answers it. */
function answer(id: string, option: string, edit?: (s: GameState) => void): { before: GameState; after: GameState } {
  const { before, after } = reveal(id, edit);
  expect(after.pending?.eventId).toBe(id);
  return { before, after: act(after, after.pending!.seat, { type: 'choose', option }) };
}

const cap = (s: GameState, id: FactionId) => s.factions[id].capital;

describe('headline choices', () => {
  test('pause the game for the seat that must choose, before anyone acts', () => {
    const s = lastTurnFor('eu', (s) => (s.eventDecks[0] = ['openaiForCountriesLaunched']));
    const next = act(s, 'eu', { type: 'collect' });
    expect(next.round).toBe(2);
    expect(next.phase).toBe('choice');
    expect(next.pending).toEqual({ eventId: 'openaiForCountriesLaunched', seat: 'us', options: ['gulf', 'india', 'latinAmerica'] });
    expect(activeSeat(next)).toBe('us');
    expect(legalActions(rules, next, 'us')).toEqual([
      { type: 'choose', option: 'gulf' },
      { type: 'choose', option: 'india' },
      { type: 'choose', option: 'latinAmerica' },
    ]);
    for (const seat of ['china', 'eu'] as const) expect(legalActions(rules, next, seat)).toEqual([]);
  });

  test('refuse other seats, other actions and unknown options while waiting', () => {
    const { after } = reveal('gpuSmugglingScandal');
    expect(activeSeat(after)).toBe('china');
    expect(refuse(after, 'us', { type: 'collect' })).toEqual({ code: 'choiceFirst', params: { seat: 'china' } });
    expect(refuse(after, 'china', { type: 'collect' }).code).toBe('choiceFirst');
    expect(refuse(after, 'china', { type: 'choose', option: 'shrug' }).code).toBe('unknownOption');
  });

  test('give the turn to the first seat of the turn order, set once the headlines are resolved, without using a turn', () => {
    const { after } = answer('washingtonPressuresBrussels', 'standFirm');
    expect(after.phase).toBe('actions');
    expect(after.pending).toBeNull();
    expect(after.turnIndex).toBe(0);
    expect(after.order).toEqual(turnOrder(rules, after));
    expect(activeSeat(after)).toBe(after.order[0]);
  });

  test('cannot be answered when nothing is pending', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'choose', option: 'gulf' }).code).toBe('noChoice');
  });

  test('hold back later headlines of the round until answered', () => {
    const { before, after } = reveal('nvidiaLobbies');
    after.headlineQueue.push('aiSafetySummit');
    expect(after.tracks.risk).toBe(before.tracks.risk);
    const answered = act(after, 'us', { type: 'choose', option: 'refuse' });
    expect(answered.tracks.risk).toBe(before.tracks.risk - 2);
    expect(answered.tracks.tension).toBe(before.tracks.tension + 1 - 1);
  });
});

/** Every event's effects, checked on a clean start (US 45, China 25, EU 30; Risk 2, Tension 3, EC 1, Tariffs 0). */
const EVENTS: Record<string, () => void> = {
  stargateAnnounced: () => {
    const { after } = reveal('stargateAnnounced');
    expect([cap(after, 'us'), after.tracks.tension]).toEqual([55, 4]);
  },
  deepseekShock: () => {
    const { after } = reveal('deepseekShock');
    expect(after.factions.china.modifiers).toEqual([{ key: 'trainHalf', value: 1, duration: 'nextTrain' }]);
    expect([cap(after, 'us'), after.tracks.tension]).toEqual([39, 4]);
  },
  qwenGoesGlobal: () => {
    const inf = reveal('qwenGoesGlobal').after.factions.china.influence;
    expect([inf.SEA, inf.IN, inf.LATAM]).toEqual([3, 1, 1]);
  },
  aiActInForce: () => {
    const first = reveal('aiActInForce').after;
    expect([first.provisions.transparency, first.tracks.risk, cap(first, 'eu')]).toEqual(['enacted', 1, 30]);
    const again = reveal('aiActInForce', (s) => (s.provisions.transparency = 'enacted')).after;
    expect(cap(again, 'eu')).toBe(34);
  },
  congressReportDeepSeek: () => {
    const after = reveal('congressReportDeepSeek', (s) => (s.factions.china.influence.NA = 3)).after;
    expect([after.factions.china.influence.NA, after.factions.china.influence.JK, after.factions.china.influence.GULF]).toEqual([1, 0, 0]);
    expect(after.tracks.tension).toBe(4);
  },
  openaiForCountriesLaunched: () => {
    expect(answer('openaiForCountriesLaunched', 'gulf').after.factions.us.influence.GULF).toBe(3);
    expect(answer('openaiForCountriesLaunched', 'india').after.factions.us.influence.IN).toBe(3);
    expect(answer('openaiForCountriesLaunched', 'latinAmerica').after.factions.us.influence.LATAM).toBe(2);
  },
  tariffEscalation: () => {
    const { after } = reveal('tariffEscalation');
    expect([after.tracks.tariffs, after.tracks.tension, cap(after, 'china'), cap(after, 'eu')]).toEqual([1, 4, 22, 28]);
  },
  microsoftStepsBack: () => {
    expect(cap(answer('microsoftStepsBack', 'payForCloud').after, 'us')).toBe(39);
    expect(answer('microsoftStepsBack', 'makeDo').after.factions.us.modifiers).toEqual([{ key: 'trainCost', value: 1, duration: 'era' }]);
  },
  chipsActRepealed: () => {
    expect(reveal('chipsActRepealed').after.factions.us.modifiers).toEqual([{ key: 'buildCost', value: 2, duration: 'game' }]);
  },
  financingDoubts: () => {
    expect(cap(reveal('financingDoubts').after, 'us')).toBe(42);
    const indebted = reveal('financingDoubts', (s) => (s.factions.us.debt = 50)).after;
    expect([cap(indebted, 'us'), indebted.factions.us.vp]).toEqual([37, -1]);
  },
  softbankDoublesDown: () => {
    const { after } = reveal('softbankDoublesDown');
    expect([cap(after, 'us'), after.factions.us.debt]).toEqual([60, 5]);
  },
  oracleCapacityDeal: () => {
    const { after } = reveal('oracleCapacityDeal');
    expect(after.factions.us.modules.NA).toBe(2);
    expect(after.factions.us.modifiers).toEqual([{ key: 'income', value: -1, duration: 'game' }]);
  },
  abileneRises: () => {
    const { after } = reveal('abileneRises');
    expect(after.factions.us.modules.NA).toBe(2);
    expect(after.factions.us.gpus.NA.frontier).toBe(5);
  },
  washingtonPressuresBrussels: () => {
    const firm = answer('washingtonPressuresBrussels', 'standFirm').after;
    expect([firm.tracks.tariffs, firm.tracks.tension]).toEqual([1, 4]);
    expect(cap(answer('washingtonPressuresBrussels', 'giveWay').after, 'eu')).toBe(26);
    const enacted = answer('washingtonPressuresBrussels', 'giveWay', (s) => (s.provisions.copyright = 'enacted')).after;
    expect([enacted.provisions.copyright, cap(enacted, 'eu')]).toEqual(['suspended', 30]);
  },
  nvidiaLobbies: () => {
    const allow = answer('nvidiaLobbies', 'allow').after;
    expect([allow.tracks.exportControls, cap(allow, 'us')]).toEqual([0, 49]);
    expect(answer('nvidiaLobbies', 'refuse').after.tracks.tension).toBe(4);
  },
  linuxOfAI: () => {
    const after = reveal('linuxOfAI', (s) => (s.factions.china.releasedIn = ['SEA'])).after;
    expect([after.factions.china.influence.AF, after.factions.china.influence.LATAM]).toEqual([2, 1]);
    expect([after.factions.eu.influence.AF, after.factions.us.influence.LATAM]).toEqual([1, 0]);
  },
  copyrightLawsuits: () => {
    const settle = answer('copyrightLawsuits', 'settle').after;
    expect([cap(settle, 'us'), cap(settle, 'eu')]).toEqual([40, 35]);
    expect(answer('copyrightLawsuits', 'fight').after.factions.us.modifiers).toEqual([{ key: 'trainCost', value: 1, duration: 'era' }]);
  },
  gpuSmugglingScandal: () => {
    const deny = answer('gpuSmugglingScandal', 'deny').after;
    expect([deny.tracks.exportControls, deny.tracks.tension]).toEqual([2, 4]);
    const crack = answer('gpuSmugglingScandal', 'crackDown').after;
    expect([cap(crack, 'china'), crack.factions.china.influence.SEA]).toEqual([20, 1]);
  },
  exportControlsExpanded: () => {
    const { after } = reveal('exportControlsExpanded');
    expect([after.tracks.exportControls, after.tracks.tension]).toEqual([2, 4]);
  },
  powerCrunch: () => {
    const { after } = reveal('powerCrunch');
    for (const id of ['us', 'china', 'eu'] as const) expect(after.factions[id].modifiers).toEqual([{ key: 'buildCost', value: 2, duration: 'round' }]);
    expect(cap(after, 'us')).toBe(42);
  },
  gridProtests: () => {
    const { after } = reveal('gridProtests');
    expect([after.factions.us.influence.NA, after.factions.eu.influence.EU]).toEqual([2, 3]);
  },
  nuclearRestart: () => {
    const { after } = reveal('nuclearRestart');
    expect([after.factions.us.modules.NA, after.factions.china.modules.CN, after.factions.eu.modules.EU]).toEqual([2, 2, 2]);
  },
  reasoningBreakthrough: () => {
    const { after } = reveal('reasoningBreakthrough');
    for (const id of ['us', 'china', 'eu'] as const) expect(after.factions[id].modifiers).toEqual([{ key: 'trainHalf', value: 1, duration: 'nextTrain' }]);
    expect(after.tracks.risk).toBe(3);
  },
  minorSafetyIncident: () => {
    const open = reveal('minorSafetyIncident').after;
    expect([open.factions.us.vp, open.factions.china.vp, open.factions.eu.vp, open.tracks.risk]).toEqual([-1, -1, 0, 3]);
    const ruled = reveal('minorSafetyIncident', (s) => (s.provisions.riskManagement = 'enacted')).after;
    expect([ruled.factions.eu.vp, ruled.tracks.risk]).toEqual([1, 2]);
  },
  domesticChipRampUp: () => {
    const full = reveal('domesticChipRampUp').after;
    expect(full.factions.china.gpus.CN.domestic).toBe(2);
    const roomy = reveal('domesticChipRampUp', (s) => (s.factions.china.modules.CN = 2)).after;
    expect(roomy.factions.china.gpus.CN.domestic).toBe(4);
  },
  aiSafetySummit: () => {
    const { after } = reveal('aiSafetySummit', (s) => (s.tracks.risk = 5));
    expect([after.tracks.risk, after.tracks.tension, after.factions.eu.vp]).toEqual([3, 2, 1]);
  },
  gulfCapital: () => {
    const tied = reveal('gulfCapital').after;
    expect([cap(tied, 'us'), cap(tied, 'china'), cap(tied, 'eu')]).toEqual([55, 35, 30]);
    const led = reveal('gulfCapital', (s) => (s.factions.china.influence.GULF = 3)).after;
    expect([cap(led, 'us'), cap(led, 'china')]).toEqual([45, 35]);
  },
  aiDiffusionRule: () => {
    const keep = answer('aiDiffusionRule', 'keepTiers').after;
    expect([keep.tracks.exportControls, keep.factions.us.influence.GULF, keep.factions.us.influence.IN]).toEqual([2, 0, 0]);
    const rescind = answer('aiDiffusionRule', 'rescind').after;
    expect([rescind.tracks.exportControls, rescind.factions.us.influence.GULF, rescind.factions.us.influence.IN]).toEqual([1, 2, 2]);
  },
  stargateUae: () => {
    const { after } = reveal('stargateUae');
    expect([after.factions.us.modules.GULF, after.factions.us.influence.GULF, cap(after, 'us')]).toEqual([1, 2, 45]);
  },
  h20Licences: () => {
    const roomy = (s: GameState) => (s.factions.china.modules.CN = 2);
    const { after } = reveal('h20Licences', roomy);
    expect([after.tracks.exportControls, cap(after, 'us'), after.pending?.seat]).toEqual([0, 48, 'china']);
    const buy = answer('h20Licences', 'buy', roomy).after;
    expect([cap(buy, 'us'), cap(buy, 'china'), buy.factions.china.gpus.CN.export, buy.tracks.tension]).toEqual([51, 22, 2, 3]);
    const shun = answer('h20Licences', 'shun', roomy).after;
    expect([cap(shun, 'china'), shun.factions.china.gpus.CN.export, shun.factions.china.gpus.CN.domestic, shun.tracks.tension]).toEqual([25, 0, 2, 4]);
  },
  weightTheft: () => {
    const computeOf = (s: GameState) => [s.factions.us.compute, s.factions.china.compute, s.factions.eu.compute];
    const withCompute = (s: GameState) => {
      for (const id of ['us', 'china', 'eu'] as const) s.factions[id].compute = 5;
    };
    // Level at the top: both leaders lose 2, and China, not leading alone, takes 3.
    expect(computeOf(reveal('weightTheft', withCompute).after)).toEqual([3, 6, 5]);
    const usLeads = reveal('weightTheft', (s) => {
      withCompute(s);
      s.factions.us.capability = 5;
    }).after;
    expect(computeOf(usLeads)).toEqual([3, 8, 5]);
    const chinaLeads = reveal('weightTheft', (s) => {
      withCompute(s);
      s.factions.china.capability = 5;
    }).after;
    expect(computeOf(chinaLeads)).toEqual([8, 3, 5]);
  },
  talentPoaching: () => {
    expect(cap(answer('talentPoaching', 'matchOffers').after, 'eu')).toBe(25);
    const gone = answer('talentPoaching', 'letThemGo').after;
    expect(gone.factions.eu.modifiers).toEqual([{ key: 'trainCost', value: 1, duration: 'era' }]);
    expect([gone.factions.us.compute, cap(gone, 'eu')]).toEqual([2, 30]);
  },
  humainChipOrder: () => {
    const weak = reveal('humainChipOrder').after;
    expect([cap(weak, 'us'), weak.factions.china.influence.GULF]).toEqual([45, 2]);
    const strong = reveal('humainChipOrder', (s) => (s.factions.us.influence.GULF = 2)).after;
    expect([cap(strong, 'us'), strong.factions.china.influence.GULF]).toEqual([51, 1]);
  },
  rareEarthControls: () => {
    const truce = answer('rareEarthControls', 'truce', (s) => (s.tracks.tariffs = 2)).after;
    expect([truce.tracks.tariffs, truce.tracks.tension, cap(truce, 'china')]).toEqual([1, 2, 29]);
    const hold = answer('rareEarthControls', 'holdOut').after;
    expect([cap(hold, 'us'), cap(hold, 'eu'), hold.tracks.tension]).toEqual([42, 27, 4]);
  },
  indiaAiMission: () => {
    const tied = reveal('indiaAiMission').after;
    expect([cap(tied, 'us'), cap(tied, 'eu'), tied.factions.us.influence.IN, tied.factions.eu.influence.IN]).toEqual([50, 35, 2, 2]);
    const euLeads = reveal('indiaAiMission', (s) => (s.factions.eu.influence.IN = 3)).after;
    expect([cap(euLeads, 'us'), cap(euLeads, 'eu'), euLeads.factions.us.influence.IN, euLeads.factions.eu.influence.IN]).toEqual([45, 35, 1, 4]);
  },
  taiwanStraitScare: () => {
    const { after } = reveal('taiwanStraitScare');
    expect([after.market.units, after.tracks.tension]).toEqual([0, 4]);
  },
  buyDomesticOrder: () => {
    const { after } = reveal('buyDomesticOrder', (s) => (s.factions.china.modules.CN = 2));
    expect([cap(after, 'us'), after.factions.china.gpus.CN.domestic]).toEqual([41, 3]);
  },
  circularFinancing: () => {
    const { after } = reveal('circularFinancing', (s) => (s.factions.us.debt = 10));
    expect([cap(after, 'us'), after.factions.us.debt, cap(after, 'china'), cap(after, 'eu')]).toEqual([33, 6, 17, 22]);
    expect(after.log.filter((e) => e.kind === 'financialCrisis')).toEqual([]);
    const poor = reveal('circularFinancing', (s) => (s.factions.eu.capital = 5)).after;
    expect(poor.log.filter((e) => e.kind === 'financialCrisis').map((e) => e.seat)).toEqual(['eu']);
    expect(poor.factions.eu.vp).toBe(game.upkeep.financialCrisisVp);
  },
  oracleDebtWorries: () => {
    expect(cap(reveal('oracleDebtWorries').after, 'us')).toBe(35);
    // $4B against $10B: its 3 frontier GPUs sell for $1B each, then its module for $4B.
    const broke = reveal('oracleDebtWorries', (s) => (s.factions.us.capital = 4)).after;
    expect(broke.log.filter((e) => e.kind === 'financialCrisis').map((e) => e.seat)).toEqual(['us']);
    expect([cap(broke, 'us'), broke.factions.us.gpus.NA.frontier, broke.factions.us.modules.NA, broke.factions.us.vp]).toEqual([
      1,
      0,
      0,
      game.upkeep.financialCrisisVp,
    ]);
  },
};

describe('events', () => {
  test('all have a check below', () => {
    expect(Object.keys(EVENTS).sort()).toEqual(rules.eventList.map((e) => e.id).sort());
  });
  for (const [id, check] of Object.entries(EVENTS)) test(`${id} applies its effects`, check);

  test('every event has the real month of its fact (2024-01 to 2025-12) and a fact and a source line in both languages', () => {
    for (const e of rules.eventList) {
      expect(e.date, e.id).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      expect(e.date >= '2024-01' && e.date <= '2025-12', `${e.id}: ${e.date}`).toBe(true);
      for (const lang of ['en', 'fr'] as const) {
        expect(e.fact?.[lang], `${e.id}.fact.${lang}`).toBeTruthy();
        expect(e.source[lang].length, `${e.id}.source.${lang}`).toBeGreaterThan(10);
        expect(e.source[lang], `${e.id}.source.${lang}: no addresses`).not.toMatch(/https?:|www\./);
      }
    }
  });

  test('an event without its month or its source, or with a month not written YYYY-MM, is refused when the rules load', () => {
    const refused = (edit: (e: Record<string, unknown>) => void) => {
      const files = structuredClone(DEFAULT_RULE_FILES) as unknown as { 'events.json': { events: Record<string, unknown>[] } };
      edit(files['events.json'].events[0] as Record<string, unknown>);
      const parsed = parseRules(files as unknown as RuleFiles);
      return parsed.ok ? '' : parsed.error;
    };
    expect(refused((e) => delete e.date)).toMatch(/^events\.json: field "events\.0\.date"/);
    expect(refused((e) => delete e.source)).toMatch(/^events\.json: field "events\.0\.source"/);
    expect(refused((e) => (e.date = 'January 2025'))).toMatch(/^events\.json: field "events\.0\.date"/);
  });

  test('every era still has at least 9 events to shuffle, more than its rounds draw', () => {
    for (const era of game.eras) {
      const pile = rules.eventList.filter((e) => e.era === era.id).length;
      expect(pile, `era ${era.id}`).toBeGreaterThanOrEqual(Math.max(9, era.rounds.length * era.eventsPerRound));
    }
  });
});

/** Plays a card from a clean position where `seat` holds it; returns the states. */
function play(seat: FactionId, card: string, region?: string, edit?: (s: GameState) => void): { before: GameState; after: GameState } {
  const before = positionFor(seat, (s) => {
    s.factions[seat].hand = [card];
    edit?.(s);
  });
  const action = region ? { type: 'playCard', card, region } : { type: 'playCard', card };
  return { before, after: act(before, seat, action) };
}

const CARDS: Record<string, () => void> = {
  softbankCapitalCall: () => {
    const { after } = play('us', 'softbankCapitalCall');
    expect([cap(after, 'us'), after.factions.us.debt]).toEqual([60, 5]);
  },
  oraclePartnership: () => {
    const { after } = play('us', 'oraclePartnership', 'GULF');
    expect([cap(after, 'us'), after.factions.us.modules.GULF, after.factions.us.influence.GULF]).toEqual([42, 1, 2]);
    const s = positionFor('us', (s) => (s.factions.us.hand = ['oraclePartnership']));
    expect(refuse(s, 'us', { type: 'playCard', card: 'oraclePartnership', region: 'LATAM' }).code).toBe('noInfluence');
    expect(refuse(s, 'us', { type: 'playCard', card: 'oraclePartnership' }).code).toBe('cardNeedsRegion');
  },
  mgxInvestment: () => {
    const s = positionFor('us', (s) => (s.factions.us.hand = ['mgxInvestment']));
    expect(refuse(s, 'us', { type: 'playCard', card: 'mgxInvestment' }).code).toBe('cardRequires');
    const { after } = play('us', 'mgxInvestment', undefined, (s) => (s.factions.us.influence.GULF = 2));
    expect([cap(after, 'us'), after.factions.us.influence.GULF]).toEqual([59, 3]);
  },
  stargateOne: () => {
    const { after } = play('us', 'stargateOne');
    expect([cap(after, 'us'), after.factions.us.modules.NA]).toEqual([39, 3]);
    const crowded = play('us', 'stargateOne', undefined, (s) => (s.factions.us.modules.NA = 5)).after;
    expect(crowded.factions.us.modules.NA).toBe(6);
  },
  openaiForCountriesPush: () => {
    const { after } = play('us', 'openaiForCountriesPush', 'JK');
    expect([cap(after, 'us'), after.factions.us.influence.JK]).toEqual([41, 4]);
    expect(after.factions.us.modifiers).toEqual([{ key: 'income', value: 1, duration: 'game' }]);
    const s = positionFor('us', (s) => (s.factions.us.hand = ['openaiForCountriesPush']));
    expect(refuse(s, 'us', { type: 'playCard', card: 'openaiForCountriesPush', region: 'NA' }).code).toBe('cardRegion');
  },
  exportControlPush: () => {
    const { after } = play('us', 'exportControlPush', undefined, (s) => (s.factions.china.compute = 5));
    expect([after.tracks.exportControls, after.tracks.tension, after.factions.china.compute]).toEqual([2, 4, 2]);
    expect(play('us', 'exportControlPush').after.factions.china.compute).toBe(0);
  },
  openWeightCounteroffensive: () => {
    const { after } = play('us', 'openWeightCounteroffensive', 'GULF');
    expect([after.factions.us.influence.GULF, after.factions.china.influence.GULF]).toEqual([3, 0]);
    const s = positionFor('us', (s) => {
      s.factions.us.hand = ['openWeightCounteroffensive'];
      s.factions.us.capability = 2;
    });
    expect(refuse(s, 'us', { type: 'playCard', card: 'openWeightCounteroffensive', region: 'GULF' }).code).toBe('cardRequires');
  },
  pressureOnTheEu: () => {
    const none = play('us', 'pressureOnTheEu').after;
    expect([cap(none, 'us'), none.tracks.tension]).toEqual([49, 4]);
    const all = play(
      'us',
      'pressureOnTheEu',
      undefined,
      (s) => (s.provisions = { transparency: 'enacted', riskManagement: 'enacted', copyright: 'enacted' }),
    ).after;
    expect(all.provisions).toEqual({ transparency: 'enacted', riskManagement: 'enacted', copyright: 'suspended' });
    const two = play(
      'us',
      'pressureOnTheEu',
      undefined,
      (s) => (s.provisions = { transparency: 'enacted', riskManagement: 'enacted', copyright: 'notEnacted' }),
    ).after;
    expect(two.provisions.riskManagement).toBe('suspended');
    const one = play('us', 'pressureOnTheEu', undefined, (s) => (s.provisions.transparency = 'enacted')).after;
    expect([one.provisions.transparency, cap(one, 'us')]).toEqual(['suspended', 45]);
  },
  multimodalTrainingRun: () => {
    const { after } = play('us', 'multimodalTrainingRun');
    expect([cap(after, 'us'), after.factions.us.compute]).toEqual([43, 6]);
  },
  deepseekMoment: () => {
    const { after } = play('china', 'deepseekMoment');
    expect(after.factions.china.modifiers).toEqual([{ key: 'trainHalf', value: 1, duration: 'nextTrain' }]);
    expect(cap(after, 'us')).toBe(42);
  },
  qwenOpenRelease: () => {
    const { after } = play('china', 'qwenOpenRelease', 'LATAM');
    expect([after.factions.china.influence.LATAM, after.factions.china.influence.IN]).toEqual([2, 1]);
    const s = positionFor('china', (s) => (s.factions.china.hand = ['qwenOpenRelease']));
    expect(refuse(s, 'china', { type: 'playCard', card: 'qwenOpenRelease', region: 'NA' }).code).toBe('forbidden');
  },
  domesticChipRamp: () => {
    const { after } = play('china', 'domesticChipRamp', undefined, (s) => (s.factions.china.modules.SEA = 1));
    expect([after.factions.china.gpus.CN.domestic, after.factions.china.gpus.SEA.domestic]).toEqual([2, 2]);
  },
  greyMarketGpus: () => {
    const { before, after } = play('china', 'greyMarketGpus', undefined, (s) => (s.factions.china.modules.CN = 2));
    expect(cap(after, 'china')).toBe(21);
    expect(after.factions.china.gpus.CN.frontier).toBe(5);
    const scandal = after.tracks.tension > before.tracks.tension;
    expect([after.factions.china.vp, after.factions.china.influence.SEA]).toEqual(scandal ? [-1, 1] : [0, 2]);
  },
  digitalSilkRoad: () => {
    const { after } = play('china', 'digitalSilkRoad', 'AF');
    expect([cap(after, 'china'), after.factions.china.modules.AF, after.factions.china.influence.AF]).toEqual([17, 1, 2]);
    expect(after.factions.china.modifiers).toEqual([{ key: 'income', value: 1, duration: 'game' }]);
  },
  stateFund: () => {
    const { after } = play('china', 'stateFund');
    expect([cap(after, 'china'), after.tracks.tension]).toEqual([37, 3]);
  },
  rareEarthCurbs: () => {
    const { after } = play('china', 'rareEarthCurbs');
    expect([cap(after, 'us'), cap(after, 'eu'), after.tracks.tension]).toEqual([40, 27, 4]);
  },
  talentReturns: () => {
    const { after } = play('china', 'talentReturns');
    expect(after.factions.china.compute).toBe(3);
    expect(after.factions.china.modifiers).toEqual([{ key: 'trainCost', value: -1, duration: 'game' }]);
  },
  nvidiaSalesWindow: () => {
    const { after } = play('china', 'nvidiaSalesWindow', undefined, (s) => (s.factions.china.modules.CN = 2));
    expect([cap(after, 'china'), after.tracks.exportControls, after.factions.china.gpus.CN.export]).toEqual([23, 0, 2]);
    const tense = positionFor('china', (s) => {
      s.factions.china.hand = ['nvidiaSalesWindow'];
      s.tracks.tension = 6;
    });
    expect(refuse(tense, 'china', { type: 'playCard', card: 'nvidiaSalesWindow' }).code).toBe('cardRequires');
  },
  transparencyProvision: () => {
    const { after } = play('eu', 'transparencyProvision');
    expect([after.provisions.transparency, after.tracks.risk, cap(after, 'eu')]).toEqual(['enacted', 1, 28]);
    expect(cap(play('eu', 'transparencyProvision', undefined, (s) => (s.provisions.transparency = 'enacted')).after, 'eu')).toBe(32);
  },
  riskManagementProvision: () => {
    const { after } = play('eu', 'riskManagementProvision');
    expect([after.provisions.riskManagement, after.tracks.risk]).toEqual(['enacted', 0]);
  },
  copyrightProvision: () => {
    const { after } = play('eu', 'copyrightProvision');
    expect([after.provisions.copyright, cap(after, 'us'), cap(after, 'eu')]).toEqual(['enacted', 42, 31]);
  },
  brusselsEffect: () => {
    const { after } = play('eu', 'brusselsEffect', 'AF');
    expect([after.euRules, after.factions.eu.influence.AF]).toEqual([['AF'], 2]);
    const s = positionFor('eu', (s) => (s.factions.eu.hand = ['brusselsEffect']));
    expect(refuse(s, 'eu', { type: 'playCard', card: 'brusselsEffect', region: 'EU' }).code).toBe('cardRegion');
    s.factions.eu.influence.NA = 2;
    s.factions.eu.influence.CN = 2;
    expect(refuse(s, 'eu', { type: 'playCard', card: 'brusselsEffect', region: 'NA' }).code).toBe('cardRegion');
    expect(refuse(s, 'eu', { type: 'playCard', card: 'brusselsEffect', region: 'CN' }).code).toBe('cardRegion');
  },
  investAiGigafactory: () => {
    const { after } = play('eu', 'investAiGigafactory', 'AF');
    expect([cap(after, 'eu'), after.factions.eu.modules.AF, after.factions.eu.gpus.EU.frontier, after.factions.eu.gpus.AF.frontier]).toEqual([25, 1, 3, 0]);
  },
  europeanOpenWeightChampion: () => {
    const low = play('eu', 'europeanOpenWeightChampion').after;
    expect([low.factions.eu.capability, low.factions.eu.compute, low.factions.eu.influence.AF, low.factions.eu.influence.LATAM]).toEqual([2, 0, 2, 2]);
    const high = play('eu', 'europeanOpenWeightChampion', undefined, (s) => (s.factions.eu.capability = 4)).after;
    expect([high.factions.eu.capability, high.factions.eu.compute]).toEqual([4, 5]);
  },
  antitrustFine: () => {
    const tied = play('eu', 'antitrustFine').after;
    expect([cap(tied, 'us'), cap(tied, 'china'), cap(tied, 'eu')]).toEqual([39, 19, 42]);
    const euLeads = play('eu', 'antitrustFine', undefined, (s) => (s.factions.eu.capability = 5)).after;
    expect([cap(euLeads, 'us'), cap(euLeads, 'china'), cap(euLeads, 'eu')]).toEqual([39, 25, 36]);
  },
  digitalSovereignty: () => {
    const { after } = play('eu', 'digitalSovereignty', undefined, (s) => (s.factions.china.influence.EU = 2));
    expect([cap(after, 'eu'), after.factions.eu.influence.EU, after.factions.us.influence.EU, after.factions.china.influence.EU]).toEqual([34, 5, 0, 1]);
  },
  publicCompute: () => {
    expect(play('eu', 'publicCompute').after.factions.eu.compute).toBe(5);
  },
};

describe('strategy cards', () => {
  test('all have a check below', () => {
    expect(Object.keys(CARDS).sort()).toEqual(rules.cardList.map((c) => c.id).sort());
  });

  test('leave the hand for the discard pile and cost their price', () => {
    const { after } = play('us', 'stargateOne');
    expect(after.factions.us.hand).toEqual([]);
    expect(after.factions.us.discard).toEqual(['stargateOne']);
    expect(rules.cards.stargateOne?.cost).toBe(6);
  });

  test('must be in the hand, and a card without a target takes no region', () => {
    const s = positionFor('us', (s) => (s.factions.us.hand = ['stargateOne']));
    expect(refuse(s, 'us', { type: 'playCard', card: 'softbankCapitalCall' }).code).toBe('notInHand');
    expect(refuse(s, 'us', { type: 'playCard', card: 'deepseekMoment' }).code).toBe('notInHand');
    expect(refuse(s, 'us', { type: 'playCard', card: 'stargateOne', region: 'NA' }).code).toBe('cardNoRegion');
  });

  test('are refused when the faction cannot pay', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.hand = ['stargateOne'];
      s.factions.us.capital = 5;
    });
    expect(refuse(s, 'us', { type: 'playCard', card: 'stargateOne' })).toEqual({ code: 'capital', params: { cost: 6, capital: 5 } });
  });

  for (const [id, check] of Object.entries(CARDS)) test(`${id} applies its effects`, check);
});
