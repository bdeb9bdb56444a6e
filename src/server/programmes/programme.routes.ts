/** /api/programmes, /api/programme-areas, /api/measures: thin handlers that pass the actor on. */
import { createRoute } from '@hono/zod-openapi';
import { envelopeSchema } from '../../shared/list.js';
import {
  AreaInputSchema,
  AreaUpdateSchema,
  MeasureCreateSchema,
  MeasureUpdateSchema,
  ProgrammeCreateSchema,
  ProgrammeListQuerySchema,
  ProgrammeUpdateSchema,
} from '../../shared/schemas/programme.js';
import {
  AreaSchema,
  MeasureSchema,
  ProgrammeDetailSchema,
  ProgrammeEvidenceSchema,
  ProgrammeSchema,
} from '../../shared/schemas/programme-view.js';
import type { Db } from '../db/client.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse, VersionQuerySchema } from '../http/openapi.js';
import { registerChildRoutes } from '../http/record-routes.js';
import { createArea, deleteArea, updateArea } from './area.service.js';
import { createMeasure, deleteMeasure, updateMeasure } from './measure.service.js';
import {
  createProgramme,
  deleteProgramme,
  getProgramme,
  getProgrammeEvidence,
  listProgrammes,
  updateProgramme,
} from './programme.service.js';

const tags = ['programmes'];

const read = { 401: errorResponses[401], 403: errorResponses[403] };
const write = { 400: errorResponses[400], 401: errorResponses[401], 403: errorResponses[403] };
const changed = { ...write, 404: errorResponses[404], 409: errorResponses[409] };
const dbOf = (c: { get(key: 'deps'): { handle: { db: Db } } }) => c.get('deps').handle.db;

export function registerProgrammeRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/programmes',
      tags,
      summary: 'List the programmes of a scope',
      request: { query: ProgrammeListQuerySchema },
      responses: { 200: jsonResponse(envelopeSchema(ProgrammeSchema), 'One page'), 400: errorResponses[400], ...read },
    }),
    async (c) => c.json(await listProgrammes({ db: dbOf(c), actor: actorOf(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/programmes/{id}',
      tags,
      summary: 'One programme with its areas, their measures and what carries each out',
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(ProgrammeDetailSchema, 'The programme'), 404: errorResponses[404], ...read },
    }),
    async (c) => c.json(await getProgramme({ db: dbOf(c), actor: actorOf(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/programmes/{id}/evidence',
      tags,
      summary: 'Which areas and measures have linked activities or projects, and which have none',
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(ProgrammeEvidenceSchema, 'The evidence'), 404: errorResponses[404], ...read },
    }),
    async (c) =>
      c.json(await getProgrammeEvidence({ db: dbOf(c), actor: actorOf(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/programmes',
      tags,
      summary: 'Create a programme with its areas',
      request: jsonBody(ProgrammeCreateSchema),
      responses: { 201: jsonResponse(ProgrammeDetailSchema, 'Created'), ...write, 409: errorResponses[409] },
    }),
    async (c) => c.json(await createProgramme({ db: dbOf(c), actor: actorOf(c), input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/programmes/{id}',
      tags,
      summary: 'Update a programme; a stale version gets 409',
      request: { params: IdParamSchema, ...jsonBody(ProgrammeUpdateSchema) },
      responses: { 200: jsonResponse(ProgrammeDetailSchema, 'Updated'), ...changed },
    }),
    async (c) =>
      c.json(
        await updateProgramme({
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
      path: '/api/programmes/{id}',
      tags,
      summary: 'Delete a programme with its areas and measures; ?version= must be current',
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: { 204: { description: 'Deleted' }, ...changed },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await deleteProgramme({ db: dbOf(c), actor: actorOf(c), id, version: c.req.valid('query').version });
      return c.body(null, 204);
    },
  );

  registerChildRoutes(app, {
    parentPath: '/api/programmes/{id}/areas',
    path: '/api/programme-areas',
    tag: 'programmes',
    schemas: { item: AreaSchema, create: AreaInputSchema, update: AreaUpdateSchema },
    summaries: {
      create: 'Add an area to a programme',
      update: 'Rename or reorder an area; a stale version gets 409',
      remove: 'Delete an area without measures; ?version= must be current',
    },
    services: {
      create: ({ parentId, ...rest }) => createArea({ ...rest, programmeId: parentId }),
      update: updateArea,
      remove: deleteArea,
    },
    createConflicts: true,
  });

  registerChildRoutes(app, {
    parentPath: '/api/programmes/{id}/measures',
    path: '/api/measures',
    tag: 'programmes',
    schemas: { item: MeasureSchema, create: MeasureCreateSchema, update: MeasureUpdateSchema },
    summaries: {
      create: 'Add a measure to an area of a programme, with the activities and projects that carry it out',
      update: 'Update a measure (status, progress, owner, links); a stale version gets 409',
      remove: 'Delete a measure; ?version= must be current',
    },
    services: {
      create: ({ parentId, ...rest }) => createMeasure({ ...rest, programmeId: parentId }),
      update: updateMeasure,
      remove: deleteMeasure,
    },
    createConflicts: true,
  });
}
