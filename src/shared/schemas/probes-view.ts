/**
 * What the probes answer: /healthz (the process is up) and /readyz (the database answers and holds
 * every migration). The readiness check is typed by these schemas and the OpenAPI document is
 * written from them.
 */
import { z } from 'zod';

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Healthz' });
export type HealthView = z.infer<typeof HealthSchema>;

export const ReadySchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    database: z.enum(['pglite', 'postgres']),
    migrations: z.number().int().nullable().describe('Migrations the database holds; null when it did not answer'),
    reason: z.string().optional().describe('Why it is not ready'),
  })
  .meta({ id: 'Readyz' });
export type ReadyView = z.infer<typeof ReadySchema>;
