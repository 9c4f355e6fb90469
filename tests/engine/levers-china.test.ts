import { describe, expect, test } from 'vitest';
import { act, game, positionFor, refuse } from '../helpers/positions.js';

const china = game.china;

describe('state fund', () => {
  test('adds 4 capital and 1 Tension', () => {
    expect(china.stateFund).toBe(4);
    const next = act(positionFor('china'), 'china', { type: 'stateFund' });
    expect(next.factions.china.capital).toBe(25 + china.stateFund);
    expect(next.tracks.tension).toBe(4);
  });
});

describe('rare-earth curbs', () => {
  test('raise Tariffs by 1 and Tension by 1', () => {
    const next = act(positionFor('china'), 'china', { type: 'rareEarth' });
    expect([next.tracks.tariffs, next.tracks.tension]).toEqual([1, 4]);
  });

  test('are refused with Tariffs at 3', () => {
    expect(
      refuse(
        positionFor('china', (s) => (s.tracks.tariffs = 3)),
        'china',
        { type: 'rareEarth' },
      ).code,
    ).toBe('trackMax');
  });
});

describe('lobby for chips', () => {
  test('costs 6 and lowers export controls by 1', () => {
    const next = act(
      positionFor('china', (s) => (s.tracks.exportControls = 2)),
      'china',
      { type: 'lobbyChips' },
    );
    expect(next.tracks.exportControls).toBe(1);
    expect(next.factions.china.capital).toBe(25 - china.lobby);
  });

  test('works with Tension 5 and is refused with Tension 6', () => {
    expect(china.lobbyMaxTension).toBe(5);
    expect(
      act(
        positionFor('china', (s) => (s.tracks.tension = 5)),
        'china',
        { type: 'lobbyChips' },
      ).tracks.exportControls,
    ).toBe(0);
    expect(
      refuse(
        positionFor('china', (s) => (s.tracks.tension = 6)),
        'china',
        { type: 'lobbyChips' },
      ),
    ).toEqual({
      code: 'tensionTooHigh',
      params: { max: 5, level: 6 },
    });
  });

  test('is refused with export controls at 0 or without 6 capital', () => {
    expect(
      refuse(
        positionFor('china', (s) => (s.tracks.exportControls = 0)),
        'china',
        { type: 'lobbyChips' },
      ).code,
    ).toBe('trackMin');
    expect(
      refuse(
        positionFor('china', (s) => (s.factions.china.capital = 5)),
        'china',
        { type: 'lobbyChips' },
      ).code,
    ).toBe('capital');
  });
});

describe('China levers', () => {
  test('are China’s alone', () => {
    for (const type of ['stateFund', 'rareEarth', 'lobbyChips']) {
      expect(refuse(positionFor('us'), 'us', { type })).toEqual({ code: 'notYourLever', params: { faction: 'china' } });
      expect(refuse(positionFor('eu'), 'eu', { type }).code).toBe('notYourLever');
    }
  });
});
