/** Test factories: records built through the real services, with missing parents created. */

import type { PartnershipCreateInput } from '../../shared/schemas/partnership.js';
import { type Actor, systemActor } from '../auth/actor.js';
import type { DbHandle } from '../db/client.js';
import { createApp } from '../http/app.js';
import { ROUTE_MODULES } from '../http/routes.js';
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

/** JSON request helper for app.request(). */
export function jsonInit(method: string, body?: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}
