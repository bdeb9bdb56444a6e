/** One project: what it is, whom it links, and its outcomes with their evidence. */
import { DeleteOutlined, EditOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { OUTCOME_UNIT_CODES, OutcomeCreateSchema } from '../../../shared/schemas/project';
import { ApiError, api } from '../../api/client';
import { useCountries } from '../../api/queries';
import { DeleteRecordButton } from '../../components/delete-button';
import { PartnershipLink } from '../../components/row-link';
import { EmptyState, RecordGate, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { FieldText, ProjectStatusTag, SdgTag, sdgName, unitLabel, useFieldMessage, useValueText } from './labels';
import { type Outcome, type ProjectDetail, projectKeys, useProject } from './project-api';

const route = getRouteApi('/projects/$id');

export function ProjectDetailPage() {
  const { id } = route.useParams();
  const { t } = useI18n();
  const record = useProject(id);
  return (
    <RecordGate query={record} notFound={t('project.notFound')}>
      {(p) => <Detail p={p} />}
    </RecordGate>
  );
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

function Detail({ p }: { p: ProjectDetail }) {
  const { t, name, d, lang, text } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const countries = useCountries();
  const valueText = useValueText();
  const [adding, setAdding] = useState(false);
  useTitle(name(p.nameZh, p.nameEn));
  const none = <span className="muted">{t('common.none')}</span>;
  const countryName = useMemo(() => {
    const map = new Map((countries.data ?? []).map((c) => [c.iso2, name(c.nameZh, c.nameEn)]));
    return (iso2: string) => map.get(iso2) ?? iso2;
  }, [countries.data, name]);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: projectKeys.all });
    void queryClient.invalidateQueries({ queryKey: projectKeys.programmes });
  };

  async function remove() {
    try {
      await api.delete(`/projects/${p.id}`, { version: p.version });
      queryClient.removeQueries({ queryKey: projectKeys.one(p.id) });
      refresh();
      message.success(t('project.deleted'));
      void navigate({ to: '/projects' });
    } catch (error) {
      message.error(errorMessage(error));
      if (error instanceof ApiError && error.isConflict) refresh();
    }
  }

  async function removeOutcome(o: Outcome) {
    try {
      await api.delete(`/outcomes/${o.id}`, { version: o.version });
      refresh();
      message.success(t('outcome.deleted'));
    } catch (error) {
      message.error(errorMessage(error));
      refresh();
    }
  }

  const hasIllustrative = p.isDemo || p.outcomes.some((o) => o.isDemo);
  return (
    <>
      <div className="page-header">
        <h1>
          {name(p.nameZh, p.nameEn)}{' '}
          <span className="as-of">
            <ProjectStatusTag status={p.status} />
            {p.isDemo ? <Tag>{t('project.demo')}</Tag> : null}
          </span>
        </h1>
        <Space wrap>
          <Link to="/projects/$id/edit" params={{ id: p.id }}>
            <Button type="primary" icon={<EditOutlined />} tabIndex={-1}>
              {t('common.edit')}
            </Button>
          </Link>
          <DeleteRecordButton confirm={t('project.deleteConfirm')} onConfirm={remove} />
        </Space>
      </div>
      {hasIllustrative ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('project.illustrativeNote')} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card title={t('project.about')} size="small">
            <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
              {lang === 'zh-CN' && p.nameEn ? (
                <Descriptions.Item label={t('project.nameEn')}>
                  <span lang="en">{p.nameEn}</span>
                </Descriptions.Item>
              ) : null}
              {lang === 'en' && p.nameZh ? (
                <Descriptions.Item label={t('project.nameZh')}>
                  <span lang="zh-CN">{p.nameZh}</span>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('project.office')}>
                {name(p.cn.nameZh, p.cn.nameEn)}
                <span className="muted" style={{ marginLeft: 4 }}>
                  ({p.cn.code})
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('project.field')}>
                <FieldText field={p.field} />
              </Descriptions.Item>
              <Descriptions.Item label={t('project.statusLabel')}>
                <ProjectStatusTag status={p.status} />
              </Descriptions.Item>
              <Descriptions.Item label={t('project.period')}>
                {p.startOn || p.endOn ? `${d(p.startOn) || '…'} – ${d(p.endOn) || '…'}` : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('project.countries')}>
                {p.countries.length ? p.countries.map(countryName).join(lang === 'zh-CN' ? '、' : ', ') : none}
              </Descriptions.Item>
              <Descriptions.Item label={t('project.sdgs')}>
                {p.sdgs.length ? (
                  <span>
                    <span className="visually-hidden">{p.sdgs.map((n) => sdgName(n, lang)).join('; ')}</span>
                    <span aria-hidden="true">
                      {p.sdgs.map((n) => (
                        <SdgTag key={n} n={n} />
                      ))}
                    </span>
                  </span>
                ) : (
                  none
                )}
              </Descriptions.Item>
            </Descriptions>
            {p.description ? (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>
                {text(p.description)}
              </Typography.Paragraph>
            ) : null}
            <Typography.Title level={5}>{t('common.source')}</Typography.Title>
            {p.sources.length ? (
              <ul className="source-list">
                {p.sources.map((s) => (
                  <li key={s}>
                    {isUrl(s) ? (
                      <a href={s} target="_blank" rel="noreferrer noopener">
                        <LinkOutlined /> {s}
                      </a>
                    ) : (
                      s
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card
            title={t('outcome.title')}
            size="small"
            extra={
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('outcome.add')}
              </Button>
            }
          >
            {p.outcomes.length === 0 ? (
              <EmptyState title={t('outcome.empty')} hint={t('outcome.emptyHint')} />
            ) : (
              <Table<Outcome>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.outcomes}
                columns={[
                  {
                    key: 'metric',
                    title: t('outcome.metric'),
                    render: (_, o) => (
                      <span>
                        {name(o.metricZh, o.metricEn)}
                        {o.isDemo ? <Tag style={{ marginLeft: 8 }}>{t('outcome.illustrative')}</Tag> : null}
                      </span>
                    ),
                  },
                  {
                    key: 'value',
                    title: t('outcome.value'),
                    align: 'right',
                    render: (_, o) => (
                      <strong className="outcome-value" style={{ whiteSpace: 'nowrap' }}>
                        {valueText(o.value, o.unit)}
                      </strong>
                    ),
                  },
                  { key: 'asOf', title: t('outcome.asOf'), render: (_, o) => d(o.asOf) },
                  {
                    key: 'evidence',
                    title: t('outcome.evidence'),
                    render: (_, o) => (
                      <span>
                        {o.evidence ? text(o.evidence) : o.evidenceUrl ? null : none}
                        {o.evidenceUrl ? (
                          <a href={o.evidenceUrl} target="_blank" rel="noreferrer noopener" style={{ marginLeft: 8 }}>
                            <LinkOutlined /> {t('common.openSource')}
                          </a>
                        ) : null}
                      </span>
                    ),
                  },
                  {
                    key: 'actions',
                    title: <span className="visually-hidden">{t('common.delete')}</span>,
                    width: 60,
                    render: (_, o) => (
                      <Popconfirm
                        title={t('outcome.deleteConfirm')}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => removeOutcome(o)}
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                        />
                      </Popconfirm>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('project.partnerships')} size="small" style={{ height: '100%' }}>
            {p.partnerships.length === 0 ? (
              none
            ) : (
              <List
                size="small"
                dataSource={p.partnerships}
                renderItem={(x) => (
                  <List.Item>
                    <PartnershipLink id={x.id}>{name(x.partnerNameZh, x.partnerNameEn)}</PartnershipLink>
                    <span className="muted">{x.cnCode}</span>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card title={t('project.measures')} size="small" style={{ height: '100%' }}>
            {p.measures.length === 0 ? (
              none
            ) : (
              <List
                size="small"
                dataSource={p.measures}
                renderItem={(m) => (
                  <List.Item>
                    <span>
                      <Link to="/programmes/$id" params={{ id: m.programmeId }}>
                        {name(m.programmeNameZh, m.programmeNameEn)}
                      </Link>{' '}
                      · {name(m.areaNameZh, m.areaNameEn)} · <strong>{m.code}</strong> {name(m.textZh, m.textEn)}
                    </span>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
      </Row>
      <OutcomeModal
        open={adding}
        projectId={p.id}
        onClose={() => setAdding(false)}
        onSaved={() => {
          setAdding(false);
          refresh();
          message.success(t('outcome.saved'));
        }}
      />
    </>
  );
}

type OutcomeForm = {
  metricZh?: string;
  metricEn?: string;
  value?: number;
  unit?: string;
  asOf?: string;
  evidence?: string;
  evidenceUrl?: string;
};

function OutcomeModal({
  open,
  projectId,
  onClose,
  onSaved,
}: {
  open: boolean;
  projectId: number;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<OutcomeForm>();
  const errorMessage = useErrorMessage();
  const fieldMessage = useFieldMessage();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);

  async function save() {
    const raw = form.getFieldsValue();
    const body = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== '' && v !== null));
    const checked = OutcomeCreateSchema.safeParse(body);
    form.setFields(Object.keys(raw).map((k) => ({ name: k as keyof OutcomeForm, errors: [] })));
    if (!checked.success) {
      form.setFields(
        checked.error.issues.map((i) => ({
          name: String(i.path[0] ?? 'metricZh') as keyof OutcomeForm,
          errors: [fieldMessage(String(i.path[0] ?? 'metricZh'), i.message)],
        })),
      );
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      await api.post(`/projects/${projectId}/outcomes`, checked.data);
      form.resetFields();
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        form.setFields(
          error.issues.map((i) => ({ name: i.path as keyof OutcomeForm, errors: [fieldMessage(i.path, i.message)] })),
        );
      }
      setFormError(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('outcome.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError ? <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ unit: 'people' }}>
        <Form.Item name="metricZh" label={t('outcome.metricZh')}>
          <Input placeholder="覆盖人口" />
        </Form.Item>
        <Form.Item name="metricEn" label={t('outcome.metricEn')}>
          <Input placeholder="people reached" lang="en" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="value" label={t('outcome.value')} style={{ flex: 1 }}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="unit" label={t('outcome.unit')} style={{ width: 160 }}>
            <Select options={OUTCOME_UNIT_CODES.map((u) => ({ value: u, label: unitLabel(u, lang) }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="asOf" label={t('outcome.asOf')} extra={t('form.partialDateHint')}>
          <Input placeholder="2024" />
        </Form.Item>
        <Form.Item name="evidence" label={t('outcome.evidence')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="evidenceUrl" label={t('outcome.evidenceUrl')}>
          <Input placeholder="https://" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
