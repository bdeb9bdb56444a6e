/**
 * What the document endpoints send back: a file attached to a partnership, without its bytes. The
 * presenter is typed by this schema, the OpenAPI document is written from it and the web app reads
 * its type from it.
 */
import { z } from 'zod';
import { DOCUMENT_CATEGORIES, DOCUMENT_TYPES, type DocumentMediaType } from './lifecycle.js';
import { oneOf } from './view-fields.js';

/** The media types an upload is judged to be: the keys of DOCUMENT_TYPES. */
const MEDIA_TYPES = Object.keys(DOCUMENT_TYPES) as DocumentMediaType[];

export const DocumentSchema = z
  .object({
    id: z.number().int(),
    partnershipId: z.number().int(),
    category: oneOf(DOCUMENT_CATEGORIES),
    title: z.string().nullable(),
    fileName: z.string(),
    mediaType: oneOf(MEDIA_TYPES).describe('Judged from the bytes: application/pdf, image/jpeg, image/png, docx, xlsx'),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedBy: z.string(),
    isDemo: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'Document' });
export type DocumentView = z.infer<typeof DocumentSchema>;
