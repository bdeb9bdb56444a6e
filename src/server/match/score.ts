/**
 * The suggestion score, as pure functions over what the services read (docs/matchmaking.md):
 * hard rules first (a place they exclude is never suggested, and the reason is kept), then a 0–100
 * score — the weighted mean of similarity (size, role, geography) and strategic signals (Belt and
 * Road, the province's ties in the country, the place's Chinese partners, fields, wishes) — and for
 * the places shown, one sentence per factor in both languages.
 */
import { type Bilingual, bi, listIn } from '../../shared/bilingual.js';
import type { Continent } from '../../shared/enums.js';
import { FIELD_NAMES } from '../../shared/health.js';
import {
  type ExclusionRule,
  type Factor,
  type MatchPolicy,
  SIMILARITY_KEYS,
  SIZE_BOUNDS,
  type Size,
  type WeightKey,
  type Weights,
} from '../../shared/schemas/match.js';

/** What a place is in its country: capital, seat of a first-level region, of a lower one, a town, or a region itself. */
export type Role = 'capital' | 'regional' | 'local' | 'town' | 'state';

export function roleOfFeatureCode(code: string | null | undefined): Role {
  if (code === 'PPLC') return 'capital';
  if (code === 'PPLA') return 'regional';
  if (code && /^PPLA[2-5]$/.test(code)) return 'local';
  return 'town';
}

export type CandidatePlace = {
  key: string;
  name: string;
  nameZh: string | null;
  countryIso2: string;
  lat: number | null;
  lng: number | null;
  population: number | null;
  role: Role;
  foreignPlaceId: number | null;
};

/** The Chinese division the suggestions are for, with what its office's request adds. */
export type Target = {
  code: string;
  nameZh: string;
  provinceCode: string;
  provinceNameZh: string;
  provinceNameEn: string;
  population: number | null;
  lat: number | null;
  lng: number | null;
  role: Role | null;
  features: readonly string[];
  fields: readonly string[];
  wishedCountries: readonly string[];
  wishedRegions: readonly string[];
  sizeWished: Size | null;
};

export type CountryFacts = {
  nameZh: string;
  nameEn: string;
  continent: Continent | 'antarctica' | null;
  bri: boolean;
  noRelations: boolean;
};

/** An open request of a foreign place seeking a Chinese partner. */
export type SeekingRequest = {
  id: number;
  fields: readonly string[];
  features: readonly string[];
  wishedProvinces: readonly string[];
};

/** What the registry and the office say around the target, read once per call. */
export type MatchContext = {
  countries: ReadonlyMap<string, CountryFacts>;
  /** The target's province: its pairs in each country. */
  provinceTies: ReadonlyMap<string, number>;
  /** The target itself: its pairs in each country (for "at most N per country"). */
  ownByCountry: ReadonlyMap<string, number>;
  /** Candidates already paired with the target, with the year signed when known. */
  pairedWithTarget: ReadonlyMap<string, string | null>;
  /**
   * Candidates paired with another division of the target's province: that division's names, or null
   * when the reader may not see which division it is (only that one of the province is).
   */
  pairedInProvince: ReadonlyMap<string, Bilingual | null>;
  /** Each candidate's pairs with Chinese divisions (any). */
  chinaPartners: ReadonlyMap<string, number>;
  /** China's live pairs in each country (every division), and the candidates each country has. */
  nationalPairs: ReadonlyMap<string, number>;
  candidatesPerCountry: ReadonlyMap<string, number>;
  requests: ReadonlyMap<string, SeekingRequest>;
  dismissed: ReadonlyMap<string, { reason: string; on: string }>;
  policy: MatchPolicy;
  /** Whether any open foreign request exists (else the wish signal is about the target's wishes only). */
  anyRequests: boolean;
};

export type Values = Record<WeightKey, number>;

export type Scored = { place: CandidatePlace; score: number; similarity: number; strategic: number; values: Values };

export type Excluded = { place: CandidatePlace; rule: ExclusionRule; score: number };

const NEUTRAL_UNKNOWN_SIZE = 0.25;
/** The share of the size value that is the place's own size (larger places twin more), the rest likeness. */
export const PROMINENCE_SHARE = 0.3;

/** log10 of the population from 10,000 (0) to 10 million (1). */
function prominence(population: number): number {
  return Math.min(1, Math.max(0, (Math.log10(population) - 4) / 3));
}

