/** What leaves the server of a project and its outcomes (their schemas: shared/schemas/project-view.ts). */
import { formatPartialDate } from '../../shared/dates.js';
import type { Field, Precision } from '../../shared/enums.js';
import type { OutcomeUnit, ProjectStatus } from '../../shared/schemas/project.js';
import type { OutcomeView, ProjectView } from '../../shared/schemas/project-view.js';
import type { OutcomeRow, ProjectRow } from './project.repo.js';

const partial = (date: string | null, precision: string | null) =>
  date ? formatPartialDate(date, precision as Precision) : null;

export function presentOutcome(row: OutcomeRow): OutcomeView {
  return {
    id: row.id,
    projectId: row.projectId,
    metricZh: row.metricZh,
    metricEn: row.metricEn,
    value: row.value,
    unit: row.unit as OutcomeUnit, // written from OUTCOME_UNITS only
    asOf: formatPartialDate(row.asOf, row.asOfPrecision as Precision),
    evidence: row.evidence,
    evidenceUrl: row.evidenceUrl,
    isDemo: row.isDemo,
    version: row.version,
  };
}

type Links = { partnershipIds: number[]; countries: string[]; measureIds: number[] };

export function presentProject(row: ProjectRow, links: Links): ProjectView {
  return {
    id: row.id,
    cnCode: row.cnCode,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    // The columns hold only what the service writes from FIELDS and PROJECT_STATUSES.
    field: row.field as Field,
    description: row.description,
    startOn: partial(row.startOn, row.startPrecision),
    endOn: partial(row.endOn, row.endPrecision),
    status: row.status as ProjectStatus,
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
