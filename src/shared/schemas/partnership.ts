/** Inputs of the partnership API: defined once, used by the API, the importer and the web forms. */
import { z } from 'zod';
import { parsePartialDate } from '../dates.js';
import { ADMIN_LEVELS, CONTINENTS, KINDS, LEVELS, LIMITS, STATUSES } from '../enums.js';
import { STAGES } from '../lifecycle.js';
import { csvList, PageQuerySchema } from '../list.js';

export const DivisionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code such as 430100')
  .describe('GB/T 2260 code of a Chinese administrative division');

export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'an ISO 3166 alpha-2 code such as GH')
  .transform((s) => s.toUpperCase())
  .describe('ISO 3166 alpha-2 country code');

export const PartialDateSchema = z
  .string()
  .refine((s) => parsePartialDate(s) !== undefined, 'a real date as YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source');

export const DaySchema = z
  .string()
  .refine((s) => parsePartialDate(s)?.precision === 'day', 'a real day as YYYY-MM-DD')
  .describe('YYYY-MM-DD');

const name = z.string().trim().min(1).max(LIMITS.nameLength);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const ForeignPlaceInputSchema = z
  .object({
    countryIso2: CountryCodeSchema,
    nameZh: name.nullish().describe('Chinese name as signed'),
    nameEn: name.nullish().describe('English (or romanised) name as signed'),
    nameLocal: name.nullish().describe('Name in the local language'),
    adminLevel: z.enum(ADMIN_LEVELS).nullish().describe('state | city | county'),
  })
  .strict()
  .refine((p) => Boolean(p.nameZh || p.nameEn), { message: 'give nameZh or nameEn (or both)', path: ['nameEn'] });
export type ForeignPlaceInput = z.infer<typeof ForeignPlaceInputSchema>;

const partnershipFields = {
  cnCode: DivisionCodeSchema,
  kind: z.enum(KINDS).default('friendship').describe('friendship (友好城市) | exchange (友好交流城市)'),
  status: z.enum(STATUSES).default('active').describe('active | dormant | ended'),
  establishedOn: PartialDateSchema.nullish(),
  endedOn: DaySchema.nullish().describe('Required when status is ended'),
  endedReason: optionalText(LIMITS.notesLength),
  sourceUrl: z.url().max(LIMITS.urlLength).nullish(),
  notes: optionalText(LIMITS.notesLength),
  isPublic: z
    .boolean()
    .nullish()
    .describe(
      'Open data: true publishes the pair, false withholds it, null (default) follows its scope (/api/open/scopes)',
    ),
  notesInternal: z
    .boolean()
    .optional()
    .describe('The notes and the ended reason are for the office only: they never leave in open data'),
};

export const PartnershipCreateSchema = z
  .object({
    ...partnershipFields,
    stage: z
      .enum(STAGES)
      .default('established')
      .describe('intent | exchanging | proposed | approved | established; later stages only by life-cycle moves'),
    partnerPlaceId: z.number().int().positive().optional().describe('An existing foreign place'),
    partner: ForeignPlaceInputSchema.optional().describe('A foreign place, found or created by country and name'),
  })
  .strict()
  .refine((p) => (p.partnerPlaceId === undefined) !== (p.partner === undefined), {
    message: 'give exactly one of partnerPlaceId and partner',
    path: ['partner'],
  });
export type PartnershipCreateInput = z.infer<typeof PartnershipCreateSchema>;

export const PartnershipUpdateSchema = z
  .object({
    version: z.number().int().positive().describe('The version you read; a stale one gets 409'),
    cnCode: partnershipFields.cnCode.optional(),
    partnerPlaceId: z.number().int().positive().optional(),
    kind: z.enum(KINDS).optional(),
    status: z.enum(STATUSES).optional(),
    establishedOn: partnershipFields.establishedOn,
    endedOn: partnershipFields.endedOn,
    endedReason: partnershipFields.endedReason,
    sourceUrl: partnershipFields.sourceUrl,
    notes: partnershipFields.notes,
    isPublic: partnershipFields.isPublic,
    notesInternal: partnershipFields.notesInternal,
  })
  .strict();
export type PartnershipUpdateInput = z.infer<typeof PartnershipUpdateSchema>;

export const PARTNERSHIP_SORTS = ['name', '-name', 'established', '-established', 'country', 'level', 'id'] as const;

export const PartnershipFilterSchema = z.object({
  cn: DivisionCodeSchema.optional().describe('Chinese division: the pairs of it and of everything under it'),
  level: csvList(z.enum(LEVELS)).describe('provincial, city, county (comma-separated)'),
  kind: csvList(z.enum(KINDS)),
  status: csvList(z.enum(STATUSES)),
  stage: csvList(z.enum(STAGES)).describe('intent, exchanging, proposed, approved, established (comma-separated)'),
  country: csvList(CountryCodeSchema).describe('ISO alpha-2 codes, comma-separated'),
  continent: csvList(z.enum(CONTINENTS)),
  group: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional()
    .describe('Country group code, e.g. bri'),
  yearFrom: z.coerce.number().int().min(1000).max(9999).optional().describe('Established in or after this year'),
  yearTo: z.coerce.number().int().min(1000).max(9999).optional().describe('Established in or before this year'),
  q: z.string().trim().max(200).optional().describe('Free text: Chinese, English or pinyin (changsha, cs, 长沙)'),
  place: z.coerce
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .optional()
    .describe('A foreign place by its id: its pairs with every Chinese partner'),
  demo: z.enum(['true', 'false']).optional().describe('Only demo (true) or only non-demo (false) records'),
});
export type PartnershipFilter = z.infer<typeof PartnershipFilterSchema>;

export const PartnershipListQuerySchema = PartnershipFilterSchema.extend(PageQuerySchema.shape).extend({
  sort: z.enum(PARTNERSHIP_SORTS).default('name').describe('name sorts Chinese by pinyin'),
});
export type PartnershipListQuery = z.infer<typeof PartnershipListQuerySchema>;
