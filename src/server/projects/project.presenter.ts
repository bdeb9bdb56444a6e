/** What leaves the server of a project and its outcomes. */
import { formatPartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import type { OutcomeRow, ProjectRow, selectMeasuresByIds } from './project.repo.js';

const partial = (date: string | null, precision: string | null) =>
  date ? formatPartialDate(date, precision as Precision) : null;

export function presentOutcome(row: OutcomeRow) {
  return {
    id: row.id,
    projectId: row.projectId,
    metricZh: row.metricZh,
    metricEn: row.metricEn,
    value: row.value,
    unit: row.unit,
    asOf: formatPartialDate(row.asOf, row.asOfPrecision as Precision),
    evidence: row.evidence,
    evidenceUrl: row.evidenceUrl,
    isDemo: row.isDemo,
    version: row.version,
  };
}
export type OutcomeView = ReturnType<typeof presentOutcome>;

type Links = { partnershipIds: number[]; countries: string[]; measureIds: number[] };

export function presentProject(row: ProjectRow, links: Links) {
  return {
    id: row.id,
    cnCode: row.cnCode,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    field: row.field,
    description: row.description,
    startOn: partial(row.startOn, row.startPrecision),
    endOn: partial(row.endOn, row.endPrecision),
    status: row.status,
    sdgs: row.sdgs,
    sources: row.sources,
    partnershipIds: links.partnershipIds,
    countries: links.countries,
    measureIds: links.measureIds,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ProjectView = ReturnType<typeof presentProject>;

/** The detail: the project, its outcomes, and names of what it links to. */
export type ProjectDetail = ProjectView & {
  cn: { code: string; nameZh: string; nameEn: string };
  partnerships: { id: number; cnCode: string; partnerNameZh: string | null; partnerNameEn: string | null }[];
  measures: Awaited<ReturnType<typeof selectMeasuresByIds>>;
  outcomes: OutcomeView[];
};
