/** Turns game records (in game order) into the simulator's summary. Pure and order-exact: same records, same summary. */
import { ACTION_TYPES, FACTIONS, VP_SOURCES, hashString, type ActionType, type FactionId, type VpSource } from '../../engine/index.js';
import type { BotLevel } from '../run/play.js';
import type { GameRecord, RunPlan } from '../run/game-record.js';
import { meanSd, round, wilson95, type Moments } from './stats-math.js';

/** A count out of a number of games, with its rate and Wilson 95% interval. */
export interface RateStats {
  wins: number;
  games: number;
  winRate: number;
  ci95: [number, number];
}

/** One faction's results. `winRate` is over all games; `winShareOfDecided` over games that had a winner. */
export interface FactionStats extends RateStats {
  winShareOfDecided: number;
  averageVp: number;
  vpSd: number;
  /** Final VP → number of games. */
  vpHistogram: Record<string, number>;
}

/** One bot level's results over all the seats it played. */
export interface BotStats {
  seats: number;
  wins: number;
  winRate: number;
  ci95: [number, number];
  /** The same, per faction the level played (a level strong with one faction only shows here). */
  byFaction: Partial<Record<FactionId, { seats: number; wins: number; winRate: number }>>;
}

/** Averages at the end of one round, over the games that reached it. */
export interface RoundAverages {
  round: number;
  games: number;
  risk: number;
  tension: number;
  capital: Record<FactionId, number>;
  capability: Record<FactionId, number>;
  influence: Record<FactionId, number>;
}

/** Seats: positions in the seat order drawn at setup (the last tie-breaker of turn order). */
export const SEAT_NAMES = ['first', 'second', 'third'] as const;
export type SeatName = (typeof SEAT_NAMES)[number];

/** The simulator's JSON output. */
export interface SimSummary {
  games: number;
  requestedGames: number;
  interrupted: boolean;
  seed: string;
  rulesHash: string;
  /** The variant file the rules came from (null: the shipped rules). */
  variant: string | null;
  /** The --bots argument: levels for us, china, eu (rotated per game with --rotate). */
  lineup: [BotLevel, BotLevel, BotLevel];
  rotate: boolean;
  factions: Record<FactionId, FactionStats>;
  /** Win rate by seat (position in the seat order drawn at setup), and which factions sat there. */
  seats: Record<SeatName, RateStats & { factions: Record<FactionId, number> }>;
  /**
   * Each faction's win rate (share of its decided games) by seat, and the largest gap between
   * two seats in points: the balance target wants every gap ≤ 4.
   */
  seatEffect: Record<FactionId, { bySeat: Record<SeatName, { games: number; winRate: number }>; spreadPoints: number }>;
  bots: Record<string, BotStats>;
  noWinner: number;
  catastrophes: number;
  catastropheRate: number;
  frontierEndings: number;
  crises: { games: number; total: number; rate: number };
  incidents: number;
  financialCrises: number;
  averageRounds: number;
  roundsSd: number;
  /** Rounds played → number of games. */
  roundsHistogram: Record<string, number>;
  averageActions: number;
  reachedLastRound: number;
  reachedLastRoundRate: number;
  /** Per faction, the share of its actions of each type. */
  actionShares: Record<FactionId, Record<ActionType, number>>;
  /**
   * Per faction, where its VP came from: the average final VP of each source (regions, agenda,
   * capability race, incidents…) over all games, so they add up to `averageVp`.
   */
  vpSources: Record<FactionId, Record<VpSource, number>>;
  perRound: RoundAverages[];
  /** What the v2 targets read: money, contested regions, power, endings, which rules were used. */
  economy: EconomyStats;
  digest: string;
}

/** The v2 figures of a run (docs/design-v2.md). */
export interface EconomyStats {
  /** Capital a faction ends with, as a share of all it received (start, income, actions, events): the mean over factions and games. */
  keptShare: number;
  keptShareByFaction: Record<FactionId, number>;
  /** Share of games in which the US issued bonds or carried debt. */
  usBondsOrDebtRate: number;
  /** Share of games in which some faction had a financial crisis. */
  financialCrisisRate: number;
  /** Share of region scorings with a tie for first place. */
  regionTieRate: number;
  /** Share of (faction, game) pairs in which the faction was not alone first in its home region at the last scoring. */
  homeLostRate: number;
  /** Share of games in which a build was refused for want of power. */
  powerBlockedRate: number;
  /** Share of games decided by a frontier model (capability 10). */
  frontierRate: number;
  /** Per faction and action type: the share of games in which the faction took it at least once. */
  usedInGames: Record<FactionId, Record<ActionType, number>>;
}

