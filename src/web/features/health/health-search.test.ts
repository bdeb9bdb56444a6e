import { describe, expect, it } from 'vitest';
import { healthQuery, validateHealthSearch } from './health-search';

describe('health list search', () => {
  it('keeps known values and drops defaults and junk', () => {
    expect(validateHealthSearch({ scope: '430000', suggestion: 'dormant', status: 'active', page: '1' })).toEqual({
      scope: '430000',
      asOf: undefined,
      suggestion: 'dormant',
      status: undefined,
      sort: undefined,
      page: undefined,
    });
    expect(validateHealthSearch({ suggestion: 'sleepy', status: 'any', sort: 'overall', page: '3' })).toMatchObject({
      suggestion: undefined,
      status: 'any',
      sort: 'overall',
      page: 3,
    });
  });

  it('asks the API for the recorded-active pairs by default: suggestion=dormant is the dormant-on-paper list', () => {
    const q = healthQuery(validateHealthSearch({ suggestion: 'dormant' }), '430000', '2025-06-30');
    expect(q).toEqual({
      scope: '430000',
      asOf: '2025-06-30',
      suggestion: 'dormant',
      status: 'active',
      sort: 'quiet',
      page: 1,
      perPage: 50,
    });
  });
});
