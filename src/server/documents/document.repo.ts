/** Database access for attached documents: their metadata and their bytes in chunks. */

import { asc, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { selectById } from '../db/records.js';
import { documentChunks, documents } from '../db/schema.js';

export type DocumentRow = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;

export async function insertDocument(db: DbOrTx, row: NewDocument, data: Buffer, chunkBytes: number) {
  const rows = await db.insert(documents).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('insert returned no row');
  // A few chunks per statement keep each statement's parameters small on both drivers.
  for (let seq = 0, offset = 0; offset < data.length; ) {
    const batch = [];
    for (let n = 0; n < 4 && offset < data.length; n++, seq++, offset += chunkBytes) {
      batch.push({ documentId: inserted.id, seq, data: data.subarray(offset, offset + chunkBytes) });
    }
    await db.insert(documentChunks).values(batch);
  }
  return inserted;
}

export function selectDocument(db: DbOrTx, id: number): Promise<DocumentRow | undefined> {
  return selectById(db, documents, id);
}

export async function selectDocumentsOf(db: DbOrTx, partnershipId: number): Promise<DocumentRow[]> {
  return db
    .select()
    .from(documents)
    .where(eq(documents.partnershipId, partnershipId))
    .orderBy(desc(documents.createdAt), desc(documents.id));
}

export async function selectDocumentBytes(db: DbOrTx, id: number): Promise<Buffer> {
  const rows = await db
    .select({ data: documentChunks.data })
    .from(documentChunks)
    .where(eq(documentChunks.documentId, id))
    .orderBy(asc(documentChunks.seq));
  return Buffer.concat(rows.map((r) => r.data));
}

export async function deleteDocumentRow(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db.delete(documents).where(eq(documents.id, id)).returning({ id: documents.id });
  return rows.length > 0;
}
