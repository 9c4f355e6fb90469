import { describe, expect, test } from 'vitest';
import { act, game, positionFor, refuse } from '../helpers/positions.js';

const eu = game.eu;

describe('enact a provision', () => {
  test('costs 4, enacts it and lowers Risk by 1', () => {
    for (const provision of ['transparency', 'riskManagement', 'copyright'] as const) {
      const next = act(positionFor('eu'), 'eu', { type: 'enact', provision });
      expect(next.provisions[provision]).toBe('enacted');
      expect(next.factions.eu.capital).toBe(30 - eu.enact);
      expect(next.tracks.risk).toBe(1);
    }
  });

  test('is refused for an enacted provision but re-enacts a suspended one', () => {
    expect(
      refuse(
        positionFor('eu', (s) => (s.provisions.copyright = 'enacted')),
        'eu',
        { type: 'enact', provision: 'copyright' },
      ).code,
    ).toBe('alreadyEnacted');
    const s = positionFor('eu', (s) => (s.provisions.copyright = 'suspended'));
    expect(act(s, 'eu', { type: 'enact', provision: 'copyright' }).provisions.copyright).toBe('enacted');
  });

  test('is refused without 4 capital', () => {
    expect(
      refuse(
        positionFor('eu', (s) => (s.factions.eu.capital = 3)),
        'eu',
        { type: 'enact', provision: 'copyright' },
      ).code,
    ).toBe('capital');
  });
});

describe('export standards', () => {
  test('bring a region where the EU has 2 influence under EU rules, for free', () => {
    const s = positionFor('eu', (s) => (s.factions.eu.influence.AF = eu.standardsInfluence));
    const next = act(s, 'eu', { type: 'exportStandards', region: 'AF' });
    expect(next.euRules).toEqual(['AF']);
    expect(next.factions.eu.capital).toBe(30);
  });

  test('need 2 EU influence in the region', () => {
    expect(refuse(positionFor('eu'), 'eu', { type: 'exportStandards', region: 'AF' })).toEqual({
      code: 'standardsInfluence',
      params: { region: 'AF', need: 2, have: 1 },
    });
  });

  test('are refused in another power’s home, in Europe and where EU rules already apply', () => {
    const s = positionFor('eu', (s) => {
      s.factions.eu.influence.NA = 3;
      s.factions.eu.influence.CN = 3;
      s.factions.eu.influence.AF = 3;
      s.euRules = ['AF'];
    });
    expect(refuse(s, 'eu', { type: 'exportStandards', region: 'NA' }).code).toBe('standardsHome');
    expect(refuse(s, 'eu', { type: 'exportStandards', region: 'CN' }).code).toBe('standardsHome');
    expect(refuse(s, 'eu', { type: 'exportStandards', region: 'EU' }).code).toBe('alreadyUnderRules');
    expect(refuse(s, 'eu', { type: 'exportStandards', region: 'AF' }).code).toBe('alreadyUnderRules');
  });
});

describe('InvestAI', () => {
  test('adds 12 capital once a round', () => {
    expect(eu.investAI).toBe(12);
    const next = act(positionFor('eu'), 'eu', { type: 'investAI' });
    expect(next.factions.eu.capital).toBe(30 + eu.investAI);
    expect(next.factions.eu.investAIThisRound).toBe(true);
    expect(
      refuse(
        positionFor('eu', (s) => (s.factions.eu.investAIThisRound = true)),
        'eu',
        { type: 'investAI' },
      ).code,
    ).toBe('investAIDone');
  });
});

describe('fine', () => {
  test('makes a faction that broke an enacted provision pay 5 to the EU and clears its breaches', () => {
    const s = positionFor('eu', (s) => {
      s.provisions.copyright = 'enacted';
      s.factions.us.breaches = ['copyright'];
    });
    const next = act(s, 'eu', { type: 'fine', target: 'us' });
    expect(next.factions.us.capital).toBe(45 - eu.fine);
    expect(next.factions.eu.capital).toBe(30 + eu.fine);
    expect(next.factions.us.breaches).toEqual([]);
  });

  test('takes no more than the target has', () => {
    const s = positionFor('eu', (s) => {
      s.factions.china.breaches = ['riskManagement'];
      s.factions.china.capital = 2;
    });
    const next = act(s, 'eu', { type: 'fine', target: 'china' });
    expect([next.factions.china.capital, next.factions.eu.capital]).toEqual([0, 32]);
  });

  test('is refused for a faction without a breach and for the EU itself', () => {
    expect(refuse(positionFor('eu'), 'eu', { type: 'fine', target: 'us' })).toEqual({ code: 'noBreach', params: { faction: 'us' } });
    expect(refuse(positionFor('eu'), 'eu', { type: 'fine', target: 'eu' }).code).toBe('fineSelf');
  });
});

describe('EU levers', () => {
  test('are the EU’s alone', () => {
    for (const action of [
      { type: 'investAI' },
      { type: 'enact', provision: 'copyright' },
      { type: 'exportStandards', region: 'AF' },
      { type: 'fine', target: 'china' },
    ]) {
      expect(refuse(positionFor('us'), 'us', action)).toEqual({ code: 'notYourLever', params: { faction: 'eu' } });
      expect(refuse(positionFor('china'), 'china', action).code).toBe('notYourLever');
    }
  });
});
