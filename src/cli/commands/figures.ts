/**
 * `amity figures`: the figures of a scope as of a date, as a short readable summary or as the exact
 * JSON of GET /api/figures; with --records, the records behind one figure.
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { systemActor } from '../../server/auth/actor.js';
import type { DbOrTx } from '../../server/db/client.js';
import { getFigures, listFigureRecords } from '../../server/figures/figure.service.js';
import { type AppError, isAppError } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import {
  type FigureRecord,
  FigureRecordsQuerySchema,
  type Figures,
  FiguresQuerySchema,
  type RankRecord,
} from '../../shared/schemas/figures.js';
import { CliError, withDb } from '../context.js';

export type FiguresOptions = {
  scope: string;
  asOf?: string;
  since?: string;
  kind?: string;
  records?: string;
  page?: string;
  perPage?: string;
  json?: boolean;
};

export function registerFigures(program: Command): void {
  program
    .command('figures')
    .description('the figures of a scope as of a date: totals by level, countries, continents, groups, pace, rank')
    .requiredOption(
      '--scope <code>',
      'GB/T 2260 code of a province, prefecture or county; 000000 for the whole country',
    )
    .option('--as-of <date>', 'the day the figures are for, YYYY-MM-DD (default: today)')
    .option('--since <date>', 'also count the pairs established on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--kind <kind>', 'friendship (友好城市) or exchange (友好交流城市)', 'friendship')
    .option(
      '--records <figure>',
      'list the records behind one figure, e.g. total, byLevel.city, groups.bri.places, rank',
    )
    .option('--page <n>', 'page of records', '1')
    .option('--per-page <n>', 'records per page', '50')
    .option('--json', 'print the exact JSON of the API instead of the summary')
    .action(async (options: FiguresOptions, command: Command) => {
      const output = await withDb(command, (handle) => runFigures(handle.lagTolerant(), options), 'records');
      console.log(output);
    });
}

/** Runs the command against a database and returns what it prints. */
export async function runFigures(db: DbOrTx, options: FiguresOptions): Promise<string> {
  const base = { scope: options.scope, asOf: options.asOf, since: options.since, kind: options.kind };
  try {
    if (options.records !== undefined) {
      const query = parseOptions(FigureRecordsQuerySchema, {
        ...base,
        figure: options.records,
        page: options.page,
        perPage: options.perPage,
      });
      const page = await listFigureRecords({ db, actor: systemActor('cli'), query });
      return options.json ? JSON.stringify(page, null, 2) : formatRecords(query.figure, page);
    }
    const figures = await getFigures({ db, actor: systemActor('cli'), query: parseOptions(FiguresQuerySchema, base) });
    return options.json ? JSON.stringify(figures, null, 2) : formatFigures(figures);
  } catch (error) {
    if (isAppError(error) && error.code === 'validation_failed') throw new CliError(oneLine(error), 2);
    throw error;
  }
}

const OPTION_OF: Record<string, string> = { asOf: '--as-of', perPage: '--per-page', figure: '--records' };

function optionName(path: string): string {
  return OPTION_OF[path] ?? `--${path}`;
}

function parseOptions<T extends z.ZodType>(schema: T, input: Record<string, unknown>): z.infer<T> {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const parsed = schema.safeParse(defined);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  const value = path in defined ? ` (got ${String(defined[path])})` : '';
  throw new CliError(`${optionName(path)}: ${issue?.message ?? 'invalid'}${value}`, 2);
}

/** A validation error from the service as one line that names the option. */
function oneLine(error: AppError): string {
  const issue = error.details.issues?.[0];
  if (!issue) return error.message;
  return `${optionName(issue.path)}: ${issue.message}`;
}

const KIND_ZH: Record<string, string> = { friendship: '友好城市', exchange: '友好交流城市' };

/** The summary: one line per figure, names in both languages. */
export function formatFigures(f: Figures): string {
  const lines = [
    `${f.scope.nameZh} ${f.scope.nameEn} (${f.scope.code})  ${KIND_ZH[f.kind] ?? ''} ${f.kind}  as of ${f.asOf}`,
    `total ${f.total}  (provincial ${f.byLevel.provincial}, city ${f.byLevel.city}, county ${f.byLevel.county})`,
    `countries ${f.countries}  foreign places ${f.foreignPlaces}`,
    `continents  ${Object.entries(f.byContinent)
      .map(([continent, n]) => `${continent} ${n}`)
      .join(', ')}`,
  ];
  if (f.since) {
    const pace = f.since.monthsPerNew === null ? 'none new' : `one new pair every ${f.since.monthsPerNew} months`;
    lines.push(`since ${f.since.from}  ${f.since.count} new  (${pace})`);
  }
  for (const [code, group] of Object.entries(f.groups)) {
    lines.push(`group ${code}  ${group.countries} countries, ${group.places} places`);
  }
  if (f.rank) lines.push(`rank ${f.rank.position} of ${f.rank.of}  (from ${f.rank.basis})`);
  return lines.join('\n');
}

/** The records behind a figure, one line each, with where the page is. */
export function formatRecords(figure: string, page: ListEnvelope<FigureRecord> | ListEnvelope<RankRecord>): string {
  const pages = Math.max(1, Math.ceil(page.total / page.perPage));
  const head = `${figure}: ${page.total} records  (page ${page.page} of ${pages})`;
  const rows = (page.data as (FigureRecord | RankRecord)[]).map((r) =>
    'position' in r ? formatRankRecord(r) : formatPairRecord(r),
  );
  return [head, ...rows].join('\n');
}

function formatPairRecord(r: FigureRecord): string {
  const partner = [r.partnerNameZh, r.partnerNameEn].filter(Boolean).join(' ');
  const country = [r.countryIso2, r.countryNameZh].filter(Boolean).join(' ');
  const dates = [r.establishedOn ?? 'undated', r.endedOn ? `ended ${r.endedOn}` : ''].filter(Boolean).join(' ');
  return `#${r.id}  ${r.cnNameZh} ${r.cnNameEn} — ${partner} (${country})  ${r.level}  ${dates}`;
}

function formatRankRecord(r: RankRecord): string {
  const from = r.benchmark
    ? `benchmark of ${r.benchmark.asOf}: ${r.benchmark.source}${r.benchmark.sourceUrl ? ` ${r.benchmark.sourceUrl}` : ''}`
    : 'registry';
  return `${r.position}. ${r.nameZh} ${r.nameEn} (${r.scopeCode})  ${r.total}  ${from}${r.isScope ? '  ←' : ''}`;
}
