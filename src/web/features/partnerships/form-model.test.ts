import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalog';
import { CREATE_FIELDS, checkCreate, checkUpdate, toFieldErrors, toFormValues, UPDATE_FIELDS } from './form-model';

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

describe('the open-data fields of the form', () => {
  const valid = {
    cnCode: '430100',
    partner: { countryIso2: 'CG', nameEn: 'Brazzaville' },
  };

  it('sends follow-the-scope as null, and publish or withhold as true or false', () => {
    for (const [publication, isPublic] of [
      ['scope', null],
      ['public', true],
      ['private', false],
    ] as const) {
      const checked = checkUpdate({ ...valid, publication, notesInternal: true }, 3);
      expect(checked.ok && checked.input).toMatchObject({ isPublic, notesInternal: true });
    }
    const created = checkCreate(valid);
    expect(created.ok && created.input).toMatchObject({ isPublic: null, notesInternal: false });
  });

  it('shows a stored pair’s flags as the form’s choices', () => {
    const base = toFormValues({
      id: 1,
      level: 'city',
      kind: 'friendship',
      stage: 'established',
      status: 'active',
      cn: { code: '430100', nameZh: '长沙市', nameEn: 'Changsha', level: 'prefecture' },
      partner: {
        id: 2,
        nameZh: null,
        nameEn: 'Brazzaville',
        nameLocal: null,
        adminLevel: null,
        lat: null,
        lng: null,
        population: null,
        country: { iso2: 'CG', nameZh: '刚果（布）', nameEn: 'Congo', continent: 'africa' },
      },
      establishedOn: null,
      establishedPrecision: null,
      endedOn: null,
      endedReason: null,
      sourceUrl: null,
      notes: null,
      isDemo: false,
      isPublic: false,
      notesInternal: true,
      version: 1,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    } as Parameters<typeof toFormValues>[0]);
    expect(base).toMatchObject({ publication: 'private', notesInternal: true });
  });
});
