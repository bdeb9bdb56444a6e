/**
 * The HTTP application: one JSON API under /api with its OpenAPI document, every error in the one
 * error shape. Features register their routes here; routes stay thin (validate → service → present).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../shared/enums.js';
import { AppError, validationFailed } from '../../shared/errors.js';
import type { Actor } from '../auth/actor.js';
import type { DbHandle } from '../db/client.js';
import { type Logger, silentLogger } from '../ops/logger.js';
import type { Metrics } from '../ops/metrics.js';
import { observeRequests } from '../ops/observe.js';
import { errorResponse, issuesFromZod } from './errors.js';

export type AppDeps = {
  handle: DbHandle;
  /** The deployment's own scope (AMITY_HOME_SCOPE), checked at start-up; the web app opens on it. */
  homeScope?: string;
  /**
   * Who is asking: the session cookie or the API token of the request, resolved by the auth module
   * (see auth/auth.middleware.ts); tests of other features may pass a fixed actor instead.
   */
  resolveActor?: (c: Context<AppEnv>) => Promise<Actor | null>;
  /** AMITY_PUBLIC_READ=1: visitors who are not signed in read the registry (never contacts or the audit trail). */
  publicRead?: boolean;
  /** `amity demo`: the demo administrator a local browser may be signed in as. */
  demoUsername?: string;
  /** Secure cookies; unset: when the request came over https (see http/client.ts). */
  secureCookies?: boolean;
  /** AMITY_TRUST_PROXY=1: X-Forwarded-For and X-Forwarded-Proto are the deployment's proxy's (http/client.ts). */
  trustProxy?: boolean;
  /** The request log (ops/logger.ts); unset: nothing is logged. */
  logger?: Logger;
  /** AMITY_METRICS=1: the metrics GET /metrics serves; unset: it answers 404. */
  metrics?: Metrics;
  /** The file of the deployment's own base map (dist/web/basemap.geojson); unset: none is served. */
  baseMapFile?: string;
  /** Set by the server while it shuts down: GET /readyz answers 503 from then on. */
  shutdown?: { draining: boolean };
  /** AMITY_OPEN_RATE_LIMIT: requests a minute per address on the public open-data routes (default 120). */
  openRateLimit?: number;
};
export type AppEnv = {
  Variables: {
    deps: AppDeps;
    actor: Actor | null;
    /** Of the session in use, for /api/auth/me. */
    csrfToken?: string;
    sessionExpiresAt?: Date;
  };
};
export type Api = OpenAPIHono<AppEnv>;

export type RouteModule = (app: Api) => void;

/** Routes anyone may call, signed in or not: their inputs are no secret. */
const OPEN_ROUTES = new Set([
  '/api/config',
  '/api/openapi.json',
  '/api/auth/login',
  '/api/auth/demo-sign-in',
  '/api/auth/logout',
]);
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The open-data routes anyone may read (the publication settings under /api/open/scopes are not among them). */
export function isOpenDataRoute(path: string): boolean {
  return path === '/api/open/partnerships' || path === '/api/open/package.zip';
}

/**
 * Whether a caller must sign in before this request is answered: nobody signed in, or an anonymous
 * reader (AMITY_PUBLIC_READ=1) asking to change something. Such a caller gets 401 before its input
 * is checked, so that it learns nothing about what the API accepts.
 */
function mustSignInFirst(c: Context<AppEnv>): boolean {
  if (OPEN_ROUTES.has(c.req.path) || isOpenDataRoute(c.req.path)) return false;
  const actor = c.get('actor');
  if (!actor) return true;
  return actor.kind === 'anonymous' && !READ_METHODS.has(c.req.method);
}

/** Half of a UTF-16 surrogate pair, without its other half. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The path of the first text (value or key) of a JSON value holding a lone surrogate; null when none does. */
export function illFormedTextPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path || '(body)' : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = illFormedTextPath(item, path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (LONE_SURROGATE.test(key)) return at;
      const found = illFormedTextPath(item, at);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * A JSON "\ud800" without its partner parses into a string that is no text: stored, it would turn
 * into U+FFFD or make the audit trail's JSON refuse the change. Refused at the door with the field
 * that holds it (after the sign-in check, so an anonymous caller still learns nothing). Import
 * files are not JSON requests: the importer reads their bytes as UTF-8, which has no such halves.
 */
const refuseIllFormedText: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (READ_METHODS.has(c.req.method) || !c.req.header('content-type')?.includes('application/json')) return next();
  if (c.req.path.startsWith('/api/imports') || mustSignInFirst(c)) return next();
  // A body that is no JSON at all is the route's to refuse, with its own message.
  const body: unknown = await c.req.json().catch(() => undefined);
  const path = illFormedTextPath(body);
  if (path === null) return next();
  return errorResponse(
    c,
    validationFailed([
      {
        path,
        rule: 'ill_formed_text',
        message: 'the text holds half of a UTF-16 surrogate pair (such as \\ud800 alone), which is no character',
        fix: 'send the text as it was written: both halves of the pair, or the character itself',
      },
    ]),
  );
};

/** Creates the API router; zod failures become 400 with each field's path (401 first for a caller who must sign in). */
export function createApi(): Api {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        if (mustSignInFirst(c)) return errorResponse(c, signInFirst());
        const where = (result as { target?: string }).target;
        return errorResponse(c, validationFailed(issuesFromZod(result.error, where === 'query' ? '' : '')));
      }
    },
  });
}

const API_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'Amity API',
    version: '1',
    description: 'Registry, figures and reports of international friendship-city partnerships.',
  },
};

/**
 * The OpenAPI document of these route modules, as GET /api/openapi.json serves it; written without
 * a database, for docs/openapi.json (scripts/write-openapi.ts) and the test that compares the two.
 */
export function openApiDocument(modules: readonly RouteModule[]): unknown {
  const app = createApi();
  for (const register of modules) register(app);
  return app.getOpenAPI31Document(API_DOCUMENT);
}

export function createApp(deps: AppDeps, modules: readonly RouteModule[]): Api {
  const app = createApi();
  app.use('*', observeRequests({ logger: deps.logger ?? silentLogger, metrics: deps.metrics }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const signed = c.req.path.startsWith('/api/') || c.req.path === '/metrics';
    c.set('actor', deps.resolveActor && signed ? await deps.resolveActor(c) : null);
    await next();
  });
  const limitBody = bodyLimit({
    maxSize: LIMITS.importBytesMax,
    onError: (c) => errorResponse(c, new AppError('payload_too_large', 'request body too large')),
  });
  // Only where a body may come: looking for one on a GET makes @hono/node-server build the whole
  // Fetch Request of the Node request (headers, abort signal, stream), 4 % of a busy server's time.
  app.use('/api/*', (c, next) => (READ_METHODS.has(c.req.method) ? next() : limitBody(c, next)));
  app.use('/api/*', refuseIllFormedText);
  for (const register of modules) register(app);
  app.doc31('/api/openapi.json', API_DOCUMENT);
  app.notFound((c) => errorResponse(c, new AppError('not_found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

/** The actor of a request; 401 when nobody is signed in (and the deployment is not open to read). */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw signInFirst();
  return actor;
}

function signInFirst(): AppError {
  return new AppError('unauthenticated', 'sign in first', {
    fix: 'sign in, or send an API token as Authorization: Bearer <token>',
  });
}
