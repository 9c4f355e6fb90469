// `npm start`, step 1: builds the client (npm run build → dist/) when dist/index.html is missing
// or older than any source of the board (src/, index.html, vite.config.ts, rules/, assets/).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist', 'index.html');

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = 0;
  for (const name of readdirSync(path)) if (name !== 'node_modules') t = Math.max(t, newest(join(path, name)));
  return t;
}

const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts ?? {};
if (!scripts.build) {
  console.warn('[start] no "build" script yet: serving without the board.');
  process.exit(0);
}
const sources = Math.max(...['src', 'index.html', 'vite.config.ts', 'rules', 'assets', 'public'].map((p) => newest(join(root, p))));
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0);
console.log('[start] building the client (npm run build)...');
const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
