/**
 * Database access for what is published: the per-scope settings (open_scopes) and the condition
 * "this pair is published" as SQL, the one definition the export and the public read API share.
 */
import { inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { openScopes, partnerships } from '../db/schema.js';
import { deleteKeyedIfVersion, updateKeyedIfVersion } from '../db/versioned.js';

export type OpenScopeRow = typeof openScopes.$inferSelect;

export async function selectOpenScopes(db: DbOrTx, codes?: readonly string[]): Promise<OpenScopeRow[]> {
  if (codes && codes.length === 0) return [];
  const query = db.select().from(openScopes);
  return (codes ? query.where(inArray(openScopes.cnCode, [...codes])) : query).orderBy(openScopes.cnCode);
}

/** Inserts a scope's setting; undefined when it has one already. */
export async function insertOpenScope(db: DbOrTx, cnCode: string, isPublic: boolean) {
  const rows = await db.insert(openScopes).values({ cnCode, isPublic }).onConflictDoNothing().returning();
  return rows[0];
}

export function updateOpenScopeIfVersion(db: DbOrTx, cnCode: string, version: number, isPublic: boolean) {
  return updateKeyedIfVersion(db, openScopes, openScopes.cnCode, cnCode, version, { isPublic });
}

export function deleteOpenScopeIfVersion(db: DbOrTx, cnCode: string, version: number): Promise<boolean> {
  return deleteKeyedIfVersion(db, openScopes, openScopes.cnCode, cnCode, version);
}

/**
 * A pair is published when it is signed (stage established), not an illustration of the demo, and
 * its own flag says so, or — without one — the nearest scope at or above its division that has a
 * setting (the division, its prefecture, its province, 000000) says so. No setting: withheld.
 */
export function publishedCondition(): SQL {
  const p = partnerships;
  // Four primary-key look-ups, nearest first: at 100,000 pairs a third of what one sorted subquery costs.
  const setting = (code: SQL | string) => sql`(select os.is_public from open_scopes os where os.cn_code = ${code})`;
  return sql`(${p.stage} = 'established' and not ${p.isDemo} and coalesce(${p.isPublic},
    ${setting(sql`${p.cnCode}`)}, ${setting(sql`${p.prefectureCode}`)}, ${setting(sql`${p.provinceCode}`)},
    ${setting('000000')}, false))`;
}

/** Signed pairs of a subtree (undefined: the whole registry), published and withheld. */
export async function countPublication(db: DbOrTx, where: SQL | undefined) {
  const rows = await db
    .select({
      published: sql<number>`(count(*) filter (where ${publishedCondition()}))::int`,
      signed: sql<number>`(count(*) filter (where ${partnerships.stage} = 'established' and not ${partnerships.isDemo}))::int`,
      notesInternal: sql<number>`(count(*) filter (where ${publishedCondition()} and ${partnerships.notesInternal}))::int`,
    })
    .from(partnerships)
    .where(where);
  const row = rows[0] ?? { published: 0, signed: 0, notesInternal: 0 };
  return { published: row.published, withheld: row.signed - row.published, notesInternal: row.notesInternal };
}