/** The hard rule that excludes a candidate, if one does; checked in this order. */
export function exclusionOf(place: CandidatePlace, ctx: MatchContext): ExclusionRule | null {
  const country = ctx.countries.get(place.countryIso2);
  if (country?.noRelations) return 'no_relations';
  if (ctx.pairedWithTarget.has(place.key)) return 'already_paired';
  if (ctx.policy.excludedCountries.includes(place.countryIso2)) return 'office_excluded_country';
  const max = ctx.policy.maxPerCountry;
  if (max !== null && (ctx.ownByCountry.get(place.countryIso2) ?? 0) >= max) return 'max_per_country';
  if (ctx.policy.notPairedInProvince && ctx.pairedInProvince.has(place.key)) return 'paired_in_province';
  if (ctx.dismissed.has(place.key)) return 'dismissed';
  return null;
}

const ROLE_RANK: Record<Exclude<Role, 'state'>, number> = { capital: 3, regional: 2, local: 1, town: 0 };
/** How well a place of each role suits a province (which pairs with regions and their capitals). */
const FOR_PROVINCE: Record<Role, number> = { state: 1, capital: 0.8, regional: 0.7, local: 0.3, town: 0.1 };

/**
 * How well a place's standing suits the target's: half its fit (a place at least as prominent as the
 * target fits fully, each step below it costs a third), half its prominence (capital 1, regional
 * capital ⅔, local seat ⅓, town 0) — capitals and regional capitals are the places most often twinned.
 */
function roleSimilarity(target: Role, place: Role): number {
  if (target === 'state' || place === 'state') return FOR_PROVINCE[target === 'state' ? place : target];
  const gap = ROLE_RANK[target] - ROLE_RANK[place];
  const fit = gap <= 0 ? 1 : 1 - gap / 3;
  return 0.5 * fit + 0.5 * (ROLE_RANK[place] / 3);
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let both = 0;
  for (const x of a) if (b.includes(x)) both++;
  return both / (a.length + b.length - both);
}

/** log2(1 + n) / log2(1 + full): 0 for none, 1 from `full` on. */
function logShare(n: number, full: number): number {
  return Math.min(1, Math.log2(1 + n) / Math.log2(1 + full));
}

/** Pairs of the province in a country from which the ties signal is full. */
export const TIES_FULL = 10;
/** Chinese partners of a place from which the China signal is full. */
export const CHINA_FULL = 3;

/** The distance at which the geography value is one half: 1,500 km (a neighbour is near). */
export const NEAR_KM = 1500;

/** Great-circle distance in km; null when either place has no coordinates. */
export function distanceKm(
  a: { lat: number | null; lng: number | null },
  b: { lat: number | null; lng: number | null },
): number | null {
  if (a.lat === null || a.lng === null || b.lat === null || b.lng === null) return null;
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(h));
}

/** China's pairs per candidate place of a country at which the country signal is empty, and full. */
export const COUNTRY_RATE_EMPTY = 0.001;
export const COUNTRY_RATE_FULL = 0.3;

/** How much a country twins with China: its pairs per candidate place, log-scaled between the two rates. */
function countryOpenness(ctx: MatchContext, iso2: string): number {
  const rate = (ctx.nationalPairs.get(iso2) ?? 0) / Math.max(1, ctx.candidatesPerCountry.get(iso2) ?? 0);
  if (rate <= COUNTRY_RATE_EMPTY) return 0;
  return Math.min(1, Math.log(rate / COUNTRY_RATE_EMPTY) / Math.log(COUNTRY_RATE_FULL / COUNTRY_RATE_EMPTY));
}

