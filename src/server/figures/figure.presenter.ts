/** What leaves the server for a record behind a figure: a whitelisted, compact partnership. */
import { formatPartialDate } from '../../shared/dates.js';
import type { Precision } from '../../shared/enums.js';
import type { FigureRecord } from '../../shared/schemas/figures.js';
import type { RecordRow } from './figure.repo.js';

export function presentFigureRecord(row: RecordRow): FigureRecord {
  return {
    id: row.id,
    cnCode: row.cnCode,
    cnNameZh: row.cnNameZh,
    cnNameEn: row.cnNameEn,
    partnerNameZh: row.partnerNameZh,
    partnerNameEn: row.partnerNameEn,
    countryIso2: row.countryIso2,
    countryNameZh: row.countryNameZh,
    countryNameEn: row.countryNameEn,
    level: row.level,
    kind: row.kind,
    status: row.status,
    establishedOn: row.establishedOn
      ? formatPartialDate(row.establishedOn, row.establishedPrecision as Precision | null)
      : null,
    endedOn: row.endedOn,
  };
}
