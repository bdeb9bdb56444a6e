import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../shared/schemas/match.js';
import { DEFAULT_RULES } from '../../shared/schemas/rules.js';
import { systemActor } from '../auth/actor.js';
import { queryRows } from '../db/sql.js';
import { getPolicy, putPolicy } from '../match/policy.service.js';
import { deleteOpenScope, getOpenScope, putOpenScope } from '../open/publication.service.js';
import { deleteRules, getRules, putRules } from '../rules/rules.service.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const db = handle.db;
const actor = systemActor('test');

type Own = { version: number } | null;
/** One per-scope setting as its service offers it: the value written twice, and its own row read back. */
type Kind = {
  entity: string;
  put(scope: string, version: number | undefined, second: boolean): Promise<unknown>;
  own(scope: string): Promise<Own>;
  remove?(scope: string, version: number): Promise<unknown>;
};

const KINDS: Kind[] = [
  {
    entity: 'office_rules',
    put: (scope, version, second) =>
      putRules({
        db,
        actor,
        scope,
        input: { version, settings: { ...DEFAULT_RULES, maxDelegationSize: second ? 9 : 7 } },
      }),
    own: async (scope) => (await getRules({ db, actor, scope })).own,
    remove: (scope, version) => deleteRules({ db, actor, scope, version }),
  },
  {
    entity: 'open_scope',
    put: (scope, version, second) => putOpenScope({ db, actor, scope, input: { version, isPublic: second } }),
    own: async (scope) => (await getOpenScope({ db, actor, scope })).own,
    remove: (scope, version) => deleteOpenScope({ db, actor, scope, version }),
  },
  {
    entity: 'match_policy',
    put: (scope, version, second) =>
      putPolicy({
        db,
        actor,
        scope,
        input: { version, settings: { ...DEFAULT_POLICY, maxPerCountry: second ? 2 : 3 } },
      }),
    own: async (scope) => (await getPolicy({ db, actor, scope })).own,
  },
];

async function rejection(promise: Promise<unknown>) {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as { code?: string; details?: { currentVersion?: number | null } } | undefined;
  return { code: error?.code, currentVersion: error?.details?.currentVersion };
}

async function trail(entity: string, scope: string) {
  const rows = await queryRows<{ action: string }>(
    db,
    sql`select action from audit_log where entity = ${entity} and entity_id = ${Number(scope)} order by id`,
  );
  return rows.map((r) => r.action);
}

describe.each(KINDS)('a setting kept per scope: $entity', (kind) => {
  const scope = '430100';

  it('is created without a version, replaced only at the version read, and audited each time', async () => {
    expect(await rejection(kind.put(scope, 1, false))).toEqual({ code: 'not_found', currentVersion: undefined });
    await kind.put(scope, undefined, false);
    expect((await kind.own(scope))?.version).toBe(1);
    // Created twice: the second caller is told the version there is, to replace it with.
    expect(await rejection(kind.put(scope, undefined, true))).toEqual({ code: 'conflict', currentVersion: 1 });
    await kind.put(scope, 1, true);
    expect((await kind.own(scope))?.version).toBe(2);
    expect(await rejection(kind.put(scope, 1, false))).toEqual({ code: 'conflict', currentVersion: 2 });
    expect((await kind.own(scope))?.version).toBe(2);
    expect(await trail(kind.entity, scope)).toEqual(['create', 'update']);
  });

  it.runIf(kind.remove)('is removed only at its version, and then is gone', async () => {
    const remove = kind.remove as NonNullable<Kind['remove']>;
    const other = '430200';
    await kind.put(other, undefined, false);
    expect(await rejection(remove(other, 7))).toEqual({ code: 'conflict', currentVersion: 1 });
    expect((await kind.own(other))?.version).toBe(1);
    await remove(other, 1);
    expect(await kind.own(other)).toBeNull();
    expect(await rejection(remove(other, 1))).toEqual({ code: 'not_found', currentVersion: undefined });
    expect(await trail(kind.entity, other)).toEqual(['create', 'delete']);
  });
});
