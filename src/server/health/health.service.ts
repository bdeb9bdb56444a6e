/**
 * Health of partnerships: one pair's scores with the records behind them, and the pairs of a scope
 * by suggested status — "dormant on paper" are the pairs the registry says are active whose
 * records suggest dormant. The formula is scoreSummary() in src/shared/health.ts (docs/health.md);
 * the inputs of a whole scope are read in one statement (health.repo.ts).
 */
import { formatPartialDate, parsePartialDate, today } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import { AppError, notFound, validationFailed } from '../../shared/errors.js';
import { type Health, type Suggestion, scoreSummary, suggestionRank } from '../../shared/health.js';
import type {
  HealthCounts,
  HealthList,
  HealthListItem,
  HealthListQuery,
  HealthQuery,
  PartnershipHealth,
} from '../../shared/schemas/health.js';
import { type Actor, assertCanRead, effectiveScope } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { resolveScope } from '../places/scope.js';
import { type HealthFilter, type HealthRow, selectHealthInputs, selectHealthNames } from './health.repo.js';

export function dayOf(asOf: string | undefined, path = 'asOf'): string {
  const parsed = parsePartialDate(asOf ?? today());
  if (parsed?.precision !== 'day') {
    throw validationFailed([{ path, message: 'a real day as YYYY-MM-DD', rule: 'date', value: asOf }]);
  }
  // "2024/06/30" and " 2024-06-30" pass the schema: every comparison below needs the one spelling.
  return parsed.date;
}

/** The subtree filter of a scope code (000000: the whole country); an unknown code fails as a 400. */
export function healthScope(scope: string): HealthFilter['scope'] {
  return resolveScope(scope).subtree;
}

/** The health of one row of inputs. */
export function healthOf(row: HealthRow, asOf: string): Health {
  return scoreSummary(
    {
      establishedOn: row.establishedOn,
      status: row.status,
      projects: row.projects,
      projectsWithOutcomes: row.projectsWithOutcomes,
      outcomes: row.outcomes,
      asOf,
    },
    {
      lastActivityOn: row.lastActivityOn,
      byAge: row.byAge,
      fields: row.fields,
      participants: row.participants,
      personDays: row.personDays,
    },
  );
}

const isDormantOnPaper = (status: string, suggestion: Suggestion) => status === 'active' && suggestion === 'dormant';

/** GET /api/partnerships/{id}/health */
export async function getPartnershipHealth({
  db,
  actor,
  id,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  id: number;
  query: HealthQuery;
}): Promise<PartnershipHealth> {
  const asOf = dayOf(query.asOf);
  const [row] = await selectHealthInputs(db, { scope: { column: 'id', id }, asOf });
  if (!row) throw notFound('partnership', id);
  assertCanRead(actor, row.cnCode);
  // Health is kept from the signing on (length counts from it, quiet months are a signed pair's):
  // a pair still in preparation has none, rather than a score that calls it dormant.
  if (row.stage !== 'established') {
    throw new AppError(
      'conflict',
      `partnership ${id} is at stage ${row.stage}: its health is measured from its signing`,
      {
        fix: 'record the signing on its life cycle (stage established) first',
      },
    );
  }
  const health = healthOf(row, asOf);
  return {
    partnershipId: row.id,
    cnCode: row.cnCode,
    status: row.status,
    asOf,
    overall: health.overall,
    suggestion: health.suggestion,
    dormantOnPaper: isDormantOnPaper(row.status, health.suggestion),
    reason: health.reason,
    lastActivityOn: health.lastActivityOn,
    monthsQuiet: health.monthsQuiet,
    dimensions: health.dimensions,
    inputs: {
      activitiesByAge: row.byAge,
      fields: row.fields,
      participants: row.participants,
      personDays: row.personDays,
      projects: row.projects,
      projectsWithOutcomes: row.projectsWithOutcomes,
      outcomes: row.outcomes,
    },
  };
}

type Scored = { row: HealthRow; health: Health };