/** The 0–1 value of each factor for one candidate. */
export function valuesOf(target: Target, place: CandidatePlace, ctx: MatchContext): Values {
  const country = ctx.countries.get(place.countryIso2);
  let size = NEUTRAL_UNKNOWN_SIZE;
  if (target.population && place.population) {
    const alike = Math.max(0, 1 - Math.abs(Math.log10(place.population) - Math.log10(target.population)) / 2);
    size = (1 - PROMINENCE_SHARE) * alike + PROMINENCE_SHARE * prominence(place.population);
  }
  if (target.sizeWished && place.population) {
    const [low, high] = SIZE_BOUNDS[target.sizeWished];
    size = place.population >= low && place.population < high ? Math.max(size, 0.9) : size * 0.5;
  }
  const request = ctx.requests.get(place.key);
  let role = target.role ? roleSimilarity(target.role, place.role) : 0.5;
  if (request && target.features.length > 0 && request.features.length > 0) {
    role = 0.5 * role + 0.5 * jaccard(target.features, request.features);
  }
  const km = distanceKm(target, place);
  const geo = km === null ? 0 : 1 / (1 + (km / NEAR_KM) ** 2);
  const targetWishes =
    target.wishedCountries.includes(place.countryIso2) ||
    (country?.continent ? target.wishedRegions.includes(country.continent) : false);
  const seeks = request
    ? request.wishedProvinces.length === 0 || request.wishedProvinces.includes(target.provinceCode)
    : false;
  return {
    size,
    role,
    geo,
    bri: country?.bri ? 1 : 0,
    ties: logShare(ctx.provinceTies.get(place.countryIso2) ?? 0, TIES_FULL),
    country: countryOpenness(ctx, place.countryIso2),
    china: logShare(ctx.chinaPartners.get(place.key) ?? 0, CHINA_FULL),
    fields: request ? jaccard(target.fields, request.fields) : 0,
    wish: (targetWishes ? 0.5 : 0) + (seeks ? 0.5 : 0),
  };
}

/** The factors that count for this target: a factor nothing can move is left out of the mean. */
export function activeKeys(target: Target, ctx: MatchContext, weights: Weights): WeightKey[] {
  const keys: WeightKey[] = ['size', 'role', 'geo', 'bri', 'ties', 'country', 'china'];
  if (target.fields.length > 0 && ctx.anyRequests) keys.push('fields');
  if (target.wishedCountries.length > 0 || target.wishedRegions.length > 0 || ctx.anyRequests) keys.push('wish');
  return keys.filter((k) => weights[k] > 0);
}

export type RankOptions = {
  limit: number;
  /** Only candidates that pass (country, region, population bounds). */
  filter?: (place: CandidatePlace) => boolean;
  /** How many of the best excluded places to keep per rule, as examples. */
  examples?: number;
};

export type Ranking = {
  considered: number;
  items: Scored[];
  excluded: Map<ExclusionRule, { count: number; best: Excluded[] }>;
  /** Every passing candidate's score, for the rank of one of them. */
  rankOf: (key: string) => number | null;
};

/** Scores every candidate, keeps the best `limit` that no hard rule excludes, and the excluded per rule. */
export function rank(
  target: Target,
  candidates: readonly CandidatePlace[],
  ctx: MatchContext,
  weights: Weights,
  options: RankOptions,
): Ranking {
  const keys = activeKeys(target, ctx, weights);
  const total = keys.reduce((sum, k) => sum + weights[k], 0) || 1;
  const simKeys = keys.filter((k) => SIMILARITY_KEYS.includes(k));
  const stratKeys = keys.filter((k) => !SIMILARITY_KEYS.includes(k));
  const simTotal = simKeys.reduce((sum, k) => sum + weights[k], 0) || 1;
  const stratTotal = stratKeys.reduce((sum, k) => sum + weights[k], 0) || 1;
  const examples = options.examples ?? 3;
  const passing: Scored[] = [];
  const excluded = new Map<ExclusionRule, { count: number; best: Excluded[] }>();
  let considered = 0;
  for (const place of candidates) {
    if (options.filter && !options.filter(place)) continue;
    considered++;
    const values = valuesOf(target, place, ctx);
    let sum = 0;
    let sim = 0;
    for (const k of keys) {
      const part = weights[k] * values[k];
      sum += part;
      if (SIMILARITY_KEYS.includes(k)) sim += part;
    }
    const score = (100 * sum) / total;
    const rule = exclusionOf(place, ctx);
    if (rule) {
      const entry = excluded.get(rule) ?? { count: 0, best: [] };
      entry.count++;
      insertTop(entry.best, { place, rule, score }, examples, (e) => e.score);
      excluded.set(rule, entry);
      continue;
    }
    passing.push({ place, score, similarity: sim / simTotal, strategic: (sum - sim) / stratTotal, values });
  }
  passing.sort((a, b) => b.score - a.score || a.place.key.localeCompare(b.place.key));
  return {
    considered,
    items: passing.slice(0, options.limit),
    excluded,
    rankOf: (key) => {
      const i = passing.findIndex((s) => s.place.key === key);
      return i < 0 ? null : i + 1;
    },
  };
}

