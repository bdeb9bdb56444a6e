import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../db/schema.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

type Activity = {
  id: number;
  version: number;
  partnershipId: number;
  partnershipIds: number[];
  partnerships: { id: number; cnNameZh: string }[];
  participants: number | null;
  days: number | null;
  leader: string | null;
  costSharing: string | null;
  fields: string[];
  sources: string[];
  flags: {
    rule: string;
    value: number | null;
    limit: number | null;
    scopeCode: string;
    message: Record<string, string>;
  }[];
};

const hunanRules = {
  maxDelegationSize: 6,
  maxDelegationDays: 5,
  approvalRequired: true,
  delegationTypes: ['delegation_out'],
  anniversaryEveryYears: 10,
};

const viewer: Actor = {
  kind: 'user',
  id: 7,
  name: 'viewer',
  role: 'viewer',
  scopeCode: '430000',
  canSeeContacts: false,
};
const yueyangEditor: Actor = {
  kind: 'user',
  id: 8,
  name: 'yy',
  role: 'editor',
  scopeCode: '430600',
  canSeeContacts: false,
};
const hunanAdmin: Actor = {
  kind: 'user',
  id: 9,
  name: 'hn',
  role: 'admin',
  scopeCode: '430000',
  canSeeContacts: false,
};

describe('activity details, links and rule flags', () => {
  it('records a delegation with its details and several partnerships, flagged by the province’s rules', async () => {
    const changsha = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2013-06' });
    const furong = await buildPartnership(handle, { cnCode: '430102' });
    expect((await app.request('/api/rules/430000', jsonInit('PUT', { settings: hunanRules }))).status).toBe(200);

    const created = await app.request(
      '/api/activities',
      jsonInit('POST', {
        partnershipId: changsha.id,
        partnershipIds: [furong.id, changsha.id],
        type: 'delegation_out',
        occurredOn: '2023-05-10',
        titleZh: '长沙市代表团出访',
        leader: '副市长 张三',
        participants: 9,
        days: 5,
        purpose: '经贸洽谈',
        costSharing: 'each_own',
        fields: ['trade', 'culture', 'trade'],
        sources: ['https://example.org/news/1', '长沙晚报 2023-05-11 第3版'],
      }),
    );
    expect(created.status).toBe(201);
    const a = (await created.json()) as Activity;
    expect(a.partnershipIds).toEqual([changsha.id, furong.id]);
    expect(a.partnerships[0]?.cnNameZh).toBe('长沙市');
    expect(a).toMatchObject({ participants: 9, days: 5, leader: '副市长 张三', costSharing: 'each_own' });
    expect(a.fields).toEqual(['trade', 'culture']);
    expect(a.sources).toHaveLength(2);
    expect(a.flags.map((f) => f.rule)).toEqual(['delegation_size', 'approval_required']);
    expect(a.flags[0]).toMatchObject({ value: 9, limit: 6, scopeCode: '430000' });
    expect(a.flags[0]?.message['zh-CN']).toContain('9 人');

    // Listed under both partnerships, and among those that break a rule.
    const of = async (q: string) =>
      ((await (await app.request(`/api/activities?${q}`)).json()) as { data: Activity[] }).data;
    expect((await of(`partnership=${furong.id}`)).map((x) => x.id)).toEqual([a.id]);
    expect((await of('flagged=true&cn=430000')).map((x) => x.id)).toContain(a.id);
    expect((await of('rule=delegation_days')).map((x) => x.id)).not.toContain(a.id);
    expect((await of('field=trade')).map((x) => x.id)).toEqual([a.id]);
    expect(await of('field=sports')).toEqual([]);

    // Mending the record clears its flags; a city rule nearer than the province's takes over.
    const fixed = await app.request(
      `/api/activities/${a.id}`,
      jsonInit('PATCH', { version: a.version, participants: 6, approvalRef: '长外办〔2023〕8号', partnershipIds: [] }),
    );
    expect(fixed.status).toBe(200);
    const b = (await fixed.json()) as Activity;
    expect(b.flags).toEqual([]);
    expect(b.partnershipIds).toEqual([changsha.id]);
    expect(b.leader).toBe('副市长 张三');
    await app.request('/api/rules/430100', jsonInit('PUT', { settings: { ...hunanRules, maxDelegationSize: 4 } }));
    const again = (await (await app.request(`/api/activities/${a.id}`)).json()) as Activity;
    expect(again.flags).toMatchObject([{ rule: 'delegation_size', limit: 4, scopeCode: '430100' }]);
    expect((await of('flagged=false')).map((x) => x.id)).not.toContain(a.id);
  });

  it('checks a draft before it is saved: the rules in force and the flags it would get, nothing written', async () => {
    const pair = await buildPartnership(handle, { cnCode: '430200', establishedOn: '2010-05' });
    // 株洲市's own rules: the nearest scope with rules is the one that applies.
    expect((await app.request('/api/rules/430200', jsonInit('PUT', { settings: hunanRules }))).status).toBe(200);
    const check = async (body: object) => app.request('/api/activities/check', jsonInit('POST', body));
    const before = (await (await app.request('/api/activities?cn=430200')).json()) as { total: number };
    const big = await check({ partnershipId: pair.id, type: 'delegation_out', participants: 12, days: 3 });
    expect(big.status).toBe(200);
    const answer = (await big.json()) as { scopeCode: string; rules: typeof hunanRules; flags: { rule: string }[] };
    expect(answer.scopeCode).toBe('430200');
    expect(answer.rules).toMatchObject({ maxDelegationSize: hunanRules.maxDelegationSize });
    expect(answer.flags.map((f) => f.rule).sort()).toEqual(['approval_required', 'delegation_size']);
    const fine = await check({
      partnershipId: pair.id,
      type: 'delegation_out',
      participants: 2,
      days: 2,
      approvalRef: '湘外办〔2025〕1号',
    });
    expect(((await fine.json()) as { flags: unknown[] }).flags).toEqual([]);
    // A visit is not a delegation: the limits do not apply to it.
    const visit = await check({ partnershipId: pair.id, type: 'visit', participants: 50 });
    expect(((await visit.json()) as { flags: unknown[] }).flags).toEqual([]);
    expect((await check({ partnershipId: 999999, type: 'visit' })).status).toBe(404);
    expect((await check({ partnershipId: pair.id, type: 'nonsense' })).status).toBe(400);
    expect(((await (await app.request('/api/activities?cn=430200')).json()) as { total: number }).total).toBe(
      before.total,
    );
  });

  it('flags an anniversary event outside the 10-year rhythm', async () => {
    const p = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2013-06' });
    const post = (occurredOn: string) =>
      app.request(
        '/api/activities',
        jsonInit('POST', { partnershipId: p.id, type: 'event', occurredOn, titleEn: 'Anniversary', anniversary: true }),
      );
    expect(((await (await post('2023-06-20')).json()) as Activity).flags).toEqual([]);
    expect(((await (await post('2018-06-20')).json()) as Activity).flags.map((f) => f.rule)).toEqual([
      'anniversary_interval',
    ]);
  });

  it('refuses unknown further partnerships, bad sizes and unknown fields', async () => {
    const p = await buildPartnership(handle);
    const base = { partnershipId: p.id, type: 'delegation_in', occurredOn: '2022-01-01', titleEn: 'x' };
    const post = (extra: object) => app.request('/api/activities', jsonInit('POST', { ...base, ...extra }));
    expect((await post({ partnershipIds: [999999] })).status).toBe(400);
    expect((await post({ participants: 0 })).status).toBe(400);
    expect((await post({ days: 1.5 })).status).toBe(400);
    expect((await post({ fields: ['cooking'] })).status).toBe(400);
    expect((await post({ costSharing: 'nobody' })).status).toBe(400);
  });

  it('lets a viewer read but not write, and refuses actors outside the scope', async () => {
    const changsha = await buildPartnership(handle, { cnCode: '430100' });
    const created = (await (
      await app.request(
        '/api/activities',
        jsonInit('POST', { partnershipId: changsha.id, type: 'visit', occurredOn: '2021-04-01', titleEn: 'Visit' }),
      )
    ).json()) as Activity;
    const asViewer = buildApp(handle, viewer);
    expect((await asViewer.request(`/api/activities/${created.id}`)).status).toBe(200);
    const write = { partnershipId: changsha.id, type: 'visit', occurredOn: '2021-04-02', titleEn: 'Visit' };
    expect((await asViewer.request('/api/activities', jsonInit('POST', write))).status).toBe(403);
    expect(
      (await asViewer.request(`/api/activities/${created.id}`, jsonInit('PATCH', { version: 1, titleEn: 'y' }))).status,
    ).toBe(403);
    expect((await asViewer.request('/api/rules/430000', jsonInit('PUT', { settings: hunanRules }))).status).toBe(403);

    const yueyang = buildApp(handle, yueyangEditor);
    expect((await yueyang.request(`/api/activities/${created.id}`)).status).toBe(403);
    expect((await yueyang.request('/api/activities', jsonInit('POST', write))).status).toBe(403);
    expect((await yueyang.request(`/api/activities/${created.id}?version=1`, { method: 'DELETE' })).status).toBe(403);
    expect((await yueyang.request('/api/activities?cn=430100')).status).toBe(403);
    // Its own list holds nothing of Changsha.
    const own = (await (await yueyang.request('/api/activities')).json()) as { data: Activity[] };
    expect(own.data.every((x) => x.partnerships[0]?.cnNameZh !== '长沙市')).toBe(true);
    // Linking a partnership outside one's scope is refused too.
    const yy = await buildPartnership(handle, { cnCode: '430600' });
    expect(
      (
        await yueyang.request(
          '/api/activities',
          jsonInit('POST', { ...write, partnershipId: yy.id, partnershipIds: [changsha.id] }),
        )
      ).status,
    ).toBe(403);
  });

  it('keeps office rules per scope: admins only, versioned, removable, audited', async () => {
    const asAdmin = buildApp(handle, hunanAdmin);
    expect((await asAdmin.request('/api/rules/110000')).status).toBe(403);
    expect((await asAdmin.request('/api/rules/000000', jsonInit('PUT', { settings: hunanRules }))).status).toBe(403);
    const view = (await (await asAdmin.request('/api/rules/430102')).json()) as {
      own: null | { version: number };
      effectiveFrom: string | null;
      effective: { maxDelegationSize: number | null };
      chain: { scopeCode: string }[];
    };
    expect(view.own).toBeNull();
    expect(view.chain.map((c) => c.scopeCode)).toEqual(['430102', '430100', '430000', '000000']);
    expect(view.effectiveFrom).toBe('430100');
    expect(view.effective.maxDelegationSize).toBe(4);

    const put = (body: object) => asAdmin.request('/api/rules/430102', jsonInit('PUT', body));
    const first = await put({ settings: { ...hunanRules, maxDelegationDays: 3 } });
    expect(first.status).toBe(200);
    expect((await put({ settings: hunanRules })).status).toBe(409);
    expect((await put({ settings: hunanRules, version: 1 })).status).toBe(200);
    expect((await put({ settings: hunanRules, version: 1 })).status).toBe(409);
    expect((await put({ settings: { ...hunanRules, maxDelegationSize: -1 }, version: 2 })).status).toBe(400);
    expect((await put({ settings: { ...hunanRules, extra: 1 }, version: 2 })).status).toBe(400);
    expect((await asAdmin.request('/api/rules/430102?version=1', { method: 'DELETE' })).status).toBe(409);
    expect((await asAdmin.request('/api/rules/430102?version=2', { method: 'DELETE' })).status).toBe(204);
    expect((await asAdmin.request('/api/rules/430102?version=2', { method: 'DELETE' })).status).toBe(404);
    expect((await app.request('/api/rules/999999')).status).toBe(400);
    const trail = await handle.db.select().from(auditLog).where(eq(auditLog.cnCode, '430102')).orderBy(auditLog.id);
    expect(trail.filter((r) => r.entity === 'office_rules').map((r) => r.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
    expect(trail.find((r) => r.entity === 'office_rules')?.actorName).toBe('hn');
  });
});
