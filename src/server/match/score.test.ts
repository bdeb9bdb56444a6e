import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, DEFAULT_WEIGHTS } from '../../shared/schemas/match.js';
import {
  activeKeys,
  type CandidatePlace,
  distanceKm,
  exclusionOf,
  explain,
  type MatchContext,
  NEAR_KM,
  populationText,
  rank,
  roleOfFeatureCode,
  type Target,
  TIES_FULL,
  valuesOf,
} from './score.js';

const CHANGSHA = { lat: 28.23, lng: 112.94 };

const target: Target = {
  code: '430100',
  nameZh: '长沙市',
  provinceCode: '430000',
  provinceNameZh: '湖南省',
  provinceNameEn: 'Hunan',
  population: 4_000_000,
  ...CHANGSHA,
  role: 'regional',
  features: [],
  fields: [],
  wishedCountries: [],
  wishedRegions: [],
  sizeWished: null,
};

function place(key: string, overrides: Partial<CandidatePlace> = {}): CandidatePlace {
  return {
    key,
    name: key,
    nameZh: null,
    countryIso2: 'FR',
    lat: 45,
    lng: 5,
    population: 500_000,
    role: 'regional',
    foreignPlaceId: null,
    ...overrides,
  };
}

function context(overrides: Partial<MatchContext> = {}): MatchContext {
  return {
    countries: new Map([
      ['FR', { nameZh: '法国', nameEn: 'France', continent: 'europe', bri: false, noRelations: false }],
      ['VN', { nameZh: '越南', nameEn: 'Viet Nam', continent: 'asia', bri: true, noRelations: false }],
      ['TV', { nameZh: '图瓦卢', nameEn: 'Tuvalu', continent: 'oceania', bri: false, noRelations: true }],
    ]),
    provinceTies: new Map(),
    ownByCountry: new Map(),
    pairedWithTarget: new Map(),
    pairedInProvince: new Map(),
    chinaPartners: new Map(),
    nationalPairs: new Map(),
    candidatesPerCountry: new Map(),
    requests: new Map(),
    dismissed: new Map(),
    policy: DEFAULT_POLICY,
    anyRequests: false,
    ...overrides,
  };
}

describe('the role of a GeoNames place', () => {
  it('reads the feature code: capital, regional capital, lower seat, else a town', () => {
    expect(['PPLC', 'PPLA', 'PPLA2', 'PPLA5', 'PPL', null].map(roleOfFeatureCode)).toEqual([
      'capital',
      'regional',
      'local',
      'local',
      'town',
      'town',
    ]);
  });
});

describe('distanceKm', () => {
  it('is the great-circle distance (Changsha to Beijing about 1,340 km), null without coordinates', () => {
    const km = distanceKm(CHANGSHA, { lat: 39.9, lng: 116.41 }) as number;
    expect(km).toBeGreaterThan(1_320);
    expect(km).toBeLessThan(1_360);
    expect(distanceKm(CHANGSHA, CHANGSHA)).toBe(0);
    expect(distanceKm(CHANGSHA, { lat: null, lng: 116.41 })).toBeNull();
  });
});

describe('the hard rules', () => {
  it('exclude in their order: no relations first, then already paired, the office’s rules, dismissed', () => {
    const paired = new Map([
      ['tv', null],
      ['fr', '2001'],
    ]);
    expect(exclusionOf(place('tv', { countryIso2: 'TV' }), context({ pairedWithTarget: paired }))).toBe('no_relations');
    expect(exclusionOf(place('fr'), context({ pairedWithTarget: paired }))).toBe('already_paired');
    const policy = { ...DEFAULT_POLICY, excludedCountries: ['FR'], maxPerCountry: 1 };
    expect(exclusionOf(place('a'), context({ policy, ownByCountry: new Map([['FR', 1]]) }))).toBe(
      'office_excluded_country',
    );
    expect(
      exclusionOf(
        place('a'),
        context({ policy: { ...policy, excludedCountries: [] }, ownByCountry: new Map([['FR', 1]]) }),
      ),
    ).toBe('max_per_country');
    expect(exclusionOf(place('a'), context({ policy: { ...policy, excludedCountries: [] } }))).toBeNull();
  });

  it('set a place paired elsewhere in the province aside only when the office says so', () => {
    const pairedInProvince = new Map([['a', { zh: '株洲市', en: 'Zhuzhou' }]]);
    expect(exclusionOf(place('a'), context({ pairedInProvince }))).toBeNull();
    const policy = { ...DEFAULT_POLICY, notPairedInProvince: true };
    expect(exclusionOf(place('a'), context({ pairedInProvince, policy }))).toBe('paired_in_province');
    const dismissed = new Map([['a', { reason: 'too far', on: '2026-11-01' }]]);
    expect(exclusionOf(place('a'), context({ dismissed }))).toBe('dismissed');
  });
});

