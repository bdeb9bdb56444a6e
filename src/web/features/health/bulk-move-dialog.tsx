/** The reason and date of a move asked once for every pair chosen, and what came of it. */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { DateField } from '../../components/date-field';
import { useI18n } from '../../i18n/i18n';
import { localToday } from '../../state/search';
import { type BulkMove, type BulkOutcome, moveAll } from './bulk-dormant';

export function BulkMoveDialog({
  open,
  move,
  ids,
  asOf,
  onCancel,
  onDone,
}: {
  open: boolean;
  move: BulkMove;
  ids: number[];
  asOf: string | undefined;
  onCancel(): void;
  onDone(outcome: BulkOutcome): void;
}) {
  const { t, n } = useI18n();
  const [form] = Form.useForm<{ reason: string; occurredOn: string }>();
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const words = move === 'dormant' ? 'health.bulk' : 'health.bulkBack';
  return (
    <Modal
      open={open}
      title={t(`${words}.title`, { n: n(ids.length) })}
      okText={t(`${words}.confirm`)}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ occurredOn: asOf ?? localToday() }}
        onFinish={async (values) => {
          setBusy(true);
          try {
            const outcome = await moveAll(ids, move, { reason: values.reason, occurredOn: values.occurredOn });
            for (const key of ['health', 'partnerships', 'partnership', 'lifecycle', 'figures'])
              await queryClient.invalidateQueries({ queryKey: [key] });
            if (outcome.refused.length === 0) void message.success(t(`${words}.done`, { n: n(outcome.moved.length) }));
            onDone(outcome);
          } finally {
            setBusy(false);
          }
        }}
      >
        <p>{t(`${words}.explain`)}</p>
        <Form.Item
          name="reason"
          label={t('health.bulk.reason')}
          rules={[{ required: true, whitespace: true, message: t(`${words}.reasonNeeded`) }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="bulk-reason" />
        </Form.Item>
        <Form.Item
          name="occurredOn"
          label={t('health.bulk.on')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DateField past />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function BulkOutcomeAlert({
  move,
  outcome,
  nameOf,
  onClose,
}: {
  move: BulkMove;
  outcome: BulkOutcome;
  nameOf(id: number): string;
  onClose(): void;
}) {
  const { t, n } = useI18n();
  return (
    <Alert
      className="bulk-outcome"
      style={{ marginBottom: 12 }}
      type={outcome.refused.length ? 'warning' : 'success'}
      showIcon
      closable
      onClose={onClose}
      message={t(move === 'dormant' ? 'health.bulk.done' : 'health.bulkBack.done', { n: n(outcome.moved.length) })}
      description={
        outcome.refused.length ? (
          <ul>
            {outcome.refused.map((r) => (
              <li key={r.id}>
                {nameOf(r.id)}：{r.message || t('health.bulk.notAllowed')}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
