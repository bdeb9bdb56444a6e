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
import { PartnershipFilterSchema } from '../../shared/schemas/partnership.js';
import { assertCanWrite } from '../auth/actor.js';
import { type Api, type AppEnv, actorOf } from '../http/app.js';
import { errorResponses, jsonResponse } from '../http/openapi.js';
import { buildTemplate, CONTENT_TYPES, exportPartnershipsStream } from './export.service.js';
import { IMPORT_FORMATS, IMPORT_TYPES, type ImportFormat, ImportReportSchema } from './import.schema.js';
import { importData, resolveFormat } from './import.service.js';
import { formatOfFileName } from './parsers.js';
import { problemsAsIssues } from './problems.js';
import { BLANK_CELLS } from './values.js';

const tags = ['imports'];

const ImportQuerySchema = z.object({
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
});

const HeadersQuerySchema = z.object({
  headers: z.enum(['en', 'zh']).default('en').describe('Header row in English (default) or Chinese'),
});

const fileSchema = { type: 'string', format: 'binary' } as const;

/** csv / xlsx / json from a Content-Type header, when it names one. */
function formatOfContentType(contentType: string | undefined): ImportFormat | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/csv' || type === 'application/csv' || type === 'text/plain') return 'csv';
  if (type === CONTENT_TYPES.xlsx) return 'xlsx';
  if (type === 'application/json') return 'json';
  return undefined;
}

/** The uploaded file: the raw body, or the `file` field of a multipart form. */
async function readUpload(c: Context<AppEnv>): Promise<{ data: Buffer; fileName?: string; format?: ImportFormat }> {
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
    return {
      data: Buffer.from(await file.arrayBuffer()),
      fileName: file.name || undefined,
      format: formatOfFileName(file.name) ?? formatOfContentType(file.type),
    };
  }
  return { data: Buffer.from(await c.req.arrayBuffer()), format: formatOfContentType(contentType) };
}

function attachment(name: string): string {
  return `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
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
            'multipart/form-data': { schema: { type: 'object', properties: { file: fileSchema } } },
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
      const fileName = query.fileName ?? upload.fileName ?? 'upload';
      const format = query.format ?? upload.format ?? resolveFormat(fileName);
      const report = await importData({
        db: c.get('deps').handle.db,
        data: upload.data,
        fileName,
        format,
        type: query.type,
        dryRun: query.dryRun,
        actor,
        lang,
        blank: query.blank,
      });
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
        request: { query: PartnershipFilterSchema.extend(HeadersQuerySchema.shape) },
        responses: {
          200: { content: { [CONTENT_TYPES[format]]: { schema: fileSchema } }, description: 'The file, streamed' },
          400: errorResponses[400],
          401: errorResponses[401],
          403: errorResponses[403],
        },
      }),
      (c) => {
        const { headers, ...filter } = c.req.valid('query');
        const stream = exportPartnershipsStream({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          filter,
          format,
          headers,
        });
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
