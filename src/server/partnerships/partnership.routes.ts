/** /api/partnerships: thin handlers — validate, call one service function, present. */
import {
  PartnershipCreateSchema,
  PartnershipListQuerySchema,
  PartnershipUpdateSchema,
} from '../../shared/schemas/partnership.js';
import { PartnershipSchema } from '../../shared/schemas/partnership-view.js';
import type { Api } from '../http/app.js';
import { registerRecordRoutes } from '../http/record-routes.js';
import {
  createPartnership,
  deletePartnership,
  getPartnership,
  listPartnerships,
  updatePartnership,
} from './partnership.service.js';

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
