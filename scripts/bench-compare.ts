/**
 * `npm run bench:compare -- --ref <git ref> [--ref <ref2>]`: the medium policy's decision
 * (`mediumAction` on the seat's view with its `decisionRng`, as `npm run bench` times it) of
 * each ref and of the working tree, timed in ONE process over the benchmark's positions, in
 * alternating chunks (so a busy machine slows every version alike); CPU time, median of the
 * chunks. Each ref is checked out in a temporary `git worktree` (node_modules linked), each
 * version bundled apart with esbuild in production mode (its own rules and weights); the
 * worktrees are removed once bundled, and on any failure. The positions are the working tree's
 * (`samplePositions`), given to every version; it also says whether each ref's choices on them
 * are the working tree's.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';

/** What a bundled version exports (the entry written by `entryFor`). */
interface Version {
  label: string;
  /** The chosen action of every view, as JSON (for the choices check). */
  choices(views: unknown[]): string[];
  /** One pass: a decision in every view. */
  pass(views: unknown[]): void;
  /** The working tree only: the benchmark's positions, as the active seats' views. */
  views?: () => unknown[];
}

/** The entry bundled for a source tree at `root` (a ref's worktree or the working tree). */
function entryFor(root: string, withViews: boolean): string {
  const at = (path: string) => JSON.stringify(join(root, path));
  return `import { defaultRules } from ${at('src/engine/rules/default-rules.js')};
import { mediumAction } from ${at('src/bots/medium.js')};
import { decisionRng } from ${at('src/bots/stream.js')};
import { defaultBotWeights } from ${at('src/bots/weights.js')};
${withViews ? `import { samplePositions } from ${at('src/sim/bench/bots.js')};\nimport { activeSeat, viewFor } from ${at('src/engine/index.js')};` : ''}
const rules = defaultRules();
const weights = defaultBotWeights();
export function pass(views) {
  for (const v of views) mediumAction(rules, weights, v, v.viewer, decisionRng('bench', v));
}
export function choices(views) {
  return views.map((v) => JSON.stringify(mediumAction(rules, weights, v, v.viewer, decisionRng('bench', v)).action));
}
${withViews ? 'export function views() { return samplePositions(rules).map((p) => viewFor(p.state, activeSeat(p.state))); }' : ''}
`;
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Bundles the entry for the tree at `root` with the project's one bundler (scripts/bundle.mjs: esbuild, production mode). */
function bundle(root: string, dir: string, name: string, withViews: boolean): string {
  const entry = join(dir, `${name}.entry.ts`);
  const outfile = join(dir, `${name}.mjs`);
  writeFileSync(entry, entryFor(root, withViews));
  execFileSync(process.execPath, [join(import.meta.dirname, 'bundle.mjs'), entry, outfile], { stdio: ['ignore', 'inherit', 'inherit'] });
  return outfile;
}

/** Bundles the working tree and every ref (each from a temporary worktree, removed before returning, even on failure). */
async function bundleAll(repo: string, refs: string[], dir: string): Promise<{ label: string; file: string }[]> {
  // The positions come from a bundle of their own, so the engine code timed never ran the random games.
  const out = [
    { label: 'positions', file: bundle(repo, dir, 'positions', true) },
    { label: 'working tree', file: bundle(repo, dir, 'working', false) },
  ];
  const modules = realpathSync(join(repo, 'node_modules'));
  for (const [i, ref] of refs.entries()) {
    let sha: string;
    try {
      sha = git(repo, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
    } catch {
      throw new Error(`not a commit: ${ref}`);
    }
    const tree = join(dir, `ref-${i}`);
    git(repo, 'worktree', 'add', '--detach', '--quiet', tree, sha);
    try {
      symlinkSync(modules, join(tree, 'node_modules'));
      out.push({ label: `${ref} (${sha.slice(0, 7)})`, file: bundle(tree, dir, `ref-${i}`, false) });
    } finally {
      git(repo, 'worktree', 'remove', '--force', tree);
    }
  }
  return out;
}

const cpuMicros = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function run(opts: { ref: string[]; chunks: number; passes: number }): Promise<void> {
  if (opts.ref.length === 0) throw new Error('give at least one --ref');
  const repo = git(process.cwd(), 'rev-parse', '--show-toplevel');
  const dir = mkdtempSync(join(tmpdir(), 'gigawatt-compare-'));
  const versions: Version[] = [];
  try {
    const files = await bundleAll(repo, opts.ref, dir);
    for (const { label, file } of files) versions.push({ label, ...((await import(pathToFileURL(resolve(file)).href)) as Omit<Version, 'label'>) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
    git(repo, 'worktree', 'prune');
  }
  const base = ((versions.shift() as Version).views as () => unknown[])();
  // Each version reads its own copy of the positions.
  const views = versions.map(() => structuredClone(base));
  const choices = versions.map((v, i) => v.choices(views[i] as unknown[]));
  for (let k = 0; k < 10; k++) for (const [i, v] of versions.entries()) v.pass(views[i] as unknown[]);
  const times: number[][] = versions.map(() => []);
  for (let c = 0; c < opts.chunks; c++) {
    // A different version first in each chunk.
    for (let j = 0; j < versions.length; j++) {
      const i = (c + j) % versions.length;
      const v = versions[i] as Version;
      const vs = views[i] as unknown[];
      const t = cpuMicros();
      for (let p = 0; p < opts.passes; p++) v.pass(vs);
      (times[i] as number[]).push((cpuMicros() - t) / (opts.passes * vs.length));
    }
  }
  const mine = times[0] as number[];
  process.stdout.write(
    `${base.length} positions, ${opts.chunks} chunks of ${opts.passes} passes, CPU µs a decision (median of chunks), NODE_ENV=${process.env.NODE_ENV ?? ''}\n`,
  );
  versions.forEach((v, i) => {
    const ts = times[i] as number[];
    const line = `${v.label.padEnd(28)} ${median(ts).toFixed(1).padStart(8)} µs`;
    if (i === 0) {
      process.stdout.write(`${line}\n`);
      return;
    }
    const ratio = median(ts.map((t, c) => t / (mine[c] as number)));
    const differ = (choices[i] as string[]).filter((a, k) => a !== (choices[0] as string[])[k]).length;
    process.stdout.write(
      `${line}   ${ratio.toFixed(2)}× the working tree's time   choices: ${differ === 0 ? 'the same' : `${differ} of ${base.length} differ`}\n`,
    );
  });
}

const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
};

new Command()
  .name('bench:compare')
  .description("the medium policy's time a decision: the working tree against git refs, in one process")
  .option('--ref <ref>', 'a git ref to compare (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
  .option('--chunks <n>', 'alternating chunks (the figures are their medians)', positive, 60)
  .option('--passes <n>', 'passes over the positions per chunk and version', positive, 3)
  .action(run)
  .parseAsync()
  .catch((error: Error) => {
    process.stderr.write(`bench:compare: ${error.message}\n`);
    process.exit(1);
  });
