/**
 * importData(): the one way data files come in — from the CLI, the API and the demo loader alike.
 *
 * All or nothing: the file is read and every row checked, the database is read in bulk inside one
 * transaction, and only when no problem was found is anything written (in that same transaction).
 * A file with problems is not an error of the program: the report lists every problem and ok=false.
 */
import { bi } from '../../shared/bilingual.js';
import { NATIONAL_CODE } from '../../shared/enums.js';
import { AppError } from '../../shared/errors.js';
import type { Language } from '../../shared/messages.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanAdmin, assertCanWrite, scopeCovers, systemActor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { importBenchmarkRows, readBenchmarkRows } from './benchmark-import.js';
import {
  atHeaderRow,
  type ColumnChoices,
  detectType,
  findHeaderRow,
  type IgnoredColumn,
  mapHeaders,
  normalizeHeader,
  noSuchHeaderRow,
} from './columns.js';
import { importGroupRows, readGroupRows } from './group-import.js';
import { insertImportRun, lockImports, refreshStatistics, reserveImportRunId } from './import.repo.js';
import { IMPORT_FORMATS, type ImportFormat, type ImportReport, type ImportType } from './import.schema.js';
import { formatOfFileName, readTable } from './parsers.js';
import { BULK_LOAD_ROWS, importPartnershipRows, type RowChanges, readPartnershipRows } from './partnership-import.js';
import { ProblemList } from './problems.js';
import type { BlankCells } from './values.js';

/** Pairs an import must add or change before the planner's statistics are refreshed after it. */
const STATISTICS_ROWS = 1000;

export type ImportOptions = {
  db: Db;
  data: Buffer | string;
  fileName: string;
  /** csv | xlsx | json; from the file name's extension when omitted. */
  format?: ImportFormat;
  /** partnerships | benchmarks | groups; detected from the headers when omitted. */
  type?: ImportType;
  /** Check only: report what would be added, updated and left unchanged, write nothing. */
  dryRun?: boolean;
  /** Mark written partnerships as demo records (the demo loader's illustrative data). */
  isDemo?: boolean;
  /**
   * Who imports: partnerships need an editor whose scope holds every row; benchmarks and groups
   * (facts about others) an admin. Omitted: the command line and the demo loader, acting as the system.
   */
  actor?: Actor;
  /** The language of the report's problem texts (the API passes the caller's). */
  lang?: Language;
  /** A blank cell keeps the stored value ('keep', the default) or clears it ('clear'). */
  blank?: BlankCells;
  /** A mapping's choices: the file's header → the field it holds, or null to ignore the column. */
  columns?: Readonly<Record<string, string | null>>;
  /** Headers (or column letters) to leave out. */
  ignoreColumns?: readonly string[];
  /** The XLSX sheet to read, by name or 1-based number; the first sheet by default. */
  sheet?: string | number;
  /** The row that holds the headers, as the sheet numbers it; found under any title rows by default. */
  headerRow?: number;
};

export function choicesOf(columns: ImportOptions['columns'], ignore: readonly string[]): ColumnChoices {
  const choices = new Map<string, string | null>();
  for (const [header, field] of Object.entries(columns ?? {})) choices.set(normalizeHeader(header), field);
  for (const header of ignore) choices.set(normalizeHeader(header), null);
  return choices;
}

type Counts = {
  added: number;
  updated: number;
  unchanged: number;
  placesAdded: number;
  changes: RowChanges[];
  storedValuesChanged: number;
};

/** The counts of a run, for its log and audit entry (the changes themselves are in each record's audit). */
function countsOnly({ changes: _, ...counts }: Counts) {
  return counts;
}

export type { ImportProblem, ImportReport } from './import.schema.js';

export function resolveFormat(fileName: string, format?: string): ImportFormat {
  if (format) {
    if ((IMPORT_FORMATS as readonly string[]).includes(format)) return format as ImportFormat;
    throw unknownFormat(format);
  }
  const fromName = formatOfFileName(fileName);
  if (!fromName) throw unknownFormat(fileName);
  return fromName;
}

function unknownFormat(what: string): AppError {
  return new AppError('validation_failed', `cannot tell the format of ${what}`, {
    issues: [
      {
        path: 'format',
        rule: 'unknown_format',
        value: what,
        message: `${what} is not a CSV, XLSX or JSON file`,
        fix: 'name the file *.csv, *.xlsx or *.json (or give the format explicitly)',
      },
    ],
  });
}

