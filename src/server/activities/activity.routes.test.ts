import { describe, expect, it } from 'vitest';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

type Activity = { id: number; version: number; type: string; occurredOn: string; titleZh: string | null };

describe('activity API', () => {
  it('records, lists, updates and deletes activities of a partnership', async () => {
    const changsha = await buildPartnership(handle, { cnCode: '430100' });
    const yueyang = await buildPartnership(handle, { cnCode: '430600' });
    const post = (body: object) => app.request('/api/activities', jsonInit('POST', body));
    const created = await post({
      partnershipId: changsha.id,
      type: 'delegation_out',
      occurredOn: '2023-05-10',
      titleZh: '代表团出访',
    });
    expect(created.status).toBe(201);
    const a = (await created.json()) as Activity;
    expect(
      (await post({ partnershipId: yueyang.id, type: 'letter', occurredOn: '2021-01-04', titleEn: 'New year letter' }))
        .status,
    ).toBe(201);
    expect(
      (await post({ partnershipId: changsha.id, type: 'visit', occurredOn: '2019-09-09', titleEn: 'Visit' })).status,
    ).toBe(201);

    const ofChangsha = (await (await app.request('/api/activities?cn=430100')).json()) as {
      data: Activity[];
      total: number;
    };
    expect(ofChangsha.total).toBe(2);
    expect(ofChangsha.data[0]?.occurredOn).toBe('2023-05-10');
    const letters = (await (await app.request('/api/activities?type=letter,visit&from=2020-01-01')).json()) as {
      total: number;
    };
    expect(letters.total).toBe(1);

    const updated = await app.request(
      `/api/activities/${a.id}`,
      jsonInit('PATCH', { version: 1, titleZh: '友好代表团出访' }),
    );
    expect(updated.status).toBe(200);
    expect(((await updated.json()) as Activity).version).toBe(2);
    expect((await app.request(`/api/activities/${a.id}`, jsonInit('PATCH', { version: 1, titleZh: 'x' }))).status).toBe(
      409,
    );
    expect((await app.request(`/api/activities/${a.id}?version=2`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/api/activities/${a.id}`)).status).toBe(404);
  });

  it('refuses unknown partnerships, impossible and future dates, and missing titles', async () => {
    const p = await buildPartnership(handle);
    const post = (body: object) => app.request('/api/activities', jsonInit('POST', body));
    expect((await post({ partnershipId: 999999, type: 'visit', occurredOn: '2020-01-01', titleEn: 'x' })).status).toBe(
      400,
    );
    expect((await post({ partnershipId: p.id, type: 'visit', occurredOn: '2023-02-30', titleEn: 'x' })).status).toBe(
      400,
    );
    expect((await post({ partnershipId: p.id, type: 'visit', occurredOn: '2999-01-01', titleEn: 'x' })).status).toBe(
      400,
    );
    expect((await post({ partnershipId: p.id, type: 'visit', occurredOn: '2020-01-01' })).status).toBe(400);
    expect((await post({ partnershipId: p.id, type: 'party', occurredOn: '2020-01-01', titleEn: 'x' })).status).toBe(
      400,
    );
  });

  it('removes the activities of a deleted partnership', async () => {
    const p = await buildPartnership(handle);
    await app.request(
      '/api/activities',
      jsonInit('POST', { partnershipId: p.id, type: 'event', occurredOn: '2022-02-02', titleEn: 'Fair' }),
    );
    expect((await app.request(`/api/partnerships/${p.id}?version=1`, { method: 'DELETE' })).status).toBe(204);
    const left = (await (await app.request(`/api/activities?partnership=${p.id}`)).json()) as { total: number };
    expect(left.total).toBe(0);
  });
});
