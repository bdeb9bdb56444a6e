/**
 * What every request leaves behind: a request id (the caller's X-Request-Id when it is a sane one,
 * else a new one; sent back as X-Request-Id), one log line when it is answered — time, id, method,
 * route pattern, status, duration, actor id — and one more with the stack when it failed with a 500;
 * and the request's counts in the metrics. Never the query string, a body, a header's secret or a
 * name: the route pattern (/api/partnerships/:id) stands for the path, an actor's kind and number
 * for who asked.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import type { Actor } from '../auth/actor.js';
import type { AppEnv } from '../http/app.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const IMPORT_ROUTE = 'POST /api/imports';
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/** user:12, token:3 (of user 12), anonymous, system: an id, never a name. */
export function actorLabel(actor: Actor | null | undefined): string {
  if (!actor) return 'anonymous';
  if (actor.kind === 'token') return `token:${actor.tokenId ?? '?'}`;
  if (actor.kind === 'user') return `user:${actor.id}`;
  return actor.kind;
}

/**
 * The route pattern that answered, for logs and metric labels: a path that matched no API route is
 * "(none)", and the web app's pages, which are many, are one label.
 */
function routeOf(c: Context<AppEnv>): string {
  // After the chain, the route index is the deepest handler that ran: the one that answered.
  const route = routePath(c);
  if (!route || route === '*' || route === '/*') return c.req.path.startsWith('/api/') ? '(none)' : '(web app)';
  return route;
}

export function observeRequests({ logger, metrics }: { logger: Logger; metrics?: Metrics }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const offered = c.req.header('x-request-id');
    const requestId = offered && REQUEST_ID.test(offered) ? offered : randomUUID();
    const importing = metrics && matchedRoutes(c).some((r) => `${r.method} ${r.path}` === IMPORT_ROUTE);
    if (importing) metrics.importsRunning.inc();
    try {
      await next();
    } finally {
      if (importing) metrics.importsRunning.dec();
    }
    c.res.headers.set('X-Request-Id', requestId);
    const seconds = (performance.now() - started) / 1000;
    const route = routeOf(c);
    const status = c.res.status;
    const line = {
      reqId: requestId,
      method: c.req.method,
      route,
      status,
      ms: Math.round(seconds * 10_000) / 10,
      actor: actorLabel(c.get('actor')),
    };
    if (status >= 500 && c.error) logger.error({ ...line, err: c.error }, 'request failed');
    // A load balancer's probes come every few seconds: kept out of the log at the default level.
    if (PROBES.has(route)) logger.debug(line, 'request');
    else logger.info(line, 'request');
    if (metrics) {
      const labels = { method: c.req.method, route, status: String(status) };
      metrics.requests.inc(labels);
      metrics.duration.observe(labels, seconds);
    }
  };
}
