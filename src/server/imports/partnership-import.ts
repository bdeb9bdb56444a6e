/**
 * Importing partnerships: every row checked on its own, then the partner places and existing pairs
 * of the whole file looked up in bulk, then duplicates and date rules, and only when nothing is
 * wrong the writes — a few set-based statements per batch, in the caller's transaction.
 *
 * The natural key is the Chinese division + the partner place + the kind. A partner place is found
 * the way the partnership service finds it (same country, and the same English or Chinese name),
 * or created with coordinates from the gazetteer; names it lacks are filled in, never overwritten.
 */

import { type Bilingual, bi } from '../../shared/bilingual.js';
import { formatPartialDate, type PartialDate, today } from '../../shared/dates.js';
import {
  ADMIN_LEVELS,
  type AdminLevel,
  KINDS,
  type Kind,
  LEVEL_OF_DIVISION,
  LIMITS,
  type Precision,
  STATUSES,
  type Status,
} from '../../shared/enums.js';
import type { FieldIssue } from '../../shared/errors.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Actor } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { checkDates } from '../partnerships/partnership.service.js';
import type { Division } from '../places/reference-cache.js';
import type { ColumnMap } from './columns.js';
import { DerivedText } from './derived-text.js';
import {
  auditCreatedPartnerships,
  countPartnerships,
  type ExistingPartnership,
  insertPartnerships,
  type NewImportedPartnership,
  type PartnershipFields,
  selectPartnershipsByNaturalKeys,
  suspendPartnershipIndexes,
  updatePartnerships,
} from './import.repo.js';
import { ADMIN_LEVEL_ALIASES, KIND_ALIASES, STATUS_ALIASES } from './import.schema.js';
import type { TableRow } from './parsers.js';
import { type PlaceRef, type PlaceResolver, readPartnerPlaces, writePartnerPlaces } from './partner-places.js';
import type { ProblemList } from './problems.js';
import { type BlankCells, CellReader, nameKeyFast } from './values.js';

/** New partnerships from which an import builds the secondary indexes once instead of row by row. */
export const BULK_LOAD_ROWS = 20_000;

/** One checked row; undefined fields are columns the file does not have (the stored value stays). */
type PartnershipRow = {
  row: number;
  division: Division;
  countryIso2: string;
  nameZh: string | null | undefined;
  nameEn: string | null | undefined;
  /** nameKeyOf() of the two names, '' when absent: computed once per row. */
  enKey: string;
  zhKey: string;
  nameLocal: string | null | undefined;
  adminLevel: AdminLevel | null | undefined;
  kind: Kind;
  status: Status | undefined;
  established: PartialDate | null | undefined;
  endedOn: string | null | undefined;
  endedReason: string | null | undefined;
  sourceUrl: string | null | undefined;
  notes: string | null | undefined;
};

export type PartnershipImportResult = {
  added: number;
  updated: number;
  unchanged: number;
  placesAdded: number;
  changes: RowChanges[];
  storedValuesChanged: number;
};

/** Fields a blank cell leaves as stored (unless blank cells are to clear): every optional one of a pair. */
const KEEPABLE = new Set([
  'partner_name_local',
  'partner_admin_level',
  'status',
  'established_on',
  'ended_on',
  'ended_reason',
  'source_url',
  'notes',
]);

