/**
 * 友城名录: the partnerships of the scope, with the API's filters, search in Chinese, English or
 * pinyin, pinyin sort, pages, a column choice and export of the filtered list. Every choice is in
 * the address, so a filtered list can be bookmarked and shared.
 */
import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Dropdown,
  Input,
  InputNumber,
  Popover,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { CONTINENTS, type Continent, KINDS, LEVELS, STATUSES } from '../../../shared/enums';
import { STAGES } from '../../../shared/lifecycle';
import { apiUrl } from '../../api/client';
import { useCountries, useGroups, usePartnershipList } from '../../api/queries';
import type { Partnership } from '../../api/types';
import { countFilters, FilterPanel } from '../../components/filter-panel';
import { FilterSelect } from '../../components/filter-select';
import { PartnershipLink } from '../../components/row-link';
import { EmptyState, ErrorState } from '../../components/states';
import { KindText, LevelPill, StatusPill } from '../../components/tags';
import { useNarrow } from '../../components/use-narrow';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import {
  type GlobalSearch,
  hasFilters,
  PARTNERSHIP_SORTS,
  type PartnershipSearch,
  PER_PAGE_CHOICES,
  partnershipQuery,
} from '../../state/search';
import { useCan } from '../auth/permissions';
import type { BulkMove, BulkOutcome } from '../health/bulk-dormant';
import { BulkMoveDialog, BulkOutcomeAlert } from '../health/bulk-move-dialog';
import { COLUMN_KEYS, COLUMN_LABELS, type ColumnKey, FIXED_COLUMNS, loadColumns, saveColumns } from './columns';

type Patch = Partial<PartnershipSearch>;

const route = getRouteApi('/partnerships');

