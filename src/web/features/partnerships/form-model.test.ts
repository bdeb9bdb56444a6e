import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalog';
import { CREATE_FIELDS, checkCreate, checkUpdate, toFieldErrors, UPDATE_FIELDS } from './form-model';

const zh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);

describe('partnership form', () => {
  const valid = {
    cnCode: '430100',
    kind: 'friendship',
    status: 'active',
    establishedOn: '1982-05',
    partner: { countryIso2: 'cg', nameZh: '布拉柴维尔', nameEn: ' Brazzaville ' },
  };

  it('builds the API input with the shared schema', () => {
    const checked = checkCreate(valid);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.input.partner?.countryIso2).toBe('CG');
      expect(checked.input.partner?.nameEn).toBe('Brazzaville');
      expect(checked.input.sourceUrl).toBeNull();
    }
  });

  it('puts each problem on its field, in Chinese', () => {
    const checked = checkCreate({
      ...valid,
      cnCode: '',
      establishedOn: '2023-02-30',
      sourceUrl: 'not a url',
      partner: { countryIso2: 'CG' },
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const { fieldErrors, other } = toFieldErrors(checked.issues, zh, CREATE_FIELDS);
    const byName = Object.fromEntries(fieldErrors.map((f) => [f.name.join('.'), f.errors[0]]));
    expect(byName).toEqual({
      cnCode: zh('validation.divisionCode'),
      establishedOn: zh('validation.date'),
      sourceUrl: zh('validation.url'),
      'partner.nameEn': zh('validation.partnerName'),
    });
    expect(other).toEqual([]);
  });

  it('asks for the day a partnership ended', () => {
    const checked = checkUpdate({ ...valid, status: 'ended' }, 3);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const { fieldErrors } = toFieldErrors(checked.issues, zh, UPDATE_FIELDS);
    expect(fieldErrors).toEqual([{ name: ['endedOn'], errors: [zh('validation.endedOnRequired')] }]);
  });

  it('places the server issues by their paths and keeps the others apart', () => {
    const { fieldErrors, other } = toFieldErrors(
      [
        { path: 'partner.countryIso2', message: 'unknown country XX', rule: 'unknown_country' },
        { path: 'cnCode', message: 'no division 999999', rule: 'unknown_division' },
        { path: 'partnerPlaceId', message: 'gone', rule: 'not_found', fix: 'choose another' },
      ],
      zh,
      CREATE_FIELDS,
    );
    expect(fieldErrors.map((f) => f.name)).toEqual([['partner', 'countryIso2'], ['cnCode']]);
    expect(other).toEqual(['gone (choose another)']);
  });

  it('sends the version it read on update', () => {
    const checked = checkUpdate(valid, 7);
    expect(checked.ok && checked.input.version).toBe(7);
  });
});
