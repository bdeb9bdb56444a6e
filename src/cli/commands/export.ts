/** `amity export FILE [filters]`: any filtered list of partnerships in the interchange format. */
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { exportPartnershipsStream, type HeaderLanguage } from '../../server/imports/export.service.js';
import { formatOfFileName } from '../../server/imports/parsers.js';
import { PartnershipFilterSchema } from '../../shared/schemas/partnership.js';
import { CliError, withDb } from '../context.js';
import { readMapping } from './mapping-file.js';

type ExportOptions = {
  cn?: string;
  level?: string;
  kind?: string;
  status?: string;
  country?: string;
  continent?: string;
  group?: string;
  yearFrom?: string;
  yearTo?: string;
  q?: string;
  demo?: string;
  headers: string;
  mapping?: string;
};

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write partnerships to FILE (.csv, .xlsx or .json) in the format `amity import` reads')
    .argument('<file>', 'the file to write; its extension chooses the format')
    .option('--cn <code>', 'a Chinese division and everything under it (GB/T 2260 code, e.g. 430000)')
    .option('--level <levels>', 'provincial, city, county (comma-separated)')
    .option('--kind <kinds>', 'friendship, exchange')
    .option('--status <statuses>', 'active, dormant, ended')
    .option('--country <codes>', 'ISO alpha-2 codes, comma-separated')
    .option('--continent <continents>', 'asia, europe, africa, americas, oceania')
    .option('--group <code>', 'a country group, e.g. bri')
    .option('--year-from <year>', 'established in or after this year')
    .option('--year-to <year>', 'established in or before this year')
    .option('--q <text>', 'free text: Chinese, English or pinyin')
    .option('--demo <bool>', 'true: only demo records; false: none of them')
    .option('--headers <lang>', 'header row in en (default) or zh', 'en')
    .option(
      '--mapping <file>',
      "an office's column mapping (JSON): write the file in its own layout, to import back with it",
    )
    .action(async (file: string, options: ExportOptions, command: Command) => {
      const format = formatOfFileName(file);
      if (!format) throw new CliError(`${file}: name the file *.csv, *.xlsx or *.json to choose the format`, 2);
      if (options.headers !== 'en' && options.headers !== 'zh') {
        throw new CliError(`--headers ${options.headers}: give en or zh`, 2);
      }
      const { headers, mapping, ...filterOptions } = options;
      const layout = mapping ? readMapping(mapping) : undefined;
      const parsed = PartnershipFilterSchema.safeParse(filterOptions);
      if (!parsed.success) {
        const lines = parsed.error.issues.map((i) => `--${kebab(String(i.path[0] ?? ''))}: ${i.message}`);
        throw new CliError(lines.join('\n'), 2);
      }
      await withDb(
        command,
        async (handle) => {
          const counter = { rows: 0 };
          const stream = exportPartnershipsStream({
            db: handle.lagTolerant(),
            filter: parsed.data,
            format,
            headers: headers as HeaderLanguage,
            counter,
            layout,
          });
          await pipeline(stream, createWriteStream(file));
          console.log(`exported ${counter.rows} partnership(s) to ${file}`);
        },
        'records',
      );
    });
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
