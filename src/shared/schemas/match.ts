/**
 * Partner matchmaking (友城匹配): requests for partners from both sides, the suggestions for a
 * Chinese division with their explanations, shortlists, dismissals and an office's hard rules.
 * The scoring is documented in docs/matchmaking.md.
 */
import { z } from 'zod';
import { CONTINENTS, FIELDS, LEVELS } from '../enums.js';
import { envelopeSchema, PageQuerySchema } from '../list.js';
import { CountryCodeSchema, DaySchema, DivisionCodeSchema, ForeignPlaceInputSchema } from './partnership.js';
import { oneOf } from './view-fields.js';

/** A Chinese division seeking foreign partners, or a foreign place seeking a Chinese partner. */
export const REQUEST_SIDES = ['cn', 'foreign'] as const;
export type RequestSide = (typeof REQUEST_SIDES)[number];

/** open → talks → matched → closed; open or talks → closed; an open request past its expiry is stale. */
export const REQUEST_STATUSES = ['open', 'talks', 'matched', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The moves a request's status may make. */
export const REQUEST_MOVES: Record<RequestStatus, readonly RequestStatus[]> = {
  open: ['talks', 'matched', 'closed'],
  talks: ['open', 'matched', 'closed'],
  matched: ['closed'],
  closed: ['open'],
};

/** What a place is known for, as the office enters it from a letter or an association's list. */
export const PLACE_FEATURES = [
  'capital',
  'port',
  'coastal',
  'industrial',
  'agricultural',
  'tourism',
  'university',
  'heritage',
  'technology',
  'logistics',
] as const;
export type PlaceFeature = (typeof PLACE_FEATURES)[number];

/** The size of partner wished for, by population. */
export const SIZES = ['small', 'medium', 'large'] as const;
export type Size = (typeof SIZES)[number];
/** Population bounds of each size: small < 100,000 ≤ medium < 1,000,000 ≤ large. */
export const SIZE_BOUNDS: Record<Size, [number, number]> = {
  small: [0, 100_000],
  medium: [100_000, 1_000_000],
  large: [1_000_000, Number.POSITIVE_INFINITY],
};

/** A request stays open this many months unless the office gives another expiry day. */
export const REQUEST_DEFAULT_MONTHS = 12;

const text = (max: number) => z.string().trim().max(max).nullish();

export const RequestProfileSchema = z
  .object({
    population: z.number().int().min(1).max(200_000_000).nullish().describe('Inhabitants'),
    populationAsOf: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a year, YYYY-MM or YYYY-MM-DD')
      .nullish()
      .describe('When the population was counted'),
    areaKm2: z.number().positive().max(20_000_000).nullish(),
    economy: text(2000).describe('Economy in a few words: main industries, GDP'),
    description: text(4000).describe('The place as the request presents it'),
    features: z.array(z.enum(PLACE_FEATURES)).max(PLACE_FEATURES.length).default([]),
  })
  .strict();
export type RequestProfile = z.infer<typeof RequestProfileSchema>;

/** The fields of a request an office may change; every one optional here (a change names what it sets). */
const RequestFieldsSchema = z.object({
  profile: RequestProfileSchema,
  wishedCountries: z.array(CountryCodeSchema).max(60).describe('Countries wished for (ISO 3166 alpha-2)'),
  wishedRegions: z.array(z.enum(CONTINENTS)).max(CONTINENTS.length).describe('Regions wished for'),
  wishedProvinces: z.array(DivisionCodeSchema).max(34).describe('A foreign request: the Chinese provinces wished for'),
  fields: z.array(z.enum(FIELDS)).max(FIELDS.length).describe('Fields of cooperation wished for'),
  sizeWished: z.enum(SIZES).nullable(),
  contactId: z.number().int().positive().nullable().describe('The contact person (a record of 联系人)'),
  source: text(300).describe('Where the request came from: a letter, an association’s list'),
  sourceUrl: z.url().max(2000).nullable(),
  receivedOn: DaySchema.nullable(),
  expiresOn: DaySchema.nullable().describe(
    `Default: ${REQUEST_DEFAULT_MONTHS} months after it was received or entered`,
  ),
  notes: text(4000),
});

export const MatchRequestCreateSchema = RequestFieldsSchema.partial()
  .extend({
    side: z.enum(REQUEST_SIDES),
    cnCode: DivisionCodeSchema.optional().describe('A Chinese request: the division seeking partners'),
    foreignPlaceId: z.number().int().positive().optional().describe('A foreign request: an existing foreign place'),
    foreignPlace: ForeignPlaceInputSchema.optional().describe('A foreign request: the place, found or created'),
    ownerScope: DivisionCodeSchema.optional().describe(
      'A foreign request: the office that keeps it (its own scope by default)',
    ),
  })
  .strict()
  .meta({ id: 'MatchRequestCreate' });
export type MatchRequestCreate = z.infer<typeof MatchRequestCreateSchema>;

export const MatchRequestUpdateSchema = RequestFieldsSchema.partial()
  .extend({ version: z.number().int().positive() })
  .strict()
  .meta({ id: 'MatchRequestUpdate' });
export type MatchRequestUpdate = z.infer<typeof MatchRequestUpdateSchema>;

export const RequestStatusMoveSchema = z
  .object({
    status: z.enum(REQUEST_STATUSES),
    version: z.number().int().positive(),
    reason: text(500),
  })
  .strict();
export type RequestStatusMove = z.infer<typeof RequestStatusMoveSchema>;

export const RequestListQuerySchema = z.object({
  scope: DivisionCodeSchema.optional().describe(
    'Requests kept by this division and below; the actor’s scope by default',
  ),
  side: z.enum(REQUEST_SIDES).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  stale: z.enum(['1', '0']).optional().describe('1: only open requests past their expiry day'),
  country: CountryCodeSchema.optional(),
  q: z.string().trim().max(100).optional().describe('Words of the place’s names, the source or the notes'),
  ...PageQuerySchema.shape,
});
export type RequestListQuery = z.infer<typeof RequestListQuerySchema>;

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const MatchRequestSchema = z
  .object({
    id: z.number().int(),
    side: z.enum(REQUEST_SIDES),
    ownerScope: z.string(),
    cn: z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string(), level: z.enum(LEVELS) }).nullable(),
    foreign: z
      .object({
        id: z.number().int(),
        countryIso2: z.string(),
        countryNameZh: z.string(),
        countryNameEn: z.string(),
        nameZh: z.string().nullable(),
        nameEn: z.string().nullable(),
        continent: z.string().nullable(),
      })
      .nullable(),
    profile: RequestProfileSchema,
    wishedCountries: z.array(z.string()),
    wishedRegions: z.array(oneOf(CONTINENTS)),
    wishedProvinces: z.array(z.string()),
    fields: z.array(oneOf(FIELDS)),
    sizeWished: z.enum(SIZES).nullable(),
    contact: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    source: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    receivedOn: z.string().nullable(),
    status: z.enum(REQUEST_STATUSES),
    statusReason: z.string().nullable(),
    expiresOn: z.string(),
    stale: z.boolean().describe('Open or in talks past its expiry day'),
    partnershipId: z.number().int().nullable().describe('The pair it became, once matched'),
    notes: z.string().nullable(),
    isDemo: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'MatchRequest' });
