import { describe, expect, it } from 'vitest';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

async function getJson<T = Record<string, unknown>>(path: string): Promise<T> {
  const res = await app.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

type Page<T> = { data: T[]; total: number };

describe('place API', () => {
  it('lists countries with map codes and no Chinese territory among foreign countries', async () => {
    const { data } = await getJson<{ data: { iso2: string; numeric: string | null; nameZh: string }[] }>(
      '/api/countries',
    );
    expect(data.find((c) => c.iso2 === 'GH')).toMatchObject({ numeric: '288', nameZh: '加纳' });
    expect(data.map((c) => c.iso2)).not.toContain('CN');
    expect(data.map((c) => c.iso2)).not.toContain('TW');
  });

  it('finds divisions by pinyin and lists children with their name path', async () => {
    const found = await getJson<Page<{ code: string; path: string }>>('/api/divisions?q=liuyang');
    expect(found.data.map((d) => d.code)).toContain('430181');
    expect(found.data.find((d) => d.code === '430181')?.path).toBe('湖南省/长沙市/浏阳市');
    const children = await getJson<Page<{ code: string }>>('/api/divisions?parent=430000&perPage=100');
    expect(children.total).toBe(14);
    const gulou = await getJson<Page<{ path: string }>>(`/api/divisions?q=${encodeURIComponent('鼓楼区')}`);
    expect(gulou.total).toBeGreaterThanOrEqual(4);
  });

  it('lists the Belt and Road group', async () => {
    const { data } = await getJson<{ data: { code: string; members: { iso2: string }[] }[] }>('/api/groups');
    const bri = data.find((g) => g.code === 'bri');
    expect(bri?.members).toHaveLength(65);
    expect(bri?.members.map((m) => m.iso2)).toContain('KZ');
  });

  it('renames a place and its partnerships become findable by the new name', async () => {
    const p = await buildPartnership(handle, { partner: { countryIso2: 'KE', nameEn: 'Nairobi City' } });
    const res = await app.request(
      `/api/places/${p.partner.id}`,
      jsonInit('PATCH', { nameZh: '内罗毕', nameEn: 'Nairobi' }),
    );
    expect(res.status).toBe(200);
    const list = await getJson<Page<{ id: number }>>(`/api/partnerships?q=${encodeURIComponent('内罗毕')}`);
    expect(list.data.map((x) => x.id)).toEqual([p.id]);
    const places = await getJson<Page<{ nameEn: string }>>('/api/places?country=KE');
    expect(places.data.map((x) => x.nameEn)).toEqual(['Nairobi']);
  });

  it('refuses a rename onto another place of the same country', async () => {
    const a = await buildPartnership(handle, { partner: { countryIso2: 'KE', nameEn: 'Mombasa' } });
    await buildPartnership(handle, { partner: { countryIso2: 'KE', nameEn: 'Kisumu' } });
    const res = await app.request(`/api/places/${a.partner.id}`, jsonInit('PATCH', { nameEn: 'Kisumu' }));
    expect(res.status).toBe(409);
    const bad = await app.request(`/api/places/${a.partner.id}`, jsonInit('PATCH', { lat: 200 }));
    expect(bad.status).toBe(400);
  });
});

describe('finding a partner place', () => {
  it('matches a Chinese name only when the English names do not disagree', async () => {
    const a = await buildPartnership(handle, {
      partner: { countryIso2: 'US', nameZh: '斯普林菲尔德', nameEn: 'Springfield, Illinois' },
    });
    const b = await buildPartnership(handle, {
      cnCode: '430200',
      partner: { countryIso2: 'US', nameZh: '斯普林菲尔德', nameEn: 'Springfield, Massachusetts' },
    });
    expect(b.partner.id).not.toBe(a.partner.id);
    const c = await buildPartnership(handle, {
      cnCode: '430300',
      partner: { countryIso2: 'US', nameEn: 'Springfield, Illinois' },
    });
    expect(c.partner.id).toBe(a.partner.id);
  });
});

describe('deployment config', () => {
  it('tells the web app its home scope, or null when none is configured', async () => {
    const none = await getJson<{ homeScope: unknown }>('/api/config');
    expect(none.homeScope).toBeNull();
    const { createApp } = await import('../http/app.js');
    const { ROUTE_MODULES } = await import('../http/routes.js');
    const configured = createApp({ handle, homeScope: '430100' }, ROUTE_MODULES);
    const res = await configured.request('/api/config');
    expect(await res.json()).toEqual({
      homeScope: { code: '430100', nameZh: '长沙市', nameEn: 'Changsha' },
      publicRead: false,
      demo: false,
      baseMap: false,
    });
  });

  it('says whether the deployment serves its own base map, so the web app asks only then', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createApp } = await import('../http/app.js');
    const { ROUTE_MODULES } = await import('../http/routes.js');
    const dir = mkdtempSync(join(tmpdir(), 'amity-basemap-'));
    const file = join(dir, 'basemap.geojson');
    const app = createApp({ handle, baseMapFile: file }, ROUTE_MODULES);
    const baseMap = async () => ((await (await app.request('/api/config')).json()) as { baseMap: boolean }).baseMap;
    try {
      expect(await baseMap()).toBe(false);
      writeFileSync(file, '{"type":"FeatureCollection","features":[]}');
      expect(await baseMap()).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
