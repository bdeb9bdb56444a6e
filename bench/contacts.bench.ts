/**
 * `npx tsx bench/contacts.bench.ts [--contacts N] [--runs N]`: the contact lists at an office's
 * largest plausible size on embedded PGlite. Makes N synthetic contacts of Hunan (default 20,000)
 * with two posts and five touches each, then prints the median time of a list page, a search, the
 * not-contacted list (its last contact is computed per contact) and "who held a post on a day".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { systemActor } from '../src/server/auth/actor.js';
import { findPostHolders, listContacts, listSilentContacts } from '../src/server/contacts/contact-list.service.js';
import { openDatabase } from '../src/server/db/open.js';

const { values: args } = parseArgs({
  options: { contacts: { type: 'string', default: '20000' }, runs: { type: 'string', default: '11' } },
});
const N = Number(args.contacts);
const RUNS = Number(args.runs);

async function median(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const dir = mkdtempSync(join(tmpdir(), 'amity-contacts-bench-'));
const handle = await openDatabase({ dataDir: dir });
try {
  const { db } = handle;
  const start = performance.now();
  // Synthetic rows straight in SQL: the bench measures reading, not the service's checks.
  await db.execute(sql`
    insert into contacts (cn_code, province_code, prefecture_code, category, name_en, organisation, search, sort_key, is_demo)
    select case when i % 3 = 0 then '430000' else '430100' end, '430000',
           case when i % 3 = 0 then null else '430100' end,
           (array['partner_official','overseas_chinese','international_friend','expert','other'])[1 + i % 5],
           'Synthetic Person ' || i, 'Synthetic office ' || (i % 500),
           'synthetic person ' || i || ' | synthetic office ' || (i % 500), 'synthetic person ' || lpad(i::text, 6, '0'), true
    from generate_series(1, ${N}) as i`);
  await db.execute(sql`
    insert into contact_roles (contact_id, organisation, post, from_on, from_precision, to_on, to_precision, to_end, search)
    select id, 'Synthetic office ' || (id % 500), p.post, p.from_on, 'day', p.to_on, case when p.to_on is null then null else 'day' end, p.to_on,
           'synthetic office ' || (id % 500) || ' | ' || lower(p.post)
    from contacts,
      lateral (values ('Deputy', date '2010-01-01' + (id % 3000), date '2016-01-01' + (id % 1000)),
                      ('Head', date '2016-01-02' + (id % 1000), null::date)) as p(post, from_on, to_on)`);
  await db.execute(sql`
    insert into contact_touches (contact_id, touched_on, channel, is_demo)
    select id, date '2026-01-01' - ((id * 37 + k * 101) % 2500), 'call', true
    from contacts, generate_series(1, 5) as k`);
  await db.execute(sql`analyze`);
  const loaded = performance.now() - start;
  const actor = systemActor('bench');
  const page = { page: 1, perPage: 50 };
  const list = await median(() => listContacts({ db, actor, query: { cn: '430000', ...page } }));
  const search = await median(() => listContacts({ db, actor, query: { cn: '430000', q: 'office 42', ...page } }));
  let silentTotal = 0;
  const silent = await median(async () => {
    const r = await listSilentContacts({ db, actor, query: { cn: '430000', months: 12, asOf: '2026-01-01', ...page } });
    silentTotal = r.total;
  });
  let holdersFound = 0;
  const holders = await median(async () => {
    const r = await findPostHolders({ db, actor, query: { cn: '430000', post: 'office 42 head', at: '2020-06-01' } });
    holdersFound = r.data.length;
  });
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  console.log(`contacts on PGlite: ${N} contacts, ${2 * N} posts, ${5 * N} touches (loaded in ${ms(loaded)})`);
  console.log(`  list page (50, name order, last contact each): ${ms(list)}`);
  console.log(`  search "office 42":                            ${ms(search)}`);
  console.log(`  not contacted for 12 months (${silentTotal} found):   ${ms(silent)}`);
  console.log(`  who held "office 42 head" on 2020-06-01 (${holdersFound}): ${ms(holders)}`);
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
