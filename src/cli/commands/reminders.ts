/**
 * `amity reminders`: anniversaries of signings in the coming months and partnerships with no
 * activity for N years, as a short readable list or as the exact JSON of GET /api/reminders.
 */
import type { Command } from 'commander';
import { systemActor } from '../../server/auth/actor.js';
import type { DbOrTx } from '../../server/db/client.js';
import { getReminders } from '../../server/reminders/reminders.service.js';
import { ordinal } from '../../server/rules/rules.js';
import { isAppError } from '../../shared/errors.js';
import type { RemindersView } from '../../shared/schemas/reminders-view.js';
import { RemindersQuerySchema } from '../../shared/schemas/rules.js';
import { CliError, withDb } from '../context.js';

export type RemindersOptions = { scope?: string; asOf?: string; years?: string; months?: string; json?: boolean };

const OPTION_OF: Record<string, string> = { asOf: '--as-of' };

export function registerReminders(program: Command): void {
  program
    .command('reminders')
    .description('anniversaries (5th, 10th, 15th…) coming up, and partnerships with no activity for N years')
    .option('--scope <code>', 'GB/T 2260 code of a province, prefecture or county (default: the whole country)')
    .option('--as-of <date>', 'the day the reminders are for, YYYY-MM-DD (default: today)')
    .option('--years <n>', 'silent: no activity for this many years', '3')
    .option('--months <n>', 'anniversaries in the next this many months', '12')
    .option('--json', 'print the exact JSON of the API instead of the list')
    .action(async (options: RemindersOptions, command: Command) => {
      const output = await withDb(command, (handle) => runReminders(handle.db, options), 'records');
      console.log(output);
    });
}

/** Runs the command against a database and returns what it prints. */
export async function runReminders(db: DbOrTx, options: RemindersOptions): Promise<string> {
  const input = Object.fromEntries(
    Object.entries({ scope: options.scope, asOf: options.asOf, years: options.years, months: options.months }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const parsed = RemindersQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    throw new CliError(`${OPTION_OF[path] ?? `--${path}`}: ${issue?.message ?? 'invalid'}`, 2);
  }
  try {
    const reminders = await getReminders({ db, actor: systemActor('cli'), query: parsed.data });
    return options.json ? JSON.stringify(reminders, null, 2) : formatReminders(reminders);
  } catch (error) {
    if (isAppError(error) && error.code === 'validation_failed') {
      const issue = error.details.issues?.[0];
      throw new CliError(issue ? `--scope: ${issue.message}` : error.message, 2);
    }
    throw error;
  }
}

type Pair = RemindersView['silent']['data'][number]['partnership'];

function pair(p: Pair): string {
  const partner = [p.partnerNameZh, p.partnerNameEn].filter(Boolean).join(' ');
  return `#${p.id}  ${p.cnNameZh} ${p.cnNameEn} — ${partner} (${p.countryIso2})`;
}

/** One line per reminder, in both languages where names allow. */
export function formatReminders(r: RemindersView): string {
  const lines = [
    `reminders of ${r.scope} as of ${r.asOf}`,
    `anniversaries ${r.asOf} … ${r.until}: ${r.anniversaries.total}  (周年纪念)`,
    ...r.anniversaries.data.map(
      (a) =>
        `  ${a.label}  ${ordinal(a.n)}${a.major ? ' (major)' : ''} 第${a.n}周年  ${pair(a.partnership)}  signed ${a.partnership.establishedOn}`,
    ),
    `silent for ${r.years} years (no activity since before ${r.silentBefore}): ${r.silent.total}  (${r.years}年无活动)`,
    ...r.silent.data.map(
      (s) => `  ${s.lastActivityOn ? `last ${s.lastActivityOn}` : 'never 从无活动'}  ${pair(s.partnership)}`,
    ),
  ];
  if (r.silent.total > r.silent.data.length)
    lines.push(`  … and ${r.silent.total - r.silent.data.length} more (--json)`);
  return lines.join('\n');
}