export function readPartnershipRows(
  rows: readonly TableRow[],
  map: ColumnMap,
  problems: ProblemList,
  blank: BlankCells = 'keep',
  /** The importer's scope: a name that is ambiguous in the country but not inside it is read inside it. */
  within: string | null = null,
) {
  const reader = new CellReader(map, problems, undefined, KEEPABLE, blank);
  reader.within = within;
  const out: PartnershipRow[] = [];
  for (const row of rows) {
    reader.start(row);
    const division = reader.division('cn_division_code', 'cn_division');
    const nameZh = reader.text('partner_name_zh');
    const nameEn = reader.text('partner_name_en');
    const nameLocal = reader.text('partner_name_local');
    if (!nameZh && !nameEn && reader.ok) {
      reader.required(
        map.has('partner_name_en') || !map.has('partner_name_zh') ? 'partner_name_en' : 'partner_name_zh',
        bi('缺少外方名称', "the partner's name is missing"),
        bi(
          '请填写外方城市中文名或外方城市英文名，或两者都填',
          'give partner_name_zh (外方城市中文名) or partner_name_en (外方城市英文名), or both',
        ),
      );
    }
    const country = reader.country('partner_country');
    if (country === null && reader.raw('partner_country') === '') {
      reader.required(
        'partner_country',
        bi('缺少外方国家', "the partner's country is missing"),
        bi('请填写 ISO 3166 两位代码（如 GH）或国名', 'give an ISO 3166 alpha-2 code such as GH, or the country name'),
      );
    }
    const adminLevel = reader.enumeration('partner_admin_level', ADMIN_LEVEL_ALIASES, ADMIN_LEVELS, null);
    const kind = reader.enumeration('kind', KIND_ALIASES, KINDS, 'friendship');
    const status = reader.enumeration('status', STATUS_ALIASES, STATUSES, 'active');
    const established = reader.partialDate('established_on');
    const endedOn = reader.day('ended_on');
    const endedReason = reader.text('ended_reason', LIMITS.notesLength);
    const sourceUrl = reader.url('source_url');
    const notes = reader.text('notes', LIMITS.notesLength);
    if (!reader.ok || !division || !country) {
      // The row is out of the rest of the checks: report its date rules now, so that every problem shows.
      const datesRead =
        !(endedOn === null && reader.raw('ended_on')) && !(established === null && reader.raw('established_on'));
      if (map.has('status') && map.has('ended_on') && datesRead) {
        const issues = checkDates(
          {
            status: status ?? 'active',
            establishedOn: established ? formatPartialDate(established.date, established.precision) : null,
            endedOn: endedOn ?? null,
          },
          reader.now,
        );
        for (const issue of issues) addDateIssue(problems, map, row.row, issue);
      }
      continue;
    }
    out.push({
      row: row.row,
      division,
      countryIso2: country.iso2,
      nameZh,
      nameEn,
      enKey: nameEn ? nameKeyFast(nameEn) : '',
      zhKey: nameZh ? nameKeyFast(nameZh) : '',
      nameLocal,
      adminLevel,
      kind: kind ?? 'friendship',
      status: status ?? undefined,
      established,
      endedOn,
      endedReason,
      sourceUrl,
      notes,
    });
  }
  reader.finish();
  return out;
}

function addDateIssue(problems: ProblemList, columns: ColumnMap, row: number, issue: FieldIssue): void {
  const field = issue.path === 'establishedOn' ? 'established_on' : 'ended_on';
  problems.add({
    row,
    column: columns.header(field),
    field,
    rule: issue.rule ?? 'invalid_date',
    value: issue.value === undefined || issue.value === null ? undefined : String(issue.value),
    ...dateIssueText(issue),
  });
}

/** One stored value an import changes, as the interchange format names and writes it. */
export type FieldChange = { field: string; before: string | null; after: string | null };
export type RowChanges = { row: number; id: number; fields: FieldChange[] };

/** The stored values a row would change, field by field (dates at their precision). */
function changedFields(
  current: ExistingPartnership,
  next: {
    status: string;
    establishedOn: string | null;
    establishedPrecision: string | null;
    endedOn: string | null;
    endedReason: string | null;
    sourceUrl: string | null;
    notes: string | null;
  },
): FieldChange[] {
  const date = (d: string | null, p: string | null) => (d ? formatPartialDate(d, (p ?? 'day') as Precision) : null);
  const pairs: [string, string | null, string | null][] = [
    ['status', current.status, next.status],
    [
      'established_on',
      date(current.establishedOn, current.establishedPrecision),
      date(next.establishedOn, next.establishedPrecision),
    ],
    ['ended_on', current.endedOn, next.endedOn],
    ['ended_reason', current.endedReason, next.endedReason],
    ['source_url', current.sourceUrl, next.sourceUrl],
    ['notes', current.notes, next.notes],
  ];
  return pairs.filter(([, b, a]) => b !== a).map(([field, before, after]) => ({ field, before, after }));
}

