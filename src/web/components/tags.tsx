import { Tag } from 'antd';
import type { Kind, Level, Status } from '../../shared/enums';
import { LEVEL_COLORS, STATUS_TAG } from '../../shared/palette';
import { useI18n } from '../i18n/i18n';

export function LevelTag({ level }: { level: Level }) {
  const { t } = useI18n();
  return (
    <Tag color={LEVEL_COLORS[level]} bordered={false}>
      {t(`level.${level}`)}
    </Tag>
  );
}

/** The same as the tags, as plain spans: for tables, where hundreds of antd tags cost time. */
export function LevelPill({ level }: { level: Level }) {
  const { t } = useI18n();
  return (
    <span className="pill" style={{ background: LEVEL_COLORS[level], color: '#fff', borderColor: LEVEL_COLORS[level] }}>
      {t(`level.${level}`)}
    </span>
  );
}

export function StatusPill({ status }: { status: Status }) {
  const { t } = useI18n();
  return <span className={`pill pill-${status}`}>{t(`status.${status}`)}</span>;
}

export function StatusTag({ status }: { status: Status }) {
  const { t } = useI18n();
  return <Tag color={STATUS_TAG[status]}>{t(`status.${status}`)}</Tag>;
}

export function KindText({ kind }: { kind: Kind }) {
  const { t } = useI18n();
  return <span>{t(`kind.${kind}`)}</span>;
}
