import { describe, expect, test } from 'vitest';
import { FACTIONS, activeSeat, incomeBreakdown, legalActions, turnOrder } from '../../src/engine/index.js';
import { releaseReach } from '../../src/engine/release.js';
import { act, game, positionFor, refuse, rules } from '../helpers/positions.js';

const c = game.costs;

describe('build a module', () => {
  test('costs 8 plus tariffs and adds one influence', () => {
    const s = positionFor('us', (s) => (s.tracks.tariffs = 2));
    const next = act(s, 'us', { type: 'build', region: 'GULF' });
    expect(c.build).toBe(8);
    expect(next.factions.us.capital).toBe(45 - (c.build + 2));
    expect(next.factions.us.modules.GULF).toBe(1);
    expect(next.factions.us.influence.GULF).toBe(1 + c.buildInfluence);
  });

  test('costs the compliance surcharge more for a non-EU faction in a region under EU rules, not for the EU', () => {
    const s = positionFor('us', (s) => (s.provisions.transparency = 'enacted'));
    expect(act(s, 'us', { type: 'build', region: 'EU' }).factions.us.capital).toBe(45 - c.build - c.compliance);
    const e = positionFor('eu', (s) => (s.provisions.transparency = 'enacted'));
    expect(act(e, 'eu', { type: 'build', region: 'EU' }).factions.eu.capital).toBe(30 - c.build);
  });

  test('needs at least one influence in the region', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'build', region: 'LATAM' }).code).toBe('noInfluence');
  });

  test('is forbidden to the US in China and to China in North America and Japan & Korea', () => {
    expect(
      refuse(
        positionFor('us', (s) => (s.factions.us.influence.CN = 2)),
        'us',
        { type: 'build', region: 'CN' },
      ).code,
    ).toBe('forbidden');
    for (const region of ['NA', 'JK'] as const) {
      const s = positionFor('china', (s) => (s.factions.china.influence[region] = 2));
      expect(refuse(s, 'china', { type: 'build', region }).code).toBe('forbidden');
    }
  });

  test('needs free power in the region (modules of every faction count)', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.modules.JK = 1;
      s.factions.eu.modules.JK = rules.regions.JK.power - 1;
    });
    expect(refuse(s, 'us', { type: 'build', region: 'JK' }).code).toBe('noPower');
  });

  test('is refused when the faction cannot pay, with the cost in the reason', () => {
    const s = positionFor('us', (s) => {
      s.tracks.tariffs = 1;
      s.factions.us.capital = c.build;
    });
    const reason = refuse(s, 'us', { type: 'build', region: 'NA' });
    expect(reason).toEqual({ code: 'capital', params: { cost: c.build + 1, capital: c.build } });
  });
});

