import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.js';
import { extractFigures } from './extract.js';
import { internalChecks, readReport } from './news.service.js';

const issueSample = readFileSync(new URL('../../../test/news/issue-13-sample.txt', import.meta.url), 'utf8');
const sample = readFileSync(new URL('../../../test/news/hunan-2024-11-28-mirror.txt', import.meta.url), 'utf8');

const values = (text: string, published = '2024-11-28') =>
  extractFigures(cleanText(text).text, { published }).mentions.map((m) => [m.figure, m.value, m.scope]);

describe('extractFigures', () => {
  it('reads the eight figures and the Bridgetown signing from the damaged bilingual mirror', () => {
    const report = readReport(sample, { published: '2024-11-28' });
    expect(report.scopeCode).toBe('430000');
    expect(report.main).toEqual({
      total: 110,
      byLevel: { provincial: 31, city: 66, county: 13 },
      rank: 8,
      since: { year: 2018, count: 30 },
      monthsPerNew: 2.8,
    });
    expect(report.events).toHaveLength(1);
    expect(report.events[0]).toMatchObject({
      cn: '430000',
      partner: '布里奇顿',
      country: 'BB',
      level: 'provincial',
      date: '2023-06',
      precision: 'month',
      relative: true,
    });
    expect(report.checks.every((c) => c.ok)).toBe(true);
  });

  it('reads the eight figures of the short sample (with its Belt and Road figure) and its context', () => {
    const report = readReport(issueSample, { published: '2024-11-28' });
    expect(report.main).toEqual({
      total: 110,
      byLevel: { provincial: 31, city: 66, county: 13 },
      rank: 8,
      since: { year: 2018, count: 30 },
      monthsPerNew: 2.8,
      bri: { countries: 27, cities: 56 },
    });
    expect(report.events.map((e) => [e.partner, e.country, e.level, e.date])).toEqual([
      ['布里奇顿', 'BB', 'provincial', '2023-06'],
    ]);
    expect(report.extraction.context.map((c) => [c.kind, c.value])).toEqual([
      ['countries_covered', 23],
      ['people', 500_000_000],
    ]);
  });

  it('reads the Belt and Road figure, and the people reached only as context', () => {
    const x = extractFigures(
      cleanText('我省与“一带一路” 沿线27个国家56个城市建立友城关系。湖南国际频道覆盖西非和中非23国、近5亿人口。').text,
      { scope: '430000' },
    );
    expect(x.mentions.map((m) => [m.figure, m.value])).toEqual([
      ['bri.countries', 27],
      ['bri.cities', 56],
    ]);
    expect(x.context.map((c) => [c.kind, c.value, c.qualifier])).toEqual([
      ['countries_covered', 23, null],
      ['people', 500_000_000, '近'],
    ]);
  });

  it('reads Chinese numerals only inside a captured span', () => {
    expect(values('湖南省共有国际友城一百一十对，排在全国第八位。一带一路，一心一意。')).toEqual([
      ['total', 110, '430000'],
      ['rank', 8, '430000'],
    ]);
  });

  it('finds nothing in a text that is no report', () => {
    expect(values('今天天气很好，我们去公园散步，一共走了三公里。')).toEqual([]);
    expect(values('The weather is fine; we walked 3 km in 2 hours.')).toEqual([]);
  });

  it('resolves relative dates against the publication day, and leaves them open without one', () => {
    const text = cleanText('长沙市今年3月与加纳库马西市签署友好城市协议。').text;
    expect(extractFigures(text, { published: '2025-06-01' }).events[0]).toMatchObject({
      cn: '430100',
      partner: '库马西市',
      country: 'GH',
      level: 'city',
      date: '2025-03',
    });
    expect(extractFigures(text, {}).events[0]).toMatchObject({ date: null, precision: null });
    const en = cleanText('Last year, Changsha signed a sister-city agreement with Kumasi in Ghana.').text;
    expect(extractFigures(en, { published: '2025-06-01' }).events[0]).toMatchObject({
      partner: 'Kumasi',
      country: 'GH',
      date: '2024',
      precision: 'year',
    });
  });

  it('attributes figures to the scope named before them; a report can speak of two', () => {
    const text = '长沙市共有国际友城30对。湖南省共有国际友城110对，其中省级31对。';
    expect(values(text)).toEqual([
      ['total', 30, '430100'],
      ['total', 110, '430000'],
      ['byLevel.provincial', 31, '430000'],
    ]);
  });

  it('checks that the levels add up and that the pace agrees with the count and the dates', () => {
    const checks = internalChecks(
      {
        total: 110,
        byLevel: { provincial: 31, city: 66, county: 12 },
        since: { year: 2018, count: 30 },
        monthsPerNew: 2.8,
      },
      '2024-11-28',
    );
    expect(checks.map((c) => [c.check, c.ok, c.computed])).toEqual([
      ['levels_sum', false, 109],
      ['months_per_new', true, 2.8],
    ]);
  });
});
