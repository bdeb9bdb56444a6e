/** The contact form's values, to and from the API, and the API's issues placed on the form's fields. */
import type { FieldIssue } from '../../../shared/errors';
import {
  type ContactCategory,
  type ContactCreateInput,
  ContactCreateSchema,
  type ContactUpdateInput,
  ContactUpdateSchema,
} from '../../../shared/schemas/contact';
import type { Contact } from './contact-api';

export type RoleValues = { organisation?: string; post?: string; from?: string; to?: string };

export type ContactFormValues = {
  cnCode?: string;
  category?: ContactCategory;
  nameZh?: string;
  nameEn?: string;
  nameOriginal?: string;
  countryIso2?: string;
  city?: string;
  organisation?: string;
  languages?: string[];
  email?: string;
  phone?: string;
  notes?: string;
  roles?: RoleValues[];
  partnershipIds?: number[];
  activityIds?: number[];
};

const blank = (s: string | undefined | null) => (s?.trim() ? s.trim() : null);

export function toFormValues(c: Contact): ContactFormValues {
  return {
    cnCode: c.cnCode,
    category: c.category,
    nameZh: c.nameZh ?? undefined,
    nameEn: c.nameEn ?? undefined,
    nameOriginal: c.nameOriginal ?? undefined,
    countryIso2: c.countryIso2 ?? undefined,
    city: c.city ?? undefined,
    organisation: c.organisation ?? undefined,
    languages: c.languages,
    email: c.email ?? undefined,
    phone: c.phone ?? undefined,
    notes: c.notes ?? undefined,
    // The form lists terms oldest first, as one writes a CV.
    roles: [...c.roles]
      .reverse()
      .map((r) => ({ organisation: r.organisation, post: r.post, from: r.from, to: r.to ?? undefined })),
    partnershipIds: c.partnershipIds,
    activityIds: c.activityIds,
  };
}

function body(v: ContactFormValues) {
  return {
    nameZh: blank(v.nameZh),
    nameEn: blank(v.nameEn),
    nameOriginal: blank(v.nameOriginal),
    countryIso2: blank(v.countryIso2),
    city: blank(v.city),
    organisation: blank(v.organisation),
    languages: (v.languages ?? []).map((l) => l.trim()).filter(Boolean),
    email: blank(v.email),
    phone: blank(v.phone),
    notes: blank(v.notes),
    roles: (v.roles ?? []).map((r) => ({
      organisation: r.organisation?.trim() ?? '',
      post: r.post?.trim() ?? '',
      from: r.from?.trim() ?? '',
      to: blank(r.to),
    })),
    partnershipIds: v.partnershipIds ?? [],
    activityIds: v.activityIds ?? [],
  };
}

/** The body of a create, checked with the API's own schema: issues come back with the API's paths. */
export function toCreateInput(v: ContactFormValues): { input?: ContactCreateInput; issues: FieldIssue[] } {
  return check(ContactCreateSchema.safeParse({ cnCode: v.cnCode, category: v.category, ...body(v) }));
}

export function toUpdateInput(
  v: ContactFormValues,
  version: number,
): { input?: ContactUpdateInput; issues: FieldIssue[] } {
  return check(ContactUpdateSchema.safeParse({ version, category: v.category, ...body(v) }));
}

function check<T>(
  result:
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } },
): { input?: T; issues: FieldIssue[] } {
  if (result.success) return { input: result.data, issues: [] };
  return { issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

/** An issue path ("roles.1.to") as a form field name (["roles", 1, "to"]). */
export function fieldName(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The catalog key of an issue's message in the reader's language, when there is one. */
export function issueKey(issue: FieldIssue): ContactIssueKey | undefined {
  const path = issue.path;
  if (issue.rule === 'future_date') return 'contacts.issue.futureDate';
  if (/^roles\.\d+\.to$/.test(path) && /before it starts/.test(issue.message)) return 'contacts.issue.endBeforeStart';
  if (/^roles\.\d+\.(from|to)$/.test(path)) return 'contacts.issue.date';
  if (/^roles\.\d+\.(organisation|post)$/.test(path)) return 'contacts.issue.rolePart';
  if (path === 'email') return 'contacts.issue.email';
  if (path === 'phone') return 'contacts.issue.phone';
  if (path === 'nameZh' && issue.rule !== 'unknown_country') return 'contacts.nameRequired';
  if (path === 'countryIso2') return 'contacts.issue.country';
  return undefined;
}
export type ContactIssueKey =
  | 'contacts.issue.futureDate'
  | 'contacts.issue.endBeforeStart'
  | 'contacts.issue.date'
  | 'contacts.issue.rolePart'
  | 'contacts.issue.email'
  | 'contacts.issue.phone'
  | 'contacts.issue.country'
  | 'contacts.nameRequired';
