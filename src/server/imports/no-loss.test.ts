/**
 * Nothing is lost by an import: a blank cell keeps what is stored, clearing takes an explicit
 * marker or option, and every stored value a file would change is listed before → after.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { queryRows } from '../db/sql.js';
import { getPartnership } from '../partnerships/partnership.service.js';
import { createTestDb } from '../testing/test-db.js';
import { exportPartnerships } from './export.service.js';
import { importData } from './import.service.js';

const handle = await createTestDb();
const db = handle.db;
const SYSTEM = systemActor('test');

const FULL =
  'cn_division_code,partner_name_en,partner_country,established_on,status,source_url,notes\n' +
  '430100,Nothingloss,GH,2002-05,active,https://example.org/sign,kept with care\n';

async function stored() {
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select p.id from partnerships p join foreign_places f on f.id = p.foreign_place_id where f.name_en = 'Nothingloss'`,
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('the pair is not stored');
  return getPartnership({ db, actor: SYSTEM, id });
}

describe('an import never loses what is stored', () => {
  it('keeps stored values under blank cells of the template, and says nothing changes', async () => {
    expect((await importData({ db, data: FULL, fileName: 'full.csv' })).added).toBe(1);
    const blank = '中方行政区划代码,外方城市英文名,外方国家,结好日期,状态,来源链接,备注\n430100,Nothingloss,GH,,,,\n';
    const dry = await importData({ db, data: blank, fileName: 'template.csv', dryRun: true });
    expect(dry).toMatchObject({ ok: true, updated: 0, unchanged: 1, changes: [], storedValuesChanged: 0 });
    const real = await importData({ db, data: blank, fileName: 'template.csv' });
    expect(real).toMatchObject({ ok: true, updated: 0, unchanged: 1 });
    const pair = await stored();
    expect(pair).toMatchObject({
      establishedOn: '2002-05',
      sourceUrl: 'https://example.org/sign',
      notes: 'kept with care',
    });
  });

  it('keeps what a file without the column does not mention (a partial column set)', async () => {
    const partial =
      'cn_division_code,partner_name_en,partner_country,notes\n430100,Nothingloss,GH,kept with more care\n';
    const report = await importData({ db, data: partial, fileName: 'partial.csv' });
    expect(report.changes).toEqual([
      {
        row: 2,
        id: expect.any(Number),
        fields: [{ field: 'notes', before: 'kept with care', after: 'kept with more care' }],
      },
    ]);
    expect(await stored()).toMatchObject({ establishedOn: '2002-05', sourceUrl: 'https://example.org/sign' });
  });

  it('clears a value only on a clear marker, listing it before the import', async () => {
    const marker =
      'cn_division_code,partner_name_en,partner_country,notes,source_url\n430100,Nothingloss,GH,-,（清空）\n';
    const dry = await importData({ db, data: marker, fileName: 'clear.csv', dryRun: true });
    expect(dry.storedValuesChanged).toBe(2);
    expect(dry.changes[0]?.fields).toEqual([
      { field: 'source_url', before: 'https://example.org/sign', after: null },
      { field: 'notes', before: 'kept with more care', after: null },
    ]);
    expect(await stored()).toMatchObject({ notes: 'kept with more care' });
    await importData({ db, data: marker, fileName: 'clear.csv' });
    expect(await stored()).toMatchObject({ notes: null, sourceUrl: null, establishedOn: '2002-05' });
  });

  it("clears blank cells with blank: 'clear', and not otherwise", async () => {
    const blankDate = 'cn_division_code,partner_name_en,partner_country,established_on\n430100,Nothingloss,GH,\n';
    expect((await importData({ db, data: blankDate, fileName: 'b.csv', dryRun: true })).changes).toEqual([]);
    const clearing = await importData({ db, data: blankDate, fileName: 'b.csv', dryRun: true, blank: 'clear' });
    expect(clearing.changes[0]?.fields).toEqual([{ field: 'established_on', before: '2002-05', after: null }]);
    expect(clearing.storedValuesChanged).toBe(1);
  });

  it('shows what a re-import of an older export would roll back', async () => {
    const older = await exportPartnerships({ db, actor: SYSTEM, filter: { cn: '430100' }, format: 'csv' });
    const update =
      'cn_division_code,partner_name_en,partner_country,established_on\n430100,Nothingloss,GH,2002-05-20\n';
    await importData({ db, data: update, fileName: 'newer.csv' });
    const again = await importData({ db, data: String(older), fileName: 'older.csv', dryRun: true });
    const change = again.changes.find((c) => c.fields.some((f) => f.field === 'established_on'));
    expect(change?.fields).toContainEqual({ field: 'established_on', before: '2002-05-20', after: '2002-05' });
  });

  it('refuses a clear marker where a value is required, naming the cell', async () => {
    const bad = 'cn_division_code,partner_name_en,partner_country\n430100,Nothingloss,-\n';
    const report = await importData({ db, data: bad, fileName: 'bad.csv', dryRun: true });
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ row: 2, field: 'partner_country', value: '-' });
  });
});
