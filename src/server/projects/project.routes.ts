/** /api/projects and /api/outcomes: thin handlers — validate, pass the actor to one service function. */

import { createRoute } from '@hono/zod-openapi';
import { envelopeSchema } from '../../shared/list.js';
import {
  OutcomeCreateSchema,
  OutcomeTotalsQuerySchema,
  OutcomeUpdateSchema,
  ProjectCreateSchema,
  ProjectListQuerySchema,
  ProjectUpdateSchema,
} from '../../shared/schemas/project.js';
import {
  OutcomeSchema,
  OutcomeTotalsSchema,
  ProjectDetailSchema,
  ProjectSchema,
} from '../../shared/schemas/project-view.js';
import type { Db } from '../db/client.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse, VersionQuerySchema } from '../http/openapi.js';
import { registerChildRoutes } from '../http/record-routes.js';
import { createOutcome, deleteOutcome, updateOutcome } from './outcome.service.js';
import { sumOutcomes } from './outcome-totals.js';
import { createProject, deleteProject, getProject, listProjects, updateProject } from './project.service.js';

const tags = ['projects'];

const read = { 401: errorResponses[401], 403: errorResponses[403] };
const write = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };
const dbOf = (c: { get(key: 'deps'): { handle: { db: Db } } }) => c.get('deps').handle.db;

export function registerProjectRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/projects',
      tags,
      summary: 'List projects of a scope, filtered by field, status, SDG, country, partnership or measure',
      request: { query: ProjectListQuerySchema },
      responses: { 200: jsonResponse(envelopeSchema(ProjectSchema), 'One page'), 400: errorResponses[400], ...read },
    }),
    async (c) => c.json(await listProjects({ db: dbOf(c), actor: actorOf(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/projects/outcome-totals',
      tags,
      summary: 'Outcome totals of a scope as of a day, by field, by SDG and by unit',
      request: { query: OutcomeTotalsQuerySchema },
      responses: { 200: jsonResponse(OutcomeTotalsSchema, 'The totals'), 400: errorResponses[400], ...read },
    }),
    async (c) => c.json(await sumOutcomes({ db: dbOf(c), actor: actorOf(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/projects/{id}',
      tags,
      summary: 'One project with its outcomes, partnerships and programme measures',
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(ProjectDetailSchema, 'The project'), 404: errorResponses[404], ...read },
    }),
    async (c) => c.json(await getProject({ db: dbOf(c), actor: actorOf(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/projects',
      tags,
      summary: 'Create a project (countries default to those of its partnerships)',
      request: jsonBody(ProjectCreateSchema),
      responses: { 201: jsonResponse(ProjectSchema, 'Created'), ...write },
    }),
    async (c) => c.json(await createProject({ db: dbOf(c), actor: actorOf(c), input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/projects/{id}',
      tags,
      summary: 'Update a project; a stale version gets 409',
      request: { params: IdParamSchema, ...jsonBody(ProjectUpdateSchema) },
      responses: {
        200: jsonResponse(ProjectSchema, 'Updated'),
        ...write,
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await updateProject({
          db: dbOf(c),
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
      path: '/api/projects/{id}',
      tags,
      summary: 'Delete a project and its outcomes; ?version= must be current',
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: {
        204: { description: 'Deleted' },
        ...write,
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      await deleteProject({
        db: dbOf(c),
        actor: actorOf(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );

  registerChildRoutes(app, {
    parentPath: '/api/projects/{id}/outcomes',
    path: '/api/outcomes',
    tag: 'projects',
    schemas: { item: OutcomeSchema, create: OutcomeCreateSchema, update: OutcomeUpdateSchema },
    summaries: {
      create: 'Record an outcome of a project: a value in a unit, as of a date, with its evidence',
      update: 'Update an outcome; a stale version gets 409',
      remove: 'Delete an outcome; ?version= must be current',
    },
    services: {
      create: ({ parentId, ...rest }) => createOutcome({ ...rest, projectId: parentId }),
      update: updateOutcome,
      remove: deleteOutcome,
    },
  });
}
