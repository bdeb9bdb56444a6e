/**
 * The partnership form's model: what the fields hold, the API input built from them (validated by
 * the same zod schemas as the API), and the API's field issues placed on the right fields with a
 * message in the reader's language.
 */
import type { FieldIssue } from '../../../shared/errors';
import {
  type PartnershipCreateInput,
  PartnershipCreateSchema,
  type PartnershipUpdateInput,
  PartnershipUpdateSchema,
} from '../../../shared/schemas/partnership';
import type { Partnership } from '../../api/types';
import type { Key } from '../../i18n/catalog';

export type FormValues = {
  cnCode?: string;
  kind?: string;
  /** On creation only: a pair in preparation (letter of intent …) or established; later the life cycle moves it. */
  stage?: string;
  status?: string;
  establishedOn?: string;
  endedOn?: string;
  endedReason?: string;
  sourceUrl?: string;
  notes?: string;
  /** Open data: follow the scope's setting, publish, or withhold this pair. */
  publication?: Publication;
  notesInternal?: boolean;
  partner?: {
    countryIso2?: string;
    nameZh?: string;
    nameEn?: string;
    nameLocal?: string;
    adminLevel?: string;
  };
};

export const PUBLICATIONS = ['scope', 'public', 'private'] as const;
export type Publication = (typeof PUBLICATIONS)[number];

function isPublicOf(publication: Publication | undefined): boolean | null {
  if (publication === 'public') return true;
  if (publication === 'private') return false;
  return null;
}

function publicationOf(isPublic: boolean | null): Publication {
  if (isPublic === true) return 'public';
  if (isPublic === false) return 'private';
  return 'scope';
}

export type FieldError = { name: (string | number)[]; errors: string[] };

/** Blank text is "not given": null for the API (which clears it on update). */
function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

export function toCreateInput(values: FormValues): unknown {
  const p = values.partner ?? {};
  return {
    cnCode: values.cnCode ?? '',
    kind: values.kind ?? 'friendship',
    stage: values.stage ?? 'established',
    status: values.status ?? 'active',
    establishedOn: blankToNull(values.establishedOn),
    endedOn: blankToNull(values.endedOn),
    endedReason: blankToNull(values.endedReason),
    sourceUrl: blankToNull(values.sourceUrl),
    notes: blankToNull(values.notes),
    isPublic: isPublicOf(values.publication),
    notesInternal: values.notesInternal ?? false,
    partner: {
      countryIso2: p.countryIso2 ?? '',
      nameZh: blankToNull(p.nameZh),
      nameEn: blankToNull(p.nameEn),
      nameLocal: blankToNull(p.nameLocal),
      adminLevel: p.adminLevel ?? null,
    },
  };
}

export function toUpdateInput(values: FormValues, version: number): unknown {
  return {
    version,
    cnCode: values.cnCode,
    kind: values.kind,
    status: values.status,
    establishedOn: blankToNull(values.establishedOn),
    endedOn: blankToNull(values.endedOn),
    endedReason: blankToNull(values.endedReason),
    sourceUrl: blankToNull(values.sourceUrl),
    notes: blankToNull(values.notes),
    isPublic: isPublicOf(values.publication),
    notesInternal: values.notesInternal ?? false,
  };
}

export function toFormValues(p: Partnership): FormValues {
  return {
    cnCode: p.cn.code,
    kind: p.kind,
    status: p.status,
    establishedOn: p.establishedOn ?? undefined,
    endedOn: p.endedOn ?? undefined,
    endedReason: p.endedReason ?? undefined,
    sourceUrl: p.sourceUrl ?? undefined,
    notes: p.notes ?? undefined,
    publication: publicationOf(p.isPublic ?? null),
    notesInternal: p.notesInternal ?? false,
    partner: {
      countryIso2: p.partner.country.iso2,
      nameZh: p.partner.nameZh ?? undefined,
      nameEn: p.partner.nameEn ?? undefined,
      nameLocal: p.partner.nameLocal ?? undefined,
      adminLevel: p.partner.adminLevel ?? undefined,
    },
  };
}

