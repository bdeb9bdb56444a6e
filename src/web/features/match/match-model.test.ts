import { describe, expect, it } from 'vitest';
import type { Candidate, MatchRequest } from '../../../shared/schemas/match';
import {
  candidatePoints,
  candidatesMapOption,
  checkRequestCreate,
  checkRequestUpdate,
  issueField,
  mapBounds,
  placeKeys,
  requestPlace,
  statusMoves,
  toRequestFormValues,
} from './match-model';

const request: MatchRequest = {
  id: 7,
  side: 'foreign',
  ownerScope: '430000',
  cn: null,
  foreign: {
    id: 55,
    countryIso2: 'KE',
    countryNameZh: '肯尼亚',
    countryNameEn: 'Kenya',
    nameZh: '蒙巴萨',
    nameEn: 'Mombasa',
    continent: 'africa',
  },
  profile: { population: 1_208_333, populationAsOf: '2019', economy: 'Port', features: ['port', 'coastal'] },
  wishedCountries: [],
  wishedRegions: [],
  wishedProvinces: ['430000'],
  fields: ['trade', 'tourism'],
  sizeWished: null,
  contact: { id: 3, name: 'Example Person C' },
  source: '来函',
  sourceUrl: null,
  receivedOn: '2026-01-10',
  status: 'open',
  statusReason: null,
  expiresOn: '2027-01-10',
  stale: false,
  partnershipId: null,
  notes: null,
  isDemo: false,
  version: 4,
  createdAt: '2026-01-10T00:00:00.000Z',
  updatedAt: '2026-01-10T00:00:00.000Z',
};

describe('the request form', () => {
  it('sends a new Chinese request with only what was filled in', () => {
    const checked = checkRequestCreate({
      side: 'cn',
      cnCode: '430100',
      fields: ['education'],
      source: '  ',
      notes: '',
    });
    expect(checked).toEqual({
      ok: true,
      body: {
        side: 'cn',
        cnCode: '430100',
        profile: { features: [] },
        wishedCountries: [],
        wishedRegions: [],
        wishedProvinces: [],
        fields: ['education'],
      },
    });
  });

  it('sends a foreign place by its country and names, found or created by the server', () => {
    const checked = checkRequestCreate({ side: 'foreign', countryIso2: 'ke', nameEn: ' Kisumu ', population: 610_082 });
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.body.foreignPlace).toEqual({ countryIso2: 'KE', nameEn: 'Kisumu' });
      expect(checked.body.profile).toEqual({ population: 610_082, features: [] });
      expect(checked.body.cnCode).toBeUndefined();
    }
  });

  it('names the missing place fields before anything is sent', () => {
    expect(checkRequestCreate({ side: 'cn' })).toEqual({
      ok: false,
      issues: [{ path: 'cnCode', message: 'required', rule: 'required' }],
    });
    const foreign = checkRequestCreate({ side: 'foreign', nameZh: ' ' });
    expect(foreign.ok ? [] : foreign.issues.map((i) => issueField(i.path))).toEqual(['countryIso2', 'nameEn']);
  });

  it('places the schema’s issues on their fields', () => {
    const bad = checkRequestCreate({
      side: 'cn',
      cnCode: '430100',
      populationAsOf: 'last year',
      sourceUrl: 'not a url',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => issueField(i.path)).sort()).toEqual(['populationAsOf', 'sourceUrl']);
    expect(issueField('profile.population')).toBe('population');
    expect(issueField('foreignPlace.countryIso2')).toBe('countryIso2');
    expect(issueField('wishedCountries.2')).toBe('wishedCountries');
    expect(issueField('something.else')).toBe('notes');
  });

  it('reads a request back into the form and sends its edit with every field, blanks as null', () => {
    const values = toRequestFormValues(request);
    expect(values).toMatchObject({ side: 'foreign', countryIso2: 'KE', nameEn: 'Mombasa', contactId: 3 });
    const edit = checkRequestUpdate({ ...values, economy: '', contactId: null, notes: 'Asked again' }, request.version);
    expect(edit).toEqual({
      ok: true,
      body: {
        version: 4,
        profile: {
          population: 1_208_333,
          populationAsOf: '2019',
          areaKm2: null,
          economy: null,
          description: null,
          features: ['port', 'coastal'],
        },
        wishedCountries: [],
        wishedRegions: [],
        wishedProvinces: ['430000'],
        fields: ['trade', 'tourism'],
        sizeWished: null,
        contactId: null,
        source: '来函',
        sourceUrl: null,
        receivedOn: '2026-01-10',
        expiresOn: '2027-01-10',
        notes: 'Asked again',
      },
    });
  });

  it('offers the moves the life of a request allows', () => {
    expect(statusMoves('open')).toEqual(['talks', 'matched', 'closed']);
    expect(statusMoves('matched')).toEqual(['closed']);
    expect(requestPlace(request, (zh, en) => en ?? zh ?? '')).toBe('Mombasa');
  });
});

