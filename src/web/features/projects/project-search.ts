/** The address-bar state of the projects list: filters by field, status, SDG and country, text, page. */
import { FIELDS } from '../../../shared/enums';
import { PROJECT_STATUSES } from '../../../shared/schemas/project';
import { type GlobalSearch, integer, validateGlobalSearch } from '../../state/search';

type Raw = Record<string, unknown>;

export type ProjectSearch = GlobalSearch & {
  q?: string;
  field?: (typeof FIELDS)[number][];
  status?: (typeof PROJECT_STATUSES)[number][];
  sdg?: number;
  country?: string[];
  page?: number;
};

function listOf<T extends string>(allowed: (s: string) => boolean, value: unknown): T[] | undefined {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.map(String) : [];
  const out = [...new Set(parts.map((p) => p.trim()).filter((p) => p !== '' && allowed(p)))] as T[];
  return out.length ? out : undefined;
}

export function validateProjectSearch(raw: Raw): ProjectSearch {
  const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 200) || undefined : undefined;
  const page = integer(raw.page, 1, 1_000_000);
  return {
    ...validateGlobalSearch(raw),
    q,
    field: listOf((s) => (FIELDS as readonly string[]).includes(s), raw.field),
    status: listOf((s) => (PROJECT_STATUSES as readonly string[]).includes(s), raw.status),
    sdg: integer(raw.sdg, 1, 17),
    country: listOf((s) => /^[A-Z]{2}$/.test(s), raw.country),
    page: page === 1 ? undefined : page,
  };
}

/** The API query of the list: the scope becomes `cn` (the scope and everything under it). */
export function projectQuery(search: ProjectSearch, scope: string | undefined) {
  return {
    cn: scope && scope !== '000000' ? scope : undefined,
    q: search.q,
    field: search.field,
    status: search.status,
    sdg: search.sdg,
    country: search.country,
    page: search.page ?? 1,
    perPage: 50,
  };
}

/** The view of a programme page: its areas with their measures, or the evidence. */
export type ProgrammeSearch = GlobalSearch & { view?: 'evidence' };

export function validateProgrammeSearch(raw: Raw): ProgrammeSearch {
  return { ...validateGlobalSearch(raw), view: raw.view === 'evidence' ? 'evidence' : undefined };
}
