/** Serves the built client (dist/) at `/`: GET and HEAD only, no path outside dist, index.html for `/`. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, Next } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>Gigawatt server</title>
<p>The Gigawatt server runs, but the board is not built: run <code>npm run build</code> (or <code>npm start</code>, which builds it).</p>`;

/** A Koa middleware serving files under `distDir`; other paths fall through to `next`. */
export function serveDist(distDir: string) {
  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    const path = ctx.path === '/' ? '/index.html' : ctx.path;
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return next();
    }
    const file = normalize(join(distDir, decoded));
    if (!file.startsWith(distDir + sep) || decoded.includes('\0')) return next();
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (path === '/index.html') {
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = NOT_BUILT;
        return;
      }
      return next();
    }
    ctx.type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    ctx.set('Cache-Control', path === '/index.html' ? 'no-cache' : 'public, max-age=3600');
    ctx.length = statSync(file).size;
    ctx.body = ctx.method === 'HEAD' ? null : createReadStream(file);
  };
}
