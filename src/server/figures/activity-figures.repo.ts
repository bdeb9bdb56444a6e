/**
 * Database access for the activity figures: activities of a scope per year by type (with their
 * participants) and per year by field, in one statement. An activity belongs to the scope of its
 * primary partnership (activities.partnership_id), as in GET /api/activities?cn=, so that the list
 * behind a number holds exactly the activities counted.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { activities, partnerships } from '../db/schema.js';
import { queryRows } from '../db/sql.js';
import { type Subtree, subtreeWhere } from '../db/subtree.js';

export type ActivityCountFilter = {
  /** null for the whole country */
  scope: Subtree | null;
  /** YYYY-MM-DD, the first day counted */
  from: string;
  /** YYYY-MM-DD, the last day counted */
  asOf: string;
};

export type YearTypeRow = { year: number; type: string; count: number; participants: number };
export type YearFieldRow = { year: number; field: string; count: number };

function scopeOf(scope: ActivityCountFilter['scope']): SQL {
  return subtreeWhere(partnerships, scope) ?? sql`true`;
}

/** Counts per year and type, and per year and field, of the scope's activities from `from` to `asOf`. */
export async function selectActivityCounts(db: DbOrTx, filter: ActivityCountFilter) {
  const a = activities;
  const p = partnerships;
  const inScope = filter.scope
    ? sql`and ${a.partnershipId} in (select ${p.id} from ${p} where ${scopeOf(filter.scope)})`
    : sql``;
  const rows = await queryRows<{ by_type: YearTypeRow[] | string; by_field: YearFieldRow[] | string }>(
    db,
    sql`with acts as materialized (
        select extract(year from ${a.occurredOn})::int as year, ${a.type} as type, ${a.fields} as fields,
          ${a.participants} as participants
        from ${a}
        where ${a.occurredOn} >= ${filter.from}::date and ${a.occurredOn} <= ${filter.asOf}::date ${inScope}
      ), by_type as (
        select year, type, count(*)::int as count, coalesce(sum(participants), 0)::int as participants
        from acts group by year, type
      ), by_field as (
        select year, f as field, count(*)::int as count
        from acts cross join lateral unnest(fields) as f group by year, f
      )
      select
        (select coalesce(json_agg(json_build_object('year', year, 'type', type, 'count', count,
          'participants', participants) order by year, type), '[]'::json) from by_type) as by_type,
        (select coalesce(json_agg(json_build_object('year', year, 'field', field, 'count', count)
          order by year, field), '[]'::json) from by_field) as by_field`,
  );
  const row = rows[0];
  const parse = <T>(v: T[] | string | undefined): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v ?? []));
  return { byType: parse<YearTypeRow>(row?.by_type), byField: parse<YearFieldRow>(row?.by_field) };
}
