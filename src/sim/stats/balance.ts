/**
 * The balance targets of GAME-DESIGN.md as checks on simulator summaries: which runs measure
 * them, and whether each target holds, with the figure, its 95% interval and the `npm run sim`
 * command that reproduces it.
 */
import { COMMON_ACTION_TYPES, FACTION_LEVERS, FACTIONS, type ActionType, type FactionId } from '../../engine/index.js';
import { SINGLE_MINDED_TYPES } from '../../bots/index.js';
import type { BotLevel } from '../run/play.js';
import { pairedShareMove, seatGapTest, Z95, type PairedMove } from './sampling.js';
import { wilson95, wilsonInterval } from './stats-math.js';
import type { SimSummary } from './summary.js';

/** The targets, in GAME-DESIGN.md's words and numbers. */
export const BALANCE_TARGETS = {
  /** Each faction's share of the games that have a winner, with three equal bots. */
  factionShare: [0.28, 0.39] as const,
  /** The largest gap (points) in a faction's win rate between seats. */
  seatSpreadPoints: 4,
  /** Share of games between medium bots that end in an AI catastrophe. */
  catastrophe: [0.03, 0.15] as const,
  /** The most a single-minded bot may win of its seats against two medium bots. */
  singleMinded: 0.2,
  /** The least share of games that reach the last round. */
  lastRound: 0.8,
};

/**
 * The default sample sizes of `npm run balance` and why (docs/designers.md, "How many games"):
 *
 * - `mediumGames`: each faction's share of the games with a winner is read to ±2 points (95%),
 *   a sixth of the 28–39% band: `gamesForHalfWidth(1/3, 0.02)` = 2,135 games with a winner,
 *   and up to 15% of games may end without one (the catastrophe band), so 2,520. The same games give every v2 figure of the medium level and
 *   the shipped-rules side of three levers.
 * - `randomGames`: random games are about thirty times cheaper; 20,000 read a share to ±0.7
 *   points (the EU's random share sat at 38.9–39.3%, on the band's edge).
 * - `singleGames`, `leverGames`: the most a single-minded strategy or a lever's side plays;
 *   their checks look at the data after an eighth, a quarter, a half and all of it (`looks`), and stop
 *   once the interval is wholly on one side of the target (sampling.ts).
 */
export const BALANCE_DEFAULTS = {
  mediumGames: 2520,
  randomGames: 20_000,
  singleGames: 600,
  leverGames: 600,
  /**
   * Hard ×3 games when asked for (`--hard-games` without a number, or `--hard-only`): what two
   * cores play in about five minutes; each faction's share is then known to about ±12 points,
   * enough to see a faction far outside the band (China's 57% in session 11), not to confirm
   * one near its edge.
   */
  hardGames: 60,
  /** Looks of the sequential checks (single-minded strategies, levers). */
  looks: 4,
  /** The half-width (rate) the medium faction shares are read to. */
  shareHalfWidth: 0.02,
};

/** One simulator run of the balance plan. */
export interface BalanceRun {
  /** What the run measures, e.g. "medium ×3" or "single-minded release". */
  label: string;
  kind: 'equal' | 'single';
  seed: string;
  bots: [BotLevel, BotLevel, BotLevel];
  rotate: boolean;
  games: number;
}

/** How many games each kind of run plays (0: skip it), and the seeds. */
export interface BalancePlanOptions {
  mediumGames: number;
  randomGames: number;
  hardGames: number;
  singleGames: number;
  /** The single-minded strategies to check (default: every common action type). */
  singleTypes?: readonly string[];
  seed: string;
  singleSeed: string;
}

/** The runs that measure every target, cheapest first. */
export function balancePlan(o: BalancePlanOptions): BalanceRun[] {
  const runs: BalanceRun[] = [];
  const equal = (level: 'random' | 'medium' | 'hard', games: number) => {
    if (games > 0) runs.push({ label: `${level} ×3`, kind: 'equal', seed: o.seed, bots: [level, level, level], rotate: false, games });
  };
  equal('random', o.randomGames);
  equal('medium', o.mediumGames);
  if (o.singleGames > 0)
    for (const type of o.singleTypes ?? SINGLE_MINDED_TYPES) {
      const level = `single-${type}` as BotLevel;
      runs.push({ label: `single-minded ${type}`, kind: 'single', seed: o.singleSeed, bots: [level, 'medium', 'medium'], rotate: true, games: o.singleGames });
    }
  equal('hard', o.hardGames);
  return runs;
}

