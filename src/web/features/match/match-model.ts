/**
 * The pure parts of 友城匹配: the request form's values to and from the API (checked by the shared
 * schemas before sending, the API's issues placed back on their fields), the status moves a
 * request offers, and the map of candidates' ECharts option.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { Continent, Field } from '../../../shared/enums';
import type { FieldIssue } from '../../../shared/errors';
import { shiftLongitude } from '../../../shared/map/geo';
import {
  type Candidate,
  type MatchRequest,
  type MatchRequestCreate,
  MatchRequestCreateSchema,
  type MatchRequestUpdate,
  MatchRequestUpdateSchema,
  type PlaceFeature,
  REQUEST_MOVES,
  type RequestSide,
  type RequestStatus,
  type Size,
} from '../../../shared/schemas/match';
import { BASE_MAP } from '../map/map-options';

/** The form's fields, flat: the profile's and the foreign place's beside the request's own. */
export type RequestFormValues = {
  side: RequestSide;
  cnCode?: string;
  countryIso2?: string;
  nameZh?: string;
  nameEn?: string;
  population?: number | null;
  populationAsOf?: string;
  areaKm2?: number | null;
  economy?: string;
  description?: string;
  features?: PlaceFeature[];
  wishedCountries?: string[];
  wishedRegions?: Continent[];
  wishedProvinces?: string[];
  fields?: Field[];
  sizeWished?: Size | null;
  contactId?: number | null;
  source?: string;
  sourceUrl?: string;
  receivedOn?: string;
  expiresOn?: string;
  notes?: string;
};

export type RequestFormField = keyof RequestFormValues;

export function toRequestFormValues(r: MatchRequest): RequestFormValues {
  return {
    side: r.side,
    cnCode: r.cn?.code,
    countryIso2: r.foreign?.countryIso2,
    nameZh: r.foreign?.nameZh ?? undefined,
    nameEn: r.foreign?.nameEn ?? undefined,
    population: r.profile.population ?? null,
    populationAsOf: r.profile.populationAsOf ?? undefined,
    areaKm2: r.profile.areaKm2 ?? null,
    economy: r.profile.economy ?? undefined,
    description: r.profile.description ?? undefined,
    features: r.profile.features,
    wishedCountries: r.wishedCountries,
    wishedRegions: r.wishedRegions,
    wishedProvinces: r.wishedProvinces,
    fields: r.fields,
    sizeWished: r.sizeWished,
    contactId: r.contact?.id ?? null,
    source: r.source ?? undefined,
    sourceUrl: r.sourceUrl ?? undefined,
    receivedOn: r.receivedOn ?? undefined,
    expiresOn: r.expiresOn,
    notes: r.notes ?? undefined,
  };
}

const blank = (s: string | undefined) => {
  const v = s?.trim();
  return v ? v : null;
};
const numberOrNull = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The request's own fields; blanks are null (an edit clears them), left out of a new request. */
function requestFields(v: RequestFormValues, forUpdate: boolean) {
  const all = {
    profile: {
      population: numberOrNull(v.population),
      populationAsOf: blank(v.populationAsOf),
      areaKm2: numberOrNull(v.areaKm2),
      economy: blank(v.economy),
      description: blank(v.description),
      features: v.features ?? [],
    },
    wishedCountries: v.wishedCountries ?? [],
    wishedRegions: v.wishedRegions ?? [],
    wishedProvinces: v.side === 'foreign' ? (v.wishedProvinces ?? []) : [],
    fields: v.fields ?? [],
    sizeWished: v.sizeWished ?? null,
    contactId: v.contactId ?? null,
    source: blank(v.source),
    sourceUrl: blank(v.sourceUrl),
    receivedOn: blank(v.receivedOn),
    expiresOn: blank(v.expiresOn),
    notes: blank(v.notes),
  };
  if (forUpdate) return all;
  const { profile, ...rest } = all;
  const keep = <T extends Record<string, unknown>>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, value]) => value !== null)) as Partial<T>;
  return { profile: keep(profile), ...keep(rest) };
}

/** Where an issue of the API (or of the schema) goes in the form: `profile.population` → population. */
export function issueField(path: string): RequestFormField {
  const parts = path.split('.');
  const head = parts[0] === 'profile' || parts[0] === 'foreignPlace' ? parts[1] : parts[0];
  const known: RequestFormField[] = [
    'cnCode',
    'countryIso2',
    'nameZh',
    'nameEn',
    'population',
    'populationAsOf',
    'areaKm2',
    'economy',
    'description',
    'features',
    'wishedCountries',
    'wishedRegions',
    'wishedProvinces',
    'fields',
    'sizeWished',
    'contactId',
    'source',
    'sourceUrl',
    'receivedOn',
    'expiresOn',
    'notes',
  ];
  if (parts[0] === 'foreignPlace' && !head) return 'nameEn';
  return known.includes(head as RequestFormField) ? (head as RequestFormField) : 'notes';
}

export type Checked<T> = { ok: true; body: T } | { ok: false; issues: FieldIssue[] };

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

const required = (path: string): FieldIssue => ({ path, message: 'required', rule: 'required' });

