import { describe, expect, test } from 'vitest';
import { buildCost, trainCost, underEuRules, upkeepCosts } from '../../src/engine/index.js';
import { act, game, lastTurnFor, positionFor, refuse, rules } from '../helpers/positions.js';

const costs = game.training.costs;

describe('EU rules', () => {
  test('apply in Europe once any provision is enacted, and not while all are suspended or not enacted', () => {
    const s = positionFor('us');
    expect(underEuRules(s, 'EU')).toBe(false);
    s.provisions.riskManagement = 'suspended';
    expect(underEuRules(s, 'EU')).toBe(false);
    s.provisions.copyright = 'enacted';
    expect(underEuRules(s, 'EU')).toBe(true);
  });

  test('add 2 to the build cost for the US and China, not the EU', () => {
    const s = positionFor('us', (s) => {
      s.euRules = ['AF'];
      s.tracks.tariffs = 1;
    });
    expect(buildCost(rules, s, 'us', 'AF')).toBe(game.costs.build + 1 + game.costs.compliance);
    expect(buildCost(rules, s, 'china', 'AF')).toBe(game.costs.build + 1 + game.costs.compliance);
    expect(buildCost(rules, s, 'eu', 'AF')).toBe(game.costs.build + 1);
    expect(buildCost(rules, s, 'us', 'GULF')).toBe(game.costs.build + 1);
  });

  test('make non-EU factions pay the EU 1 per region under EU rules where they have influence, at upkeep', () => {
    const s = lastTurnFor('eu', (s) => {
      s.provisions.transparency = 'enacted';
      s.euRules = ['AF', 'IN'];
    });
    expect(upkeepCosts(rules, s, 'us').compliance).toBe(2);
    expect(upkeepCosts(rules, s, 'china').compliance).toBe(1);
    expect(upkeepCosts(rules, s, 'eu').compliance).toBe(0);
    const next = act(s, 'eu', { type: 'investAI' });
    const fees = 3 * game.upkeep.compliancePerRegion;
    const euIncome = rules.factions.eu.baseIncome; // capability 1 earns nothing per region
    expect(next.factions.eu.capital).toBe(30 + game.eu.investAI + euIncome - upkeepCosts(rules, s, 'eu').total + fees);
  });
});

describe('copyright', () => {
  const enacted = (seat: 'us' | 'china' | 'eu', edit?: Parameters<typeof positionFor>[1]) =>
    positionFor(seat, (s) => {
      s.provisions.copyright = 'enacted';
      s.factions[seat].compute = 20;
      edit?.(s);
    });

  test('adds 1 compute per training step for factions without a licence, never for the EU', () => {
    expect(trainCost(rules, enacted('us'), 'us')).toBe(costs[3]! + game.training.copyrightSurcharge);
    expect(trainCost(rules, enacted('eu'), 'eu')).toBe(costs[1]);
    expect(act(enacted('us'), 'us', { type: 'train' }).factions.us.compute).toBe(20 - 7);
  });

  test('licence costs 5 paid to the EU and removes the surcharge for the era', () => {
    const next = act(enacted('us'), 'us', { type: 'buyLicence' });
    expect(next.factions.us.capital).toBe(45 - game.costs.licence);
    expect(next.factions.eu.capital).toBe(30 + game.costs.licence);
    expect(next.factions.us.licenceEra).toBe(1);
    expect(trainCost(rules, next, 'us')).toBe(costs[3]);
  });

  test('licence lapses in the next era', () => {
    const s = enacted('us', (s) => {
      s.factions.us.licenceEra = 1;
      s.round = 3;
    });
    expect(rules.eraOfRound[3]).toBe(2);
    expect(trainCost(rules, s, 'us')).toBe(costs[3]! + 1);
    expect(act(s, 'us', { type: 'buyLicence' }).factions.us.licenceEra).toBe(2);
  });

  test('licence is refused when copyright is not enacted, when already held, and to the EU', () => {
    expect(refuse(positionFor('us'), 'us', { type: 'buyLicence' }).code).toBe('licenceNotNeeded');
    expect(
      refuse(
        enacted('us', (s) => (s.factions.us.licenceEra = 1)),
        'us',
        { type: 'buyLicence' },
      ).code,
    ).toBe('licenceHeld');
    expect(refuse(enacted('eu'), 'eu', { type: 'buyLicence' }).code).toBe('euNoLicence');
    expect(
      refuse(
        enacted('china', (s) => (s.factions.china.capital = 4)),
        'china',
        { type: 'buyLicence' },
      ).code,
    ).toBe('capital');
  });

  test('suspended copyright asks no surcharge', () => {
    expect(
      trainCost(
        rules,
        enacted('us', (s) => (s.provisions.copyright = 'suspended')),
        'us',
      ),
    ).toBe(costs[3]);
  });
});

