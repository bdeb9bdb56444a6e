/**
 * `amity import FILE`: a CSV, XLSX or JSON file into the registry, all rows or none; the report lists
 * every problem with its row and column. Also registers `amity export` and `amity template`.
 * Exit codes: 0 imported (or a clean dry run), 2 problems (nothing written), 1 failure.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { buildTemplate } from '../../server/imports/export.service.js';
import { IMPORT_TYPES, type ImportType } from '../../server/imports/import.schema.js';
import { importData } from '../../server/imports/import.service.js';
import { type Mapping, parseMapping } from '../../server/imports/mapping.js';
import { formatOfFileName } from '../../server/imports/parsers.js';
import { formatReport } from '../../server/imports/problems.js';
import { BLANK_CELLS, type BlankCells } from '../../server/imports/values.js';
import { LIMITS } from '../../shared/enums.js';
import { isAppError } from '../../shared/errors.js';
import type { Language } from '../../shared/messages.js';
import { CliError, withDb } from '../context.js';
import { registerExport } from './export.js';

type ImportOptions = {
  dryRun?: boolean;
  type?: string;
  json?: boolean;
  lang?: string;
  blank?: string;
  mapping?: string;
  ignoreColumn?: string[];
  sheet?: string;
};

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

function readMapping(file: string): Mapping {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read the mapping ${file}: ${(error as Error).message}`, 2);
  }
  try {
    return parseMapping(text);
  } catch (error) {
    const issue = isAppError(error) ? error.details.issues?.[0] : undefined;
    throw new CliError(
      `--mapping ${file}: ${issue ? `${issue.path}: ${issue.message} — ${issue.fix}` : String(error)}`,
      2,
    );
  }
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
    .action(async (file: string, options: ImportOptions, command: Command) => {
      const mapping = options.mapping ? readMapping(options.mapping) : undefined;
      const type = parseType(options.type) ?? mapping?.type;
      const lang = parseLanguage(options.lang);
      const format = formatOfFileName(file);
      if (!format) throw new CliError(`${file}: name the file *.csv, *.xlsx or *.json to choose the format`, 2);
      const data = readInput(file);
      const report = await withDb(command, (handle) =>
        importData({
          db: handle.db,
          data,
          fileName: basename(file),
          format,
          type,
          dryRun: options.dryRun,
          lang,
          blank: parseBlank(options.blank),
          columns: mapping?.columns,
          ignoreColumns: options.ignoreColumn,
          sheet: options.sheet ?? mapping?.sheet,
        }),
      );
      const lines = options.json ? [JSON.stringify(report, null, 2)] : formatReport(report, lang);
      for (const line of lines) console.log(line);
      if (!report.ok) process.exitCode = 2;
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
