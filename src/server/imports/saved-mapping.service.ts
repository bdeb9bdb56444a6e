/**
 * Column mappings an office saves under a name and reuses for every list it imports. An office's
 * mappings are shared by its staff; an office sees the mappings of the offices above it too (a city
 * reuses the province's), and changes only its own.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { AppError, notFound } from '../../shared/errors.js';
import type { Mapping, SavedMapping } from '../../shared/schemas/imports.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { importMappings } from '../db/schema.js';
import { deleteIfVersion, staleVersion, updateIfVersion } from '../db/versioned.js';
import { ancestorsOf, getReferenceCache } from '../places/reference-cache.js';

type Row = typeof importMappings.$inferSelect;

function present(row: Row): SavedMapping {
  return {
    id: row.id,
    scopeCode: row.scopeCode,
    name: row.name,
    mapping: row.mapping as Mapping,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The office's own scope and the scopes of the offices above it. */
function scopesAbove(scopeCode: string): string[] {
  const cache = getReferenceCache();
  const division = cache.divisions.get(scopeCode);
  const above = division ? ancestorsOf(cache, division).map((d) => d.code) : [];
  return [scopeCode, ...above, ...(scopeCode === '000000' ? [] : ['000000'])];
}

export async function listSavedMappings({ db, actor }: { db: Db; actor: Actor }): Promise<SavedMapping[]> {
  assertCanRead(actor, actor.scopeCode);
  const rows = await db
    .select()
    .from(importMappings)
    .where(inArray(importMappings.scopeCode, scopesAbove(actor.scopeCode)))
    .orderBy(asc(importMappings.name), asc(importMappings.id));
  return rows.map(present);
}

function nameTaken(name: string): AppError {
  return new AppError('conflict', `a mapping named ${name} already exists`, {
    issues: [
      {
        path: 'name',
        rule: 'duplicate_name',
        value: name,
        message: `your office already has a mapping named ${name}`,
        fix: 'choose another name, or change the mapping of that name',
      },
    ],
  });
}

async function ownMapping(db: Db, actor: Actor, id: number): Promise<Row> {
  const rows = await db.select().from(importMappings).where(eq(importMappings.id, id));
  const row = rows[0];
  if (!row || !scopesAbove(actor.scopeCode).includes(row.scopeCode)) throw notFound('mapping', id);
  if (row.scopeCode !== actor.scopeCode) {
    throw new AppError('forbidden', `mapping ${id} belongs to the office of ${row.scopeCode}`, {
      fix: 'save a copy under your own office, then change the copy',
    });
  }
  return row;
}

async function assertNameFree(db: Db, scopeCode: string, name: string, except?: number): Promise<void> {
  const rows = await db
    .select({ id: importMappings.id })
    .from(importMappings)
    .where(and(eq(importMappings.scopeCode, scopeCode), eq(importMappings.name, name)));
  if (rows.some((r) => r.id !== except)) throw nameTaken(name);
}

export async function createSavedMapping({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { name: string; mapping: Mapping };
}): Promise<SavedMapping> {
  assertCanWrite(actor, actor.scopeCode);
  await assertNameFree(db, actor.scopeCode, input.name);
  return db.transaction(async (tx) => {
    const rows = await tx
      .insert(importMappings)
      .values({ scopeCode: actor.scopeCode, name: input.name, mapping: input.mapping, createdBy: actor.name })
      .returning();
    const row = rows[0] as Row;
    await writeAudit(tx, actor, {
      entity: 'import_mapping',
      entityId: row.id,
      action: 'create',
      cnCode: row.scopeCode,
      after: { name: row.name, mapping: row.mapping },
    });
    return present(row);
  });
}

export async function updateSavedMapping({
  db,
  actor,
  id,
  patch,
}: {
  db: Db;
  actor: Actor;
  id: number;
  patch: { name?: string; mapping?: Mapping; version: number };
}): Promise<SavedMapping> {
  assertCanWrite(actor, actor.scopeCode);
  const current = await ownMapping(db, actor, id);
  if (patch.name !== undefined) await assertNameFree(db, current.scopeCode, patch.name, id);
  return db.transaction(async (tx) => {
    const { version, ...fields } = patch;
    const row = await updateIfVersion(tx, importMappings, id, version, fields);
    if (!row) throw staleVersion('mapping', current);
    await writeAudit(tx, actor, {
      entity: 'import_mapping',
      entityId: id,
      action: 'update',
      cnCode: row.scopeCode,
      before: { name: current.name, mapping: current.mapping },
      after: { name: row.name, mapping: row.mapping },
    });
    return present(row);
  });
}

export async function deleteSavedMapping({
  db,
  actor,
  id,
  version,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
}): Promise<void> {
  assertCanWrite(actor, actor.scopeCode);
  const current = await ownMapping(db, actor, id);
  await db.transaction(async (tx) => {
    if (!(await deleteIfVersion(tx, importMappings, id, version))) throw staleVersion('mapping', current);
    await writeAudit(tx, actor, {
      entity: 'import_mapping',
      entityId: id,
      action: 'delete',
      cnCode: current.scopeCode,
      before: { name: current.name, mapping: current.mapping },
    });
  });
}

/** A saved mapping by name or id, for `amity import --mapping-name` and the API's `mappingId`. */
export async function getSavedMapping({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<Mapping> {
  assertCanRead(actor, actor.scopeCode);
  const rows = await db.select().from(importMappings).where(eq(importMappings.id, id));
  const row = rows[0];
  if (!row || !scopesAbove(actor.scopeCode).includes(row.scopeCode)) throw notFound('mapping', id);
  return row.mapping as Mapping;
}
