import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearRegistry, insertPairs } from '../../server/figures/figure.fixtures.js';
import { buildApp, jsonInit } from '../../server/testing/factories.js';
import { createTestDb } from '../../server/testing/test-db.js';
import { CliError } from '../context.js';
import { runNewsCheck } from './news.js';

const handle = await createTestDb();
const db = handle.db;
const samplePath = new URL('../../../test/news/issue-13-sample.txt', import.meta.url).pathname;

beforeAll(async () => {
  await clearRegistry(db);
  await insertPairs(db, [{ cnCode: '430000', country: 'BB', place: 'Bridgetown', establishedOn: '2023-06' }]);
});

describe('amity news check', () => {
  it('prints with --json exactly what POST /api/news/check returns', async () => {
    const cli = JSON.parse(await runNewsCheck(db, samplePath, { published: '2024-11-28', json: true }));
    const res = await buildApp(handle).request(
      '/api/news/check',
      jsonInit('POST', { text: readFileSync(samplePath, 'utf8'), published: '2024-11-28' }),
    );
    expect(cli).toEqual(await res.json());
    expect(cli.figures.total).toBe(110);
  });

  it('prints a readable summary with each verdict', async () => {
    const out = await runNewsCheck(db, samplePath, { published: '2024-11-28' });
    expect(out).toContain('湖南省 Hunan (430000)');
    expect(out).toMatch(/total\s+110\s+DIFFERS\s+registry 1\s+\(\+109, 10900%\)/);
    expect(out).toContain('signing 湖南省 – 布里奇顿 (BB) provincial 2023-06 (from “去年6月”): found');
    expect(out).toContain('found');
  });

  it('says so when a file holds no figures, and refuses binary junk and bad options (exit 2)', async () => {
    const prose = join(tmpdir(), `news-prose-${process.pid}.txt`);
    writeFileSync(prose, '今天天气很好，我们去公园散步。');
    expect(await runNewsCheck(db, prose, {})).toContain('no figures found');
    const junk = join(tmpdir(), `news-junk-${process.pid}.bin`);
    writeFileSync(junk, Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)));
    await expect(runNewsCheck(db, junk, {})).rejects.toThrow(CliError);
    await expect(runNewsCheck(db, samplePath, { published: '2024-13-01' })).rejects.toThrow(/--published/);
    await expect(runNewsCheck(db, '/nonexistent/report.txt', {})).rejects.toThrow(/cannot be read/);
  });
});
