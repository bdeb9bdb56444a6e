/** `amity serve --workers N`, run as a person would run it. */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/amity.mjs');

async function amity(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, AMITY_WORKERS: '', ...env },
      timeout: 120_000,
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, out: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}

describe('amity serve --workers on the embedded database', () => {
  it('refuses more than one process, says why and what to do, with exit code 2', async () => {
    // The refusal comes before the database is opened: the directory is never created.
    const db = join(ROOT, 'tmp-never-created', randomBytes(4).toString('hex'));
    const refused = await amity(['--db', db, 'serve', '--workers', '2', '--port', '0'], { DATABASE_URL: '' });
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('--workers 2 needs a PostgreSQL server');
    expect(refused.out).toContain('PGlite');
    expect(refused.out).toContain('lives inside one process');
    expect(refused.out).toContain('DATABASE_URL');
    expect(refused.out).toContain('--workers 1');

    const fromEnv = await amity(['--db', db, 'serve', '--port', '0'], { DATABASE_URL: '', AMITY_WORKERS: '3' });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.out).toContain('AMITY_WORKERS=3 needs a PostgreSQL server');

    const bad = await amity(['--db', db, 'serve', '--workers', 'many'], { DATABASE_URL: '' });
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('--workers many: give a whole number from 1 to 64, or auto');
  });
});

/** The pids of a process's children (the workers of a primary). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(what: string, check: () => boolean, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('amity serve --workers 2 on a PostgreSQL server', () => {
  const name = `amity_serve_${randomBytes(6).toString('hex')}`;
  const server = process.env.TEST_DATABASE_URL;
  // The body is collected even when skipped: without a server there is no address to build.
  const url = server ? Object.assign(new URL(server), { pathname: `/${name}` }).toString() : '';
  let password = '';
  let primary: ChildProcess | undefined;

  async function admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql);
    await client.end();
  }

  beforeAll(async () => {
    await admin(`create database ${name}`);
    // Migrates, loads the reference data, and makes the admin that `amity serve` asks for.
    const added = await amity(['user', 'add', 'root', '--role', 'admin', '--scope', '000000'], { DATABASE_URL: url });
    expect(added.code).toBe(0);
    password = /password: (\S+)/.exec(added.out)?.[1] ?? '';
  }, 120_000);

  afterAll(async () => {
    if (primary?.exitCode === null) primary.kill('SIGKILL');
    await admin(`drop database if exists ${name} with (force)`);
  });

  it('serves from 2 processes, replaces one that dies, and stops them all on SIGTERM with exit code 0', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--workers', '2', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, AMITY_WORKERS: '' },
    });
    primary = child;
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    await until('the banner', () => out.includes('Press Ctrl+C to stop.'));
    expect(out).toContain('2 server processes');
    expect(out.match(/Amity is serving/g)).toHaveLength(1); // printed once, by the primary
    const base = /API: +(http:\/\/\S+)\/api\/partnerships/.exec(out)?.[1];
    expect(base).toBeDefined();
    const primaryPid = child.pid as number;
    const [first, second] = childrenOf(primaryPid);
    expect(childrenOf(primaryPid)).toHaveLength(2);

    // Every answer needs the database: each worker has a pool of its own on the migrated database.
    const signIn = async () =>
      (
        await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'root', password }),
        })
      ).status;
    for (let i = 0; i < 4; i++) expect(await signIn()).toBe(200);

    // One worker dies: the other answers meanwhile, and the primary starts another.
    process.kill(first as number, 'SIGKILL');
    await until('the first death to be logged', () => out.includes(`server process ${first} stopped (signal SIGKILL)`));
    expect(await signIn()).toBe(200);
    await until('a replacement', () => /server process \d+ started/.test(out));
    const replacement = Number(/server process (\d+) started/.exec(out)?.[1]);
    expect([first, second]).not.toContain(replacement);
    expect(childrenOf(primaryPid).sort()).toEqual([second, replacement].sort());

    // The other one dies too: the answers now come from the replacement.
    process.kill(second as number, 'SIGKILL');
    await until('the second death to be logged', () =>
      out.includes(`server process ${second} stopped (signal SIGKILL)`),
    );
    for (let i = 0; i < 3; i++) expect(await signIn()).toBe(200);

    const workers = childrenOf(primaryPid);
    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    for (const pid of [replacement, ...workers]) expect(isAlive(pid)).toBe(false);
  }, 180_000);
});
