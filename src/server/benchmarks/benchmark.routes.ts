/** /api/benchmarks */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { envelopeSchema } from '../../shared/list.js';
import {
  BenchmarkCreateSchema,
  BenchmarkListQuerySchema,
  BenchmarkUpdateSchema,
} from '../../shared/schemas/benchmark.js';
import type { Api } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse, VersionQuerySchema } from '../http/openapi.js';
import {
  createBenchmark,
  deleteBenchmark,
  getBenchmark,
  listBenchmarks,
  updateBenchmark,
} from './benchmark.service.js';

const count = z.number().int().nullable();
const BenchmarkSchema = z
  .object({
    id: z.number().int(),
    scope: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() }),
    kind: z.string(),
    total: z.number().int(),
    provincial: count,
    city: count,
    county: count,
    countries: count,
    asOf: z.string().describe('At its precision'),
    asOfPrecision: z.string(),
    source: z.string(),
    sourceUrl: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Benchmark' });

const tags = ['benchmarks'];

export function registerBenchmarkRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/benchmarks',
      tags,
      summary: 'Sourced figures about provinces and the nation',
      request: { query: BenchmarkListQuerySchema },
      responses: { 200: jsonResponse(envelopeSchema(BenchmarkSchema), 'One page'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await listBenchmarks({ db: c.get('deps').handle.db, query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/benchmarks/{id}',
      tags,
      summary: 'One benchmark',
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(BenchmarkSchema, 'The benchmark'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await getBenchmark({ db: c.get('deps').handle.db, id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/benchmarks',
      tags,
      summary: 'Record a published figure with its source',
      request: jsonBody(BenchmarkCreateSchema),
      responses: { 201: jsonResponse(BenchmarkSchema, 'Created'), 400: errorResponses[400], 409: errorResponses[409] },
    }),
    async (c) => c.json(await createBenchmark({ db: c.get('deps').handle.db, input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/benchmarks/{id}',
      tags,
      summary: 'Correct a benchmark; a stale version gets 409',
      request: { params: IdParamSchema, ...jsonBody(BenchmarkUpdateSchema) },
      responses: {
        200: jsonResponse(BenchmarkSchema, 'Updated'),
        400: errorResponses[400],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await updateBenchmark({ db: c.get('deps').handle.db, id: c.req.valid('param').id, input: c.req.valid('json') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/benchmarks/{id}',
      tags,
      summary: 'Delete a benchmark; ?version= must be current',
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: { 204: { description: 'Deleted' }, 404: errorResponses[404], 409: errorResponses[409] },
    }),
    async (c) => {
      await deleteBenchmark({
        db: c.get('deps').handle.db,
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );
}
