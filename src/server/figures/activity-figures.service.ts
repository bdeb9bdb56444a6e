/**
 * The activity figures of a scope as of a day (GET /api/figures/activities):
 * - activities per calendar year by type and by field, from 1 January of the first year shown to
 *   asOf, each activity in the scope of its primary partnership (an activity in several fields
 *   counts once in each field);
 * - delegations in and out: the activities of type delegation_in / delegation_out, with their
 *   participants where the size is recorded;
 * - pairs by suggested health status (src/shared/health.ts, docs/health.md), every kind;
 * - outcome totals by field and SDG (sumOutcomes: each project's metric once, its latest value on or
 *   before asOf).
 * Every number carries the API path of the records behind it.
 */

import { NATIONAL_CODE } from '../../shared/enums.js';
import { SUGGESTIONS } from '../../shared/health.js';
import type { ActivityFigures, ActivityFiguresQuery } from '../../shared/schemas/activity-figures.js';
import { type Actor, assertCanRead } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { readAll } from '../db/sql.js';
import { countSuggestions, dayOf, scoreScope } from '../health/health.service.js';
import { resolveScope } from '../places/scope.js';
import { sumOutcomes } from '../projects/outcome-totals.js';
import { selectActivityCounts } from './activity-figures.repo.js';

function scopeOf(code: string) {
  const { nameZh, nameEn, subtree } = resolveScope(code);
  return { code, nameZh, nameEn, filter: subtree };
}

const query = (path: string, params: Record<string, string | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  return `${path}?${search.toString()}`;
};

/** The activity figures of a scope as of a day. */
export async function getActivityFigures({
  db,
  actor,
  query: q,
}: {
  db: DbOrTx;
  actor: Actor;
  query: ActivityFiguresQuery;
}): Promise<ActivityFigures> {
  assertCanRead(actor, q.scope);
  const asOf = dayOf(q.asOf);
  const scope = scopeOf(q.scope);
  const lastYear = Number(asOf.slice(0, 4));
  const years = Array.from({ length: q.years }, (_, i) => lastYear - q.years + 1 + i);
  const from = `${String(years[0]).padStart(4, '0')}-01-01`;
  const cn = scope.code === NATIONAL_CODE ? undefined : scope.code;
  const yearTo = (year: number) => (year === lastYear ? asOf : `${year}-12-31`);

  const [counts, scored, outcomes] = await readAll(db, [
    () => selectActivityCounts(db, { scope: scope.filter, from, asOf }),
    () => scoreScope(db, { scope: scope.code, asOf }),
    () => sumOutcomes({ db, actor, query: { scope: scope.code, asOf } }),
  ]);

  const activities = (params: Record<string, string | number | undefined>) =>
    query('/api/activities', { cn, ...params });
  const delegation = (type: 'delegation_in' | 'delegation_out') => {
    const rows = counts.byType.filter((r) => r.type === type);
    return {
      count: rows.reduce((s, r) => s + r.count, 0),
      participants: rows.reduce((s, r) => s + r.participants, 0),
      records: activities({ type, from, to: asOf }),
    };
  };
  const health = countSuggestions(scored);
  const healthRecords = (suggestion: string | undefined, status: string) =>
    query('/api/health', { scope: scope.code, asOf, suggestion, status });
  const outcomeRecords = (by: 'field' | 'sdg', key: string) => query('/api/projects', { cn, [by]: key });

  return {
    scope: { code: scope.code, nameZh: scope.nameZh, nameEn: scope.nameEn },
    asOf,
    years,
    activities: {
      total: counts.byType.reduce((s, r) => s + r.count, 0),
      records: activities({ from, to: asOf }),
      byYearType: counts.byType.map((r) => ({
        year: r.year,
        type: r.type,
        count: r.count,
        records: activities({ type: r.type, from: `${r.year}-01-01`, to: yearTo(r.year) }),
      })),
      byYearField: counts.byField.map((r) => ({
        year: r.year,
        field: r.field,
        count: r.count,
        records: activities({ field: r.field, from: `${r.year}-01-01`, to: yearTo(r.year) }),
      })),
    },
    delegations: {
      in: delegation('delegation_in'),
      out: delegation('delegation_out'),
      byYear: counts.byType
        .filter((r) => r.type === 'delegation_in' || r.type === 'delegation_out')
        .map((r) => ({
          year: r.year,
          direction: r.type === 'delegation_in' ? ('in' as const) : ('out' as const),
          count: r.count,
          participants: r.participants,
        })),
    },
    health: {
      measured: scored.length,
      active: health.active,
      at_risk: health.at_risk,
      dormant: health.dormant,
      dormantOnPaper: health.dormantOnPaper,
      records: {
        ...Object.fromEntries(SUGGESTIONS.map((s) => [s, healthRecords(s, 'any')])),
        dormantOnPaper: healthRecords('dormant', 'active'),
      },
    },
    outcomes: {
      byField: outcomes.byField.map((t) => ({ ...t, records: outcomeRecords('field', t.key) })),
      bySdg: outcomes.bySdg.map((t) => ({ ...t, records: outcomeRecords('sdg', t.key) })),
    },
  };
}
