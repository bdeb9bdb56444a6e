/**
 * Several hosts starting at once on one PostgreSQL server: one migrates, the others wait for the
 * migration lock and then find nothing left to do.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestDb, serverUrlFor, testDriver } from '../testing/test-db.js';
import { MIGRATION_LOCK_KEY, MIGRATIONS_DIR } from './client.js';
import { openDatabase } from './open.js';
import { queryRows } from './sql.js';

const onServer = testDriver() === 'postgres';
const handle = onServer ? await createTestDb() : undefined;

describe.skipIf(!onServer)(
  `the migration lock${onServer ? '' : process.env.TEST_DATABASE_URL ? ' (runs in the PostgreSQL project)' : ' (skipped: set TEST_DATABASE_URL; PGlite is one process per data directory)'}`,
  () => {
    it('makes a starting host wait while another holds it, then open the database', async () => {
      const url = (handle as NonNullable<typeof handle>).location;
      const holder = new pg.Client({ connectionString: url });
      await holder.connect();
      await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      let waited = 0;
      let opened = false;
      // A pool of one connection: the lock must not take the one the migrations need.
      const opening = openDatabase({ url, poolSize: 1, onMigrationWait: () => (waited += 1) }).then((h) => {
        opened = true;
        return h;
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(waited).toBe(1);
      expect(opened).toBe(false);
      await holder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      const second = await opening;
      expect(opened).toBe(true);
      await second.close();
      // Released: the lock is free again.
      const free = await holder.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [MIGRATION_LOCK_KEY]);
      expect(free.rows[0]?.ok).toBe(true);
      await holder.end();
    });

    it('lets two hosts migrate an empty database at once, each migration applied once', async () => {
      const name = `amity_mig_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      try {
        const url = serverUrlFor(name);
        const [a, b] = await Promise.all([
          openDatabase({ url, poolSize: 2, gazetteer: false }),
          openDatabase({ url, poolSize: 2, gazetteer: false }),
        ]);
        const applied = await queryRows<{ n: number }>(
          a.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql'));
        expect(applied[0]?.n).toBe(files.length);
        await Promise.all([a.close(), b.close()]);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  },
);
