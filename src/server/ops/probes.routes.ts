/**
 * What a load balancer and a monitoring system ask a server process: GET /healthz (the process is
 * up), GET /readyz (the database answers and holds every migration this build ships; 503 otherwise,
 * and while the process is shutting down), GET /metrics (Prometheus text, when AMITY_METRICS=1; only
 * from the same host or with an admin's session or token).
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { HealthSchema, ReadySchema, type ReadyView } from '../../shared/schemas/probes-view.js';
import { readMigrationState } from '../db/migration-state.js';
import type { Api, AppEnv } from '../http/app.js';
import { clientAddressOf, isLoopback } from '../http/client.js';
import { errorResponses, jsonResponse } from '../http/openapi.js';

const READY_TIMEOUT_MS = 2000;

/** From this host: an in-process request (no socket) is not, nor a visitor behind a trusted proxy. */
function isFromLoopback(c: Context<AppEnv>): boolean {
  return isLoopback(clientAddressOf(c));
}

async function checkReadiness(c: Context<AppEnv>): Promise<ReadyView> {
  const { handle, shutdown } = c.get('deps');
  const database = handle.driver;
  if (shutdown?.draining) return { status: 'not_ready', database, migrations: null, reason: 'shutting down' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
  });
  try {
    const state = await Promise.race([readMigrationState(handle.db), timeout]);
    if (!state.current) {
      return { status: 'not_ready', database, migrations: state.applied, reason: 'migrations pending' };
    }
    return { status: 'ready', database, migrations: state.applied };
  } catch (error) {
    return { status: 'not_ready', database, migrations: null, reason: `database: ${(error as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}

export function registerProbeRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['operations'],
      summary: 'Liveness: the process is up and answering',
      responses: { 200: jsonResponse(HealthSchema, 'Up') },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/readyz',
      tags: ['operations'],
      summary: 'Readiness: the database answers and holds every migration of this build',
      responses: {
        200: jsonResponse(ReadySchema, 'Ready for requests'),
        503: jsonResponse(
          ReadySchema,
          'Not ready: the database did not answer, migrations are pending, or shutting down',
        ),
      },
    }),
    async (c) => {
      const readiness = await checkReadiness(c);
      return readiness.status === 'ready' ? c.json(readiness, 200) : c.json(readiness, 503);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/metrics',
      tags: ['operations'],
      summary: 'Prometheus metrics of this process (AMITY_METRICS=1): from the same host, or as an admin',
      responses: {
        200: { content: { 'text/plain': { schema: z.string() } }, description: 'Prometheus text format 0.0.4' },
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { metrics } = c.get('deps');
      if (!metrics)
        throw new AppError('not_found', 'metrics are off', { fix: 'start the server with AMITY_METRICS=1' });
      if (!isFromLoopback(c)) {
        const actor = c.get('actor');
        if (!actor) throw new AppError('unauthenticated', 'metrics need an admin from another host');
        if (actor.role !== 'admin') throw new AppError('forbidden', 'metrics are for admins');
      }
      const body = await metrics.registry.metrics();
      return c.text(body, 200, { 'Content-Type': metrics.registry.contentType });
    },
  );
}
