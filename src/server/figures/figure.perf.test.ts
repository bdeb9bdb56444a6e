/**
 * Timing of the figures at national scale: 100,000 partnerships over every division. Slow to set
 * up, so it runs only when AMITY_PERF=1:
 *   AMITY_PERF=1 npx vitest run src/server/figures/figure.perf.test.ts
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../testing/test-db.js';
import { getFigures, listFigureRecords } from './figure.service.js';

const PAIRS = 100_000;
const PLACES = 20_000;
const BUDGET_MS = 50;

/** Median time of a body; a body that returns a number reports its own time. */
async function median(runs: number, body: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const own = await body();
    times.push(typeof own === 'number' ? own : performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] as number;
}

describe.runIf(process.env.AMITY_PERF === '1')('figures at national scale', () => {
  const handle = createTestDb();

  beforeAll(async () => {
    const { db } = await handle;
    await db.execute(sql`
      insert into foreign_places (country_iso2, name_en, name_key, search, sort_key)
      select c.iso2, 'Place ' || g, 'place' || g, 'place ' || g, 'place ' || g
      from generate_series(1, ${PLACES}) g
      join (select iso2, row_number() over (order by iso2) - 1 as n from countries) c
        on c.n = g % (select count(*) from countries)`);
    // Every division in turn, each with places spread over the countries; dates from 1975 to 2024,
    // one pair in ten an exchange, one in thirty ended.
    await db.execute(sql`
      with divs as (
        select d.code, d.level, row_number() over (order by d.code) - 1 as n,
          case d.level when 'province' then d.code
            when 'prefecture' then d.parent_code
            else coalesce(pp.parent_code, d.parent_code) end as province_code,
          case d.level when 'prefecture' then d.code
            when 'county' then case when pp.level = 'prefecture' then pp.code end end as prefecture_code
        from cn_divisions d left join cn_divisions pp on pp.code = d.parent_code
      ), places as (
        select id, country_iso2, row_number() over (order by id) - 1 as n from foreign_places
      )
      insert into partnerships (cn_code, province_code, prefecture_code, level, foreign_place_id, country_iso2,
        kind, status, established_on, established_precision, ended_on, search, sort_key)
      select d.code, d.province_code, d.prefecture_code,
        case d.level when 'province' then 'provincial' when 'prefecture' then 'city' else 'county' end,
        p.id, p.country_iso2,
        case when g % 10 = 0 then 'exchange' else 'friendship' end,
        case when g % 30 = 0 then 'ended' else 'active' end,
        case when g % 50 = 0 then null else date '1975-01-01' + (g * 37 % 18000) end,
        case when g % 50 = 0 then null else 'day' end,
        case when g % 30 = 0 then date '2015-01-01' + (g % 3000) end,
        'pair ' || g, 'pair ' || g
      from generate_series(1, ${PAIRS}) g
      join divs d on d.n = g % (select count(*) from divs)
      join places p on p.n = (g * 7919) % ${PLACES}`);
    await db.execute(sql`analyze`);
  }, 600_000);

  it(`computes one province's figures within ${BUDGET_MS} ms`, async () => {
    const { db, driver } = await handle;
    const query = { scope: '430000', asOf: '2024-11-28', since: '2018-01-01', kind: 'friendship' as const };
    const figures = await getFigures({ db, query });
    expect(figures.rank?.basis).toBe('registry');
    const figuresMs = await median(21, () => getFigures({ db, query }));
    const prefectureMs = await median(21, () => getFigures({ db, query: { ...query, scope: '430100' } }));
    const recordsMs = await median(21, () =>
      listFigureRecords({ db, query: { ...query, figure: 'byLevel.county', page: 3, perPage: 50 } }),
    );
    const nationalMs = await median(5, () => getFigures({ db, query: { ...query, scope: '000000' } }));
    // Right after a write the province totals behind the rank are counted again.
    const afterWriteMs = await median(11, async () => {
      await db.execute(sql`update partnerships set notes = null where id = 1`);
      const start = performance.now();
      await getFigures({ db, query });
      return performance.now() - start;
    });
    console.log(
      `${driver}: ${PAIRS} pairs, province ${figures.total} pairs — figures ${figuresMs.toFixed(1)} ms ` +
        `(${afterWriteMs.toFixed(1)} ms right after a write), prefecture ${prefectureMs.toFixed(1)} ms, ` +
        `a page of records ${recordsMs.toFixed(1)} ms, national ${nationalMs.toFixed(1)} ms (medians)`,
    );
    expect(figuresMs).toBeLessThanOrEqual(BUDGET_MS);
  });
});
