/**
 * The v2 rules, under the shipped rules: compute is physical (cloud compute is a rival's unused
 * compute, paid to that rival, closed to China by know-your-customer), a region's majority
 * counts data centers, home markets are protected, releases need a presence, the leader never
 * has the last word, and export controls cost the US its chip sales.
 */
import { describe, expect, test } from 'vitest';
import {
  agendaPoints,
  checkAction,
  incomeBreakdown,
  regionPrizes,
  regionStanding,
  trainCost,
  turnOrder,
  upkeepCosts,
  type FactionId,
  type GameState,
} from '../../src/engine/index.js';
import { act as actUnder, lastTurnFor, positionFor, setInfluence, shippedRules as rules } from '../helpers/positions.js';

const g = rules.game;

/** Applies a legal action under the shipped rules. */
const act = (state: GameState, seat: FactionId, action: unknown): GameState => actUnder(state, seat, action, rules);

describe('cloud compute is rented from rivals (training.cloudSource: rivals)', () => {
  test('a training short of compute rents the rest from the rival with the most unused compute and pays that rival', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.capability = 4;
      s.factions.us.compute = (g.training.costs[4] as number) - 3;
      s.factions.china.compute = 2;
      s.factions.eu.compute = 4;
    });
    const cost = trainCost(rules, s, 'us');
    expect(cost - s.factions.us.compute).toBe(3);
    const next = act(s, 'us', { type: 'train' });
    const price = g.training.cloudPrice as number;
    // The EU has the most unused compute: it lends all 3 units and is paid for them.
    expect(next.factions.eu.compute).toBe(1);
    expect(next.factions.eu.capital).toBe(s.factions.eu.capital + 3 * price);
    expect(next.factions.china.compute).toBe(2);
    expect(next.factions.us.capital).toBe(s.factions.us.capital - 3 * price);
    expect(next.factions.us.compute).toBe(0);
    expect(next.factions.us.capability).toBe(5);
  });

  test('a training is refused when the rivals have too little unused compute, and the reason says how much they have', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.capability = 4;
      s.factions.us.compute = 0;
      s.factions.china.compute = 1;
      s.factions.eu.compute = 2;
    });
    const reason = checkAction(rules, s, 'us', { type: 'train' });
    expect(reason?.code).toBe('computeRent');
    expect(reason?.params).toMatchObject({ compute: 0, rentable: 3 });
  });

  test('from export controls 2, China may neither rent from the others nor lend to them (know-your-customer)', () => {
    const open = positionFor('china', (s) => {
      s.tracks.exportControls = 1;
      s.factions.china.capability = 3;
      s.factions.china.compute = 0;
      s.factions.us.compute = 20;
    });
    expect(checkAction(rules, open, 'china', { type: 'train' })).toBeNull();
    const closed = structuredClone(open);
    closed.tracks.exportControls = g.training.cloudKycFrom as number;
    expect(checkAction(rules, closed, 'china', { type: 'train' })?.code).toBe('computeRent');
    const usShort = positionFor('us', (s) => {
      s.tracks.exportControls = 2;
      s.factions.us.capability = 4;
      s.factions.us.compute = 0;
      s.factions.china.compute = 20;
    });
    expect(checkAction(rules, usShort, 'us', { type: 'train' })?.code).toBe('computeRent');
  });

  test('China trains one compute cheaper a step (trainingEfficiency)', () => {
    const s = positionFor('china', (s) => {
      s.factions.china.capability = 5;
      s.factions.us.capability = 5;
    });
    expect(trainCost(rules, s, 'china')).toBe((g.training.costs[5] as number) - 1);
    expect(trainCost(rules, s, 'us')).toBe(g.training.costs[5]);
  });
});

describe('regions: data centers count, and home markets are protected', () => {
  test('a faction’s standing in a region is its influence plus one per data-center module, and majorities are scored on it', () => {
    const s = positionFor('us', (s) => {
      setInfluence(s, 'IN', { us: 3, eu: 4 });
      s.factions.us.modules.IN = 2;
    });
    expect(regionStanding(rules, s, 'us', 'IN')).toBe(5);
    expect(regionStanding(rules, s, 'eu', 'IN')).toBe(4);
    const before = regionPrizes(rules, { ...s, factions: { ...s.factions, us: { ...s.factions.us, modules: { ...s.factions.us.modules, IN: 0 } } } });
    const after = regionPrizes(rules, s);
    // India is worth 3: with its data centers the US takes first place (3) from the EU.
    expect(after.us - before.us).toBe(2);
    expect(before.eu - after.eu).toBe(2);
  });

  test('a faction may hold 8 influence at home, and 6 elsewhere', () => {
    const home = positionFor('china', (s) => {
      s.factions.china.influence.CN = 7;
    });
    expect(act(home, 'china', { type: 'expand', region: 'CN' }).factions.china.influence.CN).toBe(g.limits.homeInfluence);
    const abroad = positionFor('china', (s) => {
      s.factions.china.influence.SEA = g.limits.influence;
    });
    expect(checkAction(rules, abroad, 'china', { type: 'expand', region: 'SEA' })?.code).toBe('influenceFull');
  });
});

