/** Shared settings of the designers' command lines: one-line errors, and argument parsers. */
import { InvalidArgumentError } from 'commander';
import { isValidSeed } from '../../engine/seeds.js';

/** commander output that reports a bad argument as one line, "<command>: <what is wrong>". */
export function oneLineErrors(command: string): { outputError: (str: string, write: (s: string) => void) => void } {
  return {
    outputError: (str, write) => write(`${(str.trim().split('\n')[0] ?? '').replace(/^error: /, `${command}: `)}\n`),
  };
}

/** commander parser of a run seed: a number or a word, else a one-line error saying so. */
export function parseSeedArgument(value: string): string {
  if (!isValidSeed(value)) throw new InvalidArgumentError('expected a number or a word (letters, digits, - _ . :), at most 64 characters');
  return value;
}
