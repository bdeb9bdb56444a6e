/** Files attached to a partnership: upload (type judged by the server from the bytes), list, download, delete. */
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Input, List, Popconfirm, Select, Space, Tag, Upload } from 'antd';
import { useState } from 'react';
import { DOCUMENT_CATEGORIES, DOCUMENT_LIMITS } from '../../../shared/schemas/lifecycle';
import { ApiError, api, apiUrl } from '../../api/client';
import type { Partnership } from '../../api/types';
import { EmptyState, ErrorState, Loading, useErrorMessage } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../auth/permissions';
import { lifecycleKeys, uploadDocument, useDocuments } from './lifecycle-api';
import { formatBytes } from './lifecycle-model';

export function DocumentsPanel({ p }: { p: Partnership }) {
  const { t, dt } = useI18n();
  const can = useCan();
  const documents = useDocuments(p.id);
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const [category, setCategory] = useState<string>('agreement');
  const [title, setTitle] = useState('');
  const [uploading, setUploading] = useState(false);
  const mayWrite = can.write(p.cn.code);

  async function upload(file: File) {
    if (file.size > DOCUMENT_LIMITS.bytesMax) {
      message.error(t('docs.tooLarge', { name: file.name }));
      return;
    }
    setUploading(true);
    try {
      const saved = await uploadDocument(p.id, file, { category, title: title.trim() || undefined });
      setTitle('');
      message.success(t('docs.uploaded', { name: saved.fileName }));
      void queryClient.invalidateQueries({ queryKey: lifecycleKeys.documents(p.id) });
    } catch (error) {
      // The server judged the bytes: say what is accepted rather than "invalid input".
      const badType = error instanceof ApiError && error.issues.some((i) => i.rule === 'file_type');
      message.error(badType ? t('docs.badType', { name: file.name }) : errorMessage(error));
    } finally {
      setUploading(false);
    }
  }

  async function remove(id: number) {
    try {
      await api.delete(`/documents/${id}`);
      message.success(t('docs.deleted'));
      void queryClient.invalidateQueries({ queryKey: lifecycleKeys.documents(p.id) });
    } catch (error) {
      message.error(errorMessage(error));
    }
  }

  return (
    <Card title={t('docs.title')} size="small" data-testid="documents-panel">
      {mayWrite ? (
        <Space wrap style={{ marginBottom: 8 }}>
          <Select
            aria-label={t('docs.category')}
            value={category}
            onChange={setCategory}
            style={{ width: 120 }}
            options={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`docs.cat.${c}`) }))}
          />
          <Input
            placeholder={t('docs.titleField')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={200}
            style={{ width: 240 }}
          />
          <Upload
            showUploadList={false}
            accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="docs-upload">
              {t('docs.upload')}
            </Button>
          </Upload>
        </Space>
      ) : null}
      {mayWrite ? <p className="muted">{t('docs.limits')}</p> : null}
      {documents.isPending ? (
        <Loading rows={2} />
      ) : documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : documents.data.data.length === 0 ? (
        <EmptyState title={t('docs.empty')} />
      ) : (
        <List
          size="small"
          dataSource={documents.data.data}
          renderItem={(doc) => (
            <List.Item
              actions={
                mayWrite
                  ? [
                      <Popconfirm
                        key="delete"
                        title={t('docs.deleteConfirm')}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove(doc.id)}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                avatar={<FileOutlined />}
                title={
                  <span>
                    <Tag>{t(`docs.cat.${doc.category}`)}</Tag>
                    <a href={apiUrl(`/documents/${doc.id}/content`)} download={doc.fileName}>
                      {doc.title || doc.fileName}
                    </a>
                  </span>
                }
                description={t('docs.meta', {
                  size: formatBytes(doc.sizeBytes),
                  by: doc.uploadedBy,
                  time: dt(doc.createdAt),
                })}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
