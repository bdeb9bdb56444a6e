/**
 * One process at a time on an embedded database, checked with real processes: a child holds a
 * data directory open, and this process (and the `amity` command) are refused at once with its pid;
 * once it has gone — stopped, or killed without a chance to clean up — the directory opens again.
 * The directories start from the tests' template, so that no process spends seconds making one.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDataDir, testDriver } from '../testing/test-db.js';
import { createDb } from './client.js';
import { assertDataDirFree, DatabaseInUseError, LOCK_FILE, lockDataDir } from './data-dir-lock.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const HOLDER = join(ROOT, 'src/server/testing/hold-database.ts');
const BIN = join(ROOT, 'bin/amity.mjs');
const base = mkdtempSync(join(tmpdir(), 'amity-lock-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function hold(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the holder exited with ${code} before opening`)));
    child.stdout?.once('data', () => resolve(child));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

// Embedded databases only, so once: the postgres project would run the same processes again.
describe.runIf(testDriver() === 'pglite')('the lock of an embedded database', () => {
  it('refuses a second process while the first holds it, and lets it in once the first has stopped', async () => {
    const dir = await createTestDataDir(join(base, 'held'));
    const child = await hold(dir);
    const pid = child.pid as number;
    try {
      const holder = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
      expect(holder).toMatchObject({ pid, host: hostname() });
      const refused = await createDb({ dataDir: dir }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DatabaseInUseError);
      expect((refused as Error).message).toContain(`in use by process ${pid}`);
      expect((refused as Error).message).toMatch(/stop that process.*API.*DATABASE_URL/);
      expect(() => assertDataDirFree(dir)).toThrow(DatabaseInUseError);

      const env = { ...process.env };
      delete env.DATABASE_URL;
      const cli = spawnSync(process.execPath, [BIN, '--db', dir, 'figures', '--scope', '430000'], {
        env,
        encoding: 'utf8',
      });
      expect(cli.status).toBe(1);
      expect(cli.stderr).toContain(`amity: the embedded database ${dir} is in use by process ${pid}`);
    } finally {
      const done = exited(child);
      child.kill('SIGTERM');
      expect(await done).toBe(0);
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const handle = await createDb({ dataDir: dir });
    await handle.close();
  });

  it('takes over the lock of a holder that was killed', async () => {
    const dir = await createTestDataDir(join(base, 'killed'));
    const child = await hold(dir);
    const done = exited(child);
    child.kill('SIGKILL');
    await done;
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(child.pid);
    const handle = await createDb({ dataDir: dir });
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await handle.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock whose pid now belongs to another process', () => {
    const dir = join(base, 'reused');
    mkdirSync(dir, { recursive: true });
    // This process's own pid, with a start time it never had: the holder of that pid is gone.
    const stale = { pid: process.pid, startTicks: '1', host: hostname(), command: 'amity serve', since: '2026-01-01' };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(stale));
    const lock = lockDataDir(dir, 'test');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).command).toBe('test');
    lock.release();
  });

  it('refuses a second open within the same process', async () => {
    const dir = await createTestDataDir(join(base, 'twice'));
    const handle = await createDb({ dataDir: dir });
    try {
      await expect(createDb({ dataDir: dir })).rejects.toThrow(`in use by process ${process.pid}`);
    } finally {
      await handle.close();
    }
  });
});
