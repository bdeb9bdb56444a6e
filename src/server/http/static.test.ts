import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp, resolveInside } from './static.js';

describe('serving the built web app', () => {
  let root: string;
  let app: Hono;
  const bigScript = `console.log(${JSON.stringify('友城 '.repeat(1000))});`;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'amity-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), bigScript);
    writeFileSync(join(root, 'favicon.svg'), '<svg/>');
    app = new Hono();
    app.get('/api/partnerships', (c) => c.json({ data: [] }));
    registerWebApp(app, { root });
    app.notFound((c) => c.json({ error: { code: 'not_found' } }, 404));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('leaves /api to the API, including its 404', async () => {
    expect(await (await app.request('/api/partnerships')).json()).toEqual({ data: [] });
    const missing = await app.request('/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found' } });
  });

  it('answers client routes with index.html, revalidated every time', async () => {
    for (const path of ['/', '/partnerships', '/partnerships/12/edit', '/figures/byLevel.city']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain('id="root"');
    }
  });

  it('caches hashed assets for a year and gzips them', async () => {
    const response = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(bigScript);
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await app.request('/favicon.svg');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await app.request('/favicon.svg', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('never serves index.html for a missing file with an extension', async () => {
    expect((await app.request('/assets/gone-123.js')).status).toBe(404);
    expect((await app.request('/robots.txt')).status).toBe(404);
  });

  it('never leaves its folder', async () => {
    expect(resolveInside(root, '/../../etc/passwd')).toBe(join(root, 'etc/passwd'));
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc/passwd'));
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
    const response = await app.request('/%2e%2e/%2e%2e/etc/passwd');
    expect(await response.text()).toContain('id="root"');
  });

  it('says how to build the app when it is not built', async () => {
    const bare = new Hono();
    registerWebApp(bare, { root: join(root, 'nowhere') });
    const response = await bare.request('/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
  });
});
