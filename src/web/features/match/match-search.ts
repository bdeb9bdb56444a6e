/**
 * The address-bar state of 友城匹配: the tab, the requests board's filters and page, and the
 * suggestions' division, weights and region — so a ranked list with its weights can be sent on.
 */
import { CONTINENTS, type Continent } from '../../../shared/enums';
import {
  DEFAULT_WEIGHTS,
  REQUEST_SIDES,
  REQUEST_STATUSES,
  type RequestSide,
  type RequestStatus,
  WEIGHT_KEYS,
  type Weights,
} from '../../../shared/schemas/match';
import { divisionCode, type GlobalSearch, integer, validateGlobalSearch } from '../../state/search';

type Raw = Record<string, unknown>;

export const MATCH_TABS = ['requests', 'suggestions', 'shortlist', 'policy'] as const;
export type MatchTab = (typeof MATCH_TABS)[number];

export type MatchSearch = GlobalSearch & {
  /** The requests board when absent. */
  tab?: MatchTab;
  side?: RequestSide;
  status?: RequestStatus;
  /** Only open requests past their expiry day. */
  stale?: 1;
  country?: string;
  q?: string;
  page?: number;
  /** The division the suggestions are for; the actor's own when absent. */
  cn?: string;
  /** The weights that differ from the defaults, as `role:2,geo:0`. */
  weights?: string;
  region?: Continent;
};

export const REQUESTS_PER_PAGE = 20;

const oneOf = <T extends string>(allowed: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

export function validateMatchSearch(raw: Raw): MatchSearch {
  const tab = oneOf(MATCH_TABS, raw.tab);
  const page = integer(raw.page, 1, 100_000);
  const q = typeof raw.q === 'string' ? raw.q.trim().slice(0, 100) : undefined;
  const country = typeof raw.country === 'string' && /^[A-Z]{2}$/.test(raw.country) ? raw.country : undefined;
  const weights = formatWeights(parseWeights(raw.weights));
  return {
    ...validateGlobalSearch(raw),
    tab: tab === 'requests' ? undefined : tab,
    side: oneOf(REQUEST_SIDES, raw.side),
    status: oneOf(REQUEST_STATUSES, raw.status),
    stale: raw.stale === '1' || raw.stale === 1 ? 1 : undefined,
    country,
    q: q || undefined,
    page: page === 1 ? undefined : page,
    cn: divisionCode(raw.cn),
    weights: weights || undefined,
    region: oneOf(CONTINENTS, raw.region),
  };
}

/** `role:2,geo:0` → every weight (the defaults for keys left out); a bad part is dropped. */
export function parseWeights(value: unknown): Weights {
  const weights = { ...DEFAULT_WEIGHTS };
  if (typeof value !== 'string') return weights;
  for (const part of value.split(',')) {
    const [key, text] = part.split(':');
    const n = Number(text);
    if ((WEIGHT_KEYS as readonly string[]).includes(key ?? '') && text !== '' && Number.isFinite(n) && n >= 0 && n <= 3)
      weights[key as keyof Weights] = n;
  }
  return weights;
}

/** The weights that differ from the defaults, in the schema's order: '' when none does. */
export function formatWeights(weights: Weights): string {
  return WEIGHT_KEYS.filter((k) => weights[k] !== DEFAULT_WEIGHTS[k])
    .map((k) => `${k}:${weights[k]}`)
    .join(',');
}

/** Every weight, as the API reads them (`size:1,role:2,…`). */
export function weightsParam(weights: Weights): string {
  return WEIGHT_KEYS.map((k) => `${k}:${weights[k]}`).join(',');
}

/** The API query of the requests board. */
export function requestsQuery(search: MatchSearch, scope: string | undefined) {
  const page = search.page ?? 1;
  return {
    scope,
    side: search.side,
    status: search.status,
    stale: search.stale ? '1' : undefined,
    country: search.country,
    q: search.q,
    page,
    perPage: REQUESTS_PER_PAGE,
  };
}
