/**
 * /api/open: the public read API and the open-data package — for anyone, signed in or not, with
 * CORS open to every origin, a rate limit per address (AMITY_OPEN_RATE_LIMIT a minute) and ETags
 * (If-None-Match answers 304) — and, for offices, the per-scope publication settings.
 */
import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { envelopeSchema } from '../../shared/list.js';
import { OpenPartnershipListQuerySchema, OpenScopePutSchema } from '../../shared/schemas/open.js';
import { OpenPartnershipSchema, OpenScopeViewSchema } from '../../shared/schemas/open-view.js';
import { DivisionCodeSchema } from '../../shared/schemas/partnership.js';
import { ANONYMOUS_READER } from '../auth/actor.js';
import { type Api, type AppDeps, type AppEnv, actorOf } from '../http/app.js';
import { clientAddress } from '../http/client.js';
import { errorResponses, jsonBody, jsonResponse, VersionQuerySchema } from '../http/openapi.js';
import { listOpenPartnerships } from './open.service.js';
import { buildOpenPackage, LICENSE_IDS, type LicenseId, writeOpenPackage, zipPackage } from './open-package.service.js';
import { deleteOpenScope, getOpenScope, putOpenScope } from './publication.service.js';

const tags = ['open data'];
const PUBLIC_PATHS = ['/api/open/partnerships', '/api/open/package.zip'];
const WINDOW_MS = 60_000;
const rateLimited = {
  ...errorResponses[429],
  description: 'Too many requests from this address: wait Retry-After seconds',
};

const ScopeParamSchema = z.object({ scope: DivisionCodeSchema.describe('A GB/T 2260 code, or 000000 for all') });
const PackageQuerySchema = z.object({
  scope: DivisionCodeSchema.default('000000').describe('A division and everything under it; 000000 for all'),
  license: z.enum(LICENSE_IDS as [LicenseId, ...LicenseId[]]).default('CC-BY-4.0'),
});

const windows = new WeakMap<AppDeps, Map<string, { start: number; count: number }>>();

type Built = { bytes: Uint8Array; name: string };
const packages = new WeakMap<AppDeps, Map<string, { at: number; built: Promise<Built> }>>();
/** How long a package built for the API is served again: the Cache-Control max-age. */
const PACKAGE_SECONDS = 60;

/**
 * A package is built at most once a minute per scope and licence in each process, and requests
 * that come while it is being built wait for that one: at 100,000 pairs a build is seconds of work.
 */
function packageOf(deps: AppDeps, key: string, build: () => Promise<Built>): Promise<Built> {
  let byKey = packages.get(deps);
  if (!byKey) {
    byKey = new Map();
    packages.set(deps, byKey);
  }
  const now = Date.now();
  const known = byKey.get(key);
  if (known && now - known.at < PACKAGE_SECONDS * 1000) return known.built;
  for (const [k, entry] of byKey) if (now - entry.at >= PACKAGE_SECONDS * 1000) byKey.delete(k);
  const built = build();
  byKey.set(key, { at: now, built });
  built.catch(() => byKey.delete(key));
  return built;
}

/** A fixed one-minute window per address, kept in this process. */
function rateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const deps = c.get('deps');
    const limit = deps.openRateLimit ?? 120;
    let byAddress = windows.get(deps);
    if (!byAddress) {
      byAddress = new Map();
      windows.set(deps, byAddress);
    }
    const now = Date.now();
    const key = clientAddress(c);
    let window = byAddress.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      window = { start: now, count: 0 };
      byAddress.set(key, window);
      if (byAddress.size > 10_000) {
        for (const [k, w] of byAddress) if (now - w.start >= WINDOW_MS) byAddress.delete(k);
      }
    }
    window.count += 1;
    c.header('X-RateLimit-Limit', String(limit));
    c.header('X-RateLimit-Remaining', String(Math.max(0, limit - window.count)));
    if (window.count > limit) {
      const wait = Math.ceil((window.start + WINDOW_MS - now) / 1000);
      c.header('Retry-After', String(wait));
      throw new AppError('rate_limited', `more than ${limit} requests a minute from this address`, {
        retryAfterSeconds: wait,
        fix: `wait ${wait} s, or download the whole package (/api/open/package.zip) once`,
      });
    }
    await next();
  };
}

