import { describe, expect, test } from 'vitest';
import {
  ACTION_TYPES,
  activeSeat,
  agendaPoints,
  applyEffectsInPlace,
  computeIncome,
  computePrizes,
  createInitialState,
  incomeBreakdown,
  regionName,
  regionPrizeWith,
  regionStanding,
  soleCapabilityLeader,
  standingLeaders,
  upkeepCosts,
  viewFor,
  type Action,
  type ActionType,
  type FactionId,
  type GameState,
  type RegionId,
} from '../../src/engine/index.js';
import { BOT_LEVELS, chooseAction, decide, describeAction, type BotLevel } from '../../src/bots/index.js';
import type { Aim } from '../../src/bots/aims.js';
import { aimsOfAction, aimsText, chosenAims, driverText, explanation, gapText } from '../../src/bots/explain.js';
import { cloneGame } from '../../src/bots/clone.js';
import { positionsOf, rules } from './helpers.js';

const SAMPLES: Record<ActionType, Action> = {
  choose: { type: 'choose', option: 'gulf' },
  build: { type: 'build', region: 'GULF' },
  buyGpus: { type: 'buyGpus', kind: 'frontier', count: 2 },
  train: { type: 'train' },
  release: { type: 'release', regions: ['CN', 'SEA', 'AF', 'GULF'] },
  expand: { type: 'expand', region: 'IN' },
  deal: { type: 'deal', region: 'LATAM' },
  safety: { type: 'safety' },
  collect: { type: 'collect' },
  playCard: { type: 'playCard', card: 'oraclePartnership', region: 'JK' },
  buyLicence: { type: 'buyLicence' },
  callPartner: { type: 'callPartner', partner: 'mgx' },
  issueBonds: { type: 'issueBonds' },
  repayBonds: { type: 'repayBonds' },
  washington: { type: 'washington', track: 'exportControls', delta: 1 },
  pressureBrussels: { type: 'pressureBrussels', provision: 'copyright' },
  stateFund: { type: 'stateFund' },
  rareEarth: { type: 'rareEarth' },
  lobbyChips: { type: 'lobbyChips' },
  enact: { type: 'enact', provision: 'transparency' },
  exportStandards: { type: 'exportStandards', region: 'AF' },
  investAI: { type: 'investAI' },
  fine: { type: 'fine', target: 'china' },
};

describe('bot explanations', () => {
  test('every action type is described in English and in French, with names from the rules texts', () => {
    const state = createInitialState(rules, 'explain');
    for (const type of ACTION_TYPES) {
      const text = describeAction(rules, state, SAMPLES[type]);
      expect(text.en.length, type).toBeGreaterThan(5);
      expect(text.fr.length, type).toBeGreaterThan(5);
      expect(text.fr, type).not.toBe(text.en);
    }
    expect(describeAction(rules, state, SAMPLES.build).en).toContain(rules.regions.GULF.name.en);
    expect(describeAction(rules, state, SAMPLES.build).fr).toContain(rules.regions.GULF.name.fr);
    expect(describeAction(rules, state, SAMPLES.playCard).fr).toContain(rules.cards.oraclePartnership!.name.fr);
  });

  test('every reason a bot gives exists in both languages', () => {
    for (const driver of ['vp', 'regions', 'agenda', 'money', 'capability', 'influence', 'risk', 'rivals', 'none'] as const) {
      expect(driverText(driver).en.length).toBeGreaterThan(5);
      expect(driverText(driver).fr.length).toBeGreaterThan(5);
    }
  });

  test('an event choice is explained with the option text of the event', () => {
    const state = positionsOf('explain-choice', 'random', 1000).find((s) => s.pending);
    if (!state) return;
    const seat = activeSeat(state) as FactionId;
    const decision = decide(rules, viewFor(state, seat), 'medium', 'x');
    const event = rules.events[state.pending!.eventId]!;
    expect(decision.explanation.en).toContain(event.name.en);
    expect(decision.explanation.fr).toContain(event.name.fr);
  });

  for (const level of BOT_LEVELS) {
    test(`every ${level} decision comes with a reason in both languages and valued alternatives`, () => {
      for (const state of positionsOf(`explain-${level}`, 'random', 6, 12)) {
        const seat = activeSeat(state) as FactionId;
        const d = decide(rules, viewFor(state, seat), level, 'x', { iterations: 8 });
        expect(d.explanation.en).toMatch(/: .+\.$/);
        expect(d.explanation.fr).toMatch(/ : .+\.$/);
        if (level !== 'random') expect(d.alternatives.length).toBeGreaterThan(0);
        for (const alt of d.alternatives) {
          expect(Number.isFinite(alt.value)).toBe(true);
          expect(alt.en.length).toBeGreaterThan(3);
          expect(alt.fr.length).toBeGreaterThan(3);
        }
      }
    });
  }
});

