import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors.js';
import { CATALOGS, errorMessage, pickLanguage } from './messages.js';

describe('message catalog', () => {
  it('has every key in both languages, none empty', () => {
    const zhKeys = Object.keys(CATALOGS['zh-CN']).sort();
    const enKeys = Object.keys(CATALOGS.en).sort();
    expect(enKeys).toEqual(zhKeys);
    for (const [lang, catalog] of Object.entries(CATALOGS)) {
      for (const [key, text] of Object.entries(catalog)) expect(text.trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it('has a message for every error code', () => {
    for (const code of ERROR_CODES) {
      expect(errorMessage('zh-CN', code)).toMatch(/\p{Script=Han}/u);
      expect(errorMessage('en', code)).toMatch(/[a-z]/);
    }
  });

  it('picks the language from Accept-Language, Chinese by default', () => {
    expect(pickLanguage(undefined)).toBe('zh-CN');
    expect(pickLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(pickLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLanguage('fr')).toBe('zh-CN');
  });
});