describe('release open weights', () => {
  test('needs capability 2', () => {
    expect(game.release.minCapability).toBe(2);
    expect(refuse(positionFor('eu'), 'eu', { type: 'release', regions: ['EU', 'AF', 'LATAM', 'IN'] }).code).toBe('releaseCapability');
  });

  test('adds one influence in as many regions as the faction reaches (the US 3, China and the EU 4), where it has influence, and records them', () => {
    expect([releaseReach(rules, 'us'), releaseReach(rules, 'china'), releaseReach(rules, 'eu')]).toEqual([3, 4, 4]);
    const next = act(positionFor('us'), 'us', { type: 'release', regions: ['NA', 'JK', 'EU'] });
    const inf = next.factions.us.influence;
    expect([inf.NA, inf.JK, inf.EU, inf.GULF, inf.IN]).toEqual([4, 3, 2, 1, 1]);
    expect(next.factions.us.releasedIn).toEqual(['NA', 'JK', 'EU']);
    expect(next.factions.us.releasedThisRound).toBe(true);
    const china = act(positionFor('china'), 'china', { type: 'release', regions: ['CN', 'SEA', 'AF', 'GULF'] }).factions.china;
    expect([china.influence.CN, china.influence.SEA, china.influence.AF, china.influence.GULF]).toEqual([5, 3, 2, 2]);
    expect(china.releasedIn).toEqual(['CN', 'SEA', 'AF', 'GULF']);
  });

  test('reaches its full number of regions once a round; a further release that round reaches 1', () => {
    const s = positionFor('us', (s) => (s.factions.us.releasedThisRound = true));
    expect(refuse(s, 'us', { type: 'release', regions: ['NA', 'JK', 'EU'] })).toEqual({ code: 'releaseFurther', params: { count: 1, max: 5 } });
    expect(act(s, 'us', { type: 'release', regions: ['JK'] }).factions.us.influence.JK).toBe(s.factions.us.influence.JK + 1);
  });

  test('must name as many regions as it can, up to its reach, each with influence from 1 to 5', () => {
    expect(game.release.maxInfluence).toBe(5);
    // The US has influence 1 to 5 in five regions and reaches 3: it must name exactly 3 of them.
    const s = positionFor('us');
    expect(refuse(s, 'us', { type: 'release', regions: ['NA', 'JK'] })).toEqual({ code: 'releaseRegions', params: { count: 3, max: 5 } });
    expect(refuse(s, 'us', { type: 'release', regions: ['NA', 'JK', 'EU', 'GULF'] }).code).toBe('releaseRegions');
    expect(refuse(s, 'us', { type: 'release', regions: ['NA', 'JK', 'LATAM'] }).code).toBe('releaseRegions');
    // China reaches 4 but, with influence 6 at home, has only three eligible regions: it names those three.
    const china = positionFor('china', (s) => (s.factions.china.influence.CN = 6));
    expect(refuse(china, 'china', { type: 'release', regions: ['CN', 'SEA', 'AF', 'GULF'] }).code).toBe('releaseRegions');
    const next = act(china, 'china', { type: 'release', regions: ['SEA', 'AF', 'GULF'] });
    expect(next.factions.china.influence.CN).toBe(6);
    expect(next.factions.china.influence.SEA).toBe(3);
  });

  test('costs the capability leader one income next upkeep when a rival within one level releases', () => {
    const s = positionFor('china', (s) => (s.factions.us.capability = 4));
    const next = act(s, 'china', { type: 'release', regions: ['CN', 'SEA', 'AF', 'GULF'] });
    expect(next.factions.us.commoditisation).toBe(1);
    expect(incomeBreakdown(rules, next, 'us').commoditisation).toBe(-1);
    expect(incomeBreakdown(rules, next, 'us').total).toBe(incomeBreakdown(rules, s, 'us').total - 1);
  });

  test('costs the leader nothing when the releasing rival is two levels behind', () => {
    const s = positionFor('china', (s) => (s.factions.us.capability = 5));
    expect(act(s, 'china', { type: 'release', regions: ['CN', 'SEA', 'AF', 'GULF'] }).factions.us.commoditisation).toBe(0);
  });

  test('raises Risk by 1 from capability 5, even after investing in safety', () => {
    expect(game.release.riskFromLevel).toBe(5);
    const start = game.tracks.risk.start;
    const low = positionFor('us', (s) => (s.factions.us.capability = game.release.riskFromLevel - 1));
    expect(act(low, 'us', { type: 'release', regions: ['NA', 'JK', 'EU'] }).tracks.risk).toBe(start);
    const high = positionFor('us', (s) => {
      s.factions.us.capability = game.release.riskFromLevel;
      s.factions.us.safetyThisRound = true;
    });
    expect(act(high, 'us', { type: 'release', regions: ['NA', 'JK', 'EU'] }).tracks.risk).toBe(start + 1);
  });
});

describe('expand influence', () => {
  test('costs 3 and adds 2 influence in a region, even one without influence', () => {
    const next = act(positionFor('us'), 'us', { type: 'expand', region: 'LATAM' });
    expect(next.factions.us.capital).toBe(45 - c.expand);
    expect(next.factions.us.influence.LATAM).toBe(c.expandGain);
  });

  test('adds only 1 influence in another faction’s home, but 2 in its own', () => {
    expect(act(positionFor('us'), 'us', { type: 'expand', region: 'CN' }).factions.us.influence.CN).toBe(c.expandGainForeignHome);
    expect(act(positionFor('eu'), 'eu', { type: 'expand', region: 'NA' }).factions.eu.influence.NA).toBe(c.expandGainForeignHome);
    expect(act(positionFor('us'), 'us', { type: 'expand', region: 'NA' }).factions.us.influence.NA).toBe(3 + c.expandGain);
  });

  test('stops at 6 influence and is refused at 6', () => {
    expect(
      act(
        positionFor('us', (s) => (s.factions.us.influence.NA = 5)),
        'us',
        { type: 'expand', region: 'NA' },
      ).factions.us.influence.NA,
    ).toBe(6);
    expect(
      refuse(
        positionFor('us', (s) => (s.factions.us.influence.NA = 6)),
        'us',
        { type: 'expand', region: 'NA' },
      ).code,
    ).toBe('influenceFull');
  });

  test('is refused without 3 capital', () => {
    expect(
      refuse(
        positionFor('us', (s) => (s.factions.us.capital = 2)),
        'us',
        { type: 'expand', region: 'NA' },
      ).code,
    ).toBe('capital');
  });
});