export function registerOpenRoutes(app: Api): void {
  for (const path of PUBLIC_PATHS) {
    app.use(
      path,
      cors({
        origin: '*',
        allowMethods: ['GET', 'HEAD', 'OPTIONS'],
        exposeHeaders: ['ETag', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'Content-Disposition'],
        maxAge: 86_400,
      }),
    );
    app.use(path, rateLimit());
    app.use(path, etag());
    app.use(path, async (c, next) => {
      await next();
      if (c.res.status === 200) c.res.headers.set('Cache-Control', `public, max-age=${PACKAGE_SECONDS}`);
    });
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/open/partnerships',
      tags,
      summary: 'The published partnerships, with the list filters; anyone may read (CORS on, rate-limited, ETag)',
      request: { query: OpenPartnershipListQuerySchema },
      responses: {
        200: jsonResponse(envelopeSchema(OpenPartnershipSchema), 'One page of published pairs'),
        304: { description: 'Not modified since the ETag sent in If-None-Match' },
        400: errorResponses[400],
        429: rateLimited,
      },
    }),
    async (c) =>
      c.json(await listOpenPartnerships({ db: c.get('deps').handle.lagTolerant(), query: c.req.valid('query') }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/open/package.zip',
      tags,
      summary:
        'The open-data package as a zip: datapackage.json (Frictionless), CSV tables, the XLSX, dataset.jsonld (schema.org)',
      request: { query: PackageQuerySchema },
      responses: {
        200: {
          content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } },
          description: 'The zip',
        },
        304: { description: 'Not modified since the ETag sent in If-None-Match' },
        400: errorResponses[400],
        429: rateLimited,
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const deps = c.get('deps');
      const zipUrl = `${new URL(c.req.url).origin}/api/open/package.zip?scope=${query.scope}&license=${query.license}`;
      const { bytes, name } = await packageOf(deps, zipUrl, async () => {
        const pkg = await buildOpenPackage({
          db: deps.handle.lagTolerant(),
          actor: ANONYMOUS_READER,
          options: { scope: query.scope, license: query.license },
        });
        const { files, descriptor } = await writeOpenPackage(pkg, { zipUrl });
        return { bytes: zipPackage(files), name: descriptor.name };
      });
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${name}.zip"`,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/open/scopes/{scope}',
      tags,
      summary: 'Whether a scope publishes its pairs: its own setting, the one in force, and the counts',
      request: { params: ScopeParamSchema },
      responses: {
        200: jsonResponse(OpenScopeViewSchema, 'The setting'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) =>
      c.json(
        await getOpenScope({ db: c.get('deps').handle.db, actor: actorOf(c), scope: c.req.valid('param').scope }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/open/scopes/{scope}',
      tags,
      summary: 'Publish or withhold the pairs of a scope (admins of it); give the version read to change a setting',
      request: { params: ScopeParamSchema, ...jsonBody(OpenScopePutSchema) },
      responses: {
        200: jsonResponse(OpenScopeViewSchema, 'The setting now'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await putOpenScope({
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
      path: '/api/open/scopes/{scope}',
      tags,
      summary: 'Remove a scope’s own setting: its pairs follow the scopes above again',
      request: { params: ScopeParamSchema, query: VersionQuerySchema },
      responses: {
        204: { description: 'Removed' },
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      await deleteOpenScope({
        db: c.get('deps').handle.db,
        actor: actorOf(c),
        scope: c.req.valid('param').scope,
        version: c.req.valid('query').version,
      });
      return c.body(null, 204);
    },
  );
}
