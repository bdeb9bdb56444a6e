/**
 * The import wizard's contract: a column mapping (a small JSON file, saved per office or passed to
 * `amity import --mapping`), the preview of an uploaded sheet, the saved mappings, the import runs
 * that can be undone, and the report of an import. Used by the API, the CLI and the web app.
 */
import { z } from 'zod';
import { oneOf } from './view-fields.js';

export const IMPORT_TYPES = ['partnerships', 'benchmarks', 'groups'] as const;
export type ImportType = (typeof IMPORT_TYPES)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const MappingSchema = z
  .object({
    version: z.literal(1).describe('The format of the mapping file: 1'),
    type: z.enum(IMPORT_TYPES).optional().describe('What the sheet holds; detected from the headers when omitted'),
    sheet: z
      .union([z.string().min(1), z.number().int().min(1)])
      .optional()
      .describe('XLSX sheet, by name or number'),
    headerRow: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('The row that holds the headers; found (under any title rows) when omitted'),
    columns: z
      .record(z.string(), z.string().min(1).nullable())
      .describe("The sheet's header → the field it holds (see the interchange format), or null to ignore the column"),
  })
  .strict()
  .meta({ id: 'ImportMapping' });
export type Mapping = z.infer<typeof MappingSchema>;

export const PreviewColumnSchema = z.object({
  index: z.number().int().describe('0-based position in the sheet'),
  letter: z.string().describe('The spreadsheet column letter: A, B, …'),
  header: z.string().describe('The header as the sheet writes it ("" when it has none)'),
  field: z.string().nullable().describe('The field the column is read as; null when ignored or not known'),
  how: z
    .enum(['known', 'mapped', 'serial', 'empty', 'ignored', 'unknown'])
    .describe(
      'known: the header is one the importer knows; mapped: by the mapping; serial, empty, ignored: left out; unknown: to be mapped',
    ),
  samples: z.array(z.string()).describe('The first values of the column'),
});

export const ImportFieldSchema = z.object({
  name: z.string().describe('The interchange format name of the field'),
  label: z.string().describe("Its name in the caller's language"),
  required: z.boolean(),
  description: z.string(),
});

export const ImportPreviewSchema = z
  .object({
    fileName: z.string(),
    format: z.enum(IMPORT_FORMATS),
    sheets: z.array(z.string()).describe('The sheets of an XLSX workbook (empty for CSV and JSON)'),
    sheet: z.string().nullable().describe('The sheet read'),
    type: z.enum(IMPORT_TYPES).describe('What the file holds: as asked, else detected, else partnerships'),
    detected: z.boolean().describe('Whether the type was told by the headers'),
    headerRow: z.number().int().describe('The row the headers were read from'),
    rows: z.number().int().describe('Data rows under the header'),
    columns: z.array(PreviewColumnSchema),
    fields: z.array(ImportFieldSchema).describe('The fields a column can be mapped to'),
    sample: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })).describe('The first rows'),
    problems: z
      .array(
        z.object({ column: z.string().nullable(), rule: z.string(), message: z.string(), fix: z.string().optional() }),
      )
      .describe('What is wrong with the header row as mapped (unknown or duplicate columns, missing ones)'),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const SavedMappingSchema = z
  .object({
    id: z.number().int(),
    scopeCode: z.string().describe('The office whose staff share it'),
    name: z.string(),
    mapping: MappingSchema,
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedImportMapping' });
export type SavedMapping = z.infer<typeof SavedMappingSchema>;

export const SavedMappingInputSchema = z
  .object({
    name: z.string().trim().min(1).max(100).describe('A name the office knows it by, e.g. 省外办年度名单'),
    mapping: MappingSchema,
  })
  .strict();

export const SavedMappingPatchSchema = SavedMappingInputSchema.partial().extend({
  version: z.number().int().describe('The version read: a stale one is refused with 409'),
});

export const ImportRunSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    format: oneOf(IMPORT_FORMATS),
    target: oneOf(IMPORT_TYPES),
    createdAt: z.string(),
    actorName: z.string().nullable(),
    scopeCode: z.string().nullable(),
    added: z.number().int(),
    updated: z.number().int(),
    undoneAt: z.string().nullable(),
    undoneBy: z.string().nullable(),
  })
  .meta({ id: 'ImportRun' });
