/**
 * What the API sends back, as the web app reads it: inferred from the response schemas in
 * src/shared/schemas/*-view.ts where a feature has them (the presenters are typed by the same).
 */
import type { ListEnvelope } from '../../shared/list';

export type { ActivityView as Activity } from '../../shared/schemas/activity-view';
export type { BenchmarkView as Benchmark } from '../../shared/schemas/benchmark-view';
export type { FigureRecord, Figures, RankRecord } from '../../shared/schemas/figures';
export type { ImportProblem, ImportReading, ImportReport } from '../../shared/schemas/imports';
export type { PartnershipView as Partnership } from '../../shared/schemas/partnership-view';
export type {
  CountryGroupView as CountryGroup,
  CountryView as Country,
  DivisionView as Division,
} from '../../shared/schemas/place-view';
export type { ListEnvelope };
