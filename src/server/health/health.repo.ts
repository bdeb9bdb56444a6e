/**
 * Database access for health: what the scores need, for every partnership of a scope at once, in
 * one statement. Activities are summarised in the database (last day, counts by age, fields of the
 * window, participants and person-days), so that a province of 100k pairs and 1M activities sends
 * one small row per pair, never the activities themselves. The summary is the same one
 * summarizeActivities() builds in src/shared/health.ts; a test holds the two together.
 */

import { type SQL, sql } from 'drizzle-orm';
import { ageBounds } from '../../shared/health.js';
import type { DbOrTx } from '../db/client.js';
import {
  activities,
  activityPartnerships,
  cnDivisions,
  countries,
  foreignPlaces,
  partnerships,
  projectOutcomes,
  projectPartnerships,
  projects,
} from '../db/schema.js';
import { queryRows } from '../db/sql.js';
import { type Subtree, subtreeWhere } from '../db/subtree.js';

const p = partnerships;

export type HealthFilter = {
  /** A subtree (province, prefecture or the division itself), one partnership, or null for the whole country. */
  scope: Subtree | { column: 'id'; id: number } | null;
  /** YYYY-MM-DD */
  asOf: string;
  kind?: string;
};

/** One partnership with the inputs of its health (activity summary and project counts). */
export type HealthRow = {
  id: number;
  cnCode: string;
  kind: string;
  status: string;
  /** Always established, except for a single partnership asked for by id. */
  stage: string;
  establishedOn: string | null;
  establishedPrecision: string | null;
  sortKey: string;
  lastActivityOn: string | null;
  /** Activities by age in whole years: y0 is the last 12 months. */
  byAge: number[];
  fields: string[];
  participants: number;
  personDays: number;
  projects: number;
  projectsWithOutcomes: number;
  outcomes: number;
};

function scopeWhere(scope: HealthFilter['scope']): SQL {
  if (scope?.column === 'id') return sql`${p.id} = ${scope.id}`;
  return subtreeWhere(p, scope) ?? sql`true`;
}

/**
 * The pairs whose health is measured on a day: signed (stage established), established on or
 * before the day or undated, and not ended by it — the figures' rule. A single partnership asked for
 * by id is read whatever its stage and dates (the service refuses one that is not yet signed).
 */
function measuredWhere(filter: HealthFilter): SQL {
  const scoped = scopeWhere(filter.scope);
  if (filter.scope?.column === 'id') return scoped;
  return sql`${scoped} and ${p.stage} = 'established'
    and (${p.establishedOn} is null or ${p.establishedOn} <= ${filter.asOf}::date)
    and (${p.endedOn} is null or ${p.endedOn} > ${filter.asOf}::date)
    ${filter.kind ? sql`and ${p.kind} = ${filter.kind}` : sql``}`;
}

