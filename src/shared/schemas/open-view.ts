/**
 * What the open-data endpoints send back: a published pair, as anyone may read it, and a scope's
 * publication setting. The presenters are typed by these schemas, the OpenAPI document is written
 * from them, and any client reads its types from them, so a field is described once.
 */
import { z } from 'zod';
import { KINDS, LEVELS, PRECISIONS, STATUSES } from '../enums.js';
import { ForeignPlaceSchema } from './place-view.js';
import { oneOf } from './view-fields.js';

export const OpenPartnershipSchema = z
  .object({
    id: z.number().int(),
    level: oneOf(LEVELS).describe('provincial | city | county, from the Chinese side'),
    kind: oneOf(KINDS).describe('friendship | exchange'),
    status: oneOf(STATUSES).describe('active | dormant | ended'),
    cn: z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      level: z.string(),
      wikidataId: z.string().nullable(),
    }),
    partner: ForeignPlaceSchema,
    establishedOn: z.string().nullable().describe('At its precision: YYYY, YYYY-MM or YYYY-MM-DD'),
    establishedPrecision: oneOf(PRECISIONS).nullable(),
    endedOn: z.string().nullable(),
    endedReason: z.string().nullable().describe('Null when the office keeps its notes internal'),
    sourceUrl: z.string().nullable(),
    notes: z.string().nullable().describe('Null when the office keeps its notes internal'),
    updatedAt: z.string(),
  })
  .meta({ id: 'OpenPartnership' });
export type OpenPartnershipView = z.infer<typeof OpenPartnershipSchema>;

const OwnSchema = z.object({ isPublic: z.boolean(), version: z.number().int(), updatedAt: z.string() });

export const OpenScopeViewSchema = z
  .object({
    scopeCode: z.string(),
    own: OwnSchema.nullable().describe('The scope’s own setting; null when it follows the scopes above'),
    isPublic: z.boolean().describe('Whether a pair of this scope without its own flag is published'),
    effectiveFrom: z.string().nullable().describe('Whose setting is in force; null: none, pairs are withheld'),
    chain: z.array(z.object({ scopeCode: z.string(), own: OwnSchema.nullable() })).describe('Nearest first'),
    counts: z.object({
      published: z.number().int(),
      withheld: z.number().int().describe('Signed pairs of the scope not published'),
      notesInternal: z.number().int().describe('Published pairs whose notes stay internal'),
    }),
  })
  .meta({ id: 'OpenScopeView' });
export type OpenScopeView = z.infer<typeof OpenScopeViewSchema>;
