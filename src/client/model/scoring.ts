/**
 * Scoring you can follow: what the next scoring would give if it came now (each region's
 * majority, the compute race, the agendas, summed), and what a scoring just gave (exact: only a
 * scoring adds "regions" and "agenda" VP, so the difference of those sources before and after is it).
 */
import {
  FACTIONS,
  REGIONS,
  agendaPoints,
  computePrizes,
  regionPrizeWith,
  type FactionId,
  type GameState,
  type Lang,
  type RegionId,
  type Rules,
} from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';

/** VP per faction. */
type PerFaction = Record<FactionId, number>;

/** The next scoring as it stands. */
export interface ScoringForecast {
  /** The round at whose end the next scoring comes (null: none left). */
  round: number | null;
  regions: { id: RegionId; name: string; value: number; prizes: PerFaction }[];
  compute: PerFaction;
  agenda: PerFaction;
  total: PerFaction;
}

const per = (f: (seat: FactionId) => number): PerFaction => ({ us: f('us'), china: f('china'), eu: f('eu') });

/** What a scoring would give now, region by region (the engine's own scoring functions, on public figures). */
export function scoringForecast(rules: Rules, state: GameState, lang: Lang): ScoringForecast {
  const rounds = rules.game.rounds;
  const next = [...rounds.scoring, rounds.count].filter((r) => r >= state.round).sort((a, b) => a - b)[0];
  const regions = REGIONS.map((id) => ({
    id,
    name: rules.regions[id].name[lang],
    value: rules.regions[id].value,
    prizes: per((seat) => regionPrizeWith(rules, state, id, seat, 0)),
  }));
  const compute = computePrizes(rules, state);
  const agenda = agendaPoints(rules, state);
  const total = per((seat) => regions.reduce((sum, r) => sum + r.prizes[seat], 0) + compute[seat] + agenda[seat]);
  return { round: state.phase === 'over' ? null : (next ?? null), regions, compute, agenda, total };
}

/** What one scoring gave: its round and each faction's VP from regions (with the compute race) and from its agenda. */
export interface ScoringGain {
  round: number;
  gains: Record<FactionId, { regions: number; agenda: number }>;
}

const scoringsIn = (state: GameState) => state.log.filter((e) => e.kind === 'scoring');

/** The scoring between two consecutive states, or null when none happened between them. */
export function scoringGain(before: GameState, after: GameState): ScoringGain | null {
  const done = scoringsIn(after);
  if (done.length <= scoringsIn(before).length) return null;
  const gains = {} as ScoringGain['gains'];
  for (const f of FACTIONS) {
    const a = after.factions[f].vpBreakdown;
    const b = before.factions[f].vpBreakdown;
    gains[f] = { regions: a.regions - b.regions, agenda: a.agenda - b.agenda };
  }
  return { round: done[done.length - 1]!.round, gains };
}

/** A scoring's gains in one line: "US +9 VP (regions 7, agenda 2) · China …". */
export function scoringGainText(rules: Rules, gain: ScoringGain, lang: Lang): string {
  return FACTIONS.map((f) => {
    const g = gain.gains[f];
    return translate(lang, 'scoring.gain', { faction: rules.factions[f].short[lang], vp: g.regions + g.agenda, regions: g.regions, agenda: g.agenda });
  }).join(' · ');
}

/**
 * Each region's prizes at the scoring between `before` and `gain` (for the board to light the
 * regions one after another): the forecast on the state just before, kept only when it is exact
 * (its regions and compute race add up to every faction's gain from regions), else null. Regions
 * where nobody scored are left out.
 */
export function scoringRegions(rules: Rules, before: GameState, gain: ScoringGain): { id: RegionId; prizes: PerFaction }[] | null {
  const f = scoringForecast(rules, before, 'en');
  for (const seat of FACTIONS) {
    const sum = f.regions.reduce((s, r) => s + r.prizes[seat], 0) + f.compute[seat];
    if (sum !== gain.gains[seat].regions) return null;
  }
  return f.regions.filter((r) => FACTIONS.some((seat) => r.prizes[seat] > 0)).map((r) => ({ id: r.id, prizes: r.prizes }));
}

/** One line of a scoring told step by step: the region it lights (null: none) and what each faction gained there. */
export interface ScoringStep {
  region: RegionId | null;
  prizes: PerFaction;
  text: string;
}

/** "US +3 · China +1" (nobody: "nobody"). */
function gainsText(rules: Rules, prizes: PerFaction, lang: Lang): string {
  const parts = FACTIONS.filter((f) => prizes[f] > 0).map((f) => `${rules.factions[f].short[lang]} +${prizes[f]}`);
  return parts.length ? parts.join(' · ') : translate(lang, 'scoring.stepNobody');
}

/**
 * A scoring told one line at a time: each region where someone scored (its majority's prizes),
 * the compute race, the agendas and the total, each with what every faction gained. When the
 * regions cannot be told exactly (see `scoringRegions`), one line gives the regions and the
 * compute race together.
 */
export function scoringSteps(rules: Rules, before: GameState, gain: ScoringGain, lang: Lang): ScoringStep[] {
  const steps: ScoringStep[] = [];
  const line = (region: RegionId | null, prizes: PerFaction, key: Parameters<typeof translate>[1], params: Record<string, string | number> = {}) =>
    steps.push({ region, prizes, text: translate(lang, key, { ...params, gains: gainsText(rules, prizes, lang) }) });
  const regions = scoringRegions(rules, before, gain);
  if (regions) {
    for (const r of regions) line(r.id, r.prizes, 'scoring.stepRegion', { region: r.id, value: rules.regions[r.id].value });
    const compute = computePrizes(rules, before);
    if (FACTIONS.some((f) => compute[f] > 0)) line(null, compute, 'scoring.stepCompute');
  } else
    line(
      null,
      per((f) => gain.gains[f].regions),
      'scoring.stepRegions',
    );
  line(
    null,
    per((f) => gain.gains[f].agenda),
    'scoring.stepAgenda',
  );
  line(
    null,
    per((f) => gain.gains[f].regions + gain.gains[f].agenda),
    'scoring.stepTotal',
  );
  return steps;
}
