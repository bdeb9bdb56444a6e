/**
 * The deliberate export of contacts: a purpose and a confirmation, sent as a POST; the server writes
 * the purpose to the audit trail of every exported contact. Never a plain link.
 */
import { Alert, App as AntApp, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { CONTACT_LIMITS, type ContactCategory } from '../../../shared/schemas/contact';
import { ApiError, apiUrl } from '../../api/client';
import { useErrorMessage } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';

type Values = { format: 'csv' | 'xlsx'; purpose: string; confirm: boolean };

export function ExportDialog({
  open,
  onClose,
  count,
  filter,
}: {
  open: boolean;
  onClose(): void;
  count: number;
  filter: { cn?: string; q?: string; category?: ContactCategory[] };
}) {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function submit(values: Values) {
    setBusy(true);
    try {
      const response = await fetch(apiUrl('/contacts/export'), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Accept-Language': lang,
          ...(session?.csrfToken ? { 'X-CSRF-Token': session.csrfToken } : {}),
        },
        body: JSON.stringify({ ...filter, format: values.format, purpose: values.purpose, confirm: values.confirm }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => undefined)) as
          | { error?: { code?: string; message?: string } }
          | undefined;
        throw new ApiError(
          response.status,
          body?.error?.code ?? 'internal',
          body?.error?.message ?? response.statusText,
        );
      }
      const blob = await response.blob();
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `contacts.${values.format}`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      message.success(t('contacts.export.done', { n: response.headers.get('x-exported-rows') ?? count }));
      form.resetFields();
      onClose();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('contacts.export.title')}
      okText={t('contacts.export.go')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('contacts.export.warning')} style={{ marginBottom: 16 }} />
      <p>{t('contacts.export.scope', { n: count })}</p>
      <Form<Values> form={form} layout="vertical" initialValues={{ format: 'xlsx', confirm: false }} onFinish={submit}>
        <Form.Item name="format" label={t('contacts.export.format')}>
          <Radio.Group
            options={[
              { value: 'xlsx', label: 'Excel (XLSX)' },
              { value: 'csv', label: 'CSV' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="purpose"
          label={t('contacts.export.purpose')}
          extra={t('contacts.export.purposeHint', { n: CONTACT_LIMITS.purposeMin })}
          rules={[
            {
              required: true,
              whitespace: true,
              min: CONTACT_LIMITS.purposeMin,
              message: t('contacts.export.purposeHint', { n: CONTACT_LIMITS.purposeMin }),
            },
          ]}
        >
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="confirm"
          valuePropName="checked"
          rules={[
            {
              validator: (_, v) =>
                v ? Promise.resolve() : Promise.reject(new Error(t('contacts.export.confirmRequired'))),
            },
          ]}
        >
          <Checkbox>{t('contacts.export.confirm')}</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
