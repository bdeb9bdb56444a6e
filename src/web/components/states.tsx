/** The loading, error and empty states every page shows the same way. */
import { WarningOutlined } from '@ant-design/icons';
import type { UseQueryResult } from '@tanstack/react-query';
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

/**
 * The page of one record, once its query has it: Loading while it is pending; on an error, the
 * not-found title for a 404 (nothing to retry there) and a retry button for any other error unless
 * `retry` is false; a `forbidden` view, when given, stands for a 403. Otherwise the children with
 * the record.
 */
export function RecordGate<T>({
  query,
  notFound,
  rows = 10,
  retry = true,
  forbidden,
  children,
}: {
  query: UseQueryResult<T, unknown>;
  notFound: string;
  rows?: number;
  retry?: boolean;
  forbidden?: ReactNode;
  children: (record: T) => ReactNode;
}) {
  if (query.isPending) return <Loading rows={rows} />;
  if (query.isError) {
    const { error } = query;
    if (forbidden !== undefined && error instanceof ApiError && error.status === 403) return forbidden;
    const missing = error instanceof ApiError && error.isNotFound;
    return (
      <ErrorState
        error={error}
        title={missing ? notFound : undefined}
        onRetry={missing || !retry ? undefined : () => void query.refetch()}
      />
    );
  }
  return children(query.data);
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
