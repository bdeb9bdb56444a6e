/** /api/reminders: anniversaries coming up and partnerships gone silent. */
import { createRoute } from '@hono/zod-openapi';
import { RemindersSchema } from '../../shared/schemas/reminders-view.js';
import { RemindersQuerySchema } from '../../shared/schemas/rules.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, jsonResponse } from '../http/openapi.js';
import { getReminders } from './reminders.service.js';

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
