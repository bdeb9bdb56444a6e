import { Readable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../activities/activity.service.js';
import { systemActor } from '../auth/actor.js';
import type { DbHandle } from '../db/client.js';
import { queryRows } from '../db/sql.js';
import { loadDemo } from '../demo/demo.service.js';
import { exportPartnerships } from '../imports/export.service.js';
import { importData } from '../imports/import.service.js';
import { deletePartnership } from '../partnerships/partnership.service.js';
import { buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { BACKUP_TABLES, EPHEMERAL_TABLES } from './backup.repo.js';
import { backupStream, currentSchemaVersion, restoreBackup } from './backup.service.js';

const source = await createTestDb();
const target = await createTestDb();

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every row of every table, reference tables included, as sorted JSON. */
async function snapshot(handle: DbHandle): Promise<Record<string, string[]>> {
  const tables = await queryRows<{ name: string }>(
    handle.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  const out: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (name === 'gazetteer') continue; // 130,000 reference rows, loaded from the same file on both sides
    const rows = await queryRows<{ j: string }>(
      handle.db,
      // The figures' generation counts the changes a database has seen, not what it holds.
      name === 'meta'
        ? sql`select row_to_json(t)::text as j from meta t where key <> 'figures_generation'`
        : sql`select row_to_json(t)::text as j from ${sql.identifier(name)} t`,
    );
    out[name] = rows.map((r) => r.j).sort();
  }
  return out;
}

const exportAll = (handle: DbHandle) => exportPartnerships({ db: handle.db, filter: {}, format: 'csv' });

let dump: Buffer;
let demoActivities = 0;

beforeAll(async () => {
  const demo = await loadDemo({ db: source.db });
  demoActivities = demo.activities?.activities ?? 0;
  const groups = [
    'group_code,group_name_zh,group_name_en,country,joined_on,source_url',
    'sister_docs,合作文件签署国,Cooperation document signatories,GH,2018-09-03,https://example.org/a',
    'sister_docs,合作文件签署国,Cooperation document signatories,KE,2018-09-04,',
  ].join('\n');
  const report = await importData({ db: source.db, data: Buffer.from(groups), fileName: 'groups.csv', type: 'groups' });
  expect(report.ok).toBe(true);
  const kept = await buildPartnership(source, { notes: 'line\nbreak, "quotes", 中文 and emoji 🤝' });
  const gone = await buildPartnership(source);
  await deletePartnership({ db: source.db, actor: systemActor('test'), id: gone.id, version: gone.version });
  await createActivity({
    db: source.db,
    actor: systemActor('test'),
    input: { partnershipId: kept.id, type: 'visit', occurredOn: '2023-05-10', titleZh: '访问' },
  });
  dump = await collect(backupStream({ db: source.db }));
});

describe('backup and restore', () => {
  it('writes a versioned JSON-lines dump of the office rows only', () => {
    const lines = gunzipSync(dump).toString('utf8').trim().split('\n');
    const header = JSON.parse(lines[0] as string);
    expect(header).toMatchObject({ format: 'amity-backup', version: 1, schema: currentSchemaVersion() });
    const end = JSON.parse(lines[lines.length - 1] as string);
    expect(end.end).toBe(true);
    expect(end.rows.partnerships).toBe(56);
    expect(end.rows.country_groups).toBe(1); // sister_docs; the shipped bri is reference data
    expect(end.rows.activities).toBe(demoActivities + 1);
    expect(end.rows.import_runs).toBeGreaterThan(0);
  });

  it('covers every table: each one is either dumped or reference data (a new table must choose)', async () => {
    const tables = await queryRows<{ name: string }>(
      source.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const reference = ['cn_divisions', 'countries', 'gazetteer', 'meta'];
    const dumped = BACKUP_TABLES.map((t) => t.name);
    expect(tables.map((t) => t.name).sort()).toEqual([...reference, ...EPHEMERAL_TABLES, ...dumped].sort());
  });

  it('restores into a fresh database: the same export and the same rows in every table', async () => {
    const before = await exportAll(source);
    const counts = await restoreBackup({ db: target.db, input: Readable.from(dump) });
    expect(counts.partnerships).toBe(56);
    expect(await exportAll(target)).toBe(before);
    const [a, b] = [await snapshot(source), await snapshot(target)];
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(b[name], name).toEqual(a[name]);
  });

  it('moves every id sequence past the restored rows', async () => {
    const made = await buildPartnership(target);
    const max = await queryRows<{ m: number }>(target.db, sql`select max(id)::int as m from partnerships`);
    expect(made.id).toBe(max[0]?.m);
    for (const table of BACKUP_TABLES.filter((t) => t.serial)) {
      const rows = await queryRows<{ ok: boolean }>(
        target.db,
        sql`select coalesce((select max(id) from ${sql.identifier(table.name)}), 0) <
            (select last_value + (case when is_called then 1 else 0 end) from ${sql.raw(`${table.name}_id_seq`)}) as ok`,
      );
      expect(rows[0]?.ok, table.name).toBe(true);
    }
  });

  it('refuses a database that holds records, and replaces them with force', async () => {
    await expect(restoreBackup({ db: target.db, input: Readable.from(dump) })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('--force'),
    });
    await restoreBackup({ db: target.db, input: Readable.from(dump), force: true });
    expect(await exportAll(target)).toBe(await exportAll(source));
  });

  it('refuses a dump of another schema, a cut file and a file that is not a backup, changing nothing', async () => {
    const before = await exportAll(target);
    const lines = gunzipSync(dump).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] as string);
    const other = gzipSync([JSON.stringify({ ...header, schema: '0099_future' }), ...lines.slice(1)].join('\n'));
    await expect(restoreBackup({ db: target.db, input: Readable.from(other), force: true })).rejects.toThrow(
      /schema 0099_future/,
    );
    const cut = gzipSync(lines.slice(0, 30).join('\n'));
    await expect(restoreBackup({ db: target.db, input: Readable.from(cut), force: true })).rejects.toThrow(/cut short/);
    await expect(
      restoreBackup({ db: target.db, input: Readable.from(Buffer.from('hello')), force: true }),
    ).rejects.toThrow(/not an Amity backup/);
    await expect(
      restoreBackup({ db: target.db, input: Readable.from(gzipSync('{"a":1}\n')), force: true }),
    ).rejects.toThrow(/not an Amity backup/);
    expect(await exportAll(target)).toBe(before);
  });
});
