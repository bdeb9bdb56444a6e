/** /api/rules: an office's activity rules, per scope. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { DivisionCodeSchema } from '../../shared/schemas/partnership.js';
import { OfficeRulesPutSchema } from '../../shared/schemas/rules.js';
import { RulesViewSchema } from '../../shared/schemas/rules-view.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, jsonBody, jsonResponse, VersionQuerySchema } from '../http/openapi.js';
import { deleteRules, getRules, putRules } from './rules.service.js';

const tags = ['rules'];
const denied = { 401: errorResponses[401], 403: errorResponses[403] } as const;

const ScopeParamSchema = z.object({
  scope: DivisionCodeSchema.describe('A GB/T 2260 code, or 000000 for national defaults'),
});

export function registerRulesRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/rules/{scope}',
      tags,
      summary: 'The activity rules of a scope: its own, those in force and where they come from',
      request: { params: ScopeParamSchema },
      responses: { 200: jsonResponse(RulesViewSchema, 'The rules'), 400: errorResponses[400], ...denied },
    }),
    async (c) =>
      c.json(
        await getRules({ db: c.get('deps').handle.db, actor: actorOf(c), scope: c.req.valid('param').scope }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/rules/{scope}',
      tags,
      summary: 'Set the rules of a scope (admins of it); give the version read to replace existing rules',
      request: { params: ScopeParamSchema, ...jsonBody(OfficeRulesPutSchema) },
      responses: {
        200: jsonResponse(RulesViewSchema, 'The rules now'),
        400: errorResponses[400],
        ...denied,
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await putRules({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          scope: c.req.valid('param').scope,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/rules/{scope}',
      tags,
      summary: 'Remove the rules of a scope: it follows the scopes above it again',
      request: { params: ScopeParamSchema, query: VersionQuerySchema },
      responses: {
        204: { description: 'Removed' },
        400: errorResponses[400],
        ...denied,
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      await deleteRules({
        db: c.get('deps').handle.db,
        actor: actorOf(c),
        scope: c.req.valid('param').scope,
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );
}
