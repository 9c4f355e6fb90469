/**
 * Measures bot strength: N seeded games of one level against two of another, the tested
 * level rotating through the three seats equally. Prints wins per level (JSON).
 *   tsx scripts/bot-strength.ts --test medium --against random --games 600
 *   tsx scripts/bot-strength.ts --test hard --against medium --games 600 --iterations 1000
 */
import { FACTIONS, activeSeat, applyActionInPlace, createInitialState, type FactionId } from '../src/engine/index.js';
import { defaultRules } from '../src/engine/rules/default-rules.js';
import { BOT_LEVELS, decideFast, type BotLevel } from '../src/bots/index.js';
import { botSeed, gameSeed } from '../src/engine/seeds.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}
function level(name: string, fallback: BotLevel): BotLevel {
  const v = arg(name, fallback);
  if (!(BOT_LEVELS as readonly string[]).includes(v)) throw new Error(`--${name} must be one of ${BOT_LEVELS.join(', ')}`);
  return v as BotLevel;
}

const rules = defaultRules();
const test = level('test', 'medium');
const against = level('against', 'random');
const games = Number(arg('games', '60'));
const runSeed = arg('seed', 'strength');
const offset = Number(arg('offset', '0'));
const iterations = process.argv.includes('--iterations') ? Number(arg('iterations', '0')) : undefined;
const options = iterations ? { iterations } : {};

const wins = { test: 0, against: 0, none: 0 };
const bySeat: Record<FactionId, { seats: number; wins: number }> = { us: { seats: 0, wins: 0 }, china: { seats: 0, wins: 0 }, eu: { seats: 0, wins: 0 } };
const endings: Record<string, number> = {};
const winsByFaction: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
let decisions = 0;
const start = performance.now();
for (let g = offset; g < offset + games; g++) {
  const seed = gameSeed(runSeed, g);
  const testSeat = FACTIONS[g % 3] as FactionId;
  const state = createInitialState(rules, seed);
  for (let n = 0; n < 2000 && state.phase !== 'over'; n++) {
    const seat = activeSeat(state) as FactionId;
    const lvl = seat === testSeat ? test : against;
    const { action } = decideFast(rules, state, seat, lvl, botSeed(seed, seat), options);
    const refused = applyActionInPlace(rules, state, seat, action);
    if (refused) throw new Error(`${lvl} (${seat}) chose an illegal action in ${seed}: ${refused.code}`);
    decisions++;
  }
  const winner = state.result?.winner ?? null;
  endings[state.result?.reason ?? 'unfinished'] = (endings[state.result?.reason ?? 'unfinished'] ?? 0) + 1;
  bySeat[testSeat].seats++;
  if (winner) winsByFaction[winner]++;
  if (winner === testSeat) {
    wins.test++;
    bySeat[testSeat].wins++;
  } else if (winner) wins.against++;
  else wins.none++;
  if (process.argv.includes('--progress') && (g - offset + 1) % 10 === 0) process.stderr.write(`${g - offset + 1} games, ${test} won ${wins.test}\n`);
}
const seconds = (performance.now() - start) / 1000;
process.stdout.write(
  JSON.stringify(
    {
      test,
      against,
      games,
      seed: runSeed,
      iterations: iterations ?? null,
      testWins: wins.test,
      testWinRate: Math.round((wins.test / games) * 1000) / 1000,
      againstWins: wins.against,
      noWinner: wins.none,
      testBySeat: bySeat,
      winsByFaction,
      endings,
      seconds: Math.round(seconds),
      msPerDecision: Math.round(((seconds * 1000) / decisions) * 100) / 100,
    },
    null,
    1,
  ) + '\n',
);
