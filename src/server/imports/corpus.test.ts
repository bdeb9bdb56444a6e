/**
 * A corpus of office sheets: the demo registry's 55 pairs (data/demo, demo data) written the ways
 * offices write them — title rows, 序号, merged title cells, Chinese, dotted and Chinese-numeral
 * dates, short, run-together and traditional names, countries by official long and regional names,
 * headers of their own — must read to exactly the records of the interchange file, with no
 * problem; the same sheets with errors planted at seeded rows must have every planted error found.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { toChineseDigits, toChineseNumeral } from '../../shared/numerals.js';
import { divisionNameForms } from '../places/division-names.js';
import { getReferenceCache, resolveDivisionName } from '../places/reference-cache.js';
import { DATA_DIR } from '../reference/reference.service.js';
import { createTestDb } from '../testing/test-db.js';
import { type ColumnMap, findHeaderRow, mapHeaders } from './columns.js';
import { readTable } from './parsers.js';
import { readPartnershipRows } from './partnership-import.js';
import { ProblemList } from './problems.js';

type Row = Record<string, string>;
const demo = parse(readFileSync(`${DATA_DIR}/demo/hunan-partnerships.csv`), { columns: true, bom: true }) as Row[];
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const cache = getReferenceCache();

/** mulberry32: the planted errors land on the same rows every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ways a sheet writes a date, by variant. */
function writeDate(iso: string, variant: number): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
  switch (variant % 4) {
    case 0:
      return m ? (d ? `${y}年${m}月${d}日` : `${y}年${m}月`) : `${y}年`;
    case 1:
      return [y, m, d].filter((x) => x !== undefined).join('.');
    case 2:
      return `${toChineseDigits(y)}年${m ? `${toChineseNumeral(m)}月` : ''}${d ? `${toChineseNumeral(d)}日` : ''}`;
    default:
      return [y, m, d].filter((x) => x !== undefined).join('/');
  }
}

/** The ways a sheet names the Chinese side, keeping only forms that read back as the same division. */
function writeDivision(code: string, variant: number): string {
  const division = cache.divisions.get(code);
  if (!division) throw new Error(`no division ${code}`);
  const parent = division.parentCode ? cache.divisions.get(division.parentCode) : undefined;
  const forms = divisionNameForms(division.nameZh);
  const candidates = [
    forms[1] ?? division.nameZh,
    toTraditional(division.nameZh),
    parent ? `${parent.nameZh}${division.nameZh}` : division.nameZh,
    division.nameZh,
  ];
  for (let i = 0; i < candidates.length; i++) {
    const text = candidates[(variant + i) % candidates.length] as string;
    const read = resolveDivisionName(cache, text).divisions;
    if (read.length === 1 && read[0]?.code === code) return text;
  }
  return division.nameZh;
}

const LONG_NAMES = new Map(
  (parse(readFileSync(`${DATA_DIR}/country-aliases.csv`), { columns: true }) as Row[])
    .filter((r) => r.source === 'mfa' || r.source === 'regional')
    .map((r) => [r.iso2 as string, r.alias as string]),
);

function writeCountry(iso2: string, variant: number): string {
  const country = cache.countries.get(iso2);
  if (!country) throw new Error(`no country ${iso2}`);
  if (variant % 3 === 0) return LONG_NAMES.get(iso2) ?? country.nameZh;
  if (variant % 3 === 1) return toTraditional(country.nameZh);
  return country.nameZh;
}

const HEADERS = ['序号', '中方城市', '外方城市', '外方城市英文', '国别', '结好时间', '备注'];

function officeRows(variant: number): string[][] {
  return demo.map((r, i) => [
    String(i + 1),
    writeDivision(r.cn_division_code as string, variant + i),
    r.partner_name_zh ?? '',
    r.partner_name_en ?? '',
    writeCountry(r.partner_country as string, variant + i),
    writeDate(r.established_on as string, variant + i),
    r.notes ?? '',
  ]);
}

