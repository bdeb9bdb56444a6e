/**
 * What leaves the server of a programme, its areas and measures, and the evidence behind them
 * (their schemas: shared/schemas/programme-view.ts).
 */
import { formatPartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import type { MeasureStatus } from '../../shared/schemas/programme.js';
import type {
  AreaDetailView,
  AreaEvidenceView,
  AreaView,
  MeasureView,
  ProgrammeEvidenceView,
  ProgrammeView,
} from '../../shared/schemas/programme-view.js';
import type { AreaRow, MeasureRow, ProgrammeRow } from './programme.repo.js';

const partial = (date: string | null, precision: string | null) =>
  date ? formatPartialDate(date, precision as Precision) : null;

export function presentProgramme(row: ProgrammeRow): ProgrammeView {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    cnCode: row.cnCode,
    periodFrom: partial(row.periodFrom, row.periodFromPrecision),
    periodTo: partial(row.periodTo, row.periodToPrecision),
    description: row.description,
    sources: row.sources,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentArea(row: AreaRow): AreaView {
  return {
    id: row.id,
    programmeId: row.programmeId,
    code: row.code,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    position: row.position,
    version: row.version,
  };
}

export function presentMeasure(row: MeasureRow, links: { activityIds: number[]; projectIds: number[] }): MeasureView {
  return {
    id: row.id,
    programmeId: row.programmeId,
    areaId: row.areaId,
    code: row.code,
    textZh: row.textZh,
    textEn: row.textEn,
    owner: row.owner,
    status: row.status as MeasureStatus, // written from MEASURE_STATUSES only
    progress: row.progress,
    notes: row.notes,
    activityIds: links.activityIds,
    projectIds: links.projectIds,
    isDemo: row.isDemo,
    version: row.version,
  };
}

/**
 * Which areas and measures have evidence: a measure has evidence when at least one activity or
 * project is linked to it; an area has evidence when at least one of its measures has.
 */
export function evidenceOf(programmeId: number, areas: AreaDetailView[]): ProgrammeEvidenceView {
  const list = areas.map((area): AreaEvidenceView => {
    const has = (m: MeasureView) => m.activityIds.length > 0 || m.projectIds.length > 0;
    const measures = area.measures;
    return {
      areaId: area.id,
      code: area.code,
      nameZh: area.nameZh,
      nameEn: area.nameEn,
      measures: measures.length,
      withEvidence: measures.filter(has).length,
      withActivities: measures.filter((m) => m.activityIds.length > 0).length,
      withProjects: measures.filter((m) => m.projectIds.length > 0).length,
      progress: measures.length ? Math.round(measures.reduce((s, m) => s + m.progress, 0) / measures.length) : null,
      without: measures.filter((m) => !has(m)).map(({ id, code, textZh, textEn }) => ({ id, code, textZh, textEn })),
    };
  });
  return {
    programmeId,
    measures: list.reduce((s, a) => s + a.measures, 0),
    withEvidence: list.reduce((s, a) => s + a.withEvidence, 0),
    areasWithout: list.filter((a) => a.withEvidence === 0).map((a) => a.code),
    areas: list,
  };
}
