/** /api/figures: the figures of a scope as of a date, and the records behind each figure. */
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { envelopeSchema } from '../../shared/list.js';
import {
  FigureRecordSchema,
  FigureRecordsQuerySchema,
  FiguresQuerySchema,
  FiguresSchema,
  RankRecordSchema,
} from '../../shared/schemas/figures.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, jsonResponse } from '../http/openapi.js';
import { getFigures, listFigureRecords } from './figure.service.js';

const tags = ['figures'];

export function registerFigureRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/figures',
      tags,
      summary: 'Totals, levels, countries, continents, groups, pace and rank of a scope as of a date',
      request: { query: FiguresQuerySchema },
      responses: {
        200: jsonResponse(FiguresSchema, 'The figures'),
        400: errorResponses[400],
        404: errorResponses[404],
      },
    }),
    async (c) =>
      c.json(
        await getFigures({ db: c.get('deps').handle.lagTolerant(), actor: actorOf(c), query: c.req.valid('query') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/figures/records',
      tags,
      summary: 'The records behind one figure: the partnerships counted, or for rank the provinces compared',
      request: { query: FigureRecordsQuerySchema },
      responses: {
        200: jsonResponse(envelopeSchema(z.union([FigureRecordSchema, RankRecordSchema])), 'One page'),
        400: errorResponses[400],
        404: errorResponses[404],
      },
    }),
    async (c) =>
      c.json(
        await listFigureRecords({
          db: c.get('deps').handle.lagTolerant(),
          actor: actorOf(c),
          query: c.req.valid('query'),
        }),
        200,
      ),
  );
}
