/**
 * Runs once per test run: prepares the template database that createTestDb() copies for every
 * test file (PGlite dump file, or a template database on the PostgreSQL server).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { pgliteClientOf } from '../db/client.js';
import { openDatabase } from '../db/open.js';
import { serverUrlFor } from './test-db.js';

export default async function setup(project: TestProject) {
  if (project.name === 'postgres') {
    const name = `amity_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const handle = await openDatabase({ url: serverUrlFor(name), poolSize: 2 });
    await handle.close();
    project.provide('templateDb', name);
    return async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'amity-test-'));
  const handle = await openDatabase({ dataDir: 'memory://' });
  const client = pgliteClientOf(handle);
  if (!client) throw new Error('expected PGlite');
  // Without a checkpoint the dump is of a database that was never shut down: every test file that
  // loads it would replay its write-ahead log first (about 0.6 s a file).
  await client.exec('checkpoint');
  const dump = await client.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('templateDump', file);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    templateDump: string;
    templateDb: string;
  }
}
