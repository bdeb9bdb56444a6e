/** Test factories: records built through the real services, with missing parents created. */

import type { UserCreateInput } from '../../shared/schemas/auth.js';
import type { PartnershipCreateInput } from '../../shared/schemas/partnership.js';
import { type Actor, systemActor } from '../auth/actor.js';
import { createActorResolver } from '../auth/auth.middleware.js';
import { createUser } from '../auth/user.service.js';
import type { DbHandle } from '../db/client.js';
import { createApp } from '../http/app.js';
import { ROUTE_MODULES } from '../http/routes.js';
import { createMetrics } from '../ops/metrics.js';
import { createPartnership } from '../partnerships/partnership.service.js';

let counter = 0;

/** A partnership of 长沙市 with a new place in Ghana unless overridden. */
export async function buildPartnership(handle: DbHandle, overrides: Partial<PartnershipCreateInput> = {}) {
  counter += 1;
  const input = {
    cnCode: '430100',
    kind: 'friendship',
    status: 'active',
    establishedOn: '2010-05',
    ...overrides,
  } as PartnershipCreateInput;
  if (input.partner === undefined && input.partnerPlaceId === undefined) {
    input.partner = { countryIso2: 'GH', nameEn: `Testville ${counter}` };
  }
  return createPartnership({ db: handle.db, actor: systemActor('test'), input });
}

/** The app as a national admin with the contacts permission sees it, or as the given actor. */
export function buildApp(handle: DbHandle, actor: Actor | null = systemActor('test')) {
  return createApp({ handle, resolveActor: async () => actor }, ROUTE_MODULES);
}

/** The app as a deployment serves it: sessions, tokens and CSRF checked for real. */
export function buildAuthApp(handle: DbHandle, options: { publicRead?: boolean; demoUsername?: string } = {}) {
  const publicRead = options.publicRead ?? false;
  return createApp(
    {
      handle,
      publicRead,
      demoUsername: options.demoUsername,
      resolveActor: createActorResolver({ publicRead }),
      metrics: createMetrics(handle),
    },
    ROUTE_MODULES,
  );
}

/** Creates a user through the service (as the system) and returns it with its password. */
export async function buildUser(
  handle: DbHandle,
  overrides: Partial<UserCreateInput> & Pick<UserCreateInput, 'role' | 'scopeCode'>,
) {
  counter += 1;
  const input: UserCreateInput = {
    username: `user${counter}`,
    displayName: `User ${counter}`,
    canSeeContacts: false,
    password: 'correct horse battery',
    ...overrides,
  };
  const user = await createUser({ db: handle.db, actor: systemActor('test'), input });
  return { ...user, password: input.password };
}

/** JSON request helper for app.request(). */
export function jsonInit(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}
