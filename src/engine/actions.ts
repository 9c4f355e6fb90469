/**
 * The `Action` union: the one shape of a player's decision, on the wire, in logs, in match
 * files and in bot output. `parseAction` checks the shape of untrusted input.
 */
import {
  FACTIONS,
  GPU_KINDS,
  PARTNERS,
  PROVISIONS,
  REGIONS,
  isOneOf,
  type FactionId,
  type GpuKind,
  type PartnerId,
  type ProvisionId,
  type RegionId,
} from './ids.js';
import { err, ok, type Result } from './result.js';

/** The actions every faction has (GAME-DESIGN's common actions 1–9), in their stable order. */
export const COMMON_ACTION_TYPES = ['build', 'buyGpus', 'train', 'release', 'expand', 'deal', 'safety', 'collect', 'playCard'] as const;

/** Every action type, in the stable order legal actions are listed in. */
export const ACTION_TYPES = [
  'choose',
  ...COMMON_ACTION_TYPES,
  'buyLicence',
  'callPartner',
  'issueBonds',
  'repayBonds',
  'washington',
  'pressureBrussels',
  'stateFund',
  'rareEarth',
  'lobbyChips',
  'enact',
  'exportStandards',
  'investAI',
  'fine',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Action types whose one parameter is a region. */
export type RegionActionType = 'build' | 'expand' | 'deal' | 'exportStandards';

/** A player's decision. */
export type Action =
  | { type: 'choose'; option: string }
  | { type: RegionActionType; region: RegionId }
  | { type: 'buyGpus'; kind: GpuKind; count: number }
  | { type: 'train' }
  | { type: 'release'; regions: RegionId[] }
  | { type: 'safety' }
  | { type: 'collect' }
  | { type: 'playCard'; card: string; region?: RegionId }
  | { type: 'buyLicence' }
  | { type: 'callPartner'; partner: PartnerId }
  | { type: 'issueBonds' }
  | { type: 'repayBonds' }
  | { type: 'washington'; track: 'exportControls' | 'tariffs'; delta: 1 | -1 }
  | { type: 'pressureBrussels'; provision: ProvisionId }
  | { type: 'stateFund' }
  | { type: 'rareEarth' }
  | { type: 'lobbyChips' }
  | { type: 'enact'; provision: ProvisionId }
  | { type: 'investAI' }
  | { type: 'fine'; target: FactionId };

/** Action types that only one faction has (its levers). */
export const FACTION_LEVERS: Record<FactionId, readonly ActionType[]> = {
  us: ['callPartner', 'issueBonds', 'repayBonds', 'washington', 'pressureBrussels'],
  china: ['stateFund', 'rareEarth', 'lobbyChips'],
  eu: ['enact', 'exportStandards', 'investAI', 'fine'],
};

const SIMPLE: readonly ActionType[] = [
  'train',
  'safety',
  'collect',
  'buyLicence',
  'issueBonds',
  'repayBonds',
  'stateFund',
  'rareEarth',
  'lobbyChips',
  'investAI',
];

function onlyKeys(input: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of Object.keys(input)) if (!keys.includes(key)) return `unexpected field "${key}"`;
  return null;
}

