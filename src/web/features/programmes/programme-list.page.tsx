/** 规划: the programmes of the scope, each with its period and a way into its areas and evidence. */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Modal, Row, Select, Tag } from 'antd';
import { useState } from 'react';
import { ProgrammeCreateSchema } from '../../../shared/schemas/programme';
import { ApiError, api } from '../../api/client';
import { DivisionSelect } from '../../components/division-select';
import { EmptyState, ErrorState, Loading, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { type ProgrammeDetail, projectKeys, useProgrammeList } from '../projects/project-api';

export function ProgrammeListPage() {
  const { t, name, d, text } = useI18n();
  useTitle(t('programmes.title'));
  const { scope } = useScope();
  const list = useProgrammeList(scope, Boolean(scope));
  const [creating, setCreating] = useState(false);
  return (
    <>
      <div className="page-header">
        <h1>{t('programmes.title')}</h1>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('programmes.new')}
        </Button>
      </div>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.data.length === 0 ? (
        <EmptyState title={t('programmes.empty')} hint={t('programmes.emptyHint')} />
      ) : (
        <Row gutter={[16, 16]}>
          {list.data.data.map((p) => (
            <Col xs={24} md={12} key={p.id}>
              <Card
                size="small"
                title={
                  <Link to="/programmes/$id" params={{ id: p.id }}>
                    {name(p.nameZh, p.nameEn)}
                  </Link>
                }
                extra={p.isDemo ? <Tag>{t('project.demo')}</Tag> : null}
              >
                <p className="muted">
                  {[p.code, p.periodFrom || p.periodTo ? `${d(p.periodFrom) || '…'} – ${d(p.periodTo) || '…'}` : '']
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {p.description ? <p>{text(p.description)}</p> : null}
                <Link to="/programmes/$id" params={{ id: p.id }} search={(s) => ({ ...s, view: 'evidence' as const })}>
                  {t('programme.evidence')}
                </Link>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <ProgrammeModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}

type ProgrammeForm = {
  code?: string;
  nameZh?: string;
  nameEn?: string;
  cnCode?: string;
  periodFrom?: string;
  periodTo?: string;
  description?: string;
  areas?: string[];
};

/** The six areas of the Thirty-six Policies, offered as the start of a new programme. */
const DEFAULT_AREAS = ['资源', '机制', '目标', '内容', '力量', '保障'];

function ProgrammeModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ProgrammeForm>();
  const { scope } = useScope();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    const v = form.getFieldsValue();
    const trimmed = (s?: string) => s?.trim() || undefined;
    const body = {
      code: v.code?.trim() ?? '',
      nameZh: trimmed(v.nameZh),
      nameEn: trimmed(v.nameEn),
      cnCode: v.cnCode ?? '',
      periodFrom: trimmed(v.periodFrom),
      periodTo: trimmed(v.periodTo),
      description: trimmed(v.description),
      areas: (v.areas ?? []).map((nameZh, i) => ({ code: `A${i + 1}`, nameZh })),
    };
    const checked = ProgrammeCreateSchema.safeParse(body);
    form.setFields(Object.keys(v).map((k) => ({ name: k as keyof ProgrammeForm, errors: [] })));
    if (!checked.success) {
      const fieldOf = (path: string) =>
        (
          ({ code: 'measure.codeInvalid', cnCode: 'validation.divisionCode', nameZh: 'project.nameHint' }) as Record<
            string,
            'measure.codeInvalid' | 'validation.divisionCode' | 'project.nameHint'
          >
        )[path];
      form.setFields(
        checked.error.issues.map((i) => {
          const path = String(i.path[0] ?? 'nameZh');
          const key = fieldOf(path);
          return {
            name: path as keyof ProgrammeForm,
            errors: [key ? t(key) : path.startsWith('period') ? t('validation.date') : i.message],
          };
        }),
      );
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const created = await api.post<ProgrammeDetail>('/programmes', checked.data);
      void queryClient.invalidateQueries({ queryKey: projectKeys.programmes });
      message.success(t('form.created'));
      onClose();
      void navigate({ to: '/programmes/$id', params: { id: created.id } });
    } catch (e) {
      if (e instanceof ApiError && e.isConflict) form.setFields([{ name: 'code', errors: [t('measure.codeInvalid')] }]);
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('programmes.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ cnCode: scope && scope !== '000000' ? scope : undefined, areas: DEFAULT_AREAS }}
      >
        <Form.Item name="code" label={t('measure.code')} extra={t('programmes.codeHint')}>
          <Input />
        </Form.Item>
        <Form.Item name="nameZh" label={t('project.nameZh')}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('project.nameEn')}>
          <Input lang="en" />
        </Form.Item>
        <Form.Item name="cnCode" label={t('programmes.office')}>
          <DivisionSelect />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="periodFrom" label={t('project.start')} extra={t('form.partialDateHint')}>
              <Input placeholder="2024" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="periodTo" label={t('project.end')}>
              <Input placeholder="2027" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="areas" label={t('programme.areas')} extra={t('programmes.areasHint')}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="description" label={t('project.description')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
