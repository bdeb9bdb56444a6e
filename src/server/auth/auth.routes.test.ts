import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../db/sql.js';
import { buildAuthApp, buildPartnership, buildUser, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { LOCK_AFTER_FAILURES, resetLoginLimits } from './session.service.js';

const handle = await createTestDb();
const app = buildAuthApp(handle);

type Session = {
  user: { username: string; role: string; scopeCode: string };
  csrfToken: string;
  expiresAt: string | null;
  demo: boolean;
};

async function signIn(username: string, password: string) {
  const res = await app.request('/api/auth/login', jsonInit('POST', { username, password }));
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { res, cookie, body: res.status === 200 ? ((await res.json()) as Session) : undefined };
}

beforeEach(() => resetLoginLimits(handle.db));

describe('signing in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and answers who is signed in', async () => {
    const u = await buildUser(handle, { role: 'editor', scopeCode: '430100' });
    const { res, cookie, body } = await signIn(u.username, u.password);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(body?.user).toMatchObject({ username: u.username, role: 'editor', scopeCode: '430100' });
    const me = await app.request('/api/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    const now = (await me.json()) as Session;
    expect(now.csrfToken).toBe(body?.csrfToken);
    // The session's end, as the sign-in gave it: the web app can tell when it will have to sign in again.
    expect(now.expiresAt).toBe(body?.expiresAt);
    expect(Date.parse(now.expiresAt ?? '')).toBeGreaterThan(Date.now());
    // The database keeps only a hash of the session id.
    const stored = await queryRows<{ id_hash: string }>(handle.db, sql`select id_hash from sessions`);
    expect(stored.some((s) => cookie.includes(s.id_hash))).toBe(false);
  });

  it('answers 401 to a wrong password and an unknown user alike; /me without a session says nobody', async () => {
    const u = await buildUser(handle, { role: 'viewer', scopeCode: '430000' });
    const wrong = await signIn(u.username, 'not the password at all');
    const unknown = await signIn('nobody-here', 'not the password at all');
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(((await wrong.res.json()) as { error: { detail: string } }).error.detail).toBe(
      ((await unknown.res.json()) as { error: { detail: string } }).error.detail,
    );
    const me = await app.request('/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: null, csrfToken: null, expiresAt: null, demo: false, demoSignIn: false });
  });

  it('counts every one of several failures that arrive together, so a burst of guesses locks the account too', async () => {
    const u = await buildUser(handle, { role: 'viewer', scopeCode: '430000' });
    const burst = await Promise.all(
      Array.from({ length: LOCK_AFTER_FAILURES + 2 }, (_, i) => signIn(u.username, `wrong password ${i}`)),
    );
    for (const { res } of burst) expect([401, 429]).toContain(res.status);
    const right = await signIn(u.username, u.password);
    expect(right.res.status).toBe(429);
    const [row] = await queryRows<{ locked_until: string | null }>(
      handle.db,
      sql`select locked_until from users where id = ${u.id}`,
    );
    expect(row?.locked_until).not.toBeNull();
  });

  it(`locks an account after ${LOCK_AFTER_FAILURES} failures in a row, even for the right password, until reset`, async () => {
    const u = await buildUser(handle, { role: 'viewer', scopeCode: '430000' });
    for (let i = 0; i < LOCK_AFTER_FAILURES; i++)
      expect((await signIn(u.username, `wrong password ${i}`)).res.status).toBe(401);
    const locked = await signIn(u.username, u.password);
    expect(locked.res.status).toBe(429);
    const [row] = await queryRows<{ locked_until: string | null }>(
      handle.db,
      sql`select locked_until from users where id = ${u.id}`,
    );
    expect(row?.locked_until).not.toBeNull();
  });

  it('limits failed attempts per address (30 per quarter-hour), whatever the usernames', async () => {
    const failures = [];
    for (let i = 0; i < 31; i++) failures.push((await signIn(`ghost${i}`, 'whatever whatever')).res.status);
    expect(failures.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(failures[30]).toBe(429);
  });

  it('refuses a disabled account, and its open sessions end', async () => {
    const admin = await buildUser(handle, { role: 'admin', scopeCode: '430000' });
    const u = await buildUser(handle, { role: 'editor', scopeCode: '430100' });
    const session = await signIn(u.username, u.password);
    const adminSession = await signIn(admin.username, admin.password);
    const patch = await app.request(
      `/api/users/${u.id}`,
      jsonInit(
        'PATCH',
        { version: u.version, disabled: true },
        { cookie: adminSession.cookie, 'x-csrf-token': adminSession.body?.csrfToken ?? '' },
      ),
    );
    expect(patch.status).toBe(200);
    const me = await app.request('/api/auth/me', { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: unknown }).user).toBeNull();
    expect((await signIn(u.username, u.password)).res.status).toBe(403);
  });

  it('signs out: the cookie stops working', async () => {
    const u = await buildUser(handle, { role: 'viewer', scopeCode: '430000' });
    const { cookie, body } = await signIn(u.username, u.password);
    const out = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': body?.csrfToken ?? '' },
    });
    expect(out.status).toBe(204);
    expect((await app.request('/api/partnerships', { headers: { cookie } })).status).toBe(401);
  });
});

