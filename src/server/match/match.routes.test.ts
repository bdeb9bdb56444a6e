import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CandidateExplained, MatchRequest, MutualMatch, Suggestions } from '../../shared/schemas/match.js';
import type { Actor } from '../auth/actor.js';
import { gazetteer } from '../db/schema.js';
import { resolveForeignPlace } from '../places/place.service.js';
import { buildApp, buildPartnership, jsonInit } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';

const handle = await createTestDb();
const app = buildApp(handle);

async function geonamesIdOf(name: string, country: string): Promise<number> {
  const rows = await handle.db
    .select({ id: gazetteer.geonamesId, population: gazetteer.population })
    .from(gazetteer)
    .where(and(eq(gazetteer.name, name), eq(gazetteer.countryIso2, country)));
  const best = rows.sort((a, b) => (b.population ?? 0) - (a.population ?? 0))[0];
  if (!best) throw new Error(`${name} (${country}) is not in the gazetteer`);
  return best.id;
}

async function suggestions(query: string): Promise<Suggestions> {
  const res = await app.request(`/api/match/suggestions?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Suggestions;
}

/** A viewer of 长沙 only: it may not see which other division of Hunan a place is paired with. */
const asCityViewer = buildApp(handle, {
  kind: 'user',
  id: 98,
  name: 'city viewer',
  role: 'viewer',
  scopeCode: '430100',
  canSeeContacts: false,
});

let kumasi: number;

beforeAll(async () => {
  kumasi = await geonamesIdOf('Kumasi', 'GH');
  // 长沙 is paired with Kumasi; two other Hunan cities have pairs in Japan.
  await buildPartnership(handle, { cnCode: '430100', partner: { countryIso2: 'GH', nameEn: 'Kumasi' } });
  await buildPartnership(handle, { cnCode: '430200', partner: { countryIso2: 'JP', nameEn: 'Osaka' } });
  await buildPartnership(handle, { cnCode: '430300', partner: { countryIso2: 'JP', nameEn: 'Kyoto' } });
});

describe('GET /api/match/suggestions', () => {
  it('ranks over 30,000 places and explains each suggestion in both languages', async () => {
    const s = await suggestions('cn=430100&limit=20');
    expect(s.candidateCount).toBeGreaterThan(30_000);
    expect(s.items).toHaveLength(20);
    expect(s.cn).toMatchObject({ code: '430100', nameZh: '长沙市', level: 'city' });
    expect(s.cn.population).toBeGreaterThan(1_000_000);
    const scores = s.items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const item of s.items) {
      expect(item.factors.length).toBeGreaterThanOrEqual(3);
      for (const f of item.factors) {
        expect(f.text.zh).toMatch(/\p{Script=Han}/u);
        expect(f.text.en).toMatch(/[a-z]/);
        expect(f.text.en).not.toMatch(/\p{Script=Han}/u);
      }
      const sum = item.factors.reduce((total, f) => total + f.points, 0);
      expect(Math.abs(sum - item.score)).toBeLessThan(0.5);
    }
  });

  it('never suggests a place in a country without diplomatic relations, nor one already paired, and says so', async () => {
    const s = await suggestions('cn=430100&limit=200');
    expect(s.items.some((i) => ['PY', 'GT', 'VA', 'BT'].includes(i.countryIso2))).toBe(false);
    expect(s.items.some((i) => i.key === `gn:${kumasi}`)).toBe(false);
    const rules = new Map(s.exclusions.map((e) => [e.rule, e]));
    expect(rules.get('no_relations')?.count).toBeGreaterThan(10);
    expect(rules.get('already_paired')?.count).toBe(1);
    expect(rules.get('already_paired')?.examples[0]?.reason.en).toContain('already paired with Changsha (2010)');
    const paraguay = await suggestions('cn=430100&country=PY');
    expect(paraguay.items).toHaveLength(0);
    expect(paraguay.exclusions[0]?.examples[0]?.reason.zh).toBe('巴拉圭未与中华人民共和国建交');
    for (const example of s.exclusions.flatMap((e) => e.examples)) {
      expect(example.reason.en).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('explains one candidate: its factors, every rule that excludes it, its rank', async () => {
    const res = await app.request(`/api/match/candidates/gn:${kumasi}?cn=430100`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { candidate: { name: string }; excludedBy: { rule: string }[]; rank: null };
    expect(body.candidate.name).toBe('Kumasi');
    expect(body.excludedBy.map((e) => e.rule)).toEqual(['already_paired']);
    expect(body.rank).toBeNull();
    const top = (await suggestions('cn=430100&limit=1')).items[0];
    const first = await (await app.request(`/api/match/candidates/${top?.key}?cn=430100`)).json();
    expect(first).toMatchObject({ rank: 1, excludedBy: [] });
    expect((await app.request('/api/match/candidates/gn:1?cn=430100')).status).toBe(404);
  });

  it('weighs the province’s ties in a country: weights move the ranking', async () => {
    const tiesOnly = await suggestions('cn=430100&weights=size:0,role:0,geo:0,bri:0,ties:3,china:0,fields:0,wish:0');
    expect(tiesOnly.items.every((i) => i.countryIso2 === 'JP' || i.countryIso2 === 'GH')).toBe(true);
    expect(tiesOnly.items[0]?.factors[0]?.text.zh).toMatch(/湖南省在(日本|加纳)已有\d对友城/);
    const bad = await app.request('/api/match/suggestions?cn=430100&weights=size:9');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('a weight from 0 to 3');
  });

  it('names the division of the province paired with a candidate in the language of each sentence', async () => {
    const osaka = await geonamesIdOf('Osaka', 'JP');
    const ties = async (as: typeof app) => {
      const res = await as.request(`/api/match/candidates/gn:${osaka}?cn=430100`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as CandidateExplained;
      return body.candidate?.factors.find((f) => f.code === 'ties')?.text;
    };
    expect(await ties(app)).toEqual({
      zh: '湖南省在日本已有2对友城，该地已与株洲市结好',
      en: 'Hunan already has 2 pairs in Japan; this place is paired with Zhuzhou',
    });
    // An office that may not see the other division is told only that one exists.
    expect(await ties(asCityViewer)).toEqual({
      zh: '湖南省在日本已有2对友城，该地已与本省另一地方结好',
      en: 'Hunan already has 2 pairs in Japan; this place is paired with another place in the province',
    });
  });

  it('applies an office’s policy and names it', async () => {
    const put = await app.request(
      '/api/match/policy/430000',
      jsonInit('PUT', { settings: { excludedCountries: ['JP'], maxPerCountry: 1, notPairedInProvince: true } }),
    );
    expect(put.status).toBe(200);
    const s = await suggestions('cn=430100&limit=200');
    expect(s.policyScope).toBe('430000');
    expect(s.items.some((i) => i.countryIso2 === 'JP' || i.countryIso2 === 'GH')).toBe(false);
    const rules = s.exclusions.map((e) => e.rule);
    expect(rules).toEqual(expect.arrayContaining(['office_excluded_country', 'max_per_country']));
    const ghana = s.exclusions.find((e) => e.rule === 'max_per_country');
    expect(ghana?.examples[0]?.reason.en).toContain('at most 1 per country');
    const osaka = await geonamesIdOf('Osaka', 'JP');
    const why = (await (await app.request(`/api/match/candidates/gn:${osaka}?cn=430100`)).json()) as CandidateExplained;
    expect(why.excludedBy.find((e) => e.rule === 'paired_in_province')?.reason).toEqual({
      zh: '已与本省株洲市结好（规则：不与本省已结好的地方结好）',
      en: 'already paired with Zhuzhou in your province (rule: not a place paired within the province)',
    });
    const hidden = (await (
      await asCityViewer.request(`/api/match/candidates/gn:${osaka}?cn=430100`)
    ).json()) as CandidateExplained;
    expect(hidden.excludedBy.find((e) => e.rule === 'paired_in_province')?.reason).toEqual({
      zh: '已与本省另一地方结好（规则：不与本省已结好的地方结好）',
      en: 'already paired with another place in your province (rule: not a place paired within the province)',
    });
    const view = (await (await app.request('/api/match/policy/430100')).json()) as { effectiveFrom: string; own: null };
    expect(view).toMatchObject({ effectiveFrom: '430000', own: null });
    const unknown = await app.request(
      '/api/match/policy/430000',
      jsonInit('PUT', { settings: { excludedCountries: ['XX'] }, version: 1 }),
    );
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain('settings.excludedCountries.0');
    const cleared = await app.request(
      '/api/match/policy/430000',
      jsonInit('PUT', {
        settings: { excludedCountries: [], maxPerCountry: null, notPairedInProvince: false },
        version: 1,
      }),
    );
    expect(cleared.status).toBe(200);
    expect((await app.request('/api/match/policy/430000', jsonInit('PUT', { settings: {}, version: 1 }))).status).toBe(
      409,
    );
  });
});

describe('shortlist and dismissals', () => {
  it('keeps a candidate with a note, once', async () => {
    const top = (await suggestions('cn=430100&limit=1')).items[0];
    const res = await app.request(
      '/api/match/shortlist',
      jsonInit('POST', { cn: '430100', key: top?.key, note: '先通信' }),
    );
    expect(res.status).toBe(201);
    const entry = (await res.json()) as { id: number; version: number; name: string };
    expect(entry.name).toContain(top?.name ?? '?');
    expect((await suggestions('cn=430100&limit=1')).items[0]?.shortlisted).toBe(true);
    const again = await app.request('/api/match/shortlist', jsonInit('POST', { cn: '430100', key: top?.key }));
    expect(again.status).toBe(409);
    const patched = await app.request(
      `/api/match/shortlist/${entry.id}`,
      jsonInit('PATCH', { note: '已去函', version: entry.version }),
    );
    expect(await patched.json()).toMatchObject({ note: '已去函', version: 2 });
    expect(
      (await app.request(`/api/match/shortlist/${entry.id}`, jsonInit('PATCH', { note: 'x', version: 1 }))).status,
    ).toBe(409);
    expect((await app.request(`/api/match/shortlist/${entry.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await app.request('/api/match/shortlist?cn=430100')).json()).toEqual([]);
  });

  it('sets a candidate aside with its reason until it is restored', async () => {
    const top = (await suggestions('cn=430100&limit=1')).items[0];
    const res = await app.request(
      '/api/match/dismissals',
      jsonInit('POST', { cn: '430100', key: top?.key, reason: '距离过远' }),
    );
    expect(res.status).toBe(201);
    const dismissal = (await res.json()) as { id: number };
    const after = await suggestions('cn=430100&limit=5');
    expect(after.items.some((i) => i.key === top?.key)).toBe(false);
    const set = after.exclusions.find((e) => e.rule === 'dismissed');
    expect(set?.examples[0]?.reason.zh).toMatch(/^已于\d{4}-\d{2}-\d{2}搁置：距离过远$/);
    expect(
      (await app.request('/api/match/dismissals', jsonInit('POST', { cn: '430100', key: top?.key, reason: 'x' })))
        .status,
    ).toBe(409);
    expect((await app.request(`/api/match/dismissals/${dismissal.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await suggestions('cn=430100&limit=1')).items[0]?.key).toBe(top?.key);
  });

  it('names a candidate by its key, and refuses a key that is no candidate', async () => {
    const known = await resolveForeignPlace(handle.db, { countryIso2: 'GH', nameEn: 'Kumasi', nameZh: '库马西' });
    expect(known.place.geonamesId).toBe(kumasi);
    const own = await resolveForeignPlace(handle.db, { countryIso2: 'GH', nameEn: 'Amity Test Village' });
    expect(own.place.geonamesId).toBeNull();
    const post = (path: string, key: string) =>
      app.request(
        path,
        jsonInit('POST', path.endsWith('shortlist') ? { cn: '430600', key } : { cn: '430600', key, reason: '试' }),
      );
    for (const path of ['/api/match/shortlist', '/api/match/dismissals']) {
      const gn = await post(path, `gn:${kumasi}`);
      expect(gn.status).toBe(201);
      expect(await gn.json()).toMatchObject({ key: `gn:${kumasi}`, name: 'Kumasi（库马西）', countryIso2: 'GH' });
      const fp = await post(path, `fp:${own.place.id}`);
      expect(fp.status).toBe(201);
      expect(await fp.json()).toMatchObject({ name: 'Amity Test Village', countryIso2: 'GH' });
      // A registry place that stands for a gazetteer place is a candidate under its gn: key only.
      for (const key of [`fp:${known.place.id}`, 'fp:999999', 'gn:1', `gn:0${kumasi}`]) {
        const res = await post(path, key);
        expect(res.status).toBe(404);
        expect(JSON.stringify(await res.json())).toContain(`${key} is not a candidate place`);
      }
      expect((await post(path, 'Kumasi')).status).toBe(400);
    }
  });
});

describe('requests and mutual matches', () => {
  let cnRequest: MatchRequest;
  let foreignRequest: MatchRequest;

  it('enters a request of each side, with its default expiry', async () => {
    const cn = await app.request(
      '/api/match/requests',
      jsonInit('POST', {
        side: 'cn',
        cnCode: '430100',
        profile: { population: 10_047_914, populationAsOf: '2020-11', features: ['university', 'industrial'] },
        wishedCountries: ['GH'],
        fields: ['education', 'tourism'],
        receivedOn: '2026-03-01',
      }),
    );
    expect(cn.status).toBe(201);
    cnRequest = (await cn.json()) as MatchRequest;
    expect(cnRequest).toMatchObject({ side: 'cn', ownerScope: '430100', status: 'open', expiresOn: '2027-03-01' });
    const foreign = await app.request(
      '/api/match/requests',
      jsonInit('POST', {
        side: 'foreign',
        foreignPlace: { countryIso2: 'GH', nameEn: 'Tamale' },
        ownerScope: '430000',
        profile: { features: ['university'] },
        wishedProvinces: ['430000'],
        fields: ['education', 'agriculture'],
        source: 'letter of the Tamale metropolitan assembly',
      }),
    );
    expect(foreign.status).toBe(201);
    foreignRequest = (await foreign.json()) as MatchRequest;
    expect(foreignRequest.foreign).toMatchObject({ countryIso2: 'GH', nameEn: 'Tamale', countryNameZh: '加纳' });
  });

  it('refuses a request that names what it cannot have, field by field', async () => {
    const res = await app.request(
      '/api/match/requests',
      jsonInit('POST', {
        side: 'foreign',
        foreignPlace: { countryIso2: 'GH', nameEn: 'Ho' },
        wishedProvinces: ['430100'],
      }),
    );
    expect(res.status).toBe(400);
    const text = JSON.stringify(await res.json());
    expect(text).toContain('wishedProvinces.0');
    expect(text).toContain('ownerScope');
    const cn = await app.request('/api/match/requests', jsonInit('POST', { side: 'cn' }));
    expect(JSON.stringify(await cn.json())).toContain('cnCode');
  });

  it('uses the requests in suggestions: the division’s population and wishes, the place seeking a partner', async () => {
    const s = await suggestions('cn=430100&limit=50&country=GH');
    expect(s.cn.population).toBe(10_047_914);
    expect(s.cn.populationSource).toBe(`request #${cnRequest.id} (2020-11)`);
    const tamale = s.items.find((i) => i.name === 'Tamale');
    expect(tamale?.requestId).toBe(foreignRequest.id);
    const texts = tamale?.factors.map((f) => f.text.en).join(' | ');
    expect(texts).toContain('wants education, as you do');
    expect(texts).toContain(`seeking a Chinese partner (request #${foreignRequest.id})`);
    expect(texts).toContain('Ghana is among the places you wish for');
    // With the requests' signals weighed up, the place that asked comes first.
    const asked = await suggestions('cn=430100&limit=5&country=GH&weights=role:1,fields:3,wish:3');
    expect(asked.items[0]?.name).toBe('Tamale');
  });

  it('shows the two as a mutual match and moves it into the life cycle in one step', async () => {
    const mutual = (await (await app.request('/api/match/mutual?scope=430000')).json()) as MutualMatch[];
    const match = mutual.find((m) => m.cnRequest.id === cnRequest.id && m.foreignRequest.id === foreignRequest.id);
    expect(match?.commonFields).toEqual(['education']);
    expect(match?.reasons.map((r) => r.en)).toEqual(
      expect.arrayContaining(['Ghana is a country you wish for', 'both wish to work on education']),
    );
    const res = await app.request(
      '/api/match/mutual/promote',
      jsonInit('POST', { cnRequestId: cnRequest.id, foreignRequestId: foreignRequest.id, on: '2026-11-20' }),
    );
    expect(res.status).toBe(201);
    const promoted = (await res.json()) as { partnershipId: number; cnRequest: MatchRequest };
    expect(promoted.cnRequest).toMatchObject({ status: 'matched', partnershipId: promoted.partnershipId });
    const pair = (await (await app.request(`/api/partnerships/${promoted.partnershipId}`)).json()) as {
      stage: string;
      notes: string;
    };
    expect(pair.stage).toBe('intent');
    expect(pair.notes).toContain(`#${cnRequest.id}`);
    const again = await app.request(
      '/api/match/mutual/promote',
      jsonInit('POST', { cnRequestId: cnRequest.id, foreignRequestId: foreignRequest.id }),
    );
    expect(again.status).toBe(409);
    // The place is now paired with 长沙 (at the intent stage): no longer suggested.
    const s = await suggestions('cn=430100&limit=50&country=GH');
    expect(s.items.some((i) => i.name === 'Tamale')).toBe(false);
  });

  it('moves a status only along the allowed moves, with the version read', async () => {
    const current = (await (await app.request(`/api/match/requests/${cnRequest.id}`)).json()) as MatchRequest;
    const bad = await app.request(
      `/api/match/requests/${cnRequest.id}/status`,
      jsonInit('POST', { status: 'talks', version: current.version }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('from matched a request may become closed');
    const stale = await app.request(
      `/api/match/requests/${cnRequest.id}/status`,
      jsonInit('POST', { status: 'closed', version: current.version - 1 }),
    );
    expect(stale.status).toBe(409);
    const closed = await app.request(
      `/api/match/requests/${cnRequest.id}/status`,
      jsonInit('POST', { status: 'closed', version: current.version, reason: '已结好' }),
    );
    expect(await closed.json()).toMatchObject({ status: 'closed', statusReason: '已结好' });
  });

  it('lists a scope’s requests and flags the stale ones', async () => {
    const old = await app.request(
      '/api/match/requests',
      jsonInit('POST', { side: 'cn', cnCode: '430200', receivedOn: '2024-01-10', fields: ['trade'] }),
    );
    expect(await old.json()).toMatchObject({ expiresOn: '2025-01-10', stale: true });
    const stale = (await (await app.request('/api/match/requests?scope=430000&stale=1')).json()) as {
      data: MatchRequest[];
      total: number;
    };
    expect(stale.data.map((r) => r.cn?.code)).toEqual(['430200']);
    const page = (await (await app.request('/api/match/requests?scope=430100')).json()) as { total: number };
    expect(page.total).toBe(1);
    const byName = (await (await app.request('/api/match/requests?q=tamale')).json()) as { total: number };
    expect(byName.total).toBe(1);
  });
});

describe('who may do what', () => {
  const viewer: Actor = {
    kind: 'user',
    id: 99,
    name: 'viewer',
    role: 'viewer',
    scopeCode: '430100',
    canSeeContacts: false,
  };
  const asViewer = buildApp(handle, viewer);

  it('reads its own scope only and writes nothing', async () => {
    expect((await asViewer.request('/api/match/suggestions?cn=430100&limit=1')).status).toBe(200);
    expect((await asViewer.request('/api/match/suggestions?cn=430600')).status).toBe(403);
    const res = await asViewer.request('/api/match/shortlist', jsonInit('POST', { cn: '430100', key: `gn:${kumasi}` }));
    expect(res.status).toBe(403);
    expect((await asViewer.request('/api/match/requests?scope=430000')).status).toBe(403);
  });
});