/** The partnership service's date rules, as the importer words them in both languages. */
function dateIssueText(issue: FieldIssue): { message: Bilingual; fix?: Bilingual } {
  const en = { message: issue.message, fix: issue.fix?.replace('endedOn', 'ended_on (终止日期)') ?? '' };
  const zh: Record<string, { message: string; fix: string }> = {
    'establishedOn:future_date': { message: '结好日期在未来', fix: '签约后再登记；请填写今天或更早的日期' },
    'endedOn:required': {
      message: '已终止的友城关系需要终止日期',
      fix: '请以 YYYY-MM-DD 填写终止日期，或把状态改为活跃或休眠',
    },
    'endedOn:not_ended': { message: '状态不是“已终止”，却有终止日期', fix: '请把状态改为已终止，或删去终止日期' },
    'endedOn:future_date': { message: '终止日期在未来', fix: '请在终止后再登记' },
    'endedOn:before_start': { message: `终止日期早于结好日期 ${String(issue.value ?? '')}`, fix: '请核对两个日期' },
  };
  const hit = zh[`${issue.path}:${issue.rule}`] ?? en;
  return { message: bi(hit.message, en.message), ...(en.fix ? { fix: bi(hit.fix, en.fix) } : {}) };
}

type Resolved = { row: PartnershipRow; place: PlaceRef };
type Planned = Resolved & { fields: Omit<PartnershipFields, 'search' | 'sortKey'> };
type Plan = {
  added: Planned[];
  updated: (Planned & { existing: ExistingPartnership })[];
  unchanged: number;
  changes: RowChanges[];
  storedValuesChanged: number;
};

/** Audit entries per insert statement (11 parameters each, well under PostgreSQL's 65,535). */
const AUDIT_BATCH = 2000;

/**
 * Plans the import of checked rows: looks up places and existing pairs, reports duplicates and date
 * problems, and (unless dryRun or there are problems) writes everything.
 */
export async function importPartnershipRows({
  tx,
  rows,
  problems,
  columns,
  dryRun,
  isDemo,
  audit,
}: {
  tx: DbOrTx;
  rows: readonly PartnershipRow[];
  problems: ProblemList;
  columns: ColumnMap;
  dryRun: boolean;
  isDemo: boolean;
  /** Who imports and the run's id, for the audit trail of every pair written. */
  audit?: { actor: Actor; runId: number };
}): Promise<PartnershipImportResult> {
  // 1. Every place the rows may mean, in one read; 2. duplicates inside the file;
  // 3. existing pairs of existing places, in one read; 4. merged with what is stored.
  const resolver = await readPartnerPlaces(tx, rows);
  const unique = dropDuplicateRows(resolvePlaces(resolver, rows, problems, columns), problems);
  const existing = await readExistingPairs(tx, unique);
  const plan = planRows(unique, existing, problems, columns);
  const { added, updated, unchanged, changes, storedValuesChanged } = plan;
  const result = {
    added: added.length,
    updated: updated.length,
    unchanged,
    placesAdded: resolver.created.length,
    changes,
    storedValuesChanged,
  };
  if (problems.count > 0 || dryRun) return result;

  // 5. Writes: new places (with gazetteer coordinates), names filled in, new and changed pairs.
  const text = new DerivedText();
  await writePartnerPlaces(tx, resolver, text);
  const inserted = await writePairs(tx, plan, text, isDemo);
  if (audit) await auditPairs(tx, audit, inserted, updated);
  return result;
}

