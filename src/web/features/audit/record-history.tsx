/**
 * A record's change history from the audit trail: who changed what and when, field by field, and the
 * import a change came from. Loaded when opened, so the page it sits on stays light.
 */
import { useQuery } from '@tanstack/react-query';
import { Collapse, Empty, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntryView as AuditEntry } from '../../../shared/schemas/audit-view';
import { api } from '../../api/client';
import { ErrorState, Loading } from '../../components/states';
import { hasKey } from '../../i18n/catalog';
import { useI18n } from '../../i18n/i18n';
import { type AuditValues, auditLines } from './audit-lines';

function HistoryList({ entity, id }: { entity: string; id: number }) {
  const { t, d, dt } = useI18n();
  const actionLabel = (action: string) => {
    const key = `audit.action.${action}`;
    return hasKey(key) ? t(key) : t('audit.action.other', { action });
  };
  const query = useQuery({
    queryKey: ['audit', entity, id],
    queryFn: ({ signal }) => api.get<{ data: AuditEntry[] }>(`/audit/${entity}/${id}`, undefined, signal),
  });
  if (query.isPending) return <Loading rows={2} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.data.length === 0) return <Empty description={t('audit.empty')} />;
  return (
    <List
      size="small"
      dataSource={query.data.data}
      renderItem={(entry) => {
        // The trail keeps each side of a change as a record's JSON object, or null (auditSnapshot).
        const changes = auditLines(entry.before as AuditValues, entry.after as AuditValues, { t, d });
        return (
          <List.Item key={entry.id}>
            <div style={{ width: '100%' }}>
              <div>
                <Tag>{actionLabel(entry.action)}</Tag>
                <Typography.Text strong>{entry.actorName}</Typography.Text>{' '}
                <Typography.Text type="secondary">{dt(entry.at)}</Typography.Text>
                {entry.importRunId ? (
                  <Tag style={{ marginLeft: 8 }}>{t('audit.import', { id: entry.importRunId })}</Tag>
                ) : null}
              </div>
              {entry.action === 'update' && changes.length > 0 ? (
                <ul className="audit-changes">
                  {changes.map((c) => (
                    <li key={c.field}>
                      {t('audit.line', { field: c.label })}
                      <del>{c.from}</del> → <ins>{c.to}</ins>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </List.Item>
        );
      }}
    />
  );
}

export function RecordHistory({ entity, id }: { entity: string; id: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <Collapse
      className="record-history"
      onChange={(keys) => setOpen((keys as string[]).includes('history'))}
      items={[
        { key: 'history', label: t('audit.title'), children: open ? <HistoryList entity={entity} id={id} /> : null },
      ]}
    />
  );
}
