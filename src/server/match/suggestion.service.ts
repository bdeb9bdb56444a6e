/**
 * Suggestions for a Chinese division: the candidates ranked by score.ts with their explanations,
 * the exclusions of the hard rules, one candidate explained ("why not …?"), and the division's
 * shortlist and dismissals. Reading needs the division in the actor's scope; keeping a shortlist or
 * dismissing needs the editor role there.
 */
import { type Bilingual, bi } from '../../shared/bilingual.js';
import { today } from '../../shared/dates.js';
import { LEVEL_OF_DIVISION } from '../../shared/enums.js';
import { AppError, notFound } from '../../shared/errors.js';
import {
  type Candidate,
  type CandidateExplained,
  DEFAULT_WEIGHTS,
  type Dismissal,
  EXCLUSION_RULES,
  type ExclusionRule,
  type ShortlistEntry,
  type Suggestions,
  type SuggestionsQuery,
  type Weights,
} from '../../shared/schemas/match.js';
import { writeAudit } from '../audit/audit.repo.js';
import { type Actor, assertCanRead, assertCanWrite, scopeCovers } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { readAll } from '../db/sql.js';
import { staleVersion } from '../db/versioned.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import { readNoRelations } from '../reference/reference.service.js';
import {
  describeCandidate,
  gazetteerCandidates,
  overlayRegistry,
  type RegistryOverlay,
  type TargetProfile,
  targetOf,
} from './candidates.js';
import {
  type DismissalRow,
  deleteDismissal,
  deleteShortlistEntry,
  insertDismissal,
  insertShortlistEntry,
  type ShortlistRow,
  selectDismissal,
  selectDismissals,
  selectGroupCountries,
  selectLiveRequests,
  selectProvincePairs,
  selectRegistryPlaces,
  selectShortlist,
  selectShortlistEntry,
  updateShortlistIfVersion,
} from './match.repo.js';
import { effectivePolicy } from './policy.service.js';
import { ownRequestOf, seekingOf } from './request.service.js';
import {
  type CandidatePlace,
  type CountryFacts,
  EXCLUSION_TEXT,
  exclusionOf,
  exclusionReason,
  explain,
  type MatchContext,
  rank,
  type Scored,
  valuesOf,
} from './score.js';

let noRelations: Map<string, { asOf: string; source: string }> | undefined;

export type MatchSetting = {
  target: TargetProfile;
  candidates: CandidatePlace[];
  overlay: RegistryOverlay;
  ctx: MatchContext;
  shortlisted: Set<string>;
  policyScope: string | null;
  scopeName: Bilingual;
  level: ReturnType<typeof levelOf>;
};

function levelOf(division: { level: keyof typeof LEVEL_OF_DIVISION }) {
  return LEVEL_OF_DIVISION[division.level];
}

/** Everything a ranking for one division reads, in one round of queries. */
export async function readSetting(db: DbOrTx, actor: Actor, cnCode: string, asOf: string): Promise<MatchSetting> {
  const division = getDivision(cnCode, 'cn');
  assertCanRead(actor, division.code);
  const province = getDivision(division.provinceCode, 'cn');
  const [base, registry, provincePairs, live, dismissals, shortlist, groups, policy] = await readAll(db, [
    () => gazetteerCandidates(db),
    () => selectRegistryPlaces(db),
    () => selectProvincePairs(db, division.provinceCode),
    () => selectLiveRequests(db, asOf),
    () => selectDismissals(db, division.code),
    () => selectShortlist(db, division.code),
    () => selectGroupCountries(db, ['bri']),
    () => effectivePolicy(db, division),
  ]);
  const overlay = overlayRegistry(base, registry);
  const cache = getReferenceCache();
  const bri = new Set(groups.filter((g) => g.groupCode === 'bri').map((g) => g.countryIso2));
  noRelations ??= readNoRelations();
  const countries = new Map<string, CountryFacts>();
  for (const c of cache.countries.values()) {
    countries.set(c.iso2, {
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      continent: c.continent,
      bri: bri.has(c.iso2),
      noRelations: (noRelations as Map<string, unknown>).has(c.iso2),
    });
  }
  const provinceTies = new Map<string, number>();
  const ownByCountry = new Map<string, number>();
  const pairedWithTarget = new Map<string, string | null>();
  const pairedInProvince = new Map<string, Bilingual | null>();
  for (const p of provincePairs) {
    const key = overlay.keyOfPlace.get(p.foreign_place_id) ?? `fp:${p.foreign_place_id}`;
    const live = p.status !== 'ended';
    if (live) provinceTies.set(p.country_iso2, (provinceTies.get(p.country_iso2) ?? 0) + 1);
    if (p.cn_code === division.code) {
      pairedWithTarget.set(key, p.year === null ? null : String(p.year));
      if (live) ownByCountry.set(p.country_iso2, (ownByCountry.get(p.country_iso2) ?? 0) + 1);
    } else if (live && !pairedInProvince.has(key)) {
      pairedInProvince.set(key, scopeCovers(actor.scopeCode, p.cn_code) ? bi(p.cn_name_zh, p.cn_name_en) : null);
    }
  }
  const foreignLive = live.filter((r) => r.side === 'foreign');
  const requests = new Map(
    foreignLive.map((r) => [
      overlay.keyOfPlace.get(r.foreignPlaceId as number) ?? `fp:${r.foreignPlaceId}`,
      seekingOf(r),
    ]),
  );
  const own = ownRequestOf(live, division.code);
  const target = targetOf(division, province, own);
  const ctx: MatchContext = {
    countries,
    provinceTies,
    ownByCountry,
    pairedWithTarget,
    pairedInProvince,
    chinaPartners: overlay.chinaPartners,
    nationalPairs: overlay.nationalPairs,
    candidatesPerCountry: overlay.perCountry,
    requests,
    dismissed: new Map(
      dismissals.map((d) => [d.candidateKey, { reason: d.reason, on: d.createdAt.toISOString().slice(0, 10) }]),
    ),
    policy: policy.settings,
    anyRequests: foreignLive.length > 0,
  };
  return {
    target,
    candidates: [...base.places, ...overlay.extra],
    overlay,
    ctx,
    shortlisted: new Set(shortlist.map((s) => s.candidateKey)),
    policyScope: policy.scopeCode,
    scopeName: bi(division.nameZh, division.nameEn),
    level: levelOf(division),
  };
}

