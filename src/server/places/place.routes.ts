/** /api/countries, /api/divisions, /api/places, /api/groups: the reference data and foreign places. */

import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { envelopeSchema } from '../../shared/list.js';
import {
  DivisionListQuerySchema,
  ForeignPlaceListQuerySchema,
  ForeignPlaceUpdateSchema,
} from '../../shared/schemas/place.js';
import {
  CountryGroupSchema,
  CountrySchema,
  DivisionSchema,
  ForeignPlaceSchema,
} from '../../shared/schemas/place-view.js';
import { type Api, actorOf } from '../http/app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../http/openapi.js';
import { updateForeignPlace } from '../partnerships/partner-place.service.js';
import { presentForeignPlace } from './place.presenter.js';
import { listCountries, listDivisions, listForeignPlaces, listGroups, readForeignPlace } from './place.service.js';

const tags = ['places'];

export function registerPlaceRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/countries',
      tags,
      summary: 'Every foreign country (ISO 3166), with Chinese and English names and continent',
      responses: {
        200: jsonResponse(z.object({ data: z.array(CountrySchema) }), 'All countries'),
        401: errorResponses[401],
      },
    }),
    (c) => c.json({ data: listCountries(actorOf(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/divisions',
      tags,
      summary: 'Chinese administrative divisions (GB/T 2260), searchable by Chinese, English or pinyin',
      request: { query: DivisionListQuerySchema },
      responses: { 200: jsonResponse(envelopeSchema(DivisionSchema), 'One page'), 400: errorResponses[400] },
    }),
    async (c) =>
      c.json(await listDivisions({ db: c.get('deps').handle.db, actor: actorOf(c), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/places',
      tags,
      summary: 'Foreign places that are, or were, partners',
      request: { query: ForeignPlaceListQuerySchema },
      responses: { 200: jsonResponse(envelopeSchema(ForeignPlaceSchema), 'One page'), 400: errorResponses[400] },
    }),
    async (c) =>
      c.json(
        await listForeignPlaces({ db: c.get('deps').handle.db, actor: actorOf(c), query: c.req.valid('query') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/places/{id}',
      tags,
      summary: 'One foreign place',
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(ForeignPlaceSchema, 'The place'), 404: errorResponses[404] },
    }),
    async (c) =>
      c.json(
        presentForeignPlace(
          await readForeignPlace({ db: c.get('deps').handle.db, actor: actorOf(c), id: c.req.valid('param').id }),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/places/{id}',
      tags,
      summary: 'Correct a foreign place: names, level, coordinates, population',
      request: { params: IdParamSchema, ...jsonBody(ForeignPlaceUpdateSchema) },
      responses: {
        200: jsonResponse(ForeignPlaceSchema, 'Updated'),
        400: errorResponses[400],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await updateForeignPlace({
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
      path: '/api/groups',
      tags,
      summary: 'Country groups (e.g. bri: Belt and Road countries along the route) with their members',
      responses: { 200: jsonResponse(z.object({ data: z.array(CountryGroupSchema) }), 'All groups') },
    }),
    async (c) => c.json({ data: await listGroups({ db: c.get('deps').handle.db, actor: actorOf(c) }) }, 200),
  );
}
