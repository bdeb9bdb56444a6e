import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, WEIGHT_KEYS, WeightsParamSchema } from '../../../shared/schemas/match';
import { formatWeights, parseWeights, requestsQuery, validateMatchSearch, weightsParam } from './match-search';

describe('validateMatchSearch', () => {
  it('keeps what it understands and drops the rest', () => {
    expect(
      validateMatchSearch({
        tab: 'suggestions',
        side: 'foreign',
        status: 'talks',
        stale: '1',
        country: 'KE',
        q: '  Mombasa ',
        page: '3',
        cn: '430100',
        weights: 'role:2,geo:0',
        region: 'africa',
      }),
    ).toMatchObject({
      tab: 'suggestions',
      side: 'foreign',
      status: 'talks',
      stale: 1,
      country: 'KE',
      q: 'Mombasa',
      page: 3,
      cn: '430100',
      weights: 'role:2,geo:0',
      region: 'africa',
    });
    expect(
      validateMatchSearch({
        tab: 'nope',
        side: 'x',
        status: 'open!',
        stale: 'yes',
        country: 'kenya',
        page: '0',
        cn: '43',
        weights: 'role:9',
        region: 'mars',
      }),
    ).toEqual({ scope: undefined, asOf: undefined, since: undefined });
  });

  it('leaves the defaults out of the address (the board, page 1, the default weights)', () => {
    const s = validateMatchSearch({
      tab: 'requests',
      page: '1',
      weights: `size:${DEFAULT_WEIGHTS.size},role:${DEFAULT_WEIGHTS.role}`,
    });
    expect(s.tab).toBeUndefined();
    expect(s.page).toBeUndefined();
    expect(s.weights).toBeUndefined();
  });
});

describe('weights', () => {
  it('reads key:weight pairs, keeping the default for keys left out and dropping bad parts', () => {
    expect(parseWeights('role:2,geo:0.5')).toEqual({ ...DEFAULT_WEIGHTS, role: 2, geo: 0.5 });
    expect(parseWeights('role:4,size:-1,nope:2,geo:,bri:x')).toEqual(DEFAULT_WEIGHTS);
    expect(parseWeights(undefined)).toEqual(DEFAULT_WEIGHTS);
  });

  it('writes only the changed ones, in the schema order, and the API reads every one back', () => {
    expect(formatWeights({ ...DEFAULT_WEIGHTS, wish: 0, size: 3 })).toBe('size:3,wish:0');
    expect(formatWeights(DEFAULT_WEIGHTS)).toBe('');
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(WEIGHT_KEYS.map((k) => [k, fc.integer({ min: 0, max: 6 }).map((n) => n / 2)])) as Record<
            (typeof WEIGHT_KEYS)[number],
            fc.Arbitrary<number>
          >,
        ),
        (weights) => {
          expect(parseWeights(formatWeights(weights))).toEqual(weights);
          expect(WeightsParamSchema.parse(weightsParam(weights))).toEqual(weights);
        },
      ),
    );
  });
});

describe('requestsQuery', () => {
  it('asks the API for the scope, the filters and the page', () => {
    expect(requestsQuery({ side: 'cn', stale: 1, page: 2 }, '430000')).toEqual({
      scope: '430000',
      side: 'cn',
      status: undefined,
      stale: '1',
      country: undefined,
      q: undefined,
      page: 2,
      perPage: 20,
    });
  });
});
