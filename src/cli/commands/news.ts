/**
 * `amity news check FILE`: read a published report (.txt, .html or .docx), its figures and
 * signings reconciled with the registry; --json prints exactly what POST /api/news/check returns.
 * Nothing is written.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { systemActor } from '../../server/auth/actor.js';
import type { DbOrTx } from '../../server/db/client.js';
import { NEWS_FILE_MAX } from '../../server/news/document.js';
import { checkNews } from '../../server/news/news.service.js';
import { isAppError } from '../../shared/errors.js';
import { type NewsCheckResult, NewsCheckSchema } from '../../shared/schemas/news.js';
import { CliError, withDb } from '../context.js';

export type NewsCheckOptions = { published?: string; scope?: string; source?: string; json?: boolean };

export function registerNews(program: Command): void {
  const news = program.command('news').description('published reports: read their figures and check them');
  news
    .command('check')
    .description('read a report (.txt, .html, .docx) and reconcile its figures and signings with the registry')
    .argument('<file>', 'the report file')
    .option('--published <date>', 'the day it was published, YYYY-MM-DD (default: the day the text states)')
    .option('--scope <code>', 'GB/T 2260 code of the division it is about (default: the first it names)')
    .option('--source <url>', 'where it was published (kept on drafts and benchmarks)')
    .option('--json', 'print the exact JSON of POST /api/news/check')
    .action(async (file: string, options: NewsCheckOptions, command: Command) => {
      const output = await withDb(command, (handle) => runNewsCheck(handle.db, file, options));
      console.log(output);
    });
}

/** Runs the command against a database and returns what it prints. */
export async function runNewsCheck(db: DbOrTx, file: string, options: NewsCheckOptions): Promise<string> {
  let data: Buffer;
  try {
    if (statSync(file).size > NEWS_FILE_MAX) throw new CliError(`${file}: larger than ${NEWS_FILE_MAX} bytes`, 2);
    data = readFileSync(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: cannot be read`, 2);
  }
  const parsed = NewsCheckSchema.safeParse({
    document: { name: basename(file), contentBase64: data.toString('base64') },
    published: options.published,
    scope: options.scope,
    sourceUrl: options.source,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path[0] === 'sourceUrl' ? '--source' : `--${String(issue?.path[0] ?? 'input')}`;
    throw new CliError(`${name}: ${issue?.message ?? 'invalid'}`, 2);
  }
  try {
    const result = await checkNews({ db, actor: systemActor('cli'), input: parsed.data });
    return options.json ? JSON.stringify(result, null, 2) : formatCheck(result);
  } catch (error) {
    if (isAppError(error) && error.code === 'validation_failed') {
      throw new CliError(`${file}: ${error.details.issues?.[0]?.message ?? error.message}`, 2);
    }
    throw error;
  }
}

const VERDICT: Record<string, string> = {
  agrees: 'agrees',
  differs: 'DIFFERS',
  unverifiable: 'unverifiable',
  context: 'context',
  found: 'found',
  missing: 'MISSING',
};

export function formatCheck(r: NewsCheckResult): string {
  const lines: string[] = [];
  const scope = r.scope ? `${r.scope.nameZh} ${r.scope.nameEn} (${r.scope.code})` : 'no scope found';
  const published = r.published
    ? `${r.published} (${r.publishedFrom === 'given' ? 'given' : 'stated in the text'})`
    : 'not known';
  lines.push(`${scope}  published ${published}  registry as of ${r.asOf}`);
  if (!r.found) {
    lines.push('no figures found: the text states no friendship-city figure and names no signing');
    return lines.join('\n');
  }
  for (const row of r.reconciliation) {
    const registry = row.registry === null ? '' : `  registry ${row.registry}`;
    const diff = row.difference
      ? `  (${row.difference > 0 ? '+' : ''}${row.difference}${row.percent !== null ? `, ${row.percent}%` : ''})`
      : '';
    const scopeNote = row.scope !== r.scope?.code ? `  [${row.scope}]` : '';
    lines.push(
      `  ${row.figure.padEnd(22)} ${String(row.published).padStart(10)}  ${VERDICT[row.verdict]}${registry}${diff}${scopeNote}`,
    );
  }
  for (const c of r.checks) lines.push(`  check ${c.check}: ${c.ok ? 'ok' : 'FAILS'} — ${c.message.en}`);
  for (const e of r.events) {
    const when = e.date ? `${e.date}${e.relative ? ` (from “${e.dateText}”)` : ''}` : 'date not known';
    const record = e.record ? ` record #${e.record.id}` : '';
    const diffs = e.differences.length ? ` (${e.differences.join(', ')} differ)` : '';
    lines.push(
      `  signing ${e.cn.nameZh} – ${e.partner} (${e.country ?? '?'}) ${e.level ?? ''} ${when}: ${VERDICT[e.verdict]}${record}${diffs}`,
    );
  }
  if (r.events.some((e) => e.draft))
    lines.push(
      '  a missing signing is offered as a draft: see --json (events[].draft), or confirm it on the 报道核对 page',
    );
  return lines.join('\n');
}
