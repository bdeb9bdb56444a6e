/**
 * What the partnership endpoints send back: a pair with both sides. The presenter is typed by this
 * schema, the OpenAPI document is written from it and the web app reads its type from it.
 */
import { z } from 'zod';
import { KINDS, LEVELS, PRECISIONS, STATUSES } from '../enums.js';
import { STAGES } from '../lifecycle.js';
import { ForeignPlaceSchema } from './place-view.js';
import { oneOf } from './view-fields.js';

const NamesSchema = { nameZh: z.string(), nameEn: z.string() };
export const PartnershipSchema = z
  .object({
    id: z.number().int(),
    level: oneOf(LEVELS).describe('provincial | city | county, from the Chinese side'),
    kind: oneOf(KINDS),
    stage: oneOf(STAGES).describe('intent | exchanging | proposed | approved | established (see /lifecycle)'),
    status: oneOf(STATUSES),
    cn: z.object({ code: z.string(), ...NamesSchema, level: z.string() }),
    partner: ForeignPlaceSchema,
    establishedOn: z.string().nullable().describe('At its precision: YYYY, YYYY-MM or YYYY-MM-DD'),
    establishedPrecision: oneOf(PRECISIONS).nullable(),
    endedOn: z.string().nullable(),
    endedReason: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    notes: z.string().nullable(),
    isDemo: z.boolean(),
    isPublic: z.boolean().nullable().describe('Open data: true published, false withheld, null follows its scope'),
    notesInternal: z.boolean().describe('Notes and ended reason stay in the office (never in open data)'),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Partnership' });
export type PartnershipView = z.infer<typeof PartnershipSchema>;
