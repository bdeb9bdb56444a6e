import { describe, expect, it } from 'vitest';
import { CATALOGS as SHARED } from '../../shared/messages';
import { formatNumber, formatPartialDate, LANGUAGES, placeholdersOf, translate, WEB_CATALOGS } from './catalog';

describe('web catalog', () => {
  const zhKeys = Object.keys(WEB_CATALOGS['zh-CN']).sort();

  it.each(LANGUAGES)('%s has every key of every other language, and nothing more', (lang) => {
    const keys = Object.keys(WEB_CATALOGS[lang]).sort();
    expect(keys).toEqual(zhKeys);
  });

  it.each(LANGUAGES)('%s has no empty message', (lang) => {
    const empty = Object.entries(WEB_CATALOGS[lang]).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('uses the same {placeholders} in both languages', () => {
    const mismatched = zhKeys.filter((key) => {
      const k = key as keyof (typeof WEB_CATALOGS)['en'];
      return placeholdersOf(WEB_CATALOGS['zh-CN'][k]).join() !== placeholdersOf(WEB_CATALOGS.en[k]).join();
    });
    expect(mismatched).toEqual([]);
  });

  it('does not redefine a key of the shared catalog', () => {
    const shared = new Set(Object.keys(SHARED['zh-CN']));
    expect(zhKeys.filter((k) => shared.has(k))).toEqual([]);
  });

  it('English messages contain no Chinese except the language name and the product name', () => {
    const allowed = new Set(['lang.zh-CN', 'app.fullName']);
    const withHan = Object.entries(WEB_CATALOGS.en).filter(
      ([key, text]) => !allowed.has(key) && /\p{Script=Han}/u.test(text),
    );
    expect(withHan).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and reaches the shared catalog', () => {
    expect(translate('zh-CN', 'list.count', { n: 3 })).toBe('共 3 对友城');
    expect(translate('en', 'list.count', { n: 3 })).toBe('3 partnerships');
    expect(translate('en', 'level.city')).toBe('City');
    expect(translate('zh-CN', 'error.conflict')).toContain('修改');
  });

  it('leaves an unknown placeholder visible', () => {
    expect(translate('en', 'list.count')).toBe('{n} partnerships');
  });
});

describe('formatting per language', () => {
  it('writes partial dates at their precision', () => {
    expect(formatPartialDate('zh-CN', '1982')).toBe('1982年');
    expect(formatPartialDate('zh-CN', '1982-05')).toBe('1982年5月');
    expect(formatPartialDate('zh-CN', '1982-05-20')).toBe('1982年5月20日');
    expect(formatPartialDate('en', '1982')).toBe('1982');
    expect(formatPartialDate('en', '1982-05')).toBe('May 1982');
    expect(formatPartialDate('en', '1982-05-20')).toBe('20 May 1982');
    expect(formatPartialDate('en', null)).toBe('');
  });

  it('groups digits', () => {
    expect(formatNumber('en', 12345)).toBe('12,345');
    expect(formatNumber('zh-CN', 12345)).toBe('12,345');
    expect(formatNumber('en', 2.75, 1)).toBe('2.8');
  });
});
