import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = new URL('../', import.meta.url).pathname;

function sources(dir: string): string[] {
  const out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(join(root, dir));
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

function importsOf(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2]) as string);
}

/** The repository path an import of `file` points at ('' for a package). */
function resolved(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, join(root, file, '..', spec)) : '';
}

describe('architecture', () => {
  test('the engine imports no boardgame.io, DOM, Node or Phaser module, and nothing outside src/engine', () => {
    const allowed = new Set(['zod', 'seedrandom/lib/alea.js']);
    for (const file of sources('src/engine')) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = relative(root, join(root, file, '..', spec));
          const ok = target.startsWith('src/engine') || target.startsWith('rules/');
          expect(ok, `${file} imports ${spec}`).toBe(true);
        } else expect(allowed.has(spec), `${file} imports ${spec}`).toBe(true);
      }
    }
  });

  test('bots and the simulator never import the server or the client', () => {
    for (const file of [...sources('src/bots'), ...sources('src/sim')]) {
      for (const spec of importsOf(file)) expect(/\/(server|client)\//.test(spec), `${file} imports ${spec}`).toBe(false);
    }
  });

  test('the client never imports the server (they share wire types through src/protocol)', () => {
    for (const file of sources('src/client')) {
      for (const spec of importsOf(file)) expect(/\/server\//.test(spec), `${file} imports ${spec}`).toBe(false);
    }
  });

  test('the bots import nothing from Node, so they run in a browser worker', () => {
    for (const file of sources('src/bots')) {
      for (const spec of importsOf(file)) expect(spec.startsWith('node:'), `${file} imports ${spec}`).toBe(false);
    }
  });

  test('only the scripts import the simulator: no module of src outside src/sim does', () => {
    for (const file of sources('src')) {
      if (file.startsWith('src/sim/')) continue;
      for (const spec of importsOf(file)) expect(resolved(file, spec).startsWith('src/sim/'), `${file} imports ${spec}`).toBe(false);
    }
  });

  test('inside the simulator, only its command lines (cli/, bench/) import its command lines', () => {
    for (const file of sources('src/sim')) {
      if (/^src\/sim\/(cli|bench)\//.test(file)) continue;
      for (const spec of importsOf(file)) expect(/^src\/sim\/(cli|bench)\//.test(resolved(file, spec)), `${file} imports ${spec}`).toBe(false);
    }
  });

  test('no Math.random or Date.now in the engine, the bots or the simulator', () => {
    for (const file of [...sources('src/engine'), ...sources('src/bots'), ...sources('src/sim')]) {
      const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(/Math\.random\s*\(/.test(text), `${file} uses Math.random`).toBe(false);
      if (!/progress|bench|cli/.test(file)) expect(/Date\.now\s*\(/.test(text), `${file} uses Date.now`).toBe(false);
    }
  });
});
