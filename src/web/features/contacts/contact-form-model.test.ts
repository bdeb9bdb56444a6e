import { describe, expect, it } from 'vitest';
import { CONTACT_CATEGORIES } from '../../../shared/schemas/contact';
import type { Contact } from './contact-api';
import { fieldName, issueKey, toCreateInput, toFormValues, toUpdateInput } from './contact-form-model';
import { CATEGORIES, validateContactSearch, validateSilentSearch } from './contact-search';

describe('contact form model', () => {
  it('sends blanks as null and checks the term order with the API schema', () => {
    const ok = toCreateInput({
      cnCode: '430100',
      category: 'expert',
      nameEn: '  Example  ',
      email: ' ',
      roles: [{ organisation: 'Example University', post: 'Dean', from: '2019', to: '' }],
    });
    expect(ok.issues).toEqual([]);
    expect(ok.input).toMatchObject({ nameEn: 'Example', email: null, roles: [{ from: '2019', to: null }] });

    const bad = toCreateInput({
      cnCode: '430100',
      category: 'expert',
      nameEn: 'Example',
      roles: [{ organisation: 'U', post: 'Dean', from: '2020-05', to: '2019' }],
    });
    expect(bad.issues.map((i) => i.path)).toEqual(['roles.0.to']);
    expect(bad.issues.map(issueKey)).toEqual(['contacts.issue.endBeforeStart']);
    const more = toCreateInput({
      cnCode: '430100',
      category: 'expert',
      nameEn: 'Example',
      email: 'nope',
      phone: 'x',
      roles: [{ organisation: '', post: 'Dean', from: '2020-13' }],
    });
    expect(Object.fromEntries(more.issues.map((i) => [i.path, issueKey(i)]))).toEqual({
      email: 'contacts.issue.email',
      phone: 'contacts.issue.phone',
      'roles.0.organisation': 'contacts.issue.rolePart',
      'roles.0.from': 'contacts.issue.date',
    });
    expect(issueKey({ path: 'roles.0.from', rule: 'future_date', message: 'x' })).toBe('contacts.issue.futureDate');
    expect(fieldName('roles.0.to')).toEqual(['roles', 0, 'to']);
    expect(toCreateInput({ cnCode: '430100', category: 'expert' }).issues.map((i) => i.path)).toEqual(['nameZh']);
  });

  it('round-trips a contact through the form, terms oldest first', () => {
    const contact = {
      cnCode: '430100',
      category: 'partner_official',
      nameZh: null,
      nameEn: 'Example',
      nameOriginal: null,
      countryIso2: 'GH',
      city: null,
      organisation: null,
      languages: ['en'],
      email: null,
      phone: null,
      notes: null,
      roles: [
        { id: 2, organisation: 'O', post: 'Mayor', from: '2019-07', to: null, isCurrent: true },
        { id: 1, organisation: 'O', post: 'Deputy', from: '2015', to: '2019-06', isCurrent: false },
      ],
      partnershipIds: [3],
      activityIds: [],
    } as unknown as Contact;
    const values = toFormValues(contact);
    expect(values.roles?.map((r) => r.post)).toEqual(['Deputy', 'Mayor']);
    const { input } = toUpdateInput(values, 4);
    expect(input).toMatchObject({ version: 4, nameEn: 'Example', countryIso2: 'GH', partnershipIds: [3] });
    expect(input?.roles?.map((r) => [r.from, r.to])).toEqual([
      ['2015', '2019-06'],
      ['2019-07', null],
    ]);
  });
});

describe('contact list addresses', () => {
  it('keep known categories only, drop defaults, and know every category', () => {
    expect([...CATEGORIES]).toEqual([...CONTACT_CATEGORIES]);
    expect(validateContactSearch({ q: ' ana ', category: 'expert,spy', page: '1' })).toEqual({
      scope: undefined,
      asOf: undefined,
      q: 'ana',
      category: ['expert'],
      page: undefined,
    });
    expect(validateSilentSearch({ months: '12' }).months).toBeUndefined();
    expect(validateSilentSearch({ months: '6' }).months).toBe(6);
    expect(validateSilentSearch({ months: '0' }).months).toBeUndefined();
  });
});
