/**
 * What the sign-in, account and API-token endpoints send back. The server's presenters are typed by
 * these schemas, the OpenAPI document is written from them and the web app reads its types from them.
 */
import { z } from 'zod';
import { ROLE_VALUES } from './auth.js';
import { oneOf } from './view-fields.js';

/** The signed-in person (or token, or the command line) as the web app sees them. */
export const CurrentUserSchema = z
  .object({
    id: z.number().int().nullable(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLE_VALUES),
    scopeCode: z.string(),
    canSeeContacts: z.boolean(),
    kind: z.enum(['user', 'token', 'anonymous', 'system']),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUserView = z.infer<typeof CurrentUserSchema>;

export const SessionSchema = z
  .object({
    user: CurrentUserSchema,
    csrfToken: z.string().nullable().describe('Send it back as X-CSRF-Token with every change'),
    expiresAt: z.string().nullable(),
    demo: z.boolean().describe('Signed in automatically as the demo administrator'),
  })
  .meta({ id: 'Session' });
export type SessionView = z.infer<typeof SessionSchema>;

/** Who is signed in, as /api/auth/me answers: nobody is an answer, not an error. */
export const MeSchema = z
  .object({
    user: CurrentUserSchema.nullable().describe('null when nobody is signed in'),
    csrfToken: z.string().nullable(),
    expiresAt: z.string().nullable(),
    demo: z.boolean(),
    demoSignIn: z.boolean().describe('Nobody is signed in and this deployment offers the demo sign-in'),
  })
  .meta({ id: 'Me' });
export type MeView = z.infer<typeof MeSchema>;

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: oneOf(ROLE_VALUES),
    scopeCode: z.string(),
    canSeeContacts: z.boolean(),
    disabled: z.boolean(),
    locked: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof UserSchema>;

export const TokenSchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    role: oneOf(ROLE_VALUES),
    scopeCode: z.string(),
    canSeeContacts: z.boolean(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ApiToken' });
export type TokenView = z.infer<typeof TokenSchema>;

/** A new token: the only answer that carries the token itself (it has no name in the document). */
export const TokenCreatedSchema = z.object({ token: z.string(), info: TokenSchema });
export type TokenCreatedView = z.infer<typeof TokenCreatedSchema>;
