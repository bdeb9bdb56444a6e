import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDb, testDriver } from '../testing/test-db.js';
import { queryRows } from './sql.js';

const handle = await createTestDb();

describe('test database', () => {
  it('is the driver this project asked for, migrated and holding reference data', async () => {
    expect(handle.driver).toBe(testDriver());
    const rows = await queryRows<Record<string, number>>(
      handle.db,
      sql`
      select (select count(*) from countries)::int as countries,
             (select count(*) from cn_divisions)::int as divisions,
             (select count(*) from country_group_members where group_code = 'bri')::int as bri,
             (select count(*) from gazetteer)::int as gazetteer`,
    );
    const counts = rows[0] ?? {};
    expect(counts.countries).toBeGreaterThan(240);
    expect(counts.divisions).toBeGreaterThan(3000);
    expect(counts.bri).toBe(65);
    expect(counts.gazetteer).toBeGreaterThan(100_000);
  });

  it('has no placeholder divisions and links every county to a real parent', async () => {
    const rows = await queryRows<Record<string, number>>(
      handle.db,
      sql`
      select count(*)::int as n from cn_divisions d
      where d.name_zh in ('市辖区', '县', '省直辖县级行政区划')
         or (d.parent_code is not null and not exists (select 1 from cn_divisions p where p.code = d.parent_code))`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
