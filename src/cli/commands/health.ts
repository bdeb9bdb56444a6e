/**
 * `amity health`: the partnerships of a scope by suggested status as of a day, with the counts of
 * every suggestion; `--dormant` lists those dormant on paper (recorded active, no activity for 36
 * months). `--json` prints exactly what GET /api/health returns.
 */
import type { Command } from 'commander';
import { systemActor } from '../../server/auth/actor.js';
import type { DbOrTx } from '../../server/db/client.js';
import { listHealth } from '../../server/health/health.service.js';
import { isAppError } from '../../shared/errors.js';
import { type HealthList, HealthListQuerySchema } from '../../shared/schemas/health.js';
import { CliError, withDb } from '../context.js';

export type HealthOptions = {
  scope?: string;
  asOf?: string;
  dormant?: boolean;
  suggestion?: string;
  status?: string;
  limit?: string;
  json?: boolean;
};

const OPTION_OF: Record<string, string> = { asOf: '--as-of', perPage: '--limit' };

export function registerHealth(program: Command): void {
  program
    .command('health')
    .description('partnerships by suggested status (active, at risk, dormant); --dormant: those dormant on paper')
    .option('--scope <code>', 'GB/T 2260 code of a province, prefecture or county; 000000 the whole country', '000000')
    .option('--as-of <date>', 'the day, YYYY-MM-DD (default: today)')
    .option('--dormant', 'only the pairs recorded active whose records suggest dormant')
    .option('--suggestion <s>', 'active, at_risk or dormant (comma-separated)')
    .option('--status <s>', 'recorded status: active (default), dormant, ended or any')
    .option('--limit <n>', 'how many pairs to print', '50')
    .option('--json', 'print the exact JSON of the API instead of the list')
    .action(async (options: HealthOptions, command: Command) => {
      const output = await withDb(command, (handle) => runHealth(handle.db, options), 'records');
      console.log(output);
    });
}

/** Runs the command against a database and returns what it prints. */
export async function runHealth(db: DbOrTx, options: HealthOptions): Promise<string> {
  const input = Object.fromEntries(
    Object.entries({
      scope: options.scope ?? '000000',
      asOf: options.asOf,
      suggestion: options.dormant ? 'dormant' : options.suggestion,
      status: options.dormant ? 'active' : options.status,
      perPage: options.limit,
    }).filter(([, v]) => v !== undefined),
  );
  const parsed = HealthListQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new CliError(`${OPTION_OF[path] ?? `--${path}`}: ${issue?.message ?? 'invalid'}`, 2);
  }
  try {
    const list = await listHealth({ db, actor: systemActor('cli'), query: parsed.data });
    return options.json ? JSON.stringify(list, null, 2) : formatHealth(list, Boolean(options.dormant));
  } catch (error) {
    if (isAppError(error) && error.code === 'validation_failed') {
      const issue = error.details.issues?.[0];
      throw new CliError(
        issue ? `--${issue.path === 'asOf' ? 'as-of' : issue.path}: ${issue.message}` : error.message,
        2,
      );
    }
    throw error;
  }
}

/** A header with the counts, then one line per pair: suggestion, score, last activity, names, reason. */
export function formatHealth(list: HealthList, dormant: boolean): string {
  const c = list.counts;
  const lines = [
    `health of ${list.scope} as of ${list.asOf}`,
    `active ${c.active}  at risk ${c.at_risk}  dormant ${c.dormant}  (活跃 / 有休眠风险 / 休眠)`,
    `dormant on paper ${c.dormantOnPaper}  (名义活跃、实际休眠: recorded active, no activity for 36 months)`,
    dormant ? `dormant on paper: ${list.total}` : `listed: ${list.total}`,
    ...list.data.map((r) => {
      const partner = [r.partnerNameZh, r.partnerNameEn].filter(Boolean).join(' ');
      const last = r.lastActivityOn ? `last ${r.lastActivityOn}` : 'never 从无活动';
      return `  ${r.suggestion.padEnd(7)} ${String(r.overall).padStart(3)}  ${last}  #${r.id}  ${r.cnNameZh} ${r.cnNameEn} — ${partner} (${r.countryIso2})  ${r.reason.en}`;
    }),
  ];
  if (list.total > list.data.length) lines.push(`  … and ${list.total - list.data.length} more (--limit, --json)`);
  return lines.join('\n');
}
