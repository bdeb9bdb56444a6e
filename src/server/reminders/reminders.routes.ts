/** /api/reminders: anniversaries coming up and partnerships gone silent. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { RemindersQuerySchema } from '../../shared/schemas/rules.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, jsonResponse } from '../http/openapi.js';
import { getReminders } from './reminders.service.js';

const PartnershipSchema = z.object({
  id: z.number().int(),
  cnCode: z.string(),
  cnNameZh: z.string(),
  cnNameEn: z.string(),
  countryIso2: z.string(),
  partnerNameZh: z.string().nullable(),
  partnerNameEn: z.string().nullable(),
  status: z.string(),
  establishedOn: z.string().nullable().describe('At its precision: 1998, 2013-06 or 2013-06-05'),
});

const RemindersSchema = z
  .object({
    scope: z.string(),
    asOf: z.string(),
    years: z.number().int(),
    months: z.number().int(),
    until: z.string(),
    silentBefore: z.string(),
    anniversaries: z.object({
      data: z.array(
        z.object({
          partnership: PartnershipSchema,
          n: z.number().int().describe('Which anniversary: 5, 10, 15, …'),
          major: z.boolean().describe('A multiple of 10'),
          start: z.string(),
          end: z.string(),
          label: z.string().describe('The anniversary at the precision of the signing date'),
        }),
      ),
      total: z.number().int(),
    }),
    silent: z.object({
      data: z.array(
        z.object({
          partnership: PartnershipSchema,
          lastActivityOn: z.string().nullable().describe('null: never any activity'),
        }),
      ),
      total: z.number().int(),
    }),
  })
  .meta({ id: 'Reminders' });

export function registerReminderRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reminders',
      tags: ['reminders'],
      summary: 'Anniversaries (5th, 10th, 15th…) in the coming months and partnerships with no activity for N years',
      request: { query: RemindersQuerySchema },
      responses: {
        200: jsonResponse(RemindersSchema, 'The reminders'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) =>
      c.json(await getReminders({ db: c.get('deps').handle.db, actor: actorOf(c), query: c.req.valid('query') }), 200),
  );
}
