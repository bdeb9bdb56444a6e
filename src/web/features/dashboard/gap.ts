import type { Benchmark } from '../../api/types';
import { startOf } from './series';

/** The published figure to compare with: the latest one on or before the as-of date. */
export function latestBenchmark(benchmarks: readonly Benchmark[], asOf: string): Benchmark | undefined {
  return benchmarks
    .filter((b) => startOf(b.asOf) <= asOf)
    .sort((a, b) => startOf(b.asOf).localeCompare(startOf(a.asOf)) || b.id - a.id)[0];
}
