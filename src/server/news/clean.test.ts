import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, isReadingOf, rawSpan } from './clean.js';

describe('cleanText', () => {
  it('strips a gloss only where it is a reading of the character before it', () => {
    const c = cleanText('城(cheng)市(shi)(shi)(shi)与中国人民对外友好协会(CPAFFC)和联合国(UN)');
    expect(c.text).toBe('城市与中国人民对外友好协会(CPAFFC)和联合国(UN)');
    expect(c.changes.glosses).toBe(4);
  });

  it('reads tone-marked glosses on traditional characters and folds the script', () => {
    const c = cleanText('湖南省共有國(guó)際友城110對(duì),,其中省級(jí)31對(duì)');
    expect(c.text).toBe('湖南省共有国际友城110对,其中省级31对');
    expect(c.changes.traditional).toBeGreaterThan(0);
  });

  it('keeps a parenthesised word that is no reading, even after a character', () => {
    expect(cleanText('湖南(hunan)').text).toBe('湖南(hunan)');
    expect(cleanText('长沙(2024)').text).toBe('长沙(2024)');
  });

  it('collapses a mirror’s doubled punctuation to its strongest mark', () => {
    expect(cleanText('报告,。截至目前,,共有').text).toBe('报告。截至目前,共有');
    expect(cleanText('23国,、近5亿').text).toBe('23国、近5亿');
    expect(cleanText('真的?!').text).toBe('真的?!');
  });

  it('turns full-width digits into ASCII', () => {
    expect(cleanText('共有１１０对，占２．８％').text).toBe('共有110对，占2.8%');
  });

  it('maps every cleaned offset back to its character in the raw text', () => {
    const raw = '國(guó)際(jì)友城110對(duì),,排在全國(guó)第8位';
    const c = cleanText(raw);
    const at = c.text.indexOf('110');
    const span = rawSpan(c, at, at + 3);
    expect(raw.slice(span.start, span.end)).toBe('110');
    const eight = c.text.indexOf('8');
    expect(raw[c.origin[eight] as number]).toBe('8');
  });

  it('knows heteronyms: 了 reads le and liao', () => {
    expect(isReadingOf('了', 'liao')).toBe(true);
    expect(isReadingOf('了', 'le')).toBe(true);
    expect(isReadingOf('了', 'shi')).toBe(false);
  });

  it('never changes a text without glosses, traditional characters or mirror damage (property)', () => {
    const simplified = [
      ...'湖南省长沙市共有国际友城对其中级县排在全国第位年以来新增平均每个月一带路沿线家城市建立关系与签署协议巴多斯首都布里奇顿',
    ];
    const pieces = fc.oneof(
      fc.constantFrom(...simplified),
      fc.constantFrom('0', '1', '2', '8', '9', ' ', 'a', 'B', '，', '。', '、', '(CPAFFC)', '(UN)', '“', '”', '\n'),
      fc.stringMatching(/^[a-z]{2,6}$/).map((w) => ` ${w} `),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 80 }), (parts) => {
        const text = parts.join('').replace(/[，。、]{2,}/g, '，');
        const c = cleanText(text);
        expect(c.text).toBe(text);
        expect(c.origin).toEqual([...Array(text.length + 1).keys()]);
      }),
      { numRuns: 300 },
    );
  });
});
