import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { today } from '../../shared/dates.js';
import type { LifecycleView } from '../../shared/schemas/lifecycle-view.js';
import type { PartnershipView } from '../../shared/schemas/partnership-view.js';
import type { Actor } from '../auth/actor.js';
import { auditLog } from '../db/schema.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

const editorOf = (scopeCode: string, role: Actor['role'] = 'editor'): Actor => ({
  kind: 'user',
  id: 99,
  name: `${role}-${scopeCode}`,
  role,
  scopeCode,
  canSeeContacts: false,
});

async function lifecycle(id: number, using = app) {
  const res = await using.request(`/api/partnerships/${id}/lifecycle`);
  return { status: res.status, body: (await res.json()) as LifecycleView };
}

async function move(id: number, body: Record<string, unknown>, using = app) {
  const res = await using.request(`/api/partnerships/${id}/lifecycle`, jsonInit('POST', body));
  return {
    status: res.status,
    body: (await res.json()) as LifecycleView & { error?: { issues?: { path: string; rule?: string }[] } },
  };
}

/** Moves in order, each with the version the previous answer gave. */
async function walk(id: number, moves: Record<string, unknown>[]): Promise<LifecycleView> {
  let current = (await lifecycle(id)).body;
  for (const m of moves) {
    const res = await move(id, { version: current.version, ...m });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    current = res.body;
  }
  return current;
}

