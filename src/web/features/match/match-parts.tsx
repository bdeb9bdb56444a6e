/** Small pieces the tabs of 友城匹配 share: a request's side and status tags, the link to a pair. */
import { Link } from '@tanstack/react-router';
import { Space, Tag } from 'antd';
import type { MatchRequest, RequestStatus } from '../../../shared/schemas/match';
import { useI18n } from '../../i18n/i18n';
import type { GlobalSearch } from '../../state/search';

const STATUS_COLOR: Record<RequestStatus, string> = {
  open: 'blue',
  talks: 'gold',
  matched: 'green',
  closed: 'default',
};

export function RequestStatusTag({ request }: { request: MatchRequest }) {
  const { t } = useI18n();
  return (
    <Space size={2} wrap>
      <Tag color={STATUS_COLOR[request.status]}>{t(`match.status.${request.status}`)}</Tag>
      {request.stale ? (
        <Tag color="red" title={t('match.staleHint')}>
          {t('match.stale')}
        </Tag>
      ) : null}
    </Space>
  );
}

export function SideTag({ side }: { side: MatchRequest['side'] }) {
  const { t } = useI18n();
  return <Tag color={side === 'cn' ? 'orange' : 'purple'}>{t(`match.side.${side}`)}</Tag>;
}

export function PairLink({ id }: { id: number }) {
  const { t } = useI18n();
  return (
    <Link
      to="/partnerships/$id"
      params={{ id }}
      search={(prev: GlobalSearch) => ({ scope: prev.scope, asOf: prev.asOf })}
    >
      {t('match.openPair')}
    </Link>
  );
}
