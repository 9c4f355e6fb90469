/**
 * `npm run play`: play Gigawatt in the terminal against bots (until the board arrives in the
 * browser). A thin adapter: the engine decides legality, the bots decide for the other seats.
 */
import { createInterface } from 'node:readline';
import { Command, InvalidArgumentError } from 'commander';
import {
  fillText,
  formatMoney,
  text,
  FACTIONS,
  VP_SOURCES,
  actionOptions,
  activeSeat,
  applyActionInPlace,
  createInitialState,
  finalScores,
  reasonText,
  viewFor,
  type ActionType,
  type FactionId,
  type GameState,
  type Lang,
  type Rules,
  type TextKey,
  type TextParams,
} from '../engine/index.js';
import { defaultRules } from '../engine/rules/default-rules.js';
import { BOT_LEVELS, decide, describeAction, type BotLevel } from '../bots/index.js';
import { botSeed } from '../engine/seeds.js';
import { freshSeed } from '../match/fresh-seed.js';

interface PlayOptions {
  faction: FactionId;
  bots: [BotLevel, BotLevel];
  seed: string;
  lang: Lang;
}

/** The catalogue's text of `key` in `lang`, filled. */
function say(rules: Rules, lang: Lang, key: TextKey, params?: TextParams): string {
  return fillText(rules, text(key), params, lang);
}

function statusLines(rules: Rules, state: GameState, lang: Lang): string[] {
  const head = say(rules, lang, 'cli.status', {
    ...state.tracks,
    round: state.round,
    year: rules.game.rounds.firstYear + state.round - 1,
    riskMax: rules.game.tracks.risk.max,
    tensionMax: rules.game.tracks.tension.max,
  });
  const rows = FACTIONS.map((id) => {
    const f = state.factions[id];
    const name = rules.factions[id].short[lang].padEnd(11);
    const capital = formatMoney(f.capital, lang).padStart(lang === 'fr' ? 7 : 5);
    return `  ${say(rules, lang, 'cli.faction', { name, capital, debt: String(f.debt).padStart(3), capability: f.capability, compute: f.compute, vp: f.vp })}`;
  });
  const headlines = state.headlines.map(
    (id) => `  ${say(rules, lang, 'cli.headline', { name: rules.events[id]?.name[lang] ?? id, text: rules.events[id]?.text[lang] ?? '' })}`,
  );
  return [head, ...rows, ...headlines];
}

async function main(opts: PlayOptions): Promise<void> {
  const rules = defaultRules();
  const lang = opts.lang;
  const state = createInitialState(rules, opts.seed);
  const others = FACTIONS.filter((f) => f !== opts.faction);
  const levels = { [others[0] as FactionId]: opts.bots[0], [others[1] as FactionId]: opts.bots[1] } as Record<FactionId, BotLevel>;
  const rl = createInterface({ input: process.stdin });
  const lines = rl[Symbol.asyncIterator]();
  const out = (s: string) => process.stdout.write(s + '\n');
  const tr = (key: TextKey, params?: TextParams) => say(rules, lang, key, params);
  out(tr('cli.title', { seed: opts.seed, name: rules.factions[opts.faction].name[lang] }));
  let shownRound = 0;
  while (state.phase !== 'over') {
    const seat = activeSeat(state) as FactionId;
    if (state.round !== shownRound) {
      shownRound = state.round;
      out('');
      for (const line of statusLines(rules, state, lang)) out(line);
    }
    if (seat !== opts.faction) {
      const decision = decide(rules, viewFor(state, seat), levels[seat] ?? 'medium', botSeed(opts.seed, seat));
      out(`  ${tr('cli.botMove', { faction: seat, text: decision.explanation[lang] })}`);
      applyActionInPlace(rules, state, seat, decision.action);
      continue;
    }
    const hand = state.factions[seat].hand.map((id) => rules.cards[id]?.name[lang] ?? id).join(', ');
    out(`\n${tr('cli.yourMove', { capital: state.factions[seat].capital, hand: hand || '—' })}`);
    const options = actionOptions(rules, state, seat);
    const legal = options.filter((o) => o.reason === null);
    legal.forEach((o, i) => {
      out(`  ${String(i + 1).padStart(3)}. ${describeAction(rules, state, o.action)[lang]}`);
    });
    const blocked = new Map<ActionType, string>();
    for (const o of options) if (o.reason && !blocked.has(o.action.type)) blocked.set(o.action.type, reasonText(rules, o.reason, lang));
    if (blocked.size) out(`  ${tr('cli.unavailable', { list: [...blocked].map(([type, why]) => `${tr(`action.${type}`)} (${why})`).join('; ') })}`);
    for (;;) {
      process.stdout.write('> ');
      const next = await lines.next();
      if (next.done) {
        out(`\n${tr('cli.abandoned')}`);
        rl.close();
        return;
      }
      const n = Number(next.value.trim());
      const chosen = legal[n - 1];
      if (!Number.isInteger(n) || !chosen) {
        out(tr('cli.pickNumber', { max: legal.length }));
        continue;
      }
      applyActionInPlace(rules, state, seat, chosen.action);
      break;
    }
  }
  rl.close();
  out('');
  for (const line of statusLines(rules, state, lang).slice(0, 4)) out(line);
  const result = state.result;
  if (result?.reason === 'catastrophe') out(tr('cli.catastrophe'));
  for (const s of finalScores(state)) {
    const parts = VP_SOURCES.filter((k) => s.breakdown[k] !== 0)
      .map((k) => `${tr(`vp.${k}`)} ${s.breakdown[k] > 0 ? '+' : ''}${s.breakdown[k]}`)
      .join(', ');
    out(`  ${tr('cli.score', { rank: s.rank, name: rules.factions[s.faction].short[lang], vp: s.vp, star: s.winner ? ' ★' : '', parts })}`);
  }
}

const program = new Command()
  .name('play')
  .description('Play Gigawatt in the terminal against two bots.')
  .option(
    '--faction <faction>',
    'your faction: us, china or eu',
    (v: string) => {
      if (!(FACTIONS as readonly string[]).includes(v)) throw new InvalidArgumentError('expected us, china or eu');
      return v as FactionId;
    },
    'us' as FactionId,
  )
  .option(
    '--bots <levels>',
    "the two opponents' levels, e.g. medium,hard",
    (v: string) => {
      const parts = v.split(',');
      if (parts.length !== 2 || !parts.every((p) => (BOT_LEVELS as readonly string[]).includes(p)))
        throw new InvalidArgumentError(`expected two levels among ${BOT_LEVELS.join(', ')}`);
      return parts as [BotLevel, BotLevel];
    },
    ['medium', 'medium'] as [BotLevel, BotLevel],
  )
  .option('--seed <seed>', 'match seed (default: a fresh random one)')
  .option(
    '--lang <lang>',
    'en or fr',
    (v: string) => {
      if (v !== 'en' && v !== 'fr') throw new InvalidArgumentError('expected en or fr');
      return v as Lang;
    },
    'en' as Lang,
  )
  .action(async (opts: { faction: FactionId; bots: [BotLevel, BotLevel]; seed?: string; lang: Lang }) => {
    await main({ faction: opts.faction, bots: opts.bots, seed: opts.seed ?? freshSeed(), lang: opts.lang });
  });

await program.parseAsync();
