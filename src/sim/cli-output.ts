/** Shared output settings of the designers' command lines. */

/** commander output that reports a bad argument as one line, "<command>: <what is wrong>". */
export function oneLineErrors(command: string): { outputError: (str: string, write: (s: string) => void) => void } {
  return {
    outputError: (str, write) => write(`${(str.trim().split('\n')[0] ?? '').replace(/^error: /, `${command}: `)}\n`),
  };
}