export function checkRequestCreate(v: RequestFormValues): Checked<MatchRequestCreate> {
  const missing: FieldIssue[] = [];
  if (v.side === 'cn' && !v.cnCode) missing.push(required('cnCode'));
  if (v.side === 'foreign') {
    if (!v.countryIso2) missing.push(required('countryIso2'));
    if (!blank(v.nameZh) && !blank(v.nameEn)) missing.push(required('nameEn'));
  }
  if (missing.length > 0) return { ok: false, issues: missing };
  const place =
    v.side === 'cn'
      ? { cnCode: v.cnCode }
      : {
          foreignPlace: {
            countryIso2: v.countryIso2,
            ...(blank(v.nameZh) ? { nameZh: blank(v.nameZh) } : {}),
            ...(blank(v.nameEn) ? { nameEn: blank(v.nameEn) } : {}),
          },
        };
  const parsed = MatchRequestCreateSchema.safeParse({ side: v.side, ...place, ...requestFields(v, false) });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

export function checkRequestUpdate(v: RequestFormValues, version: number): Checked<MatchRequestUpdate> {
  const parsed = MatchRequestUpdateSchema.safeParse({ ...requestFields(v, true), version });
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, issues: issuesOf(parsed.error) };
}

/** The statuses a request may move to; a matched one is closed only, through the pair it became. */
export function statusMoves(status: RequestStatus): readonly RequestStatus[] {
  return REQUEST_MOVES[status];
}

/** The place a request is for, in the page's language. */
export function requestPlace(r: MatchRequest, name: (zh: string | null, en: string | null) => string): string {
  if (r.cn) return name(r.cn.nameZh, r.cn.nameEn);
  if (r.foreign) return name(r.foreign.nameZh, r.foreign.nameEn);
  return `#${r.id}`;
}

/**
 * The candidate keys a place of the registry may go by, the likelier first: its GeoNames id when it
 * has one (the gazetteer's candidate), then its own id (a candidate of its own when the gazetteer
 * lacks it).
 */
export function placeKeys(place: { id: number; geonamesId: number | null }): string[] {
  return place.geonamesId === null ? [`fp:${place.id}`] : [`gn:${place.geonamesId}`, `fp:${place.id}`];
}

/* ---------- the map of candidates ---------- */

export type CandidatePoint = {
  key: string;
  rank: number;
  coord: [number, number];
  score: number;
  label: string;
};

/** The top candidates that have coordinates, numbered by their rank in the list. */
export function candidatePoints(
  items: readonly Candidate[],
  label: (c: Candidate) => string,
  top = 20,
): { points: CandidatePoint[]; missing: number } {
  const points: CandidatePoint[] = [];
  let missing = 0;
  items.slice(0, top).forEach((c, i) => {
    if (c.lat === null || c.lng === null) {
      missing++;
      return;
    }
    points.push({ key: c.key, rank: i + 1, coord: [shiftLongitude(c.lng), c.lat], score: c.score, label: label(c) });
  });
  return { points, missing };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The part of the map the division and its candidates are in, with a margin, at least 50° wide and
 * 30° high: neighbours are told apart instead of sitting on one dot of a world map. Longitudes are
 * the shifted ones of the Pacific-centred base map; null when nothing has coordinates.
 */
export function mapBounds(coords: readonly (readonly [number, number])[]): [[number, number], [number, number]] | null {
  if (coords.length === 0) return null;
  const lngs = coords.map((c) => c[0]);
  const lats = coords.map((c) => c[1]);
  const grow = (lo: number, hi: number, min: number, margin: number): [number, number] => {
    const span = Math.max(hi - lo + 2 * margin, min);
    const mid = (lo + hi) / 2;
    return [mid - span / 2, mid + span / 2];
  };
  const [west, east] = grow(Math.min(...lngs), Math.max(...lngs), 50, 6);
  const [south, north] = grow(Math.min(...lats), Math.max(...lats), 30, 5);
  return [
    [west, Math.min(north, 85)],
    [east, Math.max(south, -85)],
  ];
}

export const CANDIDATE_COLOR = '#c2410c';
export const HOME_COLOR = '#1d4ed8';

/**
 * Lines from the division to its candidates, each candidate a numbered point sized by its score;
 * the division itself a point of its own colour. No tiles: the bundled base map of features/map.
 */
export function candidatesMapOption(
  home: { coord: [number, number]; label: string } | null,
  points: readonly CandidatePoint[],
): EChartsCoreOption {
  const from = home ? [home.coord[0], home.coord[1]] : null;
  const bounds = mapBounds([...points.map((p) => p.coord), ...(home ? [home.coord] : [])]);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { data?: { label?: string } }) => escapeHtml(params.data?.label ?? ''),
    },
    geo: {
      map: BASE_MAP,
      roam: true,
      aspectScale: 0.85,
      silent: true,
      ...(bounds ? { boundingCoords: bounds } : {}),
      scaleLimit: { min: 0.3, max: 12 },
      itemStyle: { areaColor: '#dce4ee', borderColor: '#c3cedb', borderWidth: 0.5 },
    },
    series: [
      {
        type: 'lines',
        coordinateSystem: 'geo',
        zlevel: 1,
        silent: true,
        lineStyle: { color: CANDIDATE_COLOR, width: 1, opacity: 0.35, curveness: 0.2 },
        data: from ? points.map((p) => ({ coords: [from, p.coord] })) : [],
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        zlevel: 2,
        symbolSize: (_: unknown, params: { data?: { score?: number } }) => 8 + (params.data?.score ?? 0) / 8,
        itemStyle: { color: CANDIDATE_COLOR, borderColor: '#fff', borderWidth: 1 },
        label: {
          show: true,
          formatter: (p: { data?: { rank?: number } }) => String(p.data?.rank ?? ''),
          fontSize: 9,
          color: '#fff',
        },
        data: points.map((p) => ({ value: p.coord, key: p.key, rank: p.rank, score: p.score, label: p.label })),
      },
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        zlevel: 3,
        symbol: 'diamond',
        symbolSize: 14,
        itemStyle: { color: HOME_COLOR, borderColor: '#fff', borderWidth: 1 },
        data: home ? [{ value: home.coord, label: home.label }] : [],
      },
    ],
  };
}
