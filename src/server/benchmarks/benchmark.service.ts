/** Benchmarks: sourced figures about other provinces and the nation, used for rankings and checks. */

import { formatPartialDate, parsePartialDate, today } from '../../shared/dates.js';
import { type Kind, NATIONAL_CODE, type Precision } from '../../shared/enums.js';
import { AppError, type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import type { BenchmarkCreateInput, BenchmarkListQuery, BenchmarkUpdateInput } from '../../shared/schemas/benchmark.js';
import type { BenchmarkView } from '../../shared/schemas/benchmark-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanAdmin } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { getReferenceCache } from '../places/reference-cache.js';
import {
  type BenchmarkRow,
  deleteBenchmarkIfVersion,
  insertBenchmark,
  type NewBenchmark,
  selectBenchmark,
  selectBenchmarkByKey,
  selectBenchmarkPage,
  updateBenchmarkIfVersion,
} from './benchmark.repo.js';

export function presentBenchmark(row: BenchmarkRow): BenchmarkView {
  const cache = getReferenceCache();
  const division = cache.divisions.get(row.scopeCode);
  return {
    id: row.id,
    scope: {
      code: row.scopeCode,
      nameZh: row.scopeCode === NATIONAL_CODE ? '全国' : (division?.nameZh ?? row.scopeCode),
      nameEn: row.scopeCode === NATIONAL_CODE ? 'China' : (division?.nameEn ?? row.scopeCode),
    },
    // The columns hold only what the service and the importer write: KINDS, and a date's precision.
    kind: row.kind as Kind,
    total: row.total,
    provincial: row.provincial,
    city: row.city,
    county: row.county,
    countries: row.countries,
    asOf: formatPartialDate(row.asOf, row.asOfPrecision as Precision),
    asOfPrecision: row.asOfPrecision as Precision,
    source: row.source,
    sourceUrl: row.sourceUrl,
    version: row.version,
  };
}

/** The scope must be a province or the nation; the date real and not in the future. */
export function checkBenchmark(input: { scopeCode: string; asOf: string }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const division = getReferenceCache().divisions.get(input.scopeCode);
  if (input.scopeCode !== NATIONAL_CODE && division?.level !== 'province') {
    issues.push({
      path: 'scopeCode',
      rule: 'not_a_province',
      value: input.scopeCode,
      message: division
        ? `${division.nameZh} is not a province-level division`
        : `${input.scopeCode} is not a known division`,
      fix: 'use the code of a province (e.g. 430000) or 000000 for the whole country',
    });
  }
  const asOf = parsePartialDate(input.asOf);
  if (asOf && asOf.date > today()) {
    issues.push({
      path: 'asOf',
      rule: 'future_date',
      value: input.asOf,
      message: 'the as-of date is in the future',
      fix: 'use the date the source gives',
    });
  }
  return issues;
}

function toRow(input: BenchmarkCreateInput): NewBenchmark {
  const asOf = parsePartialDate(input.asOf);
  if (!asOf) throw validationFailed([{ path: 'asOf', message: 'not a date', rule: 'invalid_date' }]);
  return {
    scopeCode: input.scopeCode,
    kind: input.kind,
    total: input.total,
    provincial: input.provincial ?? null,
    city: input.city ?? null,
    county: input.county ?? null,
    countries: input.countries ?? null,
    asOf: asOf.date,
    asOfPrecision: asOf.precision,
    source: input.source,
    sourceUrl: input.sourceUrl ?? null,
  };
}

/**
 * Benchmarks are published figures about any province or the nation: everyone who reads the registry
 * reads them (rankings need them); admins record and correct them.
 */
function assertCanEditBenchmarks(actor: Actor): void {
  assertCanAdmin(actor, actor.scopeCode);
}

export async function createBenchmark({ db, actor, input }: { db: Db; actor: Actor; input: BenchmarkCreateInput }) {
  assertCanEditBenchmarks(actor);
  const issues = checkBenchmark(input);
  if (issues.length) throw validationFailed(issues);
  const row = toRow(input);
  return db.transaction(async (tx) => {
    const existing = await selectBenchmarkByKey(tx, row);
    if (existing) {
      throw new AppError('conflict', `this figure is already recorded as benchmark #${existing.id}`, {
        existingId: existing.id,
      });
    }
    const inserted = await insertBenchmark(tx, row);
    await writeAudit(tx, actor, { entity: 'benchmark', entityId: inserted.id, action: 'create', after: inserted });
    return presentBenchmark(inserted);
  });
}

export async function updateBenchmark({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: BenchmarkUpdateInput;
}) {
  assertCanEditBenchmarks(actor);
  return db.transaction(async (tx) => {
    const current = await selectBenchmark(tx, id);
    if (!current) throw notFound('benchmark', id);
    if (current.version !== input.version) throw staleVersion('benchmark', current);
    const view = presentBenchmark(current);
    const { version, ...changes } = input;
    const merged: BenchmarkCreateInput = {
      scopeCode: current.scopeCode,
      kind: current.kind as BenchmarkCreateInput['kind'],
      total: current.total,
      provincial: current.provincial,
      city: current.city,
      county: current.county,
      countries: current.countries,
      asOf: view.asOf,
      source: current.source,
      sourceUrl: current.sourceUrl,
      ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    };
    const issues = checkBenchmark(merged);
    if (issues.length) throw validationFailed(issues);
    const updated = await updateBenchmarkIfVersion(tx, id, version, toRow(merged));
    if (!updated) throw staleVersion('benchmark', current);
    await writeAudit(tx, actor, {
      entity: 'benchmark',
      entityId: id,
      action: 'update',
      before: current,
      after: updated,
    });
    return presentBenchmark(updated);
  });
}

export async function deleteBenchmark({
  db,
  actor,
  id,
  version,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
}) {
  assertCanEditBenchmarks(actor);
  await db.transaction(async (tx) => {
    const current = await selectBenchmark(tx, id);
    if (!current) throw notFound('benchmark', id);
    if (current.version !== version || !(await deleteBenchmarkIfVersion(tx, id, version)))
      throw staleVersion('benchmark', current);
    await writeAudit(tx, actor, { entity: 'benchmark', entityId: id, action: 'delete', before: current });
  });
}

export async function getBenchmark({ db, actor: _reader, id }: { db: DbOrTx; actor: Actor; id: number }) {
  const row = await selectBenchmark(db, id);
  if (!row) throw notFound('benchmark', id);
  return presentBenchmark(row);
}

export async function listBenchmarks({
  db,
  actor: _reader,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: BenchmarkListQuery;
}): Promise<ListEnvelope<BenchmarkView>> {
  const { rows, total } = await selectBenchmarkPage(
    db,
    { scopeCode: query.scope, kind: query.kind },
    { limit: query.perPage, offset: (query.page - 1) * query.perPage },
  );
  return { data: rows.map(presentBenchmark), total, page: query.page, perPage: query.perPage };
}
