/**
 * The action panel as data: the seat's candidate actions (from the engine's `actionOptions`)
 * grouped, labelled, with their costs, and with the engine's reason when not allowed. The
 * panel renders this; it never decides legality itself.
 */
import {
  formatMoney,
  formatMoneyRange,
  actionKey,
  actionOptions,
  activeSeat,
  buildCost,
  cloudCost,
  gpuPrice,
  reasonText,
  releaseCount,
  releaseEligible,
  trainCost,
  type Action,
  type ActionType,
  type FactionId,
  type Lang,
  type Reason,
  type RegionId,
  type Rules,
  type SeatView,
  type TextKey,
} from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';

/** The panel's groups, in display order. */
const MENU_GROUPS = ['choice', 'grow', 'models', 'influence', 'finance', 'policy'] as const;
export type MenuGroupId = (typeof MENU_GROUPS)[number];

const GROUP_OF: Record<ActionType, MenuGroupId | 'cards'> = {
  choose: 'choice',
  build: 'grow',
  buyGpus: 'grow',
  train: 'models',
  release: 'models',
  safety: 'models',
  buyLicence: 'models',
  expand: 'influence',
  deal: 'influence',
  exportStandards: 'influence',
  collect: 'finance',
  callPartner: 'finance',
  issueBonds: 'finance',
  repayBonds: 'finance',
  stateFund: 'finance',
  investAI: 'finance',
  washington: 'policy',
  pressureBrussels: 'policy',
  rareEarth: 'policy',
  lobbyChips: 'policy',
  enact: 'policy',
  fine: 'policy',
  playCard: 'cards',
};

/** How the panel asks for an action's parameter. */
export type Picker = 'none' | 'region' | 'list' | 'release';

/** One concrete choice of an action type (a region, a GPU count, a partner...). */
export interface MenuOption {
  key: string;
  action: Action;
  label: string;
  cost: string | null;
  enabled: boolean;
  reason: string | null;
  region?: RegionId;
}

/** One action type in the panel. */
export interface MenuItem {
  type: ActionType;
  label: string;
  hint: string;
  /** Cost or gain, in words ("$8–10B", "+$3B"). */
  cost: string | null;
  enabled: boolean;
  /** Why no option is open (the engine's words). */
  reason: string | null;
  picker: Picker;
  options: MenuOption[];
  /** Release: how many regions to name, and which are eligible. */
  release?: { count: number; eligible: RegionId[] };
}

/** A titled group of items. */
export interface MenuGroup {
  id: MenuGroupId;
  label: string;
  items: MenuItem[];
}

/** A strategy card in the hand. */
export interface HandCard {
  id: string;
  name: string;
  text: string;
  cost: number;
  needsRegion: boolean;
  enabled: boolean;
  reason: string | null;
  options: MenuOption[];
}

/** The whole panel: groups, the hand, and whether it is the seat's turn. */
export interface ActionMenu {
  myTurn: boolean;
  groups: MenuGroup[];
  hand: HandCard[];
  /** The pending headline's question (when the seat must answer). */
  question: string | null;
  /** The game is over: nothing to choose. */
  over: boolean;
}

const money = (lang: Lang, n: number) => formatMoney(n, lang);

/** The most frequent reason among refused options (the first one on ties). */
export function mainReason(reasons: Reason[]): Reason | null {
  const counts = new Map<string, { reason: Reason; n: number }>();
  for (const r of reasons) {
    const key = r.code;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { reason: r, n: 1 });
  }
  let best: { reason: Reason; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.reason ?? null;
}

/**
 * The reasons of every refused option in a few words: the most frequent case (for a case met in
 * several regions, the one closest to allowed, and how many other regions are in the same case),
 * then the other kinds of case. So "no region where the EU has 2 influence" rather than one
 * region picked at random.
 */
