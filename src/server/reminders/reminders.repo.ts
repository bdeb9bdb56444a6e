/** Database reads of the reminders: partnerships with an anniversary soon, and silent partnerships. */
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { queryRows } from '../db/sql.js';
import { ANNIVERSARY_STEP } from './reminders.js';

export type ReminderPartnershipRow = {
  id: number;
  cn_code: string;
  country_iso2: string;
  status: string;
  established_on: string | null;
  established_precision: string | null;
  partner_name_zh: string | null;
  partner_name_en: string | null;
};

const columns = sql`partnerships.id, partnerships.cn_code, partnerships.country_iso2, partnerships.status, partnerships.established_on::text as established_on,
  partnerships.established_precision, f.name_zh as partner_name_zh, f.name_en as partner_name_en`;

/**
 * Partnerships in force (not ended, signed by `asOf`) whose signing year is a multiple of 5 years
 * before one of the years from `fromYear` to `toYear`: the candidates; the exact periods are checked in code.
 */
export async function selectAnniversaryCandidates(
  db: DbOrTx,
  subtree: SQL | undefined,
  asOf: string,
  fromYear: number,
  toYear: number,
): Promise<ReminderPartnershipRow[]> {
  return queryRows<ReminderPartnershipRow>(
    db,
    sql`select ${columns}
      from partnerships join foreign_places f on f.id = partnerships.foreign_place_id
      where ${subtree ?? sql`true`} and partnerships.status <> 'ended' and partnerships.established_on is not null
        and partnerships.established_on <= ${asOf}
        and exists (
          select 1 from generate_series(${fromYear}::int, ${toYear}::int) y
          where y - extract(year from partnerships.established_on)::int > 0
            and mod(y - extract(year from partnerships.established_on)::int, ${ANNIVERSARY_STEP}::int) = 0)
      order by partnerships.established_on, partnerships.id`,
  );
}

/**
 * Partnerships in force whose last activity on or before `asOf` (through any of its activities'
 * links), or with none their signing, is before `before`; the silent longest first, then `total`.
 * The last days come from one grouped pass over the links (a hash aggregate), and the total from a
 * window over the same rows, so the whole list is one statement.
 */
export async function selectSilentPartnerships(
  db: DbOrTx,
  subtree: SQL | undefined,
  asOf: string,
  before: string,
  limit: number,
): Promise<{ rows: (ReminderPartnershipRow & { last_activity_on: string | null })[]; total: number }> {
  const inScope = sql`${subtree ?? sql`true`} and partnerships.status <> 'ended'
      and (partnerships.established_on is null or partnerships.established_on <= ${asOf})`;
  const rows = await queryRows<ReminderPartnershipRow & { last_activity_on: string | null; total: number }>(
    db,
    sql`with last as (
        select ap.partnership_id, max(a.occurred_on) as last_on
        from activity_partnerships ap join activities a on a.id = ap.activity_id
        where a.occurred_on <= ${asOf}
          and ap.partnership_id in (select partnerships.id from partnerships where ${inScope})
        group by ap.partnership_id)
      select partnerships.id, partnerships.cn_code, partnerships.country_iso2, partnerships.status,
        partnerships.established_on::text as established_on, partnerships.established_precision,
        f.name_zh as partner_name_zh, f.name_en as partner_name_en,
        last.last_on::text as last_activity_on, count(*) over ()::int as total
      from partnerships
        join foreign_places f on f.id = partnerships.foreign_place_id
        left join last on last.partnership_id = partnerships.id
      where ${inScope}
        and coalesce(last.last_on, partnerships.established_on, '0001-01-01'::date) < ${before}::date
      order by last.last_on nulls first, partnerships.established_on nulls first, partnerships.id
      limit ${limit}`,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}
