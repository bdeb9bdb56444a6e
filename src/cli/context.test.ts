/**
 * Commands that only read never make a database: on a missing or empty one they say so, name the
 * demo's database, and exit 1 — run in this process (runAmity), on directories of their own, and
 * once as the real command, in a directory of its own for the default ./.amity/db.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDataDir } from '../server/testing/test-db.js';
import { runAmity } from './testing/run-amity.js';

const BIN = fileURLToPath(new URL('../../bin/amity.mjs', import.meta.url));
const base = mkdtempSync(join(tmpdir(), 'amity-read-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function amity(...args: string[]) {
  return runAmity(args, { env: { DATABASE_URL: '', AMITY_DB: '' } });
}

function spawnAmity(...args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.AMITY_DB;
  return spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', cwd: base });
}

describe('read commands on no database', () => {
  it.each([
    ['figures', '--scope', '430000'],
    ['health', '--scope', '430000'],
    ['export', 'out.csv'],
    ['backup', 'out.jsonl.gz'],
  ])('%s on a missing directory: says so, creates nothing', async (...args) => {
    const dir = join(base, `missing-${args[0]}`);
    const result = await amity('--db', dir, ...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`amity: no database in ${dir} — the demo's database is ./.amity/demo`);
    expect(existsSync(dir)).toBe(false);
  });

  it('the default ./.amity/db, missing, is not created either (the real command)', () => {
    const result = spawnAmity('figures', '--scope', '430000');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no database in ./.amity/db — the demo');
    expect(existsSync(join(base, '.amity'))).toBe(false);
  });

  it('on a database without partnerships: says so; a write command opened it', async () => {
    // From the tests' prepared template (migrated, reference data loaded, no records): creating one
    // from nothing is the 10 s of migrations that shutdown.test.ts's `amity user add` already runs.
    const dir = join(base, 'empty');
    await createTestDataDir(dir);
    expect((await amity('--db', dir, 'migrate')).code).toBe(0);
    const result = await amity('--db', dir, 'figures', '--scope', '430000');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`amity: no partnerships in ${dir}`);
    expect(result.stdout).toBe('');
  });
});
