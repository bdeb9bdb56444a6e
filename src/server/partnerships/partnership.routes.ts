/** /api/partnerships: thin handlers — validate, call one service function, present. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { envelopeSchema } from '../../shared/list.js';
import {
  PartnershipCreateSchema,
  PartnershipListQuerySchema,
  PartnershipUpdateSchema,
} from '../../shared/schemas/partnership.js';
import type { Api } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse, VersionQuerySchema } from '../http/openapi.js';
import {
  createPartnership,
  deletePartnership,
  getPartnership,
  listPartnerships,
  updatePartnership,
} from './partnership.service.js';

const NamesSchema = { nameZh: z.string(), nameEn: z.string() };
export const PartnershipSchema = z
  .object({
    id: z.number().int(),
    level: z.string().describe('provincial | city | county, from the Chinese side'),
    kind: z.string(),
    status: z.string(),
    cn: z.object({ code: z.string(), ...NamesSchema, level: z.string() }),
    partner: z.object({
      id: z.number().int(),
      nameZh: z.string().nullable(),
      nameEn: z.string().nullable(),
      nameLocal: z.string().nullable(),
      adminLevel: z.string().nullable(),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
      population: z.number().nullable(),
      country: z.object({ iso2: z.string(), ...NamesSchema, continent: z.string() }),
    }),
    establishedOn: z.string().nullable().describe('At its precision: YYYY, YYYY-MM or YYYY-MM-DD'),
    establishedPrecision: z.string().nullable(),
    endedOn: z.string().nullable(),
    endedReason: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    notes: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Partnership' });

const tags = ['partnerships'];

export function registerPartnershipRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/partnerships',
      tags,
      summary: 'List partnerships, filtered, searched, sorted and paginated',
      request: { query: PartnershipListQuerySchema },
      responses: { 200: jsonResponse(envelopeSchema(PartnershipSchema), 'One page'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await listPartnerships({ db: c.get('deps').handle.db, query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/partnerships/{id}',
      tags,
      summary: 'One partnership with both sides',
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(PartnershipSchema, 'The partnership'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getPartnership({ db: c.get('deps').handle.db, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/partnerships',
      tags,
      summary: 'Create a partnership (the partner place is found or created)',
      request: jsonBody(PartnershipCreateSchema),
      responses: {
        201: jsonResponse(PartnershipSchema, 'Created'),
        400: errorResponses[400],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await createPartnership({ db: c.get('deps').handle.db, input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/partnerships/{id}',
      tags,
      summary: 'Update a partnership; the body carries the version read, a stale one gets 409',
      request: { params: IdParamSchema, ...jsonBody(PartnershipUpdateSchema) },
      responses: {
        200: jsonResponse(PartnershipSchema, 'Updated'),
        400: errorResponses[400],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await updatePartnership({
          db: c.get('deps').handle.db,
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/partnerships/{id}',
      tags,
      summary: 'Delete a partnership (and its activities); ?version= must be current',
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      await deletePartnership({
        db: c.get('deps').handle.db,
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );
}
