/** What leaves the server of a programme, its areas and measures, and the evidence behind them. */
import { formatPartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import type { AreaRow, MeasureRow, ProgrammeRow } from './programme.repo.js';

const partial = (date: string | null, precision: string | null) =>
  date ? formatPartialDate(date, precision as Precision) : null;

export function presentProgramme(row: ProgrammeRow) {
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
export type ProgrammeView = ReturnType<typeof presentProgramme>;

export function presentArea(row: AreaRow) {
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
export type AreaView = ReturnType<typeof presentArea>;

export function presentMeasure(row: MeasureRow, links: { activityIds: number[]; projectIds: number[] }) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    areaId: row.areaId,
    code: row.code,
    textZh: row.textZh,
    textEn: row.textEn,
    owner: row.owner,
    status: row.status,
    progress: row.progress,
    notes: row.notes,
    activityIds: links.activityIds,
    projectIds: links.projectIds,
    isDemo: row.isDemo,
    version: row.version,
  };
}
export type MeasureView = ReturnType<typeof presentMeasure>;

export type ProgrammeDetail = ProgrammeView & {
  cn: { code: string; nameZh: string; nameEn: string };
  areas: (AreaView & { measures: MeasureView[] })[];
};

export type AreaEvidence = {
  areaId: number;
  code: string;
  nameZh: string | null;
  nameEn: string | null;
  measures: number;
  /** Measures with at least one linked activity or project. */
  withEvidence: number;
  withActivities: number;
  withProjects: number;
  /** Mean progress of the area's measures (0–100), null without measures. */
  progress: number | null;
  /** The measures that nothing carries out yet. */
  without: { id: number; code: string; textZh: string | null; textEn: string | null }[];
};

export type ProgrammeEvidence = {
  programmeId: number;
  measures: number;
  withEvidence: number;
  /** Areas with no measure that has evidence (an area without measures is among them). */
  areasWithout: string[];
  areas: AreaEvidence[];
};

/**
 * Which areas and measures have evidence: a measure has evidence when at least one activity or
 * project is linked to it; an area has evidence when at least one of its measures has.
 */
export function evidenceOf(programmeId: number, areas: ProgrammeDetail['areas']): ProgrammeEvidence {
  const list = areas.map((area): AreaEvidence => {
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
