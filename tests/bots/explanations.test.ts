import { describe, expect, test } from 'vitest';
import { ACTION_TYPES, activeSeat, createInitialState, viewFor, type Action, type ActionType, type FactionId } from '../../src/engine/index.js';
import { BOT_LEVELS, decide, describeAction } from '../../src/bots/index.js';
import { driverText } from '../../src/bots/explain.js';
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
