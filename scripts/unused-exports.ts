/**
 * `npm run lint`'s unused-export check: every function, constant or class a module of the
 * engine, bots, simulator, match, game adapter, terminal game, protocol, server or browser exports must be
 * imported by some other file of the repository (src, tests, scripts). Types are exempt (they
 * name a public signature's parts).
 * Prints one line a finding and exits 1 when there is any.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHECKED = ['src/engine', 'src/bots', 'src/sim', 'src/match', 'src/game', 'src/cli', 'src/protocol', 'src/server', 'src/client'];
const SEARCHED = ['src', 'tests', 'scripts'];

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...filesUnder(path));
    else if (/\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const texts = new Map(SEARCHED.flatMap(filesUnder).map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
const findings: string[] = [];
for (const [file, text] of texts) {
  if (!CHECKED.some((dir) => file.startsWith(`${dir}/`))) continue;
  for (const match of text.matchAll(/^export (?:async )?(?:function\*?|const|let|class) (\w+)/gm)) {
    const name = match[1] as string;
    const word = new RegExp(`\\b${name}\\b`);
    const usedElsewhere = [...texts].some(([other, body]) => other !== file && word.test(body));
    if (!usedElsewhere) findings.push(`${relative(ROOT, join(ROOT, file))}: "${name}" is exported but no other file uses it (remove the export, or the code)`);
  }
}
for (const line of findings) process.stderr.write(`unused export: ${line}\n`);
process.exit(findings.length > 0 ? 1 : 0);
