/**
 * What the API sends back, as the web app reads it: inferred from the response schemas in
 * src/shared/schemas/*-view.ts where a feature has them (the presenters are typed by the same).
 */
import type { ListEnvelope } from '../../shared/list';

export type { ActivityView as Activity } from '../../shared/schemas/activity-view';
export type { BenchmarkView as Benchmark } from '../../shared/schemas/benchmark-view';
export type { FigureRecord, Figures, RankRecord } from '../../shared/schemas/figures';
export type { PartnershipView as Partnership } from '../../shared/schemas/partnership-view';
export type {
  CountryGroupView as CountryGroup,
  CountryView as Country,
  DivisionView as Division,
} from '../../shared/schemas/place-view';
export type { ListEnvelope };

export type ImportProblem = {
  row: number | null;
  column: string | null;
  field: string | null;
  value?: string;
  rule: string;
  message: string;
  fix?: string;
  suggestions?: string[];
  otherRow?: number;
};

export type ImportReport = {
  type: 'partnerships' | 'benchmarks' | 'groups' | null;
  format: 'csv' | 'xlsx' | 'json';
  fileName: string;
  dryRun: boolean;
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  placesAdded: number;
  problems: ImportProblem[];
  problemCount: number;
  ok: boolean;
  runId: number | null;
  headerRow: number;
  ignoredColumns: { column: string; reason: 'serial' | 'empty' | 'option' | 'problems' }[];
  readings: ImportReading[];
  readingCount: number;
  changes: { row: number; id: number; fields: { field: string; before: string | null; after: string | null }[] }[];
  storedValuesChanged: number;
};

export type ImportReading = { row: number; column: string | null; field: string; value: string; reading: string };
