/**
 * Inputs of the contacts API: the people an office keeps in touch with, their role history, their
 * links to partnerships and activities, and the dated touches. Contacts are personal data: every
 * route needs the contacts permission (see server/contacts/).
 */
import { z } from 'zod';
import { parsePartialDate } from '../dates.js';
import { LIMITS } from '../enums.js';
import { csvList, PageQuerySchema } from '../list.js';
import { CountryCodeSchema, DaySchema, DivisionCodeSchema, PartialDateSchema } from './partnership.js';

export const CONTACT_CATEGORIES = [
  'partner_official',
  'overseas_chinese',
  'international_friend',
  'expert',
  'other',
] as const;
export type ContactCategory = (typeof CONTACT_CATEGORIES)[number];

export const TOUCH_CHANNELS = ['meeting', 'call', 'email', 'letter', 'message', 'other'] as const;
export type TouchChannel = (typeof TOUCH_CHANNELS)[number];

export const CONTACT_LIMITS = {
  rolesMax: 50,
  partnershipsMax: 100,
  activitiesMax: 200,
  languagesMax: 20,
  monthsMax: 600,
  monthsDefault: 12,
  purposeMin: 10,
  exportRowsMax: 50_000,
} as const;

/** The last day of the period a partial date names: "2020" → 2020-12-31, "2020-02" → 2020-02-29. */
export function periodEnd(text: string): string | undefined {
  const parsed = parsePartialDate(text);
  if (!parsed) return undefined;
  const [y, m] = parsed.date.split('-').map(Number) as [number, number];
  if (parsed.precision === 'day') return parsed.date;
  const month = parsed.precision === 'year' ? 12 : m;
  const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
  return `${y}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

const text = (max: number) => z.string().trim().max(max).nullish();
const name = z.string().trim().min(1).max(LIMITS.nameLength);

/** An e-mail address, or nothing. */
const EmailSchema = z.email('an e-mail address such as name@example.org').max(254);
/** A phone number as written: digits with an optional leading +, spaces, dashes, dots and brackets; 5–20 digits. */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()\-.]+$/, 'digits with an optional leading +, spaces, dashes or brackets')
  .refine((s) => {
    const digits = s.replace(/\D/g, '').length;
    return digits >= 5 && digits <= 20;
  }, 'a phone number has 5 to 20 digits');
const LanguageSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'a language tag such as en, fr or zh-Hant')
  .describe('BCP 47 language tag');

/**
 * A post held from one date to another (both as precise as known). `to` empty: the term runs. The
 * end may not come before the start; neither may be in the future (checked on the server).
 */
export const ContactRoleInputSchema = z
  .object({
    organisation: name.describe('e.g. "City of Testhaven" or "某某市人民政府"'),
    post: name.describe('e.g. "Mayor" or "市长"'),
    from: PartialDateSchema.describe('Start of the term: YYYY, YYYY-MM or YYYY-MM-DD'),
    to: PartialDateSchema.nullish().describe('End of the term; empty while it runs'),
  })
  .strict()
  .refine((r) => !r.to || (parsePartialDate(r.from)?.date ?? '') <= (periodEnd(r.to) ?? ''), {
    message: 'the term cannot end before it starts',
    path: ['to'],
  });
export type ContactRoleInput = z.infer<typeof ContactRoleInputSchema>;

const details = {
  nameZh: name.nullish().describe('Name in Chinese'),
  nameEn: name.nullish().describe('Name in English (or romanised)'),
  nameOriginal: name.nullish().describe('Name in its own script, e.g. 山田太郎 or Müller'),
  countryIso2: CountryCodeSchema.nullish(),
  city: text(LIMITS.nameLength),
  organisation: text(LIMITS.nameLength).describe('Where the person works now'),
  languages: z.array(LanguageSchema).max(CONTACT_LIMITS.languagesMax).optional(),
  email: EmailSchema.nullish(),
  phone: PhoneSchema.nullish(),
  notes: text(LIMITS.notesLength),
  roles: z
    .array(ContactRoleInputSchema)
    .max(CONTACT_LIMITS.rolesMax)
    .optional()
    .describe('Every post held, past and present; replaces the list on update'),
  partnershipIds: z
    .array(z.number().int().positive())
    .max(CONTACT_LIMITS.partnershipsMax)
    .optional()
    .describe('Linked partnerships; replaces the list on update'),
  activityIds: z
    .array(z.number().int().positive())
    .max(CONTACT_LIMITS.activitiesMax)
    .optional()
    .describe('Linked activities (their dates count as contact); replaces the list on update'),
};

const hasName = (c: { nameZh?: string | null; nameEn?: string | null; nameOriginal?: string | null }) =>
  Boolean(c.nameZh || c.nameEn || c.nameOriginal);

export const ContactCreateSchema = z
  .object({
    cnCode: DivisionCodeSchema.describe('The division of the office that keeps the contact'),
    category: z.enum(CONTACT_CATEGORIES).describe(CONTACT_CATEGORIES.join(' | ')),
    ...details,
  })
  .strict()
  .refine(hasName, { message: 'give nameZh, nameEn or nameOriginal', path: ['nameZh'] });
export type ContactCreateInput = z.infer<typeof ContactCreateSchema>;

export const ContactUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    category: z.enum(CONTACT_CATEGORIES).optional(),
    ...details,
  })
  .strict();
export type ContactUpdateInput = z.infer<typeof ContactUpdateSchema>;

const filter = {
  cn: DivisionCodeSchema.optional().describe('Contacts kept by this division and everything under it'),
  q: z.string().trim().max(LIMITS.nameLength).optional().describe('Search names, organisation, city and posts'),
  category: csvList(z.enum(CONTACT_CATEGORIES)),
  country: csvList(CountryCodeSchema),
};

export const ContactListQuerySchema = PageQuerySchema.extend({
  ...filter,
  asOf: DaySchema.optional().describe("Each contact's last contact on or before this day (default today)"),
});
export type ContactListQuery = z.infer<typeof ContactListQuerySchema>;

export const ContactStaleQuerySchema = PageQuerySchema.extend({
  ...filter,
  months: z.coerce
    .number()
    .int()
    .min(1)
    .max(CONTACT_LIMITS.monthsMax)
    .default(CONTACT_LIMITS.monthsDefault)
    .describe('Not contacted for this many months (default 12)'),
  asOf: DaySchema.optional().describe('Counted back from this day (default today)'),
});
export type ContactStaleQuery = z.infer<typeof ContactStaleQuerySchema>;

export const PostHoldersQuerySchema = z.object({
  cn: DivisionCodeSchema.optional(),
  post: z
    .string()
    .trim()
    .min(1)
    .max(LIMITS.nameLength)
    .describe('Words of the organisation and post, e.g. "Testhaven mayor"'),
  at: DaySchema.optional().describe('Who held it on this day; without it, every holder in order'),
});
export type PostHoldersQuery = z.infer<typeof PostHoldersQuerySchema>;

export const ContactTouchCreateSchema = z
  .object({
    touchedOn: DaySchema.describe('The day of the contact'),
    channel: z.enum(TOUCH_CHANNELS).describe(TOUCH_CHANNELS.join(' | ')),
    note: text(LIMITS.notesLength),
  })
  .strict();
export type ContactTouchCreateInput = z.infer<typeof ContactTouchCreateSchema>;

/** A deliberate export: the person confirms and says why; the purpose goes into the audit trail. */
export const ContactExportSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    confirm: z.literal(true).describe('Must be true: the person confirms they export personal data'),
    purpose: z
      .string()
      .trim()
      .min(CONTACT_LIMITS.purposeMin)
      .max(LIMITS.notesLength)
      .describe('Why the contacts leave the system; written to the audit trail'),
    ...filter,
  })
  .strict();
export type ContactExportInput = z.infer<typeof ContactExportSchema>;
