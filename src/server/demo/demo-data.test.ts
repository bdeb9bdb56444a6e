/**
 * The derivation of data/demo/ (scripts/build-demo.ts): its mapping tables, and the committed files
 * themselves. Where ../shared/data is present (a developer's machine, CI), the committed files must
 * be exactly what the script makes from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  BENCHMARK_COLUMNS,
  benchmarkRows,
  buildDemo,
  DEFAULT_SHARED_DATA,
  DEMO_DIR,
  isoOfCountry,
  PARTNERSHIP_COLUMNS,
  readReference,
  toCsv,
  wikidataRows,
  wikipediaListUrl,
  wikipediaRows,
} from '../../../scripts/build-demo.js';

const ref = readReference();

function readDemo(name: string): Record<string, string>[] {
  return parse(readFileSync(join(DEMO_DIR, name)), { columns: true, bom: true });
}

describe('country strings of the twinning lists', () => {
  it('maps the UK nations and non-ISO names to ISO alpha-2', () => {
    expect(isoOfCountry(ref, 'England')).toBe('GB');
    expect(isoOfCountry(ref, 'Scotland, United Kingdom')).toBe('GB');
    expect(isoOfCountry(ref, 'South Korea')).toBe('KR');
    expect(isoOfCountry(ref, 'United States')).toBe('US');
    expect(isoOfCountry(ref, 'Russia')).toBe('RU');
  });

  it('resolves "Congo" only through a known partner', () => {
    expect(isoOfCountry(ref, 'Congo', 'Brazzaville')).toBe('CG');
    expect(isoOfCountry(ref, 'Congo', 'Kinshasa')).toBe('CD');
    expect(() => isoOfCountry(ref, 'Congo', 'Somewhere')).toThrow(/ambiguous/);
  });

  it('refuses a string it does not know rather than guessing', () => {
    expect(() => isoOfCountry(ref, 'Atlantis')).toThrow(/not mapped/);
  });
});

describe('English Wikipedia rows', () => {
  const raw = [
    { city1: 'Changsha', country1: 'China', city2: 'Brazzaville', country2: 'Congo' },
    { city1: 'Kirishima', country1: 'Japan', city2: 'Liuyang', country2: 'China' },
    { city1: 'Santa Fe', country1: 'United States', city2: 'Zhangjiajie', country2: 'China' },
    { city1: 'Hirakata', country1: 'Japan', city2: 'Changning (Shanghai)', country2: 'China' },
    { city1: 'Guiyang', country1: 'China', city2: 'Fort Worth', country2: 'United States' },
    { city1: 'Berat', country1: 'Albania', city2: 'Amasya', country2: 'Turkey' },
  ];
  const rows = wikipediaRows(ref, raw);

  it('keeps the Hunan places, from either side, and leaves homonyms out', () => {
    expect(rows.map((r) => [r.cn_division_code, r.partner_name_en, r.partner_country])).toEqual([
      ['430100', 'Brazzaville', 'CG'],
      ['430181', 'Kirishima', 'JP'],
      ['430800', 'Santa Fe', 'US'],
    ]);
    expect(rows[1]?.cn_division).toBe('湖南省/长沙市/浏阳市');
  });

  it('cites the list page of the host country and dates only what a report dates', () => {
    expect(rows[0]?.source_url).toBe(wikipediaListUrl('China'));
    expect(rows[0]?.established_on).toBe('1982-08');
    expect(rows[1]?.source_url).toBe('https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_Japan');
    expect(rows[1]?.established_on).toBe('');
    expect(rows[2]?.source_url).toBe(
      'https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_the_United_States',
    );
    for (const row of rows) expect(row.notes).toMatch(/twin-cities-wikipedia.*CC BY-SA/);
  });
});

describe('Wikidata rows', () => {
  const labels = new Map([
    ['Q174091', 'Changsha'],
    ['Q198266', 'Zhuzhou'],
    ['Q215755', 'Xiangtan'],
    ['Q144663', 'Hengyang'],
    ['Q151958', 'Yueyang'],
    ['Q416669', 'Yiyang'],
    ['Q15674', 'Kagoshima'],
    ['Q13378', 'Arezzo'],
    ['Q999', 'Nowhere'],
  ]);

  it('adds a note to a pair the Wikipedia list has and a row for one it lacks', () => {
    const fromWikipedia = wikipediaRows(ref, [
      { city1: 'Changsha', country1: 'China', city2: 'Kagoshima', country2: 'Japan' },
    ]);
    const relations: [string, string][] = [
      ['Q174091', 'Q15674'],
      ['Q15674', 'Q174091'],
      ['Q13378', 'Q174091'],
    ];
    const rows = wikidataRows(ref, relations, labels, fromWikipedia);
    expect(fromWikipedia[0]?.notes).toMatch(/Q174091 P190 Q15674.*both items/);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      cn_division_code: '430100',
      partner_name_en: 'Arezzo',
      partner_country: 'IT',
      source_url: 'https://www.wikidata.org/wiki/Q174091',
    });
    expect(rows[0]?.notes).toMatch(/one item only.*unconfirmed/);
  });

  it('fails on a partner nobody has looked up', () => {
    expect(() => wikidataRows(ref, [['Q174091', 'Q999']], labels, [])).toThrow(/not mapped/);
  });
});

describe('benchmarks', () => {
  it('keeps disagreeing rows and leaves out a figure without a date or about a city', () => {
    const { rows, skipped } = benchmarkRows([
      [
        { scope_code: '320000', kind: 'friendship', total: '367', as_of: '2024-11-20', source: 'a' },
        { scope_code: '320000', kind: 'friendship', total: '349', as_of: '2021-06', source: 'b' },
        { scope_code: '340000', kind: 'friendship', total: '95', as_of: '', source: 'c' },
        { scope_code: '610100', kind: 'friendship', total: '40', as_of: '2023-05', source: 'd' },
      ],
    ]);
    expect(rows.map((r) => r.total)).toEqual(['367', '349']);
    expect(skipped).toHaveLength(2);
  });
});

describe('the committed demo files', () => {
  const partnerships = readDemo('hunan-partnerships.csv');
  const benchmarks = readDemo('benchmarks.csv');

  it('are all Hunan, each pair with its source', () => {
    expect(partnerships.length).toBeGreaterThan(40);
    for (const row of partnerships) {
      expect(row.cn_division_code?.slice(0, 2)).toBe('43');
      expect(ref.divisions.has(row.cn_division_code as string)).toBe(true);
      expect(row.source_url).toMatch(/^https?:\/\//);
      expect(row.notes).toMatch(/^Source: /);
      expect(row.partner_name_en || row.partner_name_zh).toBeTruthy();
    }
  });

  it('hold the benchmarks, with Hunan own 2017 and 2024 figures and the national totals', () => {
    const key = (r: Record<string, string>) => `${r.scope}|${r.as_of}|${r.total}`;
    const keys = benchmarks.map(key);
    expect(keys).toContain('430000|2024-11-28|110');
    expect(keys).toContain('430000|2017-04|77');
    expect(keys).toContain('000000|2024-11-19|3054');
    expect(benchmarks.every((r) => r.as_of && r.source)).toBe(true);
  });

  it.skipIf(!existsSync(DEFAULT_SHARED_DATA))(
    'are exactly what scripts/build-demo.ts makes from ../shared/data',
    () => {
      const demo = buildDemo();
      expect(readFileSync(join(DEMO_DIR, 'hunan-partnerships.csv'), 'utf8')).toBe(
        toCsv(PARTNERSHIP_COLUMNS, demo.partnerships),
      );
      expect(readFileSync(join(DEMO_DIR, 'benchmarks.csv'), 'utf8')).toBe(toCsv(BENCHMARK_COLUMNS, demo.benchmarks));
    },
  );
});
