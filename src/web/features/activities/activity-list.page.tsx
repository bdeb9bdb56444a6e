/**
 * 交流活动: the activities of the scope, newest first, with filters by type, field, date and rule
 * flags; each row shows the rules it breaks. Every choice is in the address.
 */
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, Select, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ACTIVITY_TYPES, FIELDS, RULE_CODES } from '../../../shared/enums';
import { DateField } from '../../components/date-field';
import { countFilters, FilterPanel } from '../../components/filter-panel';
import { FilterSelect } from '../../components/filter-select';
import { EmptyState, ErrorState } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { stringifySearch } from '../../state/search';
import { useCan } from '../auth/permissions';
import { type ActivityFlag, type ActivityRecord, useActivityList } from './activity-api';
import {
  ACTIVITY_PER_PAGE,
  type ActivitySearch,
  activityQuery,
  activityTitle,
  partnershipLabel,
  sizeKeys,
} from './activity-model';

const route = getRouteApi('/activities');

/** The rules a record breaks, as red tags whose tooltip says why in the reader's language. */
export function FlagTags({ flags }: { flags: ActivityFlag[] }) {
  const { t, lang } = useI18n();
  if (flags.length === 0) return null;
  return (
    <span className="activity-flags">
      {flags.map((f) => (
        <Tooltip key={f.rule} title={f.message[lang]}>
          <Tag color="error" icon={<WarningOutlined />} data-rule={f.rule}>
            {t(`rule.${f.rule}`)}
          </Tag>
        </Tooltip>
      ))}
    </span>
  );
}

export function ActivityListPage() {
  const { t, lang, n, d } = useI18n();
  useTitle(t('act.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/activities' });
  const { scope, asOf } = useScope();
  const can = useCan();
  const query = activityQuery(search, scope);
  const list = useActivityList(query, Boolean(scope));
  const update = (patch: Partial<ActivitySearch>) =>
    void navigate({ search: (prev: ActivitySearch) => ({ ...prev, page: undefined, ...patch }), replace: true });

  const columns: ColumnsType<ActivityRecord> = [
    { key: 'date', title: t('act.date'), render: (_, a) => d(a.occurredOn), width: 130 },
    { key: 'type', title: t('act.type'), render: (_, a) => t(`activity.${a.type}`) },
    {
      key: 'title',
      title: t('act.titleCol'),
      render: (_, a) => (
        <span>
          <a
            href={`/activities/${a.id}${stringifySearch({ scope: search.scope, asOf })}`}
            onClick={(event) => {
              if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
              event.preventDefault();
              void navigate({ to: '/activities/$id', params: { id: a.id } });
            }}
          >
            {activityTitle(a, lang)}
          </a>
          {a.isDemo ? (
            <Tooltip title={t('act.demoHint')}>
              <Tag style={{ marginInlineStart: 6 }}>{t('act.demo')}</Tag>
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    {
      key: 'partnerships',
      title: t('act.partnerships'),
      render: (_, a) => (
        <span>
          {a.partnerships.map((p, i) => (
            <span key={p.id} className={i === 0 ? undefined : 'muted block'}>
              {partnershipLabel(p, lang)}
            </span>
          ))}
        </span>
      ),
    },
    {
      key: 'size',
      title: `${t('act.participants')} / ${t('act.days')}`,
      render: (_, a) =>
        [
          a.participants ? t(sizeKeys(a.participants).people, { n: n(a.participants) }) : null,
          a.days ? t(sizeKeys(a.days).days, { n: a.days }) : null,
        ]
          .filter(Boolean)
          .join(' · '),
    },
    {
      key: 'fields',
      title: t('act.fields'),
      render: (_, a) => a.fields.map((f) => t(`fieldOf.${f}`)).join(lang === 'zh-CN' ? '、' : ', '),
    },
    { key: 'flags', title: t('act.flags'), render: (_, a) => <FlagTags flags={a.flags} /> },
  ];

  const active = countFilters(search as Record<string, unknown>, ['type', 'field', 'flagged', 'rule', 'from', 'to']);
  return (
    <>
      <div className="page-header">
        <h1>
          {t('act.title')}{' '}
          {list.data ? <span className="as-of">{t('common.total', { n: n(list.data.total) })}</span> : null}
        </h1>
        {can.writeAnywhere ? (
          <Link to="/activities/new">
            <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
              {t('act.new')}
            </Button>
          </Link>
        ) : null}
      </div>
      <FilterPanel active={active}>
        <FilterSelect
          id="activity-type"
          label={t('act.type')}
          value={search.type}
          options={ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`activity.${v}`) }))}
          onChange={(type) => update({ type })}
          wide
        />
        <FilterSelect
          id="activity-field"
          label={t('act.fields')}
          value={search.field}
          options={FIELDS.map((v) => ({ value: v, label: t(`fieldOf.${v}`) }))}
          onChange={(field) => update({ field })}
        />
        <div className="filter-field">
          <label htmlFor="activity-flagged">{t('act.flagged')}</label>
          <Select<'true' | 'false' | ''>
            id="activity-flagged"
            value={search.flagged ?? ''}
            style={{ minWidth: 130 }}
            options={[
              { value: '', label: t('common.all') },
              { value: 'true', label: t('act.flaggedYes') },
              { value: 'false', label: t('act.flaggedNo') },
            ]}
            onChange={(v) => update({ flagged: v === '' ? undefined : v })}
          />
        </div>
        <FilterSelect
          id="activity-rule"
          label={t('act.rule')}
          value={search.rule}
          options={RULE_CODES.map((v) => ({ value: v, label: t(`rule.${v}`) }))}
          onChange={(rule) => update({ rule })}
          wide
        />
        <div className="filter-field">
          <label htmlFor="activity-from">{t('act.from')}</label>
          <DateField id="activity-from" value={search.from} onChange={(from) => update({ from })} />
        </div>
        <div className="filter-field">
          <label htmlFor="activity-to">{t('act.to')}</label>
          <DateField id="activity-to" value={search.to} onChange={(to) => update({ to })} />
        </div>
      </FilterPanel>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card size="small" data-rows={list.isPlaceholderData || list.isPending ? 'stale' : 'current'}>
          <Table<ActivityRecord>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.data ?? []}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            rowClassName={(a) => (a.flags.length > 0 ? 'activity-row-flagged' : '')}
            locale={{
              emptyText: list.isPending ? ' ' : <EmptyState title={t('act.empty')} hint={t('act.emptyHint')} />,
            }}
            pagination={{
              current: query.page ?? 1,
              pageSize: ACTIVITY_PER_PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { n: n(total) }),
              onChange: (page) =>
                void navigate({ search: (prev: ActivitySearch) => ({ ...prev, page: page > 1 ? page : undefined }) }),
            }}
          />
        </Card>
      )}
    </>
  );
}
