import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FiguresQuery } from '../../shared/schemas/figures.js';
import { systemActor } from '../auth/actor.js';
import { countries, countryGroupMembers, foreignPlaces, partnerships } from '../db/schema.js';
import { createTestDb } from '../testing/test-db.js';
import { clearRegistry, deleteGroup, insertBenchmarks, insertGroup, insertPairs } from './figure.fixtures.js';
import { getFigures } from './figure.service.js';
import { readFiguresGeneration } from './figure-cache.js';

const handle = await createTestDb();
const db = handle.db;
const actor = systemActor('test');

async function generationAfter(change: () => Promise<unknown>): Promise<'raised' | 'kept'> {
  const before = Number(await readFiguresGeneration(db));
  await change();
  const after = Number(await readFiguresGeneration(db));
  expect(after).toBeGreaterThanOrEqual(before);
  return after > before ? 'raised' : 'kept';
}

/** The figures as a fresh computation gives them: a transaction keeps nothing beyond itself. */
const fresh = (query: FiguresQuery) => db.transaction((tx) => getFigures({ db: tx, actor, query }));

let ids: number[] = [];
beforeEach(async () => {
  await clearRegistry(db);
  ids = await insertPairs(db, [
    { cnCode: '430100', country: 'JP', establishedOn: '2001-05-01' },
    { cnCode: '430100', country: 'US', establishedOn: '2019' },
    { cnCode: '430000', country: 'GH', establishedOn: '2010-03' },
    { cnCode: '440100', country: 'FR', establishedOn: '1995' },
  ]);
});

describe('the figures generation', () => {
  it('is kept by edits no figure reads: notes, source, version', async () => {
    const id = ids[0] as number;
    expect(
      await generationAfter(() =>
        db
          .update(partnerships)
          .set({ notes: 'met the mayor', sourceUrl: 'https://example.org', version: sql`version + 1` })
          .where(eq(partnerships.id, id)),
      ),
    ).toBe('kept');
  });

  it('is raised by every change a figure can see', async () => {
    const id = ids[0] as number;
    const on = (set: Partial<typeof partnerships.$inferInsert>) => () =>
      db.update(partnerships).set(set).where(eq(partnerships.id, id));
    expect(await generationAfter(on({ status: 'dormant' }))).toBe('raised');
    expect(await generationAfter(on({ endedOn: '2020-01-01' }))).toBe('raised');
    expect(await generationAfter(on({ establishedOn: '1999-01-01' }))).toBe('raised');
    expect(await generationAfter(on({ kind: 'exchange' }))).toBe('raised');
    expect(await generationAfter(on({ stage: 'proposed' }))).toBe('raised');
    expect(await generationAfter(() => insertPairs(db, [{ cnCode: '430100', country: 'KR' }]))).toBe('raised');
    expect(await generationAfter(() => db.delete(partnerships).where(eq(partnerships.id, id)))).toBe('raised');
    expect(
      await generationAfter(() => insertBenchmarks(db, [{ scopeCode: '440000', total: 99, asOf: '2024-01-01' }])),
    ).toBe('raised');
    expect(await generationAfter(() => insertGroup(db, 'test_group', [{ iso2: 'JP', joinedOn: null }]))).toBe('raised');
    expect(
      await generationAfter(() =>
        db
          .update(countryGroupMembers)
          .set({ joinedOn: '2020-01-01' })
          .where(eq(countryGroupMembers.groupCode, 'test_group')),
      ),
    ).toBe('raised');
    expect(await generationAfter(() => deleteGroup(db, 'test_group'))).toBe('raised');
    expect(
      await generationAfter(() => db.update(foreignPlaces).set({ nameZh: '某地' }).where(eq(foreignPlaces.id, -1))),
    ).toBe('raised');
    expect(
      await generationAfter(() => db.update(countries).set({ continent: 'asia' }).where(eq(countries.iso2, 'JP'))),
    ).toBe('raised');
  });

  it('is not raised by a change that was rolled back', async () => {
    expect(
      await generationAfter(() =>
        db
          .transaction(async (tx) => {
            await tx
              .update(partnerships)
              .set({ status: 'ended' })
              .where(eq(partnerships.id, ids[0] as number));
            throw new Error('rolled back');
          })
          .catch(() => {}),
      ),
    ).toBe('kept');
  });
});

describe('cached figures', () => {
  it('equal a fresh computation after any sequence of changes', async () => {
    const queries: FiguresQuery[] = [
      { scope: '000000', kind: 'friendship' },
      { scope: '430000', kind: 'friendship' },
      { scope: '430100', kind: 'friendship', asOf: '2015-06-30' },
      { scope: '430000', kind: 'friendship', since: '2018' },
      { scope: '430000', kind: 'exchange' },
    ];
    const change = fc.oneof(
      fc.record({ op: fc.constant('notes' as const), note: fc.string({ maxLength: 20 }) }),
      fc.record({ op: fc.constant('status' as const), status: fc.constantFrom('active', 'dormant', 'ended') }),
      fc.record({ op: fc.constant('kind' as const), kind: fc.constantFrom('friendship', 'exchange') }),
      fc.record({ op: fc.constant('ended' as const), on: fc.constantFrom(null, '2012-01-01', '2030-01-01') }),
      fc.record({ op: fc.constant('add' as const), cn: fc.constantFrom('430100', '430200', '110000', '440100') }),
      fc.record({ op: fc.constant('remove' as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(change, fc.nat()), { minLength: 1, maxLength: 8 }), async (steps) => {
        for (const [step, pick] of steps) {
          const live = await db.select({ id: partnerships.id }).from(partnerships);
          const id = live[pick % Math.max(1, live.length)]?.id ?? -1;
          const where = eq(partnerships.id, id);
          if (step.op === 'notes') await db.update(partnerships).set({ notes: step.note }).where(where);
          else if (step.op === 'status') await db.update(partnerships).set({ status: step.status }).where(where);
          else if (step.op === 'kind') await db.update(partnerships).set({ kind: step.kind }).where(where);
          else if (step.op === 'ended') await db.update(partnerships).set({ endedOn: step.on }).where(where);
          else if (step.op === 'add')
            await insertPairs(db, [{ cnCode: step.cn, country: 'DE', establishedOn: '2011' }]);
          else await db.delete(partnerships).where(where);
          for (const query of queries) {
            // Twice: the second answer is the kept one.
            await getFigures({ db, actor, query });
            expect(await getFigures({ db, actor, query })).toEqual(await fresh(query));
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('serve a second request without computing it again', async () => {
    const query: FiguresQuery = { scope: '430000', kind: 'friendship' };
    const first = await getFigures({ db, actor, query });
    expect(await getFigures({ db, actor, query })).toBe(first);
    await db
      .update(partnerships)
      .set({ notes: 'only a note' })
      .where(eq(partnerships.id, ids[2] as number));
    expect(await getFigures({ db, actor, query })).toBe(first);
    await db
      .update(partnerships)
      .set({ status: 'ended', endedOn: '2020-01-01' })
      .where(eq(partnerships.id, ids[2] as number));
    const after = await getFigures({ db, actor, query });
    expect(after).not.toBe(first);
    expect(after.total).toBe(first.total - 1);
  });
});
