/** Accounts, sessions, the per-address sign-in failures and API tokens. */
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** People who sign in. A role and a division subtree bound what each may see and change. */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Lower-case login name. */
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    /** admin | editor | viewer */
    role: text('role').notNull(),
    /** GB/T 2260 code of the division subtree the user works in; 000000 for the whole country. */
    scopeCode: text('scope_code').notNull(),
    /** May see contacts (personal data). */
    canSeeContacts: boolean('can_see_contacts').notNull().default(false),
    /** argon2id hash (PHC string). */
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_idx').on(t.username)],
);

/** Browser sessions; the cookie holds a random id whose SHA-256 is stored here. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back in the X-CSRF-Token header on every change. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per client address in its current window (a quarter-hour from the first failure),
 * in the database so that every server process counts the same; a row whose window has passed is
 * started afresh by the next failure or deleted.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    address: text('address').primaryKey(),
    since: timestamp('since', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull(),
  },
  (t) => [index('login_failures_since_idx').on(t.since)],
);

/** API tokens for scripts: hashed at rest, with their own role and scope within the owner's. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the token, shown in lists so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    role: text('role').notNull(),
    scopeCode: text('scope_code').notNull(),
    canSeeContacts: boolean('can_see_contacts').notNull().default(false),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_tokens_hash_idx').on(t.tokenHash), index('api_tokens_user_idx').on(t.userId)],
);
