/**
 * The annual work report: reads the figures (getFigures, the same numbers as the dashboard and
 * /api/figures), the pairs behind them and the year's activities in one read-only snapshot,
 * composes the document and renders it as DOCX, HTML, Markdown or PDF.
 *
 * The reader must be allowed to read the scope (effectiveScope); contacts appear only as counts.
 */

import { today } from '../../shared/dates.js';
import type { Kind } from '../../shared/enums.js';
import { AppError, validationFailed } from '../../shared/errors.js';
import type { RankRecord } from '../../shared/schemas/figures.js';
import type { ReportFormat, ReportQuery } from '../../shared/schemas/report.js';
import { type Actor, effectiveScope } from '../auth/actor.js';
import type { Db, DbOrTx } from '../db/client.js';
import { readAll } from '../db/sql.js';
import type { CountedFilter } from '../figures/figure.repo.js';
import { getFigures, listFigureRecords } from '../figures/figure.service.js';
import { resolveScope } from '../places/scope.js';
import { renderDocx } from './render/docx.js';
import { renderHtml } from './render/html.js';
import { renderMarkdown } from './render/markdown.js';
import { renderPdf } from './render/pdf.js';
import { rasterizeCharts } from './report.charts.js';
import { composeReport } from './report.compose.js';
import type { GroupOn, ReportData, ReportDocument } from './report.model.js';
import { checkRecords } from './report.records.js';
import {
  selectGroupOn,
  selectLatestPublished,
  selectReportActivities,
  selectReportPairIds,
  selectReportPairs,
} from './report.repo.js';
import { collectModuleSections } from './report.sections.js';

/** The Belt and Road group of the reference data: the countries along the route (沿线国家). */
export const BELT_AND_ROAD_GROUP = 'bri';
const KIND: Kind = 'friendship';

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

export type RenderedReport = {
  document: ReportDocument;
  body: Buffer;
  contentType: string;
  fileName: string;
};

function countedFilter(scope: string, asOf: string): CountedFilter {
  return { scope: resolveScope(scope).subtree, kind: KIND, asOf };
}

/** Reads everything the report says, in one read-only snapshot so that figures and records agree. */
export async function collectReportData({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: Omit<ReportQuery, 'format'>;
}): Promise<ReportData> {
  const scope = effectiveScope(actor, query.scope);
  const asOf = query.asOf ?? today();
  if (query.compare !== undefined && query.compare >= asOf) {
    throw validationFailed([
      { path: 'compare', rule: 'compare_not_before', value: query.compare, message: `must be before asOf (${asOf})` },
    ]);
  }
  if (query.since !== undefined && `${query.since}-01-01` > asOf) {
    throw validationFailed([
      { path: 'since', rule: 'since_after_as_of', value: query.since, message: `must be on or before asOf (${asOf})` },
    ]);
  }
  const filter = countedFilter(scope, asOf);
  const read = async (tx: DbOrTx): Promise<ReportData> => {
    const figures = await getFigures({ db: tx, actor, query: { scope, asOf, since: query.since, kind: KIND } });
    const [previous, pairs, previousPairs, group, activities, published] = await readAll(tx, [
      async () =>
        query.compare ? getFigures({ db: tx, actor, query: { scope, asOf: query.compare, kind: KIND } }) : null,
      () => selectReportPairs(tx, filter),
      async () => (query.compare ? selectReportPairIds(tx, { ...filter, asOf: query.compare }) : null),
      () => selectGroupOn(tx, BELT_AND_ROAD_GROUP, asOf),
      () =>
        selectReportActivities(tx, { scope: filter.scope, kind: KIND, from: `${asOf.slice(0, 4)}-01-01`, to: asOf }),
      () => selectLatestPublished(tx, scope, KIND, asOf),
    ]);
    const rankRecords = figures.rank
      ? ((
          await listFigureRecords({
            db: tx,
            actor,
            query: { scope, asOf, kind: KIND, figure: 'rank', page: 1, perPage: 500 },
          })
        ).data as RankRecord[])
      : [];
    const modules = await collectModuleSections({
      db: tx,
      actor,
      scope,
      asOf,
      kind: KIND,
      lang: query.lang,
      pairs: pairs.length,
    });
    const groupOn: GroupOn | null = group
      ? {
          ...group,
          members: new Map(group.members.map((m: { iso2: string; joinedOn: string | null }) => [m.iso2, m.joinedOn])),
        }
      : null;
    return {
      lang: query.lang,
      sinceYear: query.since,
      figures,
      previous,
      previousPairs,
      pairs,
      rankRecords,
      group: groupOn,
      yearFrom: `${asOf.slice(0, 4)}-01-01`,
      activities,
      published: published
        ? {
            total: published.total,
            asOf: published.asOf,
            asOfPrecision: published.asOfPrecision,
            source: published.source,
            sourceUrl: published.sourceUrl,
          }
        : null,
      modules,
    };
  };
  const data = await db.transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
  const mismatches = checkRecords(data);
  if (mismatches.length > 0) {
    throw new AppError('internal', `the report's records do not add up to its figures: ${mismatches.join('; ')}`);
  }
  return data;
}

/** Renders a composed report in one format. */
export async function renderReport(document: ReportDocument, format: ReportFormat): Promise<Buffer> {
  if (format === 'docx' || format === 'md') await rasterizeCharts(document.blocks);
  switch (format) {
    case 'docx':
      return renderDocx(document);
    case 'html':
      return Buffer.from(renderHtml(document));
    case 'md':
      return Buffer.from(renderMarkdown(document));
    case 'pdf':
      return renderPdf(renderHtml(document));
  }
}

/** The report of a scope as of a date, in one language and format. */
export async function generateReport({
  db,
  actor,
  query,
}: {
  db: Db;
  actor: Actor;
  query: ReportQuery;
}): Promise<RenderedReport> {
  const data = await collectReportData({ db, actor, query });
  const document = composeReport(data);
  const body = await renderReport(document, query.format);
  return {
    document,
    body,
    contentType: CONTENT_TYPES[query.format],
    fileName: `${document.fileStem}.${query.format}`,
  };
}