function insertTop<T>(list: T[], item: T, size: number, by: (t: T) => number): void {
  if (size <= 0) return;
  if (list.length === size && by(list[size - 1] as T) >= by(item)) return;
  list.push(item);
  list.sort((a, b) => by(b) - by(a));
  if (list.length > size) list.pop();
}

/* ---------- sentences ---------- */

/** 1,234,567 → 123万 / 1.2 M; under ten thousand as digits. */
export function populationText(n: number): Bilingual {
  const zh = n >= 10_000 ? `${trim(n / 10_000, n >= 1_000_000 ? 0 : 1)}万` : n.toLocaleString('en');
  const en = n >= 1_000_000 ? `${trim(n / 1_000_000, 1)} M` : n.toLocaleString('en');
  return bi(zh, en);
}

function trim(x: number, digits: number): string {
  return Number(x.toFixed(digits)).toString();
}

const ROLE_TEXT: Record<Role, Bilingual> = {
  capital: bi('首都', 'a capital'),
  regional: bi('一级行政区首府', 'a regional capital'),
  local: bi('地方行政中心', 'a local seat of government'),
  town: bi('城镇', 'a town'),
  state: bi('一级行政区', 'a first-level region'),
};

/** The names of fields of cooperation, listed the way each language does. */
export function fieldList(fields: readonly string[]): Bilingual {
  return {
    zh: listIn(fields.map((f) => FIELD_NAMES[f]?.['zh-CN'] ?? f)).zh,
    en: listIn(fields.map((f) => FIELD_NAMES[f]?.en ?? f)).en,
  };
}

