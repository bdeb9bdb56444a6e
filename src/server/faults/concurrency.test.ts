/** Writers at the same moment: one edit of a version wins, imports never interleave. */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { syntheticPartnershipsCsv } from '../../../bench/synthetic.js';
import { queryRows } from '../db/sql.js';
import { importData } from '../imports/import.service.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

const N = 12;

describe('concurrent edits of one record', () => {
  it('let exactly one PATCH of a version win; the others get 409', async () => {
    for (const path of ['/api/partnerships', '/api/activities', '/api/benchmarks']) {
      const id = await recordFor(path);
      const responses = await Promise.all(
        Array.from({ length: N }, (_, i) => app.request(`${path}/${id}`, jsonInit('PATCH', patchFor(path, i)))),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses, path).toEqual([200, ...Array(N - 1).fill(409)]);
      const winner = responses.find((r) => r.status === 200) as Response;
      const body = (await winner.json()) as { version: number };
      expect(body.version).toBe(2);
      const stored = (await (await app.request(`${path}/${id}`)).json()) as { version: number };
      expect(stored.version).toBe(2);
    }
  });

  it('let exactly one DELETE of a version succeed', async () => {
    const p = await buildPartnership(handle);
    const responses = await Promise.all(
      Array.from({ length: N }, () => app.request(`/api/partnerships/${p.id}?version=1`, { method: 'DELETE' })),
    );
    const ok = responses.filter((r) => r.status === 204 || r.status === 200).length;
    expect(ok).toBe(1);
    expect(responses.every((r) => [200, 204, 404, 409].includes(r.status))).toBe(true);
  });
});

async function recordFor(path: string): Promise<number> {
  if (path === '/api/partnerships') return (await buildPartnership(handle)).id;
  if (path === '/api/activities') {
    const p = await buildPartnership(handle);
    const res = await app.request(
      path,
      jsonInit('POST', { partnershipId: p.id, type: 'visit', occurredOn: '2020-01-02', titleEn: 'Visit' }),
    );
    return ((await res.json()) as { id: number }).id;
  }
  const res = await app.request(
    path,
    jsonInit('POST', { scopeCode: '430000', kind: 'friendship', total: 100, asOf: '2020-06', source: 'a report' }),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

function patchFor(path: string, i: number): object {
  if (path === '/api/benchmarks') return { version: 1, total: 100 + i };
  if (path === '/api/activities') return { version: 1, titleEn: `edit ${i}` };
  return { version: 1, notes: `edit ${i}` };
}

describe('two imports at once', () => {
  it('do not interleave: the end state is that of one after the other', async () => {
    // Two generated files: mostly pairs of their own, a few the same pairs with other values.
    const a = syntheticPartnershipsCsv(1500, 1);
    const b = syntheticPartnershipsCsv(1500, 2);
    const before = await countPartnerships();
    const [ra, rb] = await Promise.all([
      importData({ db: handle.db, data: Buffer.from(a), fileName: 'a.csv', type: 'partnerships' }),
      importData({ db: handle.db, data: Buffer.from(b), fileName: 'b.csv', type: 'partnerships' }),
    ]);
    for (const r of [ra, rb]) expect(r.problemCount, JSON.stringify(r.problems.slice(0, 3))).toBe(0);
    const afterBoth = await countPartnerships();
    expect(afterBoth - before).toBe(ra.added + rb.added);
    // Each pair once.
    const dupes = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from (select 1 from partnerships group by cn_code, foreign_place_id, kind having count(*) > 1) d`,
    );
    expect(dupes[0]?.n).toBe(0);
    // a and b share a few pairs with different values: one after the other, the later file's values
    // all stand, so a dry run of it changes nothing; interleaved, both would show changes.
    const changes = async (data: string, fileName: string) => {
      const r = await importData({
        db: handle.db,
        data: Buffer.from(data),
        fileName,
        type: 'partnerships',
        dryRun: true,
      });
      return r.added + r.updated;
    };
    expect(Math.min(await changes(a, 'a.csv'), await changes(b, 'b.csv'))).toBe(0);
  });
});

async function countPartnerships(): Promise<number> {
  const rows = await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from partnerships`);
  return Number(rows[0]?.n);
}
