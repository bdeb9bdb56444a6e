/**
 * Undoing an import as a whole, from its import_runs row and the audit trail it wrote: the pairs it
 * added are removed, the pairs it changed get back the values they had before. Refused, with the
 * records named, when anything changed those records since (an edit, a life-cycle move, an activity
 * or document filed under a new pair): undoing would then lose that later work. An undone run
 * cannot be undone again. Foreign places the run created or named stay (they hold no pair's data).
 */
import { desc, eq, sql } from 'drizzle-orm';
import { AppError, notFound } from '../../shared/errors.js';
import type { ImportRun, UndoResult } from '../../shared/schemas/imports.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite, scopeCovers } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { importRuns } from '../db/schema.js';
import { queryRows } from '../db/sql.js';
import { lockImports } from './import.repo.js';

type RunRow = typeof importRuns.$inferSelect;

function present(row: RunRow): ImportRun {
  const summary = row.summary as { added?: number; updated?: number };
  return {
    id: row.id,
    fileName: row.fileName,
    // Text columns, written only by importData from the format and type it read the file as.
    format: row.format as ImportRun['format'],
    target: row.target as ImportRun['target'],
    createdAt: row.createdAt.toISOString(),
    actorName: row.actorName,
    scopeCode: row.scopeCode,
    added: summary.added ?? 0,
    updated: summary.updated ?? 0,
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoneBy: row.undoneBy,
  };
}

/** A run the actor may see: imported into their scope (runs of before scopes were kept: national only). */
function visible(actor: Actor, row: RunRow): boolean {
  return scopeCovers(actor.scopeCode, row.scopeCode ?? '000000');
}

export async function listImportRuns({ db, actor }: { db: Db; actor: Actor }): Promise<ImportRun[]> {
  assertCanRead(actor, actor.scopeCode);
  const rows = await db.select().from(importRuns).orderBy(desc(importRuns.id)).limit(500);
  return rows
    .filter((r) => visible(actor, r))
    .slice(0, 100)
    .map(present);
}

type Entry = {
  id: number;
  entityId: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

function refused(runId: number, message: string, fix: string, records: number[] = []): AppError {
  return new AppError('conflict', message, { fix, details: { runId, records: records.slice(0, 20) } });
}

/** The tables whose rows hang under a partnership, read from the catalogue so that none is missed. */
async function childTables(db: DbOrTx): Promise<{ table: string; column: string }[]> {
  return queryRows(
    db,
    sql`select distinct kcu.table_name as "table", kcu.column_name as "column"
      from information_schema.referential_constraints rc
      join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name
      join information_schema.key_column_usage pk on pk.constraint_name = rc.unique_constraint_name
      where pk.table_name = 'partnerships' and kcu.table_name <> 'partnerships'`,
  );
}

export async function undoImportRun({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<UndoResult> {
  assertCanWrite(actor, actor.scopeCode);
  return db.transaction(async (tx) => {
    await lockImports(tx);
    const run = (await tx.select().from(importRuns).where(eq(importRuns.id, id)))[0];
    if (!run || !visible(actor, run)) throw notFound('import run', id);
    assertCanWrite(actor, run.scopeCode ?? '000000');
    if (run.undoneAt) {
      throw refused(
        id,
        `import run ${id} was undone already (${run.undoneAt.toISOString()} by ${run.undoneBy})`,
        'nothing to do',
      );
    }
    if (run.target !== 'partnerships') {
      throw refused(
        id,
        `import run ${id} imported ${run.target}: only partnership imports can be undone`,
        `import the previous ${run.target} file again`,
      );
    }
    const entries = await queryRows<Entry>(
      tx,
      sql`select id, entity_id as "entityId", action, before, after from audit_log
        where import_run_id = ${id} and entity = 'partnership' order by id`,
    );
    const ids = [...new Set(entries.map((e) => e.entityId))];
    const last = entries.at(-1)?.id ?? 0;
    if (ids.length > 0) {
      const later = await queryRows<{ entityId: number }>(
        tx,
        sql`select distinct entity_id as "entityId" from audit_log
          where entity = 'partnership' and id > ${last} and entity_id = any(${`{${ids.join(',')}}`}::int[])
          order by 1`,
      );
      if (later.length > 0) {
        throw refused(
          id,
          `${later.length} partnership(s) of import run ${id} were changed after it; undoing would lose those changes`,
          'undo or redo those changes by hand, or edit the records instead of undoing the import',
          later.map((r) => r.entityId),
        );
      }
    }
    const created = entries.filter((e) => e.action === 'create').map((e) => e.entityId);
    if (created.length > 0) {
      const list = `{${created.join(',')}}`;
      for (const child of await childTables(tx)) {
        const held = await queryRows<{ id: number }>(
          tx,
          sql`select distinct ${sql.identifier(child.column)} as id from ${sql.identifier(child.table)}
            where ${sql.identifier(child.column)} = any(${list}::int[]) limit 20`,
        );
        if (held.length > 0) {
          throw refused(
            id,
            `${child.table} were filed under partnership(s) this import added; undoing would delete them`,
            'remove or move those records first, or keep the import',
            held.map((r) => r.id),
          );
        }
      }
      await tx.execute(sql`delete from partnerships where id = any(${list}::int[])`);
    }
    const updates = entries.filter((e) => e.action === 'update');
    for (const entry of updates) {
      const b = entry.before ?? {};
      await tx.execute(sql`update partnerships set
          status = ${b.status as string}, established_on = ${(b.establishedOn as string | null) ?? null},
          established_precision = ${(b.establishedPrecision as string | null) ?? null},
          ended_on = ${(b.endedOn as string | null) ?? null}, ended_reason = ${(b.endedReason as string | null) ?? null},
          source_url = ${(b.sourceUrl as string | null) ?? null}, notes = ${(b.notes as string | null) ?? null},
          version = version + 1, updated_at = now()
        where id = ${entry.entityId}`);
    }
    await writeAudit(tx, actor, [
      ...entries.map((e) => ({
        entity: 'partnership',
        entityId: e.entityId,
        action: e.action === 'create' ? 'delete' : 'update',
        cnCode: (e.after?.cnCode as string | undefined) ?? null,
        before: e.after,
        after: e.action === 'create' ? null : e.before,
        importRunId: id,
      })),
      { entity: 'import_run', entityId: id, action: 'undo', cnCode: run.scopeCode, before: present(run) },
    ]);
    await tx.update(importRuns).set({ undoneAt: new Date(), undoneBy: actor.name }).where(eq(importRuns.id, id));
    return { runId: id, removed: created.length, restored: updates.length };
  });
}
