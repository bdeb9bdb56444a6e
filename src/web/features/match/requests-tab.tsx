/**
 * 请求: the requests for partners of the scope, both sides — the place, its country, the fields
 * wished for, the status with the stale flag and the expiry — with filters, a form to enter or
 * change one, its status moves, and the mutual matches above the list.
 */
import { DownOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Checkbox,
  Dropdown,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { type MatchRequest, REQUEST_SIDES, REQUEST_STATUSES, type RequestStatus } from '../../../shared/schemas/match';
import { useCountries, useDivisionSearch } from '../../api/queries';
import { countFilters, FilterPanel } from '../../components/filter-panel';
import { EmptyState, ErrorState, useErrorMessage } from '../../components/states';
import { useNarrow } from '../../components/use-narrow';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { useCan } from '../auth/permissions';
import { useMatchWrites, useRequests } from './match-api';
import { requestPlace, statusMoves } from './match-model';
import { PairLink, RequestStatusTag, SideTag } from './match-parts';
import { type MatchSearch, REQUESTS_PER_PAGE, requestsQuery } from './match-search';
import { MutualMatches } from './mutual-matches';
import { RequestForm } from './request-form';

export function RequestsTab({ search, update }: { search: MatchSearch; update(patch: Partial<MatchSearch>): void }) {
  const { t, n, d, name, lang } = useI18n();
  const { scope } = useScope();
  const can = useCan();
  const narrow = useNarrow();
  const countries = useCountries();
  const provinces = useDivisionSearch({ level: 'province', perPage: 50 });
  const list = useRequests(requestsQuery(search, scope), Boolean(scope));
  const writes = useMatchWrites();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const [editing, setEditing] = useState<MatchRequest | 'new' | null>(null);
  const [moving, setMoving] = useState<{ request: MatchRequest; to: RequestStatus } | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [q, setQ] = useState(search.q ?? '');
  const filter = (patch: Partial<MatchSearch>) => update({ ...patch, page: undefined });

  const countryName = (iso2: string) => {
    const c = countries.data?.find((x) => x.iso2 === iso2);
    return c ? name(c.nameZh, c.nameEn) : iso2;
  };
  const wishes = (r: MatchRequest): string =>
    [
      ...r.wishedCountries.map(countryName),
      ...r.wishedRegions.map((x) => t(`continent.${x}`)),
      ...r.wishedProvinces.map((code) => {
        const p = provinces.data?.data.find((x) => x.code === code);
        return p ? name(p.nameZh, p.nameEn) : code;
      }),
    ].join(lang === 'zh-CN' ? '、' : ', ');

  async function move() {
    if (!moving) return;
    setBusy(true);
    try {
      await writes.moveRequest(moving.request.id, {
        status: moving.to,
        version: moving.request.version,
        reason: reason.trim() || null,
      });
      message.success(t('match.moved', { status: t(`match.status.${moving.to}`) }));
      setMoving(null);
      setReason('');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function remove(r: MatchRequest) {
    try {
      await writes.deleteRequest(r.id, r.version);
      message.success(t('match.deleted'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  const placeCell = (r: MatchRequest): ReactNode => (
    <span>
      <strong>{requestPlace(r, name)}</strong>
      {r.foreign ? <span className="muted"> · {name(r.foreign.countryNameZh, r.foreign.countryNameEn)}</span> : null}
      {r.isDemo ? (
        <Tag color="gold" style={{ marginInlineStart: 6 }}>
          {t('match.demo')}
        </Tag>
      ) : null}
    </span>
  );
  const fieldsCell = (r: MatchRequest): ReactNode =>
    r.fields.length > 0 ? (
      r.fields.map((f) => <Tag key={f}>{t(`fieldOf.${f}`)}</Tag>)
    ) : (
      <span className="muted">{t('common.none')}</span>
    );
  const actions = (r: MatchRequest): ReactNode => {
    if (!can.write(r.ownerScope)) {
      return r.partnershipId ? <PairLink id={r.partnershipId} /> : null;
    }
    return (
      <Space size={4} wrap>
        {r.partnershipId ? <PairLink id={r.partnershipId} /> : null}
        <Button size="small" onClick={() => setEditing(r)} aria-label={`${t('common.edit')} ${requestPlace(r, name)}`}>
          {t('common.edit')}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: statusMoves(r.status).map((s) => ({ key: s, label: t(`match.moveTo.${s}`) })),
            onClick: ({ key }) => setMoving({ request: r, to: key as RequestStatus }),
          }}
        >
          <Button size="small" aria-label={`${t('match.move')} ${requestPlace(r, name)}`}>
            {t('match.move')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
        <Popconfirm
          title={t('match.deleteConfirm')}
          okText={t('common.delete')}
          cancelText={t('common.cancel')}
          onConfirm={() => remove(r)}
        >
          <Button size="small" danger aria-label={`${t('common.delete')} ${requestPlace(r, name)}`}>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      </Space>
    );
  };

  const columns: ColumnsType<MatchRequest> = narrow
    ? [
        {
          key: 'card',
          title: t('match.place'),
          render: (_, r) => (
            <div className="row-card">
              <div className="row-card-title">{placeCell(r)}</div>
              <div className="row-card-meta">
                <SideTag side={r.side} />
                <RequestStatusTag request={r} />
                <span>{t('match.expiresLine', { date: d(r.expiresOn) })}</span>
              </div>
              <div className="row-card-meta">{fieldsCell(r)}</div>
              {wishes(r) ? <div className="muted">{t('match.wishesLine', { wishes: wishes(r) })}</div> : null}
              <div style={{ marginTop: 6 }}>{actions(r)}</div>
            </div>
          ),
        },
      ]
    : [
        { key: 'side', title: t('match.sideLabel'), render: (_, r) => <SideTag side={r.side} /> },
        { key: 'place', title: t('match.place'), render: (_, r) => placeCell(r) },
        { key: 'fields', title: t('match.fields'), render: (_, r) => fieldsCell(r) },
        {
          key: 'wishes',
          title: t('match.wishes'),
          render: (_, r) => wishes(r) || <span className="muted">{t('match.anywhere')}</span>,
        },
        { key: 'status', title: t('match.statusLabel'), render: (_, r) => <RequestStatusTag request={r} /> },
        { key: 'expires', title: t('match.expiresOn'), render: (_, r) => d(r.expiresOn) },
        { key: 'actions', title: t('match.actions'), render: (_, r) => actions(r) },
      ];

  return (
    <>
      <MutualMatches />
      <FilterPanel
        active={countFilters(search, ['side', 'status', 'stale', 'country'])}
        lead={
          <div className="filter-field">
            <label htmlFor="match-q">{t('common.search')}</label>
            <Input.Search
              id="match-q"
              allowClear
              value={q}
              placeholder={t('match.searchPlaceholder')}
              onChange={(e) => {
                setQ(e.target.value);
                if (!e.target.value) filter({ q: undefined });
              }}
              onSearch={(value) => filter({ q: value.trim() || undefined })}
              style={{ width: 220 }}
            />
          </div>
        }
      >
        <div className="filter-field">
          <label htmlFor="match-side">{t('match.sideLabel')}</label>
          <Select
            id="match-side"
            allowClear
            value={search.side}
            placeholder={t('common.all')}
            style={{ width: 140 }}
            options={REQUEST_SIDES.map((s) => ({ value: s, label: t(`match.side.${s}`) }))}
            onChange={(side) => filter({ side })}
          />
        </div>
        <div className="filter-field">
          <label htmlFor="match-status">{t('match.statusLabel')}</label>
          <Select
            id="match-status"
            allowClear
            value={search.status}
            placeholder={t('common.all')}
            style={{ width: 120 }}
            options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`match.status.${s}`) }))}
            onChange={(status) => filter({ status })}
          />
        </div>
        <div className="filter-field">
          <label htmlFor="match-country">{t('field.country')}</label>
          <Select
            id="match-country"
            allowClear
            showSearch
            value={search.country}
            placeholder={t('common.all')}
            style={{ width: 180 }}
            loading={countries.isPending}
            optionFilterProp="label"
            options={(countries.data ?? []).map((c) => ({ value: c.iso2, label: name(c.nameZh, c.nameEn) }))}
            onChange={(country) => filter({ country })}
            popupMatchSelectWidth={false}
          />
        </div>
        <div className="filter-field">
          <span aria-hidden>&nbsp;</span>
          <Checkbox checked={search.stale === 1} onChange={(e) => filter({ stale: e.target.checked ? 1 : undefined })}>
            {t('match.staleOnly')}
          </Checkbox>
        </div>
      </FilterPanel>
      {can.writeAnywhere ? (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('match.newRequest')}
          </Button>
          <span className="muted">{t('match.newRequestHint')}</span>
        </Space>
      ) : null}
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<MatchRequest>
          rowKey="id"
          size="small"
          columns={columns}
          showHeader={!narrow}
          className={narrow ? 'table-cards match-requests' : 'match-requests'}
          dataSource={list.data?.data ?? []}
          loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
          scroll={narrow ? undefined : { x: 'max-content' }}
          locale={{
            emptyText: list.isPending ? (
              ' '
            ) : (
              <EmptyState title={t('match.noRequests')} hint={t('match.noRequestsHint')} />
            ),
          }}
          pagination={{
            current: search.page ?? 1,
            pageSize: REQUESTS_PER_PAGE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { n: n(total) }),
            onChange: (page) => update({ page: page === 1 ? undefined : page }),
          }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('match.requestsNote')}
      </Typography.Paragraph>
      {editing ? <RequestForm record={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <Modal
        open={moving !== null}
        title={moving ? `${requestPlace(moving.request, name)} → ${t(`match.status.${moving.to}`)}` : ''}
        okText={t('match.moveConfirm')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void move()}
        onCancel={() => {
          setMoving(null);
          setReason('');
        }}
      >
        <label htmlFor="match-move-reason">{t('match.moveReason')}</label>
        <Input.TextArea
          id="match-move-reason"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
