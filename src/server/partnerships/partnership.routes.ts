/** /api/partnerships: thin handlers — validate, call one service function, present. */
import { z } from 'zod';
import {
  PartnershipCreateSchema,
  PartnershipListQuerySchema,
  PartnershipUpdateSchema,
} from '../../shared/schemas/partnership.js';
import type { Api } from '../http/app.js';
import { registerRecordRoutes } from '../http/record-routes.js';
import { ForeignPlaceSchema } from '../places/place.presenter.js';
import {
  createPartnership,
  deletePartnership,
  getPartnership,
  listPartnerships,
  updatePartnership,
} from './partnership.service.js';

const NamesSchema = { nameZh: z.string(), nameEn: z.string() };
export const PartnershipSchema = z
  .object({
    id: z.number().int(),
    level: z.string().describe('provincial | city | county, from the Chinese side'),
    kind: z.string(),
    stage: z.string().describe('intent | exchanging | proposed | approved | established (see /lifecycle)'),
    status: z.string(),
    cn: z.object({ code: z.string(), ...NamesSchema, level: z.string() }),
    partner: ForeignPlaceSchema,
    establishedOn: z.string().nullable().describe('At its precision: YYYY, YYYY-MM or YYYY-MM-DD'),
    establishedPrecision: z.string().nullable(),
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

export function registerPartnershipRoutes(app: Api): void {
  registerRecordRoutes(app, {
    path: '/api/partnerships',
    tag: 'partnerships',
    schemas: {
      item: PartnershipSchema,
      listQuery: PartnershipListQuerySchema,
      create: PartnershipCreateSchema,
      update: PartnershipUpdateSchema,
    },
    summaries: {
      list: 'List partnerships, filtered, searched, sorted and paginated',
      get: 'One partnership with both sides',
      create: 'Create a partnership (the partner place is found or created)',
      update: 'Update a partnership; the body carries the version read, a stale one gets 409',
      remove: 'Delete a partnership (and its activities); ?version= must be current',
    },
    services: {
      list: listPartnerships,
      get: getPartnership,
      create: createPartnership,
      update: updatePartnership,
      remove: deletePartnership,
    },
    createConflicts: true,
  });
}
