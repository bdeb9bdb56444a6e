/**
 * /api/imports and /api/exports: files in and out in the interchange format. Thin handlers: read
 * the file from the request, call one service function, answer with the report or the file.
 */
import { Readable } from 'node:stream';
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { pickLanguage } from '../../shared/messages.js';
import { ImportReportSchema } from '../../shared/schemas/imports.js';
import { PartnershipFilterSchema } from '../../shared/schemas/partnership.js';
import { type Actor, assertCanWrite } from '../auth/actor.js';
import { type Api, type AppEnv, actorOf } from '../http/app.js';
import { errorResponses, jsonResponse } from '../http/openapi.js';
import { buildTemplate, CONTENT_TYPES, exportPartnershipsStream } from './export.service.js';
import { IMPORT_FORMATS, IMPORT_TYPES, type ImportFormat, type ImportType } from './import.schema.js';
import { importData, resolveFormat } from './import.service.js';
import { parseMapping } from './mapping.js';
import { formatOfFileName } from './parsers.js';
import { problemsAsIssues } from './problems.js';
import { getSavedMapping } from './saved-mapping.service.js';
import { BLANK_CELLS } from './values.js';

const tags = ['imports'];

export const ImportQuerySchema = z.object({
  type: z.enum(IMPORT_TYPES).optional().describe('partnerships | benchmarks | groups; detected from the headers'),
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: check only, report what would change, write nothing'),
  format: z.enum(IMPORT_FORMATS).optional().describe('csv | xlsx | json; from the Content-Type or file name'),
  fileName: z.string().max(255).optional().describe('Name of the file, for the report and the import log'),
  blank: z
    .enum(BLANK_CELLS)
    .default('keep')
    .describe('A blank cell keeps the stored value (keep) or clears it (clear); a cell of - or （清空） always clears'),
  sheet: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('XLSX sheet, by name or 1-based number; the first with data by default'),
  headerRow: z.coerce.number().int().min(1).max(1_000_000).optional().describe('The row that holds the headers'),
  mappingId: z.coerce.number().int().positive().optional().describe("A saved mapping of the caller's office to apply"),
});

const HeadersQuerySchema = z.object({
  headers: z.enum(['en', 'zh']).default('en').describe('Header row in English (default) or Chinese'),
});

export const fileSchema = { type: 'string', format: 'binary' } as const;

/** csv / xlsx / json from a Content-Type header, when it names one. */
function formatOfContentType(contentType: string | undefined): ImportFormat | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/plain') return 'csv';
  if (type === CONTENT_TYPES.xlsx) return 'xlsx';
  if (type === 'application/json') return 'json';
  return undefined;
}

/** The uploaded file: the raw body, or the `file` field of a multipart form. */
export async function readUpload(
  c: Context<AppEnv>,
): Promise<{ data: Buffer; fileName?: string; format?: ImportFormat; mapping?: string }> {
  const contentType = c.req.header('content-type') ?? '';
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    // A cut or malformed form (no boundary, no parts) is bad input, not a server error.
    const form = await c.req.parseBody().catch(() => {
      throw new AppError('validation_failed', 'the multipart form cannot be read', {
        issues: [
          {
            path: 'file',
            rule: 'malformed_body',
            message: 'the multipart/form-data body cannot be read',
            fix: 'send the file as the form field "file" of a well-formed form, or as the raw body',
          },
        ],
      });
    });
    const file = form.file;
    if (!(file instanceof File)) {
      throw new AppError('validation_failed', 'no file in the form', {
        issues: [
          {
            path: 'file',
            rule: 'required',
            message: 'the form has no file field "file"',
            fix: 'send the file as the form field "file"',
          },
        ],
      });
    }
    const mapping = form.mapping;
    return {
      data: Buffer.from(await file.arrayBuffer()),
      fileName: file.name || undefined,
      format: formatOfFileName(file.name) ?? formatOfContentType(file.type),
      mapping: typeof mapping === 'string' && mapping.trim() ? mapping : undefined,
    };
  }
  return { data: Buffer.from(await c.req.arrayBuffer()), format: formatOfContentType(contentType) };
}