export async function importData({
  db,
  data,
  fileName,
  format,
  type,
  dryRun = false,
  isDemo = false,
  actor = systemActor('import'),
  lang = 'en',
  blank = 'keep',
  columns,
  ignoreColumns = [],
  sheet,
  headerRow,
}: ImportOptions): Promise<ImportReport> {
  assertCanWrite(actor, actor.scopeCode);
  const fmt = resolveFormat(fileName, format);
  const read = await readTable(data, fmt, undefined, { sheet });
  const table = headerRow === undefined ? findHeaderRow(read) : atHeaderRow(read, headerRow);
  if (!table) throw noSuchHeaderRow(headerRow as number);
  const problems = new ProblemList();
  const ignoredColumns: IgnoredColumn[] = [];
  problems.addAll(table.problems);
  const none: Counts = { added: 0, updated: 0, unchanged: 0, placesAdded: 0, changes: [], storedValuesChanged: 0 };
  const report = (target: ImportType | null, counts: Counts = none) => ({
    type: target,
    format: fmt,
    fileName,
    dryRun,
    rows: table.rows.length,
    ...counts,
    problems: problems.sorted(lang),
    problemCount: problems.count,
    ok: problems.count === 0,
    runId: null as number | null,
    headerRow: table.headerRow,
    ignoredColumns,
    readings: problems.readings.sorted(lang),
    readingCount: problems.readings.count,
  });

  if (table.headers.length === 0) {
    if (problems.count === 0) {
      problems.add({
        row: null,
        column: null,
        field: null,
        rule: 'empty_file',
        message: bi('文件没有表头，也没有数据', 'the file has no header row and no data'),
        fix: bi(
          '请从模板开始填写（导入页可下载，或 amity template partnerships.csv）',
          'start from a template: amity template partnerships.csv',
        ),
      });
    }
    return report(type ?? null);
  }
  const target = type ?? detectType(table.headers);
  if (!target) {
    problems.add({
      row: table.headerRow || null,
      column: null,
      field: null,
      rule: 'unknown_type',
      value: table.headers.join(', ').slice(0, 200),
      message: bi(
        '无法从表头判断文件是友城关系、基准数字还是国家分组',
        'cannot tell from the headers whether the file holds partnerships, benchmarks or groups',
      ),
      fix: bi(
        '请使用模板的表头，或明确选择类型（--type partnerships|benchmarks|groups）',
        'use the headers of the template, or choose the type explicitly (--type partnerships|benchmarks|groups)',
      ),
    });
    return report(null);
  }
  const { map, problems: headerProblems, ignored } = mapHeaders(target, table, choicesOf(columns, ignoreColumns));
  ignoredColumns.push(...ignored);
  problems.addAll(headerProblems);
  // Without the columns that identify a row there is nothing more to check.
  if (headerProblems.some((p) => p.rule === 'missing_column')) return report(target);

  if (target !== 'partnerships') assertCanAdmin(actor, NATIONAL_CODE);

  const counts = await db.transaction(async (tx) => {
    if (!dryRun) await lockImports(tx);
    // The run's id is taken first, so that every change the import makes names it in the audit trail.
    const reservedRunId = dryRun ? null : await reserveImportRunId(tx);
    let result: Counts;
    if (target === 'partnerships') {
      const rows = readPartnershipRows(table.rows, map, problems, blank, actor.scopeCode);
      for (const row of rows) {
        if (!scopeCovers(actor.scopeCode, row.division.code)) {
          problems.add({
            row: row.row,
            column: map.header('cn_division_code'),
            field: 'cn_division_code',
            rule: 'outside_scope',
            value: row.division.code,
            message: bi(
              `${row.division.code} ${row.division.nameZh} 不在你的权限范围 ${actor.scopeCode} 内`,
              `${row.division.code} ${row.division.nameZh} is outside your scope ${actor.scopeCode}`,
            ),
            fix: bi(
              '请删除该行，或请该行政区划的外办导入',
              'remove the row, or ask the office of that division to import it',
            ),
          });
        }
      }
      result = await importPartnershipRows({
        tx,
        rows,
        problems,
        columns: map,
        dryRun,
        isDemo,
        audit: reservedRunId === null ? undefined : { actor, runId: reservedRunId },
      });
    } else if (target === 'benchmarks') {
      const rows = readBenchmarkRows(table.rows, map, problems);
      result = { ...(await importBenchmarkRows({ tx, rows, problems, dryRun })), changes: [], storedValuesChanged: 0 };
    } else {
      const rows = readGroupRows(table.rows, map, problems);
      result = {
        ...(await importGroupRows({ tx, rows, problems, columns: map, dryRun, fileName })),
        changes: [],
        storedValuesChanged: 0,
      };
    }
    let runId: number | null = null;
    if (problems.count === 0 && !dryRun && result.added + result.updated > 0) {
      runId = await insertImportRun(tx, {
        id: reservedRunId ?? undefined,
        fileName,
        format: fmt,
        target,
        summary: { rows: table.rows.length, ...countsOnly(result), isDemo },
        actorName: actor.name,
        scopeCode: actor.scopeCode,
      });
    }
    if (runId !== null) {
      await writeAudit(tx, actor, {
        entity: 'import_run',
        entityId: runId,
        action: 'import',
        cnCode: actor.scopeCode,
        after: { fileName, format: fmt, target, rows: table.rows.length, ...countsOnly(result) },
        importRunId: runId,
      });
    }
    return { ...result, runId };
  });
  const { runId, ...rest } = counts;
  const out = report(target, rest);
  if (out.ok) {
    out.runId = runId;
    if (target === 'partnerships' && !dryRun && out.added + out.updated >= STATISTICS_ROWS) {
      await refreshStatistics(db, { vacuum: out.added >= BULK_LOAD_ROWS });
    }
  } else {
    // Nothing was written: counts describe what the file would have done, not what it did.
    out.added = 0;
    out.updated = 0;
    out.unchanged = 0;
    out.placesAdded = 0;
    out.changes = [];
    out.storedValuesChanged = 0;
  }
  return out;
}
