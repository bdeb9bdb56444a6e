/**
 * `amity serve` stopped with SIGTERM while an import is in flight, as a service manager stops it:
 * it lets the import finish (within AMITY_SHUTDOWN_SECONDS), closes the database and exits 0. On
 * PGlite the import holds the process's one thread, so the signal is handled as it ends; on a
 * PostgreSQL server a request still running at the bound is cut and its transaction rolls back.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPartnershipsCsv } from '../../../bench/synthetic.js';
import { createDb } from '../../server/db/client.js';
import { countPartnerships } from '../../server/imports/import.repo.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../../bin/amity.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'amity-shutdown-'));
const db = join(dir, 'db');
const env = { ...process.env, DATABASE_URL: '', AMITY_WORKERS: '', AMITY_LOG_LEVEL: 'info' };
let token = '';

beforeAll(async () => {
  await run(process.execPath, [BIN, '--db', db, 'user', 'add', 'ops', '--role', 'admin', '--scope', '000000'], { env });
  const { stdout } = await run(process.execPath, [BIN, '--db', db, 'token', 'create', 'ops', '--user', 'ops'], { env });
  token = stdout.match(/^amity_\S+$/m)?.[0] ?? '';
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Served = { child: ChildProcess; url: string; lines: Record<string, unknown>[]; exit: Promise<number | null> };

function serve(extra: NodeJS.ProcessEnv): Promise<Served> {
  const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], {
    env: { ...env, ...extra },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: Record<string, unknown>[] = [];
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const part of parts) {
        if (!part.startsWith('{')) continue;
        const line = JSON.parse(part) as Record<string, unknown>;
        lines.push(line);
        if (line.msg === 'listening') resolve({ child, url: line.url as string, lines, exit });
      }
    });
    void exit.then((code) => reject(new Error(`amity serve exited with ${code} before listening`)));
  });
}

async function rowsHeld(): Promise<number> {
  const handle = await createDb({ dataDir: db });
  try {
    return await countPartnerships(handle.db);
  } finally {
    await handle.close();
  }
}

/** Sends an import of `rows` pairs, and SIGTERM while the server is running it. */
async function importThenStop(served: Served, rows: number, seed: number) {
  const answer = fetch(`${served.url}/api/imports?type=partnerships&fileName=rows.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    body: syntheticPartnershipsCsv(rows, seed),
  }).then(
    async (res) => ({ status: res.status, body: (await res.json()) as { created?: number } }),
    (error: unknown) => ({ status: 0, error }),
  );
  // 20,000 rows take this machine about 5 s: the log line 'shutting down' checks it was in flight.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const signalled = Date.now();
  served.child.kill('SIGTERM');
  return { answer: await answer, code: await served.exit, signalled };
}

describe('amity serve on SIGTERM', () => {
  it('lets the import in flight finish, closes the database and exits 0', async () => {
    const before = await rowsHeld();
    const served = await serve({ AMITY_SHUTDOWN_SECONDS: '120' });
    expect((await fetch(`${served.url}/readyz`)).status).toBe(200);
    const { answer, code, signalled } = await importThenStop(served, 20_000, 1);
    expect(code).toBe(0);
    // The import answered after the signal: it was in flight when SIGTERM came.
    const answered = served.lines.find((l) => l.msg === 'request' && l.route === '/api/imports');
    expect(Date.parse(answered?.time as string)).toBeGreaterThan(signalled);
    expect(served.lines.some((l) => l.msg === 'shutting down')).toBe(true);
    expect(served.lines.at(-1)?.msg).toBe('stopped');
    expect(answer.status).toBe(200);
    expect(await rowsHeld()).toBe(before + 20_000);
  }, 180_000);
});
