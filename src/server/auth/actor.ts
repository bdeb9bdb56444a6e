/**
 * Who is asking, and what they may do. Every service function takes an `actor` and checks it against
 * the record's division before it reads or writes anything; routes only pass it along.
 *
 * Roles nest: admin ⊃ editor ⊃ viewer. A scope is a GB/T 2260 code and covers its subtree: 430000
 * covers every division of Hunan, 430100 covers Changsha and its counties, 430102 only itself, and
 * 000000 the whole country. Contacts (personal data) need `canSeeContacts` on top of the role.
 */
import { NATIONAL_CODE } from '../../shared/enums.js';
import { AppError } from '../../shared/errors.js';
import { getReferenceCache } from '../places/reference-cache.js';

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Actor = {
  /** user: signed in with a session; token: an API token; system: the CLI, the demo loader, tests of services; anonymous: public read */
  kind: 'user' | 'token' | 'system' | 'anonymous';
  /** The user's id (for a token, its owner's); null for system and anonymous. */
  id: number | null;
  /** Shown in the audit trail: the username, `token:name (username)`, or `system:<what>`. */
  name: string;
  /** The person's name as they gave it, for the screen. */
  displayName?: string;
  role: Role;
  scopeCode: string;
  canSeeContacts: boolean;
  /** The API token in use, if any. */
  tokenId?: number;
};

/** The actor of the command line and of start-up jobs: everything, everywhere. */
export function systemActor(what: string): Actor {
  return {
    kind: 'system',
    id: null,
    name: `system:${what}`,
    role: 'admin',
    scopeCode: NATIONAL_CODE,
    canSeeContacts: true,
  };
}

/** A visitor of a deployment opened with AMITY_PUBLIC_READ=1: reads the registry, never contacts or the audit trail. */
export const ANONYMOUS_READER: Actor = {
  kind: 'anonymous',
  id: null,
  name: 'anonymous',
  role: 'viewer',
  scopeCode: NATIONAL_CODE,
  canSeeContacts: false,
};

export function roleAtLeast(actor: Actor, role: Role): boolean {
  return ROLES.indexOf(actor.role) >= ROLES.indexOf(role);
}

/** The province and prefecture codes above a division (from the reference data), itself included. */
function ancestry(code: string): string[] {
  const division = getReferenceCache().divisions.get(code);
  if (!division) return [code];
  return [division.provinceCode, division.prefectureCode, division.code].filter((c): c is string => !!c);
}

/** Does `scopeCode` cover the division `code` (itself or a division below it)? */
export function scopeCovers(scopeCode: string, code: string): boolean {
  if (scopeCode === NATIONAL_CODE) return true;
  return ancestry(code).includes(scopeCode);
}

function forbidden(actor: Actor, message: string, fix: string): AppError {
  return new AppError('forbidden', message, { actor: actor.name, role: actor.role, scope: actor.scopeCode, fix });
}

/** Anonymous visitors of a public deployment only read the registry: anything else asks them to sign in. */
export function assertSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated', 'sign in first: visitors who are not signed in only read the registry', {
      fix: 'sign in, or send an API token as Authorization: Bearer <token>',
    });
  }
}

/** Signed-in (or public-read) actors may read what lies in their scope. */
export function assertCanRead(actor: Actor, code: string): void {
  if (!scopeCovers(actor.scopeCode, code)) {
    throw forbidden(
      actor,
      `${code} is outside your scope ${actor.scopeCode}`,
      'ask an administrator of that division for access',
    );
  }
}

/** Editors and admins may change records in their scope. */
export function assertCanWrite(actor: Actor, code: string): void {
  assertSignedIn(actor);
  if (!roleAtLeast(actor, 'editor')) {
    throw forbidden(actor, `the ${actor.role} role only reads`, 'ask an administrator for the editor role');
  }
  assertCanRead(actor, code);
}

/** Admins manage accounts and office-wide settings in their scope. */
export function assertCanAdmin(actor: Actor, code: string): void {
  assertSignedIn(actor);
  if (!roleAtLeast(actor, 'admin')) {
    throw forbidden(actor, `this needs the admin role; you are ${actor.role}`, 'ask an administrator');
  }
  assertCanRead(actor, code);
}

/** Contacts are personal data: the permission is needed on top of the scope. */
export function assertCanSeeContacts(actor: Actor, code: string): void {
  assertSignedIn(actor);
  if (!actor.canSeeContacts) {
    throw forbidden(
      actor,
      'contacts are personal data and you are not allowed to see them',
      'ask an administrator for the contacts permission',
    );
  }
  assertCanRead(actor, code);
}

/**
 * The scope a list or a figure is computed for: the one asked for, which must lie inside the
 * actor's, or else the actor's own.
 */
export function effectiveScope(actor: Actor, requested: string | undefined): string {
  if (requested === undefined || requested === '') return actor.scopeCode;
  assertCanRead(actor, requested);
  return requested;
}
