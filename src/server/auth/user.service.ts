/**
 * Accounts: admins create and change the accounts inside their own scope, never above their own
 * role; nobody can disable or demote the last active admin.
 */
import { NATIONAL_CODE } from '../../shared/enums.js';
import { AppError, notFound, validationFailed } from '../../shared/errors.js';
import type { UserCreateInput, UserUpdateInput } from '../../shared/schemas/auth.js';
import type { CurrentUserView, UserView } from '../../shared/schemas/auth-view.js';
import { writeAudit } from '../audit/audit.repo.js';
import type { Db } from '../db/client.js';
import { staleVersion } from '../db/versioned.js';
import { getReferenceCache, unknownDivisionIssue } from '../places/reference-cache.js';
import { type Actor, assertCanAdmin, ROLES, type Role, roleAtLeast, scopeCovers } from './actor.js';
import {
  countAdmins,
  deleteSessionsOf,
  insertUser,
  selectUser,
  selectUserByName,
  selectUsers,
  type UserRow,
  updateUserIfVersion,
} from './auth.repo.js';
import { hashPassword } from './secrets.js';
import { forgetResolvedTokens } from './session.service.js';

/** The fields of an account that leave the server, listed so that a new column does not leave unseen. */
export function presentUser(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role, // written from ROLE_VALUES only
    scopeCode: row.scopeCode,
    canSeeContacts: row.canSeeContacts,
    disabled: row.disabled,
    version: row.version,
    locked: !!row.lockedUntil && row.lockedUntil.getTime() > Date.now(),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function currentUserOf(actor: Actor): CurrentUserView {
  const username = actor.kind === 'token' ? actor.name.replace(/^token:[^(]*\((.*)\)$/, '$1') : actor.name;
  return {
    id: actor.id,
    username,
    displayName: actor.displayName ?? username,
    role: actor.role,
    scopeCode: actor.scopeCode,
    canSeeContacts: actor.canSeeContacts,
    kind: actor.kind,
  };
}

export function assertKnownScope(scopeCode: string, path = 'scopeCode'): void {
  if (scopeCode === NATIONAL_CODE || getReferenceCache().divisions.has(scopeCode)) return;
  throw validationFailed([
    unknownDivisionIssue(
      path,
      scopeCode,
      'use the code of a province (430000), a city (430100), a county (430102), or 000000 for the whole country',
    ),
  ]);
}

/** The actor may hand out `role` over `scopeCode`: inside their scope, not above their role. */
function assertCanGrant(actor: Actor, role: Role, scopeCode: string, canSeeContacts: boolean): void {
  assertCanAdmin(actor, scopeCode);
  if (!roleAtLeast(actor, role)) {
    throw new AppError('forbidden', `you cannot grant the ${role} role: it is above your own (${actor.role})`);
  }
  if (canSeeContacts && !actor.canSeeContacts) {
    throw new AppError('forbidden', 'you cannot grant the contacts permission: you do not have it yourself');
  }
}

export async function createUser(args: { db: Db; actor: Actor; input: UserCreateInput }): Promise<UserView> {
  const { db, actor, input } = args;
  assertKnownScope(input.scopeCode);
  assertCanGrant(actor, input.role, input.scopeCode, input.canSeeContacts);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if (await selectUserByName(tx, input.username)) {
      throw new AppError('conflict', `the username ${input.username} is taken`, {
        issues: [{ path: 'username', rule: 'duplicate', message: 'taken', fix: 'choose another username' }],
      });
    }
    const row = await insertUser(tx, {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      scopeCode: input.scopeCode,
      canSeeContacts: input.canSeeContacts,
      passwordHash,
    });
    await writeAudit(tx, actor, {
      entity: 'user',
      entityId: row.id,
      action: 'create',
      cnCode: row.scopeCode,
      after: row,
    });
    return presentUser(row);
  });
}

/** Accounts the actor administers: those whose scope lies inside the actor's. */
export async function listUsers(args: { db: Db; actor: Actor }): Promise<UserView[]> {
  const { db, actor } = args;
  assertCanAdmin(actor, actor.scopeCode);
  const rows = await selectUsers(db);
  return rows.filter((u) => scopeCovers(actor.scopeCode, u.scopeCode)).map(presentUser);
}

async function administered(db: Db, actor: Actor, id: number): Promise<UserRow> {
  const row = await selectUser(db, id);
  if (!row) throw notFound('user', id);
  assertCanAdmin(actor, row.scopeCode);
  if (!roleAtLeast(actor, row.role as Role)) {
    throw new AppError('forbidden', `${row.username} has a role above yours`);
  }
  return row;
}

export async function getUser(args: { db: Db; actor: Actor; id: number }): Promise<UserView> {
  return presentUser(await administered(args.db, args.actor, args.id));
}

export async function updateUser(args: {
  db: Db;
  actor: Actor;
  id: number;
  input: UserUpdateInput;
}): Promise<UserView> {
  const { db, actor, id, input } = args;
  const before = await administered(db, actor, id);
  const role = (input.role ?? before.role) as Role;
  const scopeCode = input.scopeCode ?? before.scopeCode;
  const canSeeContacts = input.canSeeContacts ?? before.canSeeContacts;
  if (input.scopeCode) assertKnownScope(input.scopeCode);
  assertCanGrant(actor, role, scopeCode, canSeeContacts && !before.canSeeContacts);
  const view = await db.transaction(async (tx) => {
    const { version, ...patch } = input;
    const after = await updateUserIfVersion(tx, id, version, patch);
    if (!after) throw staleVersion('user', before);
    if (before.role === 'admin' && !before.disabled && (after.role !== 'admin' || after.disabled)) {
      if ((await countAdmins(tx)) === 0) {
        throw new AppError('conflict', 'this is the last active admin: make another admin first');
      }
    }
    // A disabled account, or one whose rights shrank, signs in again.
    if (after.disabled || ROLES.indexOf(role) < ROLES.indexOf(before.role as Role) || scopeCode !== before.scopeCode) {
      await deleteSessionsOf(tx, id);
    }
    await writeAudit(tx, actor, {
      entity: 'user',
      entityId: id,
      action: 'update',
      cnCode: after.scopeCode,
      before,
      after,
    });
    return presentUser(after);
  });
  // Its tokens act with its new rights (or not at all) from the next request on.
  forgetResolvedTokens();
  return view;
}

/** Sets a new password, ends the user's sessions and lifts a lock. */
export async function resetPassword(args: { db: Db; actor: Actor; id: number; password: string }): Promise<UserView> {
  const { db, actor, id } = args;
  const before = await administered(db, actor, id);
  const passwordHash = await hashPassword(args.password);
  return db.transaction(async (tx) => {
    const after = await updateUserIfVersion(tx, id, before.version, {
      passwordHash,
      failedLogins: 0,
      lockedUntil: null,
    });
    if (!after) throw staleVersion('user', before);
    await deleteSessionsOf(tx, id);
    await writeAudit(tx, actor, { entity: 'user', entityId: id, action: 'password', cnCode: after.scopeCode });
    return presentUser(after);
  });
}

export async function findUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  return selectUserByName(db, username.trim().toLowerCase());
}
