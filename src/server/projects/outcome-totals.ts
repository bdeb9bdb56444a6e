/** Totals of outcomes: the figures' view of what the projects achieved, within one unit each. */
import { today } from '../../shared/dates.js';
import type { OutcomeTotalsQuery } from '../../shared/schemas/project.js';
import type { OutcomeTotalsView } from '../../shared/schemas/project-view.js';
import { type Actor, effectiveScope } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import { projectSubtree, selectCountedOutcomes } from './project.repo.js';

/**
 * Totals of outcomes for a scope on a day, grouped by field, by SDG and by unit (values are only
 * ever added within one unit). Each project's metric counts once, with its latest value on or
 * before the day; a project tagged with several goals counts under each (so the SDG rows may add
 * up to more than the unit total). `demo` counts the illustrative outcomes among them.
 */
export function totalOutcomes(rows: readonly CountedRow[]): Pick<OutcomeTotalsView, 'byField' | 'bySdg' | 'byUnit'> {
  const group = (keysOf: (r: CountedRow) => string[]) => {
    const acc = new Map<
      string,
      { key: string; unit: string; total: number; outcomes: number; projects: Set<number>; demo: number }
    >();
    for (const r of rows) {
      for (const key of keysOf(r)) {
        const id = `${key}\u0000${r.unit}`;
        const g = acc.get(id) ?? { key, unit: r.unit, total: 0, outcomes: 0, projects: new Set<number>(), demo: 0 };
        g.total += r.value;
        g.outcomes += 1;
        g.projects.add(r.projectId);
        if (r.isDemo) g.demo += 1;
        acc.set(id, g);
      }
    }
    return [...acc.values()]
      .map((g) => ({
        key: g.key,
        unit: g.unit,
        total: g.total,
        outcomes: g.outcomes,
        projects: g.projects.size,
        demo: g.demo,
      }))
      .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }) || a.unit.localeCompare(b.unit));
  };
  return {
    byField: group((r) => [r.field]),
    bySdg: group((r) => r.sdgs.map(String)),
    byUnit: group(() => ['all']),
  };
}
type CountedRow = Awaited<ReturnType<typeof selectCountedOutcomes>>[number];

/** sumOutcomes: the figures' entry point (see totalOutcomes for the rules). */
export async function sumOutcomes({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: OutcomeTotalsQuery;
}): Promise<OutcomeTotalsView> {
  const scope = effectiveScope(actor, query.scope);
  const asOf = query.asOf ?? today();
  const subtree = getReferenceCache().divisions.has(scope) ? projectSubtree(getDivision(scope, 'scope')) : undefined;
  const rows = await selectCountedOutcomes(db, { subtree, asOf });
  return { scope, asOf, ...totalOutcomes(rows) };
}
