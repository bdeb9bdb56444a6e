/**
 * A fresh, fully prepared database for each test file: PGlite by default, a database of its own on
 * the PostgreSQL server when TEST_DATABASE_URL is set. Both start from a template that the global
 * setup prepared once (migrations and reference data), so a test file starts in milliseconds.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDb, type DbHandle } from '../db/client.js';
import './global-setup.js';

export function testDriver(): 'pglite' | 'postgres' {
  return process.env.AMITY_TEST_DRIVER === 'postgres' ? 'postgres' : 'pglite';
}

export function serverUrlFor(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${database}`;
  return url.toString();
}

/** Opens a fresh database for the calling test file and closes (and drops) it after the file. */
export async function createTestDb(): Promise<DbHandle> {
  if (testDriver() === 'postgres') {
    const name = `amity_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name} template ${inject('templateDb')}`);
    await admin.end();
    const handle = await createDb({ url: serverUrlFor(name), poolSize: 4 });
    afterAll(async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    });
    return handle;
  }
  const dump = new Blob([readFileSync(inject('templateDump'))]);
  const handle = await createDb({ dataDir: 'memory://', loadDataDir: dump });
  afterAll(() => handle.close());
  return handle;
}

/**
 * An embedded database in `dir` as a command finds one after its first run (migrated, reference
 * data loaded, no records), copied from the tests' template: a fresh directory costs its process
 * a new cluster and every migration, seconds a directory.
 */
export async function createTestDataDir(dir: string): Promise<string> {
  const handle = await createDb({ dataDir: dir, loadDataDir: new Blob([readFileSync(inject('templateDump'))]) });
  await handle.close();
  return dir;
}
