import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_DATA_DIR } from '../demo/demo.service.js';
import { buildApp, buildPartnership } from '../testing/factories.js';
import { createTestDb } from '../testing/test-db.js';
import { loadDemoProjects } from './project.demo.js';

const handle = await createTestDb();
const app = buildApp(handle);

type Outcome = { value: number; unit: string; isDemo: boolean; evidence: string | null };
type Project = { id: number; nameZh: string; countries: string[]; partnershipIds: number[] };

describe('demo projects and programme', () => {
  it('loads the sourced projects, their outcomes and the programme through the services, once', async () => {
    const bridgetown = await buildPartnership(handle, {
      cnCode: '430000',
      establishedOn: '2023-06',
      partner: { countryIso2: 'BB', nameEn: 'Bridgetown' },
    });
    const first = await loadDemoProjects({ db: handle.db, dataDir: DEMO_DATA_DIR });
    expect(first).toMatchObject({ projects: 2, outcomes: 3, programmes: 1 });
    // The demo activities are not loaded here, so their links are left out, not invented.
    expect(first.missingActivities).toBe(2);
    const again = await loadDemoProjects({ db: handle.db, dataDir: DEMO_DATA_DIR });
    expect(again).toMatchObject({ projects: 0, outcomes: 0, programmes: 0, measures: 0 });

    const list = (await (await app.request('/api/projects?cn=430000')).json()) as { data: Project[] };
    const rice = list.data.find((p) => p.nameZh === '巴巴多斯杂交水稻合作');
    expect(rice?.partnershipIds).toEqual([bridgetown.id]);
    expect(rice?.countries).toEqual(['BB']);
    const tv = list.data.find((p) => p.nameZh === '与加纳合作的电视频道');
    const detail = (await (await app.request(`/api/projects/${tv?.id}`)).json()) as { outcomes: Outcome[] };
    const sourced = detail.outcomes.filter((o) => !o.isDemo);
    expect(sourced.map((o) => [o.value, o.unit]).sort()).toEqual([
      [23, 'countries'],
      [500000000, 'people'],
    ]);
    for (const o of sourced) expect(o.evidence).toContain('湖南省人民政府关于国际友好城市工作情况的报告');
  });

  it('marks every outcome without a sourced number and every measure text as illustrative', () => {
    const projects = JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'projects.json'), 'utf8')) as {
      projects: { outcomes: { isDemo: boolean; evidence: string }[] }[];
    };
    for (const o of projects.projects.flatMap((p) => p.outcomes)) {
      if (o.isDemo) expect(o.evidence).toMatch(/示意|[Ii]llustrative/);
      else expect(o.evidence).toContain('报告');
    }
    const programmes = JSON.parse(readFileSync(join(DEMO_DATA_DIR, 'programmes.json'), 'utf8')) as {
      programme: { areas: { nameZh: string }[] };
      measures: { textZh: string }[];
    };
    expect(programmes.programme.areas.map((a) => a.nameZh)).toEqual(['资源', '机制', '目标', '内容', '力量', '保障']);
    for (const m of programmes.measures) expect(m.textZh).toContain('示意');
  });

  it('shows which areas of the programme have evidence', async () => {
    const list = (await (await app.request('/api/programmes?cn=430000')).json()) as { data: { id: number }[] };
    const id = list.data[0]?.id;
    const evidence = (await (await app.request(`/api/programmes/${id}/evidence`)).json()) as {
      measures: number;
      areasWithout: string[];
    };
    expect(evidence.measures).toBe(11);
    // Without the demo activities, mechanisms has no evidence either.
    expect(evidence.areasWithout).toEqual(['mechanisms', 'goals', 'strength', 'support']);
  });
});
