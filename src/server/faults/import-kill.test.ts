/**
 * An import killed with SIGKILL half-way leaves the embedded database as it was: children run
 * `amity import` on copies of one database and are killed after varied delays, then each copy must
 * open cleanly and hold none or all of the file's rows, never a part.
 * PGlite only: on a server, a killed client's transaction is rolled back by the server itself.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { syntheticPartnershipsCsv } from '../../../bench/synthetic.js';
import { createDb } from '../db/client.js';
import { queryRows } from '../db/sql.js';
import { testDriver } from '../testing/test-db.js';

const BIN = fileURLToPath(new URL('../../../bin/amity.mjs', import.meta.url));
const ROWS = 20_000;

type Outcome = { delay: number; signal: NodeJS.Signals | null; code: number | null; writing: boolean };

/** The newest modification time of the write-ahead log: it moves when the database writes. */
function walTime(dir: string): number {
  let newest = 0;
  try {
    for (const name of readdirSync(join(dir, 'pg_wal'))) {
      if (/^[0-9A-F]{24}$/.test(name)) newest = Math.max(newest, statSync(join(dir, 'pg_wal', name)).mtimeMs);
    }
  } catch {}
  return newest;
}

/**
 * Runs `amity import` and kills it `delay` ms after it starts writing rows: the log is written
 * once as the database opens, then continuously by the import, so the first change of the log more
 * than a second after an earlier one marks the import's writes.
 */
function importAndKill(dir: string, file: string, delay: number): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, 'import', file, '--db', dir], { env, stdio: 'ignore' });
    let last = walTime(dir);
    let lastChange = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const poll = setInterval(() => {
      const now = walTime(dir);
      if (now === last) return;
      if (Date.now() - lastChange > 1000 && !timer) {
        clearInterval(poll);
        timer = setTimeout(() => child.kill('SIGKILL'), delay);
      }
      last = now;
      lastChange = Date.now();
    }, 20);
    const deadline = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      clearTimeout(deadline);
      resolve({ delay, signal, code, writing: timer !== undefined });
    });
  });
}

async function countRows(dir: string): Promise<number> {
  const handle = await createDb({ dataDir: dir });
  try {
    // A full read of the table and its indexes: a torn write would fail here or show a partial count.
    const rows = await queryRows<{ n: number }>(
      handle.db,
      sql`select count(*)::int as n from partnerships where id > 0 and cn_code is not null`,
    );
    await handle.db.execute(sql`select count(*) from foreign_places`);
    return Number(rows[0]?.n);
  } finally {
    await handle.close();
  }
}

describe.skipIf(testDriver() !== 'pglite')('an import killed with SIGKILL', () => {
  const root = mkdtempSync(join(tmpdir(), 'amity-kill-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('leaves the database as before, every time', { timeout: 120_000 }, async () => {
    const base = join(root, 'base');
    const seed = await createDb({ dataDir: base, loadDataDir: new Blob([readFileSync(inject('templateDump'))]) });
    await seed.close();
    const file = join(root, 'big.csv');
    writeFileSync(file, syntheticPartnershipsCsv(ROWS));
    // Varied moments of the writing, two children at a time (more only slows each down).
    const rounds = [
      [0, 500],
      [200, 900],
    ].map((pair) => pair.map((d) => d + Math.floor(Math.random() * 200)));
    const outcomes: (Outcome & { count: number })[] = [];
    for (const [r, delays] of rounds.entries()) {
      const dirs = delays.map((_, i) => join(root, `db${r}-${i}`));
      for (const dir of dirs) cpSync(base, dir, { recursive: true });
      const done = await Promise.all(delays.map((delay, i) => importAndKill(dirs[i] as string, file, delay)));
      for (const [i, outcome] of done.entries())
        outcomes.push({ ...outcome, count: await countRows(dirs[i] as string) });
    }
    expect(outcomes.some((o) => o.signal === 'SIGKILL' && o.writing)).toBe(true);
    for (const o of outcomes)
      expect(o.count, JSON.stringify(o)).toBe(o.code === 0 ? ROWS : o.count === ROWS ? ROWS : 0);
  });
});
