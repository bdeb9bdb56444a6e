/**
 * What the contacts endpoints send back: a contact as lists show it and in full, its posts and
 * touches, the not-contacted list and the holders of a post. The presenters are typed by these
 * schemas, the OpenAPI document is written from them and the web app reads its types from them.
 */
import { z } from 'zod';
import { ACTIVITY_TYPES } from '../enums.js';
import { envelopeSchema } from '../list.js';
import { CONTACT_CATEGORIES, TOUCH_CHANNELS } from './contact.js';
import { oneOf, partnershipRefFields } from './view-fields.js';

export const RoleSchema = z
  .object({
    id: z.number().int(),
    organisation: z.string(),
    post: z.string(),
    from: z.string().describe('At its precision: YYYY, YYYY-MM or YYYY-MM-DD'),
    to: z.string().nullable().describe('Null while the term runs'),
    isCurrent: z.boolean().describe('The term runs today (or on the day asked for)'),
  })
  .meta({ id: 'ContactRole' });
export type ContactRoleView = z.infer<typeof RoleSchema>;

const summaryShape = {
  id: z.number().int(),
  cnCode: z.string().describe('The division of the office that keeps the contact'),
  cnNameZh: z.string(),
  cnNameEn: z.string(),
  category: oneOf(CONTACT_CATEGORIES),
  nameZh: z.string().nullable(),
  nameEn: z.string().nullable(),
  nameOriginal: z.string().nullable(),
  countryIso2: z.string().nullable(),
  city: z.string().nullable(),
  organisation: z.string().nullable(),
  currentRoles: z.array(RoleSchema),
  lastContact: z.string().nullable().describe('The latest touch or linked activity, YYYY-MM-DD; null: never'),
  isDemo: z.boolean(),
  version: z.number().int(),
};
export const ContactSummarySchema = z.object(summaryShape).meta({ id: 'ContactSummary' });
export type ContactSummaryView = z.infer<typeof ContactSummarySchema>;

export const TouchSchema = z
  .object({
    id: z.number().int(),
    contactId: z.number().int(),
    touchedOn: z.string(),
    channel: oneOf(TOUCH_CHANNELS),
    note: z.string().nullable(),
    isDemo: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'ContactTouch' });
export type ContactTouchView = z.infer<typeof TouchSchema>;

// The links of a contact's page have no name of their own in the document: they stay inline.
const PartnershipLinkSchema = z.object(partnershipRefFields);
export type ContactPartnershipLinkView = z.infer<typeof PartnershipLinkSchema>;

const ActivityLinkSchema = z.object({
  id: z.number().int(),
  partnershipId: z.number().int(),
  type: oneOf(ACTIVITY_TYPES),
  occurredOn: z.string(),
  titleZh: z.string().nullable(),
  titleEn: z.string().nullable(),
});
export type ContactActivityLinkView = z.infer<typeof ActivityLinkSchema>;

export const ContactSchema = z
  .object({
    ...summaryShape,
    languages: z.array(z.string()),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    notes: z.string().nullable(),
    roles: z.array(RoleSchema).describe('Every post held, the latest term first'),
    partnershipIds: z.array(z.number().int()),
    partnerships: z.array(PartnershipLinkSchema),
    activityIds: z.array(z.number().int()),
    activities: z.array(ActivityLinkSchema),
    touches: z.array(TouchSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contact' });
export type ContactView = z.infer<typeof ContactSchema>;

export const SilentListSchema = envelopeSchema(ContactSummarySchema).extend({
  asOf: z.string(),
  months: z.number().int(),
  cutoff: z.string().describe('Contacts whose last contact is before this day (or who were never contacted)'),
});
export type SilentListView = z.infer<typeof SilentListSchema>;

const PostHolderSchema = z.object({
  role: RoleSchema,
  contact: z.object({
    id: z.number().int(),
    category: oneOf(CONTACT_CATEGORIES),
    nameZh: z.string().nullable(),
    nameEn: z.string().nullable(),
    nameOriginal: z.string().nullable(),
    isDemo: z.boolean(),
  }),
});
export type PostHolderView = z.infer<typeof PostHolderSchema>;

export const PostHoldersSchema = z.object({
  at: z.string().nullable(),
  data: z.array(PostHolderSchema),
});
export type PostHoldersView = z.infer<typeof PostHoldersSchema>;
