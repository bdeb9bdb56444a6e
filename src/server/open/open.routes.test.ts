import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../auth/actor.js';
import { createActorResolver } from '../auth/auth.middleware.js';
import { auditLog } from '../db/schema.js';
import { createApp } from '../http/app.js';
import { ROUTE_MODULES } from '../http/routes.js';
import { buildAuthApp, buildPartnership, buildUser, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { validatePackageFiles } from './package-validate.js';
import { putOpenScope } from './publication.service.js';

const handle = await createTestDb();
const app = buildAuthApp(handle);
const actor = systemActor('test');
let ids: { published: number; withheld: number; internal: number; other: number };

type Page = { data: { id: number; notes: string | null; partner: { nameEn: string } }[]; total: number };

beforeAll(async () => {
  await putOpenScope({ db: handle.db, actor, scope: '430100', input: { isPublic: true } });
  const published = await buildPartnership(handle, {
    cnCode: '430102',
    partner: { countryIso2: 'FR', nameEn: 'Openville' },
    notes: 'visible note',
  });
  const withheld = await buildPartnership(handle, {
    cnCode: '430100',
    partner: { countryIso2: 'FR', nameEn: 'Closedville' },
    isPublic: false,
  });
  const internal = await buildPartnership(handle, {
    cnCode: '430100',
    partner: { countryIso2: 'GH', nameEn: 'Quietville' },
    notes: 'only for us',
    notesInternal: true,
  });
  // No setting above Yueyang: withheld unless the pair says otherwise, as this one does.
  const other = await buildPartnership(handle, {
    cnCode: '430600',
    partner: { countryIso2: 'JP', nameEn: 'Flaggedville' },
    isPublic: true,
  });
  await buildPartnership(handle, { cnCode: '430600', partner: { countryIso2: 'JP', nameEn: 'Silentville' } });
  ids = { published: published.id, withheld: withheld.id, internal: internal.id, other: other.id };
});

describe('GET /api/open/partnerships', () => {
  it('answers anyone, without a sign-in, with the published pairs only', async () => {
    const res = await app.request('/api/open/partnerships?perPage=100');
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    expect(page.data.map((p) => p.id).sort()).toEqual([ids.published, ids.internal, ids.other].sort());
    expect(page.total).toBe(3);
    const internal = page.data.find((p) => p.id === ids.internal);
    expect(internal?.notes).toBeNull();
    expect(page.data.find((p) => p.id === ids.published)?.notes).toBe('visible note');
    expect(Object.keys(page.data[0] ?? {})).not.toContain('version');
  });

  it('takes the list filters of /api/partnerships', async () => {
    const byCountry = (await (await app.request('/api/open/partnerships?country=JP')).json()) as Page;
    expect(byCountry.data.map((p) => p.partner.nameEn)).toEqual(['Flaggedville']);
    const byScope = (await (await app.request('/api/open/partnerships?cn=430100&q=openville')).json()) as Page;
    expect(byScope.data.map((p) => p.id)).toEqual([ids.published]);
    const bad = await app.request('/api/open/partnerships?level=town');
    expect(bad.status).toBe(400);
  });

  it('is open to every origin (CORS), preflight included', async () => {
    const res = await app.request('/api/open/partnerships', { headers: { origin: 'https://example.org' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const preflight = await app.request('/api/open/partnerships', {
      method: 'OPTIONS',
      headers: { origin: 'https://example.org', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('sends an ETag and answers 304 to If-None-Match while nothing changed', async () => {
    const first = await app.request('/api/open/partnerships');
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const again = await app.request('/api/open/partnerships', { headers: { 'if-none-match': tag as string } });
    expect(again.status).toBe(304);
    await buildPartnership(handle, { cnCode: '430100', partner: { countryIso2: 'FR', nameEn: 'Newville' } });
    const changed = await app.request('/api/open/partnerships', { headers: { 'if-none-match': tag as string } });
    expect(changed.status).toBe(200);
  });

  it('limits each address to AMITY_OPEN_RATE_LIMIT requests a minute, then 429 with Retry-After', async () => {
    const limited = createApp(
      { handle, resolveActor: createActorResolver({ publicRead: false }), openRateLimit: 3 },
      ROUTE_MODULES,
    );
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 4; i++) {
      last = await limited.request('/api/open/partnerships');
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await last?.json()) as { error: { code: string } };
    expect(body.error.code).toBe('rate_limited');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/open/partnerships', '/api/open/package.zip', '/api/open/scopes/{scope}']),
    );
  });
});

describe('GET /api/open/package.zip', () => {
  it('is the valid data package of the published pairs', async () => {
    const res = await app.request('/api/open/package.zip?license=CC0-1.0');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toContain('amity-friendship-cities-000000.zip');
    const files = new Map(Object.entries(unzipSync(new Uint8Array(await res.arrayBuffer()))));
    expect(validatePackageFiles(files).problems).toEqual([]);
    const csv = Buffer.from(files.get('data/partnerships.csv') as Uint8Array).toString('utf8');
    expect(csv).not.toContain('only for us');
    const record = JSON.parse(Buffer.from(files.get('dataset.jsonld') as Uint8Array).toString('utf8'));
    expect(record.distribution[0]).toMatchObject({
      name: 'package.zip',
      contentUrl: 'http://localhost/api/open/package.zip?scope=000000&license=CC0-1.0',
    });
    expect(record.distribution[1]).toMatchObject({ name: 'data/divisions.csv', encodingFormat: 'text/csv' });
    expect(record.distribution[1].contentUrl).toBeUndefined();
  });

  it('is built once a minute per scope and licence, and the same bytes are served meanwhile', async () => {
    const first = await app.request('/api/open/package.zip?scope=430100');
    await buildPartnership(handle, { cnCode: '430100', partner: { countryIso2: 'FR', nameEn: 'Laterville' } });
    const second = await app.request('/api/open/package.zip?scope=430100');
    expect(Buffer.from(await second.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    const other = await app.request('/api/open/package.zip?scope=430100&license=CC0-1.0');
    const csv = Buffer.from(
      unzipSync(new Uint8Array(await other.arrayBuffer()))['data/partnerships.csv'] as Uint8Array,
    );
    expect(csv.toString('utf8')).toContain(',active,');
  });

  it('refuses an unknown licence', async () => {
    expect((await app.request('/api/open/package.zip?license=MIT')).status).toBe(400);
  });
});

describe('/api/open/scopes/{scope}', () => {
  it('lets an admin of the scope publish it, audited; a viewer only reads; nobody signed out', async () => {
    const admin = await buildUser(handle, { role: 'admin', scopeCode: '430600' });
    const login = await app.request(
      '/api/auth/login',
      jsonInit('POST', { username: admin.username, password: admin.password }),
    );
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const before = (await (await app.request('/api/open/scopes/430600', { headers })).json()) as {
      isPublic: boolean;
      counts: { published: number; withheld: number };
    };
    expect(before).toMatchObject({ isPublic: false, counts: { published: 1, withheld: 1 } });
    const put = await app.request('/api/open/scopes/430600', jsonInit('PUT', { isPublic: true }, headers));
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ isPublic: true, effectiveFrom: '430600', counts: { published: 2 } });
    const trail = await handle.db.select().from(auditLog).where(eq(auditLog.entity, 'open_scope'));
    expect(trail.map((t) => [t.cnCode, t.action, t.actorName])).toContainEqual(['430600', 'create', admin.username]);
    const stale = await app.request('/api/open/scopes/430600', jsonInit('PUT', { isPublic: false }, headers));
    expect(stale.status).toBe(409);
    const outside = await app.request(
      '/api/open/scopes/430100',
      jsonInit('PUT', { isPublic: false, version: 1 }, headers),
    );
    expect(outside.status).toBe(403);
    const anonymous = await app.request('/api/open/scopes/430600', jsonInit('PUT', { isPublic: false, version: 1 }));
    expect(anonymous.status).toBe(401);
    const list = (await (await app.request('/api/open/partnerships?cn=430600')).json()) as Page;
    expect(list.total).toBe(2);
  });
});
