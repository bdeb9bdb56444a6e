/**
 * The registry beside Wikidata, on an extract the user provides (no network):
 *
 * - quickStatements(): the P190 statements Wikidata lacks for published pairs, both directions,
 *   each with P580 at the date's precision, P582 for an ended pair, and a reference (P854 the
 *   pair's source, P813 the day the record was last saved). Only pairs whose two sides have a
 *   Wikidata item, that have a source (other than Wikidata itself) and a signing date;
 * - wikidataDifferences(): what a person should check — partners only one side knows, statements
 *   made on one item only, start dates that disagree;
 * - wikidataMatches() / confirmWikidataMatch(): Wikidata items proposed for foreign places that
 *   have none, with a confidence, set only when a person confirms one (audited).
 */
import { formatPartialDate } from '../../shared/dates.js';
import { NATIONAL_CODE, type Precision } from '../../shared/enums.js';
import { validationFailed } from '../../shared/errors.js';
import { nameKeyOf } from '../../shared/text.js';
import { type Actor, assertCanRead } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { partnerships } from '../db/schema.js';
import { subtreeWhere } from '../db/subtree.js';
import { updateForeignPlace } from '../partnerships/partner-place.service.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { resolveScope } from '../places/scope.js';
import { iteratePublishedPairs, type PublishedPair } from './open.repo.js';
import { type ExtractDate, reverseIndex, statementOf, twinsOf, type WikidataExtract } from './wikidata-extract.js';

export type WikidataPair = {
  id: number;
  cnCode: string;
  cnName: string;
  cnQid: string | null;
  placeId: number;
  placeName: string;
  countryIso2: string;
  placeQid: string | null;
  placeNames: string[];
  establishedOn: string | null;
  establishedPrecision: Precision | null;
  endedOn: string | null;
  sourceUrl: string | null;
  updatedOn: string;
};

function toPair({ p, place }: PublishedPair): WikidataPair {
  const division = getReferenceCache().divisions.get(p.cnCode);
  return {
    id: p.id,
    cnCode: p.cnCode,
    cnName: division ? `${division.nameZh} ${division.nameEn}` : p.cnCode,
    cnQid: division?.wikidataId ?? null,
    placeId: place.id,
    placeName: [place.nameZh, place.nameEn].filter(Boolean).join(' '),
    countryIso2: place.countryIso2,
    placeQid: place.wikidataId,
    placeNames: [place.nameEn, place.nameLocal, place.nameZh].filter((n): n is string => !!n),
    establishedOn: p.establishedOn,
    establishedPrecision: p.establishedPrecision as Precision | null,
    endedOn: p.endedOn,
    sourceUrl: p.sourceUrl,
    updatedOn: new Date(p.updatedAt).toISOString().slice(0, 10),
  };
}

async function readPairs(db: DbOrTx, actor: Actor, scope: string, which: 'published' | 'signed') {
  assertCanRead(actor, scope);
  const resolved = resolveScope(scope);
  const pairs: WikidataPair[] = [];
  for await (const batch of iteratePublishedPairs(db, subtreeWhere(partnerships, resolved.subtree), 20_000, which)) {
    pairs.push(...batch.map(toPair));
  }
  return pairs;
}

const PRECISION_CODE: Record<Precision, number> = { year: 9, month: 10, day: 11 };

/** A date as QuickStatements writes a time: unknown parts as 00, the precision after the slash. */
export function quickStatementsTime(date: string, precision: Precision): string {
  const [y, m, d] = date.split('-');
  if (precision === 'year') return `+${y}-00-00T00:00:00Z/9`;
  if (precision === 'month') return `+${y}-${m}-00T00:00:00Z/10`;
  return `+${y}-${m}-${d}T00:00:00Z/${PRECISION_CODE.day}`;
}

export type QuickStatementsSkips = {
  noWikidataItem: number;
  noSource: number;
  sourceIsWikidata: number;
  noDate: number;
  alreadyInWikidata: number;
};