describe('candidate keys and the map', () => {
  it('tries a registry place under its GeoNames id first', () => {
    expect(placeKeys({ id: 55, geonamesId: 186301 })).toEqual(['gn:186301', 'fp:55']);
    expect(placeKeys({ id: 9, geonamesId: null })).toEqual(['fp:9']);
  });

  const candidate = (key: string, lat: number | null, lng: number | null, score: number): Candidate => ({
    key,
    name: key,
    nameZh: null,
    countryIso2: 'KE',
    countryNameZh: '肯尼亚',
    countryNameEn: 'Kenya',
    continent: 'africa',
    lat,
    lng,
    population: 100_000,
    role: 'regional',
    foreignPlaceId: null,
    requestId: null,
    chinaPartners: 0,
    score,
    similarity: 0.5,
    strategic: 0.5,
    factors: [],
    shortlisted: false,
  });

  it('numbers the top candidates by their rank in the list and counts those without coordinates', () => {
    const items = [
      candidate('gn:1', -4, 39.7, 60),
      candidate('gn:2', null, null, 55),
      candidate('gn:3', 52, -170, 50),
      candidate('gn:4', 1, 1, 40),
    ];
    const { points, missing } = candidatePoints(items, (c) => c.name, 3);
    expect(missing).toBe(1);
    expect(points.map((p) => [p.key, p.rank])).toEqual([
      ['gn:1', 1],
      ['gn:3', 3],
    ]);
    // West of the cut the longitude is shifted, as the Pacific-centred base map needs.
    expect(points[1]?.coord[0]).toBe(190);
  });

  it('frames the division and its candidates, never smaller than a region', () => {
    expect(mapBounds([])).toBeNull();
    expect(mapBounds([[113, 28]])).toEqual([
      [88, 43],
      [138, 13],
    ]);
    const [[west, north], [east, south]] = mapBounds([
      [113, 28],
      [190, 52],
      [30, -30],
    ]) as [[number, number], [number, number]];
    expect([west, east, north, south]).toEqual([24, 196, 57, -35]);
  });

  it('draws a line from the division to each candidate, and the division apart', () => {
    const { points } = candidatePoints([candidate('gn:1', -4, 39.7, 60)], (c) => `<b>${c.name}</b>`);
    const option = candidatesMapOption({ coord: [113, 28.2], label: '长沙市' }, points) as {
      series: { data: { coords?: unknown; key?: string }[] }[];
      tooltip: { formatter(p: { data?: { label?: string } }): string };
    };
    expect(option.series[0]?.data).toEqual([
      {
        coords: [
          [113, 28.2],
          [39.7, -4],
        ],
      },
    ]);
    expect(option.series[1]?.data[0]?.key).toBe('gn:1');
    expect(option.series[2]?.data).toHaveLength(1);
    expect(option.tooltip.formatter({ data: { label: '<b>x</b>' } })).toBe('&lt;b&gt;x&lt;/b&gt;');
    const noHome = candidatesMapOption(null, points) as { series: { data: unknown[] }[] };
    expect(noHome.series[0]?.data).toEqual([]);
    expect(noHome.series[2]?.data).toEqual([]);
  });
});
