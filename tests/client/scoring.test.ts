import { describe, expect, test } from 'vitest';
import { scoringForecast, scoringGain, scoringGainText, scoringRegions, scoringSteps } from '../../src/client/model/scoring.js';
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

  test('a scoring told step by step has a line per scoring region, then agendas and a total, whose gains add up to the scoring in both languages', () => {
    const state = createInitialState(rules, 'scoring-steps');
    const rng = Rng.detached('scoring-steps-walk');
    let told = 0;
    const gainsOf = (text: string, names: string[]) =>
      Object.fromEntries(names.map((name) => [name, Number(text.match(new RegExp(`${name} \\+(\\d+)`))?.[1] ?? 0)]));
    for (let n = 0; n < 2000; n++) {
      const seat = activeSeat(state);
      if (!seat) break;
      const before = cloneState(state);
      applyActionInPlace(rules, state, seat, sampleLegalAction(rules, state, seat, rng)!);
      const gain = scoringGain(before, state);
      if (!gain) continue;
      for (const lang of ['en', 'fr'] as const) {
        const steps = scoringSteps(rules, before, gain, lang);
        const names = FACTIONS.map((f) => rules.factions[f].short[lang]);
        const total = steps.at(-1)!;
        expect(total.text).toMatch(lang === 'en' ? /^Total this scoring: / : /^Total de ce décompte : /);
        for (const [i, f] of FACTIONS.entries()) {
          expect(total.prizes[f]).toBe(gain.gains[f].regions + gain.gains[f].agenda);
          expect(steps.slice(0, -1).reduce((sum, s) => sum + s.prizes[f], 0)).toBe(total.prizes[f]);
          expect(gainsOf(total.text, names)[names[i]!]).toBe(total.prizes[f]);
        }
        expect(steps.filter((s) => s.region !== null).length).toBe(scoringRegions(rules, before, gain)?.length ?? 0);
      }
      told++;
    }
    expect(told).toBeGreaterThanOrEqual(3);
  });
});