type Checked<T> = { ok: true; input: T } | { ok: false; issues: FieldIssue[] };

function check<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: ZodIssueLike[] } } },
  value: unknown,
): Checked<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, input: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, rule: i.code })),
  };
}

type ZodIssueLike = { path: PropertyKey[]; message: string; code: string };

/** The same checks the API makes, before anything is sent. */
export function checkCreate(values: FormValues): Checked<PartnershipCreateInput> {
  const checked = check<PartnershipCreateInput>(PartnershipCreateSchema, toCreateInput(values));
  return checked.ok ? checkEnded(values, checked) : checked;
}

export function checkUpdate(values: FormValues, version: number): Checked<PartnershipUpdateInput> {
  const checked = check<PartnershipUpdateInput>(PartnershipUpdateSchema, toUpdateInput(values, version));
  return checked.ok ? checkEnded(values, checked) : checked;
}

/** "Ended" needs the day it ended (the API says so too; saying it here saves a round trip). */
function checkEnded<T>(values: FormValues, checked: Checked<T>): Checked<T> {
  if (values.status === 'ended' && !blankToNull(values.endedOn)) {
    return { ok: false, issues: [{ path: 'endedOn', message: 'required when status is ended', rule: 'required' }] };
  }
  return checked;
}

/** The message key for an issue: by field first (the API's English message is the last resort). */
export function issueMessageKey(issue: FieldIssue): Key | null {
  const rule = issue.rule ?? '';
  if (rule === 'too_big') return 'validation.tooLong';
  switch (issue.path) {
    case 'cnCode':
      return 'validation.divisionCode';
    case 'partner.countryIso2':
      return 'validation.country';
    case 'partner':
    case 'partner.nameEn':
    case 'partner.nameZh':
      return 'validation.partnerName';
    case 'establishedOn':
      return 'validation.date';
    case 'endedOn':
      return rule === 'required' || /required/i.test(issue.message) ? 'validation.endedOnRequired' : 'validation.day';
    case 'sourceUrl':
      return 'validation.url';
  }
  if (rule === 'required' || (rule === 'invalid_type' && /undefined/.test(issue.message))) return 'validation.required';
  return null;
}

/** Form field names of the API's issue paths; issues the form has no field for are returned apart. */
export function toFieldErrors(
  issues: readonly FieldIssue[],
  translate: (key: Key) => string,
  fields: ReadonlySet<string>,
): { fieldErrors: FieldError[]; other: string[] } {
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  for (const issue of issues) {
    const key = issueMessageKey(issue);
    const message = key ? translate(key) : issue.fix ? `${issue.message} (${issue.fix})` : issue.message;
    const path = issue.path === 'partner' ? 'partner.nameEn' : issue.path;
    if (!fields.has(path)) {
      other.push(message);
      continue;
    }
    const list = byField.get(path) ?? [];
    if (!list.includes(message)) list.push(message);
    byField.set(path, list);
  }
  return {
    fieldErrors: [...byField].map(([path, errors]) => ({ name: path.split('.'), errors })),
    other,
  };
}

export const CREATE_FIELDS: ReadonlySet<string> = new Set([
  'cnCode',
  'kind',
  'status',
  'establishedOn',
  'endedOn',
  'endedReason',
  'sourceUrl',
  'notes',
  'isPublic',
  'notesInternal',
  'partner.countryIso2',
  'partner.nameZh',
  'partner.nameEn',
  'partner.nameLocal',
  'partner.adminLevel',
]);

export const UPDATE_FIELDS: ReadonlySet<string> = new Set([
  'cnCode',
  'kind',
  'status',
  'establishedOn',
  'endedOn',
  'endedReason',
  'sourceUrl',
  'notes',
  'isPublic',
  'notesInternal',
]);
