/**
 * Requests for partners (寻找友城) from both sides, their status, the mutual matches between open
 * requests, and a match moved into the life cycle as a pair at the intent stage (意向), linked to both
 * requests. A request belongs to its owner scope: the division itself for a Chinese request, the
 * office that entered it for a foreign one. Contacts are personal data: a request shows its contact
 * only to those who may see contacts there.
 */
import { type Bilingual, bi } from '../../shared/bilingual.js';
import { today } from '../../shared/dates.js';
import { type Continent, type Field, LEVEL_OF_DIVISION, NATIONAL_CODE } from '../../shared/enums.js';
import { AppError, type FieldIssue, notFound, validationFailed } from '../../shared/errors.js';
import type { ListEnvelope } from '../../shared/list.js';
import {
  type MatchRequest,
  type MatchRequestCreate,
  type MatchRequestUpdate,
  type MutualMatch,
  type Promoted,
  type PromoteMatch,
  REQUEST_DEFAULT_MONTHS,
  REQUEST_MOVES,
  type RequestListQuery,
  type RequestProfile,
  RequestProfileSchema,
  type RequestStatus,
  type RequestStatusMove,
  SIZE_BOUNDS,
  type Size,
} from '../../shared/schemas/match.js';
import { buildSearchText } from '../../shared/text.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite, effectiveScope, scopeCovers } from '../auth/actor.js';
import { getContact } from '../contacts/contact.service.js';
import type { Db, DbOrTx } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { createPartnership } from '../partnerships/partnership.service.js';
import { getForeignPlace, resolveForeignPlace, unknownCountryIssue } from '../places/place.service.js';
import { type Division, getReferenceCache } from '../places/reference-cache.js';
import { getDivision, resolveScope } from '../places/scope.js';
import type { OwnRequest } from './candidates.js';
import {
  deleteRequestIfVersion,
  insertRequest,
  type NewRequest,
  type RequestRow,
  selectContactNames,
  selectLiveRequests,
  selectPlacesOf,
  selectRequest,
  selectRequestPage,
  updateRequestIfVersion,
} from './match.repo.js';
import { fieldList, type SeekingRequest } from './score.js';

type PlaceRow = Awaited<ReturnType<typeof selectPlacesOf>>[number];

/** The day `months` after `day` (the last day of the month when that month is shorter). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function parseProfile(profile: unknown): RequestProfile {
  const parsed = RequestProfileSchema.safeParse(profile ?? {});
  return parsed.success ? parsed.data : { features: [] };
}

function isLive(row: RequestRow, on: string): boolean {
  return (row.status === 'open' || row.status === 'talks') && row.expiresOn >= on;
}

/** What scoring needs of a foreign request seeking a Chinese partner. */
export function seekingOf(row: RequestRow): SeekingRequest {
  return {
    id: row.id,
    fields: row.fields,
    features: parseProfile(row.profile).features,
    wishedProvinces: row.wishedProvinces,
  };
}

/** The newest live request of a division's own office, which its suggestions take their wishes from. */
export function ownRequestOf(live: readonly RequestRow[], cnCode: string): OwnRequest | undefined {
  const own = live.filter((r) => r.side === 'cn' && r.cnCode === cnCode).sort((a, b) => b.id - a.id)[0];
  if (!own) return undefined;
  return {
    id: own.id,
    profile: parseProfile(own.profile),
    fields: own.fields,
    wishedCountries: own.wishedCountries,
    wishedRegions: own.wishedRegions,
    sizeWished: (own.sizeWished as Size | null) ?? null,
  };
}

type Lookups = { places: Map<number, PlaceRow>; contacts: Map<number, { name: string; cnCode: string }> };

