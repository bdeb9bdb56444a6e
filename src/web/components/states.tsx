/** The loading, error and empty states every page shows the same way. */
import { WarningOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton, Spin } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { hasKey } from '../i18n/catalog';
import { useI18n } from '../i18n/i18n';

export function Loading({ rows = 4, inline = false }: { rows?: number; inline?: boolean }) {
  const { t } = useI18n();
  if (inline) return <Spin size="small" aria-label={t('state.loading')} />;
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{t('state.loading')}</span>
      <Skeleton active paragraph={{ rows }} />
    </div>
  );
}

/** The message of an error in the reader's language: the server's own, or one of its code. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.code === 'network') return t('state.network');
      const key = `error.${error.code}`;
      return hasKey(key) ? t(key) : error.message;
    }
    return error instanceof Error ? error.message : String(error);
  };
}

export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useI18n();
  const message = useErrorMessage();
  // Plain markup rather than antd's Result, whose pictures would weigh on the first load.
  return (
    <div role="alert" className="state-box">
      <WarningOutlined className="state-icon" aria-hidden />
      <h2>{title ?? t('state.error')}</h2>
      <p className="muted">{message(error)}</p>
      {onRetry ? (
        <Button type="primary" onClick={onRetry}>
          {t('state.retry')}
        </Button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, hint, action }: { title?: string; hint?: string; action?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <span>
          <strong>{title ?? t('state.empty')}</strong>
          {hint ? <span className="muted block">{hint}</span> : null}
        </span>
      }
    >
      {action}
    </Empty>
  );
}
