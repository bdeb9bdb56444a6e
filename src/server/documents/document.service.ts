/**
 * Documents attached to a partnership (agreement scans, letters, approvals): at most 20 MB, of the
 * types PDF, JPEG, PNG, DOCX and XLSX as judged by their bytes. Stored in the database in chunks, so
 * they are in every backup and work the same on PGlite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { AppError, notFound, validationFailed } from '../../shared/errors.js';
import type { DocumentView } from '../../shared/schemas/document-view.js';
import {
  DOCUMENT_LIMITS,
  DOCUMENT_TYPES,
  type DocumentCategory,
  type DocumentFields,
  type DocumentMediaType,
} from '../../shared/schemas/lifecycle.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { selectPartnershipRow } from '../partnerships/partnership.repo.js';
import {
  type DocumentRow,
  deleteDocumentRow,
  insertDocument,
  selectDocument,
  selectDocumentBytes,
  selectDocumentsOf,
} from './document.repo.js';
import { detectFileType } from './file-type.js';

export function presentDocument(row: DocumentRow): DocumentView {
  return {
    id: row.id,
    partnershipId: row.partnershipId,
    // Written only by uploadDocument: the category from DOCUMENT_CATEGORIES, the type as detected.
    category: row.category as DocumentCategory,
    title: row.title,
    fileName: row.fileName,
    mediaType: row.mediaType as DocumentMediaType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    isDemo: row.isDemo,
    createdAt: row.createdAt.toISOString(),
  };
}

async function partnershipCode(db: DbOrTx, partnershipId: number): Promise<string> {
  const row = await selectPartnershipRow(db, partnershipId);
  if (!row) throw notFound('partnership', partnershipId);
  return row.cnCode;
}

/** A file name as it may be stored and sent back: no path, no control characters, not too long. */
export function cleanFileName(name: string | undefined, extension: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is taken out.
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || `document.${extension}`;
}

export async function uploadDocument({
  db,
  actor,
  partnershipId,
  file,
  fields,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  partnershipId: number;
  file: { data: Buffer; fileName?: string };
  fields: DocumentFields;
  isDemo?: boolean;
}): Promise<DocumentView> {
  const cnCode = await partnershipCode(db, partnershipId);
  assertCanWrite(actor, cnCode);
  if (file.data.length > DOCUMENT_LIMITS.bytesMax) {
    throw new AppError('payload_too_large', `the file has ${file.data.length} bytes; the limit is 20 MB`, {
      limit: DOCUMENT_LIMITS.bytesMax,
      fix: 'scan at a lower resolution, or split the file',
    });
  }
  const type = detectFileType(file.data);
  if (!type.ok) {
    throw validationFailed([
      {
        path: 'file',
        rule: 'file_type',
        message: type.reason,
        fix: 'attach a PDF, JPEG, PNG, Word (.docx) or Excel (.xlsx) file',
      },
    ]);
  }
  const row = await db.transaction(async (tx) => {
    const inserted = await insertDocument(
      tx,
      {
        partnershipId,
        category: fields.category,
        title: fields.title || null,
        fileName: cleanFileName(file.fileName, DOCUMENT_TYPES[type.mediaType]),
        mediaType: type.mediaType,
        sizeBytes: file.data.length,
        sha256: createHash('sha256').update(file.data).digest('hex'),
        uploadedBy: actor.name,
        isDemo,
      },
      file.data,
      DOCUMENT_LIMITS.chunkBytes,
    );
    await writeAudit(tx, actor, {
      entity: 'document',
      entityId: inserted.id,
      action: 'create',
      cnCode,
      after: presentDocument(inserted),
    });
    return inserted;
  });
  return presentDocument(row);
}

export async function listDocuments({
  db,
  actor,
  partnershipId,
}: {
  db: DbOrTx;
  actor: Actor;
  partnershipId: number;
}): Promise<DocumentView[]> {
  assertCanRead(actor, await partnershipCode(db, partnershipId));
  return (await selectDocumentsOf(db, partnershipId)).map(presentDocument);
}

async function loadDocument(db: DbOrTx, id: number) {
  const row = await selectDocument(db, id);
  if (!row) throw notFound('document', id);
  return { row, cnCode: await partnershipCode(db, row.partnershipId) };
}

/** The file's bytes, checked against the hash taken at upload. */
export async function getDocumentContent({ db, actor, id }: { db: DbOrTx; actor: Actor; id: number }) {
  const { row, cnCode } = await loadDocument(db, id);
  assertCanRead(actor, cnCode);
  const data = await selectDocumentBytes(db, id);
  if (data.length !== row.sizeBytes || createHash('sha256').update(data).digest('hex') !== row.sha256) {
    throw new AppError('internal', `document ${id} is damaged in the database`);
  }
  return { document: presentDocument(row), data };
}

export async function deleteDocument({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const { row, cnCode } = await loadDocument(tx, id);
    assertCanWrite(actor, cnCode);
    if (!(await deleteDocumentRow(tx, id))) throw notFound('document', id);
    await writeAudit(tx, actor, {
      entity: 'document',
      entityId: id,
      action: 'delete',
      cnCode,
      before: presentDocument(row),
    });
  });
}
