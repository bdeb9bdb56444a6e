/**
 * 提醒: round anniversaries of signings coming up, and partnerships with no activity for N years,
 * for the scope and as-of day of the context bar.
 */
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Card, Col, InputNumber, Row, Table, Tag, Typography } from 'antd';
import { PartnershipLink } from '../../components/row-link';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { type ReminderPartnership, type Reminders, useReminders } from '../activities/activity-api';
import { partnershipLabel } from '../activities/activity-model';

const route = getRouteApi('/reminders');

export type ReminderSearch = { years?: number; months?: number };

export function RemindersPage() {
  const { t, d, n, lang } = useI18n();
  useTitle(t('rem.title'));
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/reminders' });
  const { scope, asOf } = useScope();
  const years = search.years ?? 3;
  const months = search.months ?? 12;
  const reminders = useReminders({ scope, asOf, years, months }, Boolean(scope));
  const update = (patch: ReminderSearch) =>
    void navigate({ search: (prev: ReminderSearch) => ({ ...prev, ...patch }), replace: true });

  const pair = (p: ReminderPartnership) => <PartnershipLink id={p.id}>{partnershipLabel(p, lang)}</PartnershipLink>;
  const data = reminders.data;
  type Anniversary = Reminders['anniversaries']['data'][number];
  type Silent = Reminders['silent']['data'][number];

  return (
    <>
      <div className="page-header">
        <h1>{t('rem.title')}</h1>
        <div className="filter-bar">
          <div className="filter-field">
            <label htmlFor="rem-years">{t('rem.years')}</label>
            <InputNumber id="rem-years" min={1} max={50} value={years} onChange={(v) => v && update({ years: v })} />
          </div>
          <div className="filter-field">
            <label htmlFor="rem-months">{t('rem.months')}</label>
            <InputNumber id="rem-months" min={1} max={60} value={months} onChange={(v) => v && update({ months: v })} />
          </div>
        </div>
      </div>
      {reminders.isError ? (
        <ErrorState error={reminders.error} onRetry={() => void reminders.refetch()} />
      ) : !data ? (
        <Loading rows={8} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={`${t('rem.anniversaries')} (${n(data.anniversaries.total)})`}>
              <Typography.Paragraph className="muted">
                {t('rem.anniversariesHint', { from: d(data.asOf), to: d(data.until) })}
              </Typography.Paragraph>
              <Table<Anniversary>
                rowKey={(a) => `${a.partnership.id}-${a.n}`}
                size="small"
                scroll={{ x: 'max-content' }}
                pagination={false}
                dataSource={data.anniversaries.data}
                locale={{ emptyText: <EmptyState title={t('rem.noneAnniversaries')} /> }}
                columns={[
                  { key: 'on', title: t('rem.on'), render: (_, a) => d(a.label) },
                  {
                    key: 'n',
                    title: t('rem.which'),
                    render: (_, a) => (
                      <span>
                        {t('rem.nth', { n: a.n })}
                        {a.major ? (
                          <Tag color="red" style={{ marginInlineStart: 6 }}>
                            {t('rem.major')}
                          </Tag>
                        ) : null}
                      </span>
                    ),
                  },
                  { key: 'pair', title: t('act.partnerships'), render: (_, a) => pair(a.partnership) },
                  {
                    key: 'established',
                    title: t('rem.established'),
                    render: (_, a) => (a.partnership.establishedOn ? d(a.partnership.establishedOn) : ''),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={`${t('rem.silent')} (${n(data.silent.total)})`}>
              <Typography.Paragraph className="muted">
                {t('rem.silentHint', { years: data.years, date: d(data.silentBefore) })}
              </Typography.Paragraph>
              <Table<Silent>
                rowKey={(s) => s.partnership.id}
                size="small"
                scroll={{ x: 'max-content' }}
                dataSource={data.silent.data}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                locale={{ emptyText: <EmptyState title={t('rem.noneSilent')} /> }}
                columns={[
                  { key: 'pair', title: t('act.partnerships'), render: (_, s) => pair(s.partnership) },
                  {
                    key: 'last',
                    title: t('rem.last'),
                    render: (_, s) =>
                      s.lastActivityOn ? d(s.lastActivityOn) : <span className="muted">{t('rem.never')}</span>,
                  },
                  {
                    key: 'established',
                    title: t('rem.established'),
                    render: (_, s) =>
                      s.partnership.establishedOn ? d(s.partnership.establishedOn) : t('common.unknownDate'),
                  },
                ]}
              />
              {data.silent.total > data.silent.data.length ? (
                <span className="muted">{t('rem.more', { n: n(data.silent.total - data.silent.data.length) })}</span>
              ) : null}
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
