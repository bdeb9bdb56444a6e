/**
 * The life cycle of one partnership, for its detail page: the steps before establishment, the
 * status after, the approvals, the history of moves, and the allowed next moves as buttons that
 * open a form (the same moves and required fields the server checks).
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Steps,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { Move } from '../../../shared/lifecycle';
import { ApiError, api } from '../../api/client';
import { keys } from '../../api/queries';
import type { Partnership } from '../../api/types';
import { DateField } from '../../components/date-field';
import { ErrorState, Loading, useErrorMessage } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../auth/permissions';
import { type Lifecycle, lifecycleKeys, type StageEvent, useLifecycle } from './lifecycle-api';
import { isPrimaryMove, type MoveField, moveBody, moveFields, PHASE_COLORS, stepIndex } from './lifecycle-model';

const STEP_KEYS = ['intent', 'exchanging', 'proposed', 'approved', 'established'] as const;

export function LifecyclePanel({ p }: { p: Partnership }) {
  const { t } = useI18n();
  const can = useCan();
  const lifecycle = useLifecycle(p.id);
  const [move, setMove] = useState<Move | null>(null);
  if (lifecycle.isPending) {
    return (
      <Card title={t('lc.title')} size="small">
        <Loading rows={3} />
      </Card>
    );
  }
  if (lifecycle.isError) {
    return (
      <Card title={t('lc.title')} size="small">
        <ErrorState error={lifecycle.error} onRetry={() => void lifecycle.refetch()} />
      </Card>
    );
  }
  const lc = lifecycle.data;
  const mayWrite = can.write(p.cn.code);
  return (
    <Card
      title={
        <span>
          {t('lc.title')}{' '}
          <Tag color={PHASE_COLORS[lc.phase]} data-testid="lc-phase">
            {t(`lc.phase.${lc.phase}`)}
          </Tag>
        </span>
      }
      size="small"
      data-testid="lifecycle-panel"
    >
      {/* The steps matter before signing; an established pair shows its status in the tag above. */}
      {lc.stage !== 'established' ? (
        <Steps
          size="small"
          current={stepIndex(lc.stage)}
          status={lc.phase === 'ended' ? 'error' : 'process'}
          items={STEP_KEYS.map((key) => ({ title: t(`lc.steps.${key}`) }))}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {mayWrite ? (
        <Space wrap style={{ marginBottom: 12 }}>
          {lc.allowedMoves.length === 0 ? <span className="muted">{t('lc.noMoves')}</span> : null}
          {lc.allowedMoves.map((m) => (
            <Button
              key={m}
              type={isPrimaryMove(m) ? 'primary' : 'default'}
              danger={m === 'end'}
              onClick={() => setMove(m)}
              data-testid={`lc-move-${m}`}
            >
              {m === 'approve' && lc.nextApproval
                ? `${t('lc.move.approve')}（${t(`lc.approval.${lc.nextApproval}`)}）`
                : t(`lc.move.${m}`)}
            </Button>
          ))}
        </Space>
      ) : null}
      {lc.allowedMoves.includes('promote') ? (
        <Typography.Paragraph type="secondary">{t('lc.promoteHint')}</Typography.Paragraph>
      ) : null}
      {!lc.isConsistent ? (
        <Alert type="warning" showIcon message={t('lc.inconsistent')} style={{ marginBottom: 12 }} />
      ) : null}
      <Approvals lc={lc} />
      <Typography.Title level={5}>{t('lc.history')}</Typography.Title>
      <History events={lc.history} />
      {move ? <MoveForm p={p} lc={lc} move={move} onClose={() => setMove(null)} /> : null}
    </Card>
  );
}

