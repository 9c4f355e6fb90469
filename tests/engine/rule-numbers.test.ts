import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  type Action,
  activeSeat,
  applyActionInPlace,
  checkAction,
  computeIncome,
  createInitialState,
  type FactionId,
  incomeBreakdown,
  mergeRuleFiles,
  parseRules,
  type RuleFiles,
  type Rules,
  trainCost,
  upkeepCosts,
} from '../../src/engine/index.js';
import { DEFAULT_RULE_FILES, defaultRules } from '../../src/engine/rules/default-rules.js';
import { MOVED_FROM_CODE } from '../../src/engine/rules/schema.js';
import { changeCapability, changeInfluence, slotAccepts } from '../../src/engine/world.js';
import { positionFor } from '../helpers/positions.js';

const shipped = defaultRules();

function variant(over: Parameters<typeof mergeRuleFiles>[1]): Rules {
  const parsed = parseRules(mergeRuleFiles(DEFAULT_RULE_FILES, over));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function errorOf(over: Parameters<typeof mergeRuleFiles>[1]): string {
  const parsed = parseRules(mergeRuleFiles(DEFAULT_RULE_FILES, over));
  if (parsed.ok) throw new Error('expected the rules to be refused');
  return parsed.error;
}

describe('rule numbers that used to live in the code', () => {
  test('the shipped game.json states each of them, with the value the code had', () => {
    const g = DEFAULT_RULE_FILES['game.json'] as unknown as Record<string, Record<string, unknown>>;
    expect(g.limits).toMatchObject(MOVED_FROM_CODE.limits);
    expect(g.gpus?.exportControls).toEqual(MOVED_FROM_CODE.gpus.exportControls);
    expect(g.costs?.dealMinInfluence).toBe(MOVED_FROM_CODE.costs.dealMinInfluence);
  });

  test('a rules file that omits them gets the same numbers and the same rules hash', () => {
    const game = structuredClone(DEFAULT_RULE_FILES['game.json']) as unknown as Record<string, Record<string, unknown>>;
    delete game.limits?.influence;
    delete game.limits?.capability;
    delete game.gpus?.exportControls;
    delete game.costs?.dealMinInfluence;
    const parsed = parseRules({ ...DEFAULT_RULE_FILES, 'game.json': game } as RuleFiles);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.game.limits).toEqual(shipped.game.limits);
    expect(parsed.value.game.gpus.exportControls).toEqual(shipped.game.gpus.exportControls);
    expect(parsed.value.game.costs.dealMinInfluence).toBe(2);
    expect(parsed.value.hash).toBe(shipped.hash);
  });

  test('a variant can change the influence cap: expanding stops there, influence is clamped there, and the hash changes', () => {
    const rules = variant({ 'game.json': { limits: { influence: 7 }, release: { maxInfluence: 5 } } });
    expect(rules.hash).not.toBe(shipped.hash);
    const s = positionFor('us', (s) => (s.factions.us.influence.IN = 6));
    expect(checkAction(shipped, s, 'us', { type: 'expand', region: 'IN' })).toEqual({ code: 'influenceFull', params: { region: 'IN', max: 6 } });
    expect(checkAction(rules, s, 'us', { type: 'expand', region: 'IN' })).toBeNull();
    changeInfluence(rules, s, 'us', 'IN', 5);
    expect(s.factions.us.influence.IN).toBe(7);
  });

  test('a variant can change the capability cap, with as many training costs and revenue tiers', () => {
    const rules = variant({
      'game.json': {
        limits: { capability: 11 },
        training: { costs: [...shipped.game.training.costs, 40] },
        upkeep: { revenueTiers: [...shipped.game.upkeep.revenueTiers, 5] },
      },
    });
    const s = positionFor('us', (s) => (s.factions.us.capability = 10));
    expect(checkAction(shipped, s, 'us', { type: 'train' })?.code).toBe('maxCapability');
    expect(checkAction(rules, s, 'us', { type: 'train' })?.code).not.toBe('maxCapability');
    changeCapability(rules, s, 'us', 5);
    expect(s.factions.us.capability).toBe(11);
  });

  test('refuses a capability cap that does not match the training costs or the revenue tiers, naming the field', () => {
    expect(errorOf({ 'game.json': { limits: { capability: 9 } } })).toMatch(
      /^game\.json: field "training\.costs": expected one cost for each level up to limits\.capability \(9\)/,
    );
    expect(errorOf({ 'game.json': { limits: { capability: 11 }, training: { costs: [...shipped.game.training.costs, 40] } } })).toMatch(
      /^game\.json: field "upkeep\.revenueTiers"/,
    );
  });

  test('a variant can change the deal threshold and the export-control steps', () => {
    const rules = variant({ 'game.json': { costs: { dealMinInfluence: 3 }, gpus: { exportControls: { chinaNoFrontierFrom: 2 } } } });
    const s = positionFor('us', (s) => {
      s.factions.us.influence.IN = 2;
      s.tracks.exportControls = 1;
    });
    expect(checkAction(shipped, s, 'us', { type: 'deal', region: 'IN' })).toBeNull();
    expect(checkAction(rules, s, 'us', { type: 'deal', region: 'IN' })).toEqual({ code: 'dealInfluence', params: { region: 'IN', need: 3, have: 2 } });
    expect(slotAccepts(rules, s, 'china', 'CN', 'frontier')).toBe(true);
    const c = positionFor('china', (c) => (c.tracks.exportControls = 1));
    expect(checkAction(shipped, c, 'china', { type: 'buyGpus', kind: 'frontier', count: 1 })?.code).toBe('ecFrontier');
    expect(checkAction(rules, c, 'china', { type: 'buyGpus', kind: 'frontier', count: 1 })?.code).not.toBe('ecFrontier');
  });
});