function present(setting: MatchSetting, scored: Scored, weights: Weights): Candidate {
  const { place } = scored;
  const country = setting.ctx.countries.get(place.countryIso2);
  const known = setting.overlay.known.get(place.key);
  return {
    key: place.key,
    name: place.name,
    nameZh: place.nameZh ?? known?.nameZh ?? null,
    countryIso2: place.countryIso2,
    countryNameZh: country?.nameZh ?? place.countryIso2,
    countryNameEn: country?.nameEn ?? place.countryIso2,
    continent: country?.continent ?? null,
    lat: place.lat,
    lng: place.lng,
    population: place.population,
    role: place.role,
    foreignPlaceId: place.foreignPlaceId ?? known?.foreignPlaceId ?? null,
    requestId: setting.ctx.requests.get(place.key)?.id ?? null,
    chinaPartners: setting.ctx.chinaPartners.get(place.key) ?? 0,
    score: Math.round(scored.score * 10) / 10,
    similarity: Math.round(scored.similarity * 100) / 100,
    strategic: Math.round(scored.strategic * 100) / 100,
    factors: explain(setting.target, scored, setting.ctx, weights),
    shortlisted: setting.shortlisted.has(place.key),
  };
}

function filterOf(
  query: Pick<SuggestionsQuery, 'country' | 'region' | 'minPopulation' | 'maxPopulation'>,
  ctx: MatchContext,
) {
  const { country, region, minPopulation, maxPopulation } = query;
  if (!country && !region && minPopulation === undefined && maxPopulation === undefined) return undefined;
  return (place: CandidatePlace) =>
    (!country || place.countryIso2 === country) &&
    (!region || ctx.countries.get(place.countryIso2)?.continent === region) &&
    (minPopulation === undefined || (place.population ?? 0) >= minPopulation) &&
    (maxPopulation === undefined || (place.population ?? 0) <= maxPopulation);
}

/** The best candidates for a division, each explained, and what the hard rules excluded. */
export async function suggest({
  db,
  actor,
  query,
  asOf = today(),
}: {
  db: DbOrTx;
  actor: Actor;
  query: SuggestionsQuery;
  asOf?: string;
}): Promise<Suggestions> {
  const setting = await readSetting(db, actor, query.cn, asOf);
  const weights = query.weights ?? DEFAULT_WEIGHTS;
  const ranking = rank(setting.target, setting.candidates, setting.ctx, weights, {
    limit: query.limit,
    filter: filterOf(query, setting.ctx),
  });
  const { target } = setting;
  return {
    cn: {
      code: target.code,
      nameZh: target.nameZh,
      nameEn: setting.scopeName.en,
      level: setting.level,
      population: target.population,
      populationSource: target.populationSource,
      lat: target.lat,
      lng: target.lng,
    },
    asOf,
    weights,
    candidateCount: ranking.considered,
    items: ranking.items.map((s) => present(setting, s, weights)),
    exclusions: EXCLUSION_RULES.flatMap((rule) => {
      const entry = ranking.excluded.get(rule);
      if (!entry) return [];
      return [
        {
          rule,
          count: entry.count,
          text: EXCLUSION_TEXT[rule],
          examples: entry.best.map((e) => ({
            key: e.place.key,
            name: e.place.name,
            countryIso2: e.place.countryIso2,
            reason: exclusionReason(rule, e.place, setting.ctx, setting.scopeName),
          })),
        },
      ];
    }),
    policyScope: setting.policyScope,
  };
}

