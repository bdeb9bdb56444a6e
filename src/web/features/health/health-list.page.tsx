/**
 * 活跃度: the scope's partnerships by suggested status on the as-of day. With the defaults
 * (recorded status active) and suggestion "dormant" it is the list of pairs dormant on paper.
 */

import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Checkbox, Progress, Segmented, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { STATUSES, type Status } from '../../../shared/enums';
import { SUGGESTIONS, type Suggestion } from '../../../shared/health';
import { HEALTH_SORTS, type HealthListItem } from '../../../shared/schemas/health';
import { EmptyState, ErrorState } from '../../components/states';
import { StatusTag } from '../../components/tags';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import type { GlobalSearch } from '../../state/search';
import { useCan } from '../auth/permissions';
import type { BulkOutcome } from './bulk-dormant';
import { BulkMoveDialog, BulkOutcomeAlert } from './bulk-move-dialog';
import { useHealthList } from './health-api';
import { SuggestionTag } from './health-panel';
import { HEALTH_PER_PAGE, type HealthSearch, type HealthStatusFilter, healthQuery } from './health-search';

const route = getRouteApi('/health');

export function HealthListPage() {
  const { t, d, n, name, lang } = useI18n();
  useTitle(t('health.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/health' });
  const { scope, asOf } = useScope();
  const list = useHealthList(scope ? healthQuery(search, scope, asOf) : undefined);
  const update = (patch: Partial<HealthSearch>) =>
    void navigate({ search: { ...search, page: undefined, ...patch }, replace: true });
  const status = search.status ?? 'active';
  const onPaper = search.suggestion === 'dormant' && status === 'active';
  const can = useCan();
  const [chosen, setChosen] = useState<number[]>([]);
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const rows = list.data?.data ?? [];
  const pairName = (id: number) => {
    const r = rows.find((row) => row.id === id);
    return r ? `${name(r.cnNameZh, r.cnNameEn)} — ${name(r.partnerNameZh, r.partnerNameEn)}` : `#${id}`;
  };

  const columns: ColumnsType<HealthListItem> = [
    {
      key: 'pair',
      title: t('health.pair'),
      render: (_, r) => (
        <Link
          to="/partnerships/$id"
          params={{ id: r.id }}
          search={(prev: GlobalSearch) => ({ scope: prev.scope, asOf: prev.asOf })}
        >
          {name(r.cnNameZh, r.cnNameEn)} — {name(r.partnerNameZh, r.partnerNameEn)}
          <span className="muted"> · {name(r.countryNameZh, r.countryNameEn)}</span>
        </Link>
      ),
    },
    { key: 'status', title: t('health.recorded'), render: (_, r) => <StatusTag status={r.status as Status} /> },
    {
      key: 'suggestion',
      title: t('health.suggestionLabel'),
      render: (_, r) => <SuggestionTag suggestion={r.suggestion} />,
    },
    {
      key: 'overall',
      title: t('health.overall'),
      width: 140,
      render: (_, r) => (
        <Progress
          percent={r.overall}
          size="small"
          format={(v) => v}
          aria-label={`${t('health.overall')} ${r.overall}`}
        />
      ),
    },
    {
      key: 'last',
      title: t('health.lastActivity'),
      render: (_, r) => (r.lastActivityOn ? d(r.lastActivityOn) : <span className="muted">{t('health.never')}</span>),
    },
    { key: 'reason', title: t('health.reason'), render: (_, r) => r.reason[lang] },
  ];

  return (
    <>
      <div className="page-header">
        <h1>
          {onPaper ? t('health.dormantOnPaper') : t('health.title')}{' '}
          {list.data ? <span className="as-of">{t('asOf.badge', { date: d(list.data.asOf) })}</span> : null}
        </h1>
      </div>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size="middle">
          <Segmented
            aria-label={t('health.filter.suggestion')}
            value={search.suggestion ?? 'all'}
            options={[
              { value: 'all', label: t('health.filter.any') },
              ...SUGGESTIONS.map((s) => ({
                value: s,
                label: `${t(`health.suggestion.${s}`)}${list.data ? ` ${n(list.data.counts[s])}` : ''}`,
              })),
            ]}
            onChange={(value) => update({ suggestion: value === 'all' ? undefined : (value as Suggestion) })}
          />
          <span>
            <label htmlFor="health-status" className="muted">
              {t('health.filter.status')}{' '}
            </label>
            <Select
              id="health-status"
              value={status}
              style={{ width: 140 }}
              options={[
                ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
                { value: 'any', label: t('health.filter.any') },
              ]}
              onChange={(value: HealthStatusFilter) => update({ status: value === 'active' ? undefined : value })}
            />
          </span>
          <span>
            <label htmlFor="health-sort" className="muted">
              {t('health.filter.sort')}{' '}
            </label>
            <Select
              id="health-sort"
              value={search.sort ?? 'quiet'}
              style={{ width: 230 }}
              options={HEALTH_SORTS.map((s) => ({ value: s, label: t(`health.sort.${s}`) }))}
              onChange={(value) => update({ sort: value === 'quiet' ? undefined : value })}
            />
          </span>
          <Checkbox
            checked={onPaper}
            onChange={(e) =>
              update(e.target.checked ? { suggestion: 'dormant', status: undefined } : { suggestion: undefined })
            }
          >
            {t('health.onPaperOnly')}
          </Checkbox>
        </Space>
        {list.data ? (
          <div className="muted" style={{ marginTop: 8 }}>
            {t('health.dormantOnPaper')}: {n(list.data.counts.dormantOnPaper)} · {t('health.dormantOnPaperHint')}
          </div>
        ) : null}
      </Card>
      {status === 'active' && rows.some((r) => can.write(r.cnCode)) ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button type="primary" disabled={chosen.length === 0} onClick={() => setAsking(true)}>
            {chosen.length === 0 ? t('health.bulk.dormantNone') : t('health.bulk.dormant', { n: n(chosen.length) })}
          </Button>
          <span className="muted">{t('health.bulk.hint')}</span>
        </Space>
      ) : null}
      {outcome ? (
        <BulkOutcomeAlert move="dormant" outcome={outcome} nameOf={pairName} onClose={() => setOutcome(null)} />
      ) : null}
      <BulkMoveDialog
        open={asking}
        move="dormant"
        asOf={asOf}
        onCancel={() => setAsking(false)}
        onDone={(result) => {
          setAsking(false);
          setOutcome(result);
          setChosen([]);
        }}
        ids={chosen}
      />
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<HealthListItem>
          rowKey="id"
          rowSelection={
            status === 'active'
              ? {
                  selectedRowKeys: chosen,
                  onChange: (keys) => setChosen(keys as number[]),
                  getCheckboxProps: (r) => ({
                    disabled: !can.write(r.cnCode),
                    'aria-label': t('health.bulk.choose', { name: pairName(r.id) }),
                  }),
                }
              : undefined
          }
          size="small"
          scroll={{ x: 'max-content' }}
          loading={list.isFetching && !list.data}
          columns={columns}
          dataSource={list.data?.data ?? []}
          locale={{ emptyText: <EmptyState /> }}
          pagination={{
            current: search.page ?? 1,
            pageSize: HEALTH_PER_PAGE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('health.total', { n: n(total) }),
            onChange: (page) => update({ page: page === 1 ? undefined : page }),
          }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('health.method')}
      </Typography.Paragraph>
    </>
  );
}
