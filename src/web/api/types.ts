/**
 * What the API sends back, as the web app reads it: inferred from the response schemas in
 * src/shared/schemas/*-view.ts where a feature has them (the presenters are typed by the same).
 */
import type { ActivityType, Kind, Precision } from '../../shared/enums';
import type { ListEnvelope } from '../../shared/list';

export type { FigureRecord, Figures, RankRecord } from '../../shared/schemas/figures';
export type { ImportProblem, ImportReading, ImportReport } from '../../shared/schemas/imports';
export type { PartnershipView as Partnership } from '../../shared/schemas/partnership-view';
export type {
  CountryGroupView as CountryGroup,
  CountryView as Country,
  DivisionView as Division,
} from '../../shared/schemas/place-view';
export type { ListEnvelope };

type Names = { nameZh: string; nameEn: string };

export type Activity = {
  id: number;
  partnershipId: number;
  type: ActivityType;
  occurredOn: string;
  titleZh: string | null;
  titleEn: string | null;
  description: string | null;
  sourceUrl: string | null;
  isDemo: boolean;
  version: number;
};

export type Benchmark = {
  id: number;
  scope: Names & { code: string };
  kind: Kind;
  total: number;
  provincial: number | null;
  city: number | null;
  county: number | null;
  countries: number | null;
  asOf: string;
  asOfPrecision: Precision;
  source: string;
  sourceUrl: string | null;
  version: number;
};
