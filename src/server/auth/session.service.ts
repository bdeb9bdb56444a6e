/**
 * Signing in and out, and turning a request's cookie or token into an actor. Failed sign-ins are
 * counted per account (5 in a row lock it for 15 minutes) and per client address (30 a quarter-hour).
 */
import { AppError } from '../../shared/errors.js';
import type { LoginInput } from '../../shared/schemas/auth.js';
import type { Db } from '../db/client.js';
import type { Actor, Role } from './actor.js';
import { ROLES, scopeCovers } from './actor.js';
import {
  clearAccountFailures,
  countAccountFailure,
  countLoginFailure,
  deleteExpiredSessions,
  deleteLoginFailures,
  deleteSession,
  insertSession,
  selectLiveSession,
  selectLiveToken,
  selectLoginFailures,
  selectUserByName,
  touchToken,
  type UserRow,
} from './auth.repo.js';
import { decoyHash, randomSecret, sha256, verifyPassword } from './secrets.js';

export const SESSION_HOURS = 12;
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const ADDRESS_ATTEMPTS = 30;
const ADDRESS_WINDOW_MINUTES = 15;

export function actorOfUser(user: UserRow): Actor {
  return {
    kind: 'user',
    id: user.id,
    name: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    scopeCode: user.scopeCode,
    canSeeContacts: user.canSeeContacts,
  };
}

/**
 * Refuses an address with ADDRESS_ATTEMPTS failures in its window. The count is in the database, so
 * every server process of a deployment (amity serve --workers N) shares it.
 */
async function assertAddressAllowed(db: Db, address: string): Promise<void> {
  const counted = await selectLoginFailures(db, address, ADDRESS_WINDOW_MINUTES);
  if (counted && counted.failures >= ADDRESS_ATTEMPTS) {
    const wait = Math.max(1, Math.ceil(counted.secondsLeft / 60));
    throw new AppError('rate_limited', `too many failed sign-ins from this address; try again in ${wait} min`, {
      retryAfterSeconds: wait * 60,
    });
  }
}

/** For tests: forget the per-address counts. */
export async function resetLoginLimits(db: Db): Promise<void> {
  await deleteLoginFailures(db);
}

export type SessionStart = { sessionId: string; csrfToken: string; expiresAt: Date; actor: Actor };

const WRONG = 'wrong username or password';

function lockedError(until: number, now: number): AppError {
  return new AppError(
    'rate_limited',
    `this account is locked after ${LOCK_AFTER_FAILURES} failed sign-ins until ${new Date(until).toISOString()}`,
    {
      retryAfterSeconds: Math.ceil((until - now) / 1000),
      fix: 'wait, or ask an administrator to reset the password',
    },
  );
}

export async function login(args: { db: Db; input: LoginInput; address: string }): Promise<SessionStart> {
  const { db, input, address } = args;
  const now = Date.now();
  await assertAddressAllowed(db, address);
  const user = await selectUserByName(db, input.username);
  if (!user) {
    await verifyPassword(await decoyHash(), input.password);
    await countLoginFailure(db, address, ADDRESS_WINDOW_MINUTES);
    throw new AppError('unauthenticated', WRONG);
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > now) throw lockedError(user.lockedUntil.getTime(), now);
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    await countLoginFailure(db, address, ADDRESS_WINDOW_MINUTES);
    await countAccountFailure(db, user.id, { lockAfter: LOCK_AFTER_FAILURES, lockMinutes: LOCK_MINUTES });
    throw new AppError('unauthenticated', WRONG);
  }
  if (user.disabled) throw new AppError('forbidden', 'this account is disabled', { fix: 'ask an administrator' });
  // The lock was checked before the password; failures that arrived meanwhile may have set it since.
  if (!(await clearAccountFailures(db, user.id))) {
    const lockedUntil = (await selectUserByName(db, user.username))?.lockedUntil;
    throw lockedError(lockedUntil?.getTime() ?? now + LOCK_MINUTES * 60_000, now);
  }
  return startSession(db, user);
}