export type MatchRequest = z.infer<typeof MatchRequestSchema>;

export const RequestListSchema = envelopeSchema(MatchRequestSchema);

/** Why two requests fit each other, one line per reason, in both languages. */
export const MutualMatchSchema = z
  .object({
    cnRequest: MatchRequestSchema,
    foreignRequest: MatchRequestSchema,
    reasons: z.array(bilingual),
    commonFields: z.array(oneOf(FIELDS)),
  })
  .meta({ id: 'MutualMatch' });
export type MutualMatch = z.infer<typeof MutualMatchSchema>;

/** A mutual match moved into the life cycle: the new pair and the two requests, both matched now. */
export const PromotedSchema = z
  .object({ partnershipId: z.number().int(), cnRequest: MatchRequestSchema, foreignRequest: MatchRequestSchema })
  .meta({ id: 'MatchPromoted' });
export type Promoted = z.infer<typeof PromotedSchema>;

export const MutualQuerySchema = z.object({
  scope: DivisionCodeSchema.optional().describe('Matches that involve a request kept by this division or below'),
});

export const PromoteMatchSchema = z
  .object({
    cnRequestId: z.number().int().positive(),
    foreignRequestId: z.number().int().positive(),
    kind: z.enum(['friendship', 'exchange']).default('friendship'),
    on: DaySchema.optional().describe('The day of the letter of intent; today by default'),
    note: text(1000),
  })
  .strict();