async function lookupsOf(db: DbOrTx, rows: readonly RequestRow[]): Promise<Lookups> {
  const placeIds = [...new Set(rows.flatMap((r) => (r.foreignPlaceId ? [r.foreignPlaceId] : [])))];
  const contactIds = [...new Set(rows.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  const [places, contacts] = [await selectPlacesOf(db, placeIds), await selectContactNames(db, contactIds)];
  return {
    places: new Map(places.map((p) => [p.id, p])),
    contacts: new Map(
      contacts.map((c) => [c.id, { name: c.nameZh ?? c.nameEn ?? c.nameOriginal ?? `#${c.id}`, cnCode: c.cnCode }]),
    ),
  };
}

function present(row: RequestRow, lookups: Lookups, actor: Actor, on: string): MatchRequest {
  const cache = getReferenceCache();
  const division = row.cnCode ? cache.divisions.get(row.cnCode) : undefined;
  const place = row.foreignPlaceId ? lookups.places.get(row.foreignPlaceId) : undefined;
  const country = place ? cache.countries.get(place.countryIso2) : undefined;
  const contact = row.contactId ? lookups.contacts.get(row.contactId) : undefined;
  const mayShowContact = contact && actor.canSeeContacts && scopeCovers(actor.scopeCode, contact.cnCode);
  return {
    id: row.id,
    side: row.side as MatchRequest['side'],
    ownerScope: row.ownerScope,
    cn: division
      ? {
          code: division.code,
          nameZh: division.nameZh,
          nameEn: division.nameEn,
          level: LEVEL_OF_DIVISION[division.level],
        }
      : null,
    foreign: place
      ? {
          id: place.id,
          countryIso2: place.countryIso2,
          countryNameZh: country?.nameZh ?? place.countryIso2,
          countryNameEn: country?.nameEn ?? place.countryIso2,
          nameZh: place.nameZh,
          nameEn: place.nameEn,
          continent: country?.continent ?? null,
        }
      : null,
    profile: parseProfile(row.profile),
    wishedCountries: row.wishedCountries,
    // Text arrays in the database, written only from a create or change whose schema takes these lists.
    wishedRegions: row.wishedRegions as Continent[],
    wishedProvinces: row.wishedProvinces,
    fields: row.fields as Field[],
    sizeWished: (row.sizeWished as Size | null) ?? null,
    contact: mayShowContact && row.contactId ? { id: row.contactId, name: contact.name } : null,
    source: row.source,
    sourceUrl: row.sourceUrl,
    receivedOn: row.receivedOn,
    status: row.status as RequestStatus,
    statusReason: row.statusReason,
    expiresOn: row.expiresOn,
    stale: (row.status === 'open' || row.status === 'talks') && row.expiresOn < on,
    partnershipId: row.partnershipId,
    notes: row.notes,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function presentRows(db: DbOrTx, actor: Actor, rows: readonly RequestRow[]): Promise<MatchRequest[]> {
  const lookups = await lookupsOf(db, rows);
  const on = today();
  return rows.map((r) => present(r, lookups, actor, on));
}

export async function listRequests({
  db,
  actor,
  query,
}: {
  db: DbOrTx;
  actor: Actor;
  query: RequestListQuery;
}): Promise<ListEnvelope<MatchRequest>> {
  const scope = resolveScope(effectiveScope(actor, query.scope));
  const { rows, total } = await selectRequestPage(
    db,
    {
      subtree: scope.subtree,
      side: query.side,
      status: query.status,
      staleOn: query.stale === '1' ? today() : undefined,
      country: query.country,
      q: query.q,
    },
    query.perPage,
    (query.page - 1) * query.perPage,
  );
  return { data: await presentRows(db, actor, rows), total, page: query.page, perPage: query.perPage };
}

async function readableRequest(db: DbOrTx, actor: Actor, id: number): Promise<RequestRow> {
  const row = await selectRequest(db, id);
  if (!row) throw notFound('request', id);
  assertCanRead(actor, row.ownerScope);
  return row;
}

export async function getRequest({ db, actor, id }: { db: DbOrTx; actor: Actor; id: number }): Promise<MatchRequest> {
  const [view] = await presentRows(db, actor, [await readableRequest(db, actor, id)]);
  return view as MatchRequest;
}

/** A request the actor may change, at the version it read (when one is named: a delete checks it in its statement). */
async function writableRequest(db: DbOrTx, actor: Actor, id: number, version?: number): Promise<RequestRow> {
  const current = await selectRequest(db, id);
  if (!current) throw notFound('request', id);
  assertCanWrite(actor, current.ownerScope);
  if (version !== undefined && current.version !== version) throw staleVersion('request', current);
  return current;
}

function ownerColumnsOf(division: Division) {
  return {
    ownerScope: division.code,
    ownerProvinceCode: division.provinceCode,
    ownerPrefectureCode: division.prefectureCode,
  };
}

type Editable = Omit<MatchRequestUpdate, 'version'>;

/** Checks the codes a request names against the reference data: every unknown one, with its field. */
function referenceIssues(input: Editable): FieldIssue[] {
  const cache = getReferenceCache();
  const issues: FieldIssue[] = [];
  (input.wishedCountries ?? []).forEach((iso2, i) => {
    if (!cache.countries.has(iso2)) issues.push(unknownCountryIssue(`wishedCountries.${i}`, iso2));
  });
  (input.wishedProvinces ?? []).forEach((code, i) => {
    const division = cache.divisions.get(code);
    if (division?.level !== 'province') {
      issues.push({
        path: `wishedProvinces.${i}`,
        rule: 'not_a_province',
        value: code,
        message: `${code} is not the code of a Chinese province`,
        fix: 'use a province code such as 430000 for 湖南省',
      });
    }
  });
  if (input.receivedOn && input.expiresOn && input.expiresOn < input.receivedOn) {
    issues.push({
      path: 'expiresOn',
      rule: 'before_received',
      value: input.expiresOn,
      message: `the request expires (${input.expiresOn}) before it was received (${input.receivedOn})`,
      fix: 'give an expiry day after the day received, or leave it out for 12 months',
    });
  }
  return issues;
}

function columnsOf(input: Editable): Partial<NewRequest> {
  const columns: Partial<NewRequest> = {};
  if (input.profile !== undefined) columns.profile = input.profile;
  if (input.wishedCountries !== undefined) columns.wishedCountries = [...new Set(input.wishedCountries)];
  if (input.wishedRegions !== undefined) columns.wishedRegions = [...new Set(input.wishedRegions)];
  if (input.wishedProvinces !== undefined) columns.wishedProvinces = [...new Set(input.wishedProvinces)];
  if (input.fields !== undefined) columns.fields = [...new Set(input.fields)];
  if (input.sizeWished !== undefined) columns.sizeWished = input.sizeWished;
  if (input.contactId !== undefined) columns.contactId = input.contactId;
  if (input.source !== undefined) columns.source = input.source ?? null;
  if (input.sourceUrl !== undefined) columns.sourceUrl = input.sourceUrl;
  if (input.receivedOn !== undefined) columns.receivedOn = input.receivedOn;
  if (input.expiresOn !== undefined && input.expiresOn !== null) columns.expiresOn = input.expiresOn;
  if (input.notes !== undefined) columns.notes = input.notes ?? null;
  return columns;
}

function searchOf(
  row: { source?: string | null; notes?: string | null },
  names: readonly (string | null | undefined)[],
) {
  return buildSearchText([...names, row.source, row.notes]);
}

async function checkContact(db: DbOrTx, actor: Actor, contactId: number | null | undefined): Promise<void> {
  if (contactId) await getContact({ db, actor, id: contactId });
}

export async function createRequest({
  db,
  actor,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  input: MatchRequestCreate;
  isDemo?: boolean;
}): Promise<MatchRequest> {
  const issues = referenceIssues(input);
  let owner: Division;
  if (input.side === 'cn') {
    if (!input.cnCode) issues.push(missing('cnCode', 'a Chinese request names its division (cnCode)'));
    if (input.foreignPlace || input.foreignPlaceId) {
      issues.push(missing('foreignPlace', 'a Chinese request names no foreign place: leave foreignPlace out'));
    }
    if (issues.length) throw validationFailed(issues);
    owner = getDivision(input.cnCode as string, 'cnCode');
  } else {
    if ((input.foreignPlace === undefined) === (input.foreignPlaceId === undefined)) {
      issues.push(missing('foreignPlace', 'a foreign request names its place: give foreignPlace or foreignPlaceId'));
    }
    if (input.cnCode) issues.push(missing('cnCode', 'a foreign request has no Chinese division: leave cnCode out'));
    const ownerScope = input.ownerScope ?? actor.scopeCode;
    if (ownerScope === NATIONAL_CODE) {
      issues.push(missing('ownerScope', 'give ownerScope: the division whose office keeps this request'));
    }
    if (issues.length) throw validationFailed(issues);
    owner = getDivision(ownerScope, 'ownerScope');
  }
  assertCanWrite(actor, owner.code);
  await checkContact(db, actor, input.contactId);
  const id = await db.transaction(async (tx) => {
    let place: PlaceRow | undefined;
    if (input.side === 'foreign') {
      place = input.foreignPlace
        ? (await resolveForeignPlace(tx, input.foreignPlace)).place
        : await getForeignPlace(tx, input.foreignPlaceId as number);
    }
    const columns = columnsOf(input);
    const row = await insertRequest(tx, {
      side: input.side,
      ...ownerColumnsOf(owner),
      cnCode: input.side === 'cn' ? owner.code : null,
      foreignPlaceId: place?.id ?? null,
      ...columns,
      expiresOn: columns.expiresOn ?? addMonths(input.receivedOn ?? today(), REQUEST_DEFAULT_MONTHS),
      isDemo,
      search: searchOf(input, place ? [place.nameZh, place.nameEn, place.nameLocal] : [owner.nameZh, owner.nameEn]),
      createdBy: actor.name,
    });
    await writeAudit(tx, actor, {
      entity: 'match_request',
      entityId: row.id,
      action: 'create',
      cnCode: owner.code,
      after: row,
    });
    return row.id;
  });
  return getRequest({ db, actor, id });
}

function missing(path: string, message: string): FieldIssue {
  return { path, rule: 'required', value: null, message, fix: message };
}

export async function updateRequest({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: MatchRequestUpdate;
}): Promise<MatchRequest> {
  await db.transaction(async (tx) => {
    const current = await writableRequest(tx, actor, id, input.version);
    const issues = referenceIssues({
      ...input,
      receivedOn: input.receivedOn === undefined ? current.receivedOn : input.receivedOn,
      expiresOn: input.expiresOn === undefined ? current.expiresOn : input.expiresOn,
    });
    if (issues.length) throw validationFailed(issues);
    await checkContact(tx, actor, input.contactId);
    const { version: _version, ...editable } = input;
    const columns = columnsOf(editable);
    if (input.expiresOn === null) columns.expiresOn = addMonths(current.receivedOn ?? today(), REQUEST_DEFAULT_MONTHS);
    const [place] = current.foreignPlaceId ? await selectPlacesOf(tx, [current.foreignPlaceId]) : [];
    const division = current.cnCode ? getDivision(current.cnCode) : undefined;
    columns.search = searchOf(
      {
        source: columns.source === undefined ? current.source : columns.source,
        notes: columns.notes === undefined ? current.notes : columns.notes,
      },
      place ? [place.nameZh, place.nameEn, place.nameLocal] : [division?.nameZh, division?.nameEn],
    );
    const updated = await updateRequestIfVersion(tx, id, input.version, columns);
    if (!updated) throw staleVersion('request', current);
    await writeAudit(tx, actor, {
      entity: 'match_request',
      entityId: id,
      action: 'update',
      cnCode: current.ownerScope,
      before: current,
      after: updated,
    });
  });
  return getRequest({ db, actor, id });
}

export async function moveRequestStatus({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: RequestStatusMove;
}): Promise<MatchRequest> {
  await db.transaction(async (tx) => {
    const current = await writableRequest(tx, actor, id, input.version);
    const from = current.status as RequestStatus;
    if (!REQUEST_MOVES[from].includes(input.status)) {
      throw validationFailed([
        {
          path: 'status',
          rule: 'status_move',
          value: input.status,
          message: `a request that is ${from} cannot become ${input.status}`,
          fix: `from ${from} a request may become ${REQUEST_MOVES[from].join(' or ')}`,
        },
      ]);
    }
    const patch: Partial<NewRequest> = { status: input.status, statusReason: input.reason ?? null };
    // Reopening a request that expired gives it another full term.
    if (input.status === 'open' && current.expiresOn < today())
      patch.expiresOn = addMonths(today(), REQUEST_DEFAULT_MONTHS);
    const updated = await updateRequestIfVersion(tx, id, input.version, patch);
    if (!updated) throw staleVersion('request', current);
    await writeAudit(tx, actor, {
      entity: 'match_request',
      entityId: id,
      action: 'update',
      cnCode: current.ownerScope,
      before: current,
      after: updated,
    });
  });
  return getRequest({ db, actor, id });
}

export async function deleteRequest({ db, actor, id, version }: { db: Db; actor: Actor; id: number; version: number }) {
  await db.transaction(async (tx) => {
    const current = await writableRequest(tx, actor, id);
    if (!(await deleteRequestIfVersion(tx, id, version))) throw staleVersion('request', current);
    await writeAudit(tx, actor, {
      entity: 'match_request',
      entityId: id,
      action: 'delete',
      cnCode: current.ownerScope,
      before: current,
    });
  });
}

/* ---------- mutual matches ---------- */

function inSize(size: string | null, population: number | null | undefined): boolean | null {
  if (!size || !population) return null;
  const [low, high] = SIZE_BOUNDS[size as Size];
  return population >= low && population < high;
}

/** Why a Chinese and a foreign request fit each other, or null when they do not. */
export function fitOf(cn: MatchRequest, foreign: MatchRequest): Pick<MutualMatch, 'reasons' | 'commonFields'> | null {
  const place = foreign.foreign;
  const division = cn.cn;
  if (!place || !division) return null;
  const provinceCode = `${division.code.slice(0, 2)}0000`;
  const reasons: Bilingual[] = [];
  if (foreign.wishedProvinces.length > 0) {
    if (!foreign.wishedProvinces.includes(provinceCode)) return null;
    reasons.push(bi(`对方希望在你省寻找友城`, `they wish for a partner in your province`));
  }
  const countryWished = cn.wishedCountries.includes(place.countryIso2);
  const regionWished = place.continent ? (cn.wishedRegions as readonly string[]).includes(place.continent) : false;
  if ((cn.wishedCountries.length > 0 || cn.wishedRegions.length > 0) && !countryWished && !regionWished) return null;
  if (countryWished)
    reasons.push(bi(`${place.countryNameZh}在你方希望的国家之列`, `${place.countryNameEn} is a country you wish for`));
  else if (regionWished)
    reasons.push(bi(`${place.countryNameZh}在你方希望的地区`, `${place.countryNameEn} is in a region you wish for`));
  const commonFields = cn.fields.filter((f) => foreign.fields.includes(f));
  if (cn.fields.length > 0 && foreign.fields.length > 0) {
    if (commonFields.length === 0) return null;
    const names = fieldList(commonFields);
    reasons.push(bi(`双方都希望在${names.zh}领域合作`, `both wish to work on ${names.en}`));
  }
  const theirSize = inSize(cn.sizeWished, foreign.profile.population);
  if (theirSize === false) return null;
  if (theirSize) reasons.push(bi('对方人口规模符合你方希望', 'their size is the one you wish for'));
  const ourSize = inSize(foreign.sizeWished, cn.profile.population);
  if (ourSize === false) return null;
  if (ourSize) reasons.push(bi('你方人口规模符合对方希望', 'your size is the one they wish for'));
  if (reasons.length === 0)
    reasons.push(bi('双方均未设限，彼此开放', 'neither side has set a condition the other fails'));
  return { reasons, commonFields };
}

/** Open Chinese and foreign requests that fit each other, seen by the offices of either side. */
export async function mutualMatches({
  db,
  actor,
  scope,
}: {
  db: DbOrTx;
  actor: Actor;
  scope?: string;
}): Promise<MutualMatch[]> {
  const code = effectiveScope(actor, scope);
  const live = await presentRows(db, actor, await selectLiveRequests(db, today()));
  const sees = (r: MatchRequest) => scopeCovers(code, r.ownerScope);
  const cnSide = live.filter((r) => r.side === 'cn');
  const foreignSide = live.filter((r) => r.side === 'foreign');
  const matches: MutualMatch[] = [];
  for (const cn of cnSide) {
    for (const foreign of foreignSide) {
      if (!sees(cn) && !sees(foreign)) continue;
      const fit = fitOf(cn, foreign);
      if (fit) matches.push({ cnRequest: cn, foreignRequest: foreign, ...fit });
    }
  }
  return matches;
}

/** Moves a mutual match into the life cycle: a pair at the intent stage, both requests matched and linked to it. */
export async function promoteMatch({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: PromoteMatch;
}): Promise<Promoted> {
  const on = input.on ?? today();
  const partnershipId = await db.transaction(async (tx) => {
    const cnRow = await readableRequest(tx, actor, input.cnRequestId);
    const foreignRow = await readableRequest(tx, actor, input.foreignRequestId);
    assertCanWrite(actor, cnRow.ownerScope);
    assertCanWrite(actor, foreignRow.ownerScope);
    if (cnRow.side !== 'cn' || foreignRow.side !== 'foreign') {
      throw validationFailed([
        {
          path: cnRow.side !== 'cn' ? 'cnRequestId' : 'foreignRequestId',
          rule: 'request_side',
          value: cnRow.side !== 'cn' ? input.cnRequestId : input.foreignRequestId,
          message: 'name a Chinese request as cnRequestId and a foreign request as foreignRequestId',
          fix: 'swap the two ids, or pick the requests from the list of mutual matches',
        },
      ]);
    }
    const on_ = today();
    for (const row of [cnRow, foreignRow]) {
      if (!isLive(row, on_)) {
        throw new AppError(
          'conflict',
          `request #${row.id} is ${row.status}${row.expiresOn < on_ ? ' and past its expiry' : ''}`,
          {
            fix: 'only open requests (or in talks) that have not expired can be matched; reopen it first',
          },
        );
      }
    }
    const [cnView, foreignView] = await presentRows(tx, actor, [cnRow, foreignRow]);
    if (!fitOf(cnView as MatchRequest, foreignView as MatchRequest)) {
      throw new AppError('conflict', `requests #${cnRow.id} and #${foreignRow.id} do not fit each other`, {
        fix: 'see the mutual matches for the requests that fit, or change a request’s wishes',
      });
    }
    const pair = await createPartnership({
      db: tx as unknown as Db,
      actor,
      input: {
        cnCode: cnRow.cnCode as string,
        partnerPlaceId: foreignRow.foreignPlaceId as number,
        kind: input.kind,
        stage: 'intent',
        status: 'active',
        notes: [`意向 ${on}：由友城匹配请求 #${cnRow.id}（中方）与 #${foreignRow.id}（外方）转入`, input.note]
          .filter(Boolean)
          .join('\n'),
      },
    });
    for (const row of [cnRow, foreignRow]) {
      const updated = await updateRequestIfVersion(tx, row.id, row.version, {
        status: 'matched',
        statusReason: `→ partnership #${pair.id}`,
        partnershipId: pair.id,
      });
      if (!updated) throw staleVersion('request', row);
      await writeAudit(tx, actor, {
        entity: 'match_request',
        entityId: row.id,
        action: 'update',
        cnCode: row.ownerScope,
        before: row,
        after: updated,
      });
    }
    return pair.id;
  });
  const [cnRequest, foreignRequest] = [
    await getRequest({ db, actor, id: input.cnRequestId }),
    await getRequest({ db, actor, id: input.foreignRequestId }),
  ];
  return { partnershipId, cnRequest, foreignRequest };
}
