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
  type Action,
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
import { reasonSummary } from '../client/model/action-menu.js';
import { unavailable } from './terminal/unavailable.js';
import { commandOf, completeCommand, parseCommand } from './terminal/commands.js';
import { allFigures, changes, figuresOf, receipt, type Figures } from './terminal/receipt.js';

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
  // At a terminal, Tab completes a typed command from the allowed actions of the current turn.
  let current: ReturnType<typeof actionOptions> = [];
  const tty = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const rl = tty
    ? createInterface({ input: process.stdin, output: process.stdout, terminal: true, completer: (line: string) => completeCommand(line, current) })
    : createInterface({ input: process.stdin });
  rl.setPrompt('> ');
  const lines = rl[Symbol.asyncIterator]();
  const out = (s: string) => process.stdout.write(s + '\n');
  const tr = (key: TextKey, params?: TextParams) => say(rules, lang, key, params);
  out(tr('cli.title', { seed: opts.seed, name: rules.factions[opts.faction].name[lang] }));
  let shownRound = 0;
  let hinted = false;
  /** The receipt of a round's end (upkeep and any scoring): every faction's figures since the move that ended it. */
  const roundEnd = (mover: FactionId, round: number, before: Record<FactionId, Figures>) => {
    out(`  ${tr('cli.roundEnd', { round })}`);
    for (const f of FACTIONS) {
      const list = changes(rules, before[f], figuresOf(state, f), lang).join(' · ') || tr('cli.receiptNothing');
      out(`     ${tr('board.labelled', { label: `${rules.factions[f].short[lang]}${f === mover ? ` ${tr('cli.withMove')}` : ''}`, text: list })}`);
    }
  };
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
      const before = allFigures(state);
      const round = state.round;
      applyActionInPlace(rules, state, seat, decision.action);
      if (state.round !== round || activeSeat(state) === null) roundEnd(seat, round, before);
      else out(`     ${changes(rules, before[seat], figuresOf(state, seat), lang).join(' · ') || tr('cli.receiptNothing')}`);
      continue;
    }
    const hand = state.factions[seat].hand.map((id) => rules.cards[id]?.name[lang] ?? id).join(', ');
    out(`\n${tr('cli.yourMove', { capital: state.factions[seat].capital, hand: hand || '—' })}`);
    const options = actionOptions(rules, state, seat);
    current = options;
    const legal = options.filter((o) => o.reason === null);
    const describe = (action: Action) => describeAction(rules, state, action)[lang];
    legal.forEach((o, i) => {
      out(`  ${String(i + 1).padStart(3)}. ${describe(o.action)}  · ${commandOf(o.action)}`);
    });
    const blocked = unavailable(rules, state, seat, lang);
    if (blocked.length) out(`  ${tr('cli.unavailable', { list: blocked.join('; ') })}`);
    if (!hinted) out(tr('cli.commandHint'));
    hinted = true;
    for (;;) {
      if (tty) rl.prompt();
      else process.stdout.write('> ');
      const next = await lines.next();
      if (next.done) {
        out(`\n${tr('cli.abandoned')}`);
        rl.close();
        return;
      }
      const command = parseCommand(next.value, options);
      let chosen: Action | null = null;
      switch (command.kind) {
        case 'number':
          chosen = legal[command.n - 1]?.action ?? null;
          if (!chosen) out(tr('cli.pickNumber', { max: legal.length }));
          break;
        case 'play':
          chosen = command.action;
          break;
        case 'refused':
          out(tr('cli.refused', { action: describe(command.action), reason: reasonText(rules, command.reason, lang) }));
          break;
        case 'choose':
          if (command.open.length) out(tr('cli.choices', { action: tr(`action.${command.type}`), list: command.open.map((a) => commandOf(a)).join(' · ') }));
          else out(tr('cli.refused', { action: tr(`action.${command.type}`), reason: reasonSummary(rules, command.refused, lang) ?? '—' }));
          break;
        case 'notNow':
          out(tr('cli.notNow', { action: tr(`action.${command.type}`), max: legal.length }));
          break;
        case 'help':
          out(tr('cli.help'));
          break;
        case 'empty':
          break;
        default:
          out(tr('cli.unknownCommand', { input: next.value.trim(), max: legal.length }));
      }
      if (!chosen) continue;
      const what = describe(chosen);
      const before = allFigures(state);
      const round = state.round;
      applyActionInPlace(rules, state, seat, chosen);
      if (state.round !== round || activeSeat(state) === null) {
        out(`  ${tr('cli.receipt', { action: what, changes: tr('cli.receiptRoundEnd') })}`);
        roundEnd(seat, round, before);
      } else out(`  ${receipt(rules, what, before[seat], figuresOf(state, seat), lang)}`);
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
