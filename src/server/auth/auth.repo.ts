/** SQL of accounts, sessions and API tokens. */

import { and, asc, eq, gt, gte, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { insertOne } from '../db/records.js';
import { apiTokens, loginFailures, sessions, users } from '../db/schema.js';
import { updateIfVersion } from '../db/versioned.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type TokenRow = typeof apiTokens.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export function insertUser(db: DbOrTx, row: NewUser): Promise<UserRow> {
  return insertOne(db, users, row);
}

export async function selectUser(db: DbOrTx, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function selectUserByName(db: DbOrTx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function selectUsers(db: DbOrTx): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.username));
}

export async function countAdmins(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)));
  return Number(row?.n ?? 0);
}

/** Applies a patch when the version matches; the updated row, or undefined for a stale version. */
export function updateUserIfVersion(
  db: DbOrTx,
  id: number,
  version: number,
  patch: Partial<NewUser>,
): Promise<UserRow | undefined> {
  return updateIfVersion(db, users, id, version, patch);
}

/**
 * Counts a failed sign-in against an account in one statement, so that failures arriving together
 * all count: the update waits for the row and sees the count the last one left. The failure that
 * reaches `lockAfter` locks the account for `lockMinutes` and starts the count afresh; a failure
 * while it is locked changes nothing. Outside the version: it is not an edit of the account.
 */
export async function countAccountFailure(
  db: DbOrTx,
  id: number,
  { lockAfter, lockMinutes }: { lockAfter: number; lockMinutes: number },
): Promise<void> {
  const locked = sql`${users.lockedUntil} is not null and ${users.lockedUntil} > now()`;
  const reaches = sql`${users.failedLogins} + 1 >= ${lockAfter}`;
  await db
    .update(users)
    .set({
      failedLogins: sql`case when ${locked} then ${users.failedLogins} when ${reaches} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${locked} then ${users.lockedUntil} when ${reaches} then now() + make_interval(mins => ${lockMinutes}) else null end`,
    })
    .where(eq(users.id, id));
}

/**
 * Clears the failure count of an account that proved its password, unless a lock came first (a
 * failure that arrived together with this sign-in): false then, and the sign-in is refused.
 */
export async function clearAccountFailures(db: DbOrTx, id: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null })
    .where(and(eq(users.id, id), sql`(${users.lockedUntil} is null or ${users.lockedUntil} <= now())`))
    .returning({ id: users.id });
  return rows.length > 0;
}

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

/** A live session and its user. */
export async function selectLiveSession(
  db: DbOrTx,
  idHash: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, sql`now()`)));
  return row;
}

export async function deleteSession(db: DbOrTx, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteSessionsOf(db: DbOrTx, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}

export function insertToken(db: DbOrTx, row: typeof apiTokens.$inferInsert): Promise<TokenRow> {
  return insertOne(db, apiTokens, row);
}

export async function selectToken(db: DbOrTx, id: number): Promise<TokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

export async function selectTokensOf(db: DbOrTx, userId: number | undefined): Promise<TokenRow[]> {
  const query = db.select().from(apiTokens);
  return (userId === undefined ? query : query.where(eq(apiTokens.userId, userId))).orderBy(asc(apiTokens.id));
}

/** A token that is neither revoked nor expired, and its owner. */
export async function selectLiveToken(
  db: DbOrTx,
  tokenHash: string,
): Promise<{ token: TokenRow; user: UserRow } | undefined> {
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, tokenHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
      ),
    );
  return row;
}

export async function markTokenRevoked(db: DbOrTx, id: number): Promise<TokenRow | undefined> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning();
  return row;
}

/** Notes a token's use now (the caller decides how often: resolveToken at most once a minute). */
export async function touchToken(db: DbOrTx, id: number): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, id));
}

/** Counts a failed sign-in from an address; a window older than windowMinutes starts afresh at 1. */
export async function countLoginFailure(db: DbOrTx, address: string, windowMinutes: number): Promise<void> {
  const windowStart = sql`now() - make_interval(mins => ${windowMinutes})`;
  // Old windows of other addresses go as well, so the table holds only the current quarter-hour.
  await db.delete(loginFailures).where(lt(loginFailures.since, windowStart));
  const expired = sql`${loginFailures.since} < ${windowStart}`;
  // One statement: concurrent failures from several processes all count (the row is locked).
  await db
    .insert(loginFailures)
    .values({ address, since: sql`now()`, failures: 1 })
    .onConflictDoUpdate({
      target: loginFailures.address,
      set: {
        failures: sql`case when ${expired} then 1 else ${loginFailures.failures} + 1 end`,
        since: sql`case when ${expired} then now() else ${loginFailures.since} end`,
      },
    });
}

/** An address's failures in its current window, and the seconds until the window ends. */
export async function selectLoginFailures(
  db: DbOrTx,
  address: string,
  windowMinutes: number,
): Promise<{ failures: number; secondsLeft: number } | undefined> {
  const windowEnd = sql`${loginFailures.since} + make_interval(mins => ${windowMinutes})`;
  const [row] = await db
    .select({
      failures: loginFailures.failures,
      secondsLeft: sql<number>`extract(epoch from ${windowEnd} - now())::float8`.mapWith(Number),
    })
    .from(loginFailures)
    .where(and(eq(loginFailures.address, address), gte(windowEnd, sql`now()`)));
  return row;
}

/** Forgets every address's failures (tests). */
export async function deleteLoginFailures(db: DbOrTx): Promise<void> {
  await db.delete(loginFailures);
}