export function reasonSummary(rules: Rules, reasons: Reason[], lang: Lang): string | null {
  const main = mainReason(reasons);
  if (!main) return null;
  const tr = (key: TextKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const same = reasons.filter((r) => r.code === main.code);
  const regions = new Set(same.map((r) => r.params?.region).filter((r) => r !== undefined));
  const num = (r: Reason, key: string) => Number(r.params?.[key] ?? 0);
  const closest = same.reduce((best, r) => (num(r, 'have') > num(best, 'have') ? r : best), main);
  let text: string;
  if (main.code === 'standardsInfluence' && regions.size > 1) text = tr('menu.reasonStandards', { need: num(main, 'need'), have: num(closest, 'have') });
  else {
    text = reasonText(rules, closest, lang);
    if (regions.size === 2) text += ` ${tr('menu.reasonSameInOne')}`;
    else if (regions.size > 2) text += ` ${tr('menu.reasonSameIn', { n: regions.size - 1 })}`;
  }
  const others = new Map<string, Reason>();
  for (const r of reasons) if (r.code !== main.code && !others.has(r.code)) others.set(r.code, r);
  for (const r of [...others.values()].slice(0, 2)) text += ` ${tr('menu.reasonAlso', { text: reasonText(rules, r, lang) })}`;
  return text;
}

function optionLabel(rules: Rules, view: SeatView, seat: FactionId, action: Action, lang: Lang): { label: string; cost: string | null } {
  const tr = (key: TextKey, params?: Record<string, string | number>) => translate(lang, key, params);
  switch (action.type) {
    case 'build':
      return { label: rules.regions[action.region].name[lang], cost: money(lang, buildCost(rules, view, seat, action.region)) };
    case 'expand':
    case 'deal':
    case 'exportStandards':
      return { label: rules.regions[action.region].name[lang], cost: null };
    case 'buyGpus':
      return {
        label: tr(`gpu.${action.kind}`, { count: action.count }),
        cost: money(lang, action.count * gpuPrice(rules, view, seat, action.kind)),
      };
    case 'callPartner':
      return { label: tr(`partner.${action.partner}`), cost: `+${money(lang, rules.game.us.partners[action.partner].capital)}` };
    case 'washington':
      return { label: tr(`washington.${action.track}`, { delta: action.delta }), cost: null };
    case 'pressureBrussels':
    case 'enact':
      return { label: tr(`provision.${action.provision}`), cost: null };
    case 'fine':
      return { label: rules.factions[action.target].short[lang], cost: `+${money(lang, rules.game.eu.fine)}` };
    case 'choose': {
      const event = view.pending ? rules.events[view.pending.eventId] : undefined;
      const last = event?.effects[event.effects.length - 1];
      const text = last?.op === 'choice' ? last.options.find((o) => o.id === action.option)?.text[lang] : undefined;
      return { label: text ?? action.option, cost: null };
    }
    case 'playCard':
      return { label: action.region ? rules.regions[action.region].name[lang] : (rules.cards[action.card]?.name[lang] ?? action.card), cost: null };
    default:
      return { label: tr(`action.${action.type}`), cost: null };
  }
}

function typeCost(rules: Rules, view: SeatView, seat: FactionId, type: ActionType, lang: Lang): string | null {
  const g = rules.game;
  const m = (n: number) => money(lang, n);
  switch (type) {
    case 'build': {
      const costs = (['NA', 'EU', 'CN', 'GULF', 'IN', 'SEA', 'JK', 'LATAM', 'AF'] as const).map((r) => buildCost(rules, view, seat, r));
      const lo = Math.min(...costs);
      const hi = Math.max(...costs);
      return formatMoneyRange(lo, hi, lang);
    }
    case 'buyGpus':
      return translate(lang, 'cost.perUnit', {
        price: m(gpuPrice(rules, view, seat, seat === 'china' && view.tracks.exportControls >= 1 ? 'export' : 'frontier')),
      });
    case 'expand':
      return m(g.costs.expand);
    case 'deal':
      return m(g.costs.deal);
    case 'safety':
      return m(g.costs.safety);
    case 'buyLicence':
      return m(g.costs.licence);
    case 'collect':
      return `+${m(g.costs.collect)}`;
    case 'issueBonds':
      return `+${m(g.us.bonds)}`;
    case 'repayBonds':
      return m(Math.min(g.us.repay, view.factions[seat].debt || g.us.repay));
    case 'pressureBrussels':
      return m(g.us.brussels);
    case 'stateFund':
      return `+${m(g.china.stateFund)}`;
    case 'lobbyChips':
      return m(g.china.lobby);
    case 'enact':
      return m(g.eu.enact);
    case 'investAI':
      return `+${m(g.eu.investAI)}`;
    case 'train': {
      const need = trainCost(rules, view, seat);
      if (!Number.isFinite(need)) return null;
      const cloud = cloudCost(rules, view, seat);
      const own = Math.min(need, view.factions[seat].compute);
      return cloud > 0 && Number.isFinite(cloud)
        ? translate(lang, 'cost.computeCloud', { compute: own, money: m(cloud) })
        : translate(lang, 'cost.compute', { compute: need });
    }
    default:
      return null;
  }
}

const PICKER: Partial<Record<ActionType, Picker>> = {
  build: 'region',
  expand: 'region',
  deal: 'region',
  exportStandards: 'region',
  release: 'release',
  buyGpus: 'list',
  callPartner: 'list',
  washington: 'list',
  pressureBrussels: 'list',
  enact: 'list',
  fine: 'list',
  choose: 'list',
};

/** The panel of `view.viewer` now, in `lang`. Empty groups are left out. */
export function actionMenu(rules: Rules, view: SeatView, lang: Lang): ActionMenu {
  const seat = view.viewer;
  const empty: ActionMenu = { myTurn: false, groups: [], hand: [], question: null, over: view.phase === 'over' };
  if (!seat || view.phase === 'over') return empty;
  const myTurn = activeSeat(view) === seat;
  const options = actionOptions(rules, view, seat);
  const byType = new Map<ActionType, { action: Action; reason: Reason | null }[]>();
  for (const o of options) {
    const list = byType.get(o.action.type) ?? [];
    list.push(o);
    byType.set(o.action.type, list);
  }
  const tr = (key: TextKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const toOption = (o: { action: Action; reason: Reason | null }): MenuOption => {
    const { label, cost } = optionLabel(rules, view, seat, o.action, lang);
    const region = 'region' in o.action && o.action.region ? o.action.region : undefined;
    return {
      key: actionKey(o.action),
      action: o.action,
      label,
      cost,
      enabled: myTurn && o.reason === null,
      reason: myTurn && o.reason ? reasonText(rules, o.reason, lang) : null,
      ...(region ? { region } : {}),
    };
  };
  const groups = new Map<MenuGroupId, MenuItem[]>();
  const hand: HandCard[] = [];
  for (const [type, list] of byType) {
    const group = GROUP_OF[type];
    if (group === 'cards') continue;
    let opts = list.map(toOption);
    if (type === 'buyGpus') opts = opts.filter((o) => o.enabled || (o.action.type === 'buyGpus' && o.action.count === 1));
    const enabled = opts.some((o) => o.enabled);
    const refused = reasonSummary(
      rules,
      list.filter((o) => o.reason).map((o) => o.reason as Reason),
      lang,
    );
    const item: MenuItem = {
      type,
      label: type === 'train' ? tr('action.trainTo', { level: view.factions[seat].capability + 1 }) : tr(`action.${type}`),
      hint: tr(`hint.${type}`),
      cost: type === 'choose' ? null : typeCost(rules, view, seat, type, lang),
      enabled,
      reason: enabled || !myTurn ? null : refused,
      picker: PICKER[type] ?? 'none',
      options: opts,
    };
    if (type === 'release') {
      const eligible = releaseEligible(rules, view, seat);
      item.release = { count: releaseCount(rules, view, seat), eligible };
    }
    const items = groups.get(group) ?? [];
    items.push(item);
    groups.set(group, items);
  }
  for (const card of view.factions[seat].hand) {
    const def = rules.cards[card];
    const list = (byType.get('playCard') ?? []).filter((o) => o.action.type === 'playCard' && o.action.card === card);
    const opts = list.map(toOption);
    const refused = reasonSummary(
      rules,
      list.filter((o) => o.reason).map((o) => o.reason as Reason),
      lang,
    );
    const enabled = opts.some((o) => o.enabled);
    hand.push({
      id: card,
      name: def?.name[lang] ?? card,
      text: def?.text[lang] ?? '',
      cost: def?.cost ?? 0,
      needsRegion: def?.target === 'region',
      enabled,
      reason: enabled || !myTurn ? null : refused,
      options: opts,
    });
  }
  let question: string | null = null;
  if (view.pending && view.pending.seat === seat) {
    const event = rules.events[view.pending.eventId];
    question = event ? `${event.name[lang]} — ${event.text[lang]}` : view.pending.eventId;
  }
  return {
    myTurn,
    groups: MENU_GROUPS.filter((id) => groups.has(id)).map((id) => ({ id, label: tr(`group.${id}`), items: groups.get(id) ?? [] })),
    hand,
    question,
    over: false,
  };
}

/** Regions the seat may click now for a region action of `type` (or a region card). */
export function clickableRegions(item: Pick<MenuItem, 'options'> | Pick<HandCard, 'options'> | null): RegionId[] {
  if (!item) return [];
  return item.options.filter((o) => o.enabled && o.region).map((o) => o.region as RegionId);
}

/** The legal release of exactly these regions, if there is one (order does not matter). */
export function releaseAction(item: MenuItem, regions: readonly RegionId[]): Action | null {
  const wanted = [...regions].sort().join('+');
  const match = item.options.find((o) => o.enabled && o.action.type === 'release' && [...o.action.regions].sort().join('+') === wanted);
  return match?.action ?? null;
}
