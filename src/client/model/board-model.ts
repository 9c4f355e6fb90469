/**
 * What the Phaser board draws, computed from a seat's view: plain data with every text already
 * in the chosen language. The scene turns this into shapes; it reads nothing else.
 */
import {
  formatMoney,
  FACTIONS,
  PROVISIONS,
  REGIONS,
  activeSeat,
  freePower,
  gpuPrice,
  gpusIn,
  standingLeaders,
  totalGpus,
  totalModules,
  underEuRules,
  type FactionId,
  type GpuCounts,
  type Lang,
  type ProvisionStatus,
  type RegionId,
  type Rules,
  type SeatView,
  type TrackId,
  type TextKey,
} from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';

/** One region tile. */
export interface RegionModel {
  id: RegionId;
  name: string;
  value: number;
  power: number;
  freePower: number;
  modules: Record<FactionId, number>;
  gpus: Record<FactionId, number>;
  /** Installed GPUs by kind (drawn as pieces in the modules' slots). */
  gpuKinds: Record<FactionId, GpuCounts>;
  /** Factions that released open weights here (tokens on the tile). */
  releases: FactionId[];
  influence: Record<FactionId, number>;
  /** Factions with the most influence (at least 1). */
  leaders: FactionId[];
  euRules: boolean;
  deals: FactionId[];
  /** The viewer may click it now (a region choice is open and this region is legal). */
  clickable: boolean;
  /** The viewer's last move or a bot's last move touched it. */
  highlighted: boolean;
}

/** A track on the top strip. */
export interface TrackModel {
  id: TrackId;
  label: string;
  value: number;
  max: number;
  /** Level from which the track is dangerous (drawn in red). */
  danger: number;
}

/** One faction's public numbers. */
export interface FactionModel {
  id: FactionId;
  name: string;
  capital: number;
  /** Capital in words ("$45B", "45 Md$"). */
  money: string;
  debt: number;
  compute: number;
  capability: number;
  vp: number;
  gpus: number;
  modules: number;
  hand: number;
  active: boolean;
  thinking: boolean;
  isViewer: boolean;
  /** "You", "Bot (hard)"... */
  player: string;
  /** The card's lines in words: capability and compute; data centres; GPUs and cards. */
  lines: { capability: string; modules: string; gpus: string };
}

/** The whole board. */
export interface BoardModel {
  lang: Lang;
  round: number;
  rounds: number;
  year: number;
  era: string;
  actionRound: number;
  over: boolean;
  active: FactionId | null;
  order: FactionId[];
  tracks: TrackModel[];
  provisions: { id: string; label: string; status: ProvisionStatus; statusLabel: string }[];
  /** `slots`: the units a full market offers (`gpus.marketUnits`); prices for the viewer (the US when nobody views). */
  market: { units: number; slots: number; price: number; exportPrice: number; label: string; frontierLabel: string; exportLabel: string };
  /** GPU slots in one data-centre module (`gpus.slotsPerModule`). */
  slotsPerModule: number;
  /** The capability track's last level (`limits.capability`). */
  capabilityMax: number;
  headlines: { id: string; name: string; text: string }[];
  regions: RegionModel[];
  factions: FactionModel[];
  race: { level: number; vp: number; by: FactionId | null }[];
  labels: Record<
    | 'round'
    | 'market'
    | 'headline'
    | 'capability'
    | 'vp'
    | 'aiAct'
    | 'free'
    | 'value'
    | 'euRules'
    | 'deal'
    | 'order'
    | 'capShort'
    | 'compute'
    | 'gpus'
    | 'modules'
    | 'cards'
    | 'legend'
    | 'legendModule'
    | 'legendFrontier'
    | 'legendExport'
    | 'legendDomestic'
    | 'legendRelease'
    | 'legendDeal',
    string
  >;
  /** Status line: whose turn, or the result. */
  status: string;
  /** The viewer's own numbers in one line ("" without a viewer). */
  me: string;
  /** A scoring that just happened: a title, one line per faction, each region's prizes (lit one after another; empty: unknown). */
  scoring: { title: string; lines: string[]; regions: { id: RegionId; prizes: Record<FactionId, number> }[]; stepped: boolean } | null;
  /** Incidents so far and whether the game ended in a catastrophe (the board flashes the Risk track when they change). */
  incidents: number;
  catastrophe: boolean;
}

