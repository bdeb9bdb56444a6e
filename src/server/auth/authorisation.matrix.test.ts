/**
 * The authorisation matrix: every API route × every role × a record inside and a record outside the
 * actor's scope, each with the exact status expected. The routes come from the OpenAPI document, so
 * a new route without an entry here fails the test (add one: its policy and how to call it).
 *
 * Actors: a city admin (with the contacts permission), a city editor and a city viewer of 长沙市
 * 430100, and an anonymous caller. "in" records belong to 长沙市 (or a county under it), "out"
 * records to 岳阳市 430600.
 */
import { gte } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { MeasureCreateSchema, ProgrammeCreateSchema } from '../../shared/schemas/programme.js';
import { OutcomeCreateSchema, ProjectCreateSchema } from '../../shared/schemas/project.js';
import { DEFAULT_RULES } from '../../shared/schemas/rules.js';
import { createActivity } from '../activities/activity.service.js';
import { createBenchmark } from '../benchmarks/benchmark.service.js';
import { createContact } from '../contacts/contact.service.js';
import { addTouch } from '../contacts/touch.service.js';
import type { DbHandle } from '../db/client.js';
import { gazetteer } from '../db/schema.js';
import { uploadDocument } from '../documents/document.service.js';
import { importData } from '../imports/import.service.js';
import { createSavedMapping } from '../imports/saved-mapping.service.js';
import { getPolicy } from '../match/policy.service.js';
import { createRequest } from '../match/request.service.js';
import { addToShortlist, dismiss } from '../match/suggestion.service.js';
import { getOpenScope, putOpenScope } from '../open/publication.service.js';
import { createMeasure } from '../programmes/measure.service.js';
import { createProgramme } from '../programmes/programme.service.js';
import { createOutcome } from '../projects/outcome.service.js';
import { createProject } from '../projects/project.service.js';
import { findChromium } from '../reports/render/pdf.js';
import { getRules, putRules } from '../rules/rules.service.js';
import { buildAuthApp, buildPartnership, buildUser, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { systemActor } from './actor.js';
import { actorOfUser, resetLoginLimits } from './session.service.js';
import { createApiToken } from './token.service.js';
import { findUserByName } from './user.service.js';

const handle: DbHandle = await createTestDb();
const app = buildAuthApp(handle);
const SYSTEM = systemActor('test');

type Role = 'admin' | 'editor' | 'viewer' | 'anonymous';
type Scope = 'in' | 'out';
const ROLES: Role[] = ['admin', 'editor', 'viewer', 'anonymous'];
const CODES: Record<Scope, string> = { in: '430100', out: '430600' };

type Caller = { role: Role; username?: string; password?: string; headers: Record<string, string> };
type Call = { path: string; method?: string; json?: unknown; body?: BodyInit };
type Ctx = { scope: Scope; code: string; caller: Caller };

/**
 * Who may call a route:
 * public — anyone; signed — anyone signed in; read / write / admin / contacts — that level over the
 * record's division (out-of-scope → 403); adminAny — any admin, whatever the scope (benchmarks).
 */
type Policy = 'public' | 'signed' | 'read' | 'write' | 'admin' | 'contacts' | 'adminAny';

type Entry = {
  policy: Policy;
  ok: number;
  call(ctx: Ctx): Promise<Call> | Call;
  /** Exceptions to what the policy implies, e.g. an out-of-scope import row is a 400 problem list. */
  expect?(role: Role, scope: Scope): number | undefined;
};

let unique = 0;
const next = () => {
  unique += 1;
  return unique;
};

async function partnershipIn(scope: Scope) {
  return buildPartnership(handle, {
    cnCode: CODES[scope],
    partner: { countryIso2: 'GH', nameEn: `Matrixville ${next()}` },
  });
}

function csvFile(code: string): FormData {
  const form = new FormData();
  const csv = `cn_division_code,partner_name_en,partner_country,kind,established_on,status\n${code},Importton ${next()},GH,friendship,2015,active\n`;
  form.set('file', new File([csv], 'rows.csv', { type: 'text/csv' }));
  return form;
}

/** A saved mapping of the office of `code`. */
function mappingOf(code: string) {
  const actor = { ...systemActor('matrix'), role: 'editor' as const, scopeCode: code };
  return createSavedMapping({
    db: handle.db,
    actor,
    input: { name: `办公室映射 ${next()}`, mapping: { version: 1, columns: { 序号: null } } },
  });
}

/** A request of the office of `code` (a Chinese one, for the division itself). */
function requestIn(code: string) {
  return createRequest({ db: handle.db, actor: SYSTEM, input: { side: 'cn', cnCode: code } });
}

let candidates: number[] | undefined;
/** A different gazetteer place at every call: a candidate key no shortlist or dismissal holds yet. */
async function candidateKey(): Promise<string> {
  candidates ??= (
    await handle.db
      .select({ id: gazetteer.geonamesId })
      .from(gazetteer)
      .where(gte(gazetteer.population, 50_000))
      .limit(400)
  ).map((r) => r.id);
  return `gn:${candidates[next() % candidates.length]}`;
}

const partnershipBody = (code: string) => ({
  cnCode: code,
  kind: 'friendship',
  status: 'active',
  partner: { countryIso2: 'GH', nameEn: `Createville ${next()}` },
});

const MATRIX: Record<string, Entry> = {
  'GET /api/config': { policy: 'public', ok: 200, call: () => ({ path: '/api/config' }) },
  'GET /api/openapi.json': { policy: 'public', ok: 200, call: () => ({ path: '/api/openapi.json' }) },
  'GET /healthz': { policy: 'public', ok: 200, call: () => ({ path: '/healthz' }) },
  'GET /readyz': { policy: 'public', ok: 200, call: () => ({ path: '/readyz' }) },
  // From another host (these requests have no socket): an admin of any scope; the same host: anyone.
  'GET /metrics': { policy: 'adminAny', ok: 200, call: () => ({ path: '/metrics' }) },
  // Signing in answers to credentials, not to a session: every caller with a right password gets in.
  'POST /api/auth/login': {
    policy: 'public',
    ok: 200,
    call: ({ caller }) => ({
      path: '/api/auth/login',
      method: 'POST',
      json: { username: caller.username ?? 'nobody', password: caller.password ?? 'wrong password here' },
    }),
    expect: (role) => (role === 'anonymous' ? 401 : 200),
  },
  'POST /api/auth/demo-sign-in': {
    policy: 'public',
    ok: 404,
    call: () => ({ path: '/api/auth/demo-sign-in', method: 'POST' }),
  },
  'POST /api/auth/logout': { policy: 'public', ok: 204, call: () => ({ path: '/api/auth/logout', method: 'POST' }) },
  // Nobody signed in is an answer (user null), not an error: the web app asks on every load.
  'GET /api/auth/me': { policy: 'public', ok: 200, call: () => ({ path: '/api/auth/me' }) },
  'POST /api/auth/password': {
    policy: 'signed',
    ok: 204,
    call: ({ caller }) => ({
      path: '/api/auth/password',
      method: 'POST',
      json: { currentPassword: caller.password ?? 'x', newPassword: caller.password ?? 'another long one' },
    }),
  },

  'GET /api/users': {
    policy: 'admin',
    ok: 200,
    call: () => ({ path: '/api/users' }),
    expect: (role) => (role === 'admin' ? 200 : undefined),
  },
  'POST /api/users': {
    policy: 'admin',
    ok: 201,
    call: ({ code }) => ({
      path: '/api/users',
      method: 'POST',
      json: {
        username: `made${next()}`,
        displayName: 'Made',
        role: 'viewer',
        scopeCode: code,
        password: 'long enough password',
      },
    }),
  },
  'GET /api/users/{id}': {
    policy: 'admin',
    ok: 200,
    call: async ({ code }) => ({
      path: `/api/users/${(await buildUser(handle, { role: 'viewer', scopeCode: code })).id}`,
    }),
  },
  'PATCH /api/users/{id}': {
    policy: 'admin',
    ok: 200,
    call: async ({ code }) => {
      const u = await buildUser(handle, { role: 'viewer', scopeCode: code });
      return { path: `/api/users/${u.id}`, method: 'PATCH', json: { version: u.version, displayName: 'Renamed' } };
    },
  },
  'POST /api/users/{id}/password': {
    policy: 'admin',
    ok: 200,
    call: async ({ code }) => {
      const u = await buildUser(handle, { role: 'viewer', scopeCode: code });
      return { path: `/api/users/${u.id}/password`, method: 'POST', json: { password: 'a brand new password' } };
    },
  },
  'GET /api/tokens': { policy: 'signed', ok: 200, call: () => ({ path: '/api/tokens' }) },
  'POST /api/tokens': {
    policy: 'signed',
    ok: 201,
    call: () => ({ path: '/api/tokens', method: 'POST', json: { name: `t${next()}` } }),
  },
  // In: the caller's own token. Out: a token of a user of the other city.
  'DELETE /api/tokens/{id}': {
    policy: 'signed',
    ok: 200,
    call: async ({ scope, caller }) => {
      const owner =
        scope === 'in' && caller.username
          ? await findUserByName(handle.db, caller.username)
          : await findUserByName(
              handle.db,
              (await buildUser(handle, { role: 'editor', scopeCode: CODES.out })).username,
            );
      if (!owner) throw new Error('no owner');
      const { view } = await createApiToken({
        db: handle.db,
        actor: actorOfUser(owner),
        input: { name: `t${next()}`, canSeeContacts: false },
      });
      return { path: `/api/tokens/${view.id}`, method: 'DELETE' };
    },
    expect: (role, scope) => (role !== 'anonymous' && scope === 'out' ? 403 : undefined),
  },

  'GET /api/audit/{entity}/{id}': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/audit/partnership/${(await partnershipIn(scope)).id}` }),
  },
  'GET /api/audit/export': {
    policy: 'admin',
    ok: 200,
    call: () => ({ path: '/api/audit/export' }),
    expect: (role) => (role === 'admin' ? 200 : undefined),
  },

  'GET /api/partnerships': { policy: 'read', ok: 200, call: ({ code }) => ({ path: `/api/partnerships?cn=${code}` }) },
  'POST /api/partnerships': {
    policy: 'write',
    ok: 201,
    call: ({ code }) => ({ path: '/api/partnerships', method: 'POST', json: partnershipBody(code) }),
  },
  'GET /api/partnerships/{id}': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/partnerships/${(await partnershipIn(scope)).id}` }),
  },
  'PATCH /api/partnerships/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ scope }) => {
      const p = await partnershipIn(scope);
      return { path: `/api/partnerships/${p.id}`, method: 'PATCH', json: { version: p.version, notes: 'checked' } };
    },
  },
  'DELETE /api/partnerships/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ scope }) => {
      const p = await partnershipIn(scope);
      return { path: `/api/partnerships/${p.id}?version=${p.version}`, method: 'DELETE' };
    },
  },

  'GET /api/activities': { policy: 'read', ok: 200, call: ({ code }) => ({ path: `/api/activities?cn=${code}` }) },
  'POST /api/activities': {
    policy: 'write',
    ok: 201,
    call: async ({ scope }) => ({
      path: '/api/activities',
      method: 'POST',
      json: {
        partnershipId: (await partnershipIn(scope)).id,
        type: 'letter',
        occurredOn: '2022-03-01',
        titleEn: 'Letter',
      },
    }),
  },
  'POST /api/activities/check': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({
      path: '/api/activities/check',
      method: 'POST',
      json: { partnershipId: (await partnershipIn(scope)).id, type: 'delegation_out', participants: 3 },
    }),
  },
  'GET /api/activities/{id}': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/activities/${(await activityIn(scope)).id}` }),
  },
  'PATCH /api/activities/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ scope }) => {
      const a = await activityIn(scope);
      return { path: `/api/activities/${a.id}`, method: 'PATCH', json: { version: a.version, titleEn: 'Changed' } };
    },
  },
  'DELETE /api/activities/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ scope }) => {
      const a = await activityIn(scope);
      return { path: `/api/activities/${a.id}?version=${a.version}`, method: 'DELETE' };
    },
  },
  'GET /api/rules/{scope}': { policy: 'read', ok: 200, call: ({ code }) => ({ path: `/api/rules/${code}` }) },
  'PUT /api/rules/{scope}': {
    policy: 'admin',
    ok: 200,
    call: async ({ code }) => {
      const current = await getRules({ db: handle.db, actor: SYSTEM, scope: code });
      return {
        path: `/api/rules/${code}`,
        method: 'PUT',
        json: { settings: { ...DEFAULT_RULES, maxDelegationSize: 8 }, version: current.own?.version },
      };
    },
  },
  'DELETE /api/rules/{scope}': {
    policy: 'admin',
    ok: 204,
    call: async ({ code }) => {
      let view = await getRules({ db: handle.db, actor: SYSTEM, scope: code });
      if (!view.own)
        view = await putRules({ db: handle.db, actor: SYSTEM, scope: code, input: { settings: DEFAULT_RULES } });
      return { path: `/api/rules/${code}?version=${view.own?.version}`, method: 'DELETE' };
    },
  },
  'GET /api/open/partnerships': {
    policy: 'public',
    ok: 200,
    call: ({ code }) => ({ path: `/api/open/partnerships?cn=${code}` }),
  },
  'GET /api/open/package.zip': {
    policy: 'public',
    ok: 200,
    call: ({ code }) => ({ path: `/api/open/package.zip?scope=${code}` }),
  },
  'GET /api/open/scopes/{scope}': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/open/scopes/${code}` }),
  },
  'PUT /api/open/scopes/{scope}': {
    policy: 'admin',
    ok: 200,
    call: async ({ code }) => {
      const current = await getOpenScope({ db: handle.db, actor: SYSTEM, scope: code });
      return {
        path: `/api/open/scopes/${code}`,
        method: 'PUT',
        json: { isPublic: true, version: current.own?.version },
      };
    },
  },
  'DELETE /api/open/scopes/{scope}': {
    policy: 'admin',
    ok: 204,
    call: async ({ code }) => {
      let view = await getOpenScope({ db: handle.db, actor: SYSTEM, scope: code });
      if (!view.own)
        view = await putOpenScope({ db: handle.db, actor: SYSTEM, scope: code, input: { isPublic: false } });
      return { path: `/api/open/scopes/${code}?version=${view.own?.version}`, method: 'DELETE' };
    },
  },
  'GET /api/reminders': { policy: 'read', ok: 200, call: ({ code }) => ({ path: `/api/reminders?scope=${code}` }) },

  'GET /api/benchmarks': { policy: 'signed', ok: 200, call: () => ({ path: '/api/benchmarks' }) },
  'GET /api/benchmarks/{id}': {
    policy: 'signed',
    ok: 200,
    call: async () => ({ path: `/api/benchmarks/${(await benchmark()).id}` }),
  },
  'POST /api/benchmarks': {
    policy: 'adminAny',
    ok: 201,
    call: () => ({
      path: '/api/benchmarks',
      method: 'POST',
      json: { scopeCode: '440000', total: 100 + next(), asOf: '2020', source: 'a published source' },
    }),
  },
  'PATCH /api/benchmarks/{id}': {
    policy: 'adminAny',
    ok: 200,
    call: async () => {
      const b = await benchmark();
      return {
        path: `/api/benchmarks/${b.id}`,
        method: 'PATCH',
        json: { version: b.version, source: 'corrected source' },
      };
    },
  },
  'DELETE /api/benchmarks/{id}': {
    policy: 'adminAny',
    ok: 204,
    call: async () => {
      const b = await benchmark();
      return { path: `/api/benchmarks/${b.id}?version=${b.version}`, method: 'DELETE' };
    },
  },

  'GET /api/countries': { policy: 'signed', ok: 200, call: () => ({ path: '/api/countries' }) },
  'GET /api/divisions': { policy: 'signed', ok: 200, call: () => ({ path: '/api/divisions?parent=430000' }) },
  'GET /api/places': { policy: 'signed', ok: 200, call: () => ({ path: '/api/places?country=GH' }) },
  'GET /api/places/{id}': {
    policy: 'signed',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/places/${(await partnershipIn(scope)).partner.id}` }),
  },
  // A place is renamed only by someone who may edit every pair it is in.
  'PATCH /api/places/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ scope }) => {
      const p = await partnershipIn(scope);
      return { path: `/api/places/${p.partner.id}`, method: 'PATCH', json: { nameZh: `地名${next()}` } };
    },
  },
  'GET /api/groups': { policy: 'signed', ok: 200, call: () => ({ path: '/api/groups' }) },

  'GET /api/figures': { policy: 'read', ok: 200, call: ({ code }) => ({ path: `/api/figures?scope=${code}` }) },
  'GET /api/figures/records': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/figures/records?scope=${code}&figure=total` }),
  },
  'GET /api/partnerships/{id}/health': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/partnerships/${(await partnershipIn(scope)).id}/health` }),
  },
  'GET /api/health': { policy: 'read', ok: 200, call: ({ code }) => ({ path: `/api/health?scope=${code}` }) },
  'POST /api/news/check': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({
      path: '/api/news/check',
      method: 'POST',
      json: { text: '截至目前，共有国际友城12对。', scope: code, published: '2024-11-28' },
    }),
  },
  'GET /api/figures/activities': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/figures/activities?scope=${code}` }),
  },

  // Projects, outcomes and programmes: read and write over the record's division.
  'GET /api/projects': { policy: 'read', ok: 200, call: ({ code }) => ({ path: `/api/projects?cn=${code}` }) },
  'POST /api/projects': {
    policy: 'write',
    ok: 201,
    call: ({ code }) => ({
      path: '/api/projects',
      method: 'POST',
      json: { cnCode: code, nameEn: 'P', field: 'media' },
    }),
  },
  'GET /api/projects/outcome-totals': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/projects/outcome-totals?scope=${code}` }),
  },
  'GET /api/projects/{id}': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/projects/${(await projectIn(scope)).id}` }),
  },
  'PATCH /api/projects/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ scope }) => {
      const p = await projectIn(scope);
      return { path: `/api/projects/${p.id}`, method: 'PATCH', json: { version: p.version, status: 'running' } };
    },
  },
  'DELETE /api/projects/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ scope }) => {
      const p = await projectIn(scope);
      return { path: `/api/projects/${p.id}?version=${p.version}`, method: 'DELETE' };
    },
  },
  'POST /api/projects/{id}/outcomes': {
    policy: 'write',
    ok: 201,
    call: async ({ scope }) => ({
      path: `/api/projects/${(await projectIn(scope)).id}/outcomes`,
      method: 'POST',
      json: { metricEn: 'people reached', value: 5, unit: 'people', asOf: '2024' },
    }),
  },
  'PATCH /api/outcomes/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ scope }) => {
      const o = await outcomeIn(scope);
      return { path: `/api/outcomes/${o.id}`, method: 'PATCH', json: { version: o.version, value: 6 } };
    },
  },
  'DELETE /api/outcomes/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ scope }) => {
      const o = await outcomeIn(scope);
      return { path: `/api/outcomes/${o.id}?version=${o.version}`, method: 'DELETE' };
    },
  },
  'GET /api/programmes': { policy: 'read', ok: 200, call: ({ code }) => ({ path: `/api/programmes?cn=${code}` }) },
  'POST /api/programmes': {
    policy: 'write',
    ok: 201,
    call: ({ code }) => ({
      path: '/api/programmes',
      method: 'POST',
      json: { code: `m${next()}`, nameZh: '规划', cnCode: code, areas: [{ code: 'a', nameZh: '资源' }] },
    }),
  },
  'GET /api/programmes/{id}': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/programmes/${(await programmeIn(scope)).id}` }),
  },
  'GET /api/programmes/{id}/evidence': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/programmes/${(await programmeIn(scope)).id}/evidence` }),
  },
  'PATCH /api/programmes/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ scope }) => {
      const p = await programmeIn(scope);
      return { path: `/api/programmes/${p.id}`, method: 'PATCH', json: { version: p.version, nameEn: 'Plan' } };
    },
  },
  'DELETE /api/programmes/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ scope }) => {
      const p = await programmeIn(scope);
      return { path: `/api/programmes/${p.id}?version=${p.version}`, method: 'DELETE' };
    },
  },
  'POST /api/programmes/{id}/areas': {
    policy: 'write',
    ok: 201,
    call: async ({ scope }) => ({
      path: `/api/programmes/${(await programmeIn(scope)).id}/areas`,
      method: 'POST',
      json: { code: 'b', nameZh: '机制' },
    }),
  },
  'PATCH /api/programme-areas/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ scope }) => {
      const area = (await programmeIn(scope)).areas[0];
      return {
        path: `/api/programme-areas/${area?.id}`,
        method: 'PATCH',
        json: { version: area?.version, nameEn: 'R' },
      };
    },
  },
  'DELETE /api/programme-areas/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ scope }) => {
      const area = (await programmeIn(scope)).areas[0];
      return { path: `/api/programme-areas/${area?.id}?version=${area?.version}`, method: 'DELETE' };
    },
  },
  'POST /api/programmes/{id}/measures': {
    policy: 'write',
    ok: 201,
    call: async ({ scope }) => {
      const p = await programmeIn(scope);
      return {
        path: `/api/programmes/${p.id}/measures`,
        method: 'POST',
        json: { areaId: p.areas[0]?.id, code: 'M1', textZh: '措施' },
      };
    },
  },
  'PATCH /api/measures/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ scope }) => {
      const m = await measureIn(scope);
      return { path: `/api/measures/${m.id}`, method: 'PATCH', json: { version: m.version, progress: 30 } };
    },
  },
  'DELETE /api/measures/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ scope }) => {
      const m = await measureIn(scope);
      return { path: `/api/measures/${m.id}?version=${m.version}`, method: 'DELETE' };
    },
  },

  // An import row outside the importer's scope is a problem of the file (400), like any bad row.
  'POST /api/imports': {
    policy: 'write',
    ok: 200,
    call: ({ code }) => ({ path: '/api/imports', method: 'POST', body: csvFile(code) }),
    expect: (role, scope) => (scope === 'out' && (role === 'admin' || role === 'editor') ? 400 : undefined),
  },
  // The wizard's steps act in the caller's own scope: an editor anywhere may preview a sheet or
  // save a mapping for the office; runs and mappings of another office are not found.
  'POST /api/imports/preview': {
    policy: 'write',
    ok: 200,
    call: ({ code }) => ({ path: '/api/imports/preview', method: 'POST', body: csvFile(code) }),
    expect: (role, scope) => (scope === 'out' && (role === 'admin' || role === 'editor') ? 200 : undefined),
  },
  'POST /api/imports/problems.xlsx': {
    policy: 'write',
    ok: 200,
    call: ({ code }) => ({ path: '/api/imports/problems.xlsx', method: 'POST', body: csvFile(code) }),
    expect: (role, scope) => (scope === 'out' && (role === 'admin' || role === 'editor') ? 200 : undefined),
  },
  'GET /api/imports/runs': { policy: 'signed', ok: 200, call: () => ({ path: '/api/imports/runs' }) },
  'POST /api/imports/runs/{id}/undo': {
    policy: 'write',
    ok: 200,
    call: async ({ code }) => {
      const form = csvFile(code);
      const file = form.get('file') as File;
      const actor = { ...systemActor('matrix'), role: 'editor' as const, scopeCode: code };
      const report = await importData({ db: handle.db, data: await file.text(), fileName: 'rows.csv', actor });
      return { path: `/api/imports/runs/${report.runId}/undo`, method: 'POST' };
    },
    expect: (role, scope) => (scope === 'out' && (role === 'admin' || role === 'editor') ? 404 : undefined),
  },
  'GET /api/import-mappings': { policy: 'signed', ok: 200, call: () => ({ path: '/api/import-mappings' }) },
  'POST /api/import-mappings': {
    policy: 'write',
    ok: 201,
    call: () => ({
      path: '/api/import-mappings',
      method: 'POST',
      json: { name: `映射 ${next()}`, mapping: { version: 1, columns: { 序号: null } } },
    }),
    expect: (role, scope) => (scope === 'out' && (role === 'admin' || role === 'editor') ? 201 : undefined),
  },
  'PATCH /api/import-mappings/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ code }) => {
      const m = await mappingOf(code);
      return {
        path: `/api/import-mappings/${m.id}`,
        method: 'PATCH',
        json: { name: `改名 ${next()}`, version: m.version },
      };
    },
    expect: (role, scope) => (scope === 'out' && (role === 'admin' || role === 'editor') ? 404 : undefined),
  },
  'DELETE /api/import-mappings/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ code }) => {
      const m = await mappingOf(code);
      return { path: `/api/import-mappings/${m.id}?version=${m.version}`, method: 'DELETE' };
    },
    expect: (role, scope) => (scope === 'out' && (role === 'admin' || role === 'editor') ? 404 : undefined),
  },
  'GET /api/imports/template.csv': { policy: 'signed', ok: 200, call: () => ({ path: '/api/imports/template.csv' }) },
  'GET /api/imports/template.xlsx': { policy: 'signed', ok: 200, call: () => ({ path: '/api/imports/template.xlsx' }) },
  'GET /api/exports/partnerships.csv': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/exports/partnerships.csv?cn=${code}` }),
  },
  'GET /api/exports/partnerships.xlsx': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/exports/partnerships.xlsx?cn=${code}` }),
  },
  'GET /api/exports/partnerships.json': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/exports/partnerships.json?cn=${code}` }),
  },

  // Life cycle and documents: read in scope, moved and attached by editors of the scope.
  'GET /api/partnerships/{id}/lifecycle': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/partnerships/${(await partnershipIn(scope)).id}/lifecycle` }),
  },
  'POST /api/partnerships/{id}/lifecycle': {
    policy: 'write',
    ok: 200,
    call: async ({ scope }) => {
      const p = await partnershipIn(scope);
      return {
        path: `/api/partnerships/${p.id}/lifecycle`,
        method: 'POST',
        json: { version: p.version, move: 'dormant', occurredOn: '2024-01-02', reason: 'no exchange for years' },
      };
    },
  },
  'GET /api/partnerships/{id}/documents': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/partnerships/${(await partnershipIn(scope)).id}/documents` }),
  },
  'POST /api/partnerships/{id}/documents': {
    policy: 'write',
    ok: 201,
    call: async ({ scope }) => {
      const form = new FormData();
      form.set('file', new File([PNG], 'scan.png', { type: 'image/png' }));
      form.set('category', 'agreement');
      return { path: `/api/partnerships/${(await partnershipIn(scope)).id}/documents`, method: 'POST', body: form };
    },
  },
  'GET /api/documents/{id}/content': {
    policy: 'read',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/documents/${(await documentIn(scope)).id}/content` }),
  },
  'DELETE /api/documents/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ scope }) => ({ path: `/api/documents/${(await documentIn(scope)).id}`, method: 'DELETE' }),
  },

  // Contacts are personal data: only the admin of the test holds the permission, for reading and writing.
  'GET /api/contacts': { policy: 'contacts', ok: 200, call: ({ code }) => ({ path: `/api/contacts?cn=${code}` }) },
  'GET /api/contacts/silent': {
    policy: 'contacts',
    ok: 200,
    call: ({ code }) => ({ path: `/api/contacts/silent?cn=${code}` }),
  },
  'GET /api/contacts/post-holders': {
    policy: 'contacts',
    ok: 200,
    call: ({ code }) => ({ path: `/api/contacts/post-holders?cn=${code}&post=mayor` }),
  },
  'POST /api/contacts': {
    policy: 'contacts',
    ok: 201,
    call: ({ code }) => ({
      path: '/api/contacts',
      method: 'POST',
      json: { cnCode: code, category: 'expert', nameEn: `Example Person ${next()}` },
    }),
  },
  'GET /api/contacts/{id}': {
    policy: 'contacts',
    ok: 200,
    call: async ({ scope }) => ({ path: `/api/contacts/${(await contactIn(scope)).id}` }),
  },
  'PATCH /api/contacts/{id}': {
    policy: 'contacts',
    ok: 200,
    call: async ({ scope }) => {
      const c = await contactIn(scope);
      return { path: `/api/contacts/${c.id}`, method: 'PATCH', json: { version: c.version, notes: 'met again' } };
    },
  },
  'DELETE /api/contacts/{id}': {
    policy: 'contacts',
    ok: 204,
    call: async ({ scope }) => {
      const c = await contactIn(scope);
      return { path: `/api/contacts/${c.id}?version=${c.version}`, method: 'DELETE' };
    },
  },
  'POST /api/contacts/{id}/touches': {
    policy: 'contacts',
    ok: 201,
    call: async ({ scope }) => ({
      path: `/api/contacts/${(await contactIn(scope)).id}/touches`,
      method: 'POST',
      json: { touchedOn: '2024-03-04', channel: 'call' },
    }),
  },
  'DELETE /api/contacts/{id}/touches/{touchId}': {
    policy: 'contacts',
    ok: 204,
    call: async ({ scope }) => {
      const c = await contactIn(scope);
      const touch = await addTouch({
        db: handle.db,
        actor: SYSTEM,
        contactId: c.id,
        input: { touchedOn: '2024-03-04', channel: 'email' },
      });
      return { path: `/api/contacts/${c.id}/touches/${touch.id}`, method: 'DELETE' };
    },
  },
  'POST /api/contacts/export': {
    policy: 'contacts',
    ok: 200,
    call: ({ code }) => ({
      path: '/api/contacts/export',
      method: 'POST',
      json: { format: 'csv', confirm: true, purpose: 'yearly review of the network', cn: code },
    }),
  },

  // The annual report: read in scope. PDF needs Chromium: without it the answer is 503 for whoever may read.
  'GET /api/reports/annual.md': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/reports/annual.md?scope=${code}&asOf=2025-06-30` }),
  },
  'GET /api/reports/annual.html': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/reports/annual.html?scope=${code}&asOf=2025-06-30` }),
  },
  'GET /api/reports/annual.docx': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/reports/annual.docx?scope=${code}&asOf=2025-06-30` }),
  },
  'GET /api/reports/annual.pdf': {
    policy: 'read',
    ok: findChromium() ? 200 : 503,
    call: ({ code }) => ({ path: `/api/reports/annual.pdf?scope=${code}&asOf=2025-06-30` }),
  },
  'GET /api/match/requests': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/match/requests?scope=${code}` }),
  },
  'POST /api/match/requests': {
    policy: 'write',
    ok: 201,
    call: ({ code }) => ({ path: '/api/match/requests', method: 'POST', json: { side: 'cn', cnCode: code } }),
  },
  'GET /api/match/requests/{id}': {
    policy: 'read',
    ok: 200,
    call: async ({ code }) => ({ path: `/api/match/requests/${(await requestIn(code)).id}` }),
  },
  'PATCH /api/match/requests/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ code }) => {
      const r = await requestIn(code);
      return { path: `/api/match/requests/${r.id}`, method: 'PATCH', json: { version: r.version, notes: '改' } };
    },
  },
  'DELETE /api/match/requests/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ code }) => {
      const r = await requestIn(code);
      return { path: `/api/match/requests/${r.id}?version=${r.version}`, method: 'DELETE' };
    },
  },
  'POST /api/match/requests/{id}/status': {
    policy: 'write',
    ok: 200,
    call: async ({ code }) => {
      const r = await requestIn(code);
      return {
        path: `/api/match/requests/${r.id}/status`,
        method: 'POST',
        json: { status: 'talks', version: r.version },
      };
    },
  },
  'GET /api/match/mutual': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/match/mutual?scope=${code}` }),
  },
  'POST /api/match/mutual/promote': {
    policy: 'write',
    ok: 201,
    call: async ({ code }) => {
      const cn = await requestIn(code);
      const foreign = await createRequest({
        db: handle.db,
        actor: SYSTEM,
        input: {
          side: 'foreign',
          ownerScope: code,
          foreignPlace: { countryIso2: 'GH', nameEn: `Seekville ${next()}` },
        },
      });
      return {
        path: '/api/match/mutual/promote',
        method: 'POST',
        json: { cnRequestId: cn.id, foreignRequestId: foreign.id },
      };
    },
  },
  'GET /api/match/suggestions': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/match/suggestions?cn=${code}&limit=1` }),
  },
  'GET /api/match/candidates/{key}': {
    policy: 'read',
    ok: 200,
    call: async ({ code }) => ({ path: `/api/match/candidates/${await candidateKey()}?cn=${code}` }),
  },
  'GET /api/match/shortlist': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/match/shortlist?cn=${code}` }),
  },
  'POST /api/match/shortlist': {
    policy: 'write',
    ok: 201,
    call: async ({ code }) => ({
      path: '/api/match/shortlist',
      method: 'POST',
      json: { cn: code, key: await candidateKey(), note: '备选' },
    }),
  },
  'PATCH /api/match/shortlist/{id}': {
    policy: 'write',
    ok: 200,
    call: async ({ code }) => {
      const e = await addToShortlist({ db: handle.db, actor: SYSTEM, input: { cn: code, key: await candidateKey() } });
      return { path: `/api/match/shortlist/${e.id}`, method: 'PATCH', json: { note: '改', version: e.version } };
    },
  },
  'DELETE /api/match/shortlist/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ code }) => {
      const e = await addToShortlist({ db: handle.db, actor: SYSTEM, input: { cn: code, key: await candidateKey() } });
      return { path: `/api/match/shortlist/${e.id}`, method: 'DELETE' };
    },
  },
  'GET /api/match/dismissals': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/match/dismissals?cn=${code}` }),
  },
  'POST /api/match/dismissals': {
    policy: 'write',
    ok: 201,
    call: async ({ code }) => ({
      path: '/api/match/dismissals',
      method: 'POST',
      json: { cn: code, key: await candidateKey(), reason: '不合适' },
    }),
  },
  'DELETE /api/match/dismissals/{id}': {
    policy: 'write',
    ok: 204,
    call: async ({ code }) => {
      const d = await dismiss({
        db: handle.db,
        actor: SYSTEM,
        input: { cn: code, key: await candidateKey(), reason: '不合适' },
      });
      return { path: `/api/match/dismissals/${d.id}`, method: 'DELETE' };
    },
  },
  'GET /api/match/policy/{scope}': {
    policy: 'read',
    ok: 200,
    call: ({ code }) => ({ path: `/api/match/policy/${code}` }),
  },
  'PUT /api/match/policy/{scope}': {
    policy: 'admin',
    ok: 200,
    call: async ({ code }) => {
      const current = await getPolicy({ db: handle.db, actor: SYSTEM, scope: code });
      return {
        path: `/api/match/policy/${code}`,
        method: 'PUT',
        json: { settings: { excludedCountries: ['JP'] }, version: current.own?.version },
      };
    },
  },
};

