/** /api/match: requests for partners, mutual matches, suggestions, shortlists, dismissals, policy. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  CandidateExplainSchema,
  CnQuerySchema,
  DismissalCreateSchema,
  DismissalSchema,
  MatchPolicyPutSchema,
  MatchPolicyViewSchema,
  MatchRequestCreateSchema,
  MatchRequestSchema,
  MatchRequestUpdateSchema,
  MutualMatchSchema,
  MutualQuerySchema,
  PromotedSchema,
  PromoteMatchSchema,
  RequestListQuerySchema,
  RequestStatusMoveSchema,
  ShortlistCreateSchema,
  ShortlistEntrySchema,
  ShortlistUpdateSchema,
  SuggestionsQuerySchema,
  SuggestionsSchema,
  WeightsParamSchema,
} from '../../shared/schemas/match.js';
import { DivisionCodeSchema } from '../../shared/schemas/partnership.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../http/openapi.js';
import { registerRecordRoutes } from '../http/record-routes.js';
import { getPolicy, putPolicy } from './policy.service.js';
import {
  createRequest,
  deleteRequest,
  getRequest,
  listRequests,
  moveRequestStatus,
  mutualMatches,
  promoteMatch,
  updateRequest,
} from './request.service.js';
import {
  addToShortlist,
  dismiss,
  explainCandidate,
  listDismissals,
  listShortlist,
  removeFromShortlist,
  restoreDismissed,
  suggest,
  updateShortlistNote,
} from './suggestion.service.js';

const tags = ['match'];
const denied = { 401: errorResponses[401], 403: errorResponses[403] } as const;
const writeFailures = {
  400: errorResponses[400],
  ...denied,
  404: errorResponses[404],
  409: errorResponses[409],
} as const;

export function registerMatchRoutes(app: Api): void {
  registerRecordRoutes(app, {
    path: '/api/match/requests',
    tag: 'match',
    schemas: {
      item: MatchRequestSchema,
      listQuery: RequestListQuerySchema,
      create: MatchRequestCreateSchema,
      update: MatchRequestUpdateSchema,
    },
    summaries: {
      list: 'Requests for partners kept by a scope (the actor’s by default), newest first',
      get: 'One request for partners',
      create: 'Enter a request: a Chinese division seeking partners, or a foreign place seeking a Chinese partner',
      update: 'Change a request (name the version read)',
      remove: 'Delete a request',
    },
    services: {
      list: listRequests,
      get: getRequest,
      create: createRequest,
      update: updateRequest,
      remove: deleteRequest,
    },
  });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/match/requests/{id}/status',
      tags,
      summary: 'Move a request: open → talks → matched → closed (closed reopens)',
      request: { params: IdParamSchema, ...jsonBody(RequestStatusMoveSchema) },
      responses: { 200: jsonResponse(MatchRequestSchema, 'The request now'), ...writeFailures },
    }),
    async (c) =>
      c.json(
        await moveRequestStatus({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/match/mutual',
      tags,
      summary: 'Open Chinese and foreign requests that fit each other, with why',
      request: { query: MutualQuerySchema },
      responses: { 200: jsonResponse(z.array(MutualMatchSchema), 'The matches'), 400: errorResponses[400], ...denied },
    }),
    async (c) =>
      c.json(
        await mutualMatches({ db: c.get('deps').handle.db, actor: actorOf(c), scope: c.req.valid('query').scope }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/match/mutual/promote',
      tags,
      summary: 'Move a mutual match into the life cycle: a pair at the intent stage, both requests matched',
      request: jsonBody(PromoteMatchSchema),
      responses: { 201: jsonResponse(PromotedSchema, 'The pair and the two requests'), ...writeFailures },
    }),
    async (c) =>
      c.json(await promoteMatch({ db: c.get('deps').handle.db, actor: actorOf(c), input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/match/suggestions',
      tags,
      summary: 'Candidate partners for a Chinese division, ranked, each explained in both languages',
      request: { query: SuggestionsQuerySchema },
      responses: { 200: jsonResponse(SuggestionsSchema, 'The suggestions'), 400: errorResponses[400], ...denied },
    }),
    async (c) =>
      c.json(await suggest({ db: c.get('deps').handle.db, actor: actorOf(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/match/candidates/{key}',
      tags,
      summary: 'One candidate for a division: its score and factors, every hard rule that excludes it, its rank',
      request: {
        params: z.object({
          key: z
            .string()
            .regex(/^(gn|fp):\d+$/)
            .describe('gn:<GeoNames id> or fp:<foreign place id>'),
        }),
        query: CnQuerySchema.extend({ weights: WeightsParamSchema.optional() }),
      },
      responses: {
        200: jsonResponse(CandidateExplainSchema, 'The candidate explained'),
        400: errorResponses[400],
        ...denied,
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      return c.json(
        await explainCandidate({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          cn: query.cn,
          key: c.req.valid('param').key,
          weights: query.weights,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/match/shortlist',
      tags,
      summary: 'The candidates a division keeps in view, with notes',
      request: { query: CnQuerySchema },
      responses: {
        200: jsonResponse(z.array(ShortlistEntrySchema), 'The shortlist'),
        400: errorResponses[400],
        ...denied,
      },
    }),
    async (c) =>
      c.json(await listShortlist({ db: c.get('deps').handle.db, actor: actorOf(c), cn: c.req.valid('query').cn }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/match/shortlist',
      tags,
      summary: 'Keep a candidate in view for a division, with a note',
      request: jsonBody(ShortlistCreateSchema),
      responses: { 201: jsonResponse(ShortlistEntrySchema, 'The entry'), ...writeFailures },
    }),
    async (c) =>
      c.json(await addToShortlist({ db: c.get('deps').handle.db, actor: actorOf(c), input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/match/shortlist/{id}',
      tags,
      summary: 'Change the note of a shortlist entry (name the version read)',
      request: { params: IdParamSchema, ...jsonBody(ShortlistUpdateSchema) },
      responses: { 200: jsonResponse(ShortlistEntrySchema, 'The entry'), ...writeFailures },
    }),
    async (c) =>
      c.json(
        await updateShortlistNote({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/match/shortlist/{id}',
      tags,
      summary: 'Take a candidate off the shortlist',
      request: { params: IdParamSchema },
      responses: { 204: { description: 'Removed' }, ...denied, 404: errorResponses[404] },
    }),
    async (c) => {
      await removeFromShortlist({ db: c.get('deps').handle.db, actor: actorOf(c), id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/match/dismissals',
      tags,
      summary: 'The candidates set aside for a division, with their reasons',
      request: { query: CnQuerySchema },
      responses: { 200: jsonResponse(z.array(DismissalSchema), 'The dismissals'), 400: errorResponses[400], ...denied },
    }),
    async (c) =>
      c.json(
        await listDismissals({ db: c.get('deps').handle.db, actor: actorOf(c), cn: c.req.valid('query').cn }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/match/dismissals',
      tags,
      summary: 'Set a candidate aside for a division with a reason: it is not suggested again until restored',
      request: jsonBody(DismissalCreateSchema),
      responses: { 201: jsonResponse(DismissalSchema, 'The dismissal'), ...writeFailures },
    }),
    async (c) =>
      c.json(await dismiss({ db: c.get('deps').handle.db, actor: actorOf(c), input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/match/dismissals/{id}',
      tags,
      summary: 'Restore a dismissed candidate: it is suggested again',
      request: { params: IdParamSchema },
      responses: { 204: { description: 'Restored' }, ...denied, 404: errorResponses[404] },
    }),
    async (c) => {
      await restoreDismissed({ db: c.get('deps').handle.db, actor: actorOf(c), id: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

  const ScopeParamSchema = z.object({ scope: DivisionCodeSchema.describe('A GB/T 2260 division code') });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/match/policy/{scope}',
      tags,
      summary: 'The hard rules of a scope’s suggestions: its own and those in force',
      request: { params: ScopeParamSchema },
      responses: { 200: jsonResponse(MatchPolicyViewSchema, 'The policy'), 400: errorResponses[400], ...denied },
    }),
    async (c) =>
      c.json(
        await getPolicy({ db: c.get('deps').handle.db, actor: actorOf(c), scope: c.req.valid('param').scope }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/match/policy/{scope}',
      tags,
      summary: 'Set the hard rules of a scope’s suggestions (admins); give the version read to replace them',
      request: { params: ScopeParamSchema, ...jsonBody(MatchPolicyPutSchema) },
      responses: { 200: jsonResponse(MatchPolicyViewSchema, 'The policy now'), ...writeFailures },
    }),
    async (c) =>
      c.json(
        await putPolicy({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          scope: c.req.valid('param').scope,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );
}
