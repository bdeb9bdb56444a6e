import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { isClusterWorker, parseWorkers, poolPerWorker } from './cluster.js';

// Forking, replacing and stopping the processes: src/cli/commands/serve.test.ts runs
// `amity serve --workers 2` on a PostgreSQL server.
describe('the number of server processes', () => {
  it('takes a whole number from 1 to 64, or auto for one per core', () => {
    expect(parseWorkers('1')).toBe(1);
    expect(parseWorkers('4')).toBe(4);
    expect(parseWorkers('64')).toBe(64);
    expect(parseWorkers('auto')).toBe(availableParallelism());
    for (const bad of ['0', '65', '-1', '1.5', 'two', '', ' 2']) expect(parseWorkers(bad)).toBeUndefined();
  });

  it('splits the configured pool between the processes, at least 2 connections each', () => {
    expect(poolPerWorker(10, 1)).toBe(10);
    expect(poolPerWorker(10, 2)).toBe(5);
    expect(poolPerWorker(10, 3)).toBe(4);
    expect(poolPerWorker(10, 8)).toBe(2);
    expect(poolPerWorker(3, 2)).toBe(2);
  });

  it('is not a worker in a process that was not forked as one', () => {
    expect(isClusterWorker()).toBe(false);
  });
});