describe('breaches', () => {
  test('training without a licence breaks copyright', () => {
    const s = positionFor('us', (s) => {
      s.provisions.copyright = 'enacted';
      s.factions.us.compute = 20;
    });
    expect(act(s, 'us', { type: 'train' }).factions.us.breaches).toEqual(['copyright']);
  });

  test('training to level 5 or more without safety breaks risk management', () => {
    const s = positionFor('china', (s) => {
      s.provisions.riskManagement = 'enacted';
      s.factions.china.capability = 4;
      s.factions.china.compute = 20;
    });
    expect(act(s, 'china', { type: 'train' }).factions.china.breaches).toEqual(['riskManagement']);
    s.factions.china.safetyThisRound = true;
    expect(act(s, 'china', { type: 'train' }).factions.china.breaches).toEqual([]);
  });

  test('releasing at capability 5 or more without safety breaks risk management', () => {
    expect(game.release.riskFromLevel).toBe(5);
    const s = positionFor('us', (s) => {
      s.provisions.riskManagement = 'enacted';
      s.factions.us.capability = game.release.riskFromLevel;
    });
    expect(act(s, 'us', { type: 'release', regions: ['NA', 'JK', 'EU'] }).factions.us.breaches).toEqual(['riskManagement']);
    s.factions.us.safetyThisRound = true;
    expect(act(s, 'us', { type: 'release', regions: ['NA', 'JK', 'EU'] }).factions.us.breaches).toEqual([]);
    s.factions.us.safetyThisRound = false;
    s.factions.us.capability = game.release.riskFromLevel - 1;
    expect(act(s, 'us', { type: 'release', regions: ['NA', 'JK', 'EU'] }).factions.us.breaches).toEqual([]);
  });

  test('training a closed model while present under EU rules breaks transparency, unless released this round', () => {
    const s = positionFor('us', (s) => {
      s.provisions.transparency = 'enacted';
      s.factions.us.compute = 20;
    });
    expect(act(s, 'us', { type: 'train' }).factions.us.breaches).toEqual(['transparency']);
    s.factions.us.releasedThisRound = true;
    expect(act(s, 'us', { type: 'train' }).factions.us.breaches).toEqual([]);
    const away = positionFor('china', (s) => {
      s.provisions.transparency = 'enacted';
      s.factions.china.compute = 20;
    });
    expect(act(away, 'china', { type: 'train' }).factions.china.breaches).toEqual([]);
  });

  test('are never recorded against the EU, nor for provisions not enacted', () => {
    const eu = positionFor('eu', (s) => {
      s.provisions.transparency = 'enacted';
      s.provisions.riskManagement = 'enacted';
      s.factions.eu.capability = 4;
      s.factions.eu.compute = 20;
    });
    expect(act(eu, 'eu', { type: 'train' }).factions.eu.breaches).toEqual([]);
    const us = positionFor('us', (s) => {
      s.provisions.copyright = 'suspended';
      s.factions.us.capability = 4;
      s.factions.us.compute = 20;
    });
    expect(act(us, 'us', { type: 'train' }).factions.us.breaches).toEqual([]);
  });

  test('are forgotten at upkeep', () => {
    const s = lastTurnFor('us', (s) => (s.factions.china.breaches = ['copyright']));
    expect(act(s, 'us', { type: 'collect' }).factions.china.breaches).toEqual([]);
  });
});