/** Checks the shape of untrusted input; returns a well-typed action or what is wrong with it. */
export function parseAction(input: unknown): Result<Action> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return err('an action must be an object with a "type"');
  const a = input as Record<string, unknown>;
  if (!isOneOf(ACTION_TYPES, a.type)) return err(`unknown action type ${JSON.stringify(a.type)}`);
  const type = a.type;
  const bad = (msg: string) => err(`${type}: ${msg}`);
  const region = (key: string) => isOneOf(REGIONS, a[key]);
  let extra: string | null;
  if (SIMPLE.includes(type)) {
    extra = onlyKeys(a, ['type']);
    return extra ? bad(extra) : ok({ type } as Action);
  }
  switch (type) {
    case 'choose':
      if (typeof a.option !== 'string' || a.option.length === 0 || a.option.length > 64) return bad('"option" must be an option id');
      extra = onlyKeys(a, ['type', 'option']);
      return extra ? bad(extra) : ok({ type, option: a.option });
    case 'build':
    case 'expand':
    case 'deal':
    case 'exportStandards':
      if (!region('region')) return bad(`"region" must be one of ${REGIONS.join(', ')}`);
      extra = onlyKeys(a, ['type', 'region']);
      return extra ? bad(extra) : ok({ type, region: a.region as RegionId });
    case 'buyGpus':
      if (!isOneOf(GPU_KINDS, a.kind)) return bad(`"kind" must be one of ${GPU_KINDS.join(', ')}`);
      if (typeof a.count !== 'number' || !Number.isInteger(a.count) || a.count < 1 || a.count > 99) return bad('"count" must be a whole number from 1');
      extra = onlyKeys(a, ['type', 'kind', 'count']);
      return extra ? bad(extra) : ok({ type, kind: a.kind, count: a.count });
    case 'release': {
      if (!Array.isArray(a.regions) || a.regions.length > REGIONS.length) return bad('"regions" must be a list of regions');
      const regions = a.regions as unknown[];
      if (!regions.every((r) => isOneOf(REGIONS, r))) return bad(`"regions" must list regions among ${REGIONS.join(', ')}`);
      if (new Set(regions).size !== regions.length) return bad('"regions" lists a region twice');
      extra = onlyKeys(a, ['type', 'regions']);
      return extra ? bad(extra) : ok({ type, regions: [...(regions as RegionId[])] });
    }
    case 'playCard':
      if (typeof a.card !== 'string' || a.card.length === 0 || a.card.length > 64) return bad('"card" must be a card id');
      if (a.region !== undefined && !region('region')) return bad(`"region" must be one of ${REGIONS.join(', ')}`);
      extra = onlyKeys(a, ['type', 'card', 'region']);
      if (extra) return bad(extra);
      return ok(a.region === undefined ? { type, card: a.card } : { type, card: a.card, region: a.region as RegionId });
    case 'callPartner':
      if (!isOneOf(PARTNERS, a.partner)) return bad(`"partner" must be one of ${PARTNERS.join(', ')}`);
      extra = onlyKeys(a, ['type', 'partner']);
      return extra ? bad(extra) : ok({ type, partner: a.partner });
    case 'washington':
      if (a.track !== 'exportControls' && a.track !== 'tariffs') return bad('"track" must be exportControls or tariffs');
      if (a.delta !== 1 && a.delta !== -1) return bad('"delta" must be 1 or -1');
      extra = onlyKeys(a, ['type', 'track', 'delta']);
      return extra ? bad(extra) : ok({ type, track: a.track, delta: a.delta });
    case 'pressureBrussels':
    case 'enact':
      if (!isOneOf(PROVISIONS, a.provision)) return bad(`"provision" must be one of ${PROVISIONS.join(', ')}`);
      extra = onlyKeys(a, ['type', 'provision']);
      return extra ? bad(extra) : ok({ type, provision: a.provision });
    case 'fine':
      if (!isOneOf(FACTIONS, a.target)) return bad(`"target" must be one of ${FACTIONS.join(', ')}`);
      extra = onlyKeys(a, ['type', 'target']);
      return extra ? bad(extra) : ok({ type, target: a.target });
    default:
      return bad('unsupported action');
  }
}

/** A short stable key of an action (for sets, logs and tests). */
export function actionKey(action: Action): string {
  switch (action.type) {
    case 'release':
      return `release:${action.regions.join('+')}`;
    case 'playCard':
      return action.region ? `playCard:${action.card}@${action.region}` : `playCard:${action.card}`;
    case 'buyGpus':
      return `buyGpus:${action.kind}x${action.count}`;
    case 'washington':
      return `washington:${action.track}${action.delta > 0 ? '+' : '-'}`;
    default: {
      const a = action as Record<string, unknown>;
      const arg = a.region ?? a.option ?? a.partner ?? a.provision ?? a.target;
      return arg === undefined ? action.type : `${action.type}:${String(arg)}`;
    }
  }
}
