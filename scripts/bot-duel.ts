/**
 * `npm run duel`: tunes bot weights. One seat plays with variant weights (a JSON file deep-merged
 * over rules/bots.json), the other two play the shipped medium bot (or `--against` another level); game i seats the variant at
 * faction i mod 3. Same seeds and same rules as `npm run sim` (game i is seed `S#i`), so a
 * variant and the shipped weights are compared on the same games.
 *
 *   npm run duel -- --games 900 --seed sw --level medium --weights variant.json [--rules FILE] [--part 0/2]
 *
 * Prints one JSON line: the variant's wins and seats per faction, and catastrophes. `--part i/k`
 * plays games i, i+k, … (run k of them side by side on k cores and add the counts).
 */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { decide, defaultBotWeights, parseBotWeights, type BotWeights } from '../src/bots/index.js';
import { scoreActions } from '../src/bots/medium.js';
import { decisionRng } from '../src/bots/stream.js';
import { FACTIONS, activeSeat, applyActionInPlace, createInitialState, viewFor, type Action, type FactionId, type Rules } from '../src/engine/index.js';
import { defaultRules } from '../src/engine/rules/default-rules.js';
import { deepMerge } from '../src/engine/rules/load.js';
import { botSeed, gameSeed, isValidSeed } from '../src/engine/seeds.js';
import { loadVariantFile } from '../src/sim/cli/variant.js';

function variantWeights(path: string | undefined): BotWeights {
  if (!path) return defaultBotWeights();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`weights file ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = parseBotWeights(deepMerge(defaultBotWeights(), data), path);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

function rulesFrom(path: string | undefined): Rules {
  if (!path) return defaultRules();
  const loaded = loadVariantFile(path);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.value;
}

interface Options {
  games: number;
  seed: string;
  level: string;
  against: 'medium' | 'hard' | 'expert';
  weights?: string;
  rules?: string;
  iterations?: number;
  part: [number, number];
}

function duel(opts: Options): void {
  const rules = rulesFrom(opts.rules);
  const shipped = defaultBotWeights();
  const variant = variantWeights(opts.weights);
  const single = opts.level.startsWith('single-') ? opts.level.slice('single-'.length) : null;
  const wins: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  const seats: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  let catastrophes = 0;
  const [part, parts] = opts.part;
  for (let g = part; g < opts.games; g += parts) {
    const seed = gameSeed(opts.seed, g);
    const state = createInitialState(rules, seed);
    const mine = FACTIONS[g % 3] as FactionId;
    for (let n = 0; n < 2_000 && state.phase !== 'over'; n++) {
      const seat = activeSeat(state) as FactionId;
      const view = viewFor(state, seat);
      const s = botSeed(seed, seat);
      let action: Action;
      if (seat !== mine) action = decide(rules, view, opts.against, s, { weights: shipped }).action;
      else if (single) {
        const scored = scoreActions(rules, variant, view, seat, decisionRng(s, view));
        action = (scored.find((x) => x.action.type === single) ?? scored[0])?.action as Action;
      } else
        action = decide(rules, view, opts.level as 'medium' | 'hard' | 'expert', s, {
          weights: variant,
          ...(opts.iterations ? { iterations: opts.iterations } : {}),
        }).action;
      const refused = applyActionInPlace(rules, state, seat, action);
      if (refused) throw new Error(`${seat} chose an illegal action ${JSON.stringify(action)}: ${refused.code}`);
    }
    seats[mine]++;
    if (state.result?.winner === mine) wins[mine]++;
    if (state.result?.reason === 'catastrophe') catastrophes++;
  }
  process.stdout.write(`${JSON.stringify({ wins, seats, catastrophes })}\n`);
}

const whole = (what: string) => (v: string) => {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new InvalidArgumentError(`expected a whole number of ${what}`);
  return Number(v);
};

new Command()
  .name('duel')
  .requiredOption('--games <n>', 'games to play', whole('games'))
  .requiredOption('--seed <seed>', 'run seed (game i is seed S#i)', (v: string) => {
    if (!isValidSeed(v)) throw new InvalidArgumentError('expected a number or a word');
    return v;
  })
  .option('--level <level>', 'the variant seat: medium, hard, expert or single-<action>', 'medium')
  .option(
    '--against <level>',
    'the other two seats (shipped weights): medium, hard or expert',
    (v: string) => {
      if (v !== 'medium' && v !== 'hard' && v !== 'expert') throw new InvalidArgumentError('expected medium, hard or expert');
      return v;
    },
    'medium',
  )
  .option('--weights <file>', 'variant bot weights, deep-merged over rules/bots.json')
  .option('--rules <file>', 'a rules variant (as in npm run sim)')
  .option('--iterations <n>', "the variant seat's search budget (hard, expert)", whole('iterations'))
  .option(
    '--part <i/k>',
    'play games i, i+k, …',
    (v: string) => {
      const m = /^(\d+)\/(\d+)$/.exec(v);
      if (!m || Number(m[1]) >= Number(m[2])) throw new InvalidArgumentError('expected i/k with 0 ≤ i < k');
      return [Number(m[1]), Number(m[2])] as [number, number];
    },
    [0, 1] as [number, number],
  )
  .action((opts: Options) => {
    if (!['medium', 'hard', 'expert'].includes(opts.level) && !opts.level.startsWith('single-'))
      throw new Error(`unknown level "${opts.level}" (medium, hard, expert or single-<action>)`);
    duel(opts);
  })
  .parseAsync()
  .catch((error: Error) => {
    process.stderr.write(`duel: ${error.message}\n`);
    process.exit(1);
  });
