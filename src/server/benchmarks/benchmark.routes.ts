/** /api/benchmarks */
import {
  BenchmarkCreateSchema,
  BenchmarkListQuerySchema,
  BenchmarkUpdateSchema,
} from '../../shared/schemas/benchmark.js';
import { BenchmarkSchema } from '../../shared/schemas/benchmark-view.js';
import type { Api } from '../http/app.js';
import { registerRecordRoutes } from '../http/record-routes.js';
import {
  createBenchmark,
  deleteBenchmark,
  getBenchmark,
  listBenchmarks,
  updateBenchmark,
} from './benchmark.service.js';

export function registerBenchmarkRoutes(app: Api): void {
  registerRecordRoutes(app, {
    path: '/api/benchmarks',
    tag: 'benchmarks',
    schemas: {
      item: BenchmarkSchema,
      listQuery: BenchmarkListQuerySchema,
      create: BenchmarkCreateSchema,
      update: BenchmarkUpdateSchema,
    },
    summaries: {
      list: 'Sourced figures about provinces and the nation',
      get: 'One benchmark',
      create: 'Record a published figure with its source',
      update: 'Correct a benchmark; a stale version gets 409',
      remove: 'Delete a benchmark; ?version= must be current',
    },
    services: {
      list: listBenchmarks,
      get: getBenchmark,
      create: createBenchmark,
      update: updateBenchmark,
      remove: deleteBenchmark,
    },
    createConflicts: true,
  });
}
