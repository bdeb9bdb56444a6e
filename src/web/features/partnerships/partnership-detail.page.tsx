/** One partnership: both sides, the dates at their precision, status, source, activities. */
import { EditOutlined, LinkOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { App as AntApp, Button, Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import type { Continent } from '../../../shared/enums';
import { ApiError, api } from '../../api/client';
import { keys, usePartnership } from '../../api/queries';
import type { Partnership } from '../../api/types';
import { DeleteRecordButton } from '../../components/delete-button';
import { RecordGate, useErrorMessage } from '../../components/states';
import { KindText, LevelTag, StatusTag } from '../../components/tags';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { PartnershipActivities } from '../activities/partnership-activities';
import { RecordHistory } from '../audit/record-history';
import { useCan } from '../auth/permissions';
import { HealthPanel } from '../health/health-panel';
import { DocumentsPanel } from '../lifecycle/documents-panel';
import { LifecyclePanel } from '../lifecycle/lifecycle-panel';

const route = getRouteApi('/partnerships/$id');

export function PartnershipDetailPage() {
  const { id } = route.useParams();
  const { t } = useI18n();
  const record = usePartnership(id);
  return (
    <RecordGate query={record} notFound={t('detail.notFound')}>
      {(p) => <Detail p={p} />}
    </RecordGate>
  );
}

function Detail({ p }: { p: Partnership }) {
  const { t, name, d, n, dt, lang } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const none = <span className="muted">{t('common.none')}</span>;

  async function remove() {
    try {
      await api.delete(`/partnerships/${p.id}`, { version: p.version });
      queryClient.removeQueries({ queryKey: keys.partnership(p.id) });
      void queryClient.invalidateQueries({ queryKey: keys.partnerships });
      void queryClient.invalidateQueries({ queryKey: keys.figures });
      message.success(t('detail.deleted'));
      void navigate({ to: '/partnerships' });
    } catch (error) {
      message.error(errorMessage(error));
      if (error instanceof ApiError && error.isConflict)
        void queryClient.invalidateQueries({ queryKey: keys.partnership(p.id) });
    }
  }

  const partnerName = name(p.partner.nameZh, p.partner.nameEn);
  const can = useCan();
  useTitle(`${name(p.cn.nameZh, p.cn.nameEn)} — ${partnerName}`);
  return (
    <>
      <div className="page-header">
        <h1>
          {name(p.cn.nameZh, p.cn.nameEn)} — {partnerName}{' '}
          <span className="as-of">
            <LevelTag level={p.level} />{' '}
            {p.stage === 'established' || p.status === 'ended' ? (
              <StatusTag status={p.status} />
            ) : (
              <Tag color="purple">{t(`lc.phase.${p.stage}`)}</Tag>
            )}
            {p.isDemo ? <Tag>{t('detail.demo')}</Tag> : null}
          </span>
        </h1>
        {can.write(p.cn.code) ? (
          <Space wrap>
            <Link to="/partnerships/$id/edit" params={{ id: p.id }}>
              <Button type="primary" icon={<EditOutlined />} tabIndex={-1}>
                {t('common.edit')}
              </Button>
            </Link>
            <DeleteRecordButton confirm={t('detail.deleteConfirm')} onConfirm={remove} />
          </Space>
        ) : null}
      </div>

      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card title={t('detail.cnSide')} size="small" style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('field.cn')}>
                <span lang="zh-CN">{p.cn.nameZh}</span>
                <span className="muted" lang="en">
                  {' '}
                  · {p.cn.nameEn}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('field.cnCode')}>{p.cn.code}</Descriptions.Item>
              <Descriptions.Item label={t('field.level')}>
                <LevelTag level={p.level} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('detail.partnerSide')} size="small" style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('field.partnerNameZh')}>{p.partner.nameZh ?? none}</Descriptions.Item>
              <Descriptions.Item label={t('field.partnerNameEn')}>
                <span lang="en">{p.partner.nameEn ?? none}</span>
              </Descriptions.Item>
              {p.partner.nameLocal ? (
                <Descriptions.Item label={t('field.partnerNameLocal')}>{p.partner.nameLocal}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('field.country')}>
                {name(p.partner.country.nameZh, p.partner.country.nameEn)} ·{' '}
                {t(`continent.${p.partner.country.continent as Continent}`)}
              </Descriptions.Item>
              {p.partner.adminLevel ? (
                <Descriptions.Item label={t('field.partnerAdminLevel')}>
                  {t(`adminLevel.${p.partner.adminLevel}`)}
                </Descriptions.Item>
              ) : null}
              {p.partner.population ? (
                <Descriptions.Item label={t('field.population')}>{n(p.partner.population)}</Descriptions.Item>
              ) : null}
              {p.partner.lat !== null && p.partner.lng !== null ? (
                <Descriptions.Item label={t('field.coordinates')}>
                  {n(p.partner.lat, 3)}, {n(p.partner.lng, 3)}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('detail.record')} size="small">
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
              <Descriptions.Item label={t('field.kind')}>
                <KindText kind={p.kind} />
              </Descriptions.Item>
              <Descriptions.Item label={t('field.status')}>
                <StatusTag status={p.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('field.established')}>
                {p.establishedOn ? (
                  <>
                    {d(p.establishedOn)}
                    {p.establishedPrecision ? (
                      <span className="muted" style={{ marginLeft: lang === 'zh-CN' ? 0 : 4 }}>
                        {lang === 'zh-CN'
                          ? `（${t(`precision.${p.establishedPrecision}`)}）`
                          : `(${t(`precision.${p.establishedPrecision}`)})`}
                      </span>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">{t('common.unknownDate')}</span>
                )}
              </Descriptions.Item>
              {p.endedOn || p.status === 'ended' ? (
                <Descriptions.Item label={t('field.ended')}>{p.endedOn ? d(p.endedOn) : none}</Descriptions.Item>
              ) : null}
              {p.endedReason ? (
                <Descriptions.Item label={t('field.endedReason')}>{p.endedReason}</Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('common.source')}>
                {p.sourceUrl ? (
                  <a href={p.sourceUrl} target="_blank" rel="noreferrer noopener">
                    <LinkOutlined /> {t('common.openSource')}
                  </a>
                ) : (
                  none
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.publication')}>
                {t(`publication.${p.isPublic === true ? 'public' : p.isPublic === false ? 'private' : 'scope'}`)}
                {p.notesInternal ? <span className="muted"> · {t('detail.notesInternal')}</span> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('field.version')}>{p.version}</Descriptions.Item>
              <Descriptions.Item label={t('field.updatedAt')}>{dt(p.updatedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('detail.createdAt')}>{dt(p.createdAt)}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('detail.history')}</Typography.Title>
            <Timeline
              className="history"
              items={[
                p.stage === 'established'
                  ? {
                      color: 'blue',
                      children: `${t('detail.historyEstablished')} · ${p.establishedOn ? d(p.establishedOn) : t('common.unknownDate')}`,
                    }
                  : { color: 'gray', children: t('detail.historyPreparing', { stage: t(`lc.phase.${p.stage}`) }) },
                ...(p.endedOn
                  ? [
                      {
                        color: 'gray',
                        children: `${t('detail.historyEnded')} · ${d(p.endedOn)}${p.endedReason ? ` · ${p.endedReason}` : ''}`,
                      },
                    ]
                  : []),
                {
                  color: p.status === 'active' ? 'green' : p.status === 'dormant' ? 'orange' : 'gray',
                  children: t('detail.historyNow', { status: t(`status.${p.status}`), date: dt(p.updatedAt) }),
                },
              ]}
            />
            {p.notes ? (
              <>
                <Typography.Title level={5}>{t('detail.notes')}</Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {p.notes}
                </Typography.Paragraph>
              </>
            ) : null}
          </Card>
        </Col>
        <Col xs={24}>
          {p.stage === 'established' ? (
            <HealthPanel partnershipId={p.id} />
          ) : (
            <Card title={t('health.panelTitle')} size="small">
              <Typography.Text type="secondary">
                {t('health.notSigned', { stage: t(`lc.phase.${p.stage}`) })}
              </Typography.Text>
            </Card>
          )}
        </Col>
        <Col xs={24} lg={14}>
          <LifecyclePanel p={p} />
        </Col>
        <Col xs={24} lg={10}>
          <DocumentsPanel p={p} />
        </Col>
        <Col xs={24}>
          <PartnershipActivities partnershipId={p.id} />
        </Col>
      </Row>
      <RecordHistory entity="partnership" id={p.id} />
    </>
  );
}
