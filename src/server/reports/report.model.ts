/**
 * The report as a document model: a title page's facts and a list of blocks. The composer builds it
 * from the data; each renderer (DOCX, HTML, Markdown, PDF) only lays it out, so every format says
 * the same words.
 */
import type { Figures, RankRecord } from '../../shared/schemas/figures.js';
import type { ReportActivityRow, ReportPairRow } from './report.repo.js';
import type { Lang } from './wording.js';

export type Block =
  | { type: 'heading'; level: 1 | 2; text: string; id: string }
  | { type: 'paragraph'; text: string }
  /** A part whose data the registry does not hold yet: said plainly, never estimated. */
  | { type: 'note'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'table'; columns: string[]; rows: string[][]; widths?: number[] }
  | {
      type: 'chart';
      id: string;
      title: string;
      svg: string;
      /** Drawn only for the formats that need it (see rasterizeCharts). */
      png: Uint8Array | null;
      width: number;
      height: number;
    };

export type ReportDocument = {
  lang: Lang;
  title: string;
  subtitle: string;
  /** Scope and date of every figure, printed under the title. */
  basis: string;
  /** Suggested file name without extension, e.g. report-430000-2024-11-28-zh. */
  fileStem: string;
  /** Heading of the table of contents. */
  contentsTitle: string;
  blocks: Block[];
};

/** A country group and its members on the report's date. */
export type GroupOn = {
  code: string;
  nameZh: string;
  nameEn: string;
  source: string | null;
  members: Map<string, string | null>;
};

/** A section that another part of Amity provides (projects, programmes, contacts, health, rule flags). */
export type ModuleSection = { paragraphs: string[]; table?: { columns: string[]; rows: string[][] } } | null;

/** Everything the composer needs, read from the database through the services and repos. */
export type ReportData = {
  lang: Lang;
  sinceYear: string | undefined;
  figures: Figures;
  previous: Figures | null;
  /** The pairs counted on the comparison date (the records behind `previous.total`). */
  previousPairs: number[] | null;
  pairs: ReportPairRow[];
  rankRecords: RankRecord[];
  group: GroupOn | null;
  /** The report year: 1 January of the as-of year to the as-of date. */
  yearFrom: string;
  activities: ReportActivityRow[];
  published: { total: number; asOf: string; asOfPrecision: string; source: string; sourceUrl: string | null } | null;
  modules: {
    projects: ModuleSection;
    programmes: ModuleSection;
    contacts: ModuleSection;
    health: ModuleSection;
    ruleFlags: ModuleSection;
  };
};
