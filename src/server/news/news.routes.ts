/** /api/news/check: read a published report and reconcile its figures with the registry. */
import { createRoute } from '@hono/zod-openapi';
import { NewsCheckResultSchema, NewsCheckSchema } from '../../shared/schemas/news.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, jsonBody, jsonResponse } from '../http/openapi.js';
import { checkNews } from './news.service.js';

export function registerNewsRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/news/check',
      tags: ['news'],
      summary: 'Read a report: its figures and signings, checked and reconciled with the registry; writes nothing',
      request: jsonBody(NewsCheckSchema, 'The report as text, or a .txt/.html/.docx file in base64'),
      responses: {
        200: jsonResponse(NewsCheckResultSchema, 'What the report states and how it compares'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) =>
      c.json(await checkNews({ db: c.get('deps').handle.db, actor: actorOf(c), input: c.req.valid('json') }), 200),
  );
}
