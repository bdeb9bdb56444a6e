/** Files attached to a partnership: the metadata and the bytes in chunks. */
import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { partnerships } from './partnerships.js';

/** Raw bytes: node-postgres gives a Buffer, PGlite a Uint8Array; both become a Buffer here. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Files attached to a partnership (agreement scans, letters): the metadata; the bytes are in document_chunks. */
export const documents = pgTable(
  'documents',
  {
    id: serial('id').primaryKey(),
    partnershipId: integer('partnership_id')
      .notNull()
      .references(() => partnerships.id, { onDelete: 'cascade' }),
    /** agreement | letter | approval | photo | other */
    category: text('category').notNull(),
    title: text('title'),
    fileName: text('file_name').notNull(),
    /** Decided from the file's first bytes, never from its name: application/pdf, image/jpeg, … */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** Hex SHA-256 of the whole file, checked on download. */
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('documents_partnership_idx').on(t.partnershipId, t.id)],
);

/** A document's bytes in pieces of at most 256 KiB, so that backups and restores stay small per row. */
export const documentChunks = pgTable(
  'document_chunks',
  {
    /** A serial key so that a backup can read the bytes a few rows at a time. */
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [uniqueIndex('document_chunks_document_seq_idx').on(t.documentId, t.seq)],
);
