/** Database access for activities. */
import { and, desc, eq, gte, inArray, lte, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { activities, partnerships } from '../db/schema.js';

export type ActivityRow = typeof activities.$inferSelect;
export type NewActivity = typeof activities.$inferInsert;

export async function selectActivity(db: DbOrTx, id: number): Promise<ActivityRow | undefined> {
  const rows = await db.select().from(activities).where(eq(activities.id, id));
  return rows[0];
}

export async function insertActivity(db: DbOrTx, row: NewActivity): Promise<ActivityRow> {
  const rows = await db.insert(activities).values(row).returning();
  if (!rows[0]) throw new Error('insert returned no row');
  return rows[0];
}

export async function updateActivityIfVersion(db: DbOrTx, id: number, version: number, patch: Partial<NewActivity>) {
  const rows = await db
    .update(activities)
    .set({ ...patch, version: sql`${activities.version} + 1`, updatedAt: new Date() })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning();
  return rows[0];
}

export async function deleteActivityIfVersion(db: DbOrTx, id: number, version: number): Promise<boolean> {
  const rows = await db
    .delete(activities)
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning({ id: activities.id });
  return rows.length > 0;
}

export type ActivityFilter = {
  partnershipId?: number;
  subtree?: SQL;
  types?: string[];
  from?: string;
  to?: string;
};

export async function selectActivityPage(db: DbOrTx, filter: ActivityFilter, page: { limit: number; offset: number }) {
  const conditions = [
    filter.partnershipId ? eq(activities.partnershipId, filter.partnershipId) : undefined,
    filter.subtree
      ? inArray(activities.partnershipId, db.select({ id: partnerships.id }).from(partnerships).where(filter.subtree))
      : undefined,
    filter.types ? inArray(activities.type, filter.types) : undefined,
    filter.from ? gte(activities.occurredOn, filter.from) : undefined,
    filter.to ? lte(activities.occurredOn, filter.to) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, counted] = await Promise.all([
    db
      .select()
      .from(activities)
      .where(where)
      .orderBy(desc(activities.occurredOn), desc(activities.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(activities).where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}