/** Every measured pair of a scope with its health (the list and the figures share it). */
export async function scoreScope(
  db: DbOrTx,
  filter: { scope: string; asOf: string; kind?: string },
): Promise<Scored[]> {
  const rows = await selectHealthInputs(db, { scope: healthScope(filter.scope), asOf: filter.asOf, kind: filter.kind });
  return rows.map((row) => ({ row, health: healthOf(row, filter.asOf) }));
}

export function countSuggestions(scored: readonly Scored[]): HealthCounts {
  const counts: HealthCounts = { active: 0, at_risk: 0, dormant: 0, dormantOnPaper: 0 };
  for (const { row, health } of scored) {
    counts[health.suggestion] += 1;
    if (isDormantOnPaper(row.status, health.suggestion)) counts.dormantOnPaper += 1;
  }
  return counts;
}

function compare(sort: HealthListQuery['sort']) {
  return (a: Scored, b: Scored): number => {
    if (sort === 'overall') return a.health.overall - b.health.overall || a.row.id - b.row.id;
    if (sort === 'name') return a.row.sortKey.localeCompare(b.row.sortKey) || a.row.id - b.row.id;
    // quiet: the longest quiet first (never heard of at all before anything), then the worst suggestion
    const qa = a.health.monthsQuiet ?? Number.POSITIVE_INFINITY;
    const qb = b.health.monthsQuiet ?? Number.POSITIVE_INFINITY;
    return (
      (qb === qa ? 0 : qb > qa ? 1 : -1) ||
      suggestionRank(b.health.suggestion) - suggestionRank(a.health.suggestion) ||
      a.row.id - b.row.id
    );
  };
}

/** GET /api/health: a scope's pairs by suggestion and recorded status, with the counts of every suggestion. */
export async function listHealth({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: HealthListQuery;
}): Promise<HealthList> {
  const scope = effectiveScope(actor, query.scope);
  const asOf = dayOf(query.asOf);
  const scored = await scoreScope(db, { scope, asOf, kind: query.kind });
  const wanted = query.suggestion ? new Set<Suggestion>(query.suggestion) : null;
  const matching = scored
    .filter(
      ({ row, health }) =>
        (query.status === 'any' || row.status === query.status) && (!wanted || wanted.has(health.suggestion)),
    )
    .sort(compare(query.sort));
  const { page, perPage } = query;
  const pageRows = matching.slice((page - 1) * perPage, page * perPage);
  const names = new Map(
    (
      await selectHealthNames(
        db,
        pageRows.map((s) => s.row.id),
      )
    ).map((n) => [n.id, n]),
  );
  const data: HealthListItem[] = pageRows.map(({ row, health }) => {
    const n = names.get(row.id);
    return {
      id: row.id,
      cnCode: row.cnCode,
      cnNameZh: n?.cnNameZh ?? row.cnCode,
      cnNameEn: n?.cnNameEn ?? row.cnCode,
      partnerNameZh: n?.partnerNameZh ?? null,
      partnerNameEn: n?.partnerNameEn ?? null,
      countryIso2: n?.countryIso2 ?? '',
      countryNameZh: n?.countryNameZh ?? null,
      countryNameEn: n?.countryNameEn ?? null,
      kind: row.kind,
      status: row.status,
      establishedOn: row.establishedOn
        ? formatPartialDate(row.establishedOn, row.establishedPrecision as Precision | null)
        : null,
      overall: health.overall,
      scores: {
        length: health.dimensions.length.score,
        breadth: health.dimensions.breadth.score,
        depth: health.dimensions.depth.score,
        intensity: health.dimensions.intensity.score,
        frequency: health.dimensions.frequency.score,
      },
      suggestion: health.suggestion,
      reason: health.reason,
      lastActivityOn: health.lastActivityOn,
      monthsQuiet: health.monthsQuiet,
    };
  });
  return { scope, asOf, counts: countSuggestions(scored), data, total: matching.length, page, perPage };
}
