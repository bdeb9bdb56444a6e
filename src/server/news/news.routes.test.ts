import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NewsCheckResult } from '../../shared/schemas/news.js';
import { loadDemo } from '../demo/demo.service.js';
import { buildApp, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
await loadDemo({ db: handle.db });
const app = buildApp(handle);
const sample = readFileSync(new URL('../../../test/news/issue-13-sample.txt', import.meta.url), 'utf8');

async function check(body: unknown) {
  const res = await app.request('/api/news/check', jsonInit('POST', body));
  return {
    status: res.status,
    body: (await res.json()) as NewsCheckResult & { error?: { issues?: { rule?: string }[] } },
  };
}

const count = async (table: string) =>
  Number(
    ((await handle.db.execute(`select count(*)::int as n from ${table}`)) as unknown as { rows: { n: number }[] })
      .rows[0]?.n,
  );

describe('POST /api/news/check on the demo registry', () => {
  it('reconciles the eight figures of the sample and finds the Bridgetown pair, writing nothing', async () => {
    const before = [await count('partnerships'), await count('benchmarks')];
    const { status, body } = await check({ text: sample, published: '2024-11-28' });
    expect(status).toBe(200);
    expect(body.scope?.code).toBe('430000');
    expect(body.published).toBe('2024-11-28');
    const verdicts = Object.fromEntries(
      body.reconciliation.map((r) => [r.figure, [r.verdict, r.published, r.registry]]),
    );
    expect(Object.keys(verdicts)).toEqual(
      expect.arrayContaining([
        'total',
        'byLevel.provincial',
        'byLevel.city',
        'byLevel.county',
        'rank',
        'since.count',
        'monthsPerNew',
        'bri.countries',
        'bri.cities',
      ]),
    );
    // The demo holds 55 of the 110 published pairs as of that day: a difference, with its percentage.
    const total = body.reconciliation.find((r) => r.figure === 'total');
    expect(total).toMatchObject({ published: 110, registry: 55, verdict: 'differs', difference: 55, percent: 100 });
    expect(total?.records).toBe('/api/figures/records?scope=430000&asOf=2024-11-28&figure=total');
    expect(body.reconciliation.filter((r) => r.verdict === 'context')).toHaveLength(2);
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ partner: '布里奇顿', country: 'BB', verdict: 'found', draft: null });
    expect(body.benchmark).toMatchObject({ scopeCode: '430000', total: 110, provincial: 31, asOf: '2024-11-28' });
    expect([await count('partnerships'), await count('benchmarks')]).toEqual(before);
  });

  it('offers a missing signing as a draft that the partnerships API accepts when a person confirms', async () => {
    const text = '2024年11月28日讯 去年6月，长沙市与巴巴多斯首都布里奇顿签署友好城市协议。';
    const { body } = await check({ text, sourceUrl: 'https://example.org/report' });
    expect(body.publishedFrom).toBe('text');
    const event = body.events[0];
    expect(event).toMatchObject({ cn: { code: '430100' }, verdict: 'missing', date: '2023-06', level: 'city' });
    expect(event?.draft).toMatchObject({ cnCode: '430100', establishedOn: '2023-06', partner: { countryIso2: 'BB' } });
    const created = await app.request('/api/partnerships', jsonInit('POST', event?.draft));
    expect(created.status).toBe(201);
    const again = await check({ text });
    expect(again.body.events[0]).toMatchObject({ verdict: 'found' });
  });

  it('says when a signing differs from the record', async () => {
    const { body } = await check({
      text: '2022年3月，湖南省与巴巴多斯首都布里奇顿签署友好城市协议。',
      published: '2024-01-10',
    });
    expect(body.events[0]).toMatchObject({ verdict: 'differs', differences: ['date'] });
  });

  it('reads an uploaded HTML page without its scripts, and a .txt in GB18030', async () => {
    const html =
      '<html><head><script>alert(1)</script></head><body><p>湖南省共有国际友城110对。</p><script>x()</script></body></html>';
    const { status, body } = await check({
      document: { name: 'page.html', contentBase64: Buffer.from(html).toString('base64') },
      published: '2024-11-28',
    });
    expect(status).toBe(200);
    expect(body.text).not.toContain('alert');
    expect(body.figures.total).toBe(110);
  });

  it('refuses empty text, binary junk and a 50 MB paste with a clear error, and finds nothing in a non-report', async () => {
    const empty = await check({ text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.issues?.[0]?.rule).toBe('news_empty');
    const junk = await check({ text: String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 7) % 31)) });
    expect(junk.status).toBe(400);
    expect(junk.body.error?.issues?.[0]?.rule).toBe('news_binary');
    const big = await check({ text: 'friendship city 友城 '.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(400);
    expect(big.body.error?.issues?.[0]?.rule).toBe('news_too_large');
    const prose = await check({ text: '今天天气很好，我们去公园散步。' });
    expect(prose.status).toBe(200);
    expect(prose.body.found).toBe(false);
    expect(prose.body.figures).toEqual({});
    const both = await check({});
    expect(both.status).toBe(400);
  });
});
