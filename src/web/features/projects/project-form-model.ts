/** The project form's values, to and from the API: pure, so it is tested without a browser. */
import type { FieldIssue } from '../../../shared/errors';
import { ProjectCreateSchema, ProjectUpdateSchema } from '../../../shared/schemas/project';
import type { ProjectDetail } from './project-api';

export type ProjectFormValues = {
  cnCode?: string;
  nameZh?: string;
  nameEn?: string;
  field?: string;
  status?: string;
  startOn?: string;
  endOn?: string;
  description?: string;
  sdgs?: number[];
  countries?: string[];
  partnershipIds?: number[];
  measureIds?: number[];
  sources?: string[];
};

const TEXT_FIELDS = ['nameZh', 'nameEn', 'startOn', 'endOn', 'description'] as const;

export function toProjectFormValues(p: ProjectDetail): ProjectFormValues {
  return {
    cnCode: p.cnCode,
    nameZh: p.nameZh ?? undefined,
    nameEn: p.nameEn ?? undefined,
    field: p.field,
    status: p.status,
    startOn: p.startOn ?? undefined,
    endOn: p.endOn ?? undefined,
    description: p.description ?? undefined,
    sdgs: p.sdgs,
    countries: p.countries,
    partnershipIds: p.partnershipIds,
    measureIds: p.measureIds,
    sources: p.sources,
  };
}

/** Blank text is "nothing": left out when creating, sent as null when editing (to clear it). */
function cleaned(values: ProjectFormValues, forUpdate: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const key of TEXT_FIELDS) {
    const v = values[key]?.trim();
    if (v) out[key] = v;
    else if (forUpdate) out[key] = null;
    else delete out[key];
  }
  for (const [key, v] of Object.entries(out)) if (v === undefined) delete out[key];
  return out;
}

export type Checked<T> = { ok: true; body: T } | { ok: false; issues: FieldIssue[] };

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ path: String(i.path[0] ?? 'nameZh'), message: i.message }));
}

export function checkProjectCreate(values: ProjectFormValues): Checked<unknown> {
  const parsed = ProjectCreateSchema.safeParse(cleaned(values, false));
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

export function checkProjectUpdate(values: ProjectFormValues, version: number): Checked<unknown> {
  const { cnCode, ...rest } = cleaned(values, true);
  const parsed = ProjectUpdateSchema.safeParse({ ...rest, cnCode, version });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}
