import { sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../db/client.js';
import { queryRows } from '../db/sql.js';
import { buildAuthApp, jsonInit } from '../testing/factories.js';
import { createTestDb, serverUrlFor, testDriver } from '../testing/test-db.js';
import { ADDRESS_ATTEMPTS, resetLoginLimits } from './session.service.js';

const handle = await createTestDb();
// A second server process on the same database: its own pool on PostgreSQL. PGlite lives inside one
// process, so there the second app shares the handle (the count is in the database either way).
const other =
  testDriver() === 'postgres'
    ? await createDb({ url: serverUrlFor(new URL(handle.location).pathname.slice(1)), poolSize: 2 })
    : handle;
afterAll(() => (other === handle ? undefined : other.close()));
const apps = [buildAuthApp(handle), buildAuthApp(other)];

async function failSignIn(app: (typeof apps)[number], i: number): Promise<number> {
  const res = await app.request(
    '/api/auth/login',
    jsonInit('POST', { username: `ghost${i}`, password: 'not it at all' }),
  );
  return res.status;
}

beforeEach(() => resetLoginLimits(handle.db));

describe('the per-address limit of failed sign-ins', () => {
  it(`is one count for every process on the database: ${ADDRESS_ATTEMPTS} failures in all, not per process`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_ATTEMPTS; i++) statuses.push(await failSignIn(apps[i % 2] as (typeof apps)[number], i));
    expect(statuses.every((s) => s === 401)).toBe(true);
    for (const app of apps) {
      const res = await app.request(
        '/api/auth/login',
        jsonInit('POST', { username: 'ghost', password: 'whatever it is' }),
      );
      expect(res.status).toBe(429);
      expect(JSON.stringify(await res.json())).toContain('try again in 15 min');
    }
  });

  it('counts failures that arrive at the same time from both processes', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => failSignIn(apps[i % 2] as (typeof apps)[number], i)),
    );
    expect(statuses.every((s) => s === 401)).toBe(true);
    const [row] = await queryRows<{ failures: number }>(handle.db, sql`select failures from login_failures`);
    expect(row?.failures).toBe(20);
  });

  it('starts a new window a quarter-hour after the first failure, and forgets the old ones', async () => {
    for (let i = 0; i < ADDRESS_ATTEMPTS; i++) await failSignIn(apps[0] as (typeof apps)[number], i);
    expect(await failSignIn(apps[1] as (typeof apps)[number], 99)).toBe(429);
    await handle.db.execute(sql`update login_failures set since = now() - interval '16 minutes'`);
    await handle.db.execute(
      sql`insert into login_failures (address, since, failures) values ('192.0.2.1', now() - interval '1 hour', 3)`,
    );
    expect(await failSignIn(apps[1] as (typeof apps)[number], 100)).toBe(401);
    const rows = await queryRows<{ failures: number }>(handle.db, sql`select failures from login_failures`);
    expect(rows).toEqual([{ failures: 1 }]);
  });
});
