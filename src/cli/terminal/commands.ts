/**
 * Typed commands of the terminal game: every action has one stable command (`build NA`,
 * `buy 2 frontier`, `release IN LATAM AF`, `play exportControlPush NA`...), the same in every
 * language, and a line the player types is matched against the seat's candidate actions. Pure.
 */
import type { Action, ActionType, Reason } from '../../engine/index.js';

/** The verb of each action type (the type's own name is accepted too). */
const VERB: Record<ActionType, string> = {
  choose: 'choose',
  build: 'build',
  buyGpus: 'buy',
  train: 'train',
  release: 'release',
  expand: 'expand',
  deal: 'deal',
  safety: 'safety',
  collect: 'collect',
  playCard: 'play',
  buyLicence: 'licence',
  callPartner: 'partner',
  issueBonds: 'bonds',
  repayBonds: 'repay',
  washington: 'washington',
  pressureBrussels: 'brussels',
  stateFund: 'fund',
  rareEarth: 'rareearth',
  lobbyChips: 'lobby',
  enact: 'enact',
  exportStandards: 'standards',
  investAI: 'invest',
  fine: 'fine',
};

/** The words after the verb. */
function args(action: Action): string[] {
  switch (action.type) {
    case 'choose':
      return [action.option];
    case 'build':
    case 'expand':
    case 'deal':
    case 'exportStandards':
      return [action.region];
    case 'buyGpus':
      return [String(action.count), action.kind];
    case 'release':
      return [...action.regions];
    case 'playCard':
      return action.region ? [action.card, action.region] : [action.card];
    case 'callPartner':
      return [action.partner];
    case 'washington':
      return [action.track, action.delta > 0 ? '+1' : '-1'];
    case 'pressureBrussels':
    case 'enact':
      return [action.provision];
    case 'fine':
      return [action.target];
    default:
      return [];
  }
}

/** The command that plays `action`: "build NA", "buy 2 frontier". */
export function commandOf(action: Action): string {
  return [VERB[action.type], ...args(action)].join(' ');
}

/** What a typed line asks for. */
export type Command =
  | { kind: 'empty' }
  | { kind: 'help' }
  | { kind: 'number'; n: number }
  /** An allowed action. */
  | { kind: 'play'; action: Action }
  /** An action the engine refuses now, and why. */
  | { kind: 'refused'; action: Action; reason: Reason }
  /** A known verb whose words name no candidate (or several): the allowed ones of that type (and the refusals, when none is allowed). */
  | { kind: 'choose'; type: ActionType; open: Action[]; refused: Reason[] }
  /** A known verb with no candidate at all now (another faction's lever, or a headline to answer first). */
  | { kind: 'notNow'; type: ActionType }
  | { kind: 'unknown' };

/** A word as matched: lower case, "+1" and "1" alike. */
const norm = (word: string) => word.toLowerCase().replace(/^\+/, '');
const same = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');

/**
 * Reads a typed line against the seat's candidates (`options`: each action and why it is
 * refused, null if allowed). Words after the verb may come in any order and any case; a verb
 * alone plays its action when it has a single allowed variant.
 */
export function parseCommand(line: string, options: readonly { action: Action; reason: Reason | null }[]): Command {
  const words = line.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'empty' };
  const verb = norm(words[0]!);
  if (words.length === 1 && /^\d+$/.test(verb)) return { kind: 'number', n: Number(verb) };
  if (verb === 'help' || verb === '?' || verb === 'aide') return { kind: 'help' };
  const type = (Object.keys(VERB) as ActionType[]).find((t) => VERB[t] === verb || t.toLowerCase() === verb);
  if (!type) return { kind: 'unknown' };
  const ofType = options.filter((o) => o.action.type === type);
  if (ofType.length === 0) return { kind: 'notNow', type };
  const open = ofType.filter((o) => o.reason === null).map((o) => o.action);
  const refused = ofType.flatMap((o) => (o.reason ? [o.reason] : []));
  const typed = words.slice(1).map(norm);
  if (typed.length === 0 && open.length === 1) return { kind: 'play', action: open[0]! };
  const hit = ofType.find((o) => same(args(o.action).map(norm), typed));
  if (hit) return hit.reason ? { kind: 'refused', action: hit.action, reason: hit.reason } : { kind: 'play', action: hit.action };
  return { kind: 'choose', type, open, refused };
}

/**
 * Tab completion of a typed line (readline's `completer`): the commands of the allowed actions
 * that start with what was typed (case ignored), each once, and the line itself.
 */
export function completeCommand(line: string, options: readonly { action: Action; reason: Reason | null }[]): [string[], string] {
  const typed = line.replace(/^\s+/, '').toLowerCase();
  const commands = [...new Set(options.filter((o) => o.reason === null).map((o) => commandOf(o.action)))];
  return [commands.filter((c) => c.toLowerCase().startsWith(typed)), line];
}
