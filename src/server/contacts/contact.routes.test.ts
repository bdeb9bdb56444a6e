import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { today } from '../../shared/dates.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../db/schema.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { monthsBefore } from './contact.rules.js';

const handle = await createTestDb();
const app = buildApp(handle);

type Role = { organisation: string; post: string; from: string; to: string | null; isCurrent: boolean };
type Contact = {
  id: number;
  version: number;
  cnCode: string;
  category: string;
  nameZh: string | null;
  nameEn: string | null;
  email: string | null;
  roles: Role[];
  currentRoles: Role[];
  partnershipIds: number[];
  activityIds: number[];
  lastContact: string | null;
  touches: { id: number; touchedOn: string }[];
};
type Page = { data: Contact[]; total: number };

const actor = (overrides: Partial<Actor>): Actor => ({
  kind: 'user',
  id: 99,
  name: 'someone',
  role: 'editor',
  scopeCode: '430000',
  canSeeContacts: true,
  ...overrides,
});

const post = (body: object, on = app) => on.request('/api/contacts', jsonInit('POST', body));
async function create(body: object): Promise<Contact> {
  const res = await post(body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Contact;
}
const json = async <T>(path: string, on = app): Promise<T> => {
  const res = await on.request(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};

describe('contacts API', () => {
  it('adds, finds, reads, updates and deletes a contact with its roles and links', async () => {
    const pair = await buildPartnership(handle, { cnCode: '430100' });
    const activity = (await (
      await app.request(
        '/api/activities',
        jsonInit('POST', { partnershipId: pair.id, type: 'visit', occurredOn: '2024-03-05', titleEn: 'Visit' }),
      )
    ).json()) as { id: number };
    const c = await create({
      cnCode: '430100',
      category: 'partner_official',
      nameZh: '示例·甲',
      nameEn: 'Example Alpha',
      countryIso2: 'gh',
      organisation: 'City of Testville',
      languages: ['en', 'fr'],
      email: 'alpha@example.org',
      phone: '+233 (0)30 123 4567',
      roles: [
        { organisation: 'City of Testville', post: 'Deputy Mayor', from: '2015', to: '2019-06' },
        { organisation: 'City of Testville', post: 'Mayor', from: '2019-07' },
      ],
      partnershipIds: [pair.id],
      activityIds: [activity.id],
    });
    expect(c.version).toBe(1);
    expect(c.roles.map((r) => r.post)).toEqual(['Mayor', 'Deputy Mayor']);
    expect(c.currentRoles.map((r) => r.post)).toEqual(['Mayor']);
    expect(c.partnershipIds).toEqual([pair.id]);
    expect(c.lastContact).toBe('2024-03-05');

    const found = await json<Page>('/api/contacts?q=testville&category=partner_official');
    expect(found.data.map((x) => x.id)).toContain(c.id);
    // A post is searchable too, and pinyin finds Chinese names.
    expect((await json<Page>('/api/contacts?q=deputy mayor')).data.map((x) => x.id)).toContain(c.id);
    expect((await json<Page>('/api/contacts?q=shili')).data.map((x) => x.id)).toContain(c.id);
    expect((await json<Page>('/api/contacts?category=expert')).data.map((x) => x.id)).not.toContain(c.id);

    const updated = await app.request(
      `/api/contacts/${c.id}`,
      jsonInit('PATCH', { version: 1, email: null, category: 'international_friend' }),
    );
    expect(updated.status).toBe(200);
    const u = (await updated.json()) as Contact;
    expect(u.version).toBe(2);
    expect(u.email).toBeNull();
    expect(u.roles).toHaveLength(2);
    expect(u.partnershipIds).toEqual([pair.id]);
    expect((await app.request(`/api/contacts/${c.id}`, jsonInit('PATCH', { version: 1, city: 'x' }))).status).toBe(409);
    expect((await app.request(`/api/contacts/${c.id}?version=2`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/api/contacts/${c.id}`)).status).toBe(404);

    const trail = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'contact'), eq(auditLog.entityId, c.id)));
    expect(trail.map((t) => t.action).sort()).toEqual(['create', 'delete', 'update']);
  });

  it('refuses bad e-mails, phones, countries, terms that end before they start, future terms and unknown links', async () => {
    const base = { cnCode: '430100', category: 'expert', nameEn: 'Example Beta' };
    expect((await post({ ...base, email: 'not-an-address' })).status).toBe(400);
    expect((await post({ ...base, phone: 'call me' })).status).toBe(400);
    expect((await post({ ...base, phone: '12' })).status).toBe(400);
    expect((await post({ ...base, countryIso2: 'CN' })).status).toBe(400);
    expect((await post({ cnCode: '430100', category: 'expert' })).status).toBe(400);
    expect((await post({ ...base, category: 'spy' })).status).toBe(400);
    const role = { organisation: 'Example University', post: 'Professor' };
    expect((await post({ ...base, roles: [{ ...role, from: '2020-05', to: '2019' }] })).status).toBe(400);
    expect((await post({ ...base, roles: [{ ...role, from: '2020-02-30' }] })).status).toBe(400);
    expect((await post({ ...base, roles: [{ ...role, from: '2999' }] })).status).toBe(400);
    expect((await post({ ...base, roles: [{ ...role, from: '2019', to: '2999-01' }] })).status).toBe(400);
    // A term that ends in the month it started is fine at month precision.
    expect((await post({ ...base, roles: [{ ...role, from: '2020-05-10', to: '2020-05' }] })).status).toBe(201);
    expect((await post({ ...base, partnershipIds: [999999] })).status).toBe(400);
    expect((await post({ ...base, activityIds: [999999] })).status).toBe(400);
  });

  it('answers who held a post on a day, and every holder in order', async () => {
    const org = 'Municipality of Holderburg';
    const first = await create({
      cnCode: '430100',
      category: 'partner_official',
      nameEn: 'Example First Holder',
      roles: [{ organisation: org, post: 'Mayor', from: '2010-01', to: '2016-05' }],
    });
    const second = await create({
      cnCode: '430100',
      category: 'partner_official',
      nameEn: 'Example Second Holder',
      roles: [
        { organisation: org, post: 'Councillor', from: '2012', to: '2016' },
        { organisation: org, post: 'Mayor', from: '2016-06-01' },
      ],
    });
    type Holders = { data: { role: Role; contact: { id: number } }[] };
    const at = async (day: string) =>
      (await json<Holders>(`/api/contacts/post-holders?post=holderburg mayor&at=${day}`)).data.map((h) => h.contact.id);
    expect(await at('2012-03-01')).toEqual([first.id]);
    // "to 2016-05" runs to the month's last day.
    expect(await at('2016-05-31')).toEqual([first.id]);
    expect(await at('2016-06-01')).toEqual([second.id]);
    expect(await at('2009-12-31')).toEqual([]);
    const all = await json<Holders>('/api/contacts/post-holders?post=holderburg mayor');
    expect(all.data.map((h) => [h.contact.id, h.role.from, h.role.to])).toEqual([
      [first.id, '2010-01', '2016-05'],
      [second.id, '2016-06-01', null],
    ]);
  });

  it('lists the contacts not contacted for N months, counting touches and linked activities', async () => {
    const cn = '430700'; // 常德市: contacts of this test only
    const pair = await buildPartnership(handle, { cnCode: cn });
    const asOf = '2025-06-15';
    const activity = (await (
      await app.request(
        '/api/activities',
        jsonInit('POST', { partnershipId: pair.id, type: 'event', occurredOn: '2025-01-10', titleEn: 'Fair' }),
      )
    ).json()) as { id: number };
    const never = await create({ cnCode: cn, category: 'expert', nameEn: 'Example Never' });
    const old = await create({ cnCode: cn, category: 'expert', nameEn: 'Example Old' });
    const recent = await create({ cnCode: cn, category: 'expert', nameEn: 'Example Recent' });
    const viaActivity = await create({
      cnCode: cn,
      category: 'expert',
      nameEn: 'Example Activity',
      activityIds: [activity.id],
    });
    const touch = (id: number, touchedOn: string) =>
      app.request(`/api/contacts/${id}/touches`, jsonInit('POST', { touchedOn, channel: 'call' }));
    expect((await touch(old.id, '2023-02-01')).status).toBe(201);
    expect((await touch(recent.id, '2024-08-01')).status).toBe(201);
    // A touch after the as-of day does not count for that day.
    expect((await touch(old.id, '2025-09-01')).status).toBe(201);
    expect((await touch(old.id, '2999-01-01')).status).toBe(400);

    type Silent = Page & { cutoff: string };
    const silent = async (months: number) =>
      json<Silent>(`/api/contacts/silent?cn=${cn}&asOf=${asOf}&months=${months}`);
    const twelve = await silent(12);
    expect(twelve.cutoff).toBe('2024-06-15');
    expect(twelve.data.map((c) => c.id)).toEqual([never.id, old.id]);
    expect(twelve.data.map((c) => c.lastContact)).toEqual([null, '2023-02-01']);
    const six = await silent(6);
    expect(six.data.map((c) => c.id)).toEqual([never.id, old.id, recent.id]);
    expect((await silent(36)).data.map((c) => c.id)).toEqual([never.id]);
    expect((await json<Page>(`/api/contacts/silent?cn=${cn}&asOf=${asOf}`)).total).toBe(2);
    // The list at the same day says the same last contact as the not-contacted list: one rule.
    const listed = await json<Page>(`/api/contacts?cn=${cn}&asOf=${asOf}&perPage=50`);
    const lastOn = new Map(listed.data.map((c) => [c.id, c.lastContact]));
    for (const c of twelve.data) expect(lastOn.get(c.id), `contact ${c.id}`).toBe(c.lastContact);
    expect(lastOn.get(old.id)).toBe('2023-02-01');
    expect(lastOn.get(recent.id)).toBe('2024-08-01');
    expect(lastOn.get(viaActivity.id)).toBe('2025-01-10');
    expect(
      (await json<Page>(`/api/contacts?cn=${cn}&asOf=2024-01-01`)).data.find((c) => c.id === recent.id)?.lastContact,
    ).toBeNull();
    expect((await json<Page>(`/api/contacts?cn=${cn}`)).data.find((c) => c.id === old.id)?.lastContact).toBe(
      '2025-09-01',
    );
    expect((await app.request('/api/contacts/silent?months=0')).status).toBe(400);

    // Deleting the touch brings the contact back to "never".
    const detail = await json<Contact>(`/api/contacts/${recent.id}`);
    const [t] = detail.touches;
    expect((await app.request(`/api/contacts/${recent.id}/touches/${t?.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await silent(6)).data.map((c) => c.id)).toEqual([never.id, recent.id, old.id]);
    expect((await json<Contact>(`/api/contacts/${viaActivity.id}`)).lastContact).toBe('2025-01-10');
    // Today's default: monthsBefore(today) is the cut-off.
    expect((await json<Silent>(`/api/contacts/silent?cn=${cn}`)).cutoff).toBe(monthsBefore(today(), 12));
  });

  it('refuses actors without the contacts permission, viewers who write, and actors out of scope', async () => {
    const yueyang = await create({ cnCode: '430600', category: 'overseas_chinese', nameEn: 'Example Yueyang' });
    const noContacts = buildApp(handle, actor({ canSeeContacts: false, role: 'admin' }));
    for (const path of [
      '/api/contacts',
      `/api/contacts/${yueyang.id}`,
      '/api/contacts/silent',
      '/api/contacts/999999',
    ]) {
      expect((await noContacts.request(path)).status, path).toBe(403);
    }
    expect((await noContacts.request('/api/contacts/post-holders?post=mayor')).status).toBe(403);
    expect((await post({ cnCode: '430600', category: 'expert', nameEn: 'x' }, noContacts)).status).toBe(403);
    expect(
      (
        await noContacts.request(
          '/api/contacts/export',
          jsonInit('POST', { format: 'csv', confirm: true, purpose: 'annual review of the network' }),
        )
      ).status,
    ).toBe(403);

    const viewer = buildApp(handle, actor({ role: 'viewer' }));
    expect((await viewer.request(`/api/contacts/${yueyang.id}`)).status).toBe(200);
    expect((await post({ cnCode: '430600', category: 'expert', nameEn: 'x' }, viewer)).status).toBe(403);
    expect(
      (await viewer.request(`/api/contacts/${yueyang.id}`, jsonInit('PATCH', { version: 1, city: 'x' }))).status,
    ).toBe(403);
    expect(
      (
        await viewer.request(
          `/api/contacts/${yueyang.id}/touches`,
          jsonInit('POST', { touchedOn: '2024-01-01', channel: 'call' }),
        )
      ).status,
    ).toBe(403);

    const changsha = buildApp(handle, actor({ scopeCode: '430100' }));
    expect((await changsha.request(`/api/contacts/${yueyang.id}`)).status).toBe(403);
    expect((await changsha.request('/api/contacts?cn=430600')).status).toBe(403);
    expect((await post({ cnCode: '430600', category: 'expert', nameEn: 'x' }, changsha)).status).toBe(403);
    const own = (await (await changsha.request('/api/contacts?perPage=500')).json()) as Page;
    expect(own.data.length).toBeGreaterThan(0);
    expect(own.data.every((c) => c.cnCode.startsWith('4301'))).toBe(true);

    const anonymous = buildApp(handle, actor({ kind: 'anonymous', id: null, role: 'viewer', canSeeContacts: false }));
    expect((await anonymous.request('/api/contacts')).status).toBe(401);
    const nobody = buildApp(handle, null);
    expect((await nobody.request('/api/contacts')).status).toBe(401);
  });

  it('exports only when confirmed with a purpose, and writes the purpose to each contact’s trail', async () => {
    const cn = '430800'; // 张家界市
    const a = await create({ cnCode: cn, category: 'expert', nameEn: '=cmd|calc', email: 'a@example.org' });
    const b = await create({ cnCode: cn, category: 'international_friend', nameZh: '示例·乙' });
    const exp = (body: object) => app.request('/api/contacts/export', jsonInit('POST', body));
    expect((await exp({ format: 'csv', cn })).status).toBe(400);
    expect((await exp({ format: 'csv', cn, confirm: false, purpose: 'annual review of the network' })).status).toBe(
      400,
    );
    expect((await exp({ format: 'csv', cn, confirm: true, purpose: 'why' })).status).toBe(400);
    expect((await app.request(`/api/contacts/export?format=csv&cn=${cn}`)).status).not.toBe(200);

    const purpose = 'Invitation list for the 2025 friendship-city conference';
    const res = await exp({ format: 'csv', cn, confirm: true, purpose });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.csv');
    expect(res.headers.get('x-exported-rows')).toBe('2');
    const text = await res.text();
    expect(text.split('\n')[0]).toContain('name_en');
    expect(text).toContain("'=cmd|calc");
    expect(text).toContain('示例·乙');

    const trail = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'contact'), eq(auditLog.action, 'export')));
    expect(trail.map((t) => t.entityId).sort()).toEqual([a.id, b.id].sort());
    expect(
      trail.every((t) => (t.after as { purpose: string }).purpose === purpose && t.actorName === 'system:test'),
    ).toBe(true);

    const xlsx = await exp({ format: 'xlsx', cn, category: 'expert', confirm: true, purpose });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('x-exported-rows')).toBe('1');
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip (xlsx)
  });
});
