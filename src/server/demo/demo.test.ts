import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchmarks, foreignPlaces, matchRequests, partnerships } from '../db/schema.js';
import { createTestDb } from '../testing/test-db.js';
import { DEMO_DATA_DIR, type DemoSummary, loadDemo } from './demo.service.js';

const handle = await createTestDb();
const { db } = handle;

function rowsOf(fileName: string): Record<string, string>[] {
  return parse(readFileSync(join(DEMO_DATA_DIR, fileName)), { columns: true, bom: true });
}

describe('loadDemo', () => {
  let first: DemoSummary;
  beforeAll(async () => {
    first = await loadDemo({ db });
  });

  it('loads every row of the demo files with no problem', () => {
    const partnershipRows = rowsOf('hunan-partnerships.csv').length;
    const benchmarkRows = rowsOf('benchmarks.csv').length;
    expect(first.reports.partnerships).toMatchObject({ ok: true, problemCount: 0, added: partnershipRows });
    expect(first.reports.benchmarks).toMatchObject({ ok: true, problemCount: 0, added: benchmarkRows });
    expect(first.recordsHeld).toBe(partnershipRows);
  });

  it('holds only sourced Hunan pairs, none of them marked as illustrative', async () => {
    const rows = await db.select().from(partnerships);
    expect(rows.length).toBe(first.recordsHeld);
    for (const row of rows) {
      expect(row.provinceCode).toBe('430000');
      expect(row.sourceUrl).toMatch(/^https?:\/\//);
      expect(row.isDemo).toBe(false);
    }
  });

  it('has the provincial pair with Bridgetown of June 2023', async () => {
    const [pair] = await db
      .select({ p: partnerships, place: foreignPlaces })
      .from(partnerships)
      .innerJoin(foreignPlaces, eq(foreignPlaces.id, partnerships.foreignPlaceId))
      .where(eq(foreignPlaces.nameEn, 'Bridgetown'));
    expect(pair?.p).toMatchObject({
      cnCode: '430000',
      level: 'provincial',
      countryIso2: 'BB',
      establishedOn: '2023-06-01',
      establishedPrecision: 'month',
    });
    expect(pair?.p.sourceUrl).toContain('hunan.voc.com.cn');
  });

  it('dates the first pair, Changsha–Brazzaville, to 1982', async () => {
    const [pair] = await db
      .select({ p: partnerships })
      .from(partnerships)
      .innerJoin(foreignPlaces, eq(foreignPlaces.id, partnerships.foreignPlaceId))
      .where(eq(foreignPlaces.nameEn, 'Brazzaville'));
    expect(pair?.p).toMatchObject({ cnCode: '430100', countryIso2: 'CG', level: 'city' });
    expect(pair?.p.establishedOn?.slice(0, 4)).toBe('1982');
  });

  it('loads the benchmarks and compares the registry with the latest published total', async () => {
    const hunan = await db.select().from(benchmarks).where(eq(benchmarks.scopeCode, '430000'));
    expect(hunan.map((b) => b.total)).toEqual(expect.arrayContaining([77, 110]));
    expect((await db.select().from(benchmarks).where(eq(benchmarks.scopeCode, '000000'))).length).toBeGreaterThan(0);
    const latest = hunan.reduce((a, b) => (b.asOf > a.asOf ? b : a));
    expect(first.published).toMatchObject({ total: latest.total });
    expect(first.gap).toBe(latest.total - first.recordsHeld);
    expect(first.publishedByLevel).toMatchObject({
      total: 110,
      asOf: '2024-11-28',
      provincial: 31,
      city: 66,
      county: 13,
    });
    const { provincial, city, county } = first.heldByLevel;
    expect(provincial + city + county).toBe(first.recordsHeld);
    expect(provincial).toBeGreaterThanOrEqual(1);
    expect(county).toBe(2);
  });

  it('adds the illustrative requests for partners, each marked and labelled as demo data', async () => {
    expect(first.match).toEqual({ requests: 5, skipped: false });
    const requests = await db.select().from(matchRequests);
    expect(requests).toHaveLength(5);
    for (const r of requests) {
      expect(r.isDemo).toBe(true);
      expect(r.notes).toContain('演示数据');
    }
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await db.select().from(partnerships).orderBy(partnerships.id);
    const again = await loadDemo({ db });
    expect(again.reports.partnerships).toMatchObject({ ok: true, added: 0, updated: 0 });
    expect(again.reports.benchmarks).toMatchObject({ ok: true, added: 0, updated: 0 });
    expect(again.recordsHeld).toBe(first.recordsHeld);
    expect(await db.select().from(partnerships).orderBy(partnerships.id)).toEqual(before);
    expect(again.match).toEqual({ requests: 0, skipped: true });
    expect(await db.select().from(matchRequests)).toHaveLength(5);
  });
});
