import { beforeAll, describe, expect, it } from 'vitest';
import type { PartnershipView } from '../../shared/schemas/partnership-view.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

async function getJson(path: string) {
  const res = await app.request(path);
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { data: PartnershipView[]; total: number },
  };
}

describe('partnership API', () => {
  let brazzaville: PartnershipView;

  beforeAll(async () => {
    brazzaville = await buildPartnership(handle, {
      cnCode: '430100',
      partner: { countryIso2: 'CG', nameZh: '布拉柴维尔', nameEn: 'Brazzaville' },
      establishedOn: '1982',
    });
    await buildPartnership(handle, {
      cnCode: '430600',
      partner: { countryIso2: 'JP', nameEn: 'Numazu' },
      establishedOn: '1985-06-05',
    });
    await buildPartnership(handle, {
      cnCode: '430300',
      partner: { countryIso2: 'FR', nameEn: 'Calais' },
      establishedOn: '2004',
    });
    await buildPartnership(handle, {
      cnCode: '430181',
      partner: { countryIso2: 'JP', nameEn: 'Kirishima' },
      establishedOn: '2019-11',
    });
    await buildPartnership(handle, {
      cnCode: '430000',
      partner: { countryIso2: 'BB', nameEn: 'Bridgetown' },
      establishedOn: '2023-06',
    });
    await buildPartnership(handle, {
      cnCode: '420100',
      partner: { countryIso2: 'FR', nameEn: 'Bordeaux' },
      establishedOn: '1998',
    });
  });

  it('creates a partnership with its level from the Chinese side and coordinates from the gazetteer', async () => {
    expect(brazzaville.level).toBe('city');
    expect(brazzaville.establishedOn).toBe('1982');
    expect(brazzaville.establishedPrecision).toBe('year');
    expect(brazzaville.partner.country.continent).toBe('africa');
    expect(brazzaville.partner.lat).toBeCloseTo(-4.27, 1);
    expect(brazzaville.version).toBe(1);
    const { status, body } = await getJson(`/api/partnerships/${brazzaville.id}`);
    expect(status).toBe(200);
    expect(body.cn).toMatchObject({ code: '430100', nameZh: '长沙市' });
  });

  it('finds 长沙 by Chinese, full pinyin and initials', async () => {
    for (const q of ['长沙', 'changsha', 'cs', 'Changsha', 'CHANGSHA']) {
      const { body } = await getJson(`/api/partnerships?q=${encodeURIComponent(q)}`);
      expect(
        body.data.map((p) => p.cn.nameZh),
        q,
      ).toContain('长沙市');
    }
    const { body } = await getJson(`/api/partnerships?q=${encodeURIComponent('布拉柴维尔')}`);
    expect(body.total).toBe(1);
    // A search counts every match, not the page: every pair in Hunan matches its province's name.
    const hunan = encodeURIComponent('湖南');
    const all = (await getJson(`/api/partnerships?q=${hunan}&perPage=50`)).body;
    expect(all.total).toBe(all.data.length);
    expect(all.total).toBeGreaterThan(1);
    const first = (await getJson(`/api/partnerships?q=${hunan}&perPage=1`)).body;
    expect(first).toMatchObject({ total: all.total });
    expect(first.data).toHaveLength(1);
    const past = (await getJson(`/api/partnerships?q=${hunan}&perPage=1&page=${all.total + 1}`)).body;
    expect(past).toMatchObject({ data: [], total: all.total });
  });

  it('filters by subtree, level, country, continent, group and year', async () => {
    const hunan = await getJson('/api/partnerships?cn=430000');
    expect(hunan.body.total).toBe(5);
    const changsha = await getJson('/api/partnerships?cn=430100');
    expect(changsha.body.data.map((p) => p.partner.nameEn).sort()).toEqual(['Brazzaville', 'Kirishima']);
    expect((await getJson('/api/partnerships?level=county')).body.total).toBe(1);
    expect((await getJson('/api/partnerships?level=city,provincial&cn=430000')).body.total).toBe(4);
    expect((await getJson('/api/partnerships?country=jp')).body.total).toBe(2);
    expect((await getJson('/api/partnerships?continent=europe')).body.total).toBe(2);
    expect((await getJson('/api/partnerships?yearFrom=2000&yearTo=2020')).body.total).toBe(2);
    expect((await getJson('/api/partnerships?group=bri')).body.total).toBe(0);
  });

  it('filters by one foreign place: its pairs with every Chinese partner', async () => {
    const one = (await getJson('/api/partnerships?country=jp&perPage=1')).body.data[0];
    const place = one?.partner.id as number;
    const pairs = (await getJson(`/api/partnerships?place=${place}`)).body;
    expect(pairs.total).toBeGreaterThanOrEqual(1);
    expect(pairs.data.every((p) => p.partner.id === place)).toBe(true);
    expect((await getJson('/api/partnerships?place=999999')).body.total).toBe(0);
    expect((await getJson('/api/partnerships?place=x')).status).toBe(400);
  });

  it('sorts Chinese names by pinyin and paginates', async () => {
    const { body } = await getJson('/api/partnerships?perPage=3&page=1');
    expect(body.total).toBe(6);
    expect(body.data).toHaveLength(3);
    const all = (await getJson('/api/partnerships?perPage=50')).body.data.map((p) => p.cn.nameZh);
    // By pinyin: chang(沙) < hu(南) < liu(阳) < wu(汉) < xiang(潭) < yue(阳) — not by code point.
    expect(all).toEqual(['长沙市', '湖南省', '浏阳市', '武汉市', '湘潭市', '岳阳市']);
    const page2 = (await getJson('/api/partnerships?perPage=4&page=2')).body;
    expect(page2.data).toHaveLength(2);
    expect(page2.total).toBe(6);
    // A page past the end still says how many there are; a filter that matches nothing says 0.
    const past = (await getJson('/api/partnerships?perPage=4&page=3')).body;
    expect(past).toMatchObject({ data: [], total: 6, page: 3 });
    expect((await getJson('/api/partnerships?cn=430000&country=JP&perPage=4&page=2')).body.total).toBe(2);
    expect((await getJson('/api/partnerships?country=KP')).body).toMatchObject({ data: [], total: 0 });
  });

  it('refuses a stale version with 409 and keeps the other write', async () => {
    const first = await app.request(
      `/api/partnerships/${brazzaville.id}`,
      jsonInit('PATCH', { version: 1, notes: 'first' }),
    );
    expect(first.status).toBe(200);
    const updated = (await first.json()) as PartnershipView;
    expect(updated.version).toBe(2);
    const second = await app.request(
      `/api/partnerships/${brazzaville.id}`,
      jsonInit('PATCH', { version: 1, notes: 'second' }),
    );
    expect(second.status).toBe(409);
    const error = (await second.json()) as { error: { code: string; currentVersion: number } };
    expect(error.error.code).toBe('conflict');
    expect(error.error.currentVersion).toBe(2);
    expect((await getJson(`/api/partnerships/${brazzaville.id}`)).body.notes).toBe('first');
  });

  it('validates input field by field', async () => {
    const res = await app.request(
      '/api/partnerships',
      jsonInit('POST', {
        cnCode: '430100',
        partner: { countryIso2: 'GH', nameEn: 'Kumasi' },
        establishedOn: '2023-02-30',
      }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i) => i.path)).toContain('establishedOn');

    const unknown = await app.request(
      '/api/partnerships',
      jsonInit('POST', { cnCode: '999999', partner: { countryIso2: 'GH', nameEn: 'Kumasi' } }),
    );
    expect(unknown.status).toBe(400);
    const future = await app.request(
      '/api/partnerships',
      jsonInit('POST', { cnCode: '430100', partner: { countryIso2: 'GH', nameEn: 'Kumasi' }, establishedOn: '2999' }),
    );
    expect(future.status).toBe(400);
    const ended = await app.request(
      '/api/partnerships',
      jsonInit('POST', { cnCode: '430100', partner: { countryIso2: 'GH', nameEn: 'Kumasi' }, status: 'ended' }),
    );
    expect(((await ended.json()) as { error: { issues: { path: string }[] } }).error.issues[0]?.path).toBe('endedOn');
    const extra = await app.request(
      '/api/partnerships',
      jsonInit('POST', { cnCode: '430100', partner: { countryIso2: 'GH', nameEn: 'Kumasi' }, colour: 'red' }),
    );
    expect(extra.status).toBe(400);
    const notCountry = await app.request(
      '/api/partnerships',
      jsonInit('POST', { cnCode: '430100', partner: { countryIso2: 'CN', nameEn: 'Wuhan' } }),
    );
    expect(notCountry.status).toBe(400);
    const list = await app.request('/api/partnerships?level=town');
    expect(list.status).toBe(400);
    expect((await getJson('/api/partnerships?q=kumasi')).body.total).toBe(0);
  });

  it('reports a duplicate natural key as a conflict naming the existing record', async () => {
    const res = await app.request(
      '/api/partnerships',
      jsonInit('POST', { cnCode: '430100', partner: { countryIso2: 'CG', nameEn: 'brazzaville' } }),
    );
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { existingId: number } }).error.existingId).toBe(brazzaville.id);
  });

  it('answers errors in the language asked for', async () => {
    const zh = await app.request('/api/partnerships/999999');
    expect(zh.status).toBe(404);
    expect(((await zh.json()) as { error: { message: string } }).error.message).toBe('找不到该记录');
    const en = await app.request('/api/partnerships/999999', { headers: { 'accept-language': 'en-US' } });
    expect(((await en.json()) as { error: { message: string } }).error.message).toBe('Record not found');
  });

  it('deletes only with the current version', async () => {
    const p = await buildPartnership(handle, { partner: { countryIso2: 'GH', nameEn: 'Tamale' } });
    expect((await app.request(`/api/partnerships/${p.id}?version=9`, { method: 'DELETE' })).status).toBe(409);
    expect((await app.request(`/api/partnerships/${p.id}?version=1`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/api/partnerships/${p.id}`)).status).toBe(404);
  });

  it('serves its OpenAPI document', async () => {
    const { status, body } = await getJson('/api/openapi.json');
    expect(status).toBe(200);
    expect(Object.keys(body.paths as object)).toContain('/api/partnerships/{id}');
  });
});