const moments = (): Moments => ({ n: 0, sum: 0, sumSq: 0 });
const add = (m: Moments, x: number) => {
  m.n++;
  m.sum += x;
  m.sumSq += x * x;
};
const per = <T>(make: (id: FactionId) => T): Record<FactionId, T> => ({ us: make('us'), china: make('china'), eu: make('eu') });
const rate = (wins: number, games: number): RateStats => {
  const [lo, hi] = wilson95(wins, games);
  return { wins, games, winRate: round(games ? wins / games : 0), ci95: [round(lo), round(hi)] };
};
const bump = (h: Record<string, number>, key: number) => {
  h[String(key)] = (h[String(key)] ?? 0) + 1;
};

/** Summarises `records`, which must be games 0..n-1 of `plan`, in order. */
export function summarise(
  records: GameRecord[],
  plan: RunPlan,
  meta: { rulesHash: string; variant: string | null; requestedGames: number; lastRound: number },
): SimSummary {
  const n = records.length;
  const wins = per(() => 0);
  const vp = per(moments);
  const vpHistogram = per(() => ({}) as Record<string, number>);
  const seatWins = [0, 0, 0];
  const seatFactions = SEAT_NAMES.map(() => per(() => 0));
  const seatFactionWins = SEAT_NAMES.map(() => per(() => 0));
  const seatFactionDecided = SEAT_NAMES.map(() => per(() => 0));
  const bots: Record<string, { seats: number; wins: number; byFaction: Partial<Record<FactionId, { seats: number; wins: number }>> }> = {};
  const actionCounts = per(() => Object.fromEntries(ACTION_TYPES.map((t) => [t, 0])) as Record<ActionType, number>);
  const vpSources = per(() => Object.fromEntries(VP_SOURCES.map((k) => [k, 0])) as Record<VpSource, number>);
  const rounds = moments();
  const roundsHistogram: Record<string, number> = {};
  const sums: Omit<RoundAverages, 'round'>[] = [];
  let noWinner = 0,
    catastrophes = 0,
    frontierEndings = 0,
    crisisGames = 0,
    crises = 0,
    incidents = 0,
    financialCrises = 0,
    actions = 0,
    reachedLastRound = 0;
  const eco = { kept: per(() => 0), bonds: 0, financial: 0, scorings: 0, ties: 0, homeLost: 0, power: 0 };
  const used = per(() => Object.fromEntries(ACTION_TYPES.map((t) => [t, 0])) as Record<ActionType, number>);
  for (const g of records) {
    const e = g.economy;
    for (const id of FACTIONS) {
      eco.kept[id] += e.received[id] > 0 ? e.finalCapital[id] / e.received[id] : 0;
      for (const [type, count] of Object.entries(g.actionCounts[id])) if ((count ?? 0) > 0) used[id][type as ActionType]++;
    }
    if (e.usBondsOrDebt) eco.bonds++;
    if (g.financialCrises > 0) eco.financial++;
    eco.scorings += e.regionScorings;
    eco.ties += e.tiesForFirst;
    eco.homeLost += e.homeLost.length;
    if (e.powerBlocked) eco.power++;
    if (g.winner) wins[g.winner]++;
    else noWinner++;
    if (g.reason === 'catastrophe') catastrophes++;
    if (g.reason === 'frontier') frontierEndings++;
    if (g.crises > 0) crisisGames++;
    crises += g.crises;
    incidents += g.incidents;
    financialCrises += g.financialCrises;
    actions += g.actions;
    add(rounds, g.rounds);
    bump(roundsHistogram, g.rounds);
    if (g.rounds >= meta.lastRound) reachedLastRound++;
    for (const id of FACTIONS) {
      add(vp[id], g.vp[id]);
      for (const k of VP_SOURCES) vpSources[id][k] += g.vpSources[id][k];
      bump(vpHistogram[id], g.vp[id]);
      const level = g.lineup[id];
      const b = (bots[level] ??= { seats: 0, wins: 0, byFaction: {} });
      const bf = (b.byFaction[id] ??= { seats: 0, wins: 0 });
      b.seats++;
      bf.seats++;
      if (g.winner === id) {
        b.wins++;
        bf.wins++;
      }
      for (const [type, count] of Object.entries(g.actionCounts[id])) actionCounts[id][type as ActionType] += count ?? 0;
    }
    g.firstOrder.forEach((id, position) => {
      seatFactions[position]![id]++;
      if (g.winner) seatFactionDecided[position]![id]++;
      if (g.winner === id) {
        seatWins[position]!++;
        seatFactionWins[position]![id]++;
      }
    });
    g.perRound.forEach((s, i) => {
      const t = (sums[i] ??= { games: 0, risk: 0, tension: 0, capital: per(() => 0), capability: per(() => 0), influence: per(() => 0) });
      t.games++;
      t.risk += s.risk;
      t.tension += s.tension;
      for (const id of FACTIONS) {
        t.capital[id] += s.factions[id].capital;
        t.capability[id] += s.factions[id].capability;
        t.influence[id] += s.factions[id].influence;
      }
    });
  }
  const decided = n - noWinner;
  const avg = (x: number, d: number) => round(d ? x / d : 0);
  return {
    games: n,
    requestedGames: meta.requestedGames,
    interrupted: n < meta.requestedGames,
    seed: plan.seed,
    rulesHash: meta.rulesHash,
    variant: meta.variant,
    lineup: plan.bots,
    rotate: plan.rotate,
    factions: per((id) => {
      const { mean, sd } = meanSd(vp[id]);
      return { ...rate(wins[id], n), winShareOfDecided: avg(wins[id], decided), averageVp: round(mean), vpSd: round(sd), vpHistogram: vpHistogram[id] };
    }),
    seats: Object.fromEntries(SEAT_NAMES.map((name, i) => [name, { ...rate(seatWins[i]!, n), factions: seatFactions[i]! }])) as SimSummary['seats'],
    seatEffect: per((id) => {
      const bySeat = Object.fromEntries(
        SEAT_NAMES.map((name, i) => [name, { games: seatFactionDecided[i]![id], winRate: avg(seatFactionWins[i]![id], seatFactionDecided[i]![id]) }]),
      ) as Record<SeatName, { games: number; winRate: number }>;
      const rates = Object.values(bySeat)
        .filter((s) => s.games > 0)
        .map((s) => s.winRate);
      return { bySeat, spreadPoints: rates.length ? round((Math.max(...rates) - Math.min(...rates)) * 100) : 0 };
    }),
    bots: Object.fromEntries(
      Object.entries(bots).map(([level, b]) => [
        level,
        {
          seats: b.seats,
          wins: b.wins,
          winRate: avg(b.wins, b.seats),
          ci95: rate(b.wins, b.seats).ci95,
          byFaction: Object.fromEntries(
            FACTIONS.flatMap((id) => {
              const x = b.byFaction[id];
              return x ? [[id, { seats: x.seats, wins: x.wins, winRate: avg(x.wins, x.seats) }]] : [];
            }),
          ),
        },
      ]),
    ),
    noWinner,
    catastrophes,
    catastropheRate: avg(catastrophes, n),
    frontierEndings,
    crises: { games: crisisGames, total: crises, rate: avg(crisisGames, n) },
    incidents,
    financialCrises,
    averageRounds: round(meanSd(rounds).mean),
    roundsSd: round(meanSd(rounds).sd),
    roundsHistogram,
    averageActions: avg(actions, n),
    reachedLastRound,
    reachedLastRoundRate: avg(reachedLastRound, n),
    actionShares: per((id) => {
      const total = ACTION_TYPES.reduce((s, t) => s + actionCounts[id][t], 0);
      return Object.fromEntries(ACTION_TYPES.map((t) => [t, avg(actionCounts[id][t], total)])) as Record<ActionType, number>;
    }),
    vpSources: per((id) => Object.fromEntries(VP_SOURCES.map((k) => [k, avg(vpSources[id][k], n)])) as Record<VpSource, number>),
    perRound: sums.map((t, i) => ({
      round: i + 1,
      games: t.games,
      risk: avg(t.risk, t.games),
      tension: avg(t.tension, t.games),
      capital: per((id) => avg(t.capital[id], t.games)),
      capability: per((id) => avg(t.capability[id], t.games)),
      influence: per((id) => avg(t.influence[id], t.games)),
    })),
    economy: {
      keptShare: avg(
        FACTIONS.reduce((sum, id) => sum + eco.kept[id], 0),
        n * FACTIONS.length,
      ),
      keptShareByFaction: per((id) => avg(eco.kept[id], n)),
      usBondsOrDebtRate: avg(eco.bonds, n),
      financialCrisisRate: avg(eco.financial, n),
      regionTieRate: avg(eco.ties, eco.scorings),
      homeLostRate: avg(eco.homeLost, n * FACTIONS.length),
      powerBlockedRate: avg(eco.power, n),
      frontierRate: avg(frontierEndings, n),
      usedInGames: per((id) => Object.fromEntries(ACTION_TYPES.map((t) => [t, avg(used[id][t], n)])) as Record<ActionType, number>),
    },
    digest: hashString(records.map((g) => g.hash).join('\n')),
  };
}