/** One sentence per active factor, best contribution first. */
export function explain(target: Target, scored: Scored, ctx: MatchContext, weights: Weights): Factor[] {
  const keys = activeKeys(target, ctx, weights);
  const total = keys.reduce((sum, k) => sum + weights[k], 0) || 1;
  const { place, values } = scored;
  const country = ctx.countries.get(place.countryIso2);
  const countryName = bi(country?.nameZh ?? place.countryIso2, country?.nameEn ?? place.countryIso2);
  const request = ctx.requests.get(place.key);
  const factors = keys.map((code): Factor => {
    const value = values[code];
    return {
      code,
      kind: SIMILARITY_KEYS.includes(code) ? 'similarity' : 'strategic',
      value: round(value),
      weight: weights[code],
      points: round((100 * weights[code] * value) / total),
      text: sentence(code),
    };
  });
  return factors.sort((a, b) => b.points - a.points);

  function sentence(code: WeightKey): Bilingual {
    switch (code) {
      case 'size': {
        if (!place.population) return bi('人口不详', 'population unknown');
        const p = populationText(place.population);
        if (target.sizeWished) {
          const [low, high] = SIZE_BOUNDS[target.sizeWished];
          const fits = place.population >= low && place.population < high;
          const size = SIZE_TEXT[target.sizeWished];
          return fits
            ? bi(`人口${p.zh}，符合你方希望的${size.zh}`, `population ${p.en}, the ${size.en} size you wish for`)
            : bi(
                `人口${p.zh}，不在你方希望的${size.zh}之列`,
                `population ${p.en}, not the ${size.en} size you wish for`,
              );
        }
        if (!target.population) return bi(`人口${p.zh}（你方人口不详）`, `population ${p.en} (yours is not known)`);
        const t = populationText(target.population);
        if (values.size >= 0.75)
          return bi(`人口${p.zh}，与你方（${t.zh}）相近`, `population ${p.en}, similar to yours (${t.en})`);
        const ratio = place.population / target.population;
        return ratio > 1
          ? bi(
              `人口${p.zh}，约为你方（${t.zh}）的${trim(ratio, 1)}倍`,
              `population ${p.en}, about ${trim(ratio, 1)}× yours (${t.en})`,
            )
          : bi(
              `人口${p.zh}，约为你方（${t.zh}）的${trim(1 / ratio, 1)}分之一`,
              `population ${p.en}, about 1/${trim(1 / ratio, 1)} of yours (${t.en})`,
            );
      }
      case 'role': {
        const role = ROLE_TEXT[place.role];
        const common = request ? target.features.filter((f) => request.features.includes(f)) : [];
        const also = common.length
          ? bi(
              `；同为${common.map((f) => FEATURE_TEXT[f]?.zh ?? f).join('、')}`,
              `; both ${common.map((f) => FEATURE_TEXT[f]?.en ?? f).join(', ')}`,
            )
          : bi('', '');
        if (!target.role) return bi(`${role.zh}${also.zh}`, `${role.en}${also.en}`);
        const mine = ROLE_TEXT[target.role];
        return place.role === target.role
          ? bi(`${role.zh}，与你方同为${mine.zh}${also.zh}`, `${role.en}, as you are${also.en}`)
          : bi(`${role.zh}（你方为${mine.zh}）${also.zh}`, `${role.en} (you are ${mine.en})${also.en}`);
      }
      case 'geo': {
        const km = distanceKm(target, place);
        if (km === null) return bi('位置不详', 'location unknown');
        const d = Math.round(km / 100) * 100;
        return km < 2 * NEAR_KM
          ? bi(
              `相距约${d.toLocaleString('en')}公里，是近邻`,
              `about ${d.toLocaleString('en')} km away: a near neighbour`,
            )
          : bi(`相距约${d.toLocaleString('en')}公里`, `about ${d.toLocaleString('en')} km away`);
      }
      case 'bri':
        return values.bri
          ? bi(`${countryName.zh}是“一带一路”沿线国家`, `${countryName.en} is a Belt and Road country`)
          : bi(`${countryName.zh}不在“一带一路”沿线`, `${countryName.en} is not along the Belt and Road`);
      case 'ties': {
        const n = ctx.provinceTies.get(place.countryIso2) ?? 0;
        const province = bi(target.provinceNameZh, target.provinceNameEn);
        if (n === 0) {
          return bi(
            `${province.zh}在${countryName.zh}尚无友城，可开拓新国家`,
            `${province.en} has no pair in ${countryName.en} yet: a new country`,
          );
        }
        if (!ctx.pairedInProvince.has(place.key)) {
          return bi(
            `${province.zh}在${countryName.zh}已有${n}对友城，该地尚无`,
            `${province.en} already has ${n} pair${n === 1 ? '' : 's'} in ${countryName.en}, this place none`,
          );
        }
        const here = ctx.pairedInProvince.get(place.key) ?? bi('本省另一地方', 'another place in the province');
        return bi(
          `${province.zh}在${countryName.zh}已有${n}对友城，该地已与${here.zh}结好`,
          `${province.en} already has ${n} pair${n === 1 ? '' : 's'} in ${countryName.en}; this place is paired with ${here.en}`,
        );
      }
      case 'country': {
        const n = ctx.nationalPairs.get(place.countryIso2) ?? 0;
        if (n === 0)
          return bi(`登记中中国在${countryName.zh}尚无友城`, `no Chinese pair in ${countryName.en} in the registry`);
        const every = Math.max(1, Math.round((ctx.candidatesPerCountry.get(place.countryIso2) ?? 0) / n));
        return bi(
          `中国在${countryName.zh}已有${n}对友城（约每${every}个万人以上城镇一对）`,
          `China has ${n} pair${n === 1 ? '' : 's'} in ${countryName.en} (about one for every ${every} places of 10,000 people or more)`,
        );
      }
      case 'china': {
        const n = ctx.chinaPartners.get(place.key) ?? 0;
        return n === 0
          ? bi('该地尚无中国友城', 'the place has no Chinese partner yet')
          : bi(
              `该地已有${n}个中国友城，熟悉与中国交往`,
              `the place already has ${n} Chinese partner${n === 1 ? '' : 's'}`,
            );
      }
      case 'fields': {
        const common = request ? target.fields.filter((f) => request.fields.includes(f)) : [];
        if (!request) return bi('该地未提出合作领域', 'the place has named no fields');
        if (common.length === 0) return bi('双方希望的合作领域不同', 'the fields wished for differ');
        const list = fieldList(common);
        return bi(`希望在${list.zh}领域合作，与你方一致`, `wants ${list.en}, as you do`);
      }
      case 'wish': {
        const parts: Bilingual[] = [];
        if (values.wish === 1 || (values.wish === 0.5 && !request)) {
          if (
            target.wishedCountries.includes(place.countryIso2) ||
            (country?.continent && target.wishedRegions.includes(country.continent))
          ) {
            parts.push(bi(`${countryName.zh}在你方希望之列`, `${countryName.en} is among the places you wish for`));
          }
        }
        if (
          request &&
          (request.wishedProvinces.length === 0 || request.wishedProvinces.includes(target.provinceCode))
        ) {
          parts.push(
            bi(
              `该地正在寻找中国友城（请求 #${request.id}）`,
              `the place is seeking a Chinese partner (request #${request.id})`,
            ),
          );
        }
        if (parts.length === 0) return bi('不在双方的意向之列', 'neither side has asked for the other');
        return bi(parts.map((p) => p.zh).join('；'), parts.map((p) => p.en).join('; '));
      }
    }
  }
}

