/**
 * An office's hard rules for suggestions (excluded countries, at most N partners per country, not a
 * place already paired within the province). A division follows the nearest scope at or above it
 * that has a policy, as activity rules do; reading needs the scope, changing it the admin role there.
 */

import { validationFailed } from '../../shared/errors.js';
import {
  DEFAULT_POLICY,
  type MatchPolicy,
  type MatchPolicyPut,
  MatchPolicySchema,
  type MatchPolicyView,
} from '../../shared/schemas/match.js';
import { type Actor, assertCanAdmin, assertCanRead } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { unknownCountryIssue } from '../places/place.service.js';
import { type Division, getReferenceCache } from '../places/reference-cache.js';
import { getDivision } from '../places/scope.js';
import { putScopeSetting, type ScopeSettingStore } from '../places/scope-setting.js';
import { scopesAbove } from '../rules/rules.js';
import { insertPolicy, type PolicyRow, selectPolicies, updatePolicyIfVersion } from './match.repo.js';

/** Stored settings, read leniently: a key added later takes its default. */
const POLICIES: Omit<ScopeSettingStore<PolicyRow, { settings: MatchPolicy; isDemo: boolean }>, 'remove'> = {
  entity: 'match_policy',
  what: 'matchmaking policy of',
  read: async (db, scope) => (await selectPolicies(db, [scope]))[0],
  insert: (db, scope, { settings, isDemo }) => insertPolicy(db, scope, settings, isDemo),
  update: (db, scope, version, { settings }) => updatePolicyIfVersion(db, scope, version, settings),
};

function parsePolicy(settings: unknown): MatchPolicy {
  const parsed = MatchPolicySchema.safeParse({ ...DEFAULT_POLICY, ...(settings as object) });
  return parsed.success ? parsed.data : DEFAULT_POLICY;
}

/** The policy in force for a division and whose it is (null: none, nothing is excluded but the built-in rules). */
export async function effectivePolicy(
  db: DbOrTx,
  division: Division,
): Promise<{ settings: MatchPolicy; scopeCode: string | null }> {
  const chain = scopesAbove(division);
  const rows = new Map((await selectPolicies(db, chain)).map((r) => [r.scopeCode, r]));
  for (const code of chain) {
    const row = rows.get(code);
    if (row) return { settings: parsePolicy(row.settings), scopeCode: code };
  }
  return { settings: DEFAULT_POLICY, scopeCode: null };
}

function presentOwn(row: PolicyRow | undefined): MatchPolicyView['own'] {
  return row
    ? { settings: parsePolicy(row.settings), version: row.version, updatedAt: row.updatedAt.toISOString() }
    : null;
}

export async function getPolicy({
  db,
  actor,
  scope,
}: {
  db: DbOrTx;
  actor: Actor;
  scope: string;
}): Promise<MatchPolicyView> {
  const division = getDivision(scope, 'scope');
  assertCanRead(actor, division.code);
  const [own] = await selectPolicies(db, [division.code]);
  const effective = await effectivePolicy(db, division);
  return {
    scopeCode: division.code,
    own: presentOwn(own),
    effective: effective.settings,
    effectiveFrom: effective.scopeCode,
  };
}

/** Sets a scope's policy: version omitted creates it, the current version replaces it. */
export async function putPolicy({
  db,
  actor,
  scope,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  scope: string;
  input: MatchPolicyPut;
  isDemo?: boolean;
}): Promise<MatchPolicyView> {
  const division = getDivision(scope, 'scope');
  assertCanAdmin(actor, division.code);
  const countries = getReferenceCache().countries;
  const unknown = input.settings.excludedCountries.flatMap((iso2, i) =>
    countries.has(iso2) ? [] : [unknownCountryIssue(`settings.excludedCountries.${i}`, iso2)],
  );
  if (unknown.length) throw validationFailed(unknown);
  const settings = { ...input.settings, excludedCountries: [...new Set(input.settings.excludedCountries)].sort() };
  await putScopeSetting(db, actor, POLICIES, division.code, input.version, { settings, isDemo });
  return getPolicy({ db, actor, scope: division.code });
}
