import { describe, expect, test } from 'vitest';
import { freeSlotsFor, gpuPrice, slotAccepts } from '../../src/engine/index.js';
import { act, cleanStart, clearGpus, game, positionFor, refuse, rules } from '../helpers/positions.js';

const gpus = game.gpus;

describe('the GPU market', () => {
  test('offers 6 frontier units each round at 2 plus Tariffs', () => {
    expect(gpus.marketUnits).toBe(6);
    expect(cleanStart().market.units).toBe(6);
    for (let tariffs = 0; tariffs <= 3; tariffs++) {
      const s = positionFor('us', (s) => (s.tracks.tariffs = tariffs));
      expect(gpuPrice(rules, s, 'us', 'frontier')).toBe(gpus.frontierPrice + tariffs);
      expect(gpuPrice(rules, s, 'us', 'export')).toBe(gpus.exportPrice + tariffs);
    }
  });

  test('is refilled at the start of each round', () => {
    let s = positionFor('us', (s) => {
      s.market.units = 0;
      s.eventDecks = s.eventDecks.map(() => []);
      s.actionRound = game.rounds.actionRounds - 1;
      s.turnIndex = 2;
      s.order = ['china', 'eu', 'us'];
    });
    s = act(s, 'us', { type: 'collect' });
    expect(s.round).toBe(2);
    expect(s.market.units).toBe(gpus.marketUnits);
  });
});

describe('buy GPUs', () => {
  test('buys 1 to 3 units at the market price into free module slots', () => {
    const s = positionFor('us', (s) => {
      s.tracks.tariffs = 1;
      s.factions.us.modules.NA = 2;
    });
    const next = act(s, 'us', { type: 'buyGpus', kind: 'frontier', count: 3 });
    expect(next.factions.us.capital).toBe(45 - 3 * (gpus.frontierPrice + 1));
    expect(next.market.units).toBe(gpus.marketUnits - 3);
    expect(next.factions.us.gpus.NA.frontier).toBe(6);
    expect(refuse(s, 'us', { type: 'buyGpus', kind: 'frontier', count: 4 })).toEqual({ code: 'maxBuy', params: { max: 3 } });
  });

  test('needs a free slot for each unit: a module holds 4', () => {
    expect(gpus.slotsPerModule).toBe(4);
    const s = positionFor('us');
    expect(freeSlotsFor(rules, s, 'us', 'frontier')).toBe(1);
    expect(refuse(s, 'us', { type: 'buyGpus', kind: 'frontier', count: 2 })).toEqual({ code: 'noSlots', params: { slots: 1 } });
  });

  test('fills the home region first, then other regions in board order', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.modules.GULF = 1;
      s.factions.us.modules.JK = 1;
    });
    const next = act(s, 'us', { type: 'buyGpus', kind: 'frontier', count: 3 });
    expect([next.factions.us.gpus.NA.frontier, next.factions.us.gpus.GULF.frontier, next.factions.us.gpus.JK.frontier]).toEqual([4, 2, 0]);
  });

  test('is refused when the market has too few units left', () => {
    const s = positionFor('us', (s) => {
      s.market.units = 2;
      s.factions.us.modules.NA = 2;
    });
    expect(refuse(s, 'us', { type: 'buyGpus', kind: 'frontier', count: 3 })).toEqual({ code: 'marketEmpty', params: { units: 2 } });
  });

  test('is refused without the capital', () => {
    const s = positionFor('us', (s) => (s.factions.us.capital = 1));
    expect(refuse(s, 'us', { type: 'buyGpus', kind: 'frontier', count: 1 }).code).toBe('capital');
  });
});