async function asXlsx(rows: string[][], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  sheet.addRow([title]);
  sheet.mergeCells(1, 1, 1, HEADERS.length);
  sheet.addRow([]);
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function asCsv(rows: string[][], title: string): string {
  return stringify([[title], HEADERS, ...rows]);
}

/** The rows as the importer reads them, in the interchange form, and the problems. */
async function read(data: Buffer | string, format: 'csv' | 'xlsx') {
  const table = findHeaderRow(await readTable(data, format));
  const problems = new ProblemList();
  const { map, problems: headerProblems } = mapHeaders('partnerships', table);
  problems.addAll(headerProblems);
  const rows = readPartnershipRows(table.rows, map as ColumnMap, problems);
  return {
    problems,
    records: rows.map((r) => ({
      cn: r.division.code,
      zh: r.nameZh ?? '',
      en: r.nameEn ?? '',
      country: r.countryIso2,
      established: r.established ? `${r.established.date}/${r.established.precision}` : '',
    })),
  };
}

const expected = demo.map((r) => {
  const date = r.established_on ?? '';
  const parts = date.split('-');
  const precision = parts.length === 1 ? 'year' : parts.length === 2 ? 'month' : 'day';
  const full = parts.length === 1 ? `${date}-01-01` : parts.length === 2 ? `${date}-01` : date;
  return {
    cn: r.cn_division_code,
    zh: r.partner_name_zh ?? '',
    en: r.partner_name_en ?? '',
    country: r.partner_country,
    established: date ? `${full}/${precision}` : '',
  };
});

describe('a corpus of office sheets', () => {
  it('reads eight office sheets of the demo registry to exactly its records, with no problem', async () => {
    await createTestDb();
    let readings = 0;
    for (let variant = 0; variant < 8; variant++) {
      const rows = officeRows(variant);
      const title = `湖南省国际友好城市一览表（演示数据，第 ${variant + 1} 种写法）`;
      const file = variant % 2 === 0 ? await asXlsx(rows, title) : asCsv(rows, title);
      const { problems, records } = await read(file, variant % 2 === 0 ? 'xlsx' : 'csv');
      expect(problems.list.map((p) => `${p.row} ${p.column} ${p.value} ${p.rule}`)).toEqual([]);
      expect(records).toEqual(expected);
      readings += problems.readings.count;
    }
    // Every sheet writes most values in a form of its own: the readings are listed for checking.
    expect(readings).toBeGreaterThan(8 * demo.length);
  });

  it('finds every error planted in the sheets, at its row and column', async () => {
    const PLANTS: { column: number; value: (cell: string) => string; rule: string }[] = [
      { column: 5, value: () => '1982年2月30日', rule: 'invalid_date' },
      { column: 5, value: () => '10/30/1982', rule: 'invalid_date' },
      { column: 5, value: () => '一九八二年十三月', rule: 'invalid_date' },
      { column: 4, value: () => '大不列颠联合王', rule: 'unknown_country' },
      { column: 4, value: () => '刚果', rule: 'unknown_country' },
      { column: 1, value: () => '湘西区', rule: 'unknown_division' },
      { column: 1, value: () => '崇文区', rule: 'former_division' },
      { column: 1, value: () => '朝阳区', rule: 'ambiguous_division' },
      { column: 1, value: () => '', rule: 'required' },
    ];
    const random = seeded(20261203);
    let planted = 0;
    let found = 0;
    for (let variant = 0; variant < 4; variant++) {
      const rows = officeRows(variant);
      const marks: { row: number; column: string; rule: string }[] = [];
      const used = new Set<number>();
      for (const plant of PLANTS) {
        let at = Math.floor(random() * rows.length);
        while (used.has(at)) at = (at + 1) % rows.length;
        used.add(at);
        const row = rows[at] as string[];
        row[plant.column] = plant.value(row[plant.column] ?? '');
        // The sheet's row number: title row, header row, then the data from row 3 (CSV).
        marks.push({ row: at + 3, column: HEADERS[plant.column] as string, rule: plant.rule });
      }
      planted += marks.length;
      const { problems } = await read(asCsv(rows, '名单（演示数据，含错误）'), 'csv');
      for (const mark of marks) {
        const hit = problems.list.find((p) => p.row === mark.row && p.column === mark.column && p.rule === mark.rule);
        expect(hit, `${mark.rule} at row ${mark.row}, ${mark.column}`).toBeDefined();
        if (hit) found += 1;
      }
      // Nothing else is reported: each problem is one of the planted errors.
      expect(problems.count).toBe(marks.length);
    }
    expect({ planted, found }).toEqual({ planted: 36, found: 36 });
  });
});
