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
import { buildSearchText, sortKeyOf } from '../../shared/text.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Actor } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { checkDates } from '../partnerships/partnership.service.js';
import { type Division, getReferenceCache } from '../places/reference-cache.js';
import type { ColumnMap } from './columns.js';
import {
  auditCreatedPartnerships,
  countPartnerships,
  type ExistingPartnership,
  insertPartnerships,
  insertPlaces,
  type NewImportedPartnership,
  type NewPlace,
  type PartnershipFields,
  type PlaceRecord,
  selectGazetteerBest,
  selectPartnershipsByNaturalKeys,
  selectPartnershipsOfPlaces,
  selectPlacesForImport,
  suspendPartnershipIndexes,
  updatePartnershipSearch,
  updatePartnerships,
  updatePlaces,
} from './import.repo.js';
import { ADMIN_LEVEL_ALIASES, KIND_ALIASES, STATUS_ALIASES } from './import.schema.js';
import type { TableRow } from './parsers.js';
import type { ProblemList } from './problems.js';
import { type BlankCells, CellReader, nameKeyFast, normalizeFast, PRINTABLE_ASCII } from './values.js';

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

/** A partner place as the import sees it: one already stored, or one the import will create. */
type PlaceRef = {
  uid: number;
  id: number | undefined;
  countryIso2: string;
  nameZh: string | null;
  nameEn: string | null;
  nameLocal: string | null;
  adminLevel: string | null;
  nameKey: string;
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

/** Search text and sort keys exactly as the services build them, with each part computed once. */
export class DerivedText {
  private readonly parts = new Map<string, string>();
  private readonly sortKeys = new Map<string, string>();
  private readonly divisions = new Map<string, string>();
  private readonly countries = new Map<string, string>();

  part(text: string | null | undefined): string {
    if (!text) return '';
    let hit = this.parts.get(text);
    if (hit === undefined) {
      hit = PRINTABLE_ASCII.test(text) ? normalizeFast(text) : buildSearchText([text]);
      this.parts.set(text, hit);
    }
    return hit;
  }

  search(parts: readonly (string | null | undefined)[]): string {
    let out = '';
    for (const p of parts) {
      const text = this.part(p);
      if (!text) continue;
      out = out ? `${out} | ${text}` : text;
    }
    return out;
  }

  sortKey(text: string | null | undefined): string {
    const key = text ?? '';
    let hit = this.sortKeys.get(key);
    if (hit === undefined) {
      hit = text && PRINTABLE_ASCII.test(text) ? normalizeFast(text) : sortKeyOf(text);
      this.sortKeys.set(key, hit);
    }
    return hit;
  }

  /** The division's share of a pair's search text: its names and its province's. */
  divisionSearch(division: Division): string {
    let hit = this.divisions.get(division.code);
    if (hit === undefined) {
      const province = getReferenceCache().divisions.get(division.provinceCode);
      hit = this.search([
        division.nameZh,
        division.nameEn,
        province && province.code !== division.code ? province.nameZh : undefined,
      ]);
      this.divisions.set(division.code, hit);
    }
    return hit;
  }

  placeSearch(place: { nameZh: string | null; nameEn: string | null; nameLocal: string | null }): string {
    return this.search([place.nameZh, place.nameEn, place.nameLocal]);
  }

  countrySearch(iso2: string): string {
    let hit = this.countries.get(iso2);
    if (hit === undefined) {
      const country = getReferenceCache().countries.get(iso2);
      hit = this.search([country?.nameZh, country?.nameEn]);
      this.countries.set(iso2, hit);
    }
    return hit;
  }

  /** Same as derivedColumns() of the partnership service. */
  partnership(division: Division, place: Omit<PlaceRef, 'uid' | 'id' | 'nameKey'>) {
    return {
      level: LEVEL_OF_DIVISION[division.level],
      provinceCode: division.provinceCode,
      prefectureCode: division.prefectureCode,
      countryIso2: place.countryIso2,
      search: joinParts([
        this.divisionSearch(division),
        this.placeSearch(place),
        this.countrySearch(place.countryIso2),
      ]),
      sortKey: `${this.sortKey(division.nameZh)} / ${this.sortKey(place.nameZh || place.nameEn)}`,
    };
  }

  /** Same as placeSearchText() of the place service. */
  place(place: { countryIso2: string; nameZh: string | null; nameEn: string | null; nameLocal: string | null }) {
    return joinParts([this.placeSearch(place), this.countrySearch(place.countryIso2)]);
  }
}

/** Search texts join their parts' tokens with " | ", so a text can be put together from parts. */
export function joinParts(parts: readonly string[]): string {
  return parts.filter(Boolean).join(' | ');
}

/** Finds or plans the partner place of every row: existing places come from one bulk read. */
class PlaceResolver {
  private readonly byKey = new Map<string, PlaceRef>();
  private readonly byEn = new Map<string, PlaceRef[]>();
  private readonly byZh = new Map<string, PlaceRef[]>();
  readonly created: PlaceRef[] = [];
  /** Existing places whose missing names the import fills in. */
  readonly patched = new Set<PlaceRef>();
  private nextUid = 1;

  constructor(existing: readonly PlaceRecord[]) {
    for (const p of existing) {
      this.register({ ...p, uid: this.nextUid++, id: p.id });
    }
  }

  private register(ref: PlaceRef): void {
    const keyed = `${ref.countryIso2}|${ref.nameKey}`;
    if (!this.byKey.has(keyed)) this.byKey.set(keyed, ref);
    this.index(ref);
  }

  private index(ref: PlaceRef): void {
    if (ref.nameEn) push(this.byEn, `${ref.countryIso2}|${nameKeyFast(ref.nameEn)}`, ref);
    if (ref.nameZh) push(this.byZh, `${ref.countryIso2}|${ref.nameZh}`, ref);
  }

  /** The place a row means, or the places it could mean when its Chinese name alone fits several. */
  resolve(row: PartnershipRow): PlaceRef | { ambiguous: PlaceRef[] } {
    const c = row.countryIso2;
    const { enKey, zhKey } = row;
    // A place found by its Chinese name is not this one when both have English names that differ
    // (two Springfields may share 斯普林菲尔德).
    const sameEnglish = (ref: PlaceRef | undefined) =>
      ref && (!enKey || !ref.nameEn || nameKeyFast(ref.nameEn) === enKey) ? ref : undefined;
    const found =
      (enKey ? this.byKey.get(`${c}|${enKey}`) : undefined) ??
      (enKey ? only(this.byEn.get(`${c}|${enKey}`)) : undefined) ??
      (zhKey ? sameEnglish(this.byKey.get(`${c}|${zhKey}`)) : undefined) ??
      (row.nameZh ? sameEnglish(only(this.byZh.get(`${c}|${row.nameZh}`))) : undefined);
    if (!found && !enKey && row.nameZh) {
      const candidates = this.byZh.get(`${c}|${row.nameZh}`) ?? [];
      if (candidates.length > 1) return { ambiguous: candidates };
    }
    if (!found) {
      const ref: PlaceRef = {
        uid: this.nextUid++,
        id: undefined,
        countryIso2: c,
        nameZh: row.nameZh ?? null,
        nameEn: row.nameEn ?? null,
        nameLocal: row.nameLocal ?? null,
        adminLevel: row.adminLevel ?? null,
        // placeKeyOf(): the English name's key, else the Chinese name's.
        nameKey: enKey || zhKey,
      };
      this.register(ref);
      this.created.push(ref);
      return ref;
    }
    let filled = false;
    if (!found.nameZh && row.nameZh) {
      found.nameZh = row.nameZh;
      filled = true;
    }
    if (!found.nameEn && row.nameEn) {
      found.nameEn = row.nameEn;
      filled = true;
    }
    if (!found.nameLocal && row.nameLocal) {
      found.nameLocal = row.nameLocal;
      filled = true;
    }
    if (!found.adminLevel && row.adminLevel) {
      found.adminLevel = row.adminLevel;
      filled = true;
    }
    if (filled) {
      if (found.id !== undefined) this.patched.add(found);
      this.index(found);
    }
    return found;
  }
}

function distinctPairs(pairs: [string, string][]): [string, string][] {
  const seen = new Set<string>();
  return pairs.filter(([a, b]) => {
    const key = `${a}|${b}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function only<T>(list: T[] | undefined): T | undefined {
  return list?.length === 1 ? list[0] : undefined;
}

type Planned = { row: PartnershipRow; place: PlaceRef; fields: Omit<PartnershipFields, 'search' | 'sortKey'> };

/**
 * Plans the import of checked rows: looks up places and existing pairs, reports duplicates and date
 * problems, and (unless dryRun or there are problems) writes everything.
 */
/** Audit entries per insert statement (11 parameters each, well under PostgreSQL's 65,535). */
const AUDIT_BATCH = 2000;

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
  // 1. Every place the rows may mean, in one read.
  const byKey: [string, string][] = [];
  const byZh: [string, string][] = [];
  const byEn: [string, string][] = [];
  for (const r of rows) {
    if (r.nameEn) {
      byKey.push([r.countryIso2, r.enKey]);
      byEn.push([r.countryIso2, r.nameEn]);
    }
    if (r.nameZh) {
      byKey.push([r.countryIso2, r.zhKey]);
      byZh.push([r.countryIso2, r.nameZh]);
    }
  }
  const resolver = new PlaceResolver(
    await selectPlacesForImport(tx, {
      byKey: distinctPairs(byKey),
      byZh: distinctPairs(byZh),
      byEn: distinctPairs(byEn),
    }),
  );
  const resolved: { row: PartnershipRow; place: PlaceRef }[] = [];
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

  // 2. Duplicates inside the file, by natural key.
  const firstRow = new Map<string, number>();
  const unique: { row: PartnershipRow; place: PlaceRef }[] = [];
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

  // 3. Existing pairs of existing places, in one read.
  const keys = unique
    .filter((u) => u.place.id !== undefined)
    .map((u) => ({ cnCode: u.row.division.code, foreignPlaceId: u.place.id as number, kind: u.row.kind }));
  const existing = new Map<string, ExistingPartnership>();
  for (const e of await selectPartnershipsByNaturalKeys(tx, keys)) {
    existing.set(`${e.cnCode}|${e.foreignPlaceId}|${e.kind}`, e);
  }

  const now = today();
  // 4. Merge with what is stored, check the date rules, and sort into added / updated / unchanged.
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
  const geoPairs = resolver.created
    .filter((p) => p.nameEn)
    .map((p) => [p.countryIso2, nameKeyFast(p.nameEn as string)] as [string, string]);
  const geo = new Map(
    (await selectGazetteerBest(tx, geoPairs)).map((g) => [`${g.countryIso2}|${g.nameKey}`, g] as const),
  );
  const newPlaces: NewPlace[] = resolver.created.map((p) => {
    const hit = p.nameEn ? geo.get(`${p.countryIso2}|${nameKeyFast(p.nameEn)}`) : undefined;
    return {
      countryIso2: p.countryIso2,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      nameLocal: p.nameLocal,
      adminLevel: p.adminLevel,
      nameKey: p.nameKey,
      lat: hit?.lat ?? null,
      lng: hit?.lng ?? null,
      population: hit?.population ?? null,
      geonamesId: hit?.geonamesId ?? null,
      placeSearch: text.placeSearch(p),
      countrySearch: text.countrySearch(p.countryIso2),
      sortKey: text.sortKey(p.nameZh || p.nameEn),
    };
  });
  const ids = await insertPlaces(tx, newPlaces);
  for (const p of resolver.created) p.id = ids.get(`${p.countryIso2}|${p.nameKey}`);

  const patched = [...resolver.patched];
  if (patched.length) {
    await updatePlaces(
      tx,
      patched.map((p) => ({
        id: p.id as number,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        nameLocal: p.nameLocal,
        adminLevel: p.adminLevel,
        search: text.place(p),
      })),
    );
    // Every pair of a renamed place is found by its new names too.
    const byId = new Map(patched.map((p) => [p.id as number, p]));
    const cache = getReferenceCache();
    const pairs = await selectPartnershipsOfPlaces(tx, [...byId.keys()]);
    await updatePartnershipSearch(
      tx,
      pairs.map((pair) => {
        const derived = text.partnership(
          cache.divisions.get(pair.cnCode) as Division,
          byId.get(pair.foreignPlaceId) as PlaceRef,
        );
        return { id: pair.id, search: derived.search, sortKey: derived.sortKey };
      }),
    );
  }

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
  if (audit) {
    if (inserts.length > 0) await auditCreatedPartnerships(tx, audit.actor, audit.runId);
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
  return result;
}
