/**
 * The actions a bot weighs: the legal ones, with open-weight releases (up to C(9,4) region
 * sets) cut down to the few sets that gain the most majorities. Always non-empty when the
 * seat must act, and always a subset of `legalActions`.
 */
import { legalActions, regionPrizeWith, type Action, type FactionId, type GameState, type RegionId, type Rules } from '../../../src/engine/index.js';

/**
 * What a region adds to a release's score, beside the majority VP it may win: half a VP when
 * the release brings a region not yet released in up to the influence the China agenda counts
 * (its point comes at a later scoring, so it is worth less than a VP now), and a hundredth of a
 * VP per influence already there, a tie-break that never outweighs a prize.
 */
const NEW_RELEASE_REGION_BONUS = 0.5;
const INFLUENCE_TIE_BREAK = 0.01;

function regionGains(rules: Rules, state: GameState, seat: FactionId, regions: readonly RegionId[]): Map<RegionId, number> {
  const f = state.factions[seat];
  const gains = new Map<RegionId, number>();
  for (const r of regions) {
    let gain = regionPrizeWith(rules, state, r, seat, 1) - regionPrizeWith(rules, state, r, seat, 0);
    if (!f.releasedIn.includes(r) && f.influence[r] + 1 >= rules.game.agendas.china.releaseRegionInfluence) gain += NEW_RELEASE_REGION_BONUS;
    gains.set(r, gain + f.influence[r] * INFLUENCE_TIE_BREAK);
  }
  return gains;
}

/** The legal actions of `seat`, with releases limited to the `releaseCombos` best region sets. */
export function candidateActions(rules: Rules, state: GameState, seat: FactionId, releaseCombos: number): Action[] {
  const legal = legalActions(rules, state, seat);
  const releases = legal.filter((a): a is Extract<Action, { type: 'release' }> => a.type === 'release');
  if (releases.length <= releaseCombos) return legal;
  const regions = [...new Set(releases.flatMap((a) => a.regions))];
  const gains = regionGains(rules, state, seat, regions);
  const score = (a: Extract<Action, { type: 'release' }>) => a.regions.reduce((n, r) => n + (gains.get(r) ?? 0), 0);
  const kept = new Set(
    releases
      .map((a, i) => ({ a, i, s: score(a) }))
      .sort((x, y) => y.s - x.s || x.i - y.i)
      .slice(0, releaseCombos)
      .map((x) => x.a),
  );
  return legal.filter((a) => a.type !== 'release' || kept.has(a));
}
