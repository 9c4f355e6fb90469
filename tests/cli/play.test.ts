import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

describe('the terminal game (npm run play)', () => {
  test('plays a whole game to the final scores when the player always picks the first action', () => {
    const input = '1\n'.repeat(200);
    const run = spawnSync('node', ['--import', 'tsx', 'src/cli/play.ts', '--seed', 'cli-test', '--bots', 'random,random'], {
      cwd: root,
      input,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Gigawatt — seed cli-test');
    expect(run.stdout).toMatch(/1\. (US|China|EU) -?\d+ VP/);
  });

  test('asks again, politely, when the answer is not a listed number', () => {
    const run = spawnSync('node', ['--import', 'tsx', 'src/cli/play.ts', '--seed', 'cli-test', '--bots', 'random,random'], {
      cwd: root,
      input: 'zzz\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout).toMatch(/Type a number from 1 to \d+\./);
    expect(run.stdout).toContain('(input closed: game abandoned)');
  });

  test('refuses an unknown faction with a one-line error and a non-zero exit', () => {
    const run = spawnSync('node', ['--import', 'tsx', 'src/cli/play.ts', '--faction', 'mars'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')[0]).toContain('expected us, china or eu');
  });
});
