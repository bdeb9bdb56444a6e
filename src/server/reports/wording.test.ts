/** Golden tests of the report's wording: the model sentences of the issue, 0/1/many, ordinals, changes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Figures } from '../../shared/schemas/figures.js';
import {
  baselineName,
  changeOfCount,
  changeOfRank,
  formatCount,
  formatDay,
  formatPartial,
  formatQuantity,
  ordinalEn,
  overviewSentence,
  sinceSentence,
  totalSentence,
} from './wording.js';

/** Hunan's published figures of 28 November 2024 (the report to the provincial standing committee). */
function hunan(overrides: Partial<Figures> = {}): Figures {
  return {
    scope: { code: '430000', nameZh: '湖南省', nameEn: 'Hunan' },
    asOf: '2024-11-28',
    kind: 'friendship',
    total: 110,
    byLevel: { provincial: 31, city: 66, county: 13 },
    countries: 40,
    foreignPlaces: 110,
    byContinent: { asia: 30, europe: 40, africa: 20, americas: 15, oceania: 5 },
    since: { from: '2018-01-01', count: 30, monthsPerNew: 2.8 },
    groups: {},
    rank: { position: 8, of: 31, basis: 'benchmarks' },
    ...overrides,
  };
}

describe('overview sentence', () => {
  it('reads exactly as the model sentence in Chinese', () => {
    expect(overviewSentence(hunan(), '2018', 'zh')).toBe(
      '截至2024年11月28日，湖南省共有国际友城110对，其中省级31对、市级66对、县级13对，排在全国第8位' +
        '（本省为登记数，其他省份为截至该日最近一次公开发布的友城总数）。' +
        '2018年以来新增国际友城30对，平均每2.8个月新增一对。',
    );
  });

  it('reads exactly as the model sentence in English', () => {
    expect(overviewSentence(hunan(), '2018', 'en')).toBe(
      'As of 28 November 2024, Hunan has 110 international friendship city partnerships, including 31 at the ' +
        'provincial level, 66 at the city level and 13 at the county level, ranking 8th in China ' +
        "(this province's registry total beside each other province's latest published total on or before that day). " +
        'Since 2018, ' +
        '30 new pairs have been established, one every 2.8 months on average.',
    );
  });

  it('says among how many provinces and from which figures the rank stands', () => {
    const some = hunan({ since: null, rank: { position: 8, of: 8, basis: 'benchmarks' } });
    expect(overviewSentence(some, undefined, 'zh')).toBe(
      '截至2024年11月28日，湖南省共有国际友城110对，其中省级31对、市级66对、县级13对，在可比的8个省份中排第8位' +
        '（本省为登记数，其他省份为截至该日最近一次公开发布的友城总数）。',
    );
    expect(overviewSentence(some, undefined, 'en')).toContain('ranking 8th of the 8 provinces compared (');
    const registry = hunan({ since: null, rank: { position: 2, of: 31, basis: 'registry' } });
    expect(overviewSentence(registry, undefined, 'zh')).toContain('排在全国第2位（依据登记系统中各省的友城数）。');
    expect(overviewSentence(registry, undefined, 'en')).toContain(
      "ranking 2nd in China (by each province's registry total).",
    );
  });

  it('gives no rank when nothing was compared', () => {
    const alone = hunan({ since: null, rank: { position: 1, of: 1, basis: 'benchmarks' } });
    expect(overviewSentence(alone, undefined, 'zh')).toBe(
      '截至2024年11月28日，湖南省共有国际友城110对，其中省级31对、市级66对、县级13对。',
    );
  });

  it('has no since sentence without a since date', () => {
    expect(overviewSentence(hunan({ since: null }), undefined, 'en')).not.toContain('Since');
  });
});

describe('0, 1 and many', () => {
  const none = hunan({ total: 0, byLevel: { provincial: 0, city: 0, county: 0 }, rank: null, since: null });
  const one = hunan({ total: 1, byLevel: { provincial: 0, city: 1, county: 0 }, rank: null });
  const allCity = hunan({ total: 12, byLevel: { provincial: 0, city: 12, county: 0 }, rank: null });
  const two = hunan({ total: 5, byLevel: { provincial: 0, city: 3, county: 2 }, rank: null });

  it('no pairs', () => {
    expect(totalSentence(none, 'zh')).toBe('截至2024年11月28日，湖南省尚无国际友城。');
    expect(totalSentence(none, 'en')).toBe(
      'As of 28 November 2024, Hunan has no international friendship city partnerships.',
    );
  });

  it('one pair: singular, and its level without "including"', () => {
    expect(totalSentence(one, 'zh')).toBe('截至2024年11月28日，湖南省共有国际友城1对，为市级。');
    expect(totalSentence(one, 'en')).toBe(
      'As of 28 November 2024, Hunan has 1 international friendship city partnership, at the city level.',
    );
  });

  it('all at one level', () => {
    expect(totalSentence(allCity, 'zh')).toBe('截至2024年11月28日，湖南省共有国际友城12对，均为市级。');
    expect(totalSentence(allCity, 'en')).toContain(
      'has 12 international friendship city partnerships, all at the city level.',
    );
  });

  it('a level with no pairs is left out', () => {
    expect(totalSentence(two, 'zh')).toBe('截至2024年11月28日，湖南省共有国际友城5对，其中市级3对、县级2对。');
    expect(totalSentence(two, 'en')).toContain('including 3 at the city level and 2 at the county level.');
  });

  it('new pairs: none, one (no pace), many', () => {
    const zero = hunan({ since: { from: '2018-01-01', count: 0, monthsPerNew: null } });
    const single = hunan({ since: { from: '2018-01-01', count: 1, monthsPerNew: 82.9 } });
    expect(sinceSentence(zero, '2018', 'zh')).toBe('2018年以来未新增国际友城。');
    expect(sinceSentence(zero, '2018', 'en')).toBe('No new pairs have been established since 2018.');
    expect(sinceSentence(single, '2018', 'zh')).toBe('2018年以来新增国际友城1对。');
    expect(sinceSentence(single, '2018', 'en')).toBe('Since 2018, 1 new pair has been established.');
  });

  it('a pace faster than one a month is a rate', () => {
    const fast = hunan({ asOf: '2024-12-01', since: { from: '2024-01-01', count: 110, monthsPerNew: 0.1 } });
    expect(sinceSentence(fast, '2024', 'zh')).toBe('2024年以来新增国际友城110对，平均每月新增10对。');
    expect(sinceSentence(fast, '2024', 'en')).toBe(
      'Since 2024, 110 new pairs have been established, 10 a month on average.',
    );
  });

  it('a since date at month precision', () => {
    expect(formatPartial('2018-06', 'zh')).toBe('2018年6月');
    expect(formatPartial('2018-06', 'en')).toBe('June 2018');
    expect(formatPartial('2018-06-05', 'en')).toBe('5 June 2018');
  });
});