describe('the values of the factors', () => {
  it('give geography 1 on the spot, ½ at NEAR_KM and 0 without coordinates', () => {
    expect(valuesOf(target, place('a', CHANGSHA), context()).geo).toBe(1);
    // One degree of latitude is 111.2 km: NEAR_KM due north.
    const north = { lat: CHANGSHA.lat + NEAR_KM / 111.195, lng: CHANGSHA.lng };
    expect(valuesOf(target, place('a', north), context()).geo).toBeCloseTo(0.5, 2);
    expect(valuesOf(target, place('a', { lat: null, lng: null }), context()).geo).toBe(0);
  });

  it('weigh size by likeness and prominence, and a wished size above the rest', () => {
    const alike = valuesOf(target, place('a', { population: 4_000_000 }), context()).size;
    const smaller = valuesOf(target, place('a', { population: 40_000 }), context()).size;
    expect(alike).toBeGreaterThan(smaller);
    expect(valuesOf(target, place('a', { population: null }), context()).size).toBe(0.25);
    const wishSmall = { ...target, sizeWished: 'small' as const };
    expect(valuesOf(wishSmall, place('a', { population: 40_000 }), context()).size).toBeGreaterThanOrEqual(0.9);
    expect(valuesOf(wishSmall, place('a', { population: 4_000_000 }), context()).size).toBeLessThan(alike);
  });

  it('count the Belt and Road, the province’s ties (full from TIES_FULL pairs) and both sides’ wishes', () => {
    const ctx = context({
      provinceTies: new Map([
        ['VN', TIES_FULL],
        ['FR', 1],
      ]),
      requests: new Map([['vn', { id: 1, fields: [], features: [], wishedProvinces: ['430000'] }]]),
      anyRequests: true,
    });
    const vn = valuesOf({ ...target, wishedCountries: ['VN'] }, place('vn', { countryIso2: 'VN' }), ctx);
    expect([vn.bri, vn.ties, vn.wish]).toEqual([1, 1, 1]);
    const fr = valuesOf(target, place('fr'), ctx);
    expect(fr.bri).toBe(0);
    expect(fr.ties).toBeGreaterThan(0);
    expect(fr.ties).toBeLessThan(1);
    expect(fr.wish).toBe(0);
  });
});

describe('activeKeys', () => {
  it('leaves out what nothing can move: fields without requests, wishes without any, weights of 0', () => {
    expect(activeKeys(target, context(), DEFAULT_WEIGHTS)).not.toContain('fields');
    expect(activeKeys(target, context(), DEFAULT_WEIGHTS)).not.toContain('wish');
    const withFields = { ...target, fields: ['education'] };
    expect(activeKeys(withFields, context({ anyRequests: true }), DEFAULT_WEIGHTS)).toEqual(
      expect.arrayContaining(['fields', 'wish']),
    );
    expect(activeKeys(target, context(), { ...DEFAULT_WEIGHTS, geo: 0 })).not.toContain('geo');
  });
});

describe('rank', () => {
  const candidates = [
    place('near', { ...CHANGSHA, lat: 30 }),
    place('far', { lat: -40, lng: -70 }),
    place('tv', { countryIso2: 'TV', ...CHANGSHA }),
    place('paired', CHANGSHA),
  ];
  const ctx = context({ pairedWithTarget: new Map([['paired', '1999']]) });

  it('keeps the best that no rule excludes, and counts the excluded per rule with their best examples', () => {
    const ranking = rank(target, candidates, ctx, DEFAULT_WEIGHTS, { limit: 10 });
    expect(ranking.considered).toBe(4);
    expect(ranking.items.map((s) => s.place.key)).toEqual(['near', 'far']);
    expect(ranking.items[0]?.score).toBeGreaterThan(ranking.items[1]?.score ?? 100);
    expect(ranking.excluded.get('no_relations')?.count).toBe(1);
    expect(ranking.excluded.get('already_paired')?.best.map((e) => e.place.key)).toEqual(['paired']);
    expect([ranking.rankOf('far'), ranking.rankOf('tv')]).toEqual([2, null]);
  });

  it('cuts at the limit and considers only what the filter passes', () => {
    expect(rank(target, candidates, ctx, DEFAULT_WEIGHTS, { limit: 1 }).items).toHaveLength(1);
    const filtered = rank(target, candidates, ctx, DEFAULT_WEIGHTS, { limit: 10, filter: (p) => p.key !== 'far' });
    expect(filtered.considered).toBe(3);
    expect(filtered.items.map((s) => s.place.key)).toEqual(['near']);
  });

  it('explains each active factor in both languages, the English without Chinese characters', () => {
    const ranking = rank(target, candidates, ctx, DEFAULT_WEIGHTS, { limit: 1 });
    const factors = explain(target, ranking.items[0] as NonNullable<(typeof ranking.items)[0]>, ctx, DEFAULT_WEIGHTS);
    expect(factors.map((f) => f.code).sort()).toEqual([...activeKeys(target, ctx, DEFAULT_WEIGHTS)].sort());
    for (const f of factors) {
      expect(f.text.zh).not.toBe('');
      expect(f.text.en, f.code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('populationText', () => {
  it('writes 万 in Chinese and millions in English, small numbers as digits', () => {
    expect(populationText(1_234_567)).toEqual({ zh: '123万', en: '1.2 M' });
    expect(populationText(56_000)).toEqual({ zh: '5.6万', en: '56,000' });
    expect(populationText(5_000)).toEqual({ zh: '5,000', en: '5,000' });
  });
});
