/**
 * Serves the built web app (dist/web) from the same process and port as the API. Registered after
 * every /api route and never answers under /api, so an unknown API path still gets the JSON 404.
 * - a file that exists is sent as it is; hashed files under /assets/ are cached for a year;
 * - any other path without a file extension is a client-side route: index.html, never cached;
 * - a missing file of a served type (.js, .css, .png…: a stale chunk, a typo) is a plain 404, not
 *   index.html, so a browser never runs HTML as JavaScript; a dot elsewhere (/figures/byLevel.city)
 *   is a route;
 * - text files are gzipped once and kept in memory (the app is a few megabytes at most).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Context, Env, Hono } from 'hono';

/** dist/web of this package: where `npm run build:web` writes the app. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../../dist/web', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.svg', '.txt', '.map']);
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

type Loaded = { body: Buffer; gzip: Buffer | null; etag: string; mtimeMs: number };

export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** The file under root that a URL path names, or null when it would leave root. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const absoluteRoot = resolve(root);
  const target = resolve(absoluteRoot, `.${normalize(`/${decoded}`)}`);
  return target === absoluteRoot || target.startsWith(absoluteRoot + sep) ? target : null;
}

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>友城 Amity</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.6">
<h1>友城 Amity</h1>
<p>网页应用尚未构建。请运行 <code>npm run build:web</code>，然后刷新本页。接口仍可使用：<a href="/api/openapi.json">/api/openapi.json</a>。</p>
<p lang="en">The web app is not built yet. Run <code>npm run build:web</code>, then reload this page.
The API works meanwhile: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>`;

export function registerWebApp<E extends Env>(app: Hono<E>, { root }: { root: string }): void {
  const cache = new Map<string, Loaded>();

  async function load(file: string): Promise<Loaded | null> {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(file);
    const gzip = COMPRESSIBLE.has(extname(file).toLowerCase()) && body.length > 1024 ? gzipSync(body) : null;
    const etag = `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`;
    const loaded = { body, gzip, etag, mtimeMs: info.mtimeMs };
    cache.set(file, loaded);
    return loaded;
  }

  function send(c: Context<E>, file: string, loaded: Loaded, cacheControl: string): Response {
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': cacheControl,
      ETag: loaded.etag,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      Vary: 'Accept-Encoding',
    };
    if (c.req.header('if-none-match') === loaded.etag) return new Response(null, { status: 304, headers });
    const wantsGzip = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
    const body = wantsGzip && loaded.gzip ? loaded.gzip : loaded.body;
    if (body === loaded.gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.length);
    return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  }

  app.on(['GET', 'HEAD'], '*', async (c, next) => {
    const path = c.req.path;
    if (isApiPath(path)) return next();
    const file = resolveInside(root, path);
    if (file === null) return c.text('Bad Request', 400);
    const isAsset = path.startsWith('/assets/');
    const direct = path.endsWith('/') ? null : await load(file);
    if (direct) return send(c, file, direct, isAsset ? IMMUTABLE : REVALIDATE);
    if (isAsset || extname(path).toLowerCase() in TYPES)
      return c.text('Not Found', 404, { 'Cache-Control': 'no-store' });
    const indexFile = join(root, 'index.html');
    const index = await load(indexFile);
    if (!index) return c.html(NOT_BUILT, 503, { 'Cache-Control': 'no-store' });
    return send(c, indexFile, index, REVALIDATE);
  });
}
