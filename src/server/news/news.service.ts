/**
 * News intake: a published report → its cleaned text, the figures and signings it states, the
 * internal checks, and each figure and signing reconciled with the registry as of the publication
 * day. Nothing is written: a missing signing comes back as a draft and a published total as a
 * benchmark, which a person saves through the partnerships and benchmarks APIs.
 */
import { monthsBetween, today } from '../../shared/dates.js';
import { type Level, NATIONAL_CODE } from '../../shared/enums.js';
import { isAppError } from '../../shared/errors.js';
import type { Figures } from '../../shared/schemas/figures.js';
import type { NewsCheckInput, NewsCheckResult, NewsFigures } from '../../shared/schemas/news.js';
import type { PartnershipCreateInput } from '../../shared/schemas/partnership.js';
import { type Actor, assertCanRead, assertSignedIn } from '../auth/actor.js';
import type { DbOrTx } from '../db/client.js';
import { getFigures } from '../figures/figure.service.js';
import { listPartnerships } from '../partnerships/partnership.service.js';
import { getReferenceCache } from '../places/reference-cache.js';
import { type CleanText, cleanText, rawSpan } from './clean.js';
import { statedPublication } from './dates.js';
import { checkedText, readDocument } from './document.js';
import { type Extraction, extractFigures, type FigureName, type Mention, type SigningEvent } from './extract.js';

type Result = NewsCheckResult;
type Check = Result['checks'][number];
type Reconciled = Result['reconciliation'][number];
type EventOut = Result['events'][number];

/** The text of the request: pasted text or an uploaded file, checked. */
export function readInput(input: NewsCheckInput): string {
  if (input.document) return readDocument(input.document.name, Buffer.from(input.document.contentBase64, 'base64'));
  return checkedText(input.text ?? '');
}

/** Everything the text alone tells: cleaned text, figures, checks. No database. */
export function readReport(text: string, options: { published?: string; scope?: string; lang?: 'zh' | 'en' }) {
  const clean = cleanText(text);
  const stated = statedPublication(clean.text);
  const published = options.published ?? stated ?? null;
  const publishedFrom: Result['publishedFrom'] = options.published ? 'given' : stated ? 'text' : 'none';
  const extraction = extractFigures(clean.text, { published: published ?? undefined, scope: options.scope });
  const keep = <T extends { lang?: 'zh' | 'en' }>(list: T[]) =>
    options.lang ? list.filter((m) => !m.lang || m.lang === options.lang) : list;
  const mentions = keep(extraction.mentions);
  const events = dedupeEvents(keep(extraction.events));
  const scopeCode = options.scope ?? extraction.home ?? mostMentioned(mentions);
  const byScope = new Map<string, Mention[]>();
  for (const m of mentions) byScope.set(m.scope, [...(byScope.get(m.scope) ?? []), m]);
  const checks: Check[] = [];
  const main = scopeCode ? figuresOf(byScope.get(scopeCode) ?? [], checks) : {};
  const also = [...byScope.entries()]
    .filter(([code]) => code !== scopeCode)
    .map(([code, list]) => ({ scope: scopeRef(code), figures: figuresOf(list, checks) }));
  checks.push(...internalChecks(main, published));
  return { clean, extraction, published, publishedFrom, scopeCode, main, also, mentions, events, checks };
}

/** POST /api/news/check and `amity news check`. */
export async function checkNews({
  db,
  actor,
  input,
}: {
  db: DbOrTx;
  actor: Actor;
  input: NewsCheckInput;
}): Promise<NewsCheckResult> {
  assertSignedIn(actor);
  // A scope named outright must be the caller's; one read from the text is checked where allowed.
  if (input.scope) assertCanRead(actor, input.scope);
  const report = readReport(readInput(input), input);
  const { clean, extraction, published, scopeCode, main, also, mentions } = report;
  const asOf = published && published <= today() ? published : today();
  const reconciliation: Reconciled[] = [];
  if (scopeCode) reconciliation.push(...(await reconcile(db, actor, scopeCode, main, asOf)));
  for (const other of also) reconciliation.push(...(await reconcile(db, actor, other.scope.code, other.figures, asOf)));
  for (const c of extraction.context) {
    reconciliation.push({
      figure: `context.${c.kind}`,
      scope: c.scope,
      published: c.value,
      registry: null,
      verdict: 'context',
      difference: null,
      percent: null,
      records: null,
      note: {
        'zh-CN': '背景数字，不与友城名录核对',
        en: 'A context figure: not reconciled with the registry',
      },
    });
  }
  const events: EventOut[] = [];
  for (const e of report.events) events.push(await reconcileEvent(db, actor, e, clean, input.sourceUrl, published));
  const span = (s: { start: number; end: number }) => {
    const r = rawSpan(clean, s.start, s.end);
    return { start: s.start, end: s.end, rawStart: r.start, rawEnd: r.end };
  };
  return {
    published,
    publishedFrom: report.publishedFrom,
    asOf,
    scope: scopeCode ? scopeRef(scopeCode) : null,
    figures: main,
    also,
    context: extraction.context.map((c) => ({
      kind: c.kind,
      value: c.value,
      qualifier: c.qualifier,
      scope: c.scope,
      sentence: c.sentence,
      ...span(c),
    })),
    events,
    checks: report.checks,
    reconciliation,
    mentions: mentions.map((m) => ({
      figure: m.figure,
      scope: m.scope,
      value: m.value,
      sentence: m.sentence,
      ...span(m),
    })),
    sentences: extraction.sentences.map(span),
    text: clean.text,
    cleaning: clean.changes,
    benchmark: benchmarkDraft(scopeCode, main, published, input.sourceUrl),
    found: mentions.length > 0 || events.length > 0 || extraction.context.length > 0,
  };
}

