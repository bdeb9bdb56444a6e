/**
 * Settings kept per scope — an office's activity rules, its open-data publication, its matchmaking
 * policy: one row per division code, versioned like any record. Putting one without a version
 * creates it, with the version read replaces it; removing one names the version too. Each change
 * is audited in its own transaction. The features say how their rows are read and written; the
 * order of the steps and the answers to a clash are written once, here.
 */
import { AppError, notFound } from '../../shared/errors.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Actor } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { versionConflict } from '../db/versioned.js';

export type ScopeSettingStore<Row extends { version: number }, Value> = {
  /** The audit trail's name of the record, e.g. office_rules. */
  entity: string;
  /** How messages name it before the scope's code, e.g. "matchmaking policy of". */
  what: string;
  read(db: DbOrTx, scope: string): Promise<Row | undefined>;
  /** undefined when the scope has a row already. */
  insert(db: DbOrTx, scope: string, value: Value): Promise<Row | undefined>;
  /** undefined when the row no longer has `version` (or is gone). */
  update(db: DbOrTx, scope: string, version: number, value: Value): Promise<Row | undefined>;
  remove(db: DbOrTx, scope: string, version: number): Promise<boolean>;
};

function auditedAs(store: { entity: string }, scope: string) {
  // A division code is six digits: it serves as the trail's record id.
  return { entity: store.entity, entityId: Number(scope), cnCode: scope };
}

/** Creates the scope's setting (version undefined) or replaces it at `version`; 409 or 404 otherwise. */
export async function putScopeSetting<Row extends { version: number }, Value>(
  db: Db,
  actor: Actor,
  store: Omit<ScopeSettingStore<Row, Value>, 'remove'>,
  scope: string,
  version: number | undefined,
  value: Value,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await store.read(tx, scope);
    const entity = auditedAs(store, scope);
    if (version === undefined) {
      const inserted = await store.insert(tx, scope, value);
      if (!inserted) {
        throw new AppError('conflict', `the ${store.what} ${scope} exists already`, {
          currentVersion: current?.version ?? null,
          fix: 'send the version you read to replace it',
        });
      }
      await writeAudit(tx, actor, { ...entity, action: 'create', after: inserted });
    } else {
      const updated = await store.update(tx, scope, version, value);
      if (!updated) {
        if (!current) throw notFound(store.what, scope);
        throw versionConflict(`the ${store.what} ${scope}`, current.version, 'read it again and send its version');
      }
      await writeAudit(tx, actor, { ...entity, action: 'update', before: current, after: updated });
    }
  });
}

/** Removes the scope's own setting at `version`: the scope follows the scopes above it again. */
export async function deleteScopeSetting<Row extends { version: number }>(
  db: Db,
  actor: Actor,
  store: Pick<ScopeSettingStore<Row, never>, 'entity' | 'what' | 'read' | 'remove'>,
  scope: string,
  version: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await store.read(tx, scope);
    if (!current) throw notFound(store.what, scope);
    if (!(await store.remove(tx, scope, version))) {
      throw versionConflict(`the ${store.what} ${scope}`, current.version, 'read it again and send its version');
    }
    await writeAudit(tx, actor, { ...auditedAs(store, scope), action: 'delete', before: current });
  });
}