/** Every measured partnership of the filter with the inputs of its health, by id. */
export async function selectHealthInputs(db: DbOrTx, filter: HealthFilter): Promise<HealthRow[]> {
  const asOf = filter.asOf;
  const bounds = ageBounds(asOf); // bounds[0] = asOf, bounds[k] = k years before
  const windowStart = bounds[bounds.length - 1] as string;
  const ages = bounds
    .slice(0, -1)
    .map(
      (upper, k) =>
        sql`(count(*) filter (where a.occurred_on <= ${upper}::date and a.occurred_on > ${bounds[k + 1]}::date))::int`,
    );
  const a = activities;
  const ap = activityPartnerships;
  // The fields of the window as one comma-separated string per pair, made distinct here: one cheap
  // aggregate instead of a per-pair sort (fields are FIELDS codes, checked on write, never with commas).
  const fieldList = sql`string_agg(array_to_string(a.fields, ','), ',') filter (where a.occurred_on > ${windowStart}::date) as fields`;
  const aggregates = sql`max(a.occurred_on)::text as last_on,
    json_build_array(${sql.join(ages, sql`, `)}) as by_age,
    ${fieldList},
    coalesce(sum(a.participants) filter (where a.occurred_on > ${windowStart}::date), 0)::int as participants,
    coalesce(sum(a.participants * greatest(coalesce(a.days, 1), 1))
      filter (where a.occurred_on > ${windowStart}::date), 0)::int as person_days`;
  // The whole country: one pass over every link and activity, grouped (hash joins). A division or a
  // single pair: each pair's activities through the index of activity_partnerships, whatever the
  // planner guesses of the scope's size (a hash join would read every link of the country).
  const summary =
    filter.scope === null
      ? sql`
        select ap.partnership_id, ${aggregates}
        from ${ap} ap join ${a} a on a.id = ap.activity_id
        where a.occurred_on <= ${asOf}::date
        group by ap.partnership_id`
      : sql`
        select s.id as partnership_id, x.*
        from scoped s cross join lateral (
          select ${aggregates}
          from ${ap} ap join ${a} a on a.id = ap.activity_id
          where ap.partnership_id = s.id and a.occurred_on <= ${asOf}::date
        ) x`;
  const rows = await queryRows<Omit<HealthRow, 'byAge' | 'fields'> & { byAge: number[] | string; fields: string }>(
    db,
    sql`with scoped as not materialized (
        select ${p.id} as id, ${p.cnCode} as cn_code, ${p.kind} as kind, ${p.status} as status, ${p.stage} as stage,
          ${p.establishedOn} as established_on, ${p.establishedPrecision} as established_precision,
          ${p.sortKey} as sort_key
        from ${p} where ${measuredWhere(filter)}
      ), summary as (${summary}
      ), measured as (
        select o.project_id, count(*)::int as outcomes
        from ${projectOutcomes} o where o.as_of <= ${asOf}::date group by o.project_id
      ), project_counts as (
        select pp.partnership_id, count(*)::int as projects,
          (count(*) filter (where m.outcomes > 0))::int as with_outcomes,
          coalesce(sum(m.outcomes), 0)::int as outcomes
        from scoped s
        join ${projectPartnerships} pp on pp.partnership_id = s.id
        join ${projects} pr on pr.id = pp.project_id
        left join measured m on m.project_id = pp.project_id
        where pr.start_on is null or pr.start_on <= ${asOf}::date
        group by pp.partnership_id
      )
      select s.id, s.cn_code as "cnCode", s.kind, s.status, s.stage, s.sort_key as "sortKey",
        s.established_on::text as "establishedOn", s.established_precision as "establishedPrecision",
        su.last_on as "lastActivityOn", coalesce(su.by_age, json_build_array(${sql.join(
          ages.map(() => sql`0`),
          sql`, `,
        )})) as "byAge",
        coalesce(su.fields, '') as fields,
        coalesce(su.participants, 0) as participants, coalesce(su.person_days, 0) as "personDays",
        coalesce(pc.projects, 0) as projects, coalesce(pc.with_outcomes, 0) as "projectsWithOutcomes",
        coalesce(pc.outcomes, 0) as outcomes
      from scoped s
      left join summary su on su.partnership_id = s.id
      left join project_counts pc on pc.partnership_id = s.id
      order by s.id`,
  );
  return rows.map((r) => ({
    ...r,
    byAge: typeof r.byAge === 'string' ? (JSON.parse(r.byAge) as number[]) : r.byAge,
    fields: [...new Set(r.fields.split(',').filter((f) => f !== ''))].sort(),
  }));
}

/** Names of both sides for the given partnerships, for a page of a list. */
export async function selectHealthNames(db: DbOrTx, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return queryRows<{
    id: number;
    cnNameZh: string;
    cnNameEn: string;
    partnerNameZh: string | null;
    partnerNameEn: string | null;
    countryIso2: string;
    countryNameZh: string | null;
    countryNameEn: string | null;
  }>(
    db,
    sql`select ${p.id} as id, ${cnDivisions.nameZh} as "cnNameZh", ${cnDivisions.nameEn} as "cnNameEn",
        ${foreignPlaces.nameZh} as "partnerNameZh", ${foreignPlaces.nameEn} as "partnerNameEn",
        ${p.countryIso2} as "countryIso2", ${countries.nameZh} as "countryNameZh", ${countries.nameEn} as "countryNameEn"
      from ${p}
      join ${cnDivisions} on ${cnDivisions.code} = ${p.cnCode}
      join ${foreignPlaces} on ${foreignPlaces.id} = ${p.foreignPlaceId}
      left join ${countries} on ${countries.iso2} = ${p.countryIso2}
      where ${p.id} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
  );
}