async function activityIn(scope: Scope) {
  const p = await partnershipIn(scope);
  return createActivity({
    db: handle.db,
    actor: SYSTEM,
    input: { partnershipId: p.id, type: 'visit', occurredOn: '2021-06-01', titleEn: 'Visit' },
  } as Parameters<typeof createActivity>[0]);
}

/** A 1×1 PNG: documents are judged by their bytes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

async function documentIn(scope: Scope) {
  const p = await partnershipIn(scope);
  return uploadDocument({
    db: handle.db,
    actor: SYSTEM,
    partnershipId: p.id,
    file: { data: PNG, fileName: 'scan.png' },
    fields: { category: 'agreement' },
  });
}

async function contactIn(scope: Scope) {
  return createContact({
    db: handle.db,
    actor: SYSTEM,
    input: { cnCode: CODES[scope], category: 'partner_official', nameEn: `Example Official ${next()}` },
  });
}

async function benchmark() {
  return createBenchmark({
    db: handle.db,
    actor: SYSTEM,
    input: {
      scopeCode: '320000',
      kind: 'friendship',
      total: 1000 + next(),
      asOf: '2019',
      source: 'a published source',
    },
  });
}

async function projectIn(scope: Scope) {
  return createProject({
    db: handle.db,
    actor: SYSTEM,
    input: ProjectCreateSchema.parse({ cnCode: CODES[scope], nameEn: `Project ${next()}`, field: 'health' }),
  });
}

async function outcomeIn(scope: Scope) {
  const p = await projectIn(scope);
  return createOutcome({
    db: handle.db,
    actor: SYSTEM,
    projectId: p.id,
    input: OutcomeCreateSchema.parse({ metricEn: 'trainees', value: 12, unit: 'trainees', asOf: '2023' }),
  });
}

async function programmeIn(scope: Scope) {
  return createProgramme({
    db: handle.db,
    actor: SYSTEM,
    input: ProgrammeCreateSchema.parse({
      code: `plan-${next()}`,
      nameZh: '规划',
      cnCode: CODES[scope],
      areas: [{ code: 'resources', nameZh: '资源' }],
    }),
  });
}

async function measureIn(scope: Scope) {
  const p = await programmeIn(scope);
  return createMeasure({
    db: handle.db,
    actor: SYSTEM,
    programmeId: p.id,
    input: MeasureCreateSchema.parse({ areaId: p.areas[0]?.id, code: 'M1', textZh: '措施', status: 'in_progress' }),
  });
}

/** The status a policy implies for a role and a scope. */
function expected(entry: Entry, role: Role, scope: Scope): number {
  const special = entry.expect?.(role, scope);
  if (special !== undefined) return special;
  const { policy, ok } = entry;
  if (policy === 'public') return ok;
  if (role === 'anonymous') return 401;
  if (policy === 'signed') return ok;
  if (policy === 'adminAny') return role === 'admin' ? ok : 403;
  if (scope === 'out') return 403;
  if (policy === 'read') return ok;
  if (policy === 'write') return role === 'viewer' ? 403 : ok;
  if (policy === 'admin') return role === 'admin' ? ok : 403;
  // contacts: only the admin of the test holds the permission
  return role === 'admin' ? ok : 403;
}

