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
 */
export async function selectSilentPartnerships(
  db: DbOrTx,
  subtree: SQL | undefined,
  asOf: string,
  before: string,
  limit: number,
): Promise<{ rows: (ReminderPartnershipRow & { last_activity_on: string | null })[]; total: number }> {
  const silent = sql`(
    select partnerships.*, (
      select max(a.occurred_on) from activity_partnerships ap join activities a on a.id = ap.activity_id
      where ap.partnership_id = partnerships.id and a.occurred_on <= ${asOf}
    ) as last_activity_on
    from partnerships
    where ${subtree ?? sql`true`} and partnerships.status <> 'ended'
      and (partnerships.established_on is null or partnerships.established_on <= ${asOf})
  )`;
  const condition = sql`coalesce(s.last_activity_on, s.established_on, '0001-01-01'::date) < ${before}::date`;
  const [rows, counted] = await Promise.all([
    queryRows<ReminderPartnershipRow & { last_activity_on: string | null }>(
      db,
      sql`select s.id, s.cn_code, s.country_iso2, s.status, s.established_on::text as established_on,
          s.established_precision, f.name_zh as partner_name_zh, f.name_en as partner_name_en,
          s.last_activity_on::text as last_activity_on
        from ${silent} s join foreign_places f on f.id = s.foreign_place_id
        where ${condition}
        order by s.last_activity_on nulls first, s.established_on nulls first, s.id
        limit ${limit}`,
    ),
    queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${silent} s where ${condition}`),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}