describe('numbers, ordinals and dates', () => {
  it('English ordinals', () => {
    expect([1, 2, 3, 4, 8, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinalEn)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '8th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
      '112th',
    ]);
  });

  it('every ordinal ends in exactly one of the four suffixes, th for the teens', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (n) => {
        const word = ordinalEn(n);
        expect(word.startsWith(String(n))).toBe(true);
        expect(['st', 'nd', 'rd', 'th']).toContain(word.slice(String(n).length));
        if (n % 100 >= 11 && n % 100 <= 13) expect(word.endsWith('th')).toBe(true);
      }),
    );
  });

  it('Chinese counts are ungrouped digits, English counts grouped by thousands', () => {
    expect(formatCount(3181, 'zh')).toBe('3181');
    expect(formatCount(3181, 'en')).toBe('3,181');
    expect(formatCount(100000, 'en')).toBe('100,000');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        expect(Number(formatCount(n, 'en').replaceAll(',', ''))).toBe(n);
        expect(formatCount(n, 'zh')).toBe(String(n));
      }),
    );
  });

  it('quantities: round large numbers in 亿 and 万 in Chinese, every digit otherwise; grouped in English', () => {
    expect(formatQuantity(500_000_000, 'zh')).toBe('5亿');
    expect(formatQuantity(123_000_000, 'zh')).toBe('1.23亿');
    expect(formatQuantity(12_500_000, 'zh')).toBe('1250万');
    expect(formatQuantity(230_000, 'zh')).toBe('23万');
    expect(formatQuantity(23_000, 'zh')).toBe('23000');
    expect(formatQuantity(123_456_789, 'zh')).toBe('123456789');
    expect(formatQuantity(7.5, 'zh')).toBe('7.5');
    expect(formatQuantity(500_000_000, 'en')).toBe('500,000,000');
    expect(formatQuantity(1234.567, 'en')).toBe('1,234.57');
    // Nothing is rounded away: the Chinese form reads back as the same number.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (n) => {
        const text = formatQuantity(n, 'zh');
        const back = text.endsWith('亿')
          ? Number(text.slice(0, -1)) * 100_000_000
          : text.endsWith('万')
            ? Number(text.slice(0, -1)) * 10_000
            : Number(text);
        expect(Math.round(back)).toBe(n);
      }),
    );
  });

  it('days', () => {
    expect(formatDay('2024-11-28', 'zh')).toBe('2024年11月28日');
    expect(formatDay('2024-01-05', 'en')).toBe('5 January 2024');
  });
});

describe('changes', () => {
  it('names last year only when the comparison is exactly a year earlier', () => {
    expect(baselineName('2024-11-28', '2023-11-28', 'en')).toBe('last year');
    expect(baselineName('2024-11-28', '2023-11-28', 'zh')).toBe('上年');
    expect(baselineName('2024-11-28', '2023-06-30', 'en')).toBe('30 June 2023');
  });

  it('counts up, down and unchanged', () => {
    expect(changeOfCount(110, 104, 'last year', 'en')).toBe('up 6 from last year');
    expect(changeOfCount(110, 104, '上年', 'zh')).toBe('比上年增加6对');
    expect(changeOfCount(3, 4, 'last year', 'en')).toBe('down 1 from last year');
    expect(changeOfCount(3, 4, '上年', 'zh', '个')).toBe('比上年减少1个');
    expect(changeOfCount(4, 4, 'last year', 'en')).toBe('unchanged from last year');
    expect(changeOfCount(4, 4, '上年', 'zh')).toBe('与上年持平');
  });

  it('rank: a smaller position is a rise', () => {
    expect(changeOfRank(8, 10, 'last year', 'en')).toBe('up 2 places from last year');
    expect(changeOfRank(9, 8, 'last year', 'en')).toBe('down 1 place from last year');
    expect(changeOfRank(8, 10, '上年', 'zh')).toBe('比上年上升2位');
  });
});
