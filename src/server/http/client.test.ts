import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppDeps, AppEnv } from './app.js';
import { clientAddress, isHttps, isLoopback } from './client.js';

/** What the two functions make of a request with these headers, behind a trusted proxy or not. */
async function seen(deps: Partial<AppDeps>, headers: Record<string, string>, url = 'http://amity.test/') {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('deps', deps as AppDeps);
    await next();
  });
  app.get('/', (c) => c.json({ address: clientAddress(c), https: isHttps(c) }));
  return (await (await app.request(url, { headers })).json()) as { address: string; https: boolean };
}

const FORWARDED = { 'x-forwarded-for': '198.51.100.7, 203.0.113.9', 'x-forwarded-proto': 'https' };

describe('the visitor behind a proxy', () => {
  it('ignores X-Forwarded-* unless the proxy is trusted: any client could send them', async () => {
    expect(await seen({}, FORWARDED)).toEqual({ address: 'unknown', https: false });
    expect(await seen({}, FORWARDED, 'https://amity.test/')).toEqual({ address: 'unknown', https: true });
  });

  it('takes the last forwarded address (the one the proxy saw) and the forwarded scheme when trusted', async () => {
    expect(await seen({ trustProxy: true }, FORWARDED)).toEqual({ address: '203.0.113.9', https: true });
    expect(await seen({ trustProxy: true }, { 'x-forwarded-proto': 'http' }, 'https://amity.test/')).toEqual({
      address: 'unknown',
      https: false,
    });
    expect(await seen({ trustProxy: true }, {})).toEqual({ address: 'unknown', https: false });
  });

  it('lets a configured Secure flag win over both', async () => {
    expect((await seen({ trustProxy: true, secureCookies: false }, FORWARDED)).https).toBe(false);
    expect((await seen({ secureCookies: true }, {})).https).toBe(true);
  });

  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '127.3.2.1']) expect(isLoopback(a)).toBe(true);
    for (const a of ['10.0.0.1', '203.0.113.9', '::ffff:10.0.0.1', undefined, '']) expect(isLoopback(a)).toBe(false);
  });
});
