import { Tag } from 'antd';
import type { Kind, Level, Status } from '../../shared/enums';
import { useI18n } from '../i18n/i18n';
import { LEVEL_COLORS, STATUS_TAG } from './palette';

export function LevelTag({ level }: { level: Level }) {
  const { t } = useI18n();
  return (
    <Tag color={LEVEL_COLORS[level]} bordered={false}>
      {t(`level.${level}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: Status }) {
  const { t } = useI18n();
  return <Tag color={STATUS_TAG[status]}>{t(`status.${status}`)}</Tag>;
}

export function KindText({ kind }: { kind: Kind }) {
  const { t } = useI18n();
  return <span>{t(`kind.${kind}`)}</span>;
}
