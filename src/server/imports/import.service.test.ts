import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../db/client.js';
import { queryRows } from '../db/sql.js';
import { derivedColumns } from '../partnerships/partnership.service.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { createTestDb } from '../testing/test-db.js';
import { DerivedText } from './derived-text.js';
import { exportPartnerships } from './export.service.js';
import type { ImportProblem } from './import.schema.js';
import { importData } from './import.service.js';

const handle = await createTestDb();
const db = handle.db;

const HEADER =
  'cn_division_code,cn_division,partner_name_zh,partner_name_en,partner_country,partner_admin_level,kind,established_on,status,ended_on,source_url,notes';

/** Rows of every table, to show that a refused import wrote nothing at all. */
async function tableCounts(d: DbOrTx): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    d,
    sql`select table_name as name from information_schema.tables
        where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, number> = {};
  for (const { name } of tables) {
    const rows = await queryRows<{ n: number }>(d, sql.raw(`select count(*)::int as n from "${name}"`));
    out[name] = rows[0]?.n ?? 0;
  }
  return out;
}

async function partnershipRow(cnCode: string, nameEn: string) {
  const rows = await queryRows<{
    id: number;
    version: number;
    status: string;
    notes: string | null;
    search: string;
    sort_key: string;
    is_demo: boolean;
    ended_on: string | null;
  }>(
    db,
    sql`select p.id, p.version, p.status, p.notes, p.search, p.sort_key, p.is_demo, p.ended_on::text as ended_on
        from partnerships p join foreign_places fp on fp.id = p.foreign_place_id
        where p.cn_code = ${cnCode} and fp.name_en = ${nameEn}`,
  );
  return rows[0];
}

function rules(problems: ImportProblem[]) {
  return problems.map((p) => `${p.row}:${p.field ?? p.column}:${p.rule}`);
}

const GOOD_CSV = [
  HEADER,
  '430100,湖南省/长沙市,布拉柴维尔,Brazzaville,CG,city,friendship,1982,active,,https://example.org/bz,first pair',
  ',湖南省/株洲市,,Calais,France,city,,2004-06,,,,',
  '430000,,北开普省,Northern Cape,南非,state,friendship,2003-09-18,active,,,"a note, with a comma"',
  '430181,,,Kirishima,JP,,exchange,2019,ended,2023-06-30,,',
].join('\r\n');

describe('importing partnerships', () => {
  beforeAll(async () => {
    const report = await importData({ db, data: `\uFEFF${GOOD_CSV}\r\n\r\n`, fileName: 'good.csv' });
    expect(report.problems).toEqual([]);
  });

  it('imports a good CSV and records the run', async () => {
    const bz = await partnershipRow('430100', 'Brazzaville');
    expect(bz).toMatchObject({ status: 'active', notes: 'first pair', version: 1, is_demo: false });
    const kirishima = await partnershipRow('430181', 'Kirishima');
    expect(kirishima).toMatchObject({ status: 'ended', ended_on: '2023-06-30' });
    const runs = await queryRows<{ target: string; summary: { added: number } }>(
      db,
      sql`select target, summary from import_runs order by id`,
    );
    expect(runs[0]).toMatchObject({ target: 'partnerships', summary: { added: 4 } });
  });

  it('builds the search text and sort key exactly as the partnership service does', async () => {
    const cache = getReferenceCache();
    const place = await queryRows<{
      id: number;
      country_iso2: string;
      name_zh: string | null;
      name_en: string | null;
      name_local: string | null;
      search: string;
    }>(db, sql`select * from foreign_places where name_en = 'Northern Cape'`);
    const p = place[0];
    if (!p) throw new Error('no place');
    const expected = derivedColumns(
      cache.divisions.get('430000') as never,
      {
        countryIso2: p.country_iso2,
        nameZh: p.name_zh,
        nameEn: p.name_en,
        nameLocal: p.name_local,
      } as never,
    );
    const row = await partnershipRow('430000', 'Northern Cape');
    expect(row?.search).toBe(expected.search);
    expect(row?.sort_key).toBe(expected.sortKey);
    const text = new DerivedText();
    expect(text.place({ countryIso2: 'ZA', nameZh: '北开普省', nameEn: 'Northern Cape', nameLocal: null })).toBe(
      p.search,
    );
  });

  it('changes nothing when the same file comes again', async () => {
    const before = await tableCounts(db);
    const report = await importData({ db, data: GOOD_CSV, fileName: 'good.csv' });
    expect(report).toMatchObject({ ok: true, rows: 4, added: 0, updated: 0, unchanged: 4, runId: null });
    expect(await tableCounts(db)).toEqual(before);
  });

  it('updates a changed row and bumps its version; a dry run reports it and writes nothing', async () => {
    const changed = GOOD_CSV.replace('first pair', 'first pair of Changsha');
    const before = await tableCounts(db);
    const dry = await importData({ db, data: changed, fileName: 'changed.csv', dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, added: 0, updated: 1, unchanged: 3 });
    expect(await tableCounts(db)).toEqual(before);
    expect((await partnershipRow('430100', 'Brazzaville'))?.notes).toBe('first pair');

    const report = await importData({ db, data: changed, fileName: 'changed.csv' });
    expect(report).toMatchObject({ ok: true, added: 0, updated: 1, unchanged: 3 });
    expect(await partnershipRow('430100', 'Brazzaville')).toMatchObject({
      notes: 'first pair of Changsha',
      version: 2,
    });
  });

  it('keeps stored values of columns the file does not have', async () => {
    const csv = 'cn_division_code,partner_name_en,partner_country\n430100,Brazzaville,CG\n';
    const report = await importData({ db, data: csv, fileName: 'short.csv' });
    expect(report).toMatchObject({ ok: true, unchanged: 1 });
    expect((await partnershipRow('430100', 'Brazzaville'))?.notes).toBe('first pair of Changsha');
  });

  it('reads Chinese headers and Chinese values', async () => {
    const csv = [
      '中方行政区划代码,中方行政区划,外方城市中文名,外方城市英文名,外方国家,外方行政级别,类型,结好日期,状态,终止日期,来源链接,备注',
      ',湖南省/湘潭市,沼津市,Numazu,日本,市,友好城市,1985-06-05,活跃,,,',
    ].join('\n');
    const report = await importData({ db, data: csv, fileName: '友城.csv' });
    expect(report).toMatchObject({ ok: true, type: 'partnerships', added: 1 });
    expect(await partnershipRow('430300', 'Numazu')).toMatchObject({ status: 'active' });
  });

  it('reports every problem of a bad file, with row, column and fix, and writes nothing', async () => {
    const before = await tableCounts(db);
    const csv = [
      HEADER,
      ',湖南省/长沙式,,Foo,GH,,,,,,,',
      ',鼓楼区,,Bar,GH,,,,,,,',
      '999999,,,Baz,Ghanna,,friend,2023-02-30,gone,,not a url,',
      '430100,,,,GH,,,,,,,',
      '430100,,,Qux,GH,planet,,2999,,,,',
      '430100,,,Quux,GH,,,2010,ended,,,',
      '430100,湖北省/武汉市,,Corge,GH,,,,,,,',
      '430100,,,Grault,GH,,,,active,2020-01-01,,',
    ].join('\n');
    const report = await importData({ db, data: csv, fileName: 'bad.csv' });
    expect(report.ok).toBe(false);
    expect(report).toMatchObject({ added: 0, updated: 0, unchanged: 0, runId: null });
    expect(rules(report.problems)).toEqual([
      '2:cn_division:unknown_division',
      '3:cn_division:ambiguous_division',
      '4:cn_division_code:unknown_division',
      '4:partner_country:unknown_country',
      '4:kind:invalid_value',
      '4:status:invalid_value',
      '4:established_on:invalid_date',
      '4:source_url:invalid_url',
      '5:partner_name_en:required',
      '6:partner_admin_level:invalid_value',
      '6:established_on:future_date',
      '7:ended_on:required',
      '8:cn_division:division_mismatch',
      '9:ended_on:not_ended',
    ]);
    for (const p of report.problems) {
      expect(p.message, JSON.stringify(p)).toBeTruthy();
      expect(p.fix ?? p.suggestions, JSON.stringify(p)).toBeTruthy();
    }
    expect(report.problems.find((p) => p.rule === 'unknown_country')?.suggestions).toEqual(['Ghana (GH)']);
    expect(report.problems.find((p) => p.field === 'kind')?.suggestions).toEqual(['friendship']);
    expect(report.problems.find((p) => p.field === 'status')?.suggestions).toEqual([]);
    expect(report.problems[0]?.suggestions?.[0]).toBe('湖南省/长沙市 (430100)');
    expect(report.problems[1]?.suggestions).toEqual([
      '江苏省/南京市/鼓楼区 (320106)',
      '江苏省/徐州市/鼓楼区 (320302)',
      '福建省/福州市/鼓楼区 (350102)',
      '河南省/开封市/鼓楼区 (410204)',
    ]);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('accepts a name path for an ambiguous name', async () => {
    const csv = 'cn_division,partner_name_en,partner_country\n福建省/福州市/鼓楼区,Tacoma,US\n';
    const report = await importData({ db, data: csv, fileName: 'gulou.csv', dryRun: true });
    expect(report).toMatchObject({ ok: true, added: 1 });
  });

  it('reports duplicate rows with both row numbers', async () => {
    const csv = [
      'cn_division_code,partner_name_zh,partner_name_en,partner_country,kind',
      '430100,,Kyoto,JP,',
      '430100,京都,Kyoto,Japan,friendship',
      '430100,,Kyoto,JP,exchange',
    ].join('\n');
    const report = await importData({ db, data: csv, fileName: 'dup.csv' });
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ row: 3, otherRow: 2, rule: 'duplicate_row' })]);
  });

  it('tells apart two places that share a Chinese name but not an English one', async () => {
    const csv = [
      'cn_division_code,partner_name_zh,partner_name_en,partner_country',
      '430500,斯普林菲尔德,Springfield,US',
      '430600,斯普林菲尔德,Springfield (Illinois),US',
    ].join('\n');
    const report = await importData({ db, data: csv, fileName: 'springfield.csv' });
    expect(report).toMatchObject({ ok: true, added: 2, placesAdded: 2 });
    const zhOnly = await importData({ db, data: `${csv}\n430700,斯普林菲尔德,,US`, fileName: 'springfield.csv' });
    expect(zhOnly.problems).toEqual([
      expect.objectContaining({
        row: 4,
        field: 'partner_name_zh',
        rule: 'ambiguous_partner',
        suggestions: ['Springfield', 'Springfield (Illinois)'],
      }),
    ]);
  });

  it('reports unknown, missing and repeated columns with suggestions', async () => {
    const report = await importData({
      db,
      data: 'cn_division_code,partner_nme_en,partner_country,partner_country\n430100,X,GH,GH\n',
      fileName: 'cols.csv',
    });
    expect(rules(report.problems)).toEqual([
      '1:partner_nme_en:unknown_column',
      '1:partner_country:duplicate_column',
      '1:partner_name_en:missing_column',
    ]);
    expect(report.problems[0]?.suggestions?.[0]).toBe('partner_name_en');
  });

  it('marks demo imports', async () => {
    const csv = 'cn_division_code,partner_name_en,partner_country\n430100,Demoville,GH\n';
    await importData({ db, data: csv, fileName: 'demo.csv', isDemo: true });
    expect((await partnershipRow('430100', 'Demoville'))?.is_demo).toBe(true);
  });
});

describe('other formats and round trips', () => {
  it('imports XLSX with date and number cells, and refuses formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('pairs');
    sheet.addRow(['cn_division_code', 'partner_name_en', 'partner_country', 'established_on']);
    sheet.addRow([430100, 'Perth', 'AU', new Date(Date.UTC(1995, 2, 1))]);
    sheet.addRow(['430100', 'Adelaide', 'AU', 2018]);
    const good = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await importData({ db, data: good, fileName: 'pairs.xlsx' });
    expect(report).toMatchObject({ ok: true, added: 2 });
    const dates = await queryRows<{ name_en: string; established_on: string; established_precision: string }>(
      db,
      sql`select fp.name_en, p.established_on::text as established_on, p.established_precision
          from partnerships p join foreign_places fp on fp.id = p.foreign_place_id
          where fp.name_en in ('Perth', 'Adelaide') order by fp.name_en`,
    );
    expect(dates).toEqual([
      { name_en: 'Adelaide', established_on: '2018-01-01', established_precision: 'year' },
      { name_en: 'Perth', established_on: '1995-03-01', established_precision: 'day' },
    ]);

    sheet.addRow(['430100', 'Darwin', 'AU', { formula: 'DATE(2001,1,1)', result: new Date(Date.UTC(2001, 0, 1)) }]);
    const withFormula = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await tableCounts(db);
    const refused = await importData({ db, data: withFormula, fileName: 'pairs.xlsx' });
    expect(refused.ok).toBe(false);
    expect(refused.problems).toEqual([expect.objectContaining({ row: 4, column: 'established_on', rule: 'formula' })]);
    expect(await tableCounts(db)).toEqual(before);
  });

  it('imports JSON', async () => {
    const data = JSON.stringify([
      { cn_division_code: '430100', partner_name_en: 'Auckland', partner_country: 'NZ', established_on: 2010 },
    ]);
    expect(await importData({ db, data, fileName: 'a.json' })).toMatchObject({ ok: true, added: 1 });
  });

  it('round-trips every format through export and import with zero changes, CSV injection guarded', async () => {
    const csv = [
      'cn_division_code,partner_name_en,partner_country,notes,ended_reason,status,ended_on',
      '430100,Formula Town,GH,=HYPERLINK("http://evil"),,active,',
      "430100,Minus Town,GH,-5 km from the coast,'=x,ended,2020-01-01",
      '430100,Multiline Town,GH,"line one\nline two, with ""quotes""",,active,',
    ].join('\n');
    expect(await importData({ db, data: csv, fileName: 'tricky.csv' })).toMatchObject({ ok: true, added: 3 });
    // A value that starts with an apostrophe and "=" (possible through JSON or the API) survives too.
    const quoted = JSON.stringify([
      { cn_division_code: '430100', partner_name_en: 'Quote Town', partner_country: 'GH', notes: "'=x" },
    ]);
    expect(await importData({ db, data: quoted, fileName: 'quoted.json' })).toMatchObject({ ok: true, added: 1 });
    const total = (await tableCounts(db)).partnerships as number;
    const before = await tableCounts(db);
    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const exported = await exportPartnerships({ db, filter: {}, format });
      const report = await importData({ db, data: exported, fileName: `export.${format}` });
      expect(report.problems, format).toEqual([]);
      expect(report, format).toMatchObject({ ok: true, rows: total, added: 0, updated: 0, unchanged: total });
    }
    const zh = await exportPartnerships({ db, filter: {}, format: 'csv', headers: 'zh' });
    expect(String(zh).split('\r\n')[0]).toContain('中方行政区划代码');
    expect(await importData({ db, data: zh, fileName: 'zh.csv' })).toMatchObject({ ok: true, unchanged: total });
    expect(await tableCounts(db)).toEqual(before);

    const text = String(await exportPartnerships({ db, filter: {}, format: 'csv' }));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).toContain("'-5 km from the coast");
    expect(text).toContain("''=x");
  });

  it('exports a filtered list', async () => {
    const text = String(await exportPartnerships({ db, filter: { country: ['AU'] }, format: 'csv' }));
    const lines = text.trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).every((l) => l.includes(',AU,'))).toBe(true);
    const json = JSON.parse(String(await exportPartnerships({ db, filter: { cn: '430300' }, format: 'json' })));
    expect(json).toEqual([expect.objectContaining({ cn_division: '湖南省/湘潭市', partner_name_en: 'Numazu' })]);
  });
});

describe('benchmarks and groups', () => {
  it('imports benchmarks, national and provincial, and re-imports them unchanged', async () => {
    const csv = [
      'scope,kind,total,countries,as_of,source,source_url',
      '全国,friendship,3054,147,2024-11-19,CCTV,',
      '湖南省,,110,,2024-12,,https://example.org/hunan',
    ].join('\n');
    expect(await importData({ db, data: csv, fileName: 'b.csv' })).toMatchObject({ type: 'benchmarks', added: 2 });
    expect(await importData({ db, data: csv, fileName: 'b.csv' })).toMatchObject({ unchanged: 2 });
    const changed = csv.replace('CCTV', '"CCTV, 2024-11-21"');
    expect(await importData({ db, data: changed, fileName: 'b.csv' })).toMatchObject({ updated: 1, unchanged: 1 });
    const rows = await queryRows<{ scope_code: string; source: string; version: number }>(
      db,
      sql`select scope_code, source, version from benchmarks order by scope_code`,
    );
    expect(rows).toEqual([
      { scope_code: '000000', source: 'CCTV, 2024-11-21', version: 2 },
      { scope_code: '430000', source: 'https://example.org/hunan', version: 1 },
    ]);
    const bad = await importData({
      db,
      data: 'scope,total,as_of,source\n长沙市,5,2024,x\n湖南,many,2999,x\n',
      fileName: 'b.csv',
    });
    expect(rules(bad.problems)).toEqual(['2:scope:not_a_province', '3:total:invalid_number', '3:as_of:future_date']);
  });

  it('imports an office-defined country group and never touches bri', async () => {
    const bri = await tableCounts(db);
    const csv = [
      'group_code,group_name_zh,group_name_en,country,joined_on,source_url',
      'bri_docs,签署共建“一带一路”合作文件的国家,Belt and Road cooperation document signatories,GH,2018-09-05,',
      'bri_docs,,,Kenya,2018,',
    ].join('\n');
    expect(await importData({ db, data: csv, fileName: 'g.csv' })).toMatchObject({ type: 'groups', added: 2 });
    const members = await queryRows<{ country_iso2: string; joined_on: string }>(
      db,
      sql`select country_iso2, joined_on::text as joined_on from country_group_members where group_code = 'bri_docs' order by 1`,
    );
    expect(members).toEqual([
      { country_iso2: 'GH', joined_on: '2018-09-05' },
      { country_iso2: 'KE', joined_on: '2018-01-01' },
    ]);
    expect(await importData({ db, data: csv, fileName: 'g.csv' })).toMatchObject({ unchanged: 2 });
    const before = await tableCounts(db);
    const refused = await importData({
      db,
      data: 'group_code,country\nbri,GH\nnewgroup,GH\n',
      fileName: 'g.csv',
      type: 'groups',
    });
    expect(rules(refused.problems)).toEqual(['2:group_code:shipped_group', '3:group_name_zh:required']);
    expect(await tableCounts(db)).toEqual(before);
    expect(before.country_group_members).toBe((bri.country_group_members as number) + 2);
  });
});

describe('junk', () => {
  it('never throws and never writes, whatever the rows hold (property)', async () => {
    const before = await tableCounts(db);
    const junk = fc.string({
      unit: fc.constantFrom('a', '1', '-', '/', ',', '"', '\n', ' ', '长', '区', '=', 'é', '\u0000'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(junk, { minLength: 0, maxLength: 13 }), { maxLength: 6 }), async (rows) => {
        const body = rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n');
        // A last row that is certainly wrong, so that nothing may be written.
        const data = `${HEADER}\n${body}\n999999,,,x,XX,,,,,,,\n`;
        const report = await importData({ db, data, fileName: 'junk.csv' });
        expect(report.ok).toBe(false);
        const asJson = await importData({ db, data: JSON.stringify(rows), fileName: 'junk.json' });
        expect(asJson.ok).toBe(false);
      }),
      { numRuns: 40 },
    );
    expect(await tableCounts(db)).toEqual(before);
  });

  it('reports a file it cannot classify', async () => {
    const report = await importData({ db, data: 'name,value\na,1\n', fileName: 'x.csv' });
    expect(report).toMatchObject({ ok: false, type: null });
    expect(report.problems[0]?.rule).toBe('unknown_type');
    expect((await importData({ db, data: '', fileName: 'x.csv' })).problems[0]?.rule).toBe('empty_file');
  });
});
