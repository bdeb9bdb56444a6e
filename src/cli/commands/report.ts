/**
 * `amity report`: the annual work report of a scope as of a date, written to a file in one of
 * DOCX, PDF, HTML or Markdown, in Chinese or English. Every figure is computed from the records.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemActor } from '../../server/auth/actor.js';
import type { Db } from '../../server/db/client.js';
import { generateReport } from '../../server/reports/report.service.js';
import { isAppError } from '../../shared/errors.js';
import { ReportQuerySchema } from '../../shared/schemas/report.js';
import { CliError, withDb } from '../context.js';

export type ReportOptions = {
  scope: string;
  asOf?: string;
  since?: string;
  lang?: string;
  format?: string;
  compare?: string;
  out?: string;
};

const OPTION_OF: Record<string, string> = { asOf: '--as-of' };

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('the annual work report of a scope as of a date, every figure computed from the records')
    .requiredOption(
      '--scope <code>',
      'GB/T 2260 code of a province, prefecture or county; 000000 for the whole country',
    )
    .option('--as-of <date>', 'the day the report is for, YYYY-MM-DD (default: today)')
    .option('--since <year>', 'count the new pairs (and new Belt and Road partners) since this year, e.g. 2018')
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--format <format>', 'docx, pdf, html or md', 'docx')
    .option('--compare <date>', "put this day's figures beside the report's, with the changes worded")
    .option('--out <file>', 'where to write it (default: report-<scope>-<date>-<lang>.<format> here)')
    .action(async (options: ReportOptions, command: Command) => {
      const line = await withDb(command, (handle) => runReport(handle.lagTolerant(), options), 'records');
      console.log(line);
    });
}

/** Writes the report and returns the line the command prints. */
export async function runReport(db: Db, options: ReportOptions): Promise<string> {
  const input = Object.fromEntries(
    Object.entries({
      scope: options.scope,
      asOf: options.asOf,
      since: options.since,
      lang: options.lang,
      format: options.format,
      compare: options.compare,
    }).filter(([, v]) => v !== undefined),
  );
  const parsed = ReportQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new CliError(`${OPTION_OF[path] ?? `--${path}`}: ${issue?.message ?? 'invalid'}`, 2);
  }
  try {
    const started = performance.now();
    const report = await generateReport({ db, actor: systemActor('cli'), query: parsed.data });
    const out = options.out ?? report.fileName;
    await writeFile(out, report.body);
    const ms = Math.round(performance.now() - started);
    return `wrote ${out} (${report.body.length.toLocaleString('en-US')} bytes, ${ms} ms)`;
  } catch (error) {
    if (isAppError(error) && error.code === 'validation_failed') {
      const issue = error.details.issues?.[0];
      throw new CliError(issue ? `${OPTION_OF[issue.path] ?? `--${issue.path}`}: ${issue.message}` : error.message, 2);
    }
    if (isAppError(error) && error.code === 'unavailable') {
      throw new CliError(`${error.message} (${String(error.details.fix ?? '')})`, 1);
    }
    throw error;
  }
}
