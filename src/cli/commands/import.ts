/**
 * `amity import FILE`: a CSV, XLSX or JSON file into the registry, all rows or none; the report lists
 * every problem with its row and column (and, with --problems, writes them beside each row into a
 * workbook). Also registers `amity export`, `amity template`, `amity imports` and `amity undo-import`.
 * Exit codes: 0 imported (or a clean dry run), 2 problems (nothing written), 1 failure.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../server/auth/actor.js';
import { buildTemplate } from '../../server/imports/export.service.js';
import { IMPORT_TYPES, type ImportType } from '../../server/imports/import.schema.js';
import { importData } from '../../server/imports/import.service.js';
import { formatOfFileName } from '../../server/imports/parsers.js';
import { formatReport } from '../../server/imports/problems.js';
import { problemsWorkbook } from '../../server/imports/problems-workbook.js';
import { listImportRuns, undoImportRun } from '../../server/imports/undo.service.js';
import { BLANK_CELLS, type BlankCells } from '../../server/imports/values.js';
import { LIMITS } from '../../shared/enums.js';
import type { Language } from '../../shared/messages.js';
import { CliError, withDb } from '../context.js';
import { registerExport } from './export.js';
import { readMapping } from './mapping-file.js';

type ImportOptions = {
  dryRun?: boolean;
  type?: string;
  json?: boolean;
  lang?: string;
  blank?: string;
  mapping?: string;
  ignoreColumn?: string[];
  sheet?: string;
  headerRow?: string;
  problems?: string;
};

function parseHeaderRow(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new CliError(`--header-row ${value}: give a row number, 1 or more`, 2);
  return Number(value);
}

function parseType(value: string | undefined): ImportType | undefined {
  if (value === undefined) return undefined;
  if (!(IMPORT_TYPES as readonly string[]).includes(value)) {
    throw new CliError(`--type ${value}: give one of ${IMPORT_TYPES.join(', ')}`, 2);
  }
  return value as ImportType;
}

/** --lang zh-CN|zh|en; without it a Chinese LANG (zh_CN.UTF-8) gives Chinese, anything else English. */
export function parseLanguage(value: string | undefined, env = process.env.LANG): Language {
  if (value === undefined) return env?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const v = value.toLowerCase();
  if (v === 'zh' || v === 'zh-cn') return 'zh-CN';
  if (v === 'en') return 'en';
  throw new CliError(`--lang ${value}: give zh-CN or en`, 2);
}

function parseBlank(value: string | undefined): BlankCells {
  if (value === undefined) return 'keep';
  if ((BLANK_CELLS as readonly string[]).includes(value)) return value as BlankCells;
  throw new CliError(`--blank ${value}: give keep or clear`, 2);
}

