import { describe, expect, test } from 'vitest';
import { boardModel } from '../../src/client/model/board-model.js';
import { BOARD_W, regionAt, REGION_SPOTS, tileRect } from '../../src/client/model/layout.js';
import { FACTION_LOOK } from '../../src/client/model/factions.js';
import { createInitialState, FACTIONS, REGIONS, viewFor } from '../../src/engine/index.js';
import { rules } from './helpers.js';

describe('the board model', () => {
  const state = createInitialState(rules, 'board-model');
  const view = viewFor(state, 'us');

  test('shows every region with each faction’s influence and modules', () => {
    const m = boardModel(rules, view, 'en');
    expect(m.regions.map((r) => r.id)).toEqual([...REGIONS]);
    const na = m.regions.find((r) => r.id === 'NA')!;
    expect(na.influence.us).toBe(state.factions.us.influence.NA);
    expect(na.modules.us).toBe(1);
    expect(na.freePower).toBe(na.power - 1);
  });

  test('marks as clickable only the regions it is told', () => {
    const m = boardModel(rules, view, 'en', { clickable: ['IN', 'GULF'] });
    expect(m.regions.filter((r) => r.clickable).map((r) => r.id)).toEqual(['GULF', 'IN']);
  });

  test('speaks the chosen language, headlines and regions included', () => {
    const fr = boardModel(rules, view, 'fr');
    expect(fr.regions.find((r) => r.id === 'NA')!.name).toBe('Amérique du Nord');
    expect(fr.labels.market).toBe('Marché des GPU');
    for (const h of fr.headlines) expect(h.name).toBe(rules.events[h.id]!.name.fr);
  });

  test('has the four tracks with their maxima and the three AI Act provisions', () => {
    const m = boardModel(rules, view, 'en');
    expect(m.tracks.map((t) => [t.id, t.max])).toEqual([
      ['risk', 12],
      ['tension', 10],
      ['exportControls', 3],
      ['tariffs', 3],
    ]);
    expect(m.provisions).toHaveLength(3);
    expect(m.year).toBe(2025);
  });

  test('hides other hands: only their sizes show', () => {
    const m = boardModel(rules, view, 'en');
    for (const f of m.factions) expect(f.hand).toBe(state.factions[f.id].hand.length);
  });
});

describe('the board layout', () => {
  test('region tiles do not overlap and sit inside the map', () => {
    for (const a of REGIONS) {
      const r = tileRect(a);
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(BOARD_W);
      expect(regionAt(REGION_SPOTS[a].x, REGION_SPOTS[a].y)).toBe(a);
    }
  });

  test('each faction differs by shape as well as by colour', () => {
    expect(new Set(FACTIONS.map((f) => FACTION_LOOK[f].shape)).size).toBe(3);
    expect(new Set(FACTIONS.map((f) => FACTION_LOOK[f].color)).size).toBe(3);
  });
});