describe('export controls', () => {
  const china = (ec: number, edit?: Parameters<typeof positionFor>[1]) =>
    positionFor('china', (s) => {
      s.tracks.exportControls = ec;
      clearGpus(s, 'china');
      edit?.(s);
    });

  test('at level 0 let China buy frontier units', () => {
    expect(act(china(0), 'china', { type: 'buyGpus', kind: 'frontier', count: 2 }).factions.china.gpus.CN.frontier).toBe(2);
  });

  test('at level 1 let China buy only export-grade units', () => {
    expect(refuse(china(1), 'china', { type: 'buyGpus', kind: 'frontier', count: 1 })).toEqual({ code: 'ecFrontier', params: { level: 1 } });
    const next = act(china(1), 'china', { type: 'buyGpus', kind: 'export', count: 3 });
    expect(next.factions.china.gpus.CN.export).toBe(3);
    expect(next.factions.china.capital).toBe(25 - 3 * gpus.exportPrice);
  });

  test('at level 2 give China no market units except into a data center in a diversion region (SEA, GULF)', () => {
    expect(refuse(china(2), 'china', { type: 'buyGpus', kind: 'export', count: 1 })).toEqual({ code: 'ecExport', params: { level: 2 } });
    const s = china(2, (s) => (s.factions.china.modules.SEA = 1));
    const next = act(s, 'china', { type: 'buyGpus', kind: 'export', count: 3 });
    expect(next.factions.china.gpus.SEA.export).toBe(3);
    expect(next.factions.china.gpus.CN.export).toBe(0);
    expect(slotAccepts(rules, s, 'china', 'GULF', 'export')).toBe(true);
    expect(slotAccepts(rules, s, 'china', 'CN', 'export')).toBe(false);
  });

  test('at level 3 close the SEA and GULF diversion for everyone’s export-grade units', () => {
    const s = china(3, (s) => (s.factions.china.modules.SEA = 1));
    expect(refuse(s, 'china', { type: 'buyGpus', kind: 'export', count: 1 }).code).toBe('ecExport');
    const usOnlyGulf = positionFor('us', (s) => {
      s.tracks.exportControls = 3;
      s.factions.us.modules.GULF = 1;
      s.factions.us.gpus.NA.frontier = 4;
    });
    expect(refuse(usOnlyGulf, 'us', { type: 'buyGpus', kind: 'export', count: 1 })).toEqual({ code: 'noSlots', params: { slots: 0 } });
    expect(act(usOnlyGulf, 'us', { type: 'buyGpus', kind: 'frontier', count: 1 }).factions.us.gpus.GULF.frontier).toBe(1);
    for (const r of ['SEA', 'GULF'] as const) expect(slotAccepts(rules, s, 'us', r, 'export')).toBe(false);
    expect(slotAccepts(rules, s, 'us', 'NA', 'export')).toBe(true);
  });

  test('at level 2 do not limit the US or the EU', () => {
    const s = positionFor('eu', (s) => (s.tracks.exportControls = 2));
    expect(act(s, 'eu', { type: 'buyGpus', kind: 'frontier', count: 3 }).factions.eu.gpus.EU.frontier).toBe(4);
  });
});

describe('domestic chips', () => {
  test('are China’s only', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'buyGpus', kind: 'domestic', count: 1 }).code).toBe('domesticOnlyChina');
  });

  test('cost 2 each whatever the Tariffs, take nothing from the market, and work under export controls 3', () => {
    const s = positionFor('china', (s) => {
      s.tracks.tariffs = 3;
      s.tracks.exportControls = 3;
      clearGpus(s, 'china');
    });
    const next = act(s, 'china', { type: 'buyGpus', kind: 'domestic', count: 2 });
    expect(next.factions.china.capital).toBe(25 - 2 * gpus.domesticPrice);
    expect(next.factions.china.gpus.CN.domestic).toBe(2);
    expect(next.market.units).toBe(gpus.marketUnits);
  });

  test('are limited to 2 a round', () => {
    const s = positionFor('china', (s) => {
      clearGpus(s, 'china');
      s.factions.china.domesticBoughtThisRound = 1;
    });
    expect(refuse(s, 'china', { type: 'buyGpus', kind: 'domestic', count: 2 })).toEqual({ code: 'domesticLimit', params: { max: 2, left: 1 } });
    expect(act(s, 'china', { type: 'buyGpus', kind: 'domestic', count: 1 }).factions.china.domesticBoughtThisRound).toBe(2);
  });
});