function notACandidate(key: string): AppError {
  return new AppError('not_found', `${key} is not a candidate place`, {
    fix: 'candidates are GeoNames places of 10,000 people or more outside China (gn:<id>) and the foreign places of the registry (fp:<id>)',
  });
}

function findCandidate(setting: MatchSetting, key: string): CandidatePlace {
  const found = setting.candidates.find((c) => c.key === key);
  if (!found) throw notACandidate(key);
  return found;
}

/** One candidate with its score, every hard rule that excludes it, and its rank among the suggestions. */
export async function explainCandidate({
  db,
  actor,
  cn,
  key,
  weights = DEFAULT_WEIGHTS,
  asOf = today(),
}: {
  db: DbOrTx;
  actor: Actor;
  cn: string;
  key: string;
  weights?: Weights;
  asOf?: string;
}): Promise<CandidateExplained> {
  const setting = await readSetting(db, actor, cn, asOf);
  const place = findCandidate(setting, key);
  const { target, ctx } = setting;
  const excludedBy = everyExclusion(setting, place).map((rule) => ({
    rule,
    reason: exclusionReason(rule, place, ctx, setting.scopeName),
  }));
  const values = valuesOf(target, place, ctx);
  const scored = scoreOne(setting, place, values, weights);
  let rankNo: number | null = null;
  if (excludedBy.length === 0) {
    const ranking = rank(target, setting.candidates, ctx, weights, { limit: 0, examples: 0 });
    rankNo = ranking.rankOf(key);
  }
  return { candidate: present(setting, scored, weights), excludedBy, rank: rankNo };
}

/** Every hard rule a place breaks (exclusionOf stops at the first). */
function everyExclusion(setting: MatchSetting, place: CandidatePlace): ExclusionRule[] {
  const rules: ExclusionRule[] = [];
  let ctx = setting.ctx;
  for (;;) {
    const rule = exclusionOf(place, ctx);
    if (!rule) return rules;
    rules.push(rule);
    ctx = withoutRule(ctx, rule, place.key);
  }
}

function withoutRule(ctx: MatchContext, rule: ExclusionRule, key: string): MatchContext {
  const without = <V>(map: ReadonlyMap<string, V>) => new Map([...map].filter(([k]) => k !== key));
  switch (rule) {
    case 'no_relations': {
      const countries = new Map(ctx.countries);
      for (const [iso2, facts] of countries) countries.set(iso2, { ...facts, noRelations: false });
      return { ...ctx, countries };
    }
    case 'already_paired':
      return { ...ctx, pairedWithTarget: without(ctx.pairedWithTarget) };
    case 'office_excluded_country':
      return { ...ctx, policy: { ...ctx.policy, excludedCountries: [] } };
    case 'max_per_country':
      return { ...ctx, policy: { ...ctx.policy, maxPerCountry: null } };
    case 'paired_in_province':
      return { ...ctx, policy: { ...ctx.policy, notPairedInProvince: false } };
    case 'dismissed':
      return { ...ctx, dismissed: without(ctx.dismissed) };
  }
}

function scoreOne(setting: MatchSetting, place: CandidatePlace, values: Scored['values'], weights: Weights): Scored {
  const single = rank(setting.target, [place], { ...setting.ctx, ...neutralRules(setting.ctx) }, weights, {
    limit: 1,
    examples: 0,
  });
  return single.items[0] ?? { place, score: 0, similarity: 0, strategic: 0, values };
}

/** The context with no hard rule in force, to score a place that one excludes. */
function neutralRules(ctx: MatchContext): Partial<MatchContext> {
  const countries = new Map([...ctx.countries].map(([k, v]) => [k, { ...v, noRelations: false }]));
  return {
    countries,
    pairedWithTarget: new Map(),
    dismissed: new Map(),
    policy: { excludedCountries: [], maxPerCountry: null, notPairedInProvince: false },
  };
}

/* ---------- shortlist and dismissals ---------- */

