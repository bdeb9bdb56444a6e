/**
 * /api/reports/annual.{docx,pdf,html,md}: the annual work report of a scope as of a date, as a
 * file. HTML is served inline (the web app's preview); the other formats as attachments.
 */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { REPORT_FORMATS, ReportQuerySchema } from '../../shared/schemas/report.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses } from '../http/openapi.js';
import { CONTENT_TYPES, generateReport } from './report.service.js';

const fileSchema = { type: 'string', format: 'binary' } as const;

const QuerySchema = ReportQuerySchema.omit({ format: true }).extend({
  download: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: send HTML as an attachment too (it is shown inline by default)'),
});

function disposition(kind: 'inline' | 'attachment', name: string): string {
  return `${kind}; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function registerReportRoutes(app: Api): void {
  for (const format of REPORT_FORMATS) {
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/reports/annual.${format}`,
        tags: ['reports'],
        summary: `The annual work report of a scope as of a date, as ${format.toUpperCase()}; every figure computed from the records`,
        request: { query: QuerySchema },
        responses: {
          200: { content: { [CONTENT_TYPES[format]]: { schema: fileSchema } }, description: 'The report' },
          400: errorResponses[400],
          401: errorResponses[401],
          403: errorResponses[403],
          404: errorResponses[404],
          503: {
            ...errorResponses[503],
            description: 'The database is unavailable, or (PDF) headless Chromium is not installed on the server',
          },
        },
      }),
      async (c) => {
        const { download, ...query } = c.req.valid('query');
        const report = await generateReport({
          db: c.get('deps').handle.lagTolerant(),
          actor: actorOf(c),
          query: { ...query, format },
        });
        const inline = format === 'html' && download !== 'true';
        return c.body(new Uint8Array(report.body), 200, {
          'content-type': report.contentType,
          'content-disposition': disposition(inline ? 'inline' : 'attachment', report.fileName),
          'cache-control': 'no-store',
        });
      },
    );
  }
}
