/**
 * Prometheus metrics of one server process (prom-client), served at GET /metrics when
 * AMITY_METRICS=1: requests and their latency by route pattern and status, the database pool's
 * connections in use and waiting, imports running, and Node's own (event-loop lag, memory, GC).
 * Each app gets a registry of its own, so several apps in one process (tests) never share counts.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { DbHandle } from '../db/client.js';

export type Metrics = {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route' | 'status'>;
  importsRunning: Gauge;
};

export function createMetrics(handle?: DbHandle): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'amity_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'amity_http_request_duration_seconds',
    help: 'Time from receiving a request to its answer, by method, route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const importsRunning = new Gauge({
    name: 'amity_imports_running',
    help: 'Imports (POST /api/imports) being run by this process now',
    registers: [registry],
  });
  new Gauge({
    name: 'amity_db_pool_connections',
    help: 'Database connections of this process: in use, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = handle?.poolStats?.();
      if (!pool) return;
      this.set({ state: 'in_use' }, pool.total - pool.idle);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });
  return { registry, requests, duration, importsRunning };
}
