/** What the simulator keeps of one game: a small, plain record (it crosses worker threads). */
import {
  checkAction,
  FACTIONS,
  incomeBreakdown,
  settlesThisUpkeep,
  REGIONS,
  regionStanding,
  roundFigures,
  stateHash,
  type Action,
  type ActionType,
  type EndReason,
  type FactionId,
  type GameState,
  type RoundFigures,
  type Rules,
  type VpSource,
} from '../../engine/index.js';
import { MatchRecorder, type MatchFile } from '../../match/index.js';
import { playGame, type BotLevel, type GameObserver } from './play.js';
import { gameSeed } from '../../engine/seeds.js';

/**
 * What the v2 targets measure of one game: where the money went, how contested the regions
 * were, whether power ever stopped a build.
 */
export interface GameEconomy {
  /** Capital each faction received: its start, every round's income, and what its actions and events brought. */
  received: Record<FactionId, number>;
  /** Capital each faction ended with. */
  finalCapital: Record<FactionId, number>;
  /** Did the US issue bonds, or carry debt at some point? */
  usBondsOrDebt: boolean;
  /** Region scorings (each region at each scoring round) and how many had a tie for first place. */
  regionScorings: number;
  tiesForFirst: number;
  /** At the last scoring, the factions that were not alone first in their own home region. */
  homeLost: FactionId[];
  /** Was a build refused for want of power (a faction on its turn, able to pay, with influence, and no power left)? */
  powerBlocked: boolean;
}

/** One finished game. */
export interface GameRecord {
  index: number;
  hash: string;
  lineup: Record<FactionId, BotLevel>;
  winner: FactionId | null;
  reason: EndReason;
  rounds: number;
  actions: number;
  vp: Record<FactionId, number>;
  /** Each faction's final VP by where they came from (they sum to `vp`). */
  vpSources: Record<FactionId, Record<VpSource, number>>;
  /** The seat order drawn at setup (the last tie-breaker of turn order): each faction's seat. */
  firstOrder: FactionId[];
  crises: number;
  incidents: number;
  financialCrises: number;
  actionCounts: Record<FactionId, Partial<Record<ActionType, number>>>;
  /** The public figures at the end of each round played. */
  perRound: RoundFigures[];
  economy: GameEconomy;
}

/** What a run plays: the same for every game but its index. */
export interface RunPlan {
  seed: string;
  /** Bot levels for us, china, eu. */
  bots: [BotLevel, BotLevel, BotLevel];
  /** Game i seats bots[(j + i) % 3] at faction j. */
  rotate: boolean;
  /** Also build each game's match file. */
  saveMatches: boolean;
}

/** The bot levels of game `index`: rotation `index mod 3` when rotating. */
export function lineupOf(plan: RunPlan, index: number): Record<FactionId, BotLevel> {
  const r = plan.rotate ? index % 3 : 0;
  return { us: plan.bots[r % 3]!, china: plan.bots[(1 + r) % 3]!, eu: plan.bots[(2 + r) % 3]! };
}

/** The tied-first regions and home holds of a scoring, read from the state it scored. */
function scoringFacts(rules: Rules, state: GameState): { ties: number; homeLost: FactionId[] } {
  let ties = 0;
  for (const r of REGIONS) {
    const levels = FACTIONS.map((id) => regionStanding(rules, state, id, r));
    const top = Math.max(...levels);
    if (top > 0 && levels.filter((l) => l === top).length > 1) ties++;
  }
  const homeLost = FACTIONS.filter((id) => {
    const home = rules.factions[id].home;
    const mine = regionStanding(rules, state, id, home);
    return FACTIONS.some((other) => other !== id && regionStanding(rules, state, other, home) >= mine);
  });
  return { ties, homeLost };
}

class StatsObserver implements GameObserver {
  round = 1;
  actions = 0;
  firstOrder: FactionId[] = [];
  readonly perRound: RoundFigures[] = [];
  readonly actionCounts: Record<FactionId, Partial<Record<ActionType, number>>> = { us: {}, china: {}, eu: {} };
  readonly economy: GameEconomy = {
    received: { us: 0, china: 0, eu: 0 },
    finalCapital: { us: 0, china: 0, eu: 0 },
    usBondsOrDebt: false,
    regionScorings: 0,
    tiesForFirst: 0,
    homeLost: [],
    powerBlocked: false,
  };
  /** Each faction's capital and income as the last step left them (income: what upkeep would pay). */
  private readonly lastCapital: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  private readonly lastIncome: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  /** How much of the (append-only) log has been read. */
  private logRead = 0;