export function PartnershipListPage() {
  const { t, lang, n, d, dt, name } = useI18n();
  const can = useCan();
  useTitle(t('list.title'));
  const urlSearch = route.useSearch();
  const navigate = useNavigate({ from: '/partnerships' });
  // A filter takes effect at once; the address follows. Waiting for the router first would add
  // a visible delay to every change.
  const [pending, setPending] = useState<PartnershipSearch | null>(null);
  const search = pending ?? urlSearch;
  // biome-ignore lint/correctness/useExhaustiveDependencies: an optimistic filter is dropped when the address changes, which is what urlSearch stands for here.
  useEffect(() => setPending(null), [urlSearch]);
  const { scope, asOf, isLoading: scopeLoading } = useScope();
  const query = partnershipQuery(search, scope);
  const list = usePartnershipList(query);
  const countries = useCountries();
  const groups = useGroups();
  const [columns, setColumns] = useState<ColumnKey[]>(loadColumns);
  const [text, setText] = useState(search.q ?? '');

  const update = (patch: Patch) => {
    const next = { ...search, page: undefined, ...patch };
    setPending(next);
    // The address is written in the next task, so the request for the new rows leaves first.
    setTimeout(() => void navigate({ search: next, replace: true }), 0);
  };

  // The search box writes to the address after a short pause, so typing stays fluid.
  useEffect(() => {
    setText(search.q ?? '');
  }, [search.q]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: update() is made anew each render from the current search; the timer must restart only when the typed text or the address's q changes.
  useEffect(() => {
    const value = text.trim() || undefined;
    if (value === search.q) return;
    const timer = setTimeout(() => void update({ q: value }), 300);
    return () => clearTimeout(timer);
  }, [text, search.q]);

  // The file's header row in the reader's language; the filters are the list's own.
  const exportParams = { ...query, page: undefined, perPage: undefined, headers: lang === 'zh-CN' ? 'zh' : 'en' };

  const allColumns: Record<ColumnKey, ColumnsType<Partnership>[number]> = useMemo(
    () => ({
      cn: {
        key: 'cn',
        className: 'col-cn',
        title: t('field.cn'),
        render: (_, p) => <PartnershipLink id={p.id}>{name(p.cn.nameZh, p.cn.nameEn)}</PartnershipLink>,
      },
      partner: {
        key: 'partner',
        title: t('field.partner'),
        // The foreign place leads to all its Chinese partners (a place may pair with several).
        render: (_, p) => (
          <span>
            <Link
              to="/partnerships"
              search={(prev: GlobalSearch) => ({
                scope: prev.scope,
                asOf: prev.asOf,
                since: prev.since,
                place: p.partner.id,
              })}
              title={t('list.placeAll', { name: name(p.partner.nameZh, p.partner.nameEn) })}
            >
              {name(p.partner.nameZh, p.partner.nameEn)}
            </Link>
            {lang === 'zh-CN' && p.partner.nameEn && p.partner.nameZh ? (
              <span className="muted block" lang="en">
                {p.partner.nameEn}
              </span>
            ) : null}
          </span>
        ),
      },
      country: {
        key: 'country',
        title: t('field.country'),
        render: (_, p) => name(p.partner.country.nameZh, p.partner.country.nameEn),
      },
      continent: {
        key: 'continent',
        title: t('field.continent'),
        render: (_, p) => t(`continent.${p.partner.country.continent as Continent}`),
      },
      level: { key: 'level', title: t('field.level'), render: (_, p) => <LevelPill level={p.level} /> },
      kind: { key: 'kind', title: t('field.kind'), render: (_, p) => <KindText kind={p.kind} /> },
      status: {
        key: 'status',
        title: t('field.status'),
        // Pairs in preparation show their life-cycle step instead of a status.
        render: (_, p) =>
          p.stage === 'established' || p.status === 'ended' ? (
            <StatusPill status={p.status} />
          ) : (
            <Tag color="purple">{t(`lc.phase.${p.stage}`)}</Tag>
          ),
      },
      established: {
        key: 'established',
        title: t('field.established'),
        render: (_, p) =>
          p.establishedOn ? d(p.establishedOn) : <span className="muted">{t('common.unknownDate')}</span>,
      },
      ended: { key: 'ended', title: t('field.ended'), render: (_, p) => d(p.endedOn) },
      id: { key: 'id', title: t('field.id'), dataIndex: 'id', width: 80 },
      updatedAt: { key: 'updatedAt', title: t('field.updatedAt'), render: (_, p) => dt(p.updatedAt) },
    }),
    [t, lang, d, dt, name],
  );

  // On a phone each row is a card of the columns that matter: both sides (each a link), the
  // country, the level and status, the date; the column chooser is for wide screens.
  const narrow = useNarrow();
  const tableColumns = useMemo(
    (): ColumnsType<Partnership> =>
      narrow
        ? [
            {
              key: 'card',
              title: t('field.partner'),
              render: (_, p, i) => (
                <div className="row-card">
                  <div className="row-card-title">
                    {allColumns.cn.render?.(null, p, i) as ReactNode}
                    <span aria-hidden> — </span>
                    {allColumns.partner.render?.(null, p, i) as ReactNode}
                  </div>
                  <div className="row-card-meta">
                    <span>{allColumns.country.render?.(null, p, i) as ReactNode}</span>
                    {allColumns.level.render?.(null, p, i) as ReactNode}
                    {allColumns.status.render?.(null, p, i) as ReactNode}
                    <span>{allColumns.established.render?.(null, p, i) as ReactNode}</span>
                  </div>
                </div>
              ),
            },
          ]
        : columns.map((key) => allColumns[key]),
    [columns, allColumns, narrow, t],
  );
  const filtersOn = hasFilters(search);
  const data = list.data;

  const loading = scopeLoading || list.isPending || (list.isFetching && list.isPlaceholderData);
  const rows = data?.data;
  const total = data?.total ?? 0;
  // A selection of the page's rows, for a status change in one step (one life-cycle move each).
  const [chosen, setChosen] = useState<number[]>([]);
  const [moving, setMoving] = useState<BulkMove | null>(null);
  const [outcome, setOutcome] = useState<{ move: BulkMove; result: BulkOutcome } | null>(null);
  const chosenName = (id: number) => {
    const p = rows?.find((row) => row.id === id);
    return p ? `${name(p.cn.nameZh, p.cn.nameEn)} — ${name(p.partner.nameZh, p.partner.nameEn)}` : `#${id}`;
  };
  const rowSelection = can.writeAnywhere
    ? {
        selectedRowKeys: chosen,
        onChange: (keys: React.Key[]) => setChosen(keys as number[]),
        getCheckboxProps: (p: Partnership) => ({
          disabled: !can.write(p.cn.code),
          'aria-label': t('list.bulk.choose', {
            name: `${name(p.cn.nameZh, p.cn.nameEn)} — ${name(p.partner.nameZh, p.partner.nameEn)}`,
          }),
        }),
      }
    : undefined;
  // The rows re-render only when the data does, not on every keystroke or filter click, so a new
  // request leaves at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: t and n are lang's functions and navigate reads the current search itself; the rows are rebuilt only when the data or the language changes, so typing never waits for the table.
  const table = useMemo(
    () => (
      <Table<Partnership>
        rowKey="id"
        size="middle"
        columns={tableColumns}
        rowSelection={rowSelection}
        showHeader={!narrow}
        className={narrow ? 'table-cards' : undefined}
        dataSource={rows ?? []}
        // A quick answer replaces the rows without a spinner flashing over them.
        loading={{ spinning: loading, delay: list.isPending ? 0 : 200 }}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: list.isPending ? (
            ' '
          ) : (
            <EmptyState title={t('list.empty')} hint={filtersOn ? t('list.emptyHint') : undefined} />
          ),
        }}
        pagination={{
          current: query.page,
          pageSize: query.perPage,
          total,
          showSizeChanger: true,
          pageSizeOptions: PER_PAGE_CHOICES.map(String),
          showTotal: (total) => t('common.total', { n: n(total) }),
          onChange: (page, perPage) =>
            void navigate({
              search: (prev: PartnershipSearch) => ({
                ...prev,
                page: page === 1 ? undefined : page,
                perPage: perPage === 50 ? undefined : perPage,
              }),
            }),
        }}
      />
    ),
    [tableColumns, rows, loading, list.isPending, filtersOn, query.page, query.perPage, total, lang, narrow, chosen],
  );

  // The filters re-render when a filter or the language changes, not when rows arrive.
  // biome-ignore lint/correctness/useExhaustiveDependencies: t, n and name follow lang, and navigate and update act on the current search through the router; the bar is rebuilt when a filter or the language changes, not on each keystroke.
  const filterBar = useMemo(
    () => (
      <FilterPanel
        active={countFilters(search, ['level', 'kind', 'status', 'stage', 'continent', 'country', 'group'])}
        lead={
          <div className="filter-field" style={{ flex: '2 1 260px' }}>
            <label htmlFor="list-q">{t('list.search')}</label>
            <Input.Search
              id="list-q"
              value={text}
              allowClear
              placeholder={t('list.searchPlaceholder')}
              onChange={(event) => setText(event.target.value)}
              onSearch={(value) => void update({ q: value.trim() || undefined })}
            />
          </div>
        }
      >
        <FilterSelect
          id="list-level"
          label={t('field.level')}
          value={search.level}
          options={LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) }))}
          onChange={(level) => void update({ level })}
        />
        <FilterSelect
          id="list-kind"
          label={t('field.kind')}
          value={search.kind}
          options={KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))}
          onChange={(kind) => void update({ kind })}
        />
        <FilterSelect
          id="list-status"
          label={t('field.status')}
          value={search.status}
          options={STATUSES.map((v) => ({ value: v, label: t(`status.${v}`) }))}
          onChange={(status) => void update({ status })}
        />
        <FilterSelect
          id="list-stage"
          label={t('list.stage')}
          value={search.stage}
          options={STAGES.map((v) => ({ value: v, label: t(`lc.steps.${v}`) }))}
          onChange={(stage) => void update({ stage })}
        />
        <FilterSelect
          id="list-continent"
          label={t('field.continent')}
          value={search.continent}
          options={CONTINENTS.map((v) => ({ value: v, label: t(`continent.${v}`) }))}
          onChange={(continent) => void update({ continent })}
        />
        <FilterSelect
          id="list-country"
          label={t('field.country')}
          value={search.country}
          loading={countries.isPending}
          options={(countries.data ?? []).map((c) => ({ value: c.iso2, label: name(c.nameZh, c.nameEn) }))}
          onChange={(country) => void update({ country })}
          wide
        />
        <div className="filter-field">
          <label htmlFor="list-group">{t('field.group')}</label>
          <Select
            id="list-group"
            allowClear
            value={search.group}
            placeholder={t('common.all')}
            loading={groups.isPending}
            options={(groups.data ?? []).map((g) => ({ value: g.code, label: name(g.nameZh, g.nameEn) }))}
            onChange={(group?: string) => void update({ group })}
            popupMatchSelectWidth={false}
          />
        </div>
        <div className="filter-field">
          <label htmlFor="list-year-from">{t('list.yearRange')}</label>
          <Space.Compact>
            <InputNumber
              id="list-year-from"
              aria-label={t('field.yearFrom')}
              placeholder={t('list.anyYear')}
              min={1000}
              max={9999}
              value={search.yearFrom}
              onChange={(v) => void update({ yearFrom: typeof v === 'number' && v >= 1000 ? v : undefined })}
              style={{ width: 90 }}
            />
            <InputNumber
              id="list-year-to"
              aria-label={t('field.yearTo')}
              placeholder={t('list.anyYear')}
              min={1000}
              max={9999}
              value={search.yearTo}
              onChange={(v) => void update({ yearTo: typeof v === 'number' && v >= 1000 ? v : undefined })}
              style={{ width: 90 }}
            />
          </Space.Compact>
        </div>
        <div className="filter-field">
          <label htmlFor="list-sort">{t('list.sort')}</label>
          <Select
            id="list-sort"
            value={search.sort ?? 'name'}
            options={PARTNERSHIP_SORTS.map((s) => ({ value: s, label: t(`list.sort.${s}`) }))}
            onChange={(sort) => void update({ sort: sort === 'name' ? undefined : sort })}
            popupMatchSelectWidth={false}
          />
        </div>
        {filtersOn ? (
          <Button
            onClick={() =>
              void navigate({
                search: (prev: PartnershipSearch) => ({ scope: prev.scope, asOf: prev.asOf, sort: prev.sort }),
              })
            }
          >
            {t('list.clearFilters')}
          </Button>
        ) : null}
      </FilterPanel>
    ),
    [search, text, countries.data, countries.isPending, groups.data, groups.isPending, lang, filtersOn],
  );

  const columnChooser = (
    <Checkbox.Group
      aria-label={t('list.columns')}
      value={columns}
      onChange={(values) => {
        const next = COLUMN_KEYS.filter((k) => (values as string[]).includes(k) || FIXED_COLUMNS.includes(k));
        setColumns(next);
        saveColumns(next);
      }}
    >
      <Space direction="vertical">
        {COLUMN_KEYS.map((key) => (
          <Checkbox key={key} value={key} disabled={FIXED_COLUMNS.includes(key)}>
            {t(COLUMN_LABELS[key])}
          </Checkbox>
        ))}
      </Space>
    </Checkbox.Group>
  );

  return (
    <>
      <div className="page-header">
        <h1>
          {t('list.title')} {data ? <span className="as-of">{t('list.count', { n: n(data.total) })}</span> : null}
        </h1>
        <Space wrap>
          <Link
            to="/health"
            search={(prev: { scope?: string; asOf?: string }) => ({
              scope: prev.scope,
              asOf: prev.asOf,
              suggestion: 'dormant' as const,
            })}
          >
            <Button tabIndex={-1}>{t('health.dormantOnPaper')}</Button>
          </Link>
          <Popover content={columnChooser} title={t('list.columns')} trigger="click" placement="bottomRight">
            <Button icon={<SettingOutlined />}>{t('list.columns')}</Button>
          </Popover>
          <Dropdown
            menu={{
              items: [
                {
                  key: 'csv',
                  label: (
                    <a href={apiUrl('/exports/partnerships.csv', exportParams)} download>
                      {t('list.exportCsv')}
                    </a>
                  ),
                },
                {
                  key: 'xlsx',
                  label: (
                    <a href={apiUrl('/exports/partnerships.xlsx', exportParams)} download>
                      {t('list.exportXlsx')}
                    </a>
                  ),
                },
              ],
            }}
          >
            <Button icon={<DownloadOutlined />}>{t('list.export')}</Button>
          </Dropdown>
          {can.writeAnywhere ? (
            <Link to="/partnerships/new">
              <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
                {t('list.new')}
              </Button>
            </Link>
          ) : null}
        </Space>
      </div>

      {filterBar}

      {search.place ? (
        <Alert
          className="place-filter"
          type="info"
          showIcon
          message={t('list.placeFilter', {
            name: rows?.[0]
              ? `${name(rows[0].partner.nameZh, rows[0].partner.nameEn)}（${name(rows[0].partner.country.nameZh, rows[0].partner.country.nameEn)}）`
              : `#${search.place}`,
          })}
          action={
            <Button size="small" onClick={() => void update({ place: undefined })}>
              {t('list.placeClear')}
            </Button>
          }
        />
      ) : null}

      {chosen.length > 0 ? (
        <Space className="bulk-bar" wrap style={{ marginBottom: 12 }}>
          <span>{t('list.bulk.chosen', { n: n(chosen.length) })}</span>
          <Button onClick={() => setMoving('dormant')}>{t('list.bulk.dormant')}</Button>
          <Button onClick={() => setMoving('reactivate')}>{t('list.bulk.reactivate')}</Button>
          <Button type="link" onClick={() => setChosen([])}>
            {t('list.bulk.clear')}
          </Button>
        </Space>
      ) : null}
      {outcome ? (
        <BulkOutcomeAlert
          move={outcome.move}
          outcome={outcome.result}
          nameOf={chosenName}
          onClose={() => setOutcome(null)}
        />
      ) : null}
      {moving ? (
        <BulkMoveDialog
          open
          move={moving}
          ids={chosen}
          asOf={asOf}
          onCancel={() => setMoving(null)}
          onDone={(result) => {
            setOutcome({ move: moving, result });
            setMoving(null);
            setChosen([]);
          }}
        />
      ) : null}
      {list.isError && !data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card
          size="small"
          data-rows={list.isPlaceholderData || list.isPending ? 'stale' : 'current'}
          data-query={JSON.stringify(query)}
        >
          {table}
          {list.isError && data ? (
            <Typography.Text type="danger" role="alert">
              {t('state.error')}
            </Typography.Text>
          ) : null}
        </Card>
      )}
    </>
  );
}
