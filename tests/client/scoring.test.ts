import { describe, expect, test } from 'vitest';
import { scoringForecast, scoringGain, scoringGainText, scoringRegions } from '../../src/client/model/scoring.js';
import {
  agendaPoints,
  applyActionInPlace,
  activeSeat,
  cloneState,
  computePrizes,
  createInitialState,
  FACTIONS,
  regionPrizes,
  sampleLegalAction,
  Rng,
} from '../../src/engine/index.js';
import { rules } from './helpers.js';

describe('scoring you can follow', () => {
  test('the forecast sums, per faction, the same region majorities, compute race and agendas the engine scores', () => {
    const state = createInitialState(rules, 'scoring-forecast');
    const f = scoringForecast(rules, state, 'en');
    const regions = regionPrizes(rules, state);
    const compute = computePrizes(rules, state);
    const agenda = agendaPoints(rules, state);
    for (const seat of FACTIONS) {
      expect(f.regions.reduce((sum, r) => sum + r.prizes[seat], 0)).toBe(regions[seat]);
      expect(f.total[seat]).toBe(regions[seat] + compute[seat] + agenda[seat]);
    }
    expect(f.round).toBe(rules.game.rounds.scoring[0]);
  });

  test('the gain of a scoring is exactly the regions and agenda VP it added, and reads in both languages', () => {
    const state = createInitialState(rules, 'scoring-gain');
    const rng = Rng.detached('scoring-gain-walk');
    let gain = null;
    for (let n = 0; n < 400 && !gain; n++) {
      const seat = activeSeat(state);
      if (!seat) break;
      const before = cloneState(state);
      const action = sampleLegalAction(rules, state, seat, rng);
      if (!action) break;
      applyActionInPlace(rules, state, seat, action);
      gain = scoringGain(before, state);
      if (gain) {
        for (const f of FACTIONS) {
          const b = before.factions[f].vpBreakdown;
          const a = state.factions[f].vpBreakdown;
          expect(gain.gains[f].regions + gain.gains[f].agenda).toBe(a.regions - b.regions + a.agenda - b.agenda);
        }
      }
    }
    expect(gain?.round).toBe(rules.game.rounds.scoring[0]);
    expect(scoringGainText(rules, gain!, 'en')).toMatch(/^US \+\d+ VP \(regions \d+, agenda \d+\) · China/);
    expect(scoringGainText(rules, gain!, 'fr')).toMatch(/^États-Unis : \+\d+ PV \(régions \d+, programme \d+\)/);
  });

  test('the regions a scoring lights on the board add up, with the compute race, to each faction gain from regions, or are not given', () => {
    const state = createInitialState(rules, 'scoring-regions');
    const rng = Rng.detached('scoring-regions-walk');
    let checked = 0;
    for (let n = 0; n < 2000; n++) {
      const seat = activeSeat(state);
      if (!seat) break;
      const before = cloneState(state);
      const action = sampleLegalAction(rules, state, seat, rng);
      if (!action) break;
      applyActionInPlace(rules, state, seat, action);
      const gain = scoringGain(before, state);
      if (!gain) continue;
      const lit = scoringRegions(rules, before, gain);
      if (lit === null) continue;
      checked++;
      const compute = computePrizes(rules, before);
      for (const f of FACTIONS) expect(lit.reduce((sum, r) => sum + r.prizes[f], 0) + compute[f]).toBe(gain.gains[f].regions);
      for (const r of lit) expect(FACTIONS.some((f) => r.prizes[f] > 0)).toBe(true);
    }
    expect(checked).toBeGreaterThan(0);
  });
});