function readInput(file: string): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`, 2);
  }
  if (size > LIMITS.importBytesMax) {
    throw new CliError(
      `${file} is larger than ${LIMITS.importBytesMax / 1024 / 1024} MB: split it into smaller files`,
      2,
    );
  }
  return readFileSync(file);
}

export function registerImportCommands(program: Command): void {
  program
    .command('import')
    .description(
      'import partnerships, benchmarks or a country group from FILE (.csv, .xlsx or .json): all rows or none',
    )
    .argument('<file>', 'the file to import; its extension chooses the format')
    .option('--dry-run', 'check only: report what would be added, updated and unchanged, write nothing')
    .option('--type <type>', `what the file holds: ${IMPORT_TYPES.join(' | ')} (default: from the headers)`)
    .option('--json', 'print the report as JSON')
    .option('--lang <lang>', 'language of the report: zh-CN or en (default: from LANG, else en)')
    .option(
      '--mapping <file>',
      "a column mapping (JSON): the sheet's headers → the fields they hold, or null to ignore",
    )
    .option(
      '--ignore-column <header>',
      'leave a column out (its header, or its letter when it has none); repeat for more',
      (value: string, list: string[]) => [...list, value],
      [] as string[],
    )
    .option('--sheet <name|n>', 'the XLSX sheet to read, by name or number (default: the first with data)')
    .option(
      '--blank <keep|clear>',
      'a blank cell keeps the stored value (keep, the default) or clears it (clear); a cell of - or （清空） always clears',
      'keep',
    )
    .option('--header-row <n>', 'the row that holds the headers (default: found under any title rows)')
    .option('--problems <file.xlsx>', 'when the file has problems, write them beside each row into this workbook')
    .action(async (file: string, options: ImportOptions, command: Command) => {
      const mapping = options.mapping ? readMapping(options.mapping) : undefined;
      const type = parseType(options.type) ?? mapping?.type;
      const lang = parseLanguage(options.lang);
      const format = formatOfFileName(file);
      if (!format) throw new CliError(`${file}: name the file *.csv, *.xlsx or *.json to choose the format`, 2);
      const data = readInput(file);
      const request = {
        data,
        fileName: basename(file),
        format,
        type,
        lang,
        blank: parseBlank(options.blank),
        columns: mapping?.columns,
        ignoreColumns: options.ignoreColumn,
        sheet: options.sheet ?? mapping?.sheet,
        headerRow: parseHeaderRow(options.headerRow) ?? mapping?.headerRow,
      };
      const report = await withDb(command, async (handle) => {
        const result = await importData({ db: handle.db, ...request, dryRun: options.dryRun });
        if (!result.ok && options.problems) {
          const { workbook } = await problemsWorkbook({ db: handle.db, ...request });
          writeFileSync(options.problems, workbook);
        }
        return result;
      });
      const lines = options.json ? [JSON.stringify(report, null, 2)] : formatReport(report, lang);
      for (const line of lines) console.log(line);
      if (!report.ok && options.problems)
        console.log(
          lang === 'en'
            ? `problems written beside each row to ${options.problems}`
            : `问题已写在每行旁边：${options.problems}`,
        );
      if (!report.ok) process.exitCode = 2;
    });

  program
    .command('imports')
    .description('the latest imports, newest first, with whether each was undone')
    .option('--json', 'print them as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const runs = await withDb(command, (handle) => listImportRuns({ db: handle.db, actor: systemActor('cli') }));
      if (options.json) {
        console.log(JSON.stringify(runs, null, 2));
        return;
      }
      for (const r of runs) {
        const undone = r.undoneAt ? `  undone ${r.undoneAt} by ${r.undoneBy}` : '';
        console.log(
          `#${r.id}  ${r.createdAt}  ${r.target}  ${r.fileName}  +${r.added} ~${r.updated}  ${r.actorName ?? ''}${undone}`,
        );
      }
      if (runs.length === 0) console.log('no imports yet');
    });

  program
    .command('undo-import')
    .description('undo a partnership import as a whole: its new pairs removed, its changes put back')
    .argument('<run>', 'the import run (its number in `amity imports` and in the import report)')
    .action(async (run: string, _options: unknown, command: Command) => {
      if (!/^\d+$/.test(run)) throw new CliError(`${run}: give the number of an import run (see amity imports)`, 2);
      const done = await withDb(command, (handle) =>
        undoImportRun({ db: handle.db, actor: systemActor('cli'), id: Number(run) }),
      );
      console.log(`import run #${done.runId} undone: ${done.removed} pair(s) removed, ${done.restored} restored`);
    });

  program
    .command('template')
    .description('write a blank import template to FILE (.csv or .xlsx; the XLSX explains every column)')
    .argument('<file>', 'the file to write')
    .option('--type <type>', `${IMPORT_TYPES.join(' | ')}`, 'partnerships')
    .option('--headers <lang>', 'header row in en (default) or zh', 'en')
    .action(async (file: string, options: { type: string; headers: string }) => {
      const type = parseType(options.type) ?? 'partnerships';
      const format = formatOfFileName(file);
      if (format !== 'csv' && format !== 'xlsx') throw new CliError(`${file}: templates are .csv or .xlsx files`, 2);
      if (options.headers !== 'en' && options.headers !== 'zh') {
        throw new CliError(`--headers ${options.headers}: give en or zh`, 2);
      }
      writeFileSync(file, await buildTemplate({ type, format, headers: options.headers }));
      console.log(`wrote the ${type} template to ${file}`);
    });

  registerExport(program);
}
