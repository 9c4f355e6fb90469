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

  test('asks again, politely, when the answer is neither a listed number nor a command', () => {
    const run = spawnSync('node', ['--import', 'tsx', 'src/cli/play.ts', '--seed', 'cli-test', '--bots', 'random,random'], {
      cwd: root,
      input: 'zzz\n99\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout).toMatch(/Unknown command “zzz”\. Type a number from 1 to \d+, a command, or help\./);
    expect(run.stdout).toMatch(/> Type a number from 1 to \d+\./);
    expect(run.stdout).toContain('(input closed: game abandoned)');
  });

  test('typed commands play, explain or list, and each move gets a receipt of what it did and cost, in English and French', () => {
    const play = (lang: string) =>
      spawnSync('node', ['--import', 'tsx', 'src/cli/play.ts', '--seed', 'cli-test', '--bots', 'random,random', '--lang', lang], {
        cwd: root,
        input: 'help\nbuild NA\nchoose payForCloud\nbuy 1 domestic\nbuild\nbuild na\n',
        encoding: 'utf8',
        timeout: 60_000,
      });
    const en = play('en');
    expect(en.stdout).toContain('Commands (the same in every language');
    expect(en.stdout).toContain('Not possible now: Build a data-center module.');
    expect(en.stdout).toContain('✓ Answer to “Microsoft steps back”: Pay $6B for other cloud capacity. — capital −$6B → $36B');
    expect(en.stdout).toContain('Not allowed: Buy 1 domestic GPU unit (Only China has domestic chips.)');
    expect(en.stdout).toMatch(/Build a data-center module: type one of build NA · build EU/);
    expect(en.stdout).toMatch(/✓ Build a module in North America — capital −\$8B → \$28B · \+1 data center in North America/);
    // The menu shows each line's command, and "Buy GPUs" is never "not available" while some GPUs can be bought.
    expect(en.stdout).toMatch(/\d+\. Buy 1 frontier GPU unit {2}· buy 1 frontier/);
    expect(en.stdout).not.toMatch(/Not available:[^\n]*Buy GPUs/);
    const fr = play('fr');
    expect(fr.stdout).toContain('Pas permis : Acheter 1 unité de GPU nationales (Seule la Chine dispose de puces nationales.)');
    expect(fr.stdout).toMatch(/✓ Construire un module en Amérique du Nord — capital −8 Md\$ → 28 Md\$/);
  });

  test('refuses an unknown faction with a one-line error and a non-zero exit', () => {
    const run = spawnSync('node', ['--import', 'tsx', 'src/cli/play.ts', '--faction', 'mars'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')[0]).toContain('expected us, china or eu');
  });
});