  constructor(private readonly rules: Rules) {}

  start(state: GameState): void {
    this.firstOrder = [...state.seatOrder];
    for (const id of FACTIONS) this.economy.received[id] = state.factions[id].capital;
    this.remember(state);
  }

  private remember(state: GameState): void {
    for (const id of FACTIONS) {
      this.lastCapital[id] = state.factions[id].capital;
      this.lastIncome[id] = settlesThisUpkeep(this.rules, state) ? incomeBreakdown(this.rules, state, id).total : 0;
    }
  }

  /** Called before each decision: was a build refused for want of power? */
  deciding(seat: FactionId, state: GameState): void {
    if (this.economy.powerBlocked || state.pending) return;
    for (const region of REGIONS) {
      const reason = checkAction(this.rules, state, seat, { type: 'build', region });
      if (reason?.code === 'noPower') {
        this.economy.powerBlocked = true;
        return;
      }
    }
  }

  applied(seat: FactionId, action: Action, state: GameState): void {
    this.actions++;
    const counts = this.actionCounts[seat];
    counts[action.type] = (counts[action.type] ?? 0) + 1;
    const newRound = state.round !== this.round || state.phase === 'over';
    for (const id of FACTIONS) {
      // A round's end brings its income (read from the state before upkeep); any other step's gain is the action's or an event's.
      if (newRound) this.economy.received[id] += Math.max(0, this.lastIncome[id]);
      else this.economy.received[id] += Math.max(0, state.factions[id].capital - this.lastCapital[id]);
    }
    if (action.type === 'issueBonds' || state.factions.us.debt > 0) this.economy.usBondsOrDebt = true;
    let scored = false;
    for (; this.logRead < state.log.length; this.logRead++) if (state.log[this.logRead]?.kind === 'scoring') scored = true;
    if (scored) {
      // The state scored is the one before upkeep moved on; the board's influence does not change in upkeep.
      const facts = scoringFacts(this.rules, state);
      this.economy.regionScorings += REGIONS.length;
      this.economy.tiesForFirst += facts.ties;
      this.economy.homeLost = facts.homeLost;
    }
    if (newRound) {
      if (this.perRound.length < this.round) this.perRound.push(roundFigures(state, this.round));
      this.round = state.round;
    }
    if (state.phase === 'over') for (const id of FACTIONS) this.economy.finalCapital[id] = state.factions[id].capital;
    this.remember(state);
  }
}

/** Plays game `index` of a run and keeps its record (and its match file when asked). */
export function playRecorded(rules: Rules, plan: RunPlan, index: number): { record: GameRecord; match: MatchFile | null } {
  const seed = gameSeed(plan.seed, index);
  const lineup = lineupOf(plan, index);
  let recorder: MatchRecorder | null = null;
  const observer = new StatsObserver(rules);
  const wrapped: GameObserver = {
    start: (state) => {
      if (plan.saveMatches) {
        const seats = {
          us: { kind: 'bot' as const, level: lineup.us },
          china: { kind: 'bot' as const, level: lineup.china },
          eu: { kind: 'bot' as const, level: lineup.eu },
        };
        recorder = new MatchRecorder(rules.hash, seed, seats, state, 'sim');
      }
      observer.start(state);
    },
    deciding: (seat, state) => observer.deciding(seat, state),
    applied: (seat, action, state) => {
      observer.applied(seat, action, state);
      recorder?.applied(seat, action, state);
    },
  };
  const { state } = playGame(rules, seed, lineup, false, wrapped);
  let crises = 0;
  let incidents = 0;
  let financialCrises = 0;
  for (const e of state.log) {
    if (e.kind === 'crisis') crises++;
    else if (e.kind === 'incident') incidents++;
    else if (e.kind === 'financialCrisis') financialCrises++;
  }
  const record: GameRecord = {
    index,
    hash: stateHash(state),
    lineup,
    winner: state.result?.winner ?? null,
    reason: state.result?.reason ?? 'rounds',
    rounds: state.round,
    actions: observer.actions,
    vp: { us: state.factions.us.vp, china: state.factions.china.vp, eu: state.factions.eu.vp },
    vpSources: { us: { ...state.factions.us.vpBreakdown }, china: { ...state.factions.china.vpBreakdown }, eu: { ...state.factions.eu.vpBreakdown } },
    firstOrder: observer.firstOrder,
    crises,
    incidents,
    financialCrises,
    actionCounts: observer.actionCounts,
    perRound: observer.perRound,
    economy: observer.economy,
  };
  const match = recorder ? (recorder as MatchRecorder).toMatch(state) : null;
  return { record, match };
}
