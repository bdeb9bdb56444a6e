/** The activities of one partnership, for its detail page: newest first, with their rule flags. */
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from '@tanstack/react-router';
import { Button, Card, List, Tag, Tooltip } from 'antd';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../auth/permissions';
import { useActivityList } from './activity-api';
import { FlagTags } from './activity-list.page';
import { activityTitle, sizeKeys } from './activity-model';

export function PartnershipActivities({ partnershipId }: { partnershipId: number }) {
  const { t, d, lang, n } = useI18n();
  const navigate = useNavigate();
  const can = useCan();
  const list = useActivityList({ partnership: partnershipId, perPage: 200 });
  return (
    <Card
      title={t('act.ofPartnership')}
      size="small"
      extra={
        can.writeAnywhere ? (
          <Link to="/activities/new" search={{ partnership: partnershipId }}>
            <Button size="small" icon={<PlusOutlined />} tabIndex={-1}>
              {t('act.new')}
            </Button>
          </Link>
        ) : null
      }
    >
      {list.isPending ? (
        <Loading rows={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.data.length === 0 ? (
        <EmptyState title={t('act.empty')} hint={t('act.emptyHint')} />
      ) : (
        <List
          dataSource={list.data.data}
          renderItem={(a) => (
            <List.Item extra={<FlagTags flags={a.flags} />}>
              <List.Item.Meta
                title={
                  <span>
                    <span className="muted">{d(a.occurredOn)}</span> · <Tag>{t(`activity.${a.type}`)}</Tag>{' '}
                    <a
                      href={`/activities/${a.id}`}
                      onClick={(event) => {
                        if (event.button !== 0 || event.metaKey || event.ctrlKey) return;
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
                }
                description={[
                  a.participants ? t(sizeKeys(a.participants).people, { n: n(a.participants) }) : null,
                  a.days ? t(sizeKeys(a.days).days, { n: a.days }) : null,
                  a.fields.map((f) => t(`fieldOf.${f}`)).join(lang === 'zh-CN' ? '、' : ', ') || null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