/** The rows whose partner place is known; a Chinese name that fits several places is a problem. */
function resolvePlaces(
  resolver: PlaceResolver,
  rows: readonly PartnershipRow[],
  problems: ProblemList,
  columns: ColumnMap,
): Resolved[] {
  const resolved: Resolved[] = [];
  for (const row of rows) {
    const place = resolver.resolve(row);
    if ('ambiguous' in place) {
      problems.add({
        row: row.row,
        column: columns.header('partner_name_zh'),
        field: 'partner_name_zh',
        rule: 'ambiguous_partner',
        value: row.nameZh ?? undefined,
        message: bi(
          `${row.countryIso2} 有 ${place.ambiguous.length} 个地方用这个中文名`,
          `${place.ambiguous.length} places in ${row.countryIso2} have this Chinese name`,
        ),
        fix: bi(
          '请同时填写外方城市英文名，以便找到正确的地方',
          'give the English name too (partner_name_en), so that the right place is found',
        ),
        suggestions: place.ambiguous.map((p) => p.nameEn ?? p.nameZh ?? '').filter(Boolean),
      });
      continue;
    }
    resolved.push({ row, place });
  }
  return resolved;
}

/** The first row of each natural key; a later row with the same key is a problem. */
function dropDuplicateRows(resolved: readonly Resolved[], problems: ProblemList): Resolved[] {
  const firstRow = new Map<string, number>();
  const unique: Resolved[] = [];
  for (const item of resolved) {
    const key = `${item.row.division.code}|${item.place.uid}|${item.row.kind}`;
    const seen = firstRow.get(key);
    if (seen !== undefined) {
      problems.add({
        row: item.row.row,
        column: null,
        field: null,
        rule: 'duplicate_row',
        value: `${item.row.division.nameZh} — ${item.place.nameZh ?? item.place.nameEn} (${item.row.kind})`,
        message: bi(
          `与第 ${seen} 行的中方、外方和类型相同`,
          `the same Chinese division, partner and kind as row ${seen}`,
        ),
        fix: bi(`请在第 ${seen} 行和第 ${item.row.row} 行中只保留一行`, `keep one of rows ${seen} and ${item.row.row}`),
        otherRow: seen,
      });
      continue;
    }
    firstRow.set(key, item.row.row);
    unique.push(item);
  }
  return unique;
}

/** The stored pairs of the rows whose place exists, by natural key. */
async function readExistingPairs(tx: DbOrTx, unique: readonly Resolved[]): Promise<Map<string, ExistingPartnership>> {
  const keys = unique
    .filter((u) => u.place.id !== undefined)
    .map((u) => ({ cnCode: u.row.division.code, foreignPlaceId: u.place.id as number, kind: u.row.kind }));
  const existing = new Map<string, ExistingPartnership>();
  for (const e of await selectPartnershipsByNaturalKeys(tx, keys)) {
    existing.set(`${e.cnCode}|${e.foreignPlaceId}|${e.kind}`, e);
  }
  return existing;
}