const callers = {} as Record<Role, Caller>;

async function signIn(role: Exclude<Role, 'anonymous'>): Promise<Caller> {
  const user = await buildUser(handle, { role, scopeCode: CODES.in, canSeeContacts: role === 'admin' });
  const res = await app.request(
    '/api/auth/login',
    jsonInit('POST', { username: user.username, password: user.password }),
  );
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { role, username: user.username, password: user.password, headers: { cookie, 'x-csrf-token': csrfToken } };
}

beforeAll(async () => {
  await resetLoginLimits(handle.db);
  callers.admin = await signIn('admin');
  callers.editor = await signIn('editor');
  callers.viewer = await signIn('viewer');
  callers.anonymous = { role: 'anonymous', headers: {} };
});

/** Every route of the OpenAPI document, as "METHOD /path". */
async function documentedRoutes(): Promise<string[]> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
  return [...routes, 'GET /api/openapi.json'].sort();
}

describe('authorisation matrix', () => {
  it('has an entry for every route of the API (a new route must say who may call it)', async () => {
    const routes = await documentedRoutes();
    expect(routes.filter((r) => !(r in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((r) => !routes.includes(r))).toEqual([]);
  });

  for (const [route, entry] of Object.entries(MATRIX)) {
    it(`${route} (${entry.policy})`, async () => {
      const results: string[] = [];
      const wanted: string[] = [];
      for (const role of ROLES) {
        for (const scope of ['in', 'out'] as const) {
          const caller = callers[role];
          const call = await entry.call({ scope, code: CODES[scope], caller });
          const method = call.method ?? 'GET';
          // Signing out would end the session the other routes use: sign out a session of its own.
          const headers =
            route === 'POST /api/auth/logout' && role !== 'anonymous'
              ? { ...(await signIn(role)).headers }
              : { ...caller.headers };
          const init: RequestInit =
            call.json !== undefined ? jsonInit(method, call.json, headers) : { method, headers, body: call.body };
          const res = await app.request(call.path, init);
          results.push(`${role}/${scope}: ${res.status}`);
          wanted.push(`${role}/${scope}: ${expected(entry, role, scope)}`);
        }
      }
      expect(results).toEqual(wanted);
    });
  }

  // Nobody signed in learns nothing about a route's inputs: a bad body, id or query answers 401 like
  // a good one, never 400 with the schema's field errors.
  it('answers 401 before it checks the input of any route that needs a sign-in', async () => {
    const answers: string[] = [];
    for (const [route, entry] of Object.entries(MATRIX)) {
      if (entry.policy === 'public') continue;
      const call = await entry.call({ scope: 'in', code: CODES.in, caller: callers.anonymous });
      const method = call.method ?? 'GET';
      const [path = '', query] = call.path.split('?');
      const junkPath = `${path.replace(/\/\d+(?=\/|$)/g, '/not-an-id')}?${query ? `${query}&` : ''}page=-1&perPage=x&asOf=2023-02-30&scope=abc`;
      const init: RequestInit =
        method === 'GET' || method === 'DELETE'
          ? { method }
          : { method, headers: { 'content-type': 'application/json' }, body: '{"cnCode": 12, "version": "x"}' };
      const res = await app.request(junkPath, init);
      answers.push(`${route}: ${res.status}`);
    }
    expect(answers.filter((a) => !a.endsWith(': 401'))).toEqual([]);
  });
});