describe('open-weight releases need a presence and add Risk only at the top', () => {
  test('a release reaches only regions with the releaser’s data center, country deal or home', () => {
    const s = positionFor('china', (s) => {
      s.factions.china.capability = 4;
      s.factions.china.modules.SEA = 0;
    });
    expect(checkAction(rules, s, 'china', { type: 'release', regions: ['CN', 'SEA'] })?.code).toBe('releaseRegionsPresence');
    expect(checkAction(rules, s, 'china', { type: 'release', regions: ['CN'] })).toBeNull();
    s.factions.china.modules.SEA = 1;
    s.factions.china.deals.push('AF');
    expect(checkAction(rules, s, 'china', { type: 'release', regions: ['CN', 'SEA', 'AF'] })).toBeNull();
  });

  test('a release at capability 5 adds Risk only when the releaser holds the top capability', () => {
    const behind = positionFor('china', (s) => {
      s.factions.china.capability = 5;
      s.factions.us.capability = 6;
    });
    expect(act(behind, 'china', { type: 'release', regions: ['CN'] }).tracks.risk).toBe(behind.tracks.risk);
    const top = positionFor('china', (s) => {
      s.factions.china.capability = 6;
      s.factions.us.capability = 6;
    });
    expect(act(top, 'china', { type: 'release', regions: ['CN'] }).tracks.risk).toBe(top.tracks.risk + 1);
  });
});

describe('turn order, chip sales and deals', () => {
  test('the most VP act first, so the leader never has the last word; ties: lower capability first', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.vp = 10;
      s.factions.china.vp = 4;
      s.factions.eu.vp = 4;
      s.factions.china.capability = 5;
      s.factions.eu.capability = 2;
    });
    expect(turnOrder(rules, s)).toEqual(['us', 'eu', 'china']);
  });

  test('the US earns $1B a round for each export-control level below the maximum (chip sales to China)', () => {
    const s = positionFor('us');
    const at = (level: number) => {
      s.tracks.exportControls = level;
      return incomeBreakdown(rules, s, 'us').chipSales;
    };
    expect([at(0), at(1), at(2), at(3)]).toEqual([3, 2, 1, 0]);
    expect(incomeBreakdown(rules, s, 'china').chipSales).toBe(0);
  });

  test('a country deal brings influence and income but no free data center', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.influence.IN = 2;
      s.factions.us.capital = 50;
    });
    const next = act(s, 'us', { type: 'deal', region: 'IN' });
    expect(next.factions.us.modules.IN).toBe(0);
    expect(next.factions.us.influence.IN).toBe(2 + g.costs.dealInfluence);
    expect(next.factions.us.capital).toBe(50 - g.costs.deal);
  });
});

describe('the books close before the last upkeep (upkeep.settleLastRound: false)', () => {
  /** The US's last action of a round, with $20B and $20B of debt. */
  const lastActionOf = (round: number): GameState =>
    lastTurnFor('us', (s) => {
      s.round = round;
      s.factions.us.capital = 20;
      s.factions.us.debt = 20;
    });

  test('an upkeep before the last pays income and charges power and interest', () => {
    const s = lastActionOf(7);
    const net = incomeBreakdown(rules, s, 'us').total - upkeepCosts(rules, s, 'us').total;
    const next = act(s, 'us', { type: 'collect' });
    expect(next.round).toBe(8);
    expect(net).not.toBe(0);
    expect(next.factions.us.capital).toBe(20 + g.costs.collect + net);
  });

  test('the last round’s upkeep pays no income and charges nothing: money that could no longer be spent never arrives', () => {
    const next = act(lastActionOf(8), 'us', { type: 'collect' });
    expect(next.phase).toBe('over');
    expect(next.factions.us.capital).toBe(20 + g.costs.collect);
    expect(next.factions.us.debt).toBe(20);
  });

  test('the upkeep of a round in which a faction reached capability 10 is the last, so it closes the books too', () => {
    const s = lastActionOf(5);
    s.frontierReachedBy = 'china';
    const next = act(s, 'us', { type: 'collect' });
    expect(next.phase).toBe('over');
    expect(next.factions.us.capital).toBe(20 + g.costs.collect);
  });
});

describe('China’s agenda counts at most four release regions (agendas.china.maxReleaseRegions)', () => {
  test('releases in six regions held with 2 influence score four regions', () => {
    const a = rules.game.agendas.china;
    expect(a.maxReleaseRegions).toBe(4);
    const s = positionFor('china', (s) => {
      s.factions.china.releasedIn = ['CN', 'SEA', 'AF', 'LATAM', 'IN', 'GULF'];
      for (const r of s.factions.china.releasedIn) s.factions.china.influence[r] = 2;
      s.factions.us.capability = 9;
      s.factions.china.capability = 3;
    });
    expect(agendaPoints(rules, s).china).toBe(4 * a.perReleaseRegion);
    s.factions.china.releasedIn = ['CN', 'SEA', 'AF'];
    expect(agendaPoints(rules, s).china).toBe(3 * a.perReleaseRegion);
  });
});
