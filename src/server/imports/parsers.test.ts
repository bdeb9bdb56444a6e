import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameKeyOf, normalizeText, sortKeyOf } from '../../shared/text.js';
import { detectType, normalizeHeader } from './columns.js';
import { neutraliseCell } from './export.service.js';
import { parseCsvText, readTable } from './parsers.js';
import { formatProblem, formatReport } from './problems.js';
import { closest, editDistance } from './suggest.js';
import { nameKeyFast, normalizeFast } from './values.js';

async function xlsxOf(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('first');
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('second').addRow(['ignored']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('CSV', () => {
  it('reads a BOM, CRLF, quoted commas, quotes and line breaks, and skips blank lines but keeps row numbers', async () => {
    const text = '\uFEFFa,b\r\n1,"x, ""y""\r\nz"\r\n\r\n3,4\r\n,\r\n\r\n';
    const table = await readTable(text, 'csv');
    expect(table.headers).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['1', 'x, "y"\r\nz'] },
      { row: 4, cells: ['3', '4'] },
    ]);
    expect(table.problems).toEqual([]);
  });

  it('reports a quote that is never closed with its line', async () => {
    const table = await readTable('a,b\n1,2\n3,"oops\n4,5\n', 'csv');
    expect(table.problems).toHaveLength(1);
    expect(table.problems[0]).toMatchObject({ rule: 'invalid_csv', row: 3 });
  });

  it('reads GB18030 text as Excel on Chinese Windows saves it', async () => {
    const gb = Buffer.from([0xd6, 0xd0, 0xb7, 0xbd, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0x32, 0x0a]); // 中方,b
    const table = await readTable(gb, 'csv');
    expect(table.headers).toEqual(['中方', 'b']);
  });

  it('takes off the apostrophe that export puts before a formula-like cell', async () => {
    const table = await readTable("a,b\n'=1+1,'-5 km\n'plain,''=x\n", 'csv');
    expect(table.rows[0]?.cells).toEqual(['=1+1', '-5 km']);
    expect(table.rows[1]?.cells).toEqual(["'plain", "'=x"]);
    expect(neutraliseCell('=1+1')).toBe("'=1+1");
    expect(neutraliseCell('@cmd')).toBe("'@cmd");
    expect(neutraliseCell('+86')).toBe("'+86");
    expect(neutraliseCell("'=x")).toBe("''=x");
    expect(neutraliseCell('Brazzaville')).toBe('Brazzaville');
  });

  it('parses whatever csv-stringify writes back to the same records (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '长', "'") });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        (records) => {
          const parsed = parseCsvText(stringify(records, { quoted: true }));
          expect(parsed).toEqual({ records });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('rejects more rows than the limit with a clear problem', async () => {
    const table = await readTable('a\n1\n2\n3\n', 'csv', { maxRows: 2, maxBytes: 1000 });
    expect(table.problems[0]).toMatchObject({ rule: 'too_many_rows', row: 4 });
    const big = await readTable('a\n1\n', 'csv', { maxRows: 2, maxBytes: 3 });
    expect(big.problems[0]).toMatchObject({ rule: 'file_too_large' });
  });
});

describe('XLSX', () => {
  it('reads the first sheet: dates as days, numbers as text, rich text and links as their text', async () => {
    const data = await xlsxOf([
      ['established_on', 'cn_division_code', 'notes', 'source_url'],
      [
        new Date(Date.UTC(2018, 4, 3)),
        430100,
        { richText: [{ text: 'a ' }, { text: 'b' }] },
        { text: 'link', hyperlink: 'https://x.org/' },
      ],
      [2018, '430100', null, null],
    ]);
    const table = await readTable(data, 'xlsx');
    expect(table.headers).toEqual(['established_on', 'cn_division_code', 'notes', 'source_url']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['2018-05-03', '430100', 'a b', 'link'] },
      { row: 3, cells: ['2018', '430100'] },
    ]);
  });

  it('refuses formulas, naming the cell', async () => {
    const data = await xlsxOf([
      ['partner_name_en', 'established_on'],
      ['Kyoto', { formula: 'YEAR(TODAY())', result: 2024 }],
    ]);
    const table = await readTable(data, 'xlsx');
    expect(table.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'established_on', rule: 'formula', value: '=YEAR(TODAY())' }),
    ]);
  });

  it('reports a file that is not a workbook', async () => {
    const table = await readTable(Buffer.from('not a zip'), 'xlsx');
    expect(table.problems[0]).toMatchObject({ rule: 'invalid_xlsx' });
  });
});

