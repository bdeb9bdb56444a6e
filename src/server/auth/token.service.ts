/**
 * API tokens for scripts. The plain token is shown once, at creation; the database keeps its SHA-256.
 * A token carries at most its owner's role, scope and contacts permission.
 */
import { AppError, notFound } from '../../shared/errors.js';
import type { TokenCreateInput } from '../../shared/schemas/auth.js';
import type { TokenView } from '../../shared/schemas/auth-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Db } from '../db/client.js';
import { type Actor, assertSignedIn, type Role, roleAtLeast, scopeCovers } from './actor.js';
import { insertToken, markTokenRevoked, selectToken, selectTokensOf, selectUser, type TokenRow } from './auth.repo.js';
import { newApiToken, sha256 } from './secrets.js';
import { forgetResolvedTokens } from './session.service.js';
import { assertKnownScope } from './user.service.js';

export function presentToken(row: TokenRow): TokenView {
  return {
    id: row.id,
    userId: row.userId,
    name: row.name,
    prefix: row.prefix,
    role: row.role as Role, // written from ROLE_VALUES only
    scopeCode: row.scopeCode,
    canSeeContacts: row.canSeeContacts,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Only people (signed in, or the command line on their behalf) create tokens, for themselves. */
function ownerOf(actor: Actor): number {
  assertSignedIn(actor);
  if (actor.kind === 'token')
    throw new AppError('forbidden', 'an API token cannot create or revoke tokens', { fix: 'sign in' });
  if (actor.id === null)
    throw new AppError('forbidden', 'tokens belong to a user', { fix: 'use amity token create --user NAME' });
  return actor.id;
}

export async function createApiToken(args: {
  db: Db;
  actor: Actor;
  input: TokenCreateInput;
}): Promise<{ token: string; view: TokenView }> {
  const { db, actor, input } = args;
  const userId = ownerOf(actor);
  const role = (input.role ?? actor.role) as Role;
  const scopeCode = input.scopeCode ?? actor.scopeCode;
  assertKnownScope(scopeCode);
  if (!roleAtLeast(actor, role))
    throw new AppError('forbidden', `a token cannot have a role (${role}) above yours (${actor.role})`);
  if (!scopeCovers(actor.scopeCode, scopeCode)) {
    throw new AppError('forbidden', `a token's scope must lie inside yours (${actor.scopeCode})`);
  }
  if (input.canSeeContacts && !actor.canSeeContacts) {
    throw new AppError('forbidden', 'a token cannot see contacts when you cannot');
  }
  const token = newApiToken();
  return db.transaction(async (tx) => {
    const row = await insertToken(tx, {
      userId,
      name: input.name,
      prefix: token.slice(0, 12),
      tokenHash: sha256(token),
      role,
      scopeCode,
      canSeeContacts: input.canSeeContacts,
      expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
    });
    await writeAudit(tx, actor, {
      entity: 'api_token',
      entityId: row.id,
      action: 'create',
      cnCode: scopeCode,
      after: presentToken(row),
    });
    return { token, view: presentToken(row) };
  });
}

/** The actor's own tokens. */
export async function listApiTokens(args: { db: Db; actor: Actor }): Promise<TokenView[]> {
  const userId = ownerOf(args.actor);
  return (await selectTokensOf(args.db, userId)).map(presentToken);
}

/** Revokes one of the actor's tokens, or (admins) a token of a user they administer. */
export async function revokeApiToken(args: { db: Db; actor: Actor; id: number }): Promise<TokenView> {
  const { db, actor, id } = args;
  const userId = ownerOf(actor);
  const row = await selectToken(db, id);
  if (!row) throw notFound('API token', id);
  if (row.userId !== userId) {
    const owner = await selectUser(db, row.userId);
    if (!owner || !roleAtLeast(actor, 'admin') || !scopeCovers(actor.scopeCode, owner.scopeCode)) {
      throw new AppError('forbidden', `API token ${id} is not yours`);
    }
  }
  const view = await db.transaction(async (tx) => {
    const revoked = await markTokenRevoked(tx, id);
    if (!revoked) throw new AppError('conflict', `API token ${id} is already revoked`);
    await writeAudit(tx, actor, {
      entity: 'api_token',
      entityId: id,
      action: 'revoke',
      cnCode: revoked.scopeCode,
      before: presentToken(row),
      after: presentToken(revoked),
    });
    return presentToken(revoked);
  });
  forgetResolvedTokens();
  return view;
}
