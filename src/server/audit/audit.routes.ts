/** /api/audit: a record's history, and the export of an office's trail. There is no route that changes it. */
import { createRoute } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import { today } from '../../shared/dates.js';
import { AuditEntrySchema } from '../../shared/schemas/audit-view.js';
import { DaySchema } from '../../shared/schemas/partnership.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, jsonResponse } from '../http/openapi.js';
import { AUDIT_EXPORT_FORMATS, exportAudit, getRecordAudit } from './audit.service.js';

export function registerAuditRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/{entity}/{id}',
      tags: ['audit'],
      summary: "One record's history, newest first: who changed what, when, before → after, from which import",
      request: {
        params: z.object({
          entity: z
            .string()
            .regex(/^[a-z_]{1,40}$/)
            .describe('Record type, e.g. partnership, activity, user'),
          id: z.coerce.number().int().positive().max(2_147_483_647),
        }),
      },
      responses: {
        200: jsonResponse(z.object({ data: z.array(AuditEntrySchema) }), 'The history'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const { entity, id } = c.req.valid('param');
      return c.json(
        { data: await getRecordAudit({ db: c.get('deps').handle.db, actor: actorOf(c), entity, entityId: id }) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/export',
      tags: ['audit'],
      summary: 'The audit trail of your scope as CSV or JSON Lines (admins)',
      request: {
        query: z.object({
          format: z.enum(AUDIT_EXPORT_FORMATS).default('csv'),
          from: DaySchema.optional(),
          to: DaySchema.optional(),
          entity: z
            .string()
            .regex(/^[a-z_]{1,40}$/)
            .optional(),
        }),
      },
      responses: {
        200: {
          description: 'The trail',
          content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } },
        },
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const pages = exportAudit({ db: c.get('deps').handle.db, actor: actorOf(c), ...query });
      // The first page is read before the response starts, so a refusal is still an error status.
      const first = await pages.next();
      c.header(
        'content-type',
        query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      );
      c.header('content-disposition', `attachment; filename="amity-audit-${today()}.${query.format}"`);
      return stream(c, async (out) => {
        if (!first.done) await out.write(first.value);
        for await (const page of pages) await out.write(page);
      });
    },
  );
}