/** Extra facts the board shows that the view does not hold. */
export interface BoardContext {
  /** Regions the viewer may click now. */
  clickable?: readonly RegionId[];
  highlighted?: readonly RegionId[];
  thinking?: FactionId | null;
  /** Who plays each seat, in words. */
  players?: Partial<Record<FactionId, string>>;
  /** A scoring that just happened: its round, one line per faction, and each region's prizes when known (shown on the board). */
  scoring?: {
    round: number;
    lines: string[];
    regions?: { id: RegionId; prizes: Record<FactionId, number> }[];
    /** The page tells it line by line and lights the regions itself (the board then shows no card and lights nothing on its own). */
    stepped?: boolean;
  } | null;
}

const TRACK_KEYS: Record<TrackId, TextKey> = {
  risk: 'track.risk',
  tension: 'track.tension',
  exportControls: 'track.exportControls',
  tariffs: 'track.tariffs',
};
const PROVISION_KEYS: Record<string, TextKey> = {
  transparency: 'provision.transparency',
  riskManagement: 'provision.riskManagement',
  copyright: 'provision.copyright',
};

/** The board model of a view, in `lang`. */
export function boardModel(rules: Rules, view: SeatView, lang: Lang, ctx: BoardContext = {}): BoardModel {
  const tr = (key: TextKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const g = rules.game;
  const active = activeSeat(view);
  const clickable = new Set(ctx.clickable ?? []);
  const highlighted = new Set(ctx.highlighted ?? []);
  const regions = REGIONS.map((id): RegionModel => {
    const per = <T>(f: (seat: FactionId) => T) => Object.fromEntries(FACTIONS.map((s) => [s, f(s)])) as Record<FactionId, T>;
    return {
      id,
      name: rules.regions[id].name[lang],
      value: rules.regions[id].value,
      power: rules.regions[id].power,
      freePower: freePower(rules, view, id),
      modules: per((s) => view.factions[s].modules[id]),
      gpus: per((s) => gpusIn(view.factions[s], id)),
      gpuKinds: per((s) => ({ ...view.factions[s].gpus[id] })),
      releases: FACTIONS.filter((s) => view.factions[s].releasedIn.includes(id)),
      influence: per((s) => view.factions[s].influence[id]),
      leaders: standingLeaders(rules, view, id),
      euRules: underEuRules(view, id),
      deals: FACTIONS.filter((s) => view.factions[s].deals.includes(id)),
      clickable: clickable.has(id),
      highlighted: highlighted.has(id),
    };
  });
  const danger: Record<TrackId, number> = {
    risk: g.incidents.fromRisk,
    tension: g.tracks.tension.max - 2,
    exportControls: g.tracks.exportControls.max,
    tariffs: g.tracks.tariffs.max,
  };
  const tracks = (['risk', 'tension', 'exportControls', 'tariffs'] as const).map((id) => ({
    id,
    label: tr(TRACK_KEYS[id]),
    value: view.tracks[id],
    max: g.tracks[id].max,
    danger: danger[id],
  }));
  const era = rules.game.eras.find((e) => e.id === (rules.eraOfRound[view.round] ?? 1));
  const viewer = view.viewer;
  const factions = FACTIONS.map((id): FactionModel => {
    const f = view.factions[id];
    return {
      id,
      name: rules.factions[id].short[lang],
      capital: f.capital,
      money: formatMoney(f.capital, lang),
      debt: f.debt,
      compute: f.compute,
      capability: f.capability,
      vp: f.vp,
      gpus: totalGpus(f),
      modules: totalModules(f),
      hand: view.hidden.handCount[id],
      active: active === id,
      thinking: ctx.thinking === id,
      isViewer: viewer === id,
      player: ctx.players?.[id] ?? '',
      lines: {
        capability: tr('board.factionCap', { capability: f.capability, compute: f.compute }),
        modules: totalModules(f) === 1 ? tr('board.factionGpusOne') : tr('board.factionGpus', { modules: totalModules(f) }),
        gpus: tr('board.factionCards', { gpus: totalGpus(f), cards: view.hidden.handCount[id] }),
      },
    };
  });
  const race = g.capabilityRace.map(({ level, vp }) => ({ level, vp, by: view.race[String(level)] ?? null }));
  const priceSeat: FactionId = viewer ?? 'us';
  const over = view.phase === 'over';
  let status: string;
  if (over) {
    const winner = view.result?.winner;
    status =
      view.result?.reason === 'catastrophe'
        ? tr('status.catastrophe')
        : winner
          ? tr('status.winner', { faction: rules.factions[winner].short[lang] })
          : tr('status.tie');
  } else if (active) {
    const who = rules.factions[active].short[lang];
    status =
      active === viewer
        ? view.pending
          ? tr('status.yourChoice')
          : tr('status.yourTurn')
        : ctx.thinking === active
          ? tr('status.thinking', { faction: who })
          : tr('status.turnOf', { faction: who });
  } else status = '';
  return {
    lang,
    round: view.round,
    rounds: g.rounds.count,
    year: g.rounds.firstYear + view.round - 1,
    era: era?.name[lang] ?? '',
    actionRound: view.actionRound + 1,
    over,
    active,
    order: [...view.order],
    tracks,
    provisions: PROVISIONS.map((id) => ({
      id,
      label: tr(PROVISION_KEYS[id] as TextKey),
      status: view.provisions[id],
      statusLabel: tr(`provisionStatus.${view.provisions[id]}` as TextKey),
    })),
    capabilityMax: g.limits.capability,
    market: {
      units: view.market.units,
      slots: g.gpus.marketUnits,
      price: gpuPrice(rules, view, priceSeat, 'frontier'),
      exportPrice: gpuPrice(rules, view, priceSeat, 'export'),
      label: tr('board.marketLeft', { units: view.market.units, slots: g.gpus.marketUnits }),
      frontierLabel: tr('board.priceFrontier', { price: gpuPrice(rules, view, priceSeat, 'frontier') }),
      exportLabel: tr('board.priceExport', { price: gpuPrice(rules, view, priceSeat, 'export') }),
    },
    slotsPerModule: g.gpus.slotsPerModule,
    headlines: view.headlines.map((id) => ({ id, name: rules.events[id]?.name[lang] ?? id, text: rules.events[id]?.text[lang] ?? '' })),
    regions,
    factions,
    race,
    labels: {
      round: tr('board.round', {
        round: view.round,
        rounds: g.rounds.count,
        year: g.rounds.firstYear + view.round - 1,
        action: Math.min(view.actionRound + 1, g.rounds.actionRounds),
        actions: g.rounds.actionRounds,
      }),
      market: tr('board.market'),
      headline: tr('board.headline'),
      capability: tr('board.capability'),
      vp: tr('board.vp'),
      aiAct: tr('board.aiAct'),
      free: tr('board.free'),
      value: tr('board.value'),
      euRules: tr('board.euRules'),
      deal: tr('board.deal'),
      order: tr('board.order'),
      capShort: tr('board.capShort'),
      compute: tr('board.compute'),
      gpus: tr('board.gpus'),
      modules: tr('board.modules'),
      cards: tr('board.cards'),
      legend: tr('board.legend'),
      legendModule: tr('board.legendModule'),
      legendFrontier: tr('board.legendFrontier'),
      legendExport: tr('board.legendExport'),
      legendDomestic: tr('board.legendDomestic'),
      legendRelease: tr('board.legendRelease'),
      legendDeal: tr('board.legendDeal'),
    },
    status,
    scoring: ctx.scoring
      ? {
          title: tr('scoring.banner', { round: ctx.scoring.round }),
          lines: ctx.scoring.lines,
          regions: ctx.scoring.regions ?? [],
          stepped: ctx.scoring.stepped ?? false,
        }
      : null,
    incidents: view.log.filter((e) => e.kind === 'incident').length,
    catastrophe: view.log.some((e) => e.kind === 'catastrophe'),
    me: viewer
      ? tr('board.me', {
          faction: rules.factions[viewer].short[lang],
          money: formatMoney(view.factions[viewer].capital, lang),
          vp: view.factions[viewer].vp,
          capability: view.factions[viewer].capability,
          compute: view.factions[viewer].compute,
        })
      : '',
  };
}
