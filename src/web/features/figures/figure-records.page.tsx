/** The records behind one figure of the dashboard: the partnerships counted, or the provinces ranked. */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { citeSource } from '../../../shared/citation';
import { FIGURE_NAME_PATTERN } from '../../../shared/schemas/figures';
import { useFigureRecords } from '../../api/queries';
import type { FigureRecord, RankRecord } from '../../api/types';
import { PartnershipLink } from '../../components/row-link';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { LevelPill, StatusPill } from '../../components/tags';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { defaultSinceYear, type GlobalSearch, localToday, type RecordsSearch } from '../../state/search';
import { figureTitle } from './figure-title';

const route = getRouteApi('/figures/$figure');
const PER_PAGE = 50;

export function FigureRecordsPage() {
  const { t, n, d, name, lang } = useI18n();
  const { figure } = route.useParams();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/figures/$figure' });
  const { scope, asOf, isLoading: scopeLoading } = useScope();
  const effectiveAsOf = asOf ?? localToday();
  const since = search.since ?? defaultSinceYear(effectiveAsOf);
  const kind = search.kind ?? 'friendship';
  const valid = FIGURE_NAME_PATTERN.test(figure);
  const records = useFigureRecords(
    scope && valid
      ? { scope, asOf: effectiveAsOf, since: String(since), kind, figure, page: search.page ?? 1, perPage: PER_PAGE }
      : null,
  );
  const title = figureTitle(figure, t, d(String(since)));
  const isRank = figure === 'rank';
  useTitle(title);

  const recordColumns: ColumnsType<FigureRecord> = [
    {
      key: 'cn',
      title: t('field.cn'),
      render: (_, r) => <PartnershipLink id={r.id}>{name(r.cnNameZh, r.cnNameEn)}</PartnershipLink>,
    },
    { key: 'partner', title: t('field.partner'), render: (_, r) => name(r.partnerNameZh, r.partnerNameEn) },
    { key: 'country', title: t('field.country'), render: (_, r) => name(r.countryNameZh, r.countryNameEn) },
    { key: 'level', title: t('field.level'), render: (_, r) => <LevelPill level={r.level as 'city'} /> },
    { key: 'status', title: t('field.status'), render: (_, r) => <StatusPill status={r.status as 'active'} /> },
    {
      key: 'established',
      title: t('field.established'),
      render: (_, r) =>
        r.establishedOn ? d(r.establishedOn) : <span className="muted">{t('common.unknownDate')}</span>,
    },
  ];

  const rankColumns: ColumnsType<RankRecord> = [
    { key: 'position', title: t('records.position'), dataIndex: 'position', width: 80 },
    {
      key: 'province',
      title: t('records.province'),
      render: (_, r) => (r.isScope ? <strong>{name(r.nameZh, r.nameEn)}</strong> : name(r.nameZh, r.nameEn)),
    },
    { key: 'total', title: t('records.total'), render: (_, r) => n(r.total), align: 'right' },
    {
      key: 'basis',
      title: t('records.basis'),
      render: (_, r) =>
        r.source === 'registry' ? (
          <Tag color="blue">{t('records.basis.registry')}</Tag>
        ) : (
          <span>
            <Tag>{t('records.basis.benchmark')}</Tag>
            {r.benchmark ? (
              <span className="muted">
                {d(r.benchmark.asOf)} ·{' '}
                {r.benchmark.sourceUrl ? (
                  <a href={r.benchmark.sourceUrl} target="_blank" rel="noreferrer noopener">
                    {citeSource(r.benchmark.source, r.benchmark.sourceUrl, lang)}
                  </a>
                ) : (
                  citeSource(r.benchmark.source, null, lang)
                )}
              </span>
            ) : null}
          </span>
        ),
    },
  ];

  const pagination = {
    current: search.page ?? 1,
    pageSize: PER_PAGE,
    total: records.data?.total ?? 0,
    showSizeChanger: false,
    showTotal: (total: number) => t('common.total', { n: n(total) }),
    onChange: (page: number) =>
      void navigate({ search: (prev: RecordsSearch) => ({ ...prev, page: page === 1 ? undefined : page }) }),
  };

  return (
    <>
      <div className="page-header">
        <h1>
          {t('records.title', { figure: title })}{' '}
          <span className="as-of">{t('asOf.badge', { date: d(effectiveAsOf) })}</span>
        </h1>
        <Link
          to="/"
          search={(prev: GlobalSearch) => ({
            scope: prev.scope,
            asOf: prev.asOf,
            since: search.since,
            kind: search.kind,
          })}
        >
          <ArrowLeftOutlined /> {t('records.back')}
        </Link>
      </div>
      <Card size="small">
        {!valid ? (
          <EmptyState title={t('state.notFound')} />
        ) : scopeLoading || records.isPending ? (
          <Loading rows={8} />
        ) : records.isError ? (
          <ErrorState error={records.error} onRetry={() => void records.refetch()} />
        ) : isRank ? (
          <Table<RankRecord>
            rowKey="scopeCode"
            columns={rankColumns}
            dataSource={records.data.data as RankRecord[]}
            pagination={pagination}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState /> }}
          />
        ) : (
          <Table<FigureRecord>
            rowKey="id"
            columns={recordColumns}
            dataSource={records.data.data as FigureRecord[]}
            pagination={pagination}
            loading={records.isFetching && records.isPlaceholderData}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <EmptyState /> }}
          />
        )}
      </Card>
    </>
  );
}
