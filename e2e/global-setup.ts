/** Starts one demo server for every spec file; the specs run one after the other against it. */
import type { TestProject } from 'vitest/node';
import { startDemoServer } from './harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startDemoServer();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