export type PromoteMatch = z.infer<typeof PromoteMatchSchema>;

/* ---------- suggestions ---------- */

/** The dimensions of similarity and the strategic signals, each with the weight the user gives it (0–3). */
export const WEIGHT_KEYS = ['size', 'role', 'geo', 'bri', 'ties', 'country', 'china', 'fields', 'wish'] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export type Weights = Record<WeightKey, number>;
/**
 * The weights a ranking starts from: chosen on the back-test (bench/match.tune.ts) and rounded —
 * standing counts most, the province's ties and the place's Chinese partners least, since on real
 * pairs they tell little about who pairs with whom; an office moves them to its strategy.
 */
export const DEFAULT_WEIGHTS: Weights = {
  size: 1,
  role: 3,
  geo: 1,
  bri: 0.5,
  ties: 0.5,
  country: 1,
  china: 0.5,
  fields: 1,
  wish: 1,
};
/** Which weights are similarity (how alike the two places are); the others are strategic signals. */
export const SIMILARITY_KEYS: readonly WeightKey[] = ['size', 'role', 'geo'];

/** Reads `size:1,role:0.5,…`; keys left out keep their default. */
export const WeightsParamSchema = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const weights = { ...DEFAULT_WEIGHTS };
    for (const part of s.split(',').filter(Boolean)) {
      const [key, value] = part.split(':');
      const n = Number(value);
      if (!(WEIGHT_KEYS as readonly string[]).includes(key ?? '') || !Number.isFinite(n) || n < 0 || n > 3) {
        ctx.addIssue({
          code: 'custom',
          message: `"${part}": give key:weight pairs with a key of ${WEIGHT_KEYS.join(', ')} and a weight from 0 to 3`,
        });
        return z.NEVER;
      }
      weights[key as WeightKey] = n;
    }
    return weights;
  });

export const SuggestionsQuerySchema = z.object({
  cn: DivisionCodeSchema.describe('The Chinese division seeking partners'),
  weights: WeightsParamSchema.optional().describe(`key:weight pairs (0–3) of ${WEIGHT_KEYS.join(', ')}`),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  country: CountryCodeSchema.optional().describe('Only candidates in this country'),
  region: z.enum(CONTINENTS).optional().describe('Only candidates in this region'),
  minPopulation: z.coerce.number().int().min(0).optional(),
  maxPopulation: z.coerce.number().int().min(1).optional(),
});
export type SuggestionsQuery = z.infer<typeof SuggestionsQuerySchema>;

/** Every factor has a code, its 0–1 value, its share of the score, and its sentence in both languages. */
export const FactorSchema = z.object({
  code: z.string(),
  kind: z.enum(['similarity', 'strategic']),
  value: z.number(),
  weight: z.number(),
  points: z.number().describe('What the factor adds to the 0–100 score'),
  text: bilingual,
});
export type Factor = z.infer<typeof FactorSchema>;

export const CandidateSchema = z
  .object({
    key: z.string().describe('gn:<GeoNames id> for a gazetteer place, fp:<id> for a foreign place of the registry'),
    name: z.string(),
    nameZh: z.string().nullable(),
    countryIso2: z.string(),
    countryNameZh: z.string(),
    countryNameEn: z.string(),
    continent: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    population: z.number().int().nullable(),
    role: z.string().describe('capital | regional | local | town | state'),
    foreignPlaceId: z.number().int().nullable(),
    requestId: z.number().int().nullable().describe('An open request of this place seeking a Chinese partner'),
    chinaPartners: z.number().int().describe('Pairs it has with Chinese divisions in the registry'),
    score: z.number().describe('0–100'),
    similarity: z.number(),
    strategic: z.number(),
    factors: z.array(FactorSchema),
    shortlisted: z.boolean(),
  })
  .meta({ id: 'MatchCandidate' });
export type Candidate = z.infer<typeof CandidateSchema>;

export const EXCLUSION_RULES = [
  'no_relations',
  'already_paired',
  'office_excluded_country',
  'max_per_country',
  'paired_in_province',
  'dismissed',
] as const;
export type ExclusionRule = (typeof EXCLUSION_RULES)[number];