describe('JSON', () => {
  it('reads an array of objects or {rows}, numbering items from 1', async () => {
    const table = await readTable(
      JSON.stringify([
        { a: 'x', b: 2018 },
        { b: null, c: true },
      ]),
      'json',
    );
    expect(table.headers).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([
      { row: 1, cells: ['x', '2018', ''] },
      { row: 2, cells: ['', '', 'true'] },
    ]);
    const wrapped = await readTable(JSON.stringify({ rows: [{ a: 1 }] }), 'json');
    expect(wrapped.rows).toEqual([{ row: 1, cells: ['1'] }]);
  });

  it('reports broken JSON and nested values', async () => {
    expect((await readTable('[{', 'json')).problems[0]).toMatchObject({ rule: 'invalid_json' });
    const nested = await readTable(JSON.stringify([{ a: { b: 1 } }, 'x']), 'json');
    expect(nested.problems.map((p) => p.rule).sort()).toEqual(['invalid_row', 'invalid_value']);
  });
});

describe('headers and text', () => {
  it('normalises headers and tells the type of a file from them', () => {
    expect(normalizeHeader(' Partner Name-EN * ')).toBe('partner_name_en');
    expect(normalizeHeader('外方国家（必填）')).toBe('外方国家');
    expect(detectType(['中方行政区划', '外方城市中文名', '外方国家'])).toBe('partnerships');
    expect(detectType(['scope', 'total', 'as_of'])).toBe('benchmarks');
    expect(detectType(['国家组代码', '国家'])).toBe('groups');
    expect(detectType(['name', 'value'])).toBeUndefined();
  });

  it('nameKeyFast and normalizeFast agree with nameKeyOf and normalizeText (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        expect(nameKeyFast(text)).toBe(nameKeyOf(text));
        expect(normalizeFast(text)).toBe(normalizeText(text));
        if (text) expect(normalizeFast(text)).toBe(sortKeyOf(text));
      }),
      { numRuns: 500 },
    );
    expect(nameKeyFast('São Paulo')).toBe(nameKeyOf('São Paulo'));
  });

  it('finds close names', () => {
    expect(editDistance('ghanna', 'ghana')).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(
      closest('ghanna', [
        ['ghana', 'Ghana (GH)'],
        ['guyana', 'Guyana (GY)'],
        ['japan', 'Japan (JP)'],
      ]),
    ).toEqual(['Ghana (GH)']);
    expect(closest('brazza', [['brazzaville', 'Brazzaville']])).toEqual(['Brazzaville']);
  });
});

describe('report lines', () => {
  it('writes a problem as the CLI prints it', () => {
    expect(
      formatProblem({
        row: 7,
        column: 'partner_country',
        field: 'partner_country',
        value: 'Ghanna',
        rule: 'unknown_country',
        message: 'unknown country',
        fix: 'use an ISO code',
        suggestions: ['Ghana (GH)'],
      }),
    ).toBe('row 7, partner_country "Ghanna": unknown country — did you mean Ghana (GH)?');
    const lines = formatReport({
      type: 'partnerships',
      format: 'csv',
      fileName: 'a.csv',
      dryRun: true,
      rows: 3,
      added: 2,
      updated: 1,
      unchanged: 0,
      placesAdded: 2,
      changes: [],
      storedValuesChanged: 0,
      headerRow: 1,
      ignoredColumns: [],
      readings: [
        { row: 2, column: '结好时间', field: 'established_on', value: '1982年10月', reading: '1982-10 (month)' },
      ],
      readingCount: 1,
      problems: [],
      problemCount: 0,
      ok: true,
      runId: null,
    });
    expect(lines[0]).toContain('would be 2 added, 1 updated, 0 unchanged');
    expect(lines).toContain('  row 2 结好时间 "1982年10月" → 1982-10 (month)');
  });
});
