/** What the API sends back, as the web app reads it (the server's presenters are the source). */
import type { ActivityType, AdminLevel, Continent, Kind, Level, Precision, Status } from '../../shared/enums';
import type { Stage } from '../../shared/lifecycle';
import type { ListEnvelope } from '../../shared/list';

export type { FigureRecord, Figures, RankRecord } from '../../shared/schemas/figures';
export type { ListEnvelope };

type Names = { nameZh: string; nameEn: string };

export type Partnership = {
  id: number;
  level: Level;
  kind: Kind;
  /** Before establishment the life cycle's step; `established` for every signed pair. */
  stage: Stage;
  status: Status;
  cn: Names & { code: string; level: string };
  partner: {
    id: number;
    nameZh: string | null;
    nameEn: string | null;
    nameLocal: string | null;
    adminLevel: AdminLevel | null;
    lat: number | null;
    lng: number | null;
    population: number | null;
    country: Names & { iso2: string; continent: Continent };
  };
  establishedOn: string | null;
  establishedPrecision: Precision | null;
  endedOn: string | null;
  endedReason: string | null;
  sourceUrl: string | null;
  notes: string | null;
  isDemo: boolean;
  /** Open data: true published, false withheld, null follows its scope's setting. */
  isPublic: boolean | null;
  /** The notes and ended reason stay in the office (never in open data). */
  notesInternal: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Division = Names & {
  code: string;
  level: 'province' | 'prefecture' | 'county';
  parentCode: string | null;
  path: string;
};

export type Country = Names & { iso2: string; iso3: string; numeric: string | null; continent: Continent };

export type CountryGroup = Names & {
  code: string;
  description: string | null;
  source: string | null;
  members: { iso2: string; joinedOn: string | null; source: string | null }[];
};

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
