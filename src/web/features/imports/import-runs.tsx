/** 最近的导入: the latest imports into the office's scope, each with its undo (refusals shown as they come). */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { ImportRun, UndoResult } from '../../../shared/schemas/imports';
import { ApiError, api } from '../../api/client';
import { keys } from '../../api/queries';
import { useI18n } from '../../i18n/i18n';

export const importRunsKey = ['importRuns'] as const;

export function ImportRuns({ canWrite }: { canWrite: boolean }) {
  const { t, n, dt } = useI18n();
  const { modal } = AntApp.useApp();
  const queryClient = useQueryClient();
  const runs = useQuery({
    queryKey: importRunsKey,
    queryFn: () => api.get<{ data: ImportRun[] }>('/imports/runs'),
  });
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const undo = (run: ImportRun) =>
    modal.confirm({
      title: t('import.undo'),
      content: t('import.undoConfirm', { added: n(run.added), updated: n(run.updated) }),
      okText: t('import.undo'),
      okButtonProps: { danger: true },
      cancelText: t('import.cancel'),
      onOk: async () => {
        try {
          const done = await api.post<UndoResult>(`/imports/runs/${run.id}/undo`, {});
          setMessage({
            type: 'success',
            text: t('import.undoDone', { removed: n(done.removed), restored: n(done.restored) }),
          });
          void queryClient.invalidateQueries({ queryKey: importRunsKey });
          void queryClient.invalidateQueries({ queryKey: keys.partnerships });
          void queryClient.invalidateQueries({ queryKey: keys.figures });
        } catch (error) {
          setMessage({ type: 'error', text: error instanceof ApiError ? error.message : String(error) });
        }
      },
    });

  const columns: ColumnsType<ImportRun> = [
    { key: 'when', title: t('import.runs.when'), width: 170, render: (_, r) => dt(r.createdAt) },
    { key: 'file', title: t('import.file'), render: (_, r) => <Typography.Text>{r.fileName}</Typography.Text> },
    { key: 'who', title: t('import.runs.who'), width: 140, render: (_, r) => r.actorName ?? '—' },
    { key: 'counts', title: t('import.runs.counts'), width: 110, render: (_, r) => `${n(r.added)} / ${n(r.updated)}` },
    {
      key: 'undo',
      title: '',
      width: 160,
      render: (_, r) =>
        r.undoneAt ? (
          <span className="muted">{t('import.undone', { when: dt(r.undoneAt) })}</span>
        ) : canWrite && r.target === 'partnerships' ? (
          <Button size="small" danger onClick={() => undo(r)}>
            {t('import.undo')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Card size="small" title={t('import.runs')} style={{ marginTop: 16 }} data-testid="import-runs">
      {message ? (
        <Alert
          type={message.type}
          showIcon
          role={message.type === 'error' ? 'alert' : 'status'}
          message={message.text}
          style={{ marginBottom: 12 }}
        />
      ) : null}
      <Table<ImportRun>
        rowKey="id"
        size="small"
        loading={runs.isLoading}
        columns={columns}
        dataSource={runs.data?.data ?? []}
        locale={{ emptyText: t('import.runs.none') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 640 }}
      />
    </Card>
  );
}
