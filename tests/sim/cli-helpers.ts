/** Runs the simulator's command lines as a designer would (node with tsx), capturing their output. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** What a finished command printed and returned. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `src/sim/cli/<script>` with arguments; `onStart` may signal the child. */
export function runCli(script: string, args: string[], onStart?: (child: ChildProcess, output: { stderr: string; stdout: string }) => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/sim/cli/${script}`, ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const output = { stdout: '', stderr: '' };
    child.stdout.on('data', (d) => (output.stdout += d));
    child.stderr.on('data', (d) => (output.stderr += d));
    child.on('close', (code) => resolve({ code, ...output }));
    onStart?.(child, output);
  });
}
