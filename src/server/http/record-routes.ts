/**
 * The five routes of an editable record type — list, get, create, update (versioned), delete
 * (versioned) — declared once: partnerships, activities and benchmarks differ only in their schemas,
 * their service functions and their words. The three routes of a record that lives under a parent
 * (a programme's areas and measures, a project's outcomes) are declared once here too.
 */
import { createRoute } from '@hono/zod-openapi';
import type { z } from 'zod';
import { envelopeSchema, type ListEnvelope } from '../../shared/list.js';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { type Api, actorOf } from './app.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse, VersionQuerySchema } from './openapi.js';

type Services<Q, C, U, V> = {
  list(args: { db: Db; actor: Actor; query: Q }): Promise<ListEnvelope<V>>;
  get(args: { db: Db; actor: Actor; id: number }): Promise<V>;
  create(args: { db: Db; actor: Actor; input: C }): Promise<V>;
  update(args: { db: Db; actor: Actor; id: number; input: U }): Promise<V>;
  remove(args: { db: Db; actor: Actor; id: number; version: number }): Promise<void>;
};

export type RecordRoutes<Q, C, U, V> = {
  /** e.g. /api/activities */
  path: string;
  tag: string;
  schemas: { item: z.ZodType; listQuery: z.ZodType<Q>; create: z.ZodType<C>; update: z.ZodType<U> };
  summaries: { list: string; get: string; create: string; update: string; remove: string };
  services: Services<Q, C, U, V>;
  /** Status codes the create route can answer besides 201 and 400 (e.g. 409 for a duplicate). */
  createConflicts?: boolean;
};

const denied = { 401: errorResponses[401], 403: errorResponses[403] } as const;

// The route declarations carry the schemas; handlers read the validated values back untyped.
const valid = (c: { req: { valid(target: never): unknown } }, target: string) => c.req.valid(target as never);

export function registerRecordRoutes<Q, C, U, V>(app: Api, spec: RecordRoutes<Q, C, U, V>): void {
  const { path, schemas, summaries, services } = spec;
  const tags = [spec.tag];
  const one = `${path}/{id}`;

  app.openapi(
    createRoute({
      method: 'get',
      path,
      tags,
      summary: summaries.list,
      request: { query: schemas.listQuery as z.ZodObject },
      responses: { 200: jsonResponse(envelopeSchema(schemas.item), 'One page'), ...denied, 400: errorResponses[400] },
    }),
    async (c) =>
      c.json(
        await services.list({ db: c.get('deps').handle.db, actor: actorOf(c), query: valid(c, 'query') as Q }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: one,
      tags,
      summary: summaries.get,
      request: { params: IdParamSchema },
      responses: { 200: jsonResponse(schemas.item, 'The record'), ...denied, 404: errorResponses[404] },
    }),
    async (c) =>
      c.json(
        (await services.get({ db: c.get('deps').handle.db, actor: actorOf(c), id: c.req.valid('param').id })) as object,
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path,
      tags,
      summary: summaries.create,
      request: jsonBody(schemas.create),
      responses: {
        201: jsonResponse(schemas.item, 'Created'),
        ...denied,
        400: errorResponses[400],
        ...(spec.createConflicts ? { 409: errorResponses[409] } : {}),
      },
    }),
    async (c) =>
      c.json(
        (await services.create({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          input: valid(c, 'json') as C,
        })) as object,
        201,
      ),
  );

  registerUpdate(app, { one, tags, summary: summaries.update, schemas, update: services.update });
  registerDelete(app, {
    one,
    tags,
    summary: summaries.remove,
    remove: services.remove,
    failures: { ...denied, 404: errorResponses[404], 409: errorResponses[409] },
  });
}

type ChildServices<C, U, V> = {
  /** `parentId` is the {id} of the parent's path; each service names it after its parent. */
  create(args: { db: Db; actor: Actor; parentId: number; input: C }): Promise<V>;
  update(args: { db: Db; actor: Actor; id: number; input: U }): Promise<V>;
  remove(args: { db: Db; actor: Actor; id: number; version: number }): Promise<void>;
};

export type ChildRoutes<C, U, V> = {
  /** Where a child is created under its parent, e.g. /api/programmes/{id}/areas */
  parentPath: string;
  /** The child's own path, updated and deleted at `${path}/{id}`, e.g. /api/programme-areas */
  path: string;
  tag: string;
  schemas: { item: z.ZodType; create: z.ZodType<C>; update: z.ZodType<U> };
  summaries: { create: string; update: string; remove: string };
  services: ChildServices<C, U, V>;
  /** Whether the create route can answer 409 (e.g. a duplicate code under the same parent). */
  createConflicts?: boolean;
};

/**
 * Create under a parent (201), versioned update (200) and versioned delete (204) of one child type.
 * Every one of them can answer 400, 401, 403 and 404 (the parent or the child is missing); update and
 * delete also 409 for a stale version.
 */
export function registerChildRoutes<C, U, V>(app: Api, spec: ChildRoutes<C, U, V>): void {
  const { schemas, summaries, services } = spec;
  const tags = [spec.tag];
  const one = `${spec.path}/{id}`;
  const failed = { 400: errorResponses[400], ...denied, 404: errorResponses[404] } as const;
  const changed = { ...failed, 409: errorResponses[409] } as const;

  app.openapi(
    createRoute({
      method: 'post',
      path: spec.parentPath,
      tags,
      summary: summaries.create,
      request: { params: IdParamSchema, ...jsonBody(schemas.create) },
      responses: {
        201: jsonResponse(schemas.item, 'Created'),
        ...(spec.createConflicts ? changed : failed),
      },
    }),
    async (c) =>
      c.json(
        (await services.create({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          parentId: c.req.valid('param').id,
          input: valid(c, 'json') as C,
        })) as object,
        201,
      ),
  );

  registerUpdate(app, { one, tags, summary: summaries.update, schemas, update: services.update });
  registerDelete(app, { one, tags, summary: summaries.remove, remove: services.remove, failures: changed });
}

/** PATCH `one` (…/{id}): a versioned update; a stale version gets 409. */
function registerUpdate<U, V>(
  app: Api,
  route: {
    one: string;
    tags: string[];
    summary: string;
    schemas: { item: z.ZodType; update: z.ZodType<U> };
    update: Services<never, never, U, V>['update'];
  },
): void {
  const { schemas, update } = route;
  app.openapi(
    createRoute({
      method: 'patch',
      path: route.one,
      tags: route.tags,
      summary: route.summary,
      request: { params: IdParamSchema, ...jsonBody(schemas.update) },
      responses: {
        200: jsonResponse(schemas.item, 'Updated'),
        ...denied,
        400: errorResponses[400],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        (await update({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          id: c.req.valid('param').id,
          input: valid(c, 'json') as U,
        })) as object,
        200,
      ),
  );
}

/**
 * DELETE `one` (…/{id}?version=). The caller gives the error answers: the child routes list 400 there
 * and the top-level records do not, and each keeps what it published.
 */
function registerDelete(
  app: Api,
  route: {
    one: string;
    tags: string[];
    summary: string;
    remove: Services<never, never, never, never>['remove'];
    failures: Partial<typeof errorResponses>;
  },
): void {
  const { remove } = route;
  app.openapi(
    createRoute({
      method: 'delete',
      path: route.one,
      tags: route.tags,
      summary: route.summary,
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: { 204: { description: 'Deleted' }, ...route.failures },
    }),
    async (c) => {
      await remove({
        db: c.get('deps').handle.db,
        actor: actorOf(c),
        id: c.req.valid('param').id,
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );
}