function Approvals({ lc }: { lc: Lifecycle }) {
  const { t, d } = useI18n();
  if (lc.stage !== 'proposed' && lc.approvals.length === 0) return null;
  return (
    <>
      <Typography.Title level={5}>{t('lc.approvals')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('lc.approvalsProgress', { chain: lc.requiredApprovals.map((l) => t(`lc.approval.${l}`)).join(' → ') })}
        {lc.nextApproval ? ` · ${t('lc.approvalNext', { level: t(`lc.approval.${lc.nextApproval}`) })}` : ''}
      </Typography.Paragraph>
      {lc.approvals.length === 0 ? (
        <p className="muted">{t('lc.noApprovals')}</p>
      ) : (
        <ul className="lc-approvals" data-testid="lc-approvals">
          {lc.approvals.map((a) => (
            <li key={a.id}>
              <Tag color="blue">{t(`lc.approval.${a.level}`)}</Tag>
              {d(a.approvedOn)} · {a.approver}
              {a.reference ? ` · ${a.reference}` : ''}
              {a.isDemo ? <DemoTag /> : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DemoTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('lc.demoHint')}>
      <Tag style={{ marginInlineStart: 6 }}>{t('lc.demo')}</Tag>
    </Tooltip>
  );
}

function History({ events }: { events: StageEvent[] }) {
  const { t, d, dt } = useI18n();
  if (events.length === 0) return <p className="muted">{t('lc.noHistory')}</p>;
  return (
    <Timeline
      className="lc-history"
      data-testid="lc-history"
      items={events.map((e) => ({
        color: PHASE_COLORS[e.to.phase] === 'default' ? 'gray' : PHASE_COLORS[e.to.phase],
        children: (
          <div>
            <strong>{d(e.occurredOn)}</strong> · {t(`lc.move.${e.move}`)}
            {e.move === 'approve' && e.approvalLevel ? `（${t(`lc.approval.${e.approvalLevel}`)}）` : ''} ·{' '}
            <span className="muted">
              {t(`lc.phase.${e.from.phase}`)} → {t(`lc.phase.${e.to.phase}`)}
            </span>
            {e.from.kind !== e.to.kind ? (
              <span className="muted">
                {' '}
                ·{' '}
                {t('lc.kindChange', {
                  from: t(`kind.${e.from.kind}`),
                  to: t(`kind.${e.to.kind}`),
                })}
              </span>
            ) : null}
            {e.isDemo ? <DemoTag /> : null}
            <div>
              {[e.approver, e.reference, e.place, e.reason].filter(Boolean).join(' · ')}
              {e.sourceUrl ? (
                <>
                  {' '}
                  <a href={e.sourceUrl} target="_blank" rel="noreferrer noopener">
                    {t('common.openSource')}
                  </a>
                </>
              ) : null}
            </div>
            <div className="muted" style={{ fontSize: 12 }}>
              {t('lc.by', { actor: e.actorName, time: dt(e.recordedAt) })}
            </div>
          </div>
        ),
      }))}
    />
  );
}

function todayText(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function MoveForm({ p, lc, move, onClose }: { p: Partnership; lc: Lifecycle; move: Move; onClose: () => void }) {
  const { t, name } = useI18n();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const fields = moveFields(move);

  async function submit(values: Partial<Record<MoveField, string>>) {
    setSaving(true);
    try {
      const next = await api.post<Lifecycle>(`/partnerships/${p.id}/lifecycle`, moveBody(lc.version, move, values));
      queryClient.setQueryData(lifecycleKeys.lifecycle(p.id), next);
      void queryClient.invalidateQueries({ queryKey: keys.partnership(p.id) });
      void queryClient.invalidateQueries({ queryKey: keys.partnerships });
      void queryClient.invalidateQueries({ queryKey: keys.figures });
      message.success(t('lc.moved', { move: t(`lc.move.${move}`) }));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        const known = new Set<string>(fields.map((f) => f.name));
        form.setFields(
          error.issues
            .filter((i) => known.has(i.path))
            .map((i) => ({ name: i.path, errors: [i.fix ? `${i.message} — ${i.fix}` : i.message] })),
        );
      }
      message.error(errorMessage(error));
      if (error instanceof ApiError && error.isConflict) {
        void queryClient.invalidateQueries({ queryKey: lifecycleKeys.lifecycle(p.id) });
        void queryClient.invalidateQueries({ queryKey: keys.partnership(p.id) });
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={t('lc.moveTitle', {
        move: t(`lc.move.${move}`),
        name: `${name(p.cn.nameZh, p.cn.nameEn)} — ${name(p.partner.nameZh, p.partner.nameEn)}`,
      })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: saving, danger: move === 'end', 'data-testid': 'lc-submit' }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        initialValues={{ occurredOn: todayText(), approvalLevel: lc.nextApproval ?? undefined }}
      >
        {fields.map(({ name: field, required }) => (
          <Form.Item
            key={field}
            name={field}
            label={t(`lc.field.${field}`)}
            rules={
              required
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: t('lc.field.required', { field: t(`lc.field.${field}`) }),
                    },
                  ]
                : []
            }
          >
            {field === 'occurredOn' ? (
              <DateField past data-testid="lc-field-occurredOn" />
            ) : field === 'approvalLevel' ? (
              <Select
                options={lc.requiredApprovals.map((l) => ({
                  value: l,
                  label: t(`lc.approval.${l}`),
                  disabled: l !== lc.nextApproval,
                }))}
              />
            ) : field === 'reason' ? (
              <Input.TextArea rows={2} maxLength={4000} data-testid="lc-field-reason" />
            ) : (
              <Input maxLength={200} data-testid={`lc-field-${field}`} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
