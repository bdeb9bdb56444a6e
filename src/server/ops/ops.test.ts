/**
 * The request log, the probes and the metrics, through the real app: what each request writes
 * (and never writes), X-Request-Id, /healthz, /readyz (ready, migrations pending, shutting down),
 * and /metrics with its counts and who may read it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createActorResolver } from '../auth/auth.middleware.js';
import { actorOfUser } from '../auth/session.service.js';
import { createApiToken } from '../auth/token.service.js';
import { findUserByName } from '../auth/user.service.js';
import type { DbHandle } from '../db/client.js';
import { type Api, createApp, type RouteModule } from '../http/app.js';
import { ROUTE_MODULES } from '../http/routes.js';
import { registerWebApp } from '../http/static.js';
import { buildPartnership, buildUser, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';

const handle: DbHandle = await createTestDb();

type Line = Record<string, unknown> & { msg: string; level: number };

function buildApp(options: { metrics?: boolean } = {}) {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const text of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(text));
      done();
    },
  });
  const failing: RouteModule = (app) => {
    app.get('/api/test-failure/:id', () => {
      throw new Error('the disk is on fire');
    });
  };
  const shutdown = { draining: false };
  const app: Api = createApp(
    {
      handle,
      resolveActor: createActorResolver({ publicRead: false }),
      logger: createLogger({ level: 'info', destination: sink }),
      metrics: options.metrics ? createMetrics(handle) : undefined,
      shutdown,
    },
    [...ROUTE_MODULES, failing],
  );
  return { app, lines, shutdown };
}

async function tokenOf(role: 'admin' | 'viewer') {
  const user = await buildUser(handle, { role, scopeCode: '430000' });
  const owner = await findUserByName(handle.db, user.username);
  if (!owner) throw new Error('no user');
  const { token, view } = await createApiToken({
    db: handle.db,
    actor: actorOfUser(owner),
    input: { name: `ops-${role}-${user.username}`, canSeeContacts: false },
  });
  return { token, tokenId: view.id, user };
}

describe('the request log', () => {
  it('one line per request: id, method, route pattern, status, duration, actor id — and no secret', async () => {
    const { app, lines } = buildApp();
    const { token, tokenId } = await tokenOf('viewer');
    const pair = await buildPartnership(handle, { cnCode: '430100' });
    const res = await app.request(`/api/partnerships/${pair.id}?lang=en&q=Zhang%20Wei`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'lb-7f3a' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('lb-7f3a');
    const line = lines.find((l) => l.msg === 'request');
    expect(line).toMatchObject({
      reqId: 'lb-7f3a',
      method: 'GET',
      route: '/api/partnerships/:id',
      status: 200,
      actor: `token:${tokenId}`,
    });
    expect(typeof line?.ms).toBe('number');
    expect(typeof line?.time).toBe('string');
    const all = JSON.stringify(lines);
    expect(all).not.toContain(token);
    expect(all).not.toContain('Zhang');
    expect(all).not.toContain(`/api/partnerships/${pair.id}`);
  });

  it('never logs a password, and makes a new id for a missing or unsafe one', async () => {
    const { app, lines } = buildApp();
    const { user } = await tokenOf('viewer');
    const res = await app.request(
      '/api/auth/login',
      jsonInit(
        'POST',
        { username: user.username, password: user.password },
        { 'x-request-id': 'an id with spaces, "quotes" and far too long to keep' },
      ),
    );
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const all = JSON.stringify(lines);
    expect(all).not.toContain(user.password);
    expect(all).not.toContain(user.username);
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ reqId: id, route: '/api/auth/login' });
  });

  it('a failure: its request line with the 500, and an error line with the stack', async () => {
    const { app, lines } = buildApp();
    const res = await app.request('/api/test-failure/3');
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain('disk');
    const error = lines.find((l) => l.msg === 'request failed');
    expect(error).toMatchObject({ level: 50, route: '/api/test-failure/:id', status: 500 });
    expect((error?.err as { stack: string } | undefined)?.stack).toContain('the disk is on fire');
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ status: 500, actor: 'anonymous' });
  });

  it('names the route that answered when the web app is served after the API', async () => {
    const { app, lines } = buildApp();
    const root = mkdtempSync(join(tmpdir(), 'amity-web-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Amity</title>');
    registerWebApp(app, { root });
    const { token } = await tokenOf('viewer');
    await app.request('/api/partnerships?cn=430000', { headers: { authorization: `Bearer ${token}` } });
    await app.request('/api/no-such-route');
    await app.request('/partnerships/12');
    expect(lines.filter((l) => l.msg === 'request').map((l) => [l.route, l.status])).toEqual([
      ['/api/partnerships', 200],
      ['(none)', 404],
      ['(web app)', 200],
    ]);
    rmSync(root, { recursive: true, force: true });
  });

  it('probes are logged below the default level', async () => {
    const { app, lines } = buildApp();
    expect((await app.request('/healthz')).status).toBe(200);
    expect(lines.filter((l) => l.msg === 'request')).toEqual([]);
  });
});

describe('health and readiness', () => {
  it('/healthz answers while the process is up', async () => {
    const { app } = buildApp();
    expect(await (await app.request('/healthz')).json()).toEqual({ status: 'ok' });
  });

  it('/readyz: ready with every migration; 503 when one is missing, and while shutting down', async () => {
    const { app, shutdown } = buildApp();
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; migrations: number };
    expect(body.status).toBe('ready');
    expect(body.migrations).toBeGreaterThan(5);

    const newest = sql`select max(created_at) from drizzle.__drizzle_migrations`;
    await handle.db.execute(
      sql`update drizzle.__drizzle_migrations set created_at = created_at - 1 where created_at = (${newest})`,
    );
    try {
      const pending = await app.request('/readyz');
      expect(pending.status).toBe(503);
      expect(await pending.json()).toMatchObject({ status: 'not_ready', reason: 'migrations pending' });
    } finally {
      await handle.db.execute(
        sql`update drizzle.__drizzle_migrations set created_at = created_at + 1 where created_at = (${newest}) `,
      );
    }
    expect((await app.request('/readyz')).status).toBe(200);

    shutdown.draining = true;
    const draining = await app.request('/readyz');
    expect(draining.status).toBe(503);
    expect(await draining.json()).toMatchObject({ reason: 'shutting down' });
  });
});

describe('/metrics', () => {
  it('is off unless AMITY_METRICS=1', async () => {
    const { app } = buildApp();
    const { token } = await tokenOf('admin');
    expect((await app.request('/metrics', { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
  });

  it('counts requests by route pattern and status, for an admin; refuses others from another host', async () => {
    const { app } = buildApp({ metrics: true });
    const admin = await tokenOf('admin');
    const viewer = await tokenOf('viewer');
    const pair = await buildPartnership(handle, { cnCode: '430100' });
    const auth = { authorization: `Bearer ${admin.token}` };
    for (let i = 0; i < 3; i++) await app.request(`/api/partnerships/${pair.id}`, { headers: auth });
    await app.request('/api/partnerships/999999999', { headers: auth });
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: `Bearer ${viewer.token}` } })).status).toBe(403);
    const res = await app.request('/metrics', { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('amity_http_requests_total{method="GET",route="/api/partnerships/:id",status="200"} 3');
    expect(text).toContain('amity_http_requests_total{method="GET",route="/api/partnerships/:id",status="404"} 1');
    expect(text).toMatch(
      /amity_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/api\/partnerships\/:id",status="200"\}/,
    );
    expect(text).toContain('amity_imports_running 0');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    if (handle.driver === 'postgres') expect(text).toMatch(/amity_db_pool_connections\{state="in_use"\} \d+/);
  });
});