/** The regions an action names, if any. */
function regionsOf(action: Action): RegionId[] {
  if (action.type === 'release') return action.regions;
  return 'region' in action && action.region ? [action.region] : [];
}

const net = (s: GameState, id: FactionId) => incomeBreakdown(rules, s, id).total - upkeepCosts(rules, s, id).total;

/** Whether `aim` is true of the position `after` the move of `seat` from `before`, asked of the engine directly. */
function holds(aim: Aim, before: GameState, after: GameState, seat: FactionId): boolean {
  const a = after.factions[seat];
  const b = before.factions[seat];
  const leaders = 'region' in aim ? standingLeaders(rules, after, aim.region) : [];
  switch (aim.kind) {
    case 'frontier':
      return after.frontierReachedBy === seat;
    case 'racePrize':
      return after.race[String(aim.level)] === seat && before.race[String(aim.level)] !== seat;
    case 'vp':
      return a.vp - b.vp >= aim.vp;
    case 'regionLead':
      return leaders.length === 1 && leaders[0] === seat && (!aim.rival || standingLeaders(rules, before, aim.region).includes(aim.rival));
    case 'regionTie':
      return leaders.includes(seat) && leaders.includes(aim.rival) && aim.rival !== seat;
    case 'regionSecond':
      return !leaders.includes(seat) && regionPrizeWith(rules, after, aim.region, seat, 0) > regionPrizeWith(rules, before, aim.region, seat, 0);
    case 'regionDeny':
      return regionPrizeWith(rules, after, aim.region, aim.rival, 0) < regionPrizeWith(rules, before, aim.region, aim.rival, 0);
    case 'regionHold':
      return leaders.length === 1 && leaders[0] === seat && regionStanding(rules, after, seat, aim.region) > regionStanding(rules, before, seat, aim.region);
    case 'regionGain':
      return !leaders.includes(seat) && regionStanding(rules, after, aim.rival, aim.region) - regionStanding(rules, after, seat, aim.region) === aim.behind;
    case 'computeLead':
      return computePrizes(rules, after)[seat] === aim.vp && aim.vp === rules.game.computePrize?.vp[0];
    case 'computeSecond':
      return computePrizes(rules, after)[seat] > computePrizes(rules, before)[seat];
    case 'agenda':
      return agendaPoints(rules, after)[seat] - agendaPoints(rules, before)[seat] === aim.points;
    case 'agendaDeny':
      return agendaPoints(rules, before)[aim.rival] - agendaPoints(rules, after)[aim.rival] === aim.points;
    case 'capabilityLead':
      return soleCapabilityLeader(after) === seat && a.capability === aim.level;
    case 'capability':
      return a.capability === aim.level && a.capability > b.capability;
    case 'risk':
      return after.tracks.risk === aim.to && before.tracks.risk === aim.from && aim.to < aim.from;
    case 'income':
      return net(after, seat) - net(before, seat) === aim.amount;
    case 'compute':
      return computeIncome(rules, a) - computeIncome(rules, b) === aim.amount;
    case 'repay':
      return b.debt - a.debt === aim.amount;
    case 'borrow':
      return a.capital - b.capital === aim.amount && a.debt > b.debt;
    case 'capital':
      return a.capital - b.capital === aim.amount;
    case 'rivalCapital':
      return before.factions[aim.rival].capital - after.factions[aim.rival].capital === aim.amount;
    case 'slots':
      return (a.modules[aim.region] - b.modules[aim.region]) * rules.game.gpus.slotsPerModule === aim.slots;
    case 'track':
      return after.tracks[aim.track] === aim.level && before.tracks[aim.track] !== aim.level;
  }
}

/** Numbers in a text that no player-facing reason should show: internal values, long decimals, anything past a sane bound. */
function oddNumbers(text: string): string[] {
  return [...text.matchAll(/[−-]?\d+(?:[.,]\d+)?/gu)]
    .map((m) => m[0])
    .filter((n) => Math.abs(Number(n.replace('−', '-').replace(',', '.'))) > 300 || /[.,]\d\d/.test(n));
}