function scopeRef(code: string) {
  if (code === NATIONAL_CODE) return { code, nameZh: '全国', nameEn: 'China' };
  const d = getReferenceCache().divisions.get(code);
  return { code, nameZh: d?.nameZh ?? code, nameEn: d?.nameEn ?? code };
}

function mostMentioned(mentions: Mention[]): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.scope, (counts.get(m.scope) ?? 0) + 1);
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = code;
  return best;
}

/** The figures of one scope: the first statement of each; a later different one is a check. */
function figuresOf(mentions: Mention[], checks: Check[]): NewsFigures {
  const first = new Map<FigureName, Mention>();
  for (const m of mentions) {
    const seen = first.get(m.figure);
    if (!seen) first.set(m.figure, m);
    else if (seen.value !== m.value) {
      checks.push({
        check: 'repeated',
        ok: false,
        figure: m.figure,
        stated: seen.value,
        computed: m.value,
        message: {
          'zh-CN': `同一报道中“${m.figure}”先写 ${seen.value}，后写 ${m.value}`,
          en: `The report gives ${m.figure} as ${seen.value} and later as ${m.value}`,
        },
      });
    }
  }
  const v = (name: FigureName) => first.get(name)?.value;
  const out: NewsFigures = {};
  const set = <K extends keyof NewsFigures>(key: K, value: NewsFigures[K] | undefined) => {
    if (value !== undefined && (typeof value !== 'object' || Object.keys(value).length > 0)) out[key] = value;
  };
  const pick = <T extends Record<string, number | undefined>>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as { [K in keyof T]?: number };
  set('total', v('total'));
  set('byLevel', pick({ provincial: v('byLevel.provincial'), city: v('byLevel.city'), county: v('byLevel.county') }));
  set('countries', v('countries'));
  set('rank', v('rank'));
  set('since', pick({ year: v('since.year'), count: v('since.count') }));
  set('monthsPerNew', v('monthsPerNew'));
  set('bri', pick({ countries: v('bri.countries'), cities: v('bri.cities') }));
  set('exchange', v('exchange'));
  return out;
}

/** The levels add up to the total; the pace agrees with the count and the dates. */
export function internalChecks(figures: NewsFigures, published: string | null): Check[] {
  const checks: Check[] = [];
  const { provincial, city, county } = figures.byLevel ?? {};
  if (figures.total !== undefined && provincial !== undefined && city !== undefined && county !== undefined) {
    const sum = provincial + city + county;
    checks.push({
      check: 'levels_sum',
      ok: sum === figures.total,
      figure: 'byLevel',
      stated: figures.total,
      computed: sum,
      message: {
        'zh-CN': `省级 ${provincial} + 市级 ${city} + 县级 ${county} = ${sum}，总数为 ${figures.total}`,
        en: `provincial ${provincial} + city ${city} + county ${county} = ${sum}; the total is ${figures.total}`,
      },
    });
  }
  const since = figures.since;
  if (figures.monthsPerNew !== undefined && since?.year !== undefined && since.count && published) {
    const exact = monthsBetween(`${since.year}-01-01`, published) / since.count;
    const computed = Math.round(exact * 10) / 10;
    checks.push({
      check: 'months_per_new',
      ok: Math.abs(computed - figures.monthsPerNew) <= 0.1 + 1e-9,
      figure: 'monthsPerNew',
      stated: figures.monthsPerNew,
      computed,
      message: {
        'zh-CN': `${since.year}-01-01 至 ${published} 新增 ${since.count} 对，平均每 ${exact.toFixed(2)} ≈ ${computed} 个月一对`,
        en: `${since.count} new pairs from ${since.year}-01-01 to ${published}: one every ${exact.toFixed(2)} ≈ ${computed} months`,
      },
    });
  }
  return checks;
}

