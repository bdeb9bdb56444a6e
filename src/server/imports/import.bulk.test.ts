import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../db/sql.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { createTestDb } from '../testing/test-db.js';
import { importData } from './import.service.js';

const handle = await createTestDb();
const db = handle.db;

async function schemaOfPartnerships() {
  const indexes = await queryRows<{ def: string }>(
    db,
    sql`select indexdef as def from pg_indexes where tablename = 'partnerships' order by indexname`,
  );
  const constraints = await queryRows<{ def: string }>(
    db,
    sql`select conname || ' ' || pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = 'partnerships'::regclass order by conname`,
  );
  return { indexes: indexes.map((i) => i.def), constraints: constraints.map((c) => c.def) };
}

function syntheticCsv(rows: number): string {
  const cache = getReferenceCache();
  const divisions = [...cache.divisions.keys()];
  const countries = [...cache.countries.keys()];
  const lines = ['cn_division_code,partner_name_en,partner_country,established_on,notes'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${divisions[i % divisions.length]},Bulk Place ${i},${countries[i % countries.length]},${1980 + (i % 40)},row ${i}`,
    );
  }
  return lines.join('\n');
}

describe('a bulk load', () => {
  it('builds the indexes once and leaves the table defined exactly as before', async () => {
    const before = await schemaOfPartnerships();
    expect(before.indexes.length).toBeGreaterThan(5);
    const csv = syntheticCsv(20_000);
    const report = await importData({ db, data: csv, fileName: 'bulk.csv' });
    expect(report).toMatchObject({ ok: true, added: 20_000, placesAdded: 20_000 });
    expect(await schemaOfPartnerships()).toEqual(before);
    const again = await importData({ db, data: csv, fileName: 'bulk.csv' });
    expect(again).toMatchObject({ ok: true, unchanged: 20_000 });
    const counted = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from partnerships where cn_code = '430100'`,
    );
    expect(counted[0]?.n).toBeGreaterThan(0);
  });

  it('leaves the planner statistics of the tables it filled, and of the reference data, up to date', async () => {
    // reltuples is the planner's row estimate: -1 for a table never analysed, else the count sampled.
    const estimates = async () =>
      Object.fromEntries(
        (
          await queryRows<{ name: string; n: number }>(
            db,
            sql`select relname as name, reltuples::int as n from pg_class
                where relname in ('partnerships', 'foreign_places', 'cn_divisions', 'countries')`,
          )
        ).map((r) => [r.name, r.n]),
      );
    const divisions = getReferenceCache().divisions.size;
    const before = await estimates();
    expect(before.cn_divisions).toBe(divisions);
    expect(before.countries).toBeGreaterThan(200);
    const report = await importData({
      db,
      data: syntheticCsv(1_500).replaceAll('Bulk Place', 'Planned Place'),
      fileName: 'more.csv',
    });
    expect(report).toMatchObject({ ok: true, added: 1_500 });
    const after = await estimates();
    expect(after.partnerships).toBe(Number(before.partnerships) + 1_500);
    expect(after.foreign_places).toBe(Number(before.foreign_places) + 1_500);
  });
});