/** What a request asks the importer to do: the file, its format and the mapping (given, or saved and named). */
export async function importOptions(
  c: Context<AppEnv>,
  query: {
    fileName?: string;
    format?: ImportFormat;
    type?: ImportType;
    sheet?: string;
    headerRow?: number;
    mappingId?: number;
  },
  upload: Awaited<ReturnType<typeof readUpload>>,
  actor: Actor,
) {
  const db = c.get('deps').handle.db;
  const fileName = query.fileName ?? upload.fileName ?? 'upload';
  const format = query.format ?? upload.format ?? resolveFormat(fileName);
  const mapping = upload.mapping
    ? parseMapping(upload.mapping)
    : query.mappingId
      ? await getSavedMapping({ db, actor, id: query.mappingId })
      : undefined;
  const sheet =
    query.sheet === undefined ? mapping?.sheet : /^\d+$/.test(query.sheet) ? Number(query.sheet) : query.sheet;
  return {
    db,
    data: upload.data,
    fileName,
    format,
    type: query.type ?? mapping?.type,
    actor,
    columns: mapping?.columns,
    sheet,
    headerRow: query.headerRow ?? mapping?.headerRow,
    mapping,
  };
}

/** A download's name: ASCII for old clients (others as _), the exact name in filename* (RFC 6266). */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerImportRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/imports',
      tags,
      summary: 'Import a CSV, XLSX or JSON file: all rows or none',
      description:
        'The file is the raw request body (Content-Type text/csv, application/json or the XLSX type) or the ' +
        'form field "file" of multipart/form-data. 200 with the report when the file is clean (and, unless ' +
        'dryRun, written); 400 with the report in error.details.report and each problem in error.issues ' +
        'when not — then nothing is written. Problem texts follow Accept-Language (or ?lang=zh-CN|en).',
      request: {
        query: ImportQuerySchema,
        body: {
          required: true,
          content: {
            'text/csv': { schema: fileSchema },
            'application/json': { schema: fileSchema },
            [CONTENT_TYPES.xlsx]: { schema: fileSchema },
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: {
                  file: fileSchema,
                  mapping: { type: 'string', description: 'A column mapping as JSON (see ImportMapping)' },
                },
              },
            },
          },
        },
      },
      responses: {
        200: jsonResponse(ImportReportSchema, 'The report: rows read, added, updated, unchanged'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const lang = pickLanguage(c.req.query('lang') ?? c.req.header('accept-language'));
      // Who asks is settled before the upload is read.
      const actor = actorOf(c);
      assertCanWrite(actor, actor.scopeCode);
      const upload = await readUpload(c);
      const options = await importOptions(c, query, upload, actor);
      const report = await importData({ ...options, dryRun: query.dryRun, lang, blank: query.blank });
      if (!report.ok) {
        throw new AppError('validation_failed', `the file has ${report.problemCount} problem(s); nothing was written`, {
          issues: problemsAsIssues(report.problems, lang),
          details: { report },
        });
      }
      return c.json(report, 200);
    },
  );

  for (const format of IMPORT_FORMATS) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/exports/partnerships.${format}`,
        tags,
        summary: `Export the partnerships of any filter as ${format.toUpperCase()} in the interchange format`,
        request: {
          query: PartnershipFilterSchema.extend(HeadersQuerySchema.shape).extend({
            mappingId: z.coerce
              .number()
              .int()
              .positive()
              .optional()
              .describe("A saved mapping of the caller's office: the file is written in the office's own layout"),
          }),
        },
        responses: {
          200: { content: { [CONTENT_TYPES[format]]: { schema: fileSchema } }, description: 'The file, streamed' },
          400: errorResponses[400],
          401: errorResponses[401],
          403: errorResponses[403],
        },
      }),
      async (c) => {
        const { headers, mappingId, ...filter } = c.req.valid('query');
        const db = c.get('deps').handle.db;
        const actor = actorOf(c);
        const layout = mappingId ? await getSavedMapping({ db, actor, id: mappingId }) : undefined;
        const stream = exportPartnershipsStream({ db, actor, filter, format, headers, layout });
        return c.body(Readable.toWeb(stream) as ReadableStream, 200, {
          'content-type': CONTENT_TYPES[format],
          'content-disposition': attachment(`partnerships.${format}`),
        });
      },
    );
  }

  for (const format of ['csv', 'xlsx'] as const) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/imports/template.${format}`,
        tags,
        summary: `A blank ${format.toUpperCase()} template of an import type`,
        request: {
          query: HeadersQuerySchema.extend({ type: z.enum(IMPORT_TYPES).default('partnerships') }),
        },
        responses: {
          200: { content: { [CONTENT_TYPES[format]]: { schema: fileSchema } }, description: 'The template' },
          401: errorResponses[401],
        },
      }),
      async (c) => {
        const { type, headers } = c.req.valid('query');
        actorOf(c);
        const body = await buildTemplate({ type, format, headers });
        return c.body(typeof body === 'string' ? body : new Uint8Array(body), 200, {
          'content-type': CONTENT_TYPES[format],
          'content-disposition': attachment(`${type}-template${headers === 'zh' ? '.zh' : ''}.${format}`),
        });
      },
    );
  }
}
