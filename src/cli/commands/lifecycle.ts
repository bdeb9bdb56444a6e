/**
 * `amity lifecycle ID`: a partnership's stage, allowed moves, approvals and history; with --move,
 * records one move through the same service as the API (as the command line's system actor).
 */
import type { Command } from 'commander';
import { systemActor } from '../../server/auth/actor.js';
import type { Db } from '../../server/db/client.js';
import { getLifecycle, type LifecycleView, moveLifecycle } from '../../server/lifecycle/lifecycle.service.js';
import { MoveRequestSchema } from '../../shared/schemas/lifecycle.js';
import { CliError, withDb } from '../context.js';

export type LifecycleOptions = {
  move?: string;
  on?: string;
  level?: string;
  approver?: string;
  reference?: string;
  reason?: string;
  place?: string;
  json?: boolean;
};

export function registerLifecycle(program: Command): void {
  program
    .command('lifecycle')
    .description("a partnership's life cycle: stage, allowed moves, approvals, history; --move records one move")
    .argument('<id>', 'partnership id')
    .option('--move <move>', 'exchange | propose | approve | establish | dormant | reactivate | end | promote')
    .option('--on <date>', 'the day the move happened, YYYY-MM-DD (default: today)')
    .option('--level <level>', 'for approve: city | province | national')
    .option('--approver <who>', 'who approved or signed')
    .option('--reference <ref>', 'document number or letter reference')
    .option('--reason <why>', 'why (required to end, to fall dormant and to come back)')
    .option('--place <where>', 'where it was signed')
    .option('--json', 'print the JSON of GET /api/partnerships/{id}/lifecycle')
    .action(async (id: string, options: LifecycleOptions, command: Command) => {
      console.log(await withDb(command, (handle) => runLifecycle(handle.db, id, options), 'existing'));
    });
}

export async function runLifecycle(db: Db, idText: string, options: LifecycleOptions): Promise<string> {
  const id = Number(idText);
  if (!Number.isInteger(id) || id <= 0) throw new CliError(`${idText} is not a partnership id`, 2);
  const actor = systemActor('cli');
  let view = await getLifecycle({ db, actor, id });
  if (options.move !== undefined) {
    const parsed = MoveRequestSchema.safeParse({
      version: view.version,
      move: options.move,
      occurredOn: options.on ?? new Date().toISOString().slice(0, 10),
      approvalLevel: options.level,
      approver: options.approver,
      reference: options.reference,
      reason: options.reason,
      place: options.place,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CliError(`--${String(issue?.path[0] ?? 'move')}: ${issue?.message ?? 'invalid'}`, 2);
    }
    view = await moveLifecycle({ db, actor, id, input: parsed.data });
  }
  return options.json ? JSON.stringify(view, null, 2) : formatLifecycle(view);
}

function formatLifecycle(v: LifecycleView): string {
  const lines = [
    `#${v.partnershipId}  ${v.kind}  ${v.level}  phase ${v.phase}  (stage ${v.stage}, status ${v.status})`,
    `allowed moves: ${v.allowedMoves.join(', ') || 'none (ended)'}`,
  ];
  if (v.stage === 'proposed' || v.approvals.length) {
    lines.push(`approvals (${v.requiredApprovals.join(' → ')}): ${v.approvalsDone.join(', ') || 'none yet'}`);
  }
  lines.push(v.history.length ? 'history:' : 'history: none');
  for (const e of v.history) {
    const details = [e.approvalLevel, e.approver, e.reference, e.place, e.reason].filter(Boolean).join(' · ');
    lines.push(
      `  ${e.occurredOn}  ${e.move.padEnd(10)} ${e.from.phase} → ${e.to.phase}${details ? `  ${details}` : ''}  [${e.actorName}${e.isDemo ? ', demo' : ''}]`,
    );
  }
  if (!v.isConsistent) lines.push('warning: the history does not replay to the current state');
  return lines.join('\n');
}