/** One target checked on one run. */
export interface BalanceCheck {
  run: string;
  target: string;
  /** The figure, in words (percentages with one decimal). */
  measured: string;
  pass: boolean;
  /** The figure the pass/fail rests on (a rate, or points for the seat spread). */
  value: number;
  /** Its 95% interval, where it is a rate, and whose rate that is when the figure names several. */
  ci95?: [number, number];
  ciOf?: string;
  command: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const NAME: Record<FactionId, string> = { us: 'US', china: 'China', eu: 'EU' };

/** The `npm run sim` command that plays `run` (with `--rules` when a variant is checked). */
export function commandOf(run: BalanceRun, variant: string | null): string {
  const rules = variant ? ` --rules ${variant}` : '';
  return `npm run sim -- --games ${run.games} --seed ${run.seed} --bots ${run.bots.join(',')}${run.rotate ? ' --rotate' : ''}${rules} --format json`;
}

/**
 * How a sequential check stopped: after `games` of at most `maxGames`, on an interval with
 * normal quantile `z` (its look's share of 5%, Bonferroni over the looks, so that interval is a
 * 95% interval wherever the check stopped; sampling.ts).
 */
export interface SequentialStop {
  games: number;
  maxGames: number;
  z: number;
}

/** The targets `run` measures, checked on its summary (for a single-minded run, `stop` says when its sequential check stopped). */
export function balanceChecks(run: BalanceRun, s: SimSummary, stop?: SequentialStop): BalanceCheck[] {
  const t = BALANCE_TARGETS;
  const command = commandOf({ ...run, games: s.games }, s.variant);
  const base = { run: run.label, command };
  if (run.kind === 'single') {
    const level = run.bots[0];
    const bot = s.bots[level];
    const rate = bot?.winRate ?? 0;
    const early = stop && stop.games < stop.maxGames ? ` (settled after ${stop.games} of up to ${stop.maxGames} games)` : '';
    return [
      {
        ...base,
        target: `wins ≤ ${pct(t.singleMinded)} of its seats against two medium bots`,
        measured: `${pct(rate)} of ${bot?.seats ?? 0} seats${early}`,
        pass: rate <= t.singleMinded,
        value: rate,
        ...(bot ? { ci95: stop ? wilsonInterval(bot.wins, bot.seats, stop.z) : bot.ci95 } : {}),
      },
    ];
  }
  const decided = s.games - s.noWinner;
  const shares = FACTIONS.map((id) => ({ id, share: s.factions[id].winShareOfDecided, ci95: wilson95(s.factions[id].wins, decided) }));
  const [lo, hi] = t.factionShare;
  const worst = shares.reduce((w, x) => (Math.abs(x.share - (lo + hi) / 2) > Math.abs(w.share - (lo + hi) / 2) ? x : w));
  const seat = seatGapTest(
    Object.fromEntries(FACTIONS.map((id) => [id, s.seatEffect[id].bySeat])) as Record<FactionId, Record<string, { games: number; winRate: number }>>,
    t.seatSpreadPoints,
  );
  const checks: BalanceCheck[] = [
    {
      ...base,
      target: `each faction wins ${pct(lo)}–${pct(hi)} of the ${decided} games with a winner`,
      measured: shares.map((x) => `${NAME[x.id]} ${pct(x.share)}`).join(' / '),
      pass: shares.every((x) => x.share >= lo && x.share <= hi),
      value: worst.share,
      ci95: worst.ci95,
      ciOf: NAME[worst.id],
    },
    {
      ...base,
      target: `seat order moves no faction's win rate by more than ${t.seatSpreadPoints} points (fails when a larger gap is shown at 95%)`,
      measured:
        `largest gap ${seat.points.toFixed(1)} points, ${NAME[seat.faction]} ${seat.seats.join('/')} seat ` +
        `(95% over all pairs: ${seat.ci[0].toFixed(1)} to ${seat.ci[1].toFixed(1)}; ≥ ${seat.smallestCell} games a pair, which shows a gap of ${seat.detectable.toFixed(0)})`,
      pass: !seat.shownOver,
      value: seat.points,
    },
    {
      ...base,
      target: `the last round is reached in ≥ ${pct(t.lastRound)} of the games`,
      measured: pct(s.reachedLastRoundRate),
      pass: s.reachedLastRoundRate >= t.lastRound,
      value: s.reachedLastRoundRate,
    },
  ];
  if (run.bots[0] === 'medium') {
    const [clo, chi] = t.catastrophe;
    checks.push({
      ...base,
      target: `AI catastrophe ends ${pct(clo)}–${pct(chi)} of the games`,
      measured: `${pct(s.catastropheRate)} (${s.catastrophes} games)`,
      pass: s.catastropheRate >= clo && s.catastropheRate <= chi,
      value: s.catastropheRate,
      ci95: wilson95(s.catastrophes, s.games),
    });
  }
  return checks;
}

/** The checks as readable lines: one per target, ✓ or ✗, then the commands that reproduce them. */
export function balanceTable(checks: BalanceCheck[], header: string): string {
  const width = Math.max(...checks.map((c) => c.run.length));
  const figures = checks.map((c) => `${c.measured}${c.ci95 ? `  (95%${c.ciOf ? ` for ${c.ciOf}` : ''}: ${pct(c.ci95[0])}–${pct(c.ci95[1])})` : ''}`);
  const figureWidth = Math.max(...figures.map((f) => f.length));
  const lines = [header];
  for (const [i, c] of checks.entries())
    lines.push(`${c.pass ? '✓' : '✗'} ${c.run.padEnd(width)}  ${(figures[i] ?? '').padEnd(figureWidth)}  target: ${c.target}`);
  const failed = checks.filter((c) => !c.pass).length;
  lines.push(failed === 0 ? `all ${checks.length} targets hold` : `${failed} of ${checks.length} targets fail`);
  return lines.join('\n');
}

/** The v2 targets (docs/design-v2.md): the race's real levers must bind. Shares are of a faction's own actions. */
const V2_TARGETS = {
  playbook: {
    us: { infrastructure: [0.2, 1], releases: [0, 0.12], levers: [0.08, 1] },
    china: { infrastructure: [0.12, 1], releases: [0.2, 0.4], levers: [0.08, 1] },
    eu: { infrastructure: [0.08, 1], releases: [0, 1], levers: [0.2, 1] },
  } as Record<FactionId, Record<'infrastructure' | 'releases' | 'levers', readonly [number, number]>>,
  /** Every action type and lever is taken in at least this share of its faction's games, at some bot level. */
  noDeadRules: 0.2,
  /** The average faction ends with less capital than this share of all it received. */
  keptShare: 0.25,
  usBondsOrDebt: 0.3,
  financialCrisis: [0.03, 0.2] as const,
  regionTies: 0.25,
  homeLost: 0.15,
  frontier: 0.03,
  catastrophe: [0.03, 0.15] as const,
  /** Counterfactual runs: the smallest move of a win share (points) each lever must cause. */
  levers: { exportControls: 8, tariffs: 4, power: 4, partners: 8 },
  powerBlocked: 0.2,
};

const INFRASTRUCTURE: readonly ActionType[] = ['build', 'buyGpus'];

/** The v2 targets one equal-bot run measures (medium ×3 or hard ×3). */
export function v2Checks(run: BalanceRun, s: SimSummary): BalanceCheck[] {
  if (run.kind !== 'equal' || run.bots[0] === 'random') return [];
  const t = V2_TARGETS;
  const base = { run: run.label, command: commandOf(run, s.variant) };
  const share = (id: FactionId, types: readonly ActionType[]) => types.reduce((sum, type) => sum + (s.actionShares[id][type] ?? 0), 0);
  const within = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
  const range = ([lo, hi]: readonly [number, number]) => (hi >= 1 ? `≥ ${pct(lo)}` : lo <= 0 ? `≤ ${pct(hi)}` : `${pct(lo)}–${pct(hi)}`);
  const checks: BalanceCheck[] = [];
  for (const id of FACTIONS) {
    const p = t.playbook[id];
    const parts = { infrastructure: share(id, INFRASTRUCTURE), releases: share(id, ['release']), levers: share(id, FACTION_LEVERS[id]) };
    const ok = within(parts.infrastructure, p.infrastructure) && within(parts.releases, p.releases) && within(parts.levers, p.levers);
    checks.push({
      ...base,
      target: `${NAME[id]} plays its playbook: building + GPUs ${range(p.infrastructure)}, releases ${range(p.releases)}, its levers ${range(p.levers)} of its actions`,
      measured: `${NAME[id]} building + GPUs ${pct(parts.infrastructure)}, releases ${pct(parts.releases)}, levers ${pct(parts.levers)}`,
      pass: ok,
      value: parts.infrastructure,
    });
  }
  const e = s.economy;
  checks.push(
    {
      ...base,
      target: `money binds: the average faction keeps < ${pct(t.keptShare)} of all it received`,
      measured: `${pct(e.keptShare)} (US ${pct(e.keptShareByFaction.us)}, China ${pct(e.keptShareByFaction.china)}, EU ${pct(e.keptShareByFaction.eu)})`,
      pass: e.keptShare < t.keptShare,
      value: e.keptShare,
    },
    {
      ...base,
      target: `the US issues bonds or carries debt in ≥ ${pct(t.usBondsOrDebt)} of games`,
      measured: pct(e.usBondsOrDebtRate),
      pass: e.usBondsOrDebtRate >= t.usBondsOrDebt,
      value: e.usBondsOrDebtRate,
      ci95: wilson95(Math.round(e.usBondsOrDebtRate * s.games), s.games),
    },
    {
      ...base,
      target: `a financial crisis hits someone in ${pct(t.financialCrisis[0])}–${pct(t.financialCrisis[1])} of games`,
      measured: pct(e.financialCrisisRate),
      pass: within(e.financialCrisisRate, t.financialCrisis),
      value: e.financialCrisisRate,
      ci95: wilson95(Math.round(e.financialCrisisRate * s.games), s.games),
    },
    {
      ...base,
      target: `regions are contested: a tie for first in ≤ ${pct(t.regionTies)} of region scorings`,
      measured: pct(e.regionTieRate),
      pass: e.regionTieRate <= t.regionTies,
      value: e.regionTieRate,
    },
    {
      ...base,
      target: `a home region is lost to a rival in ≤ ${pct(t.homeLost)} of final scorings`,
      measured: pct(e.homeLostRate),
      pass: e.homeLostRate <= t.homeLost,
      value: e.homeLostRate,
    },
    {
      ...base,
      target: `a frontier model decides ≥ ${pct(t.frontier)} of games`,
      measured: `${pct(e.frontierRate)} (${s.frontierEndings} games)`,
      pass: e.frontierRate >= t.frontier,
      value: e.frontierRate,
      ci95: wilson95(s.frontierEndings, s.games),
    },
  );
  if (run.bots[0] !== 'medium')
    checks.push({
      ...base,
      target: `AI catastrophe ends ${pct(t.catastrophe[0])}–${pct(t.catastrophe[1])} of the games`,
      measured: `${pct(s.catastropheRate)} (${s.catastrophes} games)`,
      pass: within(s.catastropheRate, t.catastrophe),
      value: s.catastropheRate,
      ci95: wilson95(s.catastrophes, s.games),
    });
  return checks;
}

/** No dead rules: each action type and lever, in the games of the faction that has it, at its best bot level. */
export function deadRuleCheck(runs: { run: BalanceRun; summary: SimSummary }[]): BalanceCheck | null {
  const equal = runs.filter((r) => r.run.kind === 'equal');
  if (equal.length === 0) return null;
  const dead: string[] = [];
  for (const id of FACTIONS) {
    const types = [...COMMON_ACTION_TYPES.filter((x) => x !== 'playCard'), 'playCard', ...FACTION_LEVERS[id]] as ActionType[];
    for (const type of types) {
      const best = Math.max(...equal.map((r) => r.summary.economy.usedInGames[id][type] ?? 0));
      if (best < V2_TARGETS.noDeadRules) dead.push(`${NAME[id]} ${type} ${pct(best)}`);
    }
  }
  return {
    run: equal.map((r) => r.run.label).join(', '),
    target: `no dead rules: every action type and lever is taken in ≥ ${pct(V2_TARGETS.noDeadRules)} of its faction's games at some level`,
    measured: dead.length === 0 ? 'every rule is used' : `rarely used: ${dead.join('; ')}`,
    pass: dead.length === 0,
    value: dead.length,
    command: commandOf(equal[0]!.run, equal[0]!.summary.variant),
  };
}

/** A lever's counterfactual: the same seeds and bots under a variant, and the win shares it moves. */
export interface LeverRun {
  lever: keyof typeof V2_TARGETS.levers;
  /** The variant files compared (null: the shipped rules). */
  from: string | null;
  to: string;
  /** Whose win share must move (null: any faction's). */
  faction: FactionId | null;
}

/** The lever counterfactuals of the v2 targets. */
export const LEVER_RUNS: LeverRun[] = [
  { lever: 'exportControls', from: 'rules/variants/levers/export-controls-3.json', to: 'rules/variants/levers/export-controls-0.json', faction: 'china' },
  { lever: 'tariffs', from: null, to: 'rules/variants/levers/tariffs-2.json', faction: null },
  { lever: 'power', from: null, to: 'rules/variants/levers/half-power.json', faction: null },
  { lever: 'partners', from: null, to: 'rules/variants/levers/no-partner-money.json', faction: 'us' },
];

/** The fewest points each lever must move a win share by. */
export function leverNeed(lever: LeverRun): number {
  return V2_TARGETS.levers[lever.lever];
}

/**
 * A lever's moves, one per faction, from the base side to the variant side: game i of both was
 * played from the same seed, so the interval is the paired one (sampling.ts), at quantile `z`.
 * The move the target reads: the named faction's, or the largest.
 */
export function leverMoves(
  lever: LeverRun,
  base: readonly (FactionId | null)[],
  variant: readonly (FactionId | null)[],
  z = Z95,
): { id: FactionId; move: PairedMove } {
  const moves = FACTIONS.map((id) => ({ id, move: pairedShareMove(base, variant, id, z) }));
  return lever.faction ? moves.find((m) => m.id === lever.faction)! : moves.reduce((x, y) => (Math.abs(y.move.points) > Math.abs(x.move.points) ? y : x));
}

/**
 * Checks a lever on the winners of the same seeds under both rule sets (in game order): how far
 * the variant moves the named (or the most moved) faction's win share, with the paired interval
 * of the move. `stop` says when its sequential check stopped (its interval is then at that
 * look's quantile, a 95% interval over the looks).
 */
export function leverCheck(
  lever: LeverRun,
  base: readonly (FactionId | null)[],
  variant: readonly (FactionId | null)[],
  run: BalanceRun,
  stop?: SequentialStop,
): BalanceCheck {
  const need = leverNeed(lever);
  const games = Math.min(base.length, variant.length);
  const { id, move } = leverMoves(lever, base.slice(0, games), variant.slice(0, games), stop?.z ?? Z95);
  const from = lever.from ?? 'the shipped rules';
  const played = { ...run, games };
  const early = stop && stop.games < stop.maxGames ? `, settled after ${games} of up to ${stop.maxGames}` : '';
  return {
    run: `lever ${lever.lever}`,
    target: `${lever.to} against ${from} moves ${lever.faction ? NAME[lever.faction] : 'some faction'}'s win share by ≥ ${need} points`,
    measured: `${NAME[id]} ${move.points >= 0 ? '+' : ''}${move.points.toFixed(1)} points (95%: ${move.ci[0].toFixed(1)} to ${move.ci[1].toFixed(1)}; same ${games} seeds a side${early})`,
    pass: Math.abs(move.points) >= need,
    value: move.points,
    command: `${commandOf(played, lever.from)} ; ${commandOf(played, lever.to)}`,
  };
}

/** A build refused for want of power, in the shipped rules. */
export function powerBlockedCheck(run: BalanceRun, s: SimSummary): BalanceCheck {
  const rate = s.economy.powerBlockedRate;
  return {
    run: run.label,
    target: `a build is refused for want of power in ≥ ${pct(V2_TARGETS.powerBlocked)} of games`,
    measured: pct(rate),
    pass: rate >= V2_TARGETS.powerBlocked,
    value: rate,
    ci95: wilson95(Math.round(rate * s.games), s.games),
    command: commandOf(run, s.variant),
  };
}
