import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasFilters,
  parseSearch,
  partnershipQuery,
  provinceOf,
  stringifySearch,
  validateDashboardSearch,
  validateGlobalSearch,
  validatePartnershipSearch,
  withAsOf,
} from './search';

describe('URL state', () => {
  it('reads a plain query string with comma lists', () => {
    const raw = parseSearch('?scope=430000&asOf=2024-11-28&level=city,county&q=changsha&page=2');
    expect(validatePartnershipSearch(raw)).toMatchObject({
      scope: '430000',
      asOf: '2024-11-28',
      level: ['city', 'county'],
      q: 'changsha',
      page: 2,
    });
  });

  it('drops what it does not understand instead of failing', () => {
    const search = validatePartnershipSearch(
      parseSearch('scope=43&asOf=2023-02-30&level=city,town&country=gh,GH&sort=random&page=0&perPage=9999'),
    );
    expect(search).toEqual(
      expect.objectContaining({ scope: undefined, asOf: undefined, level: ['city'], country: ['GH'], sort: undefined }),
    );
    expect(search.page).toBeUndefined();
    expect(search.perPage).toBeUndefined();
  });

  it('leaves defaults out of the address', () => {
    const search = validatePartnershipSearch({ sort: 'name', page: '1', perPage: '50', q: '  ' });
    expect(stringifySearch(search)).toBe('');
  });

  it('writes lists back comma-separated, keys sorted', () => {
    expect(stringifySearch({ scope: '430100', level: ['city', 'county'], q: '长沙' })).toBe(
      `?level=city%2Ccounty&q=${encodeURIComponent('长沙')}&scope=430100`,
    );
  });

  it('round-trips any valid list search', () => {
    const arbitrary = fc.record(
      {
        scope: fc.stringMatching(/^\d{6}$/),
        q: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s !== ''),
        level: fc.uniqueArray(fc.constantFrom('provincial', 'city', 'county'), { minLength: 1 }),
        yearFrom: fc.integer({ min: 1000, max: 9999 }),
        page: fc.integer({ min: 2, max: 1000 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(arbitrary, (search) => {
        const back = validatePartnershipSearch(parseSearch(stringifySearch(search)));
        for (const [key, value] of Object.entries(search)) expect(back[key as keyof typeof back]).toEqual(value);
      }),
    );
  });

  it('keeps scope and as-of only when valid', () => {
    expect(validateGlobalSearch({ scope: '430000', asOf: '2024-02-29' })).toEqual({
      scope: '430000',
      asOf: '2024-02-29',
    });
    expect(validateGlobalSearch({ scope: '4300001', asOf: '2023-02-29' })).toEqual({
      scope: undefined,
      asOf: undefined,
    });
  });

  it('reads the dashboard choices', () => {
    expect(validateDashboardSearch({ since: '2018', kind: 'exchange' })).toMatchObject({
      since: 2018,
      kind: 'exchange',
    });
    expect(validateDashboardSearch({ since: 'x', kind: 'friendship' })).toMatchObject({
      since: undefined,
      kind: undefined,
    });
  });
});

describe('list query', () => {
  it('turns the scope into the cn filter, except for the whole country', () => {
    expect(partnershipQuery({ scope: '430100' }, '430000').cn).toBe('430100');
    expect(partnershipQuery({}, '430000').cn).toBe('430000');
    expect(partnershipQuery({ scope: '000000' }, '430000').cn).toBeUndefined();
    expect(partnershipQuery({}, undefined)).toMatchObject({ sort: 'name', page: 1, perPage: 50 });
  });

  it('knows when filters are set', () => {
    expect(hasFilters({ scope: '430000', asOf: '2024-01-01', page: 3 })).toBe(false);
    expect(hasFilters({ q: 'changsha' })).toBe(true);
    expect(hasFilters({ level: ['city'] })).toBe(true);
  });

  it('finds the province of a division', () => {
    expect(provinceOf('430104')).toBe('430000');
  });
});

describe('scope, as-of date and since-year travel together', () => {
  it('keeps the since-year in force when the as-of day changes', () => {
    // The dashboard showed "since 2021" (the default for 2026); moving to 2024 keeps 2021.
    expect(withAsOf({ scope: '430000' }, '2024-11-28', '2026-12-03')).toEqual({
      scope: '430000',
      asOf: '2024-11-28',
      since: 2021,
    });
    expect(withAsOf({ since: 2018, asOf: '2025-01-01' }, '2024-11-28', '2026-12-03').since).toBe(2018);
  });
  it('drops a since-year after the new day, so the default for that day applies', () => {
    expect(withAsOf({ since: 2021 }, '2019-06-30', '2026-12-03').since).toBeUndefined();
  });
  it('reads the since-year from the address on every page', () => {
    expect(validateGlobalSearch(parseSearch('?scope=430000&asOf=2024-11-28&since=2018'))).toEqual({
      scope: '430000',
      asOf: '2024-11-28',
      since: 2018,
    });
    expect(validateGlobalSearch({ since: 'x' }).since).toBeUndefined();
  });
});