/** Opens a session for a user who has proved who they are (or the demo user on a demo). */
export async function startSession(db: Db, user: UserRow): Promise<SessionStart> {
  const sessionId = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await deleteExpiredSessions(db);
  await insertSession(db, { idHash: sha256(sessionId), userId: user.id, csrfToken, expiresAt });
  return { sessionId, csrfToken, expiresAt, actor: actorOfUser(user) };
}

export async function logout(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, sha256(sessionId));
}

/** The actor of a session cookie, the CSRF token its changes must carry and its end; undefined when gone. */
export async function resolveSession(
  db: Db,
  sessionId: string,
): Promise<{ actor: Actor; csrfToken: string; expiresAt: Date } | undefined> {
  const found = await selectLiveSession(db, sha256(sessionId));
  if (!found || found.user.disabled) return undefined;
  return { actor: actorOfUser(found.user), csrfToken: found.session.csrfToken, expiresAt: found.session.expiresAt };
}

/**
 * API tokens resolved in the last few seconds, by hash: a script's steady stream of requests costs
 * one lookup per token every TOKEN_KEPT_MS instead of one per request. A change of a token or an
 * account made by this process empties it once committed (forgetResolvedTokens), and a lookup that
 * began before is not kept; a change made by another process (another server process, the command
 * line) is seen within TOKEN_KEPT_MS.
 */
export const TOKEN_KEPT_MS = 5_000;
const TOKENS_KEPT = 10_000;
const resolvedTokens = new Map<string, { actor: Actor; until: number }>();
let tokenEpoch = 0;

/** Called after a change of a token or an account has committed. */
export function forgetResolvedTokens(): void {
  resolvedTokens.clear();
  tokenEpoch += 1;
}

/** The actor of an API token: the token's own role and scope, never more than its owner has now. */
export async function resolveToken(db: Db, token: string): Promise<Actor> {
  const hash = sha256(token);
  const now = Date.now();
  const kept = resolvedTokens.get(hash);
  if (kept && kept.until > now) return kept.actor;
  const epoch = tokenEpoch;
  const actor = await lookUpToken(db, hash);
  if (epoch === tokenEpoch) {
    if (resolvedTokens.size >= TOKENS_KEPT) resolvedTokens.clear();
    resolvedTokens.set(hash, { actor: actor.actor, until: Math.min(now + TOKEN_KEPT_MS, actor.expiresAt) });
  }
  return actor.actor;
}

async function lookUpToken(db: Db, hash: string): Promise<{ actor: Actor; expiresAt: number }> {
  const found = await selectLiveToken(db, hash);
  if (!found || found.user.disabled) {
    throw new AppError('unauthenticated', 'this API token is unknown, revoked or expired', {
      fix: 'create a new token (amity token create, or the account page)',
    });
  }
  const { token: row, user } = found;
  if (!scopeCovers(user.scopeCode, row.scopeCode)) {
    throw new AppError('unauthenticated', `this API token's scope ${row.scopeCode} is no longer inside its owner's`, {
      fix: 'revoke it and create a new token',
    });
  }
  const ownerRole = ROLES.indexOf(user.role as Role);
  const role = ROLES[Math.min(ownerRole, ROLES.indexOf(row.role as Role))] ?? 'viewer';
  // The last use is noted at most once a minute: a busy script should not write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await touchToken(db, row.id);
  return {
    actor: {
      kind: 'token',
      id: user.id,
      tokenId: row.id,
      name: `token:${row.name} (${user.username})`,
      displayName: user.displayName,
      role,
      scopeCode: row.scopeCode,
      canSeeContacts: row.canSeeContacts && user.canSeeContacts,
    },
    expiresAt: row.expiresAt ? row.expiresAt.getTime() : Number.POSITIVE_INFINITY,
  };
}
