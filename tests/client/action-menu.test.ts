import { describe, expect, test } from 'vitest';
import { actionMenu, clickableRegions, mainReason, reasonSummary, releaseAction } from '../../src/client/model/action-menu.js';
import {
  activeSeat,
  applyActionInPlace,
  checkAction,
  createInitialState,
  legalActions,
  viewFor,
  type FactionId,
  type GameState,
} from '../../src/engine/index.js';
import { rules } from './helpers.js';

/** A state where it is `seat`'s turn to take an ordinary action (headline choices answered by the first option). */
function turnOf(seat: FactionId): GameState {
  const state = createInitialState(rules, 'menu-test');
  for (let i = 0; i < 20; i++) {
    const active = activeSeat(state)!;
    if (active === seat && !state.pending) return state;
    const legal = legalActions(rules, state, active);
    applyActionInPlace(rules, state, active, legal.find((a) => a.type === 'collect') ?? legal[0]!);
  }
  throw new Error('no turn found');
}

describe('the action panel as data', () => {
  test('groups the seat’s actions, each with a label and a cost', () => {
    const menu = actionMenu(rules, viewFor(turnOf('us'), 'us'), 'en');
    expect(menu.myTurn).toBe(true);
    const ids = menu.groups.map((g) => g.id);
    expect(ids).toEqual(['grow', 'models', 'influence', 'finance', 'policy']);
    const build = menu.groups[0]!.items.find((i) => i.type === 'build')!;
    expect(build.label).toBe('Build a data-center module');
    expect(build.cost).toMatch(/\$\d+/);
    expect(menu.groups.flatMap((g) => g.items).some((i) => i.type === 'callPartner')).toBe(true);
    expect(menu.groups.flatMap((g) => g.items).some((i) => i.type === 'stateFund')).toBe(false);
  });

  test('training shows its compute, and the cloud compute in $B when the seat lacks some', () => {
    const state = turnOf('us');
    // Cloud compute is rented from rivals' unused compute (rules v2): China has some to lend.
    state.factions.china.compute = 5;
    const need = rules.game.training.costs[state.factions.us.capability] as number;
    const trainItem = (compute: number, lang: 'en' | 'fr') => {
      state.factions.us.compute = compute;
      return actionMenu(rules, viewFor(state, 'us'), lang)
        .groups.flatMap((g) => g.items)
        .find((i) => i.type === 'train');
    };
    expect(trainItem(need, 'en')?.cost).toBe(`${need} compute`);
    const price = rules.game.training.cloudPrice as number;
    expect(trainItem(need - 2, 'en')?.cost).toBe(`${need - 2} compute + $${2 * price}B cloud`);
    expect(trainItem(need - 2, 'fr')?.cost).toBe(`${need - 2} de calcul + ${2 * price} Md$ en nuage`);
  });

  test('every option is enabled exactly when the engine allows it', () => {
    const state = turnOf('china');
    const view = viewFor(state, 'china');
    const menu = actionMenu(rules, view, 'en');
    for (const item of menu.groups.flatMap((g) => g.items))
      for (const o of item.options) expect(o.enabled, o.key).toBe(checkAction(rules, view, 'china', o.action) === null);
  });

  test('a refused option carries the engine’s reason in the chosen language', () => {
    const state = turnOf('china');
    const menu = actionMenu(rules, viewFor(state, 'china'), 'fr');
    const build = menu.groups.flatMap((g) => g.items).find((i) => i.type === 'build')!;
    const na = build.options.find((o) => o.region === 'NA')!;
    expect(na.enabled).toBe(false);
    expect(na.reason).toContain('Amérique du Nord');
  });

  test('only legal regions are clickable on the map', () => {
    const menu = actionMenu(rules, viewFor(turnOf('us'), 'us'), 'en');
    const expand = menu.groups.flatMap((g) => g.items).find((i) => i.type === 'expand')!;
    const regions = clickableRegions(expand);
    expect(regions.length).toBeGreaterThan(0);
    for (const r of regions) expect(expand.options.find((o) => o.region === r)?.enabled).toBe(true);
    expect(clickableRegions(null)).toEqual([]);
  });

  test('nothing is enabled when it is not the seat’s turn, and one line says so', () => {
    const state = turnOf('us');
    const other = (['china', 'eu'] as const).find((s) => s !== activeSeat(state))!;
    const menu = actionMenu(rules, viewFor(state, other), 'en');
    expect(menu.myTurn).toBe(false);
    for (const item of menu.groups.flatMap((g) => g.items)) {
      expect(item.enabled).toBe(false);
      expect(item.reason).toBeNull();
    }
  });

  test('a release is found whatever the order the regions were picked in', () => {
    const state = turnOf('china');
    // Releases reach regions where China has a data center or a deal (rules v2): give it two more.
    state.factions.china.modules.SEA = 1;
    state.factions.china.deals.push('AF');
    const menu = actionMenu(rules, viewFor(state, 'china'), 'en');
    const release = menu.groups.flatMap((g) => g.items).find((i) => i.type === 'release')!;
    const pick = release.release!.eligible.slice(0, release.release!.count);
    expect(releaseAction(release, [...pick].reverse())).not.toBeNull();
    expect(releaseAction(release, pick.slice(0, 1))).toBeNull();
  });

  test('the most frequent refusal explains a closed action', () => {
    expect(mainReason([{ code: 'capital' }, { code: 'noPower' }, { code: 'noPower' }])?.code).toBe('noPower');
    expect(mainReason([])).toBeNull();
  });

  test('the hand lists the seat’s cards with their texts', () => {
    const state = turnOf('eu');
    const menu = actionMenu(rules, viewFor(state, 'eu'), 'en');
    expect(menu.hand.map((c) => c.id)).toEqual(state.factions.eu.hand);
    for (const c of menu.hand) expect(c.text.length).toBeGreaterThan(10);
  });

  test('a greyed-out action sums up every case, not one region picked at random', () => {
    const standards = (region: string, have: number) => ({ code: 'standardsInfluence' as const, params: { region, need: 2, have } });
    const en = reasonSummary(rules, [standards('GULF', 0), standards('IN', 1), standards('SEA', 0)], 'en');
    expect(en).toBe('Export standards need 2 EU influence in a region: the EU has at most 1 in any region.');
    const fr = reasonSummary(rules, [standards('GULF', 0), standards('IN', 1)], 'fr');
    expect(fr).toContain('au plus 1');
    const mixed = reasonSummary(
      rules,
      [
        { code: 'noPower', params: { region: 'NA' } },
        { code: 'noPower', params: { region: 'EU' } },
        { code: 'capital', params: { cost: 8, capital: 3 } },
      ],
      'en',
    );
    expect(mixed).toBe('No free power left in North America. The same in one other region. Also: Costs $8B; you have $3B.');
    expect(reasonSummary(rules, [], 'en')).toBeNull();
  });
});
