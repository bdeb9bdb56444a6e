/**
 * Office rules: each scope (a division, or 000000 for national defaults) may set its own; a record
 * follows the nearest scope above its division. Reading needs the scope, changing needs the admin role there.
 */

import { NATIONAL_CODE } from '../../shared/enums.js';
import { DEFAULT_RULES, type OfficeRules, type OfficeRulesPut, OfficeRulesSchema } from '../../shared/schemas/rules.js';
import type { OwnRulesView, RulesView } from '../../shared/schemas/rules-view.js';
import { type Actor, assertCanAdmin, assertCanRead } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { getDivision } from '../places/scope.js';
import { deleteScopeSetting, putScopeSetting, type ScopeSettingStore } from '../places/scope-setting.js';
import { effectiveRules, scopesAbove } from './rules.js';
import {
  deleteRulesIfVersion,
  insertRules,
  type OfficeRulesRow,
  selectRulesRows,
  updateRulesIfVersion,
} from './rules.repo.js';

/** Stored settings, read leniently: a key added later takes its default. */
export function parseSettings(settings: unknown): OfficeRules {
  const parsed = OfficeRulesSchema.safeParse({ ...DEFAULT_RULES, ...(settings as object) });
  return parsed.success ? parsed.data : DEFAULT_RULES;
}

/** The scopes from `code` up to the nation, nearest first; 000000 alone for the nation. */
export function chainOf(code: string): string[] {
  if (code === NATIONAL_CODE) return [NATIONAL_CODE];
  return scopesAbove(getDivision(code, 'scope'));
}

function presentOwn(row: OfficeRulesRow): OwnRulesView {
  return {
    scopeCode: row.scopeCode,
    settings: parseSettings(row.settings),
    isDemo: row.isDemo,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A scope's own rules (if any), the rules in force there and where they come from, and the chain above it. */
export async function getRules({ db, actor, scope }: { db: DbOrTx; actor: Actor; scope: string }): Promise<RulesView> {
  assertCanRead(actor, scope);
  const chain = chainOf(scope);
  const rows = new Map((await selectRulesRows(db, chain)).map((r) => [r.scopeCode, r]));
  const byScope = new Map([...rows].map(([code, row]) => [code, parseSettings(row.settings)]));
  const effective = effectiveRules(chain, byScope, DEFAULT_RULES);
  const own = rows.get(scope);
  return {
    scopeCode: scope,
    own: own ? presentOwn(own) : null,
    effective: effective.rules,
    /** The scope whose rules are in force here; null when none has any and the defaults apply. */
    effectiveFrom: rows.has(effective.scopeCode) ? effective.scopeCode : null,
    defaults: DEFAULT_RULES,
    chain: chain.map((code) => {
      const row = rows.get(code);
      return { scopeCode: code, own: row ? presentOwn(row) : null };
    }),
  };
}

const OFFICE_RULES: ScopeSettingStore<OfficeRulesRow, { settings: unknown; isDemo: boolean }> = {
  entity: 'office_rules',
  what: 'rules setting of',
  read: async (db, scope) => (await selectRulesRows(db, [scope]))[0],
  insert: (db, scope, { settings, isDemo }) => insertRules(db, scope, settings, isDemo),
  update: (db, scope, version, { settings }) => updateRulesIfVersion(db, scope, version, settings),
  remove: deleteRulesIfVersion,
};

/** Sets a scope's rules: version omitted creates them, the current version replaces them. */
export async function putRules({
  db,
  actor,
  scope,
  input,
  isDemo = false,
}: {
  db: Db;
  actor: Actor;
  scope: string;
  input: OfficeRulesPut;
  isDemo?: boolean;
}): Promise<RulesView> {
  assertCanAdmin(actor, scope);
  chainOf(scope);
  await putScopeSetting(db, actor, OFFICE_RULES, scope, input.version, { settings: input.settings, isDemo });
  return getRules({ db, actor, scope });
}

/** Removes a scope's own rules: the scope follows the rules above it again. */
export async function deleteRules({
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
  assertCanAdmin(actor, scope);
  await deleteScopeSetting(db, actor, OFFICE_RULES, scope, version);
}

/** The rules in force for each of the given partnerships' divisions, by partnership id. */
export async function rulesOfPartnerships(
  db: DbOrTx,
  partnerships: readonly { id: number; cnCode: string; prefectureCode: string | null; provinceCode: string }[],
): Promise<Map<number, { scopeCode: string; rules: OfficeRules }>> {
  const chains = new Map(partnerships.map((p) => [p.id, scopesAbove({ ...p, code: p.cnCode })]));
  const codes = [...new Set([...chains.values()].flat())];
  const rows = await selectRulesRows(db, codes);
  const byScope = new Map(rows.map((r) => [r.scopeCode, parseSettings(r.settings)]));
  return new Map([...chains].map(([id, chain]) => [id, effectiveRules(chain, byScope, DEFAULT_RULES)]));
}
