import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSearchText, nameKeyOf, normalizeQuery, normalizeText, sortKeyOf } from './text.js';

describe('search text', () => {
  it('lets Chinese, full pinyin and initials find a Chinese name', () => {
    const haystack = buildSearchText(['长沙市', 'Changsha']);
    for (const q of ['长沙', 'changsha', 'cs', 'CHANGSHA', 'Changsha ']) {
      expect(haystack.includes(normalizeQuery(q)), q).toBe(true);
    }
  });

  it('folds traditional characters, diacritics and width', () => {
    expect(normalizeText('長沙')).toBe('长沙');
    expect(normalizeText('São Tomé')).toBe('sao tome');
    expect(normalizeText('ＡＢＣ　１')).toBe('abc 1');
    expect(nameKeyOf('Saint-Paul')).toBe(nameKeyOf('saint paul'));
  });

  it('never lets control characters through', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(normalizeText(s)).not.toMatch(/\p{Cc}/u);
      }),
    );
  });
});

describe('sort keys', () => {
  it('orders Chinese names by pinyin', () => {
    const names = ['岳阳市', '长沙市', '湘潭市', '常德市', '株洲市', '衡阳市'];
    const sorted = [...names].sort((a, b) => (sortKeyOf(a) < sortKeyOf(b) ? -1 : 1));
    expect(sorted).toEqual(['常德市', '长沙市', '衡阳市', '湘潭市', '岳阳市', '株洲市']);
  });
});
