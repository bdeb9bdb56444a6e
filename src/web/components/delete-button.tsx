/** The delete button in a record page's header: red, and asks before it deletes. */
import { DeleteOutlined } from '@ant-design/icons';
import { Button, Popconfirm } from 'antd';
import { useI18n } from '../i18n/i18n';

export function DeleteRecordButton({ confirm, onConfirm }: { confirm: string; onConfirm: () => Promise<void> }) {
  const { t } = useI18n();
  return (
    <Popconfirm
      title={confirm}
      okText={t('common.delete')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() => onConfirm()}
    >
      <Button danger icon={<DeleteOutlined />}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
