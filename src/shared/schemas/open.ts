/** Inputs of open data: what a scope publishes, and the public read API's list query. */
import { z } from 'zod';
import { PageQuerySchema } from '../list.js';
import { PARTNERSHIP_SORTS, PartnershipFilterSchema } from './partnership.js';

export const OpenScopePutSchema = z
  .object({
    isPublic: z
      .boolean()
      .describe('true publishes the pairs of this division and everything under it; false withholds them'),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('The version read, to change an existing setting; omitted to create one'),
  })
  .strict();
export type OpenScopePut = z.infer<typeof OpenScopePutSchema>;

/** The list filters of /api/partnerships, less those that make no sense for published records. */
export const OpenPartnershipListQuerySchema = PartnershipFilterSchema.omit({ stage: true, demo: true })
  .extend(PageQuerySchema.shape)
  .extend({ sort: z.enum(PARTNERSHIP_SORTS).default('name').describe('name sorts Chinese by pinyin') });
export type OpenPartnershipListQuery = z.infer<typeof OpenPartnershipListQuerySchema>;