export const ExclusionSchema = z.object({
  rule: z.enum(EXCLUSION_RULES),
  count: z.number().int(),
  text: bilingual,
  /** The best-scoring places this rule excluded, with their reason. */
  examples: z.array(z.object({ key: z.string(), name: z.string(), countryIso2: z.string(), reason: bilingual })),
});
export type Exclusion = z.infer<typeof ExclusionSchema>;

export const SuggestionsSchema = z
  .object({
    cn: z.object({
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      level: z.enum(LEVELS),
      population: z.number().int().nullable(),
      populationSource: z.string().nullable().describe('request (with its date) or GeoNames'),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
    }),
    asOf: z.string(),
    weights: z.record(z.string(), z.number()),
    candidateCount: z.number().int().describe('Places considered'),
    items: z.array(CandidateSchema),
    exclusions: z.array(ExclusionSchema),
    policyScope: z.string().nullable().describe('Whose matchmaking policy applied; null: none'),
  })
  .meta({ id: 'MatchSuggestions' });
export type Suggestions = z.infer<typeof SuggestionsSchema>;

export const CandidateExplainSchema = z
  .object({
    candidate: CandidateSchema.nullable().describe('Null when a hard rule excludes it'),
    excludedBy: z.array(z.object({ rule: z.enum(EXCLUSION_RULES), reason: bilingual })),
    rank: z.number().int().nullable().describe('Its place among the suggestions with the same weights'),
  })
  .meta({ id: 'MatchCandidateExplained' });
export type CandidateExplained = z.infer<typeof CandidateExplainSchema>;

/* ---------- shortlists, dismissals, policy ---------- */

export const ShortlistCreateSchema = z
  .object({ cn: DivisionCodeSchema, key: z.string().regex(/^(gn|fp):\d+$/), note: text(2000) })
  .strict();
export const ShortlistUpdateSchema = z.object({ note: text(2000), version: z.number().int().positive() }).strict();
export const ShortlistEntrySchema = z
  .object({
    id: z.number().int(),
    cnCode: z.string(),
    key: z.string(),
    name: z.string(),
    countryIso2: z.string(),
    note: z.string().nullable(),
    createdBy: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: 'MatchShortlistEntry' });
export type ShortlistEntry = z.infer<typeof ShortlistEntrySchema>;

export const DismissalCreateSchema = z
  .object({ cn: DivisionCodeSchema, key: z.string().regex(/^(gn|fp):\d+$/), reason: z.string().trim().min(1).max(500) })
  .strict();
export const DismissalSchema = z
  .object({
    id: z.number().int(),
    cnCode: z.string(),
    key: z.string(),
    name: z.string(),
    countryIso2: z.string(),
    reason: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'MatchDismissal' });
export type Dismissal = z.infer<typeof DismissalSchema>;
export const CnQuerySchema = z.object({ cn: DivisionCodeSchema });

/** An office's hard rules for suggestions; a division follows the nearest scope above it that has one. */
export const MatchPolicySchema = z
  .object({
    excludedCountries: z.array(CountryCodeSchema).max(250).default([]),
    maxPerCountry: z
      .number()
      .int()
      .min(1)
      .max(50)
      .nullable()
      .default(null)
      .describe('At most this many partners of one division in one country'),
    notPairedInProvince: z.boolean().default(false).describe('Not a place already paired within this province'),
  })
  .strict();
export type MatchPolicy = z.infer<typeof MatchPolicySchema>;
export const DEFAULT_POLICY: MatchPolicy = { excludedCountries: [], maxPerCountry: null, notPairedInProvince: false };

export const MatchPolicyPutSchema = z
  .object({ settings: MatchPolicySchema, version: z.number().int().positive().optional() })
  .strict();
export type MatchPolicyPut = z.infer<typeof MatchPolicyPutSchema>;

export const MatchPolicyViewSchema = z
  .object({
    scopeCode: z.string(),
    own: z.object({ settings: MatchPolicySchema, version: z.number().int(), updatedAt: z.string() }).nullable(),
    effective: MatchPolicySchema,
    effectiveFrom: z.string().nullable(),
  })
  .meta({ id: 'MatchPolicyView' });
export type MatchPolicyView = z.infer<typeof MatchPolicyViewSchema>;
