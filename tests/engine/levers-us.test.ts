import { describe, expect, test } from 'vitest';
import { act, game, positionFor, refuse } from '../helpers/positions.js';

const us = game.us;

describe('call a partner', () => {
  test('SoftBank adds 19 and Oracle 11, each once a game', () => {
    const sb = act(positionFor('us'), 'us', { type: 'callPartner', partner: 'softbank' });
    expect(us.partners.softbank.capital).toBe(19);
    expect(sb.factions.us.capital).toBe(45 + 19);
    expect(sb.factions.us.partnersCalled).toEqual(['softbank']);
    expect(act(positionFor('us'), 'us', { type: 'callPartner', partner: 'oracle' }).factions.us.capital).toBe(45 + us.partners.oracle.capital);
    const again = positionFor('us', (s) => (s.factions.us.partnersCalled = ['softbank']));
    expect(refuse(again, 'us', { type: 'callPartner', partner: 'softbank' }).code).toBe('partnerCalled');
  });

  test('MGX adds 20 only with 2 influence in the Gulf', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'callPartner', partner: 'mgx' })).toEqual({ code: 'mgxGulf', params: { need: 2, have: 1 } });
    const s = positionFor('us', (s) => (s.factions.us.influence.GULF = 2));
    expect(act(s, 'us', { type: 'callPartner', partner: 'mgx' }).factions.us.capital).toBe(45 + us.partners.mgx.capital);
  });
});

describe('issue and repay bonds', () => {
  test('issuing adds 20 capital and 20 debt, as often as wanted', () => {
    const s = positionFor('us', (s) => (s.factions.us.debt = 20));
    const next = act(s, 'us', { type: 'issueBonds' });
    expect(next.factions.us.capital).toBe(45 + us.bonds);
    expect(next.factions.us.debt).toBe(20 + us.bonds);
  });

  test('repaying pays back 20 of debt, or the whole debt when it is smaller', () => {
    const big = act(
      positionFor('us', (s) => (s.factions.us.debt = 45)),
      'us',
      { type: 'repayBonds' },
    );
    expect([big.factions.us.capital, big.factions.us.debt]).toEqual([45 - us.repay, 45 - us.repay]);
    const small = act(
      positionFor('us', (s) => (s.factions.us.debt = 5)),
      'us',
      { type: 'repayBonds' },
    );
    expect([small.factions.us.capital, small.factions.us.debt]).toEqual([40, 0]);
  });

  test('repaying is refused without debt or without the capital', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'repayBonds' }).code).toBe('noDebt');
    const poor = positionFor('us', (s) => {
      s.factions.us.debt = 40;
      s.factions.us.capital = 19;
    });
    expect(refuse(poor, 'us', { type: 'repayBonds' }).code).toBe('capital');
  });
});

describe('Washington', () => {
  test('raising export controls or tariffs adds 1 Tension', () => {
    const ec = act(positionFor('us'), 'us', { type: 'washington', track: 'exportControls', delta: 1 });
    expect([ec.tracks.exportControls, ec.tracks.tension]).toEqual([2, 4]);
    const tariffs = act(positionFor('us'), 'us', { type: 'washington', track: 'tariffs', delta: 1 });
    expect([tariffs.tracks.tariffs, tariffs.tracks.tension]).toEqual([1, 4]);
  });

  test('lowering a track leaves Tension alone', () => {
    const next = act(positionFor('us'), 'us', { type: 'washington', track: 'exportControls', delta: -1 });
    expect([next.tracks.exportControls, next.tracks.tension]).toEqual([0, 3]);
  });

  test('is refused beyond the ends of the track (0 to 3)', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'washington', track: 'tariffs', delta: -1 }).code).toBe('trackMin');
    const top = positionFor('us', (s) => (s.tracks.exportControls = game.tracks.exportControls.max));
    expect(refuse(top, 'us', { type: 'washington', track: 'exportControls', delta: 1 }).code).toBe('trackMax');
  });
});

describe('pressure Brussels', () => {
  test('costs 5, suspends an enacted provision and adds 1 Tension', () => {
    const s = positionFor('us', (s) => (s.provisions.copyright = 'enacted'));
    const next = act(s, 'us', { type: 'pressureBrussels', provision: 'copyright' });
    expect(next.provisions.copyright).toBe('suspended');
    expect(next.factions.us.capital).toBe(45 - us.brussels);
    expect(next.tracks.tension).toBe(4);
  });

  test('is refused for a provision that is not enacted, or without 5 capital', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'pressureBrussels', provision: 'transparency' }).code).toBe('notEnacted');
    const poor = positionFor('us', (s) => {
      s.provisions.transparency = 'enacted';
      s.factions.us.capital = 4;
    });
    expect(refuse(poor, 'us', { type: 'pressureBrussels', provision: 'transparency' }).code).toBe('capital');
  });
});

describe('US levers', () => {
  test('are the US’s alone', () => {
    for (const action of [{ type: 'issueBonds' }, { type: 'callPartner', partner: 'oracle' }, { type: 'washington', track: 'tariffs', delta: 1 }]) {
      expect(refuse(positionFor('china'), 'china', action)).toEqual({ code: 'notYourLever', params: { faction: 'us' } });
      expect(refuse(positionFor('eu'), 'eu', action).code).toBe('notYourLever');
    }
  });
});