const QS_SAFE = /^[^\t\n\r"]+$/;

/** The two statements of a pair (A P190 B and B P190 A), each with its qualifiers and reference. */
export function quickStatementsOf(pair: WikidataPair): string[] {
  if (!pair.cnQid || !pair.placeQid || !pair.sourceUrl || !pair.establishedOn || !pair.establishedPrecision) return [];
  const qualifiers = [`P580\t${quickStatementsTime(pair.establishedOn, pair.establishedPrecision)}`];
  if (pair.endedOn) qualifiers.push(`P582\t${quickStatementsTime(pair.endedOn, 'day')}`);
  const reference = `S854\t"${pair.sourceUrl}"\tS813\t${quickStatementsTime(pair.updatedOn, 'day')}`;
  return [
    `${pair.cnQid}\tP190\t${pair.placeQid}\t${qualifiers.join('\t')}\t${reference}`,
    `${pair.placeQid}\tP190\t${pair.cnQid}\t${qualifiers.join('\t')}\t${reference}`,
  ];
}

export async function quickStatements({
  db,
  actor,
  extract,
  scope = NATIONAL_CODE,
}: {
  db: DbOrTx;
  actor: Actor;
  extract: WikidataExtract;
  scope?: string;
}) {
  const pairs = await readPairs(db, actor, scope, 'published');
  const skipped: QuickStatementsSkips = {
    noWikidataItem: 0,
    noSource: 0,
    sourceIsWikidata: 0,
    noDate: 0,
    alreadyInWikidata: 0,
  };
  const lines: string[] = [];
  const written: WikidataPair[] = [];
  for (const pair of pairs) {
    if (!pair.cnQid || !pair.placeQid) skipped.noWikidataItem += 1;
    else if (!pair.sourceUrl || !QS_SAFE.test(pair.sourceUrl)) skipped.noSource += 1;
    else if (/^https?:\/\/(www\.)?wikidata\.org\//.test(pair.sourceUrl)) skipped.sourceIsWikidata += 1;
    else if (!pair.establishedOn) skipped.noDate += 1;
    else if (statementOf(extract, pair.cnQid, pair.placeQid) && statementOf(extract, pair.placeQid, pair.cnQid)) {
      skipped.alreadyInWikidata += 1;
    } else {
      lines.push(...quickStatementsOf(pair));
      written.push(pair);
    }
  }
  return { pairs: pairs.length, written, lines, text: lines.length ? `${lines.join('\n')}\n` : '', skipped };
}

export type Difference = {
  kind: 'only_in_wikidata' | 'only_in_amity' | 'one_sided_in_wikidata' | 'start_differs';
  cnCode: string;
  cnName: string;
  cnQid: string;
  partnerQid: string | null;
  partnerLabel: string | null;
  partnershipId: number | null;
  amityPartner: string | null;
  amityStart: string | null;
  wikidataStart: string | null;
  note: string;
};

function shown(date: ExtractDate | null): string | null {
  return date ? formatPartialDate(date.date, date.precision) : null;
}

/** Do two dates disagree at the coarser of their precisions? */
function datesDisagree(a: ExtractDate, b: ExtractDate): boolean {
  const order: Precision[] = ['year', 'month', 'day'];
  const coarser = order[Math.min(order.indexOf(a.precision), order.indexOf(b.precision))] as Precision;
  return formatPartialDate(a.date, coarser) !== formatPartialDate(b.date, coarser);
}

/** The registry's signed pairs beside the extract, for divisions that have a Wikidata item. */
export async function wikidataDifferences({
  db,
  actor,
  extract,
  scope = NATIONAL_CODE,
}: {
  db: DbOrTx;
  actor: Actor;
  extract: WikidataExtract;
  scope?: string;
}) {
  const pairs = await readPairs(db, actor, scope, 'signed');
  const reverse = reverseIndex(extract);
  const out: Difference[] = [];
  const byDivision = new Map<string, WikidataPair[]>();
  for (const pair of pairs) {
    if (!pair.cnQid) continue;
    byDivision.set(pair.cnQid, [...(byDivision.get(pair.cnQid) ?? []), pair]);
  }
  const label = (qid: string) => extract.labels.get(qid) ?? null;
  for (const [cnQid, held] of byDivision) {
    const first = held[0] as WikidataPair;
    const base = { cnCode: first.cnCode, cnName: first.cnName, cnQid };
    const heldQids = new Set(held.map((p) => p.placeQid).filter((q): q is string => !!q));
    for (const twin of twinsOf(extract, cnQid, reverse)) {
      if (heldQids.has(twin)) continue;
      out.push({
        ...base,
        kind: 'only_in_wikidata',
        partnerQid: twin,
        partnerLabel: label(twin),
        partnershipId: null,
        amityPartner: null,
        amityStart: null,
        wikidataStart: shown(
          statementOf(extract, cnQid, twin)?.start ?? statementOf(extract, twin, cnQid)?.start ?? null,
        ),
        note: 'Wikidata pairs this item with a partner the registry does not hold (or holds without its Wikidata item)',
      });
    }
    for (const pair of held) {
      const amity = {
        partnershipId: pair.id,
        amityPartner: pair.placeName,
        amityStart: pair.establishedOn
          ? formatPartialDate(pair.establishedOn, pair.establishedPrecision as Precision)
          : null,
      };
      if (!pair.placeQid) continue;
      const there = statementOf(extract, cnQid, pair.placeQid);
      const back = statementOf(extract, pair.placeQid, cnQid);
      const common = { ...base, ...amity, partnerQid: pair.placeQid, partnerLabel: label(pair.placeQid) };
      if (!there && !back) {
        out.push({
          ...common,
          kind: 'only_in_amity',
          wikidataStart: null,
          note: 'the registry holds the pair; Wikidata states it on neither item',
        });
        continue;
      }
      if (!there || !back) {
        out.push({
          ...common,
          kind: 'one_sided_in_wikidata',
          wikidataStart: shown((there ?? back)?.start ?? null),
          note: `Wikidata states it on ${there ? 'the Chinese' : 'the partner'} item only`,
        });
      }
      const start = there?.start ?? back?.start;
      if (start && pair.establishedOn && pair.establishedPrecision) {
        const ours = { date: pair.establishedOn, precision: pair.establishedPrecision };
        if (datesDisagree(ours, start)) {
          out.push({ ...common, kind: 'start_differs', wikidataStart: shown(start), note: 'the start dates disagree' });
        }
      }
    }
  }
  const order = ['start_differs', 'only_in_wikidata', 'only_in_amity', 'one_sided_in_wikidata'];
  out.sort(
    (a, b) =>
      a.cnCode.localeCompare(b.cnCode) ||
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      (a.partnerQid ?? '').localeCompare(b.partnerQid ?? ''),
  );
  return {
    pairs: pairs.length,
    divisionsWithItem: byDivision.size,
    pairsWithoutPartnerItem: pairs.filter((p) => p.cnQid && !p.placeQid).length,
    differences: out,
  };
}

export type MatchProposal = {
  placeId: number;
  place: string;
  countryIso2: string;
  qid: string;
  label: string;
  confidence: 'high' | 'medium' | 'low';
  why: string;
};

/**
 * Items proposed for the foreign places of signed pairs that have none: the extract's items whose
 * label is one of the place's names. High: the item is also a P190 twin of the pair's Chinese
 * item; medium: the only item of that label; low: one of several.
 */
export async function wikidataMatches({
  db,
  actor,
  extract,
  scope = NATIONAL_CODE,
}: {
  db: DbOrTx;
  actor: Actor;
  extract: WikidataExtract;
  scope?: string;
}) {
  const pairs = await readPairs(db, actor, scope, 'signed');
  const byLabel = new Map<string, string[]>();
  for (const [qid, text] of extract.labels) {
    const key = nameKeyOf(text);
    if (key) byLabel.set(key, [...(byLabel.get(key) ?? []), qid]);
  }
  const reverse = reverseIndex(extract);
  const proposals = new Map<string, MatchProposal>();
  for (const pair of pairs) {
    if (pair.placeQid) continue;
    const twins = pair.cnQid ? twinsOf(extract, pair.cnQid, reverse) : new Set<string>();
    const candidates = [...new Set(pair.placeNames.flatMap((n) => byLabel.get(nameKeyOf(n)) ?? []))];
    for (const qid of candidates) {
      const confidence = twins.has(qid) ? 'high' : candidates.length === 1 ? 'medium' : 'low';
      const why =
        confidence === 'high'
          ? `labelled "${extract.labels.get(qid)}" and a P190 twin of ${pair.cnQid} (${pair.cnName})`
          : confidence === 'medium'
            ? `the only item labelled "${extract.labels.get(qid)}"; not a twin of ${pair.cnName} in the extract`
            : `one of ${candidates.length} items labelled like this place`;
      const key = `${pair.placeId}|${qid}`;
      const known = proposals.get(key);
      if (!known || (known.confidence !== 'high' && confidence === 'high')) {
        proposals.set(key, {
          placeId: pair.placeId,
          place: pair.placeName,
          countryIso2: pair.countryIso2,
          qid,
          label: extract.labels.get(qid) ?? '',
          confidence,
          why,
        });
      }
    }
  }
  const rank = { high: 0, medium: 1, low: 2 };
  return [...proposals.values()].sort((a, b) => rank[a.confidence] - rank[b.confidence] || a.placeId - b.placeId);
}

/** A person confirms an item for a place: it is set, with its audit entry, by the place correction. */
export async function confirmWikidataMatch({
  db,
  actor,
  placeId,
  qid,
}: {
  db: Db;
  actor: Actor;
  placeId: number;
  qid: string;
}) {
  if (!/^Q[1-9][0-9]*$/.test(qid)) {
    throw validationFailed([
      { path: 'qid', rule: 'qid', value: qid, message: `${qid} is not a Wikidata item id`, fix: 'give it as Q3844' },
    ]);
  }
  return updateForeignPlace({ db, actor, id: placeId, input: { wikidataId: qid } });
}
