/**
 * The candidate actions of each type: every action of that type a seat could name now, legal
 * or not, in a stable order. Legality (legality.ts) filters them; the lists are cached and
 * frozen, so listing them allocates almost nothing.
 */
import { ACTION_TYPES, FACTION_LEVERS, type Action, type ActionType } from './actions.js';
import { FACTIONS, GPU_KINDS, PARTNERS, PROVISIONS, REGIONS, type FactionId, type RegionId } from './ids.js';
import { releaseChoice, releaseCountIn, releaseMaskIn } from './release.js';
import type { Rules } from './rules/load.js';
import type { GameState } from './state.js';

const freezeAll = <T extends object>(list: T[]): readonly T[] => Object.freeze(list.map((a) => Object.freeze(a)));

const STATIC_CANDIDATES: Partial<Record<ActionType, readonly Action[]>> = {
  callPartner: freezeAll(PARTNERS.map((partner) => ({ type: 'callPartner', partner }) as Action)),
  washington: freezeAll<Action>([
    { type: 'washington', track: 'exportControls', delta: 1 },
    { type: 'washington', track: 'exportControls', delta: -1 },
    { type: 'washington', track: 'tariffs', delta: 1 },
    { type: 'washington', track: 'tariffs', delta: -1 },
  ]),
  pressureBrussels: freezeAll(PROVISIONS.map((provision) => ({ type: 'pressureBrussels', provision }) as Action)),
  enact: freezeAll(PROVISIONS.map((provision) => ({ type: 'enact', provision }) as Action)),
  fine: freezeAll(FACTIONS.filter((t) => t !== 'eu').map((target) => ({ type: 'fine', target }) as Action)),
};
for (const type of ['build', 'expand', 'deal', 'exportStandards'] as const)
  STATIC_CANDIDATES[type] = freezeAll(REGIONS.map((region) => ({ type, region }) as Action));
for (const type of ['train', 'safety', 'collect', 'buyLicence', 'issueBonds', 'repayBonds', 'stateFund', 'rareEarth', 'lobbyChips', 'investAI'] as const) {
  STATIC_CANDIDATES[type] = freezeAll([{ type } as Action]);
}

/** The candidates of a type that never depend on the state (null for the others). */
export function fixedCandidates(type: ActionType): readonly Action[] | null {
  return STATIC_CANDIDATES[type] ?? null;
}

const buyCache = new WeakMap<Rules, readonly Action[]>();

/** GPU purchases: each kind, 1 up to the most one purchase may buy (`gpus.maxBuy`, domestic: `gpus.domesticPerRound`). */
function buyCandidates(rules: Rules): readonly Action[] {
  let list = buyCache.get(rules);
  if (!list) {
    const out: Action[] = [];
    for (const kind of GPU_KINDS) {
      const max = kind === 'domestic' ? rules.game.gpus.domesticPerRound : rules.game.gpus.maxBuy;
      for (let count = 1; count <= max; count++) out.push({ type: 'buyGpus', kind, count });
    }
    buyCache.set(rules, (list = freezeAll(out)));
  }
  return list;
}

const releaseCache: (readonly Action[] | undefined)[] = [];

/** Release candidates: every choice of exactly `releaseCount` eligible regions (cached by the `releaseChoice`). */
function releaseCandidates(rules: Rules, state: GameState, seat: FactionId, choice?: number): readonly Action[] {
  const key = choice ?? releaseChoice(rules, state, seat);
  let cached = releaseCache[key];
  if (!cached) {
    const mask = releaseMaskIn(key);
    const eligible = REGIONS.filter((_, i) => (mask >> i) & 1);
    cached = freezeAll(
      combinations(eligible, releaseCountIn(key)).map((regions) => ({ type: 'release', regions: Object.freeze(regions) as RegionId[] }) as Action),
    );
    releaseCache[key] = cached;
  }
  return cached;
}

const cardCache = new WeakMap<Rules, Map<string, readonly Action[]>>();

/** The candidate plays of each card met so far under a rule set. */
function cardLists(rules: Rules): Map<string, readonly Action[]> {
  let byCard = cardCache.get(rules);
  if (!byCard) cardCache.set(rules, (byCard = new Map()));
  return byCard;
}

/** The candidate plays of one card (one per region for region cards), cached per rule set (`byCard`: `cardLists(rules)`). */
function cardCandidates(rules: Rules, card: string, byCard: Map<string, readonly Action[]>): readonly Action[] {
  let list = byCard.get(card);
  if (!list) {
    const def = rules.cards[card];
    list = freezeAll(
      def?.target === 'region' ? REGIONS.map((region) => ({ type: 'playCard', card, region }) as Action) : [{ type: 'playCard', card } as Action],
    );
    byCard.set(card, list);
  }
  return list;
}

/** All subsets of `items` of size `k`, in lexicographic order of positions. */
function combinations<T>(items: readonly T[], k: number): T[][] {
  const out: T[][] = [];
  const pick: T[] = [];
  const walk = (start: number) => {
    if (pick.length === k) {
      out.push([...pick]);
      return;
    }
    for (let i = start; i <= items.length - (k - pick.length); i++) {
      pick.push(items[i] as T);
      walk(i + 1);
      pick.pop();
    }
  };
  walk(0);
  return out;
}

/**
 * Appends the candidates of one type to `out` as one or more shared, frozen lists (one per card
 * in hand for `playCard`): together, in order, they are `candidates(rules, state, seat, type)`.
 * `releaseNow`: the `releaseChoice` of the position, when the caller has worked it out.
 */
export function pushCandidateGroups(rules: Rules, state: GameState, seat: FactionId, type: ActionType, out: (readonly Action[])[], releaseNow?: number): void {
  switch (type) {
    case 'choose':
      out.push((state.pending?.options ?? []).map((option) => ({ type, option })));
      return;
    case 'buyGpus':
      out.push(buyCandidates(rules));
      return;
    case 'release':
      out.push(releaseCandidates(rules, state, seat, releaseNow));
      return;
    case 'playCard': {
      const hand = state.factions[seat].hand;
      const byCard = cardLists(rules);
      for (let i = 0; i < hand.length; i++) out.push(cardCandidates(rules, hand[i] as string, byCard));
      return;
    }
    default:
      out.push(STATIC_CANDIDATES[type] ?? [{ type } as Action]);
  }
}

/**
 * Every candidate action of one type for a seat (legal or not), in a stable order. The
 * returned action objects may be shared and frozen: do not mutate them.
 */
export function candidates(rules: Rules, state: GameState, seat: FactionId, type: ActionType): readonly Action[] {
  const groups: (readonly Action[])[] = [];
  pushCandidateGroups(rules, state, seat, type, groups);
  return groups.length === 1 ? (groups[0] as readonly Action[]) : groups.flat();
}

const TYPES_FOR = Object.fromEntries(
  FACTIONS.map((seat) => [seat, ACTION_TYPES.filter((t) => t !== 'choose' && !FACTIONS.some((o) => o !== seat && FACTION_LEVERS[o].includes(t)))]),
) as unknown as Record<FactionId, readonly ActionType[]>;

/** The action types open to a seat (its faction's levers included, `choose` not), in stable order. */
export function actionTypesFor(seat: FactionId): readonly ActionType[] {
  return TYPES_FOR[seat];
}