/** Merges each row with what is stored, checks the date rules, and sorts into added / updated / unchanged. */
function planRows(
  unique: readonly Resolved[],
  existing: ReadonlyMap<string, ExistingPartnership>,
  problems: ProblemList,
  columns: ColumnMap,
): Plan {
  const now = today();
  const added: Planned[] = [];
  const updated: (Planned & { existing: ExistingPartnership })[] = [];
  let unchanged = 0;
  const changes: RowChanges[] = [];
  let storedValuesChanged = 0;
  for (const { row, place } of unique) {
    const current = place.id === undefined ? undefined : existing.get(`${row.division.code}|${place.id}|${row.kind}`);
    const keep = <T>(value: T | undefined, stored: T): T => (value === undefined ? stored : value);
    const established =
      row.established === undefined
        ? current?.establishedOn
          ? { date: current.establishedOn, precision: current.establishedPrecision as Precision }
          : null
        : row.established;
    const fields = {
      // Once the life cycle has moved a pair (or it is still in preparation), a file does not undo the move.
      status: current?.statusByLifecycle ? current.status : (row.status ?? current?.status ?? 'active'),
      establishedOn: established?.date ?? null,
      establishedPrecision: established?.precision ?? null,
      endedOn: keep(row.endedOn, current?.endedOn ?? null),
      endedReason: keep(row.endedReason, current?.endedReason ?? null),
      sourceUrl: keep(row.sourceUrl, current?.sourceUrl ?? null),
      notes: keep(row.notes, current?.notes ?? null),
    };
    const issues = checkDates(
      {
        status: fields.status,
        establishedOn: established ? formatPartialDate(established.date, established.precision) : null,
        endedOn: fields.endedOn,
      },
      now,
    );
    for (const issue of issues) addDateIssue(problems, columns, row.row, issue);
    if (issues.length) continue;
    if (current) {
      const diff = changedFields(current, fields);
      if (diff.length > 0) {
        changes.push({ row: row.row, id: current.id, fields: diff });
        storedValuesChanged += diff.filter((d) => d.before !== null).length;
      }
    }
    if (!current) {
      added.push({ row, place, fields });
    } else if (
      fields.status === current.status &&
      fields.establishedOn === current.establishedOn &&
      fields.establishedPrecision === (current.establishedOn ? current.establishedPrecision : null) &&
      fields.endedOn === current.endedOn &&
      fields.endedReason === current.endedReason &&
      fields.sourceUrl === current.sourceUrl &&
      fields.notes === current.notes
    ) {
      unchanged += 1;
    } else {
      updated.push({ row, place, fields, existing: current });
    }
  }
  return { added, updated, unchanged, changes, storedValuesChanged };
}

/** Inserts the new pairs and updates the changed ones; answers how many were inserted. */
async function writePairs(tx: DbOrTx, plan: Plan, text: DerivedText, isDemo: boolean): Promise<number> {
  const { added, updated } = plan;
  const inserts: NewImportedPartnership[] = added.map(({ row, place, fields }) => ({
    cnCode: row.division.code,
    provinceCode: row.division.provinceCode,
    prefectureCode: row.division.prefectureCode,
    level: LEVEL_OF_DIVISION[row.division.level],
    foreignPlaceId: place.id as number,
    countryIso2: place.countryIso2,
    kind: row.kind,
    isDemo,
    ...fields,
    // The search text and sort key as derivedColumns() builds them: the division's share here,
    // the place's (names and country) from the place's own search text and sort key.
    divisionSearch: text.divisionSearch(row.division),
    divisionSort: text.sortKey(row.division.nameZh),
  }));
  // A load several times the size of the table is faster with the indexes built once at the end.
  const isBulk = inserts.length >= BULK_LOAD_ROWS && inserts.length >= 2 * (await countPartnerships(tx));
  const restore = isBulk ? await suspendPartnershipIndexes(tx) : undefined;
  await insertPartnerships(tx, inserts);
  await restore?.();
  await updatePartnerships(
    tx,
    updated.map(({ row, place, fields, existing: e }) => {
      const derived = text.partnership(row.division, place);
      return { id: e.id, version: e.version, ...fields, search: derived.search, sortKey: derived.sortKey };
    }),
  );
  return inserts.length;
}

/** The audit trail of the pairs written: the new ones in one statement, the changed ones in batches. */
async function auditPairs(
  tx: DbOrTx,
  audit: { actor: Actor; runId: number },
  inserted: number,
  updated: Plan['updated'],
): Promise<void> {
  if (inserted > 0) await auditCreatedPartnerships(tx, audit.actor, audit.runId);
  for (let at = 0; at < updated.length; at += AUDIT_BATCH) {
    await writeAudit(
      tx,
      audit.actor,
      updated.slice(at, at + AUDIT_BATCH).map(({ row, fields, existing: e }) => ({
        entity: 'partnership',
        entityId: e.id,
        action: 'update',
        cnCode: row.division.code,
        before: e,
        after: { ...e, ...fields, version: e.version + 1 },
        importRunId: audit.runId,
      })),
    );
  }
}