describe('sessions and CSRF', () => {
  it('refuses a change made with the cookie but without (or with a wrong) CSRF token', async () => {
    const u = await buildUser(handle, { role: 'editor', scopeCode: '430100' });
    const { cookie, body } = await signIn(u.username, u.password);
    const create = (headers: Record<string, string>) =>
      app.request(
        '/api/partnerships',
        jsonInit(
          'POST',
          {
            cnCode: '430100',
            kind: 'friendship',
            status: 'active',
            partner: { countryIso2: 'GH', nameEn: 'Csrfville' },
          },
          headers,
        ),
      );
    expect((await create({ cookie })).status).toBe(403);
    expect((await create({ cookie, 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await create({ cookie, 'x-csrf-token': body?.csrfToken ?? '' })).status).toBe(201);
    // Reading needs no CSRF token.
    expect((await app.request('/api/partnerships', { headers: { cookie } })).status).toBe(200);
  });

  it('keeps reading closed without a sign-in, and anonymous writes get 401', async () => {
    expect((await app.request('/api/partnerships')).status).toBe(401);
    expect((await app.request('/api/figures?scope=430000')).status).toBe(401);
    expect((await app.request('/api/config')).status).toBe(200);
    const open = buildAuthApp(handle, { publicRead: true });
    expect((await open.request('/api/partnerships')).status).toBe(200);
    expect((await open.request('/api/figures?scope=430000')).status).toBe(200);
    const write = await open.request(
      '/api/partnerships',
      jsonInit('POST', {
        cnCode: '430100',
        kind: 'friendship',
        status: 'active',
        partner: { countryIso2: 'GH', nameEn: 'Anonville' },
      }),
    );
    expect(write.status).toBe(401);
    expect((await open.request('/api/audit/export')).status).toBe(401);
    expect((await open.request('/api/users')).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, scoped, used as Bearer, and stop working when revoked', async () => {
    const u = await buildUser(handle, { role: 'editor', scopeCode: '430100' });
    const { cookie, body } = await signIn(u.username, u.password);
    const headers = { cookie, 'x-csrf-token': body?.csrfToken ?? '' };
    const created = await app.request(
      '/api/tokens',
      jsonInit('POST', { name: 'nightly sync', role: 'viewer' }, headers),
    );
    expect(created.status).toBe(201);
    const { token, info } = (await created.json()) as {
      token: string;
      info: { id: number; role: string; prefix: string };
    };
    expect(token.startsWith('amity_')).toBe(true);
    expect(info.role).toBe('viewer');
    const stored = await queryRows<{ token_hash: string }>(
      handle.db,
      sql`select token_hash from api_tokens where id = ${info.id}`,
    );
    expect(stored[0]?.token_hash).not.toContain(token);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.request('/api/partnerships', { headers: bearer })).status).toBe(200);
    // A viewer token cannot write, even though its owner can; no CSRF token is needed for a token.
    const write = await app.request(
      '/api/partnerships',
      jsonInit(
        'POST',
        {
          cnCode: '430100',
          kind: 'friendship',
          status: 'active',
          partner: { countryIso2: 'GH', nameEn: 'Tokenville' },
        },
        bearer,
      ),
    );
    expect(write.status).toBe(403);
    // Above the owner's role or outside the owner's scope: refused.
    expect((await app.request('/api/tokens', jsonInit('POST', { name: 'x', role: 'admin' }, headers))).status).toBe(
      403,
    );
    expect(
      (await app.request('/api/tokens', jsonInit('POST', { name: 'x', scopeCode: '430600' }, headers))).status,
    ).toBe(403);
    expect((await app.request(`/api/tokens/${info.id}`, { method: 'DELETE', headers })).status).toBe(200);
    expect((await app.request('/api/partnerships', { headers: bearer })).status).toBe(401);
    expect(
      (await app.request('/api/partnerships', { headers: { authorization: 'Bearer amity_made_up' } })).status,
    ).toBe(401);
    expect((await app.request('/api/partnerships', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });
});

describe('accounts', () => {
  it('admins create accounts inside their scope and not above their role; passwords are at least 12 characters', async () => {
    const admin = await buildUser(handle, { role: 'admin', scopeCode: '430100' });
    const { cookie, body } = await signIn(admin.username, admin.password);
    const headers = { cookie, 'x-csrf-token': body?.csrfToken ?? '' };
    const post = (input: object) =>
      app.request(
        '/api/users',
        jsonInit('POST', { displayName: 'New', password: 'long enough password', ...input }, headers),
      );
    expect((await post({ username: 'county-ed', role: 'editor', scopeCode: '430102' })).status).toBe(201);
    expect((await post({ username: 'prov-ed', role: 'editor', scopeCode: '430000' })).status).toBe(403);
    expect((await post({ username: 'shortpw', role: 'viewer', scopeCode: '430100', password: 'short' })).status).toBe(
      400,
    );
    expect((await post({ username: 'county-ed', role: 'viewer', scopeCode: '430100' })).status).toBe(409);
    expect((await post({ username: 'nowhere', role: 'viewer', scopeCode: '999999' })).status).toBe(400);
    const list = (await (await app.request('/api/users', { headers })).json()) as {
      data: { username: string; scopeCode: string }[];
    };
    expect(list.data.every((u) => u.scopeCode.startsWith('4301'))).toBe(true);
    expect(JSON.stringify(list)).not.toContain('argon2');
  });

  it('never leaves the deployment without an active admin', async () => {
    const { countAdmins } = await import('./auth.repo.js');
    const only = await buildUser(handle, { role: 'admin', scopeCode: '000000' });
    const { updateUser } = await import('./user.service.js');
    const { systemActor } = await import('./actor.js');
    // Disable every other admin first, through the database (a fixture), so `only` is the last one.
    await handle.db.execute(sql`update users set disabled = true where role = 'admin' and id <> ${only.id}`);
    expect(await countAdmins(handle.db)).toBe(1);
    await expect(
      updateUser({
        db: handle.db,
        actor: systemActor('test'),
        id: only.id,
        input: { version: only.version, disabled: true },
      }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await handle.db.execute(sql`update users set disabled = false where role = 'admin'`);
  });
});

describe('audit trail', () => {
  it('records who changed what, before → after, in the same transaction; the database refuses to alter it', async () => {
    const u = await buildUser(handle, { role: 'editor', scopeCode: '430100' });
    const { cookie, body } = await signIn(u.username, u.password);
    const headers = { cookie, 'x-csrf-token': body?.csrfToken ?? '' };
    const p = await buildPartnership(handle, { cnCode: '430100' });
    const patched = await app.request(
      `/api/partnerships/${p.id}`,
      jsonInit('PATCH', { version: p.version, notes: 'checked' }, headers),
    );
    expect(patched.status).toBe(200);
    const trail = (await (await app.request(`/api/audit/partnership/${p.id}`, { headers })).json()) as {
      data: {
        action: string;
        actorName: string;
        before: { notes: string | null } | null;
        after: { notes: string } | null;
      }[];
    };
    expect(trail.data.map((e) => e.action)).toEqual(['update', 'create']);
    expect(trail.data[0]).toMatchObject({
      actorName: u.username,
      before: { notes: null },
      after: { notes: 'checked' },
    });
    expect(JSON.stringify(trail)).not.toContain('"search"');
    await expect(handle.db.execute(sql`update audit_log set actor_name = 'someone else'`)).rejects.toThrow();
    await expect(handle.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    // A refused change leaves no trail: the stale version writes neither the record nor its entry.
    const stale = await app.request(
      `/api/partnerships/${p.id}`,
      jsonInit('PATCH', { version: p.version, notes: 'late' }, headers),
    );
    expect(stale.status).toBe(409);
    const again = (await (await app.request(`/api/audit/partnership/${p.id}`, { headers })).json()) as {
      data: unknown[];
    };
    expect(again.data).toHaveLength(2);
  });

  it("is read within scope, exported by admins of the scope as CSV, and names each import's run", async () => {
    const admin = await buildUser(handle, { role: 'admin', scopeCode: '430600' });
    const other = await buildPartnership(handle, { cnCode: '430100' });
    const { cookie, body } = await signIn(admin.username, admin.password);
    const headers = { cookie, 'x-csrf-token': body?.csrfToken ?? '' };
    expect((await app.request(`/api/audit/partnership/${other.id}`, { headers })).status).toBe(403);
    const csv =
      'cn_division_code,partner_name_en,partner_country,kind,established_on,status\n430600,Auditton,GH,friendship,2015,active\n';
    const form = new FormData();
    form.set('file', new File([csv], 'yueyang.csv', { type: 'text/csv' }));
    const imported = await app.request('/api/imports', { method: 'POST', body: form, headers });
    expect(imported.status).toBe(200);
    const { runId } = (await imported.json()) as { runId: number };
    const exported = await app.request('/api/audit/export?format=jsonl', { headers });
    expect(exported.status).toBe(200);
    const lines = (await exported.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { entity: string; cnCode: string; importRunId: number | null; action: string });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.cnCode?.startsWith('4306'))).toBe(true);
    expect(
      lines.filter((l) => l.entity === 'partnership' && l.action === 'create').every((l) => l.importRunId === runId),
    ).toBe(true);
    expect(lines.some((l) => l.entity === 'import_run' && l.importRunId === runId)).toBe(true);
    const asCsv = await app.request('/api/audit/export', { headers });
    expect(asCsv.headers.get('content-type')).toContain('text/csv');
    // Rows outside the office's scope stay out of the import, which is refused as a whole.
    const outside = new FormData();
    outside.set('file', new File([csv.replace('430600', '430100')], 'changsha.csv', { type: 'text/csv' }));
    const refused = await app.request('/api/imports', { method: 'POST', body: outside, headers });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('outside_scope');
  });
});