async function figureTotal(kind: 'friendship' | 'exchange', scope = '430100'): Promise<number> {
  const res = await app.request(`/api/figures?scope=${scope}&kind=${kind}&asOf=${today()}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { total: number }).total;
}

describe('life-cycle API', () => {
  it('walks a letter of intent to an established partnership that only then counts in figures', async () => {
    const before = await figureTotal('friendship', '430400');
    const created = await buildPartnership(handle, {
      cnCode: '430400',
      stage: 'intent',
      establishedOn: null,
      partner: { countryIso2: 'KE', nameEn: 'Nakuru' },
    });
    expect(created.stage).toBe('intent');
    expect(await figureTotal('friendship', '430400')).toBe(before);

    const start = (await lifecycle(created.id)).body;
    expect(start).toMatchObject({ phase: 'intent', allowedMoves: ['exchange', 'end'], history: [] });
    expect(start.requiredApprovals).toEqual(['city', 'province', 'national']);

    const approved = await walk(created.id, [
      { move: 'exchange', occurredOn: '2023-03-01', reference: '意向书' },
      { move: 'propose', occurredOn: '2023-09-01' },
      {
        move: 'approve',
        occurredOn: '2023-10-10',
        approvalLevel: 'city',
        approver: '衡阳市人民政府',
        reference: '衡政函〔2023〕88号',
      },
      {
        move: 'approve',
        occurredOn: '2023-11-02',
        approvalLevel: 'province',
        approver: '湖南省外办',
        reference: '湘外办〔2023〕51号',
      },
      {
        move: 'approve',
        occurredOn: '2024-01-15',
        approvalLevel: 'national',
        approver: '中国人民对外友好协会',
        reference: '友协〔2024〕3号',
      },
    ]);
    expect(approved).toMatchObject({ phase: 'approved', allowedMoves: ['establish', 'end'], nextApproval: null });
    expect(approved.approvals.map((a) => [a.level, a.approver])).toEqual([
      ['city', '衡阳市人民政府'],
      ['province', '湖南省外办'],
      ['national', '中国人民对外友好协会'],
    ]);
    expect(await figureTotal('friendship', '430400')).toBe(before);

    const established = await walk(created.id, [
      { move: 'establish', occurredOn: '2024-04-20', place: 'Nakuru', approver: '双方市长' },
    ]);
    expect(established).toMatchObject({ stage: 'established', status: 'active', phase: 'active', isConsistent: true });
    expect(established.history.map((e) => e.move)).toEqual([
      'exchange',
      'propose',
      'approve',
      'approve',
      'approve',
      'establish',
    ]);
    expect(established.history[5]).toMatchObject({
      from: { phase: 'approved' },
      to: { phase: 'active' },
      actorName: 'system:test',
    });
    expect(await figureTotal('friendship', '430400')).toBe(before + 1);
    const record = (await (await app.request(`/api/partnerships/${created.id}`)).json()) as PartnershipView;
    expect(record).toMatchObject({ stage: 'established', establishedOn: '2024-04-20' });
  });

  it('refuses a move that is not allowed, an approval out of order and a missing reason, changing nothing', async () => {
    const p = await buildPartnership(handle, { stage: 'proposed', establishedOn: null });
    const before = (await lifecycle(p.id)).body;
    const tries = [
      { move: 'establish', occurredOn: '2024-01-01' },
      { move: 'approve', occurredOn: '2024-01-01', approvalLevel: 'province', approver: 'x', reference: 'y' },
      { move: 'approve', occurredOn: '2024-01-01', approvalLevel: 'city', approver: 'x' },
      { move: 'dormant', occurredOn: '2024-01-01', reason: 'quiet' },
      { move: 'end', occurredOn: '2024-01-01' },
      { move: 'exchange', occurredOn: '2099-01-01' },
    ];
    const rules = [];
    for (const t of tries) {
      const res = await move(p.id, { version: before.version, ...t });
      expect(res.status).toBe(400);
      rules.push(res.body.error?.issues?.[0]?.rule);
    }
    expect(rules).toEqual([
      'move_not_allowed',
      'approval_order',
      'required',
      'move_not_allowed',
      'required',
      'move_not_allowed',
    ]);
    expect((await lifecycle(p.id)).body).toEqual(before);
  });

  it('a dormant partnership comes back to active, with who, when and why in its history', async () => {
    const p = await buildPartnership(handle, { establishedOn: '2001-05-01' });
    const dormant = await walk(p.id, [{ move: 'dormant', occurredOn: '2019-01-01', reason: '多年无往来' }]);
    expect(dormant.phase).toBe('dormant');
    expect(dormant.allowedMoves).toEqual(['reactivate', 'end']);
    const back = await walk(p.id, [{ move: 'reactivate', occurredOn: '2024-06-01', reason: '市长互访，恢复交流' }]);
    expect(back.phase).toBe('active');
    expect(back.history.map((e) => [e.move, e.occurredOn, e.reason])).toEqual([
      ['dormant', '2019-01-01', '多年无往来'],
      ['reactivate', '2024-06-01', '市长互访，恢复交流'],
    ]);
    // A move dated before the previous one is refused.
    const early = await move(p.id, { version: back.version, move: 'dormant', occurredOn: '2020-01-01', reason: 'x' });
    expect(early.status).toBe(400);
    expect(early.body.error?.issues?.[0]?.rule).toBe('before_previous');

    const ended = await walk(p.id, [{ move: 'end', occurredOn: '2024-07-01', reason: '对方城市合并' }]);
    expect(ended).toMatchObject({ phase: 'ended', allowedMoves: [] });
    const record = (await (await app.request(`/api/partnerships/${p.id}`)).json()) as PartnershipView;
    expect(record).toMatchObject({ status: 'ended', endedOn: '2024-07-01', endedReason: '对方城市合并' });
    const audit = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'partnership'), eq(auditLog.entityId, p.id)));
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('stage.'))).toEqual([
      'stage.dormant',
      'stage.reactivate',
      'stage.end',
    ]);
  });

  it('promotes a friendly-exchange relationship to a friendship city, keeping its id and history', async () => {
    const p = await buildPartnership(handle, { kind: 'exchange', establishedOn: '2012' });
    await walk(p.id, [{ move: 'dormant', occurredOn: '2016-01-01', reason: '交流减少' }]);
    await walk(p.id, [{ move: 'reactivate', occurredOn: '2018-01-01', reason: '恢复交流' }]);
    const exchangeBefore = await figureTotal('exchange');
    const friendshipBefore = await figureTotal('friendship');
    const promoted = await walk(p.id, [{ move: 'promote', occurredOn: '2020-09-09', reference: '友协〔2020〕9号' }]);
    expect(promoted).toMatchObject({ partnershipId: p.id, kind: 'friendship', phase: 'active' });
    expect(promoted.history.map((e) => e.move)).toEqual(['dormant', 'reactivate', 'promote']);
    expect(promoted.history[2]).toMatchObject({ from: { kind: 'exchange' }, to: { kind: 'friendship' } });
    expect(await figureTotal('exchange')).toBe(exchangeBefore - 1);
    expect(await figureTotal('friendship')).toBe(friendshipBefore + 1);
    expect(promoted.allowedMoves).not.toContain('promote');
  });

  it('PATCH cannot move the stage; status edits before establishment are refused, after it recorded', async () => {
    const pending = await buildPartnership(handle, { stage: 'exchanging', establishedOn: null });
    const stage = await app.request(
      `/api/partnerships/${pending.id}`,
      jsonInit('PATCH', { version: pending.version, stage: 'established' }),
    );
    expect(stage.status).toBe(400);
    const status = await app.request(
      `/api/partnerships/${pending.id}`,
      jsonInit('PATCH', { version: pending.version, status: 'dormant' }),
    );
    expect(status.status).toBe(400);
    const dated = await app.request(
      `/api/partnerships/${pending.id}`,
      jsonInit('PATCH', { version: pending.version, establishedOn: '2020' }),
    );
    expect(dated.status).toBe(400);
    const create = await app.request(
      '/api/partnerships',
      jsonInit('POST', {
        cnCode: '430100',
        stage: 'intent',
        status: 'dormant',
        partner: { countryIso2: 'GH', nameEn: 'Tamale' },
      }),
    );
    expect(create.status).toBe(400);

    const established = await buildPartnership(handle, { establishedOn: '2005' });
    const edit = await app.request(
      `/api/partnerships/${established.id}`,
      jsonInit('PATCH', { version: established.version, status: 'dormant' }),
    );
    expect(edit.status).toBe(200);
    const after = (await lifecycle(established.id)).body;
    expect(after.history.map((e) => [e.move, e.from.status, e.to.status])).toEqual([['correct', 'active', 'dormant']]);
    expect(after).toMatchObject({ phase: 'dormant', isConsistent: true, allowedMoves: ['reactivate', 'end'] });
  });

  it('a stale version gets 409 and changes nothing', async () => {
    const p = await buildPartnership(handle, { establishedOn: '2010' });
    const res = await move(p.id, { version: p.version + 5, move: 'dormant', occurredOn: '2020-01-01', reason: 'x' });
    expect(res.status).toBe(409);
    expect((await lifecycle(p.id)).body.history).toEqual([]);
  });

  it('lists can be filtered by stage', async () => {
    await buildPartnership(handle, { cnCode: '431100', stage: 'approved', establishedOn: null });
    await buildPartnership(handle, { cnCode: '431100', establishedOn: '2015' });
    const res = await app.request('/api/partnerships?cn=431100&stage=approved');
    const body = (await res.json()) as { data: PartnershipView[]; total: number };
    expect(body.total).toBe(1);
    expect(body.data[0]?.stage).toBe('approved');
  });

  it('a viewer cannot move a partnership, and an actor of another division can neither read nor move it', async () => {
    const p = await buildPartnership(handle, { cnCode: '430100', establishedOn: '2010' });
    const body = { version: p.version, move: 'dormant', occurredOn: '2020-01-01', reason: 'quiet' };
    const viewer = buildApp(handle, editorOf('430000', 'viewer'));
    expect((await lifecycle(p.id, viewer)).status).toBe(200);
    expect((await move(p.id, body, viewer)).status).toBe(403);
    const outsider = buildApp(handle, editorOf('420000'));
    expect((await lifecycle(p.id, outsider)).status).toBe(403);
    expect((await move(p.id, body, outsider)).status).toBe(403);
    const editor = buildApp(handle, editorOf('430100'));
    expect((await move(p.id, body, editor)).status).toBe(200);
    expect((await lifecycle(p.id)).body.history[0]?.actorName).toBe('editor-430100');
  });

  it('answers 404 for a partnership that does not exist', async () => {
    expect((await lifecycle(999999)).status).toBe(404);
  });
});
