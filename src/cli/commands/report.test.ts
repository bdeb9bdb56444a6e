/** `amity report`: writes the file it names, and bad options fail with exit code 2 naming the option. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../server/db/client.js';
import { buildPartnership } from '../../server/testing/factories.js';
import { createTestDb } from '../../server/testing/test-db.js';
import { runReport } from './report.js';

let handle: DbHandle;
const dir = mkdtempSync(join(tmpdir(), 'amity-report-cli-'));

beforeAll(async () => {
  handle = await createTestDb();
  await buildPartnership(handle, { cnCode: '430100', establishedOn: '2019-04' });
  await buildPartnership(handle, { cnCode: '430100', establishedOn: '2021' });
});

describe('amity report', () => {
  it('writes Markdown with the overview worded from the records', async () => {
    const out = join(dir, 'r.md');
    const line = await runReport(handle.db, {
      scope: '430100',
      asOf: '2024-11-28',
      since: '2018',
      lang: 'en',
      format: 'md',
      out,
    });
    expect(line).toMatch(/^wrote .*r\.md \([\d,]+ bytes, \d+ ms\)$/);
    expect(readFileSync(out, 'utf8')).toContain(
      'As of 28 November 2024, Changsha has 2 international friendship city partnerships, all at the city level. ' +
        'Since 2018, 2 new pairs have been established, one every 41.5 months on average.',
    );
  });

  it('names the option that is wrong', async () => {
    await expect(runReport(handle.db, { scope: '430100', format: 'odt' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('--format'),
    });
    await expect(
      runReport(handle.db, {
        scope: '430100',
        asOf: '2024-11-28',
        compare: '2025-01-01',
        format: 'md',
        out: join(dir, 'x.md'),
      }),
    ).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('--compare') });
  });
});
