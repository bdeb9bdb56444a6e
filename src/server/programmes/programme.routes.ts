/** /api/programmes, /api/programme-areas, /api/measures: thin handlers that pass the actor on. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
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

const programmeShape = {
  id: z.number().int(),
  code: z.string(),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  cnCode: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  description: z.string().nullable(),
  sources: z.array(z.string()),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
const ProgrammeSchema = z.object(programmeShape).meta({ id: 'Programme' });

const AreaSchema = z
  .object({
    id: z.number().int(),
    programmeId: z.number().int(),
    code: z.string(),
    nameZh: z.string().nullable(),
    nameEn: z.string().nullable(),
    position: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'ProgrammeArea' });

const MeasureSchema = z
  .object({
    id: z.number().int(),
    programmeId: z.number().int(),
    areaId: z.number().int(),
    code: z.string(),
    textZh: z.string().nullable(),
    textEn: z.string().nullable(),
    owner: z.string().nullable(),
    status: z.string().describe('not_started | in_progress | done | stalled'),
    progress: z.number().int(),
    notes: z.string().nullable(),
    activityIds: z.array(z.number().int()),
    projectIds: z.array(z.number().int()),
    isDemo: z.boolean().describe('Illustrative text, not from a source'),
    version: z.number().int(),
  })
  .meta({ id: 'ProgrammeMeasure' });

const ProgrammeDetailSchema = z
  .object({
    ...programmeShape,
    cn: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    areas: z.array(AreaSchema.extend({ measures: z.array(MeasureSchema) })),
  })
  .meta({ id: 'ProgrammeDetail' });

const EvidenceSchema = z
  .object({
    programmeId: z.number().int(),
    measures: z.number().int(),
    withEvidence: z.number().int(),
    areasWithout: z.array(z.string()).describe('Codes of the areas none of whose measures has evidence'),
    areas: z.array(
      z.object({
        areaId: z.number().int(),
        code: z.string(),
        nameZh: z.string().nullable(),
        nameEn: z.string().nullable(),
        measures: z.number().int(),
        withEvidence: z.number().int(),
        withActivities: z.number().int(),
        withProjects: z.number().int(),
        progress: z.number().nullable(),
        without: z.array(
          z.object({
            id: z.number().int(),
            code: z.string(),
            textZh: z.string().nullable(),
            textEn: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ProgrammeEvidence' });

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
      responses: { 200: jsonResponse(EvidenceSchema, 'The evidence'), 404: errorResponses[404], ...read },
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
