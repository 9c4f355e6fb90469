/**
 * `npm run replay -- FILE [--verify] [--to N] [--weigh] [--rules FILE] [--format json|table]`:
 * replays a match file exactly and prints the position reached; `--verify` checks every recorded
 * hash; `--weigh` adds how the medium bot weighs every move of the seat to act there.
 */
import { oneLineErrors } from './output.js';
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Rules } from '../../engine/index.js';
import { defaultRules } from '../../engine/rules/default-rules.js';
import { parseMatch, replayMatch } from '../../match/index.js';
import { positionReport, positionTable } from '../report/position.js';
import { weighPosition, weighingTable } from '../report/weigh.js';
import { defaultBotWeights } from '../../bots/weights.js';
import { loadVariantFile } from './variant.js';

interface ReplayCliOptions {
  verify: boolean;
  to?: number;
  weigh: boolean;
  rules?: string;
  format: 'json' | 'table';
}

function fail(message: string): never {
  process.stderr.write(`replay: ${message}\n`);
  process.exit(1);
}

function parseTo(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of actions (0: the initial position)');
  return Number(value);
}

function readMatchText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(`${file}: ${code === 'ENOENT' ? 'not found' : code === 'EISDIR' ? 'is a folder, expected a match file' : (error as Error).message}`);
  }
}

function run(file: string, opts: ReplayCliOptions): void {
  const parsed = parseMatch(readMatchText(file));
  if (!parsed.ok) fail(`${file}: ${parsed.error}`);
  const match = parsed.value;
  let rules: Rules = defaultRules();
  if (opts.rules) {
    const loaded = loadVariantFile(opts.rules);
    if (!loaded.ok) fail(loaded.error);
    rules = loaded.value;
  }
  const result = replayMatch(rules, match, { to: opts.to, verify: opts.verify });
  if (!result.ok) fail(`${file}: ${result.error}`);
  const last = result.applied > 0 ? match.actions[result.applied - 1]! : null;
  const position = positionReport(result.state, result.applied, match.actions.length, last);
  const verified = opts.verify ? { verified: true, hashesChecked: result.hashesChecked } : { verified: false };
  const weighing = opts.weigh ? weighPosition(rules, defaultBotWeights(), result.state, match.seed) : undefined;
  if (opts.format === 'json') {
    const weighed = opts.weigh ? { weighing } : {};
    process.stdout.write(
      JSON.stringify({ file, seed: match.seed, rulesHash: match.rulesHash, seats: match.seats, ...verified, ...position, ...weighed }, null, 2) + '\n',
    );
  } else {
    const check = opts.verify ? `verified: ${result.hashesChecked} recorded hashes match` : 'hashes not checked (add --verify)';
    const weighed = weighing === undefined ? '' : weighing ? `\n${weighingTable(weighing)}` : '\nno seat is to act: nothing to weigh';
    process.stdout.write(
      `${file}: seed ${match.seed}, rules ${match.rulesHash}, ${match.actions.length} actions; ${check}\n${positionTable(position)}${weighed}\n`,
    );
  }
}

new Command()
  .name('replay')
  .description('Replay a Gigawatt match file exactly.')
  .argument('<file>', 'match file (JSON, see docs/match-files.md)')
  .option('--verify', 'check every recorded state hash; fail at the first that differs', false)
  .option('--to <n>', 'stop after action n and print that position', parseTo)
  .option('--weigh', 'also show how the medium bot weighs every move of the seat to act', false)
  .option('--rules <file>', 'the rules variant the match was played under')
  .addOption(new Option('--format <format>', 'what to print').choices(['json', 'table']).default('table'))
  .showHelpAfterError(false)
  .configureOutput(oneLineErrors('replay'))
  .action((file: string, opts: ReplayCliOptions) => run(file, opts))
  .parse();
