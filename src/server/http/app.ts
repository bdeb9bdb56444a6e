/**
 * The HTTP application: one JSON API under /api with its OpenAPI document, every error in the one
 * error shape. Features register their routes here; routes stay thin (validate → service → present).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../shared/enums.js';
import { AppError, validationFailed } from '../../shared/errors.js';
import type { DbHandle } from '../db/client.js';
import { errorResponse, issuesFromZod } from './errors.js';

export type AppDeps = {
  handle: DbHandle;
  /** The deployment's own scope (AMITY_HOME_SCOPE), checked at start-up; the web app opens on it. */
  homeScope?: string;
};
export type AppEnv = { Variables: { deps: AppDeps } };
export type Api = OpenAPIHono<AppEnv>;

export type RouteModule = (app: Api) => void;

/** Creates the API router; zod failures become 400 with each field's path. */
export function createApi(): Api {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = (result as { target?: string }).target;
        return errorResponse(c, validationFailed(issuesFromZod(result.error, where === 'query' ? '' : '')));
      }
    },
  });
}

export function createApp(deps: AppDeps, modules: readonly RouteModule[]): Api {
  const app = createApi();
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: LIMITS.importBytesMax,
      onError: (c) => errorResponse(c, new AppError('payload_too_large', 'request body too large')),
    }),
  );
  for (const register of modules) register(app);
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Amity API',
      version: '1',
      description: 'Registry, figures and reports of international friendship-city partnerships.',
    },
  });
  app.notFound((c) => errorResponse(c, new AppError('not_found', `no route ${c.req.method} ${c.req.path}`)));
  app.onError((error, c) => errorResponse(c, error));
  return app;
}
