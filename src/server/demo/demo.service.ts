/**
 * The demo: Hunan as the example province, loaded from the sourced files in data/demo/ through the
 * real importer, so that the demo obeys every rule a user's import obeys. Every record there is a
 * sourced fact (isDemo false); nothing illustrative is added. data/demo/README.md says where each
 * row comes from and what is missing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatPartialDate } from '../../shared/dates.js';
import type { Level, Precision } from '../../shared/enums.js';
import { type DemoActivitiesSummary, loadDemoActivities } from '../activities/activity.demo.js';
import { type DemoContactsSummary, loadDemoContacts } from '../contacts/contact.demo.js';
import type { Db } from '../db/client.js';
import type { ImportReport } from '../imports/import.schema.js';
import { importData } from '../imports/import.service.js';
import { type DemoLifecycleSummary, loadDemoLifecycle } from '../lifecycle/lifecycle.demo.js';
import { type DemoMatchSummary, loadDemoMatch } from '../match/match.demo.js';
import { type DemoOpenDataSummary, loadDemoOpenData } from '../open/open.demo.js';
import { type DemoProjectsSummary, loadDemoProjects } from '../projects/project.demo.js';
import { DATA_DIR } from '../reference/reference.service.js';
import { countPartnershipsByLevel, selectBenchmarksOf } from './demo.repo.js';

export const DEMO_DATA_DIR = join(DATA_DIR, 'demo');
export const DEMO_PROVINCE = { code: '430000', nameZh: '湖南省', nameEn: 'Hunan' } as const;

/** The files of the demo, in the order they load. */
export const DEMO_FILES = [
  { fileName: 'benchmarks.csv', type: 'benchmarks' },
  { fileName: 'hunan-partnerships.csv', type: 'partnerships' },
] as const;

export type PublishedFigure = {
  total: number;
  provincial: number | null;
  city: number | null;
  county: number | null;
  /** At the precision of the source: YYYY, YYYY-MM or YYYY-MM-DD. */
  asOf: string;
  source: string;
  sourceUrl: string | null;
};

export type DemoSummary = {
  province: typeof DEMO_PROVINCE;
  /** Partnerships the registry holds for the province and everything under it. */
  recordsHeld: number;
  heldByLevel: Record<Level, number>;
  /** The latest published total of the province (by its as-of date). */
  published: PublishedFigure | null;
  /** The latest published total that gives the split by level, to compare level by level. */
  publishedByLevel: PublishedFigure | null;
  /** Published pairs the registry does not hold: the figure the demo cannot reach from sources. */
  gap: number | null;
  reports: Record<(typeof DEMO_FILES)[number]['type'], ImportReport>;
  /** Illustrative contacts (data/demo/contacts.json): fictitious people, marked isDemo. */
  contacts?: DemoContactsSummary;
  /** Illustrative activities and office rules (data/demo/activities.json), marked isDemo. */
  activities?: DemoActivitiesSummary;
  /** Projects, outcomes and the programme (data/demo/projects.json, programmes.json). */
  projects?: DemoProjectsSummary;
  /** Illustrative life-cycle moves and pairs in preparation (data/demo/lifecycle.json), marked isDemo. */
  lifecycle?: DemoLifecycleSummary;
  /** Hunan publishes its pairs as open data; the demo's places carry their Wikidata items. */
  openData?: DemoOpenDataSummary;
  /** Illustrative requests for partners (data/demo/match.json), marked isDemo. */
  match?: DemoMatchSummary;
};

/**
 * Loads (or reloads) the demo files into a database. Loading twice changes nothing: the importer
 * matches rows by their natural keys. Fails if a shipped file does not import cleanly.
 */
export async function loadDemo({ db, dataDir = DEMO_DATA_DIR }: { db: Db; dataDir?: string }): Promise<DemoSummary> {
  const reports = {} as DemoSummary['reports'];
  for (const { fileName, type } of DEMO_FILES) {
    const data = readFileSync(join(dataDir, fileName));
    const report = await importData({ db, data, fileName, format: 'csv', type, isDemo: false });
    if (!report.ok || report.problemCount > 0) {
      const first = report.problems
        .slice(0, 5)
        .map((p) => `  row ${p.row ?? '-'} ${p.column ?? ''}: ${p.message}`)
        .join('\n');
      throw new Error(`the demo file ${fileName} did not import cleanly (${report.problemCount} problems):\n${first}`);
    }
    reports[type] = report;
  }
  const activities = await loadDemoActivities({ db, dataDir });
  const projects = await loadDemoProjects({ db, dataDir });
  const contacts = await loadDemoContacts({ db, dataDir });
  const lifecycle = await loadDemoLifecycle({ db, dataDir });
  const openData = await loadDemoOpenData({ db, dataDir });
  const match = await loadDemoMatch({ db, dataDir });
  return { ...(await summarizeDemo({ db })), reports, activities, projects, contacts, lifecycle, openData, match };
}

/** What the registry holds for the demo province against what was published. */
export async function summarizeDemo({ db }: { db: Db }): Promise<Omit<DemoSummary, 'reports'>> {
  const heldByLevel: Record<Level, number> = { provincial: 0, city: 0, county: 0 };
  for (const row of await countPartnershipsByLevel(db, DEMO_PROVINCE.code)) {
    if (row.level in heldByLevel) heldByLevel[row.level as Level] = row.total;
  }
  const recordsHeld = heldByLevel.provincial + heldByLevel.city + heldByLevel.county;
  const figures = (await selectBenchmarksOf(db, DEMO_PROVINCE.code, 'friendship')).map(
    (b): PublishedFigure => ({
      total: b.total,
      provincial: b.provincial,
      city: b.city,
      county: b.county,
      asOf: formatPartialDate(b.asOf, b.asOfPrecision as Precision),
      source: b.source,
      sourceUrl: b.sourceUrl,
    }),
  );
  const published = figures[0] ?? null;
  const publishedByLevel = figures.find((f) => f.provincial !== null && f.city !== null && f.county !== null) ?? null;
  return {
    province: DEMO_PROVINCE,
    recordsHeld,
    heldByLevel,
    published,
    publishedByLevel,
    gap: published ? Math.max(0, published.total - recordsHeld) : null,
  };
}
