/**
 * Two hosts on one PostgreSQL database: two `amity serve` processes on their own ports, as two
 * machines behind a proxy would run them. Nothing a request depends on may live in one process
 * only: a session made on A works on B, failed sign-ins spread over both lock the account at 5, an
 * edit on A is in B's figures on the next request, and a token revoked on A is refused by B within
 * the documented bound (TOKEN_KEPT_MS). Separate processes, not two servers in this one: module
 * state (the kept tokens) would be shared and hide exactly what this checks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_AFTER_FAILURES, TOKEN_KEPT_MS } from './auth/session.service.js';
import { buildPartnership, buildUser } from './testing/factories.js';
import { createTestDb, testDriver } from './testing/test-db.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/amity.mjs');
const onServer = testDriver() === 'postgres';
const handle = onServer ? await createTestDb() : undefined;

type Host = { base: string; child: ChildProcess };

async function startHost(url: string): Promise<Host> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, AMITY_WORKERS: '', AMITY_DB_POOL: '4' },
  });
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    out += chunk;
  });
  const deadline = Date.now() + 60_000;
  while (!/API: +http/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`amity serve did not start:\n${out}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = /API: +(http:\/\/\S+)\/api\/partnerships/.exec(out)?.[1] as string;
  return { base, child };
}

async function stopHost(host: Host | undefined): Promise<void> {
  if (!host || host.child.exitCode !== null) return;
  const exited = new Promise((resolve) => host.child.once('exit', resolve));
  host.child.kill('SIGTERM');
  await exited;
}

type Session = { cookie: string; csrf: string };

async function signIn(base: string, username: string, password: string): Promise<Response> {
  return fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ username, password }),
  });
}

async function sessionOf(res: Response): Promise<Session> {
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

function withSession(s: Session, method = 'GET', body?: unknown): RequestInit {
  return {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

const skipped = onServer
  ? ''
  : process.env.TEST_DATABASE_URL
    ? ' (runs in the PostgreSQL project)'
    : ' (skipped: set TEST_DATABASE_URL to a PostgreSQL server; the embedded database is one process)';

describe.skipIf(!onServer)(`two hosts on one PostgreSQL database${skipped}`, () => {
  let a: Host | undefined;
  let b: Host | undefined;
  let editor: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    const h = handle as NonNullable<typeof handle>;
    // `amity serve` asks for an admin to exist; the editor is who signs in.
    await buildUser(h, { role: 'admin', scopeCode: '000000' });
    editor = await buildUser(h, { role: 'editor', scopeCode: '000000' });
    await buildPartnership(h, { cnCode: '430100' });
    [a, b] = await Promise.all([startHost(h.location), startHost(h.location)]);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([stopHost(a), stopHost(b)]);
  });

  it('serves on two ports', () => {
    expect(a?.base).not.toBe(b?.base);
  });

  it('takes a session made on A on B, and a sign-out on B ends it on A', async () => {
    const { base: onA } = a as Host;
    const { base: onB } = b as Host;
    const session = await sessionOf(await signIn(onA, editor.username, editor.password));
    const me = await fetch(`${onB}/api/auth/me`, withSession(session));
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(editor.username);
    expect((await fetch(`${onB}/api/auth/logout`, withSession(session, 'POST'))).status).toBeLessThan(300);
    expect((await fetch(`${onA}/api/partnerships`, withSession(session))).status).toBe(401);
  });

  it('locks the account at 5 failed sign-ins spread over A and B', async () => {
    const h = handle as NonNullable<typeof handle>;
    const target = await buildUser(h, { role: 'viewer', scopeCode: '000000' });
    const hosts = [(a as Host).base, (b as Host).base];
    for (let i = 0; i < LOCK_AFTER_FAILURES - 1; i++) {
      expect((await signIn(hosts[i % 2] as string, target.username, 'wrong password!')).status).toBe(401);
    }
    // Four failures, two on each: the right password still works, and resets the count.
    expect((await signIn(hosts[1] as string, target.username, target.password)).status).toBe(200);
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++) {
      await signIn(hosts[i % 2] as string, target.username, 'wrong password!');
    }
    // The fifth, on A, locked it: B refuses even the right password.
    const refused = await signIn(hosts[1] as string, target.username, target.password);
    expect(refused.status).not.toBe(200);
    expect(JSON.stringify(await refused.json())).toContain(`locked after ${LOCK_AFTER_FAILURES} failed sign-ins`);
  });

  it("puts an edit made on A in B's figures on the next request", async () => {
    const session = await sessionOf(await signIn((a as Host).base, editor.username, editor.password));
    const total = async () =>
      (
        (await (await fetch(`${(b as Host).base}/api/figures?scope=430000`, withSession(session))).json()) as {
          total: number;
        }
      ).total;
    const before = await total();
    expect(await total()).toBe(before); // kept on B now
    const created = await fetch(
      `${(a as Host).base}/api/partnerships`,
      withSession(session, 'POST', {
        cnCode: '430100',
        kind: 'friendship',
        status: 'active',
        establishedOn: '2015',
        partner: { countryIso2: 'KE', nameEn: 'Two Hosts Town' },
      }),
    );
    expect(created.status).toBe(201);
    expect(await total()).toBe(before + 1);
    const { id, version } = (await created.json()) as { id: number; version: number };
    const ended = await fetch(
      `${(a as Host).base}/api/partnerships/${id}?version=${version}`,
      withSession(session, 'DELETE'),
    );
    expect(ended.status).toBeLessThan(300);
    expect(await total()).toBe(before);
  });

  it(`refuses on B a token revoked on A within ${TOKEN_KEPT_MS / 1000} s`, async () => {
    const session = await sessionOf(await signIn((a as Host).base, editor.username, editor.password));
    const made = await fetch(`${(a as Host).base}/api/tokens`, withSession(session, 'POST', { name: 'two hosts' }));
    expect(made.status).toBe(201);
    const { token, info } = (await made.json()) as { token: string; info: { id: number } };
    const onB = () =>
      fetch(`${(b as Host).base}/api/partnerships?perPage=1`, { headers: { authorization: `Bearer ${token}` } });
    expect((await onB()).status).toBe(200); // B keeps it now
    const revoked = await fetch(`${(a as Host).base}/api/tokens/${info.id}`, withSession(session, 'DELETE'));
    expect(revoked.status).toBe(200);
    const at = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - at < TOKEN_KEPT_MS + 2000) {
      status = (await onB()).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(401);
    expect(Date.now() - at).toBeLessThanOrEqual(TOKEN_KEPT_MS + 250);
  });
});