const SIZE_TEXT: Record<Size, Bilingual> = {
  small: bi('小型（10万人以下）', 'small (under 100,000)'),
  medium: bi('中型（10万至100万人）', 'medium (100,000 to 1 M)'),
  large: bi('大型（100万人以上）', 'large (1 M and over)'),
};

const FEATURE_TEXT: Record<string, Bilingual> = {
  capital: bi('首府', 'capitals'),
  port: bi('港口城市', 'ports'),
  coastal: bi('沿海', 'coastal'),
  industrial: bi('工业城市', 'industrial'),
  agricultural: bi('农业地区', 'agricultural'),
  tourism: bi('旅游地', 'tourist places'),
  university: bi('大学城', 'university towns'),
  heritage: bi('历史文化名城', 'heritage places'),
  technology: bi('科技城市', 'technology hubs'),
  logistics: bi('物流枢纽', 'logistics hubs'),
};

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Why a hard rule excludes a place, in both languages. */
export function exclusionReason(
  rule: ExclusionRule,
  place: CandidatePlace,
  ctx: MatchContext,
  scopeName: Bilingual,
): Bilingual {
  const country = ctx.countries.get(place.countryIso2);
  const c = bi(country?.nameZh ?? place.countryIso2, country?.nameEn ?? place.countryIso2);
  switch (rule) {
    case 'no_relations':
      return bi(
        `${c.zh}未与中华人民共和国建交`,
        `${c.en} has no diplomatic relations with the People’s Republic of China`,
      );
    case 'already_paired': {
      const year = ctx.pairedWithTarget.get(place.key);
      return year
        ? bi(`已与${scopeName.zh}结好（${year}年）`, `already paired with ${scopeName.en} (${year})`)
        : bi(`已与${scopeName.zh}结好或正在结好`, `already paired (or being paired) with ${scopeName.en}`);
    }
    case 'office_excluded_country':
      return bi(`你方规则不在${c.zh}寻找友城`, `your office’s rules exclude ${c.en}`);
    case 'max_per_country': {
      const n = ctx.ownByCountry.get(place.countryIso2) ?? 0;
      const max = ctx.policy.maxPerCountry ?? 0;
      return bi(
        `${scopeName.zh}在${c.zh}已有${n}个友城（规则：每国至多${max}个）`,
        `${scopeName.en} already has ${n} partner${n === 1 ? '' : 's'} in ${c.en} (rule: at most ${max} per country)`,
      );
    }
    case 'paired_in_province': {
      const other = ctx.pairedInProvince.get(place.key) ?? bi('另一地方', 'another place');
      return bi(
        `已与本省${other.zh}结好（规则：不与本省已结好的地方结好）`,
        `already paired with ${other.en} in your province (rule: not a place paired within the province)`,
      );
    }
    case 'dismissed': {
      const d = ctx.dismissed.get(place.key);
      return bi(`已于${d?.on ?? ''}搁置：${d?.reason ?? ''}`, `set aside on ${d?.on ?? ''}: ${d?.reason ?? ''}`);
    }
  }
}

export const EXCLUSION_TEXT: Record<ExclusionRule, Bilingual> = {
  no_relations: bi('未与中国建交的国家', 'countries without diplomatic relations with China'),
  already_paired: bi('已与你方结好（含在办）', 'already paired with you (or being paired)'),
  office_excluded_country: bi('你方规则排除的国家', 'countries your office excludes'),
  max_per_country: bi('已达每国友城数上限', 'countries where you reached your limit per country'),
  paired_in_province: bi('已与本省其他地方结好', 'places already paired within your province'),
  dismissed: bi('你方已搁置', 'set aside by your office'),
};
