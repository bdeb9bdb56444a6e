import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, RULE_CODES } from '../../shared/enums.js';
import type { OfficeRules } from '../../shared/schemas/rules.js';
import { systemActor } from '../auth/actor.js';
import { officeRules } from '../db/schema.js';
import { buildApp, buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { createActivity } from './activity.service.js';

const handle = await createTestDb();
const app = buildApp(handle);
const actor = systemActor('test');

type Listed = { data: { id: number; flags: { rule: string }[] }[]; total: number };

/** Flags are computed in code for each record and in SQL for lists: both must agree for any rules. */
describe('activity flags: the record and the flagged lists agree', () => {
  it('for random rules at random scopes and random activities', async () => {
    const partnerships = [
      await buildPartnership(handle, { cnCode: '430100', establishedOn: '2013-06' }),
      await buildPartnership(handle, { cnCode: '430102', establishedOn: '2010' }),
      await buildPartnership(handle, { cnCode: '430600', establishedOn: '2001-09-12' }),
      await buildPartnership(handle, { cnCode: '110000', establishedOn: undefined }),
    ];
    const activityArb = fc.record({
      p: fc.integer({ min: 0, max: partnerships.length - 1 }),
      type: fc.constantFrom(...ACTIVITY_TYPES),
      year: fc.integer({ min: 1999, max: 2025 }),
      participants: fc.option(fc.integer({ min: 1, max: 30 })),
      days: fc.option(fc.integer({ min: 1, max: 20 })),
      approvalRef: fc.option(fc.constantFrom('批件 1 号', 'A-2')),
      anniversary: fc.boolean(),
    });
    for (const a of fc.sample(activityArb, { numRuns: 60, seed: 42 })) {
      const p = partnerships[a.p];
      if (!p) throw new Error('no partnership');
      await createActivity({
        db: handle.db,
        actor,
        input: {
          partnershipId: p.id,
          type: a.type,
          occurredOn: `${a.year}-03-15`,
          titleEn: 'Random',
          participants: a.participants,
          days: a.days,
          approvalRef: a.approvalRef,
          anniversary: a.anniversary,
        },
      });
    }
    const rulesArb: fc.Arbitrary<OfficeRules> = fc.record({
      maxDelegationSize: fc.option(fc.integer({ min: 1, max: 25 })),
      maxDelegationDays: fc.option(fc.integer({ min: 1, max: 15 })),
      approvalRequired: fc.boolean(),
      delegationTypes: fc.constantFrom(['delegation_out'], ['delegation_in'], ['delegation_out', 'delegation_in']),
      anniversaryEveryYears: fc.option(fc.integer({ min: 1, max: 12 })),
    }) as fc.Arbitrary<OfficeRules>;
    const scopesArb = fc.subarray(['000000', '430000', '430100', '430102', '110000']);

    let seen = 0;
    await fc.assert(
      fc.asyncProperty(scopesArb, fc.array(rulesArb, { minLength: 5, maxLength: 5 }), async (scopes, rules) => {
        await handle.db.delete(officeRules);
        for (const [i, scopeCode] of scopes.entries()) {
          await handle.db.insert(officeRules).values({ scopeCode, settings: { ...rules[i] } });
        }
        const all = (await (await app.request('/api/activities?perPage=500')).json()) as Listed;
        const flaggedIds = (flags: (f: { rule: string }) => boolean) =>
          all.data
            .filter((a) => a.flags.some(flags))
            .map((a) => a.id)
            .sort((x, y) => x - y);
        const idsOf = async (query: string) =>
          ((await (await app.request(`/api/activities?perPage=500&${query}`)).json()) as Listed).data
            .map((a) => a.id)
            .sort((x, y) => x - y);
        seen += flaggedIds(() => true).length;
        expect(await idsOf('flagged=true')).toEqual(flaggedIds(() => true));
        const clean = all.data.filter((a) => a.flags.length === 0).map((a) => a.id);
        expect(await idsOf('flagged=false')).toEqual(clean.sort((x, y) => x - y));
        for (const rule of RULE_CODES) {
          expect(await idsOf(`rule=${rule}`), rule).toEqual(flaggedIds((f) => f.rule === rule));
        }
      }),
      { numRuns: 25, seed: 7 },
    );
    // The runs did flag records (the comparison is not between two empty lists).
    expect(seen).toBeGreaterThan(0);
  }, 120_000);
});