const OUTSIDE = {
  'zh-CN': '该范围不在您的权限内，无法核对',
  en: 'This scope is outside yours: it cannot be checked',
};

async function reconcile(
  db: DbOrTx,
  actor: Actor,
  scope: string,
  figures: NewsFigures,
  asOf: string,
): Promise<Reconciled[]> {
  const stated = flatten(figures);
  if (stated.length === 0) return [];
  let registry: Figures | undefined;
  let exchange: Figures | undefined;
  try {
    const since = figures.since?.year !== undefined ? String(figures.since.year) : undefined;
    registry = await getFigures({ db, actor, query: { scope, asOf, since, kind: 'friendship' } });
    if (figures.exchange !== undefined) {
      exchange = await getFigures({ db, actor, query: { scope, asOf, kind: 'exchange' } });
    }
  } catch (error) {
    if (!isAppError(error) || !['forbidden', 'not_found', 'validation_failed'].includes(error.code)) throw error;
  }
  const records = (figure: string) =>
    `/api/figures/records?scope=${scope}&asOf=${asOf}&figure=${figure}${figure === 'since' && figures.since?.year ? `&since=${figures.since.year}` : ''}`;
  return stated.map(([figure, value]): Reconciled => {
    const row = (registryValue: number | null, recordsFigure: string | null, note: Reconciled['note'] = null) => {
      if (registryValue === null) {
        return {
          figure,
          scope,
          published: value,
          registry: null,
          verdict: 'unverifiable' as const,
          difference: null,
          percent: null,
          records: null,
          note,
        };
      }
      const difference = Math.round((value - registryValue) * 10) / 10;
      return {
        figure,
        scope,
        published: value,
        registry: registryValue,
        verdict: difference === 0 ? ('agrees' as const) : ('differs' as const),
        difference,
        percent: registryValue === 0 ? null : Math.round((difference / registryValue) * 1000) / 10,
        records: recordsFigure ? records(recordsFigure) : null,
        note,
      };
    };
    if (!registry) return row(null, null, OUTSIDE);
    switch (figure) {
      case 'total':
        return row(registry.total, 'total');
      case 'byLevel.provincial':
      case 'byLevel.city':
      case 'byLevel.county':
        return row(registry.byLevel[figure.slice(8) as Level], figure);
      case 'countries':
        return row(registry.countries, 'countries');
      case 'rank':
        return registry.rank
          ? row(registry.rank.position, 'rank', {
              'zh-CN': `名录排名：${registry.rank.of} 个省中第 ${registry.rank.position}（${registry.rank.basis === 'registry' ? '据名录' : '据基准数字'}）`,
              en: `Registry rank: ${registry.rank.position} of ${registry.rank.of} (${registry.rank.basis === 'registry' ? 'from the registry' : 'from benchmarks'})`,
            })
          : row(null, null, {
              'zh-CN': '缺少各省的名录数据或基准数字，无法核对排名',
              en: 'Rank cannot be checked without every province’s records or benchmarks',
            });
      case 'since.count':
        return row(registry.since?.count ?? null, 'since');
      case 'monthsPerNew':
        return row(registry.since?.monthsPerNew ?? null, 'since');
      case 'bri.countries':
        return row(registry.groups.bri?.countries ?? null, 'groups.bri.countries');
      case 'bri.cities':
        return row(registry.groups.bri?.places ?? null, 'groups.bri.places');
      case 'exchange':
        return row(exchange?.total ?? null, null);
      default:
        return row(null, null);
    }
  });
}

/** The reconcilable figures in a fixed order (since.year is the period, not a figure). */
function flatten(f: NewsFigures): [string, number][] {
  const out: [string, number][] = [];
  const add = (name: string, value: number | undefined) => {
    if (value !== undefined) out.push([name, value]);
  };
  add('total', f.total);
  add('byLevel.provincial', f.byLevel?.provincial);
  add('byLevel.city', f.byLevel?.city);
  add('byLevel.county', f.byLevel?.county);
  add('countries', f.countries);
  add('rank', f.rank);
  if (f.since?.year !== undefined) add('since.count', f.since.count);
  if (f.since?.year !== undefined) add('monthsPerNew', f.monthsPerNew);
  add('bri.countries', f.bri?.countries);
  add('bri.cities', f.bri?.cities);
  add('exchange', f.exchange);
  return out;
}

