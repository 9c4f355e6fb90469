import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from './cli-helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'gigawatt-sim-'));

function expectOneLineError(run: { code: number | null; stdout: string; stderr: string }, pattern: RegExp) {
  expect(run.code).not.toBe(0);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(pattern);
}

describe('npm run sim', () => {
  test('it writes summary.json, report.html and one match file per game', async () => {
    const dir = tmp();
    const run = await runCli('sim.ts', [
      '--games',
      '6',
      '--seed',
      'cli',
      '--workers',
      '2',
      '--rotate',
      '--format',
      'json',
      '--out',
      join(dir, 'out'),
      '--save-matches',
      join(dir, 'matches'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.games).toBe(6);
    expect(summary.bots.random.seats).toBe(18);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8'))).toEqual(summary);
    expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toContain('<canvas');
    expect(readdirSync(join(dir, 'matches')).sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `cli-00000${i}.json`));
    const replay = await runCli('replay.ts', [join(dir, 'matches', 'cli-000003.json'), '--verify', '--format', 'json']);
    expect(replay.code, replay.stderr).toBe(0);
    expect(JSON.parse(replay.stdout).verified).toBe(true);
  });

  test('an unknown bot level is one line and a non-zero exit', async () => {
    expectOneLineError(await runCli('sim.ts', ['--games', '2', '--bots', 'random,genius,random']), /^sim: .*unknown bot level "genius"/);
  });

  test('a seed that is not a number or a word is one line and a non-zero exit', async () => {
    expectOneLineError(await runCli('sim.ts', ['--games', '2', '--seed', 'two words']), /^sim: .*--seed.*number or a word/);
  });

  test('a missing or malformed rules file is one line, a non-zero exit and no output files', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    expectOneLineError(await runCli('sim.ts', ['--games', '2', '--rules', join(dir, 'nope.json'), '--out', out]), /^sim: rules file .*nope.json: not found$/);
    writeFileSync(join(dir, 'bad.json'), '{"game.json": {"tracks": ');
    expectOneLineError(await runCli('sim.ts', ['--games', '2', '--rules', join(dir, 'bad.json'), '--out', out]), /^sim: rules file .*bad.json: not valid JSON/);
    writeFileSync(join(dir, 'wrong.json'), '{"game.json": {"tracks": {"risk": {"start": -4}}}}');
    expectOneLineError(
      await runCli('sim.ts', ['--games', '2', '--compare', join(dir, 'wrong.json'), '--out', out]),
      /^sim: rules file .*wrong.json: game.json: field "tracks.risk/,
    );
    expect(() => readdirSync(out)).toThrow();
  });

  test('--compare reports each difference with its p-value', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'v.json'), JSON.stringify({ 'game.json': { tracks: { tension: { start: 6 } } } }));
    const run = await runCli('sim.ts', ['--games', '30', '--seed', 'cmp', '--workers', '1', '--compare', join(dir, 'v.json'), '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const c = JSON.parse(run.stdout);
    expect(c.base.rulesHash).not.toBe(c.variant.rulesHash);
    expect(c.differences.find((d: { metric: string }) => d.metric === 'factions.us.winRate')).toMatchObject({ kind: 'rate' });
    for (const d of c.differences) expect(d.p).toBeGreaterThanOrEqual(0);
  });

  test('Ctrl-C stops the run and still prints the summary of the finished games', async () => {
    let sent = false;
    const run = await runCli('sim.ts', ['--games', '200000', '--seed', 'stop', '--workers', '2', '--format', 'json', '--progress'], (child, output) => {
      child.stderr?.on('data', () => {
        // The bar's first line means the games are running (and Ctrl-C is handled); the chunks
        // already dispatched then finish, so the summary always holds some games.
        if (!sent && output.stderr.includes('games/s')) {
          sent = true;
          child.kill('SIGINT');
        }
      });
    });
    expect(run.code).toBe(130);
    const summary = JSON.parse(run.stdout);
    expect(summary.interrupted).toBe(true);
    expect(summary.games).toBeGreaterThan(0);
    expect(summary.games).toBeLessThan(200000);
    expect(run.stderr).toContain('interrupted');
    expect(run.stderr).toMatch(/\] \d+\/200000 games {2}[\d.]+ games\/s {2}~/);
  });
});

describe('npm run replay', () => {
  test('a missing match file is one line and a non-zero exit', async () => {
    expectOneLineError(await runCli('replay.ts', [join(tmp(), 'none.json')]), /^replay: .*none.json: not found$/);
  });

  test('a hand-edited match file is refused at the edited action', async () => {
    const dir = tmp();
    const made = await runCli('sim.ts', ['--games', '1', '--seed', 'edit', '--workers', '1', '--save-matches', dir, '--format', 'json']);
    expect(made.code, made.stderr).toBe(0);
    const file = join(dir, 'edit-000000.json');
    const match = JSON.parse(readFileSync(file, 'utf8'));
    match.actions[8].action = { type: 'lobbyChips' };
    match.actions[8].seat = 'eu';
    writeFileSync(file, JSON.stringify(match));
    const run = await runCli('replay.ts', [file, '--verify']);
    expectOneLineError(run, /^replay: .*edit-000000.json: action 9 \(eu: lobbyChips\): /);
  });

  test('--weigh shows how the medium bot weighs every move of the seat to act', async () => {
    const dir = tmp();
    const made = await runCli('sim.ts', [
      '--games',
      '1',
      '--seed',
      'weigh',
      '--bots',
      'medium,medium,medium',
      '--workers',
      '1',
      '--save-matches',
      dir,
      '--no-progress',
    ]);
    expect(made.code, made.stderr).toBe(0);
    const file = join(dir, 'weigh-000000.json');
    const table = await runCli('replay.ts', [file, '--to', '30', '--weigh']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/how the medium bot weighs (us|china|eu)'s \d+ moves here/);
    const json = await runCli('replay.ts', [file, '--to', '30', '--weigh', '--format', 'json']);
    const out = JSON.parse(json.stdout);
    expect(out.weighing.seat).toBe(out.activeSeat);
    // The move the bot played next is one of the best weighed (ties are broken by its own stream).
    const played = JSON.parse(readFileSync(file, 'utf8')).actions[30].action;
    const best = out.weighing.moves.filter((m: { behind: number }) => m.behind === 0).map((m: { action: unknown }) => JSON.stringify(m.action));
    expect(best).toContain(JSON.stringify(played));
    const end = await runCli('replay.ts', [file, '--weigh']);
    expect(end.stdout).toContain('no seat is to act: nothing to weigh');
  });

  test('a match under other rules is refused naming both hashes', async () => {
    const dir = tmp();
    await runCli('sim.ts', ['--games', '1', '--seed', 'other', '--workers', '1', '--save-matches', dir, '--no-progress']);
    writeFileSync(join(dir, 'v.json'), JSON.stringify({ 'game.json': { tracks: { tension: { start: 6 } } } }));
    const run = await runCli('replay.ts', [join(dir, 'other-000000.json'), '--rules', join(dir, 'v.json')]);
    expectOneLineError(run, /^replay: .*recorded under rules [0-9a-f]{24}, but these rules are [0-9a-f]{24}/);
  });
});
