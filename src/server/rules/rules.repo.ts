/** Database access for office rules, and the rules' checks as SQL for lists of flagged activities. */
import { inArray, type SQL, sql } from 'drizzle-orm';
import { DELEGATION_TYPES, NATIONAL_CODE, type RuleCode } from '../../shared/enums.js';
import { DEFAULT_RULES } from '../../shared/schemas/rules.js';
import type { DbOrTx } from '../db/client.js';
import { activities, officeRules } from '../db/schema.js';
import { deleteKeyedIfVersion, updateKeyedIfVersion } from '../db/versioned.js';

export type OfficeRulesRow = typeof officeRules.$inferSelect;

export async function selectRulesRows(db: DbOrTx, scopeCodes: readonly string[]): Promise<OfficeRulesRow[]> {
  if (scopeCodes.length === 0) return [];
  return db
    .select()
    .from(officeRules)
    .where(inArray(officeRules.scopeCode, [...scopeCodes]));
}

export async function selectAllRulesRows(db: DbOrTx): Promise<OfficeRulesRow[]> {
  return db.select().from(officeRules).orderBy(officeRules.scopeCode);
}

/** Inserts the rules of a scope that has none; undefined when it has some already. */
export async function insertRules(db: DbOrTx, scopeCode: string, settings: unknown, isDemo: boolean) {
  const rows = await db.insert(officeRules).values({ scopeCode, settings, isDemo }).onConflictDoNothing().returning();
  return rows[0];
}

export function updateRulesIfVersion(db: DbOrTx, scopeCode: string, version: number, settings: unknown) {
  return updateKeyedIfVersion(db, officeRules, officeRules.scopeCode, scopeCode, version, { settings, isDemo: false });
}

export function deleteRulesIfVersion(db: DbOrTx, scopeCode: string, version: number): Promise<boolean> {
  return deleteKeyedIfVersion(db, officeRules, officeRules.scopeCode, scopeCode, version);
}

/*
 * The same checks as evaluateRules() in rules.ts, for one activity row of the outer query and its
 * primary partnership `p`, against `eff.s`: the settings of the nearest scope that has any (the
 * largest code among the division, its prefecture, its province and 000000 — nearer codes are
 * larger within one line of descent), else the defaults.
 */
const applies = sql`(eff.s -> 'delegationTypes') @> to_jsonb(${activities.type})`;
const years = sql`(extract(year from ${activities.occurredOn})::int - extract(year from p.established_on)::int)`;
const BREACH: Record<RuleCode, SQL> = {
  delegation_size: sql`(${applies} and ${activities.participants} > (eff.s ->> 'maxDelegationSize')::int)`,
  delegation_days: sql`(${applies} and ${activities.days} > (eff.s ->> 'maxDelegationDays')::int)`,
  approval_required: sql`(${applies} and (eff.s ->> 'approvalRequired')::boolean and coalesce(${activities.approvalRef}, '') = '')`,
  anniversary_interval: sql`(${activities.anniversary} and p.established_on is not null
    and (eff.s ->> 'anniversaryEveryYears') is not null
    and (${years} <= 0 or mod(${years}, (eff.s ->> 'anniversaryEveryYears')::int) <> 0))`,
};

/** True for activities that break one of `rules` (every rule when omitted) of their office. */
export function breaksRules(rules: readonly RuleCode[] = Object.keys(BREACH) as RuleCode[]): SQL {
  const any = sql.join(
    rules.map((r) => BREACH[r]),
    sql` or `,
  );
  // Only delegations and anniversary events can break a rule: a cheap test on the row itself
  // spares the look-up of rules for every other activity.
  return sql`((${activities.type} in (${sql.join(
    DELEGATION_TYPES.map((t) => sql`${t}`),
    sql`, `,
  )}) or ${activities.anniversary}) and exists (
    select 1 from partnerships p
    cross join lateral (
      select coalesce(
        (select r.settings from office_rules r
          where r.scope_code in (p.cn_code, p.prefecture_code, p.province_code, ${NATIONAL_CODE})
          order by r.scope_code desc limit 1),
        ${JSON.stringify(DEFAULT_RULES)}::jsonb) as s
    ) eff
    where p.id = ${activities.partnershipId} and (${any})))`;
}
