import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/auth/actor.js';
import { clearRegistry, insertBenchmarks, insertPairs } from '../../server/figures/figure.fixtures.js';
import { getFigures } from '../../server/figures/figure.service.js';
import { createTestDb } from '../../server/testing/test-db.js';
import { CliError } from '../context.js';
import { runFigures } from './figures.js';

const handle = await createTestDb();
const db = handle.db;

beforeAll(async () => {
  await clearRegistry(db);
  await insertPairs(db, [
    { cnCode: '430000', country: 'BB', place: 'Bridgetown', establishedOn: '2023-06' },
    { cnCode: '430100', country: 'CG', place: 'Brazzaville', establishedOn: '1982' },
    { cnCode: '430100', country: 'RU', place: 'Ufa', establishedOn: '2019-03-12' },
    { cnCode: '430181', country: 'JP', place: 'Kirishima', establishedOn: '2019-11' },
  ]);
  await insertBenchmarks(db, [{ scopeCode: '440000', total: 210, asOf: '2024-06', source: 'Guangdong FAO 2024' }]);
});

describe('amity figures', () => {
  it('prints a readable summary', async () => {
    const out = await runFigures(db, { scope: '430000', asOf: '2024-11-28', since: '2018' });
    expect(out.split('\n')).toEqual([
      '湖南省 Hunan (430000)  友好城市 friendship  as of 2024-11-28',
      'total 4  (provincial 1, city 2, county 1)',
      'countries 4  foreign places 4',
      'continents  asia 1, europe 1, africa 1, americas 1, oceania 0',
      'since 2018-01-01  3 new  (one new pair every 27.6 months)',
      'group bri  1 countries, 1 places',
      'rank 2 of 2  (from benchmarks)',
    ]);
  });

  it('prints the exact JSON of the API with --json', async () => {
    const out = await runFigures(db, { scope: '430100', asOf: '2024-11-28', kind: 'friendship', json: true });
    const api = await getFigures({
      db,
      actor: systemActor('test'),
      query: { scope: '430100', asOf: '2024-11-28', kind: 'friendship' },
    });
    expect(JSON.parse(out)).toEqual(api);
  });

  it('lists the records behind a figure', async () => {
    const out = await runFigures(db, { scope: '430000', asOf: '2024-11-28', records: 'byLevel.city' });
    expect(out).toMatch(/^byLevel\.city: 2 records {2}\(page 1 of 1\)\n/);
    expect(out).toContain('长沙市 Changsha — Brazzaville (CG 刚果（布）)  city  1982');
    const rank = await runFigures(db, { scope: '430000', asOf: '2024-11-28', records: 'rank' });
    expect(rank.split('\n')).toEqual([
      'rank: 2 records  (page 1 of 1)',
      '1. 广东省 Guangdong (440000)  210  benchmark of 2024-06: Guangdong FAO 2024',
      '2. 湖南省 Hunan (430000)  4  registry  ←',
    ]);
    const json = JSON.parse(await runFigures(db, { scope: '430000', records: 'total', perPage: '2', json: true }));
    expect(json).toMatchObject({ total: 4, page: 1, perPage: 2 });
  });

  it('fails in one line that names the option', async () => {
    const fail = (options: Parameters<typeof runFigures>[1]) =>
      runFigures(db, options).then(
        () => undefined,
        (e) => e,
      );
    const badDay = await fail({ scope: '430000', asOf: '2023-02-30' });
    expect(badDay).toBeInstanceOf(CliError);
    expect(badDay.message).toBe('--as-of: a real day as YYYY-MM-DD (got 2023-02-30)');
    expect(badDay.exitCode).toBe(2);
    expect((await fail({ scope: '4300', asOf: '2024-01-01' })).message).toMatch(/^--scope: /);
    expect((await fail({ scope: '430000', kind: 'sister' })).message).toMatch(/^--kind: /);
    expect((await fail({ scope: '430000', asOf: '2020-01-01', since: '2021' })).message).toBe(
      '--since: must be on or before asOf (2020-01-01)',
    );
    expect((await fail({ scope: '430000', records: 'byLevel.village' })).message).toMatch(/^--records: /);
    const unknown = await fail({ scope: '999999' });
    expect(unknown).toBeInstanceOf(CliError);
    expect(unknown).toMatchObject({
      message: '--scope: 999999 is not a GB/T 2260 division code known to Amity',
      exitCode: 2,
    });
  });
});
