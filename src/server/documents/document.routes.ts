/**
 * /api/partnerships/{id}/documents and /api/documents/{id}: attach, list, download and delete files.
 * Thin handlers: read the upload, call one service function, answer.
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { DocumentSchema } from '../../shared/schemas/document-view.js';
import { DOCUMENT_CATEGORIES, DOCUMENT_LIMITS, DocumentFieldsSchema } from '../../shared/schemas/lifecycle.js';
import { type Api, type AppEnv, actorOf } from '../http/app.js';
import { errorResponse } from '../http/errors.js';
import { errorResponses, IdParamSchema, jsonResponse } from '../http/openapi.js';
import { deleteDocument, getDocumentContent, listDocuments, uploadDocument } from './document.service.js';

const tags = ['documents'];

const UploadQuerySchema = z.object({
  category: z.enum(DOCUMENT_CATEGORIES).optional().describe('For a raw-body upload (a form sends it as a field)'),
  title: z.string().max(200).optional(),
  fileName: z.string().max(255).optional(),
});

function unreadable(message: string): AppError {
  return new AppError('validation_failed', message, {
    issues: [
      {
        path: 'file',
        rule: 'malformed_body',
        message,
        fix: 'send the file as the form field "file", or as the raw body',
      },
    ],
  });
}

/** The uploaded file and its fields: a multipart form (field `file`), or the raw body with the query. */
async function readUpload(c: Context<AppEnv>) {
  const query = c.req.query();
  if ((c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const form = await c.req.parseBody().catch(() => {
      throw unreadable('the multipart/form-data body cannot be read');
    });
    const file = form.file;
    if (!(file instanceof File)) throw unreadable('the form has no file field "file"');
    const fields = DocumentFieldsSchema.parse({
      category: typeof form.category === 'string' && form.category ? form.category : undefined,
      title: typeof form.title === 'string' && form.title ? form.title : undefined,
    });
    return { file: { data: Buffer.from(await file.arrayBuffer()), fileName: file.name }, fields };
  }
  const fields = DocumentFieldsSchema.parse({ category: query.category, title: query.title });
  return { file: { data: Buffer.from(await c.req.arrayBuffer()), fileName: query.fileName }, fields };
}

/** A header value naming the file in ASCII and, for Chinese names, in UTF-8 (RFC 6266). */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerDocumentRoutes(app: Api): void {
  // The whole request may be the file plus its form: refuse anything much larger before reading it.
  app.use(
    '/api/partnerships/:id/documents',
    bodyLimit({
      maxSize: DOCUMENT_LIMITS.bytesMax + 64 * 1024,
      onError: (c) =>
        errorResponse(
          c,
          new AppError('payload_too_large', 'the file is larger than 20 MB', { limit: DOCUMENT_LIMITS.bytesMax }),
        ),
    }),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/partnerships/{id}/documents',
      tags,
      summary: 'The documents attached to a partnership, newest first',
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(z.object({ data: z.array(DocumentSchema) }), 'The documents'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) =>
      c.json(
        {
          data: await listDocuments({
            db: c.get('deps').handle.db,
            actor: actorOf(c),
            partnershipId: c.req.valid('param').id,
          }),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/partnerships/{id}/documents',
      tags,
      summary: 'Attach a file (PDF, JPEG, PNG, DOCX or XLSX by its content; at most 20 MB)',
      request: {
        params: IdParamSchema,
        query: UploadQuerySchema,
        body: {
          required: true,
          description: 'A multipart form with the field file (and category, title), or the file as the raw body',
          content: {
            'multipart/form-data': {
              schema: z.object({
                // Optional here so that a raw-body upload passes the form check; the handler insists on a file.
                file: z.any().optional().meta({ type: 'string', format: 'binary' }),
                category: z.enum(DOCUMENT_CATEGORIES).optional(),
                title: z.string().optional(),
              }),
            },
            'application/octet-stream': { schema: z.any().meta({ type: 'string', format: 'binary' }) },
          },
        },
      },
      responses: {
        201: jsonResponse(DocumentSchema, 'Attached'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        413: { ...errorResponses[400], description: 'The file is larger than 20 MB' },
      },
    }),
    async (c) => {
      const { file, fields } = await readUpload(c);
      const document = await uploadDocument({
        db: c.get('deps').handle.db,
        actor: actorOf(c),
        partnershipId: c.req.valid('param').id,
        file,
        fields,
      });
      return c.json(document, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/content',
      tags,
      summary: 'Download a document (its bytes, checked against the hash taken at upload)',
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'The file', content: { 'application/octet-stream': { schema: z.any() } } },
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { document, data } = await getDocumentContent({
        db: c.get('deps').handle.db,
        actor: actorOf(c),
        id: c.req.valid('param').id,
      });
      return c.body(new Uint8Array(data), 200, {
        'content-type': document.mediaType,
        'content-length': String(data.length),
        'content-disposition': contentDisposition(document.fileName),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/documents/{id}',
      tags,
      summary: 'Delete a document',
      request: { params: IdParamSchema },
      responses: {
        204: { description: 'Deleted' },
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      await deleteDocument({ db: c.get('deps').handle.db, actor: actorOf(c), id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );
}
