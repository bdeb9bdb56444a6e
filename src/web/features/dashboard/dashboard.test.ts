import { describe, expect, it } from 'vitest';
import type { Benchmark } from '../../api/types';
import { countFilters } from '../../components/filter-panel';
import { defaultSinceYear } from '../../state/search';
import { latestBenchmark } from './gap';

const benchmark = (id: number, asOf: string, total: number) => ({ id, asOf, total }) as Benchmark;

describe('dashboard choices', () => {
  it('compares with the latest published figure on or before the as-of date', () => {
    const list = [benchmark(1, '2018', 90), benchmark(2, '2024-11', 110), benchmark(3, '2025-06-13', 120)];
    expect(latestBenchmark(list, '2025-01-01')?.total).toBe(110);
    expect(latestBenchmark(list, '2024-10-31')?.total).toBe(90);
    expect(latestBenchmark(list, '2017-12-31')).toBeUndefined();
  });

  it('counts new pairs from five years before the as-of year by default', () => {
    expect(defaultSinceYear('2024-11-28')).toBe(2019);
  });

  it('counts the filters that are set', () => {
    expect(countFilters({ level: ['city'], kind: [], yearFrom: 2000, yearTo: 2010, q: 'x' }, ['level', 'kind'])).toBe(
      2,
    );
  });
});
