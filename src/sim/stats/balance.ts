/**
 * The balance targets of GAME-DESIGN.md as checks on simulator summaries: which runs measure
 * them, and whether each target holds, with the figure, its 95% interval and the `npm run sim`
 * command that reproduces it.
 */
import { FACTIONS, type FactionId } from '../../engine/index.js';
import { SINGLE_MINDED_TYPES } from '../../bots/index.js';
import type { BotLevel } from '../run/play.js';
import { wilson95 } from './stats-math.js';
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

/** The targets `run` measures, checked on its summary. */
export function balanceChecks(run: BalanceRun, s: SimSummary): BalanceCheck[] {
  const t = BALANCE_TARGETS;
  const command = commandOf(run, s.variant);
  const base = { run: run.label, command };
  if (run.kind === 'single') {
    const level = run.bots[0];
    const bot = s.bots[level];
    const rate = bot?.winRate ?? 0;
    return [
      {
        ...base,
        target: `wins ≤ ${pct(t.singleMinded)} of its seats against two medium bots`,
        measured: `${pct(rate)} of ${bot?.seats ?? 0} seats`,
        pass: rate <= t.singleMinded,
        value: rate,
        ...(bot ? { ci95: bot.ci95 } : {}),
      },
    ];
  }
  const decided = s.games - s.noWinner;
  const shares = FACTIONS.map((id) => ({ id, share: s.factions[id].winShareOfDecided, ci95: wilson95(s.factions[id].wins, decided) }));
  const [lo, hi] = t.factionShare;
  const worst = shares.reduce((w, x) => (Math.abs(x.share - (lo + hi) / 2) > Math.abs(w.share - (lo + hi) / 2) ? x : w));
  const spread = Math.max(...FACTIONS.map((id) => s.seatEffect[id].spreadPoints));
  const smallestCell = Math.min(...FACTIONS.flatMap((id) => Object.values(s.seatEffect[id].bySeat).map((x) => x.games)));
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
      target: `seat order moves no faction's win rate by more than ${t.seatSpreadPoints} points`,
      measured: `largest gap ${spread.toFixed(1)} points (each faction-seat pair: ≥ ${smallestCell} games)`,
      pass: spread <= t.seatSpreadPoints,
      value: spread,
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
