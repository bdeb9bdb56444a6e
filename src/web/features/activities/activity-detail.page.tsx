/** One activity: its partnerships, details, sources and the office rules it breaks. */
import { EditOutlined, LinkOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, App as AntApp, Button, Card, Descriptions, Space, Tag, Tooltip } from 'antd';
import { api } from '../../api/client';
import { useDivision } from '../../api/queries';
import { DeleteRecordButton } from '../../components/delete-button';
import { PartnershipLink } from '../../components/row-link';
import { RecordGate, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../auth/permissions';
import { type ActivityFlag, type ActivityRecord, activityKeys, useActivity } from './activity-api';
import { activityTitle, partnershipLabel, sizeKeys } from './activity-model';

const route = getRouteApi('/activities/$id');

export function ActivityDetailPage() {
  const { id } = route.useParams();
  const { t } = useI18n();
  const record = useActivity(id);
  return (
    <RecordGate query={record} notFound={t('act.notFound')} rows={8}>
      {(a) => <Detail a={a} />}
    </RecordGate>
  );
}

/** Where the flags' rules come from: a division's name, or the national defaults. */
function RulesSource({ flags }: { flags: ActivityFlag[] }) {
  const { t, name } = useI18n();
  const scopeCode = flags[0]?.scopeCode;
  const division = useDivision(scopeCode);
  if (!scopeCode) return null;
  if (scopeCode === '000000') return <>{t('act.flagsDefaults')}</>;
  const label = division.data ? name(division.data.nameZh, division.data.nameEn) : scopeCode;
  return <>{t('act.flagsFrom', { scope: label })}</>;
}

export function FlagsAlert({ flags }: { flags: ActivityFlag[] }) {
  const { t, lang } = useI18n();
  if (flags.length === 0) {
    return <Alert type="success" showIcon message={t('act.flagsNone')} style={{ marginBottom: 16 }} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="activity-flags-alert"
      style={{ marginBottom: 16 }}
      message={t('act.flagsTitle', { n: flags.length })}
      description={
        <>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {flags.map((f) => (
              <li key={f.rule} data-rule={f.rule}>
                <strong>{t(`rule.${f.rule}`)}</strong>：{f.message[lang]}
              </li>
            ))}
          </ul>
          <span className="muted">
            <RulesSource flags={flags} />
          </span>
        </>
      }
    />
  );
}

function Detail({ a }: { a: ActivityRecord }) {
  const { t, lang, d, dt, n } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const can = useCan();
  const mayWrite = can.write(a.partnerships[0]?.cnCode ?? '');
  const title = activityTitle(a, lang);
  useTitle(title);
  const none = <span className="muted">{t('common.none')}</span>;

  async function remove() {
    try {
      await api.delete(`/activities/${a.id}`, { version: a.version });
      queryClient.removeQueries({ queryKey: activityKeys.one(a.id) });
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      message.success(t('act.deleted'));
      void navigate({ to: '/activities' });
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  return (
    <>
      <div className="page-header">
        <h1>
          {title}{' '}
          <span className="as-of">
            <Tag>{t(`activity.${a.type}`)}</Tag>
            {a.isDemo ? (
              <Tooltip title={t('act.demoHint')}>
                <Tag color="gold">{t('act.demo')}</Tag>
              </Tooltip>
            ) : null}
          </span>
        </h1>
        <Space wrap style={mayWrite ? undefined : { display: 'none' }}>
          <Link to="/activities/$id/edit" params={{ id: a.id }}>
            <Button type="primary" icon={<EditOutlined />} tabIndex={-1}>
              {t('common.edit')}
            </Button>
          </Link>
          <DeleteRecordButton confirm={t('act.deleteConfirm')} onConfirm={remove} />
        </Space>
      </div>
      {a.isDemo ? <Alert type="warning" showIcon message={t('act.demoHint')} style={{ marginBottom: 16 }} /> : null}
      <FlagsAlert flags={a.flags} />
      <Card size="small">
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('act.date')}>{d(a.occurredOn)}</Descriptions.Item>
          <Descriptions.Item label={t('act.type')}>{t(`activity.${a.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('act.partnerships')} span={3}>
            <Space direction="vertical" size={0}>
              {a.partnerships.map((p, i) => (
                <span key={p.id}>
                  <PartnershipLink id={p.id}>{partnershipLabel(p, lang)}</PartnershipLink>
                  {i === 0 ? <span className="muted"> · {t('act.primary')}</span> : null}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
          {a.titleZh && lang !== 'zh-CN' ? (
            <Descriptions.Item label={t('act.titleZh')}>{a.titleZh}</Descriptions.Item>
          ) : null}
          {a.titleEn && lang === 'zh-CN' ? (
            <Descriptions.Item label={t('act.titleEn')}>{a.titleEn}</Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('act.participants')}>
            {a.participants ? t(sizeKeys(a.participants).people, { n: n(a.participants) }) : none}
          </Descriptions.Item>
          <Descriptions.Item label={t('act.days')}>
            {a.days ? t(sizeKeys(a.days).days, { n: a.days }) : none}
          </Descriptions.Item>
          {a.leader ? <Descriptions.Item label={t('act.leader')}>{a.leader}</Descriptions.Item> : null}
          {a.type.startsWith('delegation') ? (
            <Descriptions.Item label={t('act.approvalRef')}>{a.approvalRef ?? none}</Descriptions.Item>
          ) : null}
          {a.costSharing ? (
            <Descriptions.Item label={t('act.costSharing')}>{t(`cost.${a.costSharing}`)}</Descriptions.Item>
          ) : null}
          {a.purpose ? <Descriptions.Item label={t('act.purpose')}>{a.purpose}</Descriptions.Item> : null}
          <Descriptions.Item label={t('act.fields')}>
            {a.fields.length ? a.fields.map((f) => <Tag key={f}>{t(`fieldOf.${f}`)}</Tag>) : none}
          </Descriptions.Item>
          {a.anniversary ? <Descriptions.Item label={t('act.anniversary')}>{t('common.yes')}</Descriptions.Item> : null}
          <Descriptions.Item label={t('common.source')} span={3}>
            {a.sourceUrl || a.sources.length ? (
              <Space direction="vertical" size={0}>
                {a.sourceUrl ? (
                  <a href={a.sourceUrl} target="_blank" rel="noreferrer noopener">
                    <LinkOutlined /> {a.sourceUrl}
                  </a>
                ) : null}
                {a.sources.map((s) =>
                  /^https?:\/\//.test(s) ? (
                    <a key={s} href={s} target="_blank" rel="noreferrer noopener">
                      <LinkOutlined /> {s}
                    </a>
                  ) : (
                    <span key={s}>{s}</span>
                  ),
                )}
              </Space>
            ) : (
              none
            )}
          </Descriptions.Item>
          {a.description ? (
            <Descriptions.Item label={t('act.description')} span={3}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{a.description}</span>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('field.version')}>{a.version}</Descriptions.Item>
          <Descriptions.Item label={t('field.updatedAt')}>{dt(a.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
