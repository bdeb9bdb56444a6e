/** The address-bar state of the health list: suggestion, recorded status, sort and page. */
import { STATUSES } from '../../../shared/enums';
import { SUGGESTIONS, type Suggestion } from '../../../shared/health';
import { HEALTH_SORTS } from '../../../shared/schemas/health';
import { type GlobalSearch, integer, validateGlobalSearch } from '../../state/search';

type Raw = Record<string, unknown>;
export type HealthStatusFilter = (typeof STATUSES)[number] | 'any';

export type HealthSearch = GlobalSearch & {
  suggestion?: Suggestion;
  /** The recorded status; active when absent, so that suggestion=dormant is the dormant-on-paper list. */
  status?: HealthStatusFilter;
  sort?: (typeof HEALTH_SORTS)[number];
  page?: number;
};

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export function validateHealthSearch(raw: Raw): HealthSearch {
  const page = integer(raw.page, 1, 100_000);
  const status = oneOf<HealthStatusFilter>([...STATUSES, 'any'], raw.status);
  const sort = oneOf(HEALTH_SORTS, raw.sort);
  return {
    ...validateGlobalSearch(raw),
    suggestion: oneOf(SUGGESTIONS, raw.suggestion),
    status: status === 'active' ? undefined : status,
    sort: sort === 'quiet' ? undefined : sort,
    page: page === 1 ? undefined : page,
  };
}

export const HEALTH_PER_PAGE = 50;

/** The API query of the list. */
export function healthQuery(search: HealthSearch, scope: string | undefined, asOf: string | undefined) {
  return {
    scope,
    asOf,
    suggestion: search.suggestion,
    status: search.status ?? 'active',
    sort: search.sort ?? 'quiet',
    page: search.page ?? 1,
    perPage: HEALTH_PER_PAGE,
  };
}