describe('the rulebook states the shipped rule numbers', () => {
  const en = readFileSync(new URL('../../rules/RULEBOOK.md', import.meta.url), 'utf8');
  const fr = readFileSync(new URL('../../rules/RULEBOOK.fr.md', import.meta.url), 'utf8');
  const g = shipped.game;
  const f = shipped.factions;

  test('influence and capability ranges, the market size and the deal threshold', () => {
    expect(en).toContain(`**Influence** cubes: 0 to ${g.limits.influence} per region. In your own home region you may hold up to ${g.limits.homeInfluence}`);
    expect(en).toContain(`**capability** (0–${g.limits.capability})`);
    expect(en).toContain(`| **GPU market** | 0–${g.gpus.marketUnits} units | ${g.gpus.marketUnits} each round |`);
    expect(en).toContain(`where you have **≥${g.costs.dealMinInfluence} influence**; one deal per region`);
    expect(en).toContain(`Your influence there below ${g.limits.influence} (below ${g.limits.homeInfluence} in your own home region)`);
    expect(fr).toContain(`de 0 à ${g.limits.influence} par région, et jusqu'à ${g.limits.homeInfluence} dans votre propre région d'origine`);
    expect(fr).toContain(`| **Marché des GPU** | 0–${g.gpus.marketUnits} unités | ${g.gpus.marketUnits} à chaque tour |`);
  });

  test('the v2 numbers: market prices, training, cloud rental, deals, chip sales, scoring', () => {
    expect(g.training.cloudSource).toBe('rivals');
    expect(g.release.needsPresence).toBe(true);
    expect(g.release.riskAtTopOnly).toBe(true);
    expect(g.rounds.turnOrder).toBe('mostVpFirst');
    expect(g.costs.dealModules).toBe(0);
    const costs = g.training.costs.join(' | ');
    expect(en).toContain(`| **Compute** | ${costs} |`);
    expect(fr).toContain(`| **Calcul** | ${costs} |`);
    expect(en).toContain(
      `Frontier: ${g.gpus.frontierPrice} + Tariffs $B each. Export-grade: ${g.gpus.exportPrice} + Tariffs $B each. Domestic (China only): ${g.gpus.domesticPrice} $B each`,
    );
    expect(en).toContain(`1–${g.gpus.maxBuy} units of one kind from the market (no more than remain), or 1–${g.gpus.domesticPerRound} domestic units`);
    expect(en).toContain(`rented from rivals at **${g.training.cloudPrice} $B a unit, paid to them**`);
    expect(en).toContain(`from export controls **${g.training.cloudKycFrom}**, China may neither rent`);
    expect(en).toContain(`every China training step costs **${f.china.trainingEfficiency} compute less**`);
    expect(en).toContain(`| **Country deal** | ${g.costs.deal} $B |`);
    expect(en).toContain(`**+${g.costs.dealInfluence} influence** there and **+${g.costs.dealIncome} $B income** every round`);
    expect(en).toContain(`+${g.us.chipSalesPerOpenLevel} $B income a round for each export-control level below ${g.tracks.exportControls.max}`);
    expect(en).toContain(`**plus ${g.regionStanding?.perModule} for each data-center module**`);
    expect(en).toContain(`scores **${g.computePrize?.vp[0]} VP**, the **second ${g.computePrize?.vp[1]} VP**`);
    expect(en).toContain(`that faction scores **+${g.frontier.vp} VP**`);
    expect(en).toContain(`if Risk is **${g.frontier.maxRiskForVp} or less** (as it stands after that upkeep`);
    expect(en).toContain(`capability 10 → +${g.frontier.vp} VP if Risk ≤${g.frontier.maxRiskForVp}.`);
    expect(fr).toContain(`si le Risque est de **${g.frontier.maxRiskForVp} ou moins**`);
    expect(en).toContain(`| **Repay bonds** | ${g.us.repay} $B (or your whole debt, if less) |`);
    expect(g.upkeep.settleLastRound).toBe(false);
    expect(en).toContain("**The game's last upkeep** (round 8's, or that of the round in which a faction reached capability 10) **skips steps 2 to 4**");
    expect(fr).toContain('**Le dernier entretien de la partie**');
    expect(en).toContain(`| **Lobby for chips** | ${g.china.lobby} $B |`);
    expect(en).toContain(`it pays you **${g.eu.fine} $B**`);
    const [drift1, drift2] = g.upkeep.riskDrift;
    expect(en).toContain(
      `If the top capability (the highest of all factions) is **${drift1?.fromCapability} or more**, Risk **+1**; if it is **${drift2?.fromCapability} or more**`,
    );
    expect(en).toContain(
      `| Base income | ${f.us.baseIncome} $B a round (plus chip sales to China) | ${f.china.baseIncome} $B a round | ${f.eu.baseIncome} $B a round |`,
    );
    expect(en).toContain(`| Capital / debt | ${f.us.start.capital} / 0 | ${f.china.start.capital} / 0 | ${f.eu.start.capital} / 0 |`);
    expect(en).toContain(`| Capability | ${f.us.start.capability} | ${f.china.start.capability} | ${f.eu.start.capability} |`);
    const a = g.agendas;
    expect(en).toContain(
      `| Agenda (scored in rounds 3, 6, 8) | +${a.us.soleLeader} VP if you alone hold the top capability; +${a.us.perDeal} VP per country deal | +${a.china.perReleaseRegion} VP per region where you have released open weights and now have ≥${a.china.releaseRegionInfluence} influence (${a.china.maxReleaseRegions} regions at most); +${a.china.nearTop} VP if your capability is within ${a.china.nearTopGap} level of the top | +${a.eu.perProvision} VP per enacted AI Act provision; +${a.eu.perRulesRegion} VP per region under EU rules; +${a.eu.lowRisk} VP if Risk ≤ ${a.eu.lowRiskMax} |`,
    );
  });

  test('the worked example of round 1 (§16) is what the engine plays with the seed "example-1"', () => {
    const s = createInitialState(shipped, 'example-1');
    expect(s.log.find((l) => l.kind === 'event')?.id).toBe('stargateAnnounced');
    expect(s.order).toEqual(['eu', 'china', 'us']);
    expect([s.factions.us.capital, s.factions.china.capital, s.factions.eu.capital]).toEqual([52, 30, 29]);
    expect([s.factions.us.capability, s.factions.china.capability, s.factions.eu.capability]).toEqual([4, 3, 1]);
    expect(s.tracks).toMatchObject({ risk: 3, tension: 4, exportControls: 1, tariffs: 0 });
    expect(s.market.units).toBe(8);
    expect(en).toContain('with the match seed `example-1`');
    expect(fr).toContain('avec la graine `example-1`');
    const moves: [FactionId, Action][] = [
      ['eu', { type: 'playCard', card: 'transparencyProvision' }],
      ['china', { type: 'playCard', card: 'digitalSilkRoad', region: 'SEA' }],
      ['us', { type: 'playCard', card: 'multimodalTrainingRun' }],
      ['eu', { type: 'train' }],
      ['china', { type: 'release', regions: ['CN', 'SEA'] }],
      ['us', { type: 'build', region: 'GULF' }],
      ['eu', { type: 'buyGpus', kind: 'frontier', count: 3 }],
      ['china', { type: 'buyGpus', kind: 'domestic', count: 3 }],
      ['us', { type: 'buyGpus', kind: 'frontier', count: 4 }],
    ];
    const seats = ['us', 'china', 'eu'] as const;
    let income: number[] = [];
    let costs: number[] = [];
    let premium = 0;
    let capitalBefore: number[] = [];
    for (const [i, [seat, action]] of moves.entries()) {
      expect(activeSeat(s)).toBe(seat);
      if (i === 3) {
        // The EU rents all 3 compute of its training from the US, paying the US 3 $B a unit.
        expect([s.factions.eu.compute, s.factions.us.compute, s.factions.china.compute, s.factions.us.capital]).toEqual([0, 6, 0, 50]);
      }
      if (i === 4) {
        // China's release may reach only its home and the region of its module, not the Gulf States or Africa.
        expect(checkAction(shipped, s, 'china', { type: 'release', regions: ['CN', 'GULF', 'SEA', 'AF'] })?.code).toBe('releaseRegionsPresence');
      }
      if (i === moves.length - 1) {
        // The last move (GPUs) changes neither income nor costs, only the compute produced at upkeep.
        income = seats.map((id) => incomeBreakdown(shipped, s, id).total);
        costs = seats.map((id) => upkeepCosts(shipped, s, id).total);
        premium = incomeBreakdown(shipped, s, 'us').premium;
        // Capital before upkeep: the US is about to pay for 4 frontier GPUs.
        capitalBefore = [s.factions.us.capital - 4 * shipped.game.gpus.frontierPrice, s.factions.china.capital, s.factions.eu.capital];
      }
      expect(applyActionInPlace(shipped, s, seat, action)).toBeNull();
      if (i === 3) expect([s.factions.eu.capability, s.factions.eu.capital, s.factions.us.compute, s.factions.us.capital]).toEqual([2, 18, 3, 59]);
    }
    const installed = seats.map((id) => computeIncome(shipped, s.factions[id]));
    expect(s.round).toBe(2);
    expect(capitalBefore).toEqual([39, 19, 9]);
    expect(premium).toBe(3);
    expect(income).toEqual([13, 11, 5]);
    expect(costs).toEqual([3, 2, 1]);
    expect(installed).toEqual([14, 8, 8]);
    const [us, china, eu] = seats.map((id) => s.factions[id]);
    expect([us?.capital, china?.capital, eu?.capital]).toEqual([49, 28, 14]);
    expect([us?.compute, china?.compute, eu?.compute]).toEqual([17, 8, 8]);
    expect([us?.vp, china?.vp, eu?.vp]).toEqual([0, 0, 0]);
    expect(seats.map((id) => s.factions[id].hand.length)).toEqual([3, 3, 3]);
    expect(s.tracks).toMatchObject({ risk: 2, tension: 4 });
    expect(s.pending?.eventId).toBe('openaiForCountriesLaunched');
    expect(s.order).toEqual(['eu', 'china', 'us']);

    expect(en).toContain(`| **Income** | **${income[0]}** | **${income[1]}** | **${income[2]}** |`);
    expect(en).toContain(`- **US**: ${capitalBefore[0]} + ${income[0]} − ${costs[0]} = **${us?.capital} $B**`);
    expect(en).toContain(`- **China**: ${capitalBefore[1]} + ${income[1]} − ${costs[1]} = **${china?.capital} $B**`);
    expect(en).toContain(`- **EU**: ${capitalBefore[2]} + ${income[2]} − ${costs[2]} + 1 = **${eu?.capital} $B**`);
    expect(en).toContain(`Compute ends at US ${us?.compute}, China ${china?.compute}, EU ${eu?.compute}.`);
    expect(fr).toContain(`| **Revenu** | **${income[0]}** | **${income[1]}** | **${income[2]}** |`);
    expect(fr).toContain(`- **États-Unis** : ${capitalBefore[0]} + ${income[0]} − ${costs[0]} = **${us?.capital} Md$**`);
    expect(fr).toContain(`- **Chine** : ${capitalBefore[1]} + ${income[1]} − ${costs[1]} = **${china?.capital} Md$**`);
    expect(fr).toContain(`- **UE** : ${capitalBefore[2]} + ${income[2]} − ${costs[2]} + 1 = **${eu?.capital} Md$**`);
    expect(fr).toContain(`Le calcul s'établit à ${us?.compute} pour les États-Unis, ${china?.compute} pour la Chine et ${eu?.compute} pour l'UE.`);

    // Looking ahead to round 2: the claims of the last paragraph.
    expect(applyActionInPlace(shipped, s, 'us', { type: 'choose', option: 'gulf' })).toBeNull();
    expect(s.order).toEqual(['eu', 'china', 'us']);
    expect(seats.map((id) => trainCost(shipped, s, id))).toEqual([6, 4, 4]);
    expect(applyActionInPlace(shipped, s, 'eu', { type: 'train' })).toBeNull();
    expect(applyActionInPlace(shipped, s, 'china', { type: 'train' })).toBeNull();
    expect(checkAction(shipped, s, 'us', { type: 'release', regions: ['NA', 'GULF', 'EU'] })?.code).toBe('releaseRegionsPresence');
    expect(checkAction(shipped, s, 'us', { type: 'release', regions: ['NA', 'GULF'] })).toBeNull();
    expect(applyActionInPlace(shipped, s, 'us', { type: 'collect' })).toBeNull();
    expect([trainCost(shipped, s, 'eu'), s.factions.eu.compute, trainCost(shipped, s, 'china'), s.factions.china.compute]).toEqual([5, 4, 5, 4]);
    const usCapital = s.factions.us.capital;
    expect(applyActionInPlace(shipped, s, 'eu', { type: 'train' })).toBeNull();
    expect(s.factions.us.capital).toBe(usCapital + 3);
    expect(applyActionInPlace(shipped, s, 'china', { type: 'train' })).toBeNull();
    expect(s.factions.us.capital).toBe(usCapital + 6);
    expect([s.factions.china.capability, s.factions.china.vp, s.tracks.risk]).toEqual([5, 3, 3]);
    expect(applyActionInPlace(shipped, s, 'us', { type: 'train' })).toBeNull();
    expect(s.factions.us.breaches).toContain('transparency');
    expect(en).toContain(`the EU can fine it ${shipped.game.eu.fine} $B later in round 2`);
    expect(fr).toContain(`une amende de ${shipped.game.eu.fine} Md$ plus tard dans le tour 2`);
  });
});