function presentShortlist(row: ShortlistRow): ShortlistEntry {
  return {
    id: row.id,
    cnCode: row.cnCode,
    key: row.candidateKey,
    name: row.name,
    countryIso2: row.countryIso2,
    note: row.note,
    createdBy: row.createdBy,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

function presentDismissal(row: DismissalRow): Dismissal {
  return {
    id: row.id,
    cnCode: row.cnCode,
    key: row.candidateKey,
    name: row.name,
    countryIso2: row.countryIso2,
    reason: row.reason,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listShortlist({
  db,
  actor,
  cn,
}: {
  db: DbOrTx;
  actor: Actor;
  cn: string;
}): Promise<ShortlistEntry[]> {
  assertCanRead(actor, getDivision(cn, 'cn').code);
  return (await selectShortlist(db, cn)).map(presentShortlist);
}

/**
 * The name and country kept with a shortlist entry or a dismissal. One candidate is looked up by its
 * key: reading the whole ranking's setting for it cost every candidate of the gazetteer.
 */
async function describeKey(db: DbOrTx, key: string) {
  const found = await describeCandidate(db, key);
  if (!found) throw notACandidate(key);
  return {
    name: found.knownNameZh ? `${found.name}（${found.knownNameZh}）` : found.name,
    countryIso2: found.countryIso2,
  };
}

export async function addToShortlist({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { cn: string; key: string; note?: string | null };
}): Promise<ShortlistEntry> {
  assertCanWrite(actor, getDivision(input.cn, 'cn').code);
  const { name, countryIso2 } = await describeKey(db, input.key);
  return db.transaction(async (tx) => {
    const row = await insertShortlistEntry(tx, {
      cnCode: input.cn,
      candidateKey: input.key,
      name,
      countryIso2,
      note: input.note ?? null,
      createdBy: actor.name,
    });
    if (!row) {
      throw new AppError('conflict', `${name} is already on the shortlist of ${input.cn}`, {
        fix: 'change the note of the entry that is there',
      });
    }
    await writeAudit(tx, actor, {
      entity: 'match_shortlist',
      entityId: row.id,
      action: 'create',
      cnCode: input.cn,
      after: row,
    });
    return presentShortlist(row);
  });
}

export async function updateShortlistNote({
  db,
  actor,
  id,
  input,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: { note?: string | null; version: number };
}): Promise<ShortlistEntry> {
  return db.transaction(async (tx) => {
    const current = await selectShortlistEntry(tx, id);
    if (!current) throw notFound('shortlist entry', id);
    assertCanWrite(actor, current.cnCode);
    const updated = await updateShortlistIfVersion(tx, id, input.version, input.note ?? null);
    if (!updated) throw staleVersion('shortlist entry', current);
    await writeAudit(tx, actor, {
      entity: 'match_shortlist',
      entityId: id,
      action: 'update',
      cnCode: current.cnCode,
      before: current,
      after: updated,
    });
    return presentShortlist(updated as ShortlistRow);
  });
}

export async function removeFromShortlist({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await selectShortlistEntry(tx, id);
    if (!current) throw notFound('shortlist entry', id);
    assertCanWrite(actor, current.cnCode);
    await deleteShortlistEntry(tx, id, current.version);
    await writeAudit(tx, actor, {
      entity: 'match_shortlist',
      entityId: id,
      action: 'delete',
      cnCode: current.cnCode,
      before: current,
    });
  });
}

export async function listDismissals({
  db,
  actor,
  cn,
}: {
  db: DbOrTx;
  actor: Actor;
  cn: string;
}): Promise<Dismissal[]> {
  assertCanRead(actor, getDivision(cn, 'cn').code);
  return (await selectDismissals(db, cn)).map(presentDismissal);
}

export async function dismiss({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { cn: string; key: string; reason: string };
}): Promise<Dismissal> {
  assertCanWrite(actor, getDivision(input.cn, 'cn').code);
  const { name, countryIso2 } = await describeKey(db, input.key);
  return db.transaction(async (tx) => {
    const row = await insertDismissal(tx, {
      cnCode: input.cn,
      candidateKey: input.key,
      name,
      countryIso2,
      reason: input.reason,
      createdBy: actor.name,
    });
    if (!row)
      throw new AppError('conflict', `${name} is already set aside for ${input.cn}`, {
        fix: 'restore it first to change the reason',
      });
    await writeAudit(tx, actor, {
      entity: 'match_dismissal',
      entityId: row.id,
      action: 'create',
      cnCode: input.cn,
      after: row,
    });
    return presentDismissal(row);
  });
}

export async function restoreDismissed({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await selectDismissal(tx, id);
    if (!current) throw notFound('dismissal', id);
    assertCanWrite(actor, current.cnCode);
    await deleteDismissal(tx, id);
    await writeAudit(tx, actor, {
      entity: 'match_dismissal',
      entityId: id,
      action: 'delete',
      cnCode: current.cnCode,
      before: current,
    });
  });
}