/** A bilingual page names each signing twice: keep the first of each side, partner country and date. */
function dedupeEvents(events: SigningEvent[]): SigningEvent[] {
  const seen = new Set<string>();
  const zhFirst = [...events].sort((a, b) => (a.lang === b.lang ? a.start - b.start : a.lang === 'zh' ? -1 : 1));
  const kept = zhFirst.filter((e) => {
    const key = `${e.cn}|${e.country ?? e.partner}|${e.date ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return kept.sort((a, b) => a.start - b.start);
}

async function reconcileEvent(
  db: DbOrTx,
  actor: Actor,
  e: SigningEvent,
  clean: CleanText,
  sourceUrl: string | undefined,
  published: string | null,
): Promise<EventOut> {
  const cache = getReferenceCache();
  const r = rawSpan(clean, e.start, e.end);
  const base = {
    cn: { code: e.cn, nameZh: cache.divisions.get(e.cn)?.nameZh ?? e.cn },
    partner: e.partner,
    country: e.country,
    level: e.level,
    date: e.date,
    precision: e.precision,
    dateText: e.dateText,
    relative: e.relative,
    sentence: e.sentence,
    start: e.start,
    end: e.end,
    rawStart: r.start,
    rawEnd: r.end,
  };
  const find = async (q: string | undefined) => {
    try {
      const page = await listPartnerships({
        db,
        actor,
        query: {
          cn: e.cn,
          q,
          country: e.country ? [e.country] : undefined,
          page: 1,
          perPage: 50,
          sort: 'name',
        } as Parameters<typeof listPartnerships>[0]['query'],
      });
      return page.data.filter((p) => p.cn.code === e.cn);
    } catch (error) {
      if (!isAppError(error) || !['forbidden', 'not_found'].includes(error.code)) throw error;
      return [];
    }
  };
  let candidates = await find(e.partner);
  // The registry may hold the partner under its other name (Bridgetown for 布里奇顿): the one pair of
  // that side with that country signed when the text says is the same pair.
  if (candidates.length === 0 && e.country && e.date) {
    const sameDate = (await find(undefined)).filter(
      (p) => p.establishedOn && sameAtPrecision(e.date as string, p.establishedOn),
    );
    if (sameDate.length === 1) candidates = sameDate;
  }
  const record = candidates[0];
  if (record) {
    const differences: EventOut['differences'] = [];
    if (e.date && record.establishedOn && !sameAtPrecision(e.date, record.establishedOn)) differences.push('date');
    if (e.level && record.level !== e.level) differences.push('level');
    if (e.country && record.partner.country.iso2 !== e.country) differences.push('country');
    return {
      ...base,
      verdict: differences.length ? 'differs' : 'found',
      record: {
        id: record.id,
        establishedOn: record.establishedOn,
        level: record.level,
        partner: record.partner.nameZh ?? record.partner.nameEn ?? '',
      },
      differences,
      draft: null,
    };
  }
  const sentence = clean.text.slice(Math.max(0, e.start - 40), Math.min(clean.text.length, e.end + 40));
  const draft: PartnershipCreateInput | null = e.country
    ? {
        cnCode: e.cn,
        kind: 'friendship',
        status: 'active',
        stage: 'established',
        establishedOn: e.date ?? null,
        sourceUrl: sourceUrl ?? null,
        notes: `${published ? `Report published ${published}: ` : 'Report: '}“${sentence.trim()}”`,
        partner: /\p{Script=Han}/u.test(e.partner)
          ? { countryIso2: e.country, nameZh: e.partner }
          : { countryIso2: e.country, nameEn: e.partner },
      }
    : null;
  return { ...base, verdict: 'missing', record: null, differences: [], draft };
}

/** 2023-06 and 2023-06-15 agree at the coarser of the two precisions. */
function sameAtPrecision(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function benchmarkDraft(
  scopeCode: string | null,
  figures: NewsFigures,
  published: string | null,
  sourceUrl: string | undefined,
): Result['benchmark'] {
  if (!scopeCode || figures.total === undefined || !published) return null;
  const division = getReferenceCache().divisions.get(scopeCode);
  if (scopeCode !== NATIONAL_CODE && division?.level !== 'province') return null;
  return {
    scopeCode,
    kind: 'friendship',
    total: figures.total,
    provincial: figures.byLevel?.provincial ?? null,
    city: figures.byLevel?.city ?? null,
    county: figures.byLevel?.county ?? null,
    countries: figures.countries ?? null,
    asOf: published,
    source: `Report published ${published}${sourceUrl ? `, ${sourceUrl}` : ''}`,
    sourceUrl: sourceUrl ?? null,
  };
}

export type { Extraction };
