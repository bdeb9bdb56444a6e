/**
 * What the audit endpoint sends back: one entry of a record's history. The service is typed by this
 * schema, the OpenAPI document is written from it and the web app reads its type from it.
 */
import { z } from 'zod';

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorKind: z.string(),
    actorId: z.number().int().nullable(),
    actorName: z.string(),
    entity: z.string(),
    entityId: z.number().int(),
    action: z.string(),
    cnCode: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    importRunId: z.number().int().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;