export type ImportRun = z.infer<typeof ImportRunSchema>;

export const UndoResultSchema = z
  .object({
    runId: z.number().int(),
    removed: z.number().int().describe('Partnerships the run had added, now removed'),
    restored: z.number().int().describe('Partnerships the run had changed, now as before it'),
  })
  .meta({ id: 'ImportUndo' });
export type UndoResult = z.infer<typeof UndoResultSchema>;

/* ---------- the report of an import (POST /api/imports, and error.details.report of a 400) ---------- */

export const IgnoredColumnSchema = z.object({
  column: z.string().describe('The header as the file writes it, or the column letter when it has none'),
  reason: z
    .enum(['serial', 'empty', 'option', 'problems'])
    .describe(
      'serial: a serial-number column; empty: no header and no values; option: ignored on request; problems: the problem column of a downloaded problem report',
    ),
});

export const ImportProblemSchema = z
  .object({
    row: z
      .number()
      .int()
      .nullable()
      .describe('Row number as the file shows it (CSV/XLSX: the header is row 1; JSON: 1 = first item)'),
    column: z.string().nullable().describe('The column header as written in the file'),
    field: z.string().nullable().describe('The canonical column name'),
    value: z.string().optional(),
    rule: z.string().describe('Stable name of the broken rule, e.g. unknown_country, ambiguous_division'),
    message: z.string().describe("What is wrong, in the caller's language"),
    fix: z.string().optional().describe("How to fix it, in the caller's language"),
    suggestions: z.array(z.string()).optional().describe('"Did you mean" candidates'),
    otherRow: z.number().int().optional().describe('The other row of a duplicate pair'),
  })
  .meta({ id: 'ImportProblem' });
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

export const ImportReadingSchema = z
  .object({
    row: z.number().int(),
    column: z.string().nullable().describe('The column header as written in the file'),
    field: z.string(),
    value: z.string().describe('The cell as written'),
    reading: z
      .string()
      .describe("What it was read as, in the caller's language: 1982-10-30 (day, Chinese date); 韩国 (KR)"),
  })
  .meta({ id: 'ImportReading' });
export type ImportReading = z.infer<typeof ImportReadingSchema>;

export const ImportReportSchema = z
  .object({
    type: z.enum(IMPORT_TYPES).nullable(),
    format: z.enum(IMPORT_FORMATS),
    fileName: z.string(),
    dryRun: z.boolean(),
    rows: z.number().int().describe('Data rows read (blank rows are skipped)'),
    added: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    placesAdded: z.number().int().describe('Foreign places created (partnership imports)'),
    problems: z.array(ImportProblemSchema),
    problemCount: z.number().int().describe('All problems found; problems lists at most the first 10,000'),
    ok: z.boolean(),
    runId: z.number().int().nullable().describe('The import_runs row of an import that wrote something'),
    changes: z
      .array(
        z.object({
          row: z.number().int(),
          id: z.number().int().describe('The stored record the row changes'),
          fields: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
        }),
      )
      .describe('Every stored record the file changes, field by field, before → after (dry run and import)'),
    headerRow: z.number().int().describe('The row the headers were read from (title rows above it are passed over)'),
    ignoredColumns: z.array(IgnoredColumnSchema).describe('Columns left out of the import, with the reason'),
    readings: z
      .array(ImportReadingSchema)
      .describe(
        'How each value not written in the standard form was read (dates, countries, divisions), row by row, so that a person can check the reading before importing; at most 10,000',
      ),
    readingCount: z.number().int().describe('All readings made; readings lists at most the first 10,000'),
    storedValuesChanged: z
      .number()
      .int()
      .describe('Stored values (not empty before) that the import changes or clears: what the page asks to confirm'),
  })
  .meta({ id: 'ImportReport' });
export type ImportReport = z.infer<typeof ImportReportSchema>;