const LEVELS: { level: BotLevel; seeds: string[]; every: number }[] = [
  { level: 'random', seeds: ['claims-r1', 'claims-r2', 'claims-r3'], every: 3 },
  { level: 'medium', seeds: ['claims-m1', 'claims-m2', 'claims-m3'], every: 3 },
  { level: 'hard', seeds: ['claims-h1', 'claims-h2'], every: 8 },
  { level: 'expert', seeds: ['claims-e1', 'claims-e2'], every: 5 },
];

describe('bot explanations say what the move aims at, truly', () => {
  for (const { level, seeds, every } of LEVELS) {
    test(`every ${level} explanation names the move's region, shows no internal value or broken punctuation, and claims only what the position shows`, () => {
      let checked = 0;
      let claims = 0;
      for (const seed of seeds)
        for (const state of positionsOf(seed, 'medium', every, 40)) {
          const seat = activeSeat(state) as FactionId;
          const view = viewFor(state, seat);
          const d = decide(rules, view, level, `claims/${seed}`, { iterations: 6 });
          const label = `${level} ${seed} round ${state.round}: ${d.explanation.en}`;
          for (const lang of ['en', 'fr'] as const) {
            const text = d.explanation[lang];
            expect(text, label).toMatch(/\S.*\.$/u);
            expect(text, label).not.toMatch(/[{}]/u);
            expect(text, label).not.toMatch(/[.:;,!?]\s*[.:;,]|\.\./u);
            expect(oddNumbers(text), label).toEqual([]);
            for (const r of regionsOf(d.action))
              expect(text, label).toContain(regionName(rules, r, lang, d.action.type === 'exportStandards' && lang === 'en' ? 'the' : 'in'));
          }
          // The aims the explanation states, and every aim the move has, are true of the position after it.
          const after = cloneGame({ ...view, log: [] });
          expect(applyEffectsInPlace(rules, after, seat, d.action)).toBeNull();
          const aims = aimsOfAction(rules, view, seat, d.action);
          for (const aim of aims) expect(holds(aim, view, after, seat), `${label} — ${JSON.stringify(aim)}`).toBe(true);
          claims += aims.length;
          if (aims.length > 0) {
            // The explanation states the move's leading aim in each language, whichever the evaluation's driver put first.
            expect(chosenAims(aims).length).toBeGreaterThan(0);
            const anyStated = aims.some((aim) => d.explanation.en.includes(aimsText(rules, [aim]).en.replace(/^it /u, '')));
            expect(anyStated, label).toBe(true);
          } else if (level !== 'random') expect(d.explanation.en, label).toContain(aimsText(rules, []).en);
          if (d.action.type === 'train') expect(d.explanation.en, label).toContain('capability');
          checked++;
        }
      expect(checked).toBeGreaterThan(20);
      expect(claims).toBeGreaterThan(checked / 2);
    }, 120_000);
  }

  test("the simulator's medium choice, made without an explanation, is the explained decision's action", () => {
    for (const state of positionsOf('claims-fast', 'medium', 4, 20)) {
      const seat = activeSeat(state) as FactionId;
      expect(chooseAction(rules, state, seat, 'medium', 'fast')).toEqual(decide(rules, viewFor(state, seat), 'medium', 'fast').action);
    }
  });

  test("a search's margin is said in plain words, and a lost game or a catastrophe is no number of VP", () => {
    expect(gapText(rules, 0.3).en).toBe('less than one VP behind');
    expect(gapText(rules, 8.6).en).toBe('about 9 VP behind');
    expect(gapText(rules, 8.6).fr).toBe('environ 9 PV derrière');
    expect(gapText(rules, 1002.7).en).not.toMatch(/\d/u);
    expect(gapText(rules, 404.2).fr).not.toMatch(/\d/u);
  });

  test('an explanation drops the end punctuation of what the move is, so no ".:" appears', () => {
    const text = explanation(rules, { en: 'Give way.', fr: 'Céder.' }, { en: 'it lowers the risk', fr: 'cela baisse le risque' });
    expect(text).toEqual({ en: 'Give way: it lowers the risk.', fr: 'Céder : cela baisse le risque.' });
  });
});
