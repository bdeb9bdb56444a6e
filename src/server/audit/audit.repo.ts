/**
 * Writes and reads the audit trail. Writers call writeAudit inside the transaction of the change, so
 * a change and its trail land together or not at all.
 */
import { and, asc, desc, eq, gt, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import { NATIONAL_CODE } from '../../shared/enums.js';
import { codePrefix } from '../../shared/scope.js';
import type { Actor } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { auditLog } from '../db/schema.js';

export type AuditEntry = {
  /** The record type: partnership, activity, benchmark, user, api_token, … */
  entity: string;
  entityId: number;
  /** create | update | delete, or a verb such as stage, revoke, password */
  action: string;
  /** Division the record belongs to (for scoped reading of the trail). */
  cnCode?: string | null;
  before?: unknown;
  after?: unknown;
  importRunId?: number | null;
};

export type AuditRow = typeof auditLog.$inferSelect;

/** Keys never written into the trail (secrets and derived search text). */
const OMITTED = new Set(['passwordHash', 'tokenHash', 'search', 'sortKey']);

/** A record as the trail keeps it: plain JSON, secrets and derived columns left out. */
export function auditSnapshot(record: unknown): unknown {
  if (record === null || record === undefined) return null;
  return JSON.parse(JSON.stringify(record, (key, value) => (OMITTED.has(key) ? undefined : value)));
}

export async function writeAudit(db: DbOrTx, actor: Actor, entries: AuditEntry | readonly AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntry];
  if (list.length === 0) return;
  await db.insert(auditLog).values(
    list.map((e) => ({
      actorKind: actor.kind === 'anonymous' ? 'system' : actor.kind,
      actorId: actor.id,
      actorName: actor.name,
      entity: e.entity,
      entityId: e.entityId,
      action: e.action,
      cnCode: e.cnCode ?? null,
      before: auditSnapshot(e.before),
      after: auditSnapshot(e.after),
      importRunId: e.importRunId ?? null,
    })),
  );
}

/** One record's trail, newest first. */
export async function selectRecordAudit(db: DbOrTx, entity: string, entityId: number): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id));
}

/** The office's part of the trail: rows whose division lies in the scope (prefix of the GB/T 2260 code). */
export function auditScopeCondition(scopeCode: string): SQL | undefined {
  if (scopeCode === NATIONAL_CODE) return undefined;
  return like(auditLog.cnCode, `${codePrefix(scopeCode)}%`);
}

/** Trail rows in id order, page by page (keyset), for exports. */
export async function selectAuditPage(
  db: DbOrTx,
  filter: { scopeCode: string; from?: string; to?: string; entity?: string },
  afterId: number,
  limit: number,
): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        gt(auditLog.id, afterId),
        auditScopeCondition(filter.scopeCode),
        filter.from ? gte(auditLog.at, sql`${filter.from}::date`) : undefined,
        filter.to ? lt(auditLog.at, sql`${filter.to}::date + 1`) : undefined,
        filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
      ),
    )
    .orderBy(asc(auditLog.id))
    .limit(limit);
}