describe('country deal', () => {
  test('costs 12 and gives a free module, 2 influence and 2 income a round', () => {
    const s = positionFor('us');
    const next = act(s, 'us', { type: 'deal', region: 'JK' });
    const us = next.factions.us;
    expect(us.capital).toBe(45 - c.deal);
    expect(us.modules.JK).toBe(1);
    expect(us.influence.JK).toBe(2 + c.dealInfluence);
    expect(us.deals).toEqual(['JK']);
    expect(incomeBreakdown(rules, next, 'us').deals).toBe(c.dealIncome);
  });

  test('needs 2 influence in the region', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'deal', region: 'GULF' })).toEqual({ code: 'dealInfluence', params: { region: 'GULF', need: 2, have: 1 } });
  });

  test('is refused in the home region and in forbidden regions', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'deal', region: 'NA' }).code).toBe('home');
    expect(
      refuse(
        positionFor('china', (s) => (s.factions.china.influence.JK = 3)),
        'china',
        { type: 'deal', region: 'JK' },
      ).code,
    ).toBe('forbidden');
  });

  test('is allowed once per region per faction', () => {
    const s = positionFor('us', (s) => (s.factions.us.deals = ['JK']));
    expect(refuse(s, 'us', { type: 'deal', region: 'JK' }).code).toBe('dealDone');
    const eu = positionFor('eu', (s) => (s.factions.eu.influence.JK = 2));
    expect(act(eu, 'eu', { type: 'deal', region: 'JK' }).factions.eu.deals).toEqual(['JK']);
  });
});

describe('invest in safety', () => {
  test('costs 4 and lowers Risk by 1 for the US and China', () => {
    for (const seat of ['us', 'china'] as const) {
      const next = act(
        positionFor(seat, (s) => (s.tracks.risk = 5)),
        seat,
        { type: 'safety' },
      );
      expect(next.tracks.risk).toBe(5 - game.safety.riskReduction);
      expect(next.factions[seat].capital).toBe(rules.factions[seat].start.capital - c.safety);
      expect(next.factions[seat].safetyThisRound).toBe(true);
    }
  });

  test('lowers Risk by 2 for the EU, never below 0', () => {
    expect(
      act(
        positionFor('eu', (s) => (s.tracks.risk = 5)),
        'eu',
        { type: 'safety' },
      ).tracks.risk,
    ).toBe(5 - game.safety.euRiskReduction);
    expect(
      act(
        positionFor('eu', (s) => (s.tracks.risk = 1)),
        'eu',
        { type: 'safety' },
      ).tracks.risk,
    ).toBe(0);
  });
});

describe('collect', () => {
  test('adds 3 capital and is always legal on one’s turn', () => {
    const s = positionFor('china', (s) => (s.factions.china.capital = 0));
    expect(legalActions(rules, s, 'china')).toContainEqual({ type: 'collect' });
    expect(act(s, 'china', { type: 'collect' }).factions.china.capital).toBe(c.collect);
  });
});

describe('turns', () => {
  test('only the active seat may act; others are told whose turn it is', () => {
    const s = positionFor('china');
    expect(refuse(s, 'us', { type: 'collect' })).toEqual({ code: 'notYourTurn', params: { seat: 'china' } });
    expect(legalActions(rules, s, 'us')).toEqual([]);
  });

  test('pass to the next seat in order, and three action rounds make a round', () => {
    let s = positionFor('us', (s) => (s.eventDecks = s.eventDecks.map(() => [])));
    const seen: string[] = [];
    for (let i = 0; i < FACTIONS.length * game.rounds.actionRounds; i++) {
      const seat = activeSeat(s)!;
      seen.push(seat);
      expect(s.round).toBe(1);
      s = act(s, seat, { type: 'collect' });
    }
    expect(seen).toEqual(['us', 'china', 'eu', 'us', 'china', 'eu', 'us', 'china', 'eu']);
    expect(s.round).toBe(2);
    expect(s.actionRound).toBe(0);
  });
});

describe('turn order', () => {
  test('puts the fewest VP first', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.vp = 5;
      s.factions.china.vp = 1;
      s.factions.eu.vp = 3;
    });
    expect(turnOrder(rules, s)).toEqual(['china', 'eu', 'us']);
  });

  test('breaks VP ties by lower capability first, then board order', () => {
    const s = positionFor('us', (s) => {
      s.factions.us.capability = 4;
      s.factions.china.capability = 2;
      s.factions.eu.capability = 2;
    });
    expect(turnOrder(rules, s)).toEqual(['china', 'eu', 'us']);
  });

  test('is set at the start of each round', () => {
    let s = positionFor('us', (s) => {
      s.eventDecks = s.eventDecks.map(() => []);
      s.factions.us.vp = 0;
      s.factions.china.vp = 2;
      s.factions.eu.vp = 1;
      s.factions.us.vpBreakdown.events = 0;
      s.factions.china.vpBreakdown.events = 2;
      s.factions.eu.vpBreakdown.events = 1;
    });
    expect(s.order).toEqual(['us', 'china', 'eu']);
    for (let i = 0; i < 9; i++) s = act(s, activeSeat(s)!, { type: 'collect' });
    expect(s.order).toEqual(['us', 'eu', 'china']);
    expect(activeSeat(s)).toBe('us');
  });
});
