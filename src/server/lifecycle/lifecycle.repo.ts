/** Database access for the life cycle: the stage history and the approvals of a partnership. */

import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { insertOne } from '../db/records.js';
import { partnershipApprovals, partnershipStageEvents } from '../db/schema.js';

export type StageEventRow = typeof partnershipStageEvents.$inferSelect;
export type NewStageEvent = typeof partnershipStageEvents.$inferInsert;
export type ApprovalRow = typeof partnershipApprovals.$inferSelect;
export type NewApproval = typeof partnershipApprovals.$inferInsert;

/** A partnership's history, oldest first. */
export async function selectStageEvents(db: DbOrTx, partnershipId: number): Promise<StageEventRow[]> {
  return db
    .select()
    .from(partnershipStageEvents)
    .where(eq(partnershipStageEvents.partnershipId, partnershipId))
    .orderBy(asc(partnershipStageEvents.id));
}

export function insertStageEvent(db: DbOrTx, row: NewStageEvent): Promise<StageEventRow> {
  return insertOne(db, partnershipStageEvents, row);
}

export async function selectApprovals(db: DbOrTx, partnershipId: number): Promise<ApprovalRow[]> {
  return db
    .select()
    .from(partnershipApprovals)
    .where(eq(partnershipApprovals.partnershipId, partnershipId))
    .orderBy(asc(partnershipApprovals.id));
}

export function insertApproval(db: DbOrTx, row: NewApproval): Promise<ApprovalRow> {
  return insertOne(db, partnershipApprovals, row);
}
