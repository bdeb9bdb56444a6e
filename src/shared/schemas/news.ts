/**
 * News intake: the request that hands over a published report, and the answer — the figures it
 * states, the signings it names, the internal checks and the reconciliation with the registry.
 * Used by POST /api/news/check, `amity news check --json` and the 报道核对 page.
 */
import { z } from 'zod';
import { LEVELS, PRECISIONS } from '../enums.js';
import { DaySchema, DivisionCodeSchema, PartnershipCreateSchema } from './partnership.js';

export const NEWS_DOCUMENT_BYTES_MAX = 20 * 1024 * 1024;

export const NewsCheckSchema = z
  .object({
    text: z.string().max(60_000_000).optional().describe('The report as pasted (plain text or HTML)'),
    document: z
      .object({
        name: z.string().max(300).describe('File name, e.g. report.docx'),
        contentBase64: z.string().max(Math.ceil((NEWS_DOCUMENT_BYTES_MAX * 4) / 3) + 4),
      })
      .strict()
      .optional()
      .describe('A .txt, .html or .docx file instead of text'),
    published: DaySchema.optional().describe('The day the report was published; else the day it states'),
    scope: DivisionCodeSchema.optional().describe('The division the report is about; else the first it names'),
    lang: z.enum(['zh', 'en']).optional().describe('The report language; both are read when omitted'),
    sourceUrl: z.url().max(2000).optional().describe('Where the report was published, kept on drafts'),
  })
  .strict()
  .refine((b) => (b.text === undefined) !== (b.document === undefined), {
    message: 'give exactly one of text and document',
    path: ['text'],
  });
export type NewsCheckInput = z.infer<typeof NewsCheckSchema>;

const levels = z.object({ provincial: z.number(), city: z.number(), county: z.number() }).partial();
export const NewsFiguresSchema = z
  .object({
    total: z.number(),
    byLevel: levels,
    countries: z.number(),
    rank: z.number(),
    since: z.object({ year: z.number(), count: z.number() }).partial(),
    monthsPerNew: z.number(),
    bri: z.object({ countries: z.number(), cities: z.number() }).partial(),
    exchange: z.number(),
  })
  .partial()
  .describe('Only what the text states: a figure it does not state is absent');
export type NewsFigures = z.infer<typeof NewsFiguresSchema>;

const ScopeRef = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
const Span = { start: z.number().int(), end: z.number().int(), rawStart: z.number().int(), rawEnd: z.number().int() };
const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

export const NEWS_VERDICTS = ['agrees', 'differs', 'unverifiable', 'context'] as const;
export const EVENT_VERDICTS = ['found', 'differs', 'missing'] as const;

export const NewsCheckResultSchema = z
  .object({
    published: z.string().nullable().describe('The publication day used for relative dates'),
    publishedFrom: z.enum(['given', 'text', 'none']),
    asOf: z.string().describe('The day the registry is read for: the publication day, else today'),
    scope: ScopeRef.nullable(),
    figures: NewsFiguresSchema,
    also: z.array(z.object({ scope: ScopeRef, figures: NewsFiguresSchema })),
    context: z.array(
      z.object({
        kind: z.enum(['people', 'countries_covered']),
        value: z.number(),
        qualifier: z.string().nullable(),
        scope: z.string(),
        sentence: z.number().int(),
        ...Span,
      }),
    ),
    events: z.array(
      z.object({
        cn: z.object({ code: z.string(), nameZh: z.string() }),
        partner: z.string(),
        country: z.string().nullable(),
        level: z.enum(LEVELS).nullable(),
        date: z.string().nullable(),
        precision: z.enum(PRECISIONS).nullable(),
        dateText: z.string().nullable(),
        relative: z.boolean(),
        sentence: z.number().int(),
        ...Span,
        verdict: z.enum(EVENT_VERDICTS),
        record: z
          .object({
            id: z.number().int(),
            establishedOn: z.string().nullable(),
            level: z.string(),
            partner: z.string(),
          })
          .nullable(),
        differences: z.array(z.enum(['date', 'level', 'country'])),
        draft: PartnershipCreateSchema.nullable().describe('For a missing signing: POST it to /api/partnerships'),
      }),
    ),
    checks: z.array(
      z.object({
        check: z.enum(['levels_sum', 'months_per_new', 'repeated']),
        ok: z.boolean(),
        figure: z.string(),
        stated: z.number(),
        computed: z.number(),
        message: Bilingual,
      }),
    ),
    reconciliation: z.array(
      z.object({
        figure: z.string(),
        scope: z.string(),
        published: z.number(),
        registry: z.number().nullable(),
        verdict: z.enum(NEWS_VERDICTS),
        difference: z.number().nullable(),
        percent: z.number().nullable().describe('difference ÷ registry × 100, one decimal'),
        records: z.string().nullable().describe('API path of the records behind the registry figure'),
        note: Bilingual.nullable(),
      }),
    ),
    mentions: z.array(
      z.object({ figure: z.string(), scope: z.string(), value: z.number(), sentence: z.number().int(), ...Span }),
    ),
    sentences: z.array(z.object(Span)),
    text: z.string().describe('The cleaned text the spans point into'),
    cleaning: z.object({
      glosses: z.number().int(),
      traditional: z.number().int(),
      punctuation: z.number().int(),
      fullWidth: z.number().int(),
    }),
    benchmark: z
      .object({
        scopeCode: z.string(),
        kind: z.literal('friendship'),
        total: z.number().int(),
        provincial: z.number().int().nullable(),
        city: z.number().int().nullable(),
        county: z.number().int().nullable(),
        countries: z.number().int().nullable(),
        asOf: z.string(),
        source: z.string(),
        sourceUrl: z.string().nullable(),
      })
      .nullable()
      .describe('The published total ready to save: POST it to /api/benchmarks'),
    found: z.boolean().describe('False when the text states no figure and names no signing'),
  })
  .meta({ id: 'NewsCheck' });
export type NewsCheckResult = z.infer<typeof NewsCheckResultSchema>;
