/**
 * Pure pieces of the activity pages: the list's address state, the form's values ↔ the API's input
 * (checked with the API's own zod schemas), labels of partnerships.
 */
import { ACTIVITY_TYPES, DELEGATION_TYPES, FIELDS, NATIONAL_CODE, RULE_CODES } from '../../../shared/enums';
import type { FieldIssue } from '../../../shared/errors';
import {
  type ActivityCreateInput,
  ActivityCreateSchema,
  type ActivityUpdateInput,
  ActivityUpdateSchema,
} from '../../../shared/schemas/activity';
import { day, divisionCode, integer } from '../../state/search';
import type { ActivityPartnership, ActivityRecord } from './activity-api';

type Raw = Record<string, unknown>;

function listOf<T extends string>(allowed: readonly T[], value: unknown): T[] | undefined {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.map(String) : [];
  const out = [
    ...new Set(parts.map((p) => p.trim()).filter((p): p is T => (allowed as readonly string[]).includes(p))),
  ];
  return out.length > 0 ? out : undefined;
}

export type ActivitySearch = {
  scope?: string;
  asOf?: string;
  type?: (typeof ACTIVITY_TYPES)[number][];
  field?: (typeof FIELDS)[number][];
  rule?: (typeof RULE_CODES)[number][];
  flagged?: 'true' | 'false';
  from?: string;
  to?: string;
  page?: number;
};

export function validateActivitySearch(raw: Raw): ActivitySearch {
  return {
    scope: divisionCode(raw.scope),
    asOf: day(raw.asOf),
    type: listOf(ACTIVITY_TYPES, raw.type),
    field: listOf(FIELDS, raw.field),
    rule: listOf(RULE_CODES, raw.rule),
    flagged: raw.flagged === 'true' || raw.flagged === 'false' ? raw.flagged : undefined,
    from: day(raw.from),
    to: day(raw.to),
    page: integer(raw.page, 1, 100_000),
  };
}

export const ACTIVITY_PER_PAGE = 50;

/** The API query of the list: the scope (the whole country is no filter), the filters, to the as-of day. */
export function activityQuery(search: ActivitySearch, scope: string | undefined) {
  const to = [search.to, search.asOf].filter((d): d is string => !!d).sort()[0];
  return {
    cn: scope && scope !== NATIONAL_CODE ? scope : undefined,
    type: search.type,
    field: search.field,
    rule: search.rule,
    flagged: search.flagged,
    from: search.from,
    to,
    page: search.page,
    perPage: ACTIVITY_PER_PAGE,
  };
}

export function isDelegationType(type: string | undefined): boolean {
  return (DELEGATION_TYPES as readonly string[]).includes(type ?? '');
}

/** 长沙市 — 鹿儿岛 / Changsha — Kagoshima */
export function partnershipLabel(p: ActivityPartnership, lang: string): string {
  const cn = lang === 'zh-CN' ? p.cnNameZh : p.cnNameEn;
  const partner =
    (lang === 'zh-CN' ? (p.partnerNameZh ?? p.partnerNameEn) : (p.partnerNameEn ?? p.partnerNameZh)) ?? '';
  return `${cn} — ${partner}`;
}

export function activityTitle(a: Pick<ActivityRecord, 'titleZh' | 'titleEn'>, lang: string): string {
  return (lang === 'zh-CN' ? (a.titleZh ?? a.titleEn) : (a.titleEn ?? a.titleZh)) ?? '';
}

/** "1 day" but "5 days", "1 person" but "12 people": English counts in the singular for one. */
export function sizeKeys(count: number): { people: 'act.peopleOne' | 'act.people'; days: 'act.daysOne' | 'act.daysN' } {
  return count === 1 ? { people: 'act.peopleOne', days: 'act.daysOne' } : { people: 'act.people', days: 'act.daysN' };
}

export type ActivityFormValues = {
  partnershipId?: number;
  partnershipIds?: number[];
  type?: string;
  occurredOn?: string;
  titleZh?: string;
  titleEn?: string;
  description?: string;
  leader?: string;
  participants?: number | null;
  days?: number | null;
  purpose?: string;
  approvalRef?: string;
  costSharing?: string | null;
  fields?: string[];
  anniversary?: boolean;
  sourceUrl?: string;
  sources?: string[];
};

export const FORM_FIELDS = [
  'partnershipId',
  'partnershipIds',
  'type',
  'occurredOn',
  'titleZh',
  'titleEn',
  'description',
  'leader',
  'participants',
  'days',
  'purpose',
  'approvalRef',
  'costSharing',
  'fields',
  'anniversary',
  'sourceUrl',
  'sources',
] as const;

const blank = (s: string | undefined | null) => {
  const trimmed = s?.trim();
  return trimmed ? trimmed : null;
};

/** The body of POST (no version) or PATCH (with the version read), from the form's values. */
export function toActivityInput(
  values: ActivityFormValues,
  version?: number,
): { ok: true; input: ActivityCreateInput | ActivityUpdateInput } | { ok: false; issues: FieldIssue[] } {
  const delegation = isDelegationType(values.type);
  const body = {
    type: values.type,
    occurredOn: values.occurredOn?.trim(),
    titleZh: blank(values.titleZh),
    titleEn: blank(values.titleEn),
    description: blank(values.description),
    sourceUrl: blank(values.sourceUrl),
    sources: (values.sources ?? []).map((s) => s.trim()).filter(Boolean),
    // Delegation details are kept only for delegations; size and days count for any activity.
    leader: delegation ? blank(values.leader) : null,
    approvalRef: delegation ? blank(values.approvalRef) : null,
    costSharing: delegation ? (values.costSharing ?? null) : null,
    purpose: blank(values.purpose),
    participants: values.participants ?? null,
    days: values.days ?? null,
    fields: values.fields ?? [],
    anniversary: values.anniversary ?? false,
    partnershipIds: (values.partnershipIds ?? []).filter((id) => id !== values.partnershipId),
  };
  const parsed =
    version === undefined
      ? ActivityCreateSchema.safeParse({ ...body, partnershipId: values.partnershipId })
      : ActivityUpdateSchema.safeParse({ ...body, version });
  if (parsed.success) return { ok: true, input: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, rule: i.code })),
  };
}

export function toActivityFormValues(a: ActivityRecord): ActivityFormValues {
  return {
    partnershipId: a.partnershipId,
    partnershipIds: a.partnershipIds.filter((id) => id !== a.partnershipId),
    type: a.type,
    occurredOn: a.occurredOn,
    titleZh: a.titleZh ?? undefined,
    titleEn: a.titleEn ?? undefined,
    description: a.description ?? undefined,
    leader: a.leader ?? undefined,
    participants: a.participants,
    days: a.days,
    purpose: a.purpose ?? undefined,
    approvalRef: a.approvalRef ?? undefined,
    costSharing: a.costSharing,
    fields: a.fields,
    anniversary: a.anniversary,
    sourceUrl: a.sourceUrl ?? undefined,
    sources: a.sources,
  };
}

/** /activities/new?partnership=ID opens the form on that partnership. */
export function validateActivityNewSearch(raw: Raw): { partnership?: number } {
  return { partnership: integer(raw.partnership, 1, 2_147_483_647) };
}

/** /reminders?years=3&months=12 */
export function validateReminderSearch(raw: Raw): { years?: number; months?: number } {
  return { years: integer(raw.years, 1, 50), months: integer(raw.months, 1, 60) };
}
