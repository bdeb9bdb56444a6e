/**
 * What a deployment publishes as open data. A scope (a division, or 000000 for the whole registry)
 * may say whether the pairs of it and of everything under it are public; a pair's own flag
 * (partnerships.is_public) overrides it; the nearest scope with a setting decides; none: withheld.
 * Reading a setting needs the scope, changing it the admin role there. Every change is audited.
 */

import { NATIONAL_CODE } from '../../shared/enums.js';
import type { OpenScopePut } from '../../shared/schemas/open.js';
import type { OpenScopeView } from '../../shared/schemas/open-view.js';
import { type Actor, assertCanAdmin, assertCanRead } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { partnerships } from '../db/schema.js';
import { subtreeWhere } from '../db/subtree.js';
import { resolveScope } from '../places/scope.js';
import { deleteScopeSetting, putScopeSetting, type ScopeSettingStore } from '../places/scope-setting.js';
import { scopesAbove } from '../rules/rules.js';
import {
  countPublication,
  deleteOpenScopeIfVersion,
  insertOpenScope,
  type OpenScopeRow,
  selectOpenScopes,
  updateOpenScopeIfVersion,
} from './publication.repo.js';

/** The scopes from `code` up to the nation, nearest first. */
export function openChainOf(code: string): string[] {
  const scope = resolveScope(code, 'scope');
  return scope.division ? scopesAbove(scope.division) : [NATIONAL_CODE];
}

function presentOwn(row: OpenScopeRow): NonNullable<OpenScopeView['own']> {
  return { isPublic: row.isPublic, version: row.version, updatedAt: row.updatedAt.toISOString() };
}

/** A scope's own setting, the one in force and where it comes from, and how many pairs it publishes. */
export async function getOpenScope({
  db,
  actor,
  scope,
}: {
  db: DbOrTx;
  actor: Actor;
  scope: string;
}): Promise<OpenScopeView> {
  assertCanRead(actor, scope);
  const chain = openChainOf(scope);
  const rows = new Map((await selectOpenScopes(db, chain)).map((r) => [r.cnCode, r]));
  const from = chain.find((code) => rows.has(code));
  const resolved = resolveScope(scope);
  const counts = await countPublication(db, subtreeWhere(partnerships, resolved.subtree));
  const own = rows.get(scope);
  return {
    scopeCode: scope,
    own: own ? presentOwn(own) : null,
    /** Whether a pair of this scope without its own flag is published. */
    isPublic: from ? (rows.get(from)?.isPublic ?? false) : false,
    /** The scope whose setting is in force; null when none has one and pairs are withheld. */
    effectiveFrom: from ?? null,
    chain: chain.map((code) => {
      const row = rows.get(code);
      return { scopeCode: code, own: row ? presentOwn(row) : null };
    }),
    counts,
  };
}

const OPEN_SCOPES: ScopeSettingStore<OpenScopeRow, boolean> = {
  entity: 'open_scope',
  what: 'open-data setting of',
  read: async (db, scope) => (await selectOpenScopes(db, [scope]))[0],
  insert: insertOpenScope,
  update: updateOpenScopeIfVersion,
  remove: deleteOpenScopeIfVersion,
};

/** Sets a scope's setting: version omitted creates it, the current version replaces it. */
export async function putOpenScope({
  db,
  actor,
  scope,
  input,
}: {
  db: Db;
  actor: Actor;
  scope: string;
  input: OpenScopePut;
}): Promise<OpenScopeView> {
  openChainOf(scope);
  assertCanAdmin(actor, scope);
  await putScopeSetting(db, actor, OPEN_SCOPES, scope, input.version, input.isPublic);
  return getOpenScope({ db, actor, scope });
}

/** Removes a scope's own setting: its pairs follow the scopes above again. */
export async function deleteOpenScope({
  db,
  actor,
  scope,
  version,
}: {
  db: Db;
  actor: Actor;
  scope: string;
  version: number;
}) {
  openChainOf(scope);
  assertCanAdmin(actor, scope);
  await deleteScopeSetting(db, actor, OPEN_SCOPES, scope, version);
}
