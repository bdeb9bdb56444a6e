/**
 * The acceptance check, end to end: a province's list loaded from a spreadsheet through the
 * real importer gives the figures of its annual report — 110 pairs (31/66/13), 30 new since
 * 2018-01-01, one every 2.8 months as of 2024-11-28 — and a bad file changes nothing.
 */
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { queryRows } from '../db/sql.js';
import { importData } from '../imports/import.service.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { createTestDb } from '../testing/test-db.js';
import { getFigures } from './figure.service.js';

const handle = await createTestDb();

/** 110 Hunan rows: 31 of the province, 66 of its cities, 13 of its counties; 30 dated 2018 or later. */
function hunanRows(): string[][] {
  const divisions = [...getReferenceCache().divisions.values()].filter((d) => d.provinceCode === '430000');
  const cities = divisions.filter((d) => d.level === 'prefecture');
  const counties = divisions.filter((d) => d.level === 'county');
  const countries = ['JP', 'KR', 'US', 'FR', 'DE', 'GB', 'RU', 'BR', 'ZA', 'AU', 'GH', 'BB', 'KZ', 'TH'];
  const sides: string[] = [
    ...Array.from({ length: 31 }, () => '湖南省'),
    ...Array.from({ length: 66 }, (_, i) => cities[i % cities.length]?.code ?? ''),
    ...Array.from({ length: 13 }, (_, i) => counties[i * 7]?.code ?? ''),
  ];
  return sides.map((side, i) => {
    // Rows 0, 3, 6, … 87 (30 of them) are new since 2018; the rest date from 1982 to 2017.
    const isNew = i % 3 === 0 && i < 90;
    const established = isNew ? `${2018 + (i % 7)}-0${1 + (i % 9)}` : `${1982 + (i % 36)}`;
    return [
      side.startsWith('4') ? side : '',
      side.startsWith('4') ? '' : side,
      `Partner ${i}`,
      countries[i % countries.length] as string,
      established,
    ];
  });
}

const HEADER = ['cn_division_code', 'cn_division', 'partner_name_en', 'partner_country', 'established_on'];

async function tableCounts() {
  const rows = await queryRows<{ n: number }>(
    handle.db,
    sql`select (select count(*) from partnerships) + (select count(*) from foreign_places) * 1000000 as n`,
  );
  return Number(rows[0]?.n);
}

describe('a province list imported from a spreadsheet', () => {
  it('refuses a file with one bad row and leaves the database as it was', async () => {
    const rows = hunanRows();
    rows[57] = [...(rows[57] as string[])];
    (rows[57] as string[])[3] = 'Ghanna';
    const before = await tableCounts();
    const report = await importData({ db: handle.db, data: stringify([HEADER, ...rows]), fileName: 'hunan.csv' });
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ row: 59, column: 'partner_country', value: 'Ghanna' });
    expect(await tableCounts()).toBe(before);
  });

  it('gives the figures of the annual report as of 2024-11-28', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('友城');
    sheet.addRows([HEADER, ...hunanRows()]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await importData({ db: handle.db, data: xlsx, fileName: 'hunan.xlsx' });
    expect(report.problems).toEqual([]);
    expect(report.added).toBe(110);

    const figures = await getFigures({
      db: handle.db,
      actor: systemActor('test'),
      query: { scope: '430000', asOf: '2024-11-28', since: '2018-01-01', kind: 'friendship' },
    });
    expect(figures.total).toBe(110);
    expect(figures.byLevel).toEqual({ provincial: 31, city: 66, county: 13 });
    expect(figures.since).toEqual({ from: '2018-01-01', count: 30, monthsPerNew: 2.8 });

    const again = await importData({ db: handle.db, data: xlsx, fileName: 'hunan.xlsx' });
    expect({ added: again.added, updated: again.updated, unchanged: again.unchanged }).toEqual({
      added: 0,
      updated: 0,
      unchanged: 110,
    });
  });
});
