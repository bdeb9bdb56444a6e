/**
 * One programme: its areas as cards with their measures (owner, status, progress, what carries
 * each out), and the evidence view — which areas and measures have linked activities or projects
 * and which have none.
 */
import { CheckCircleFilled, EditOutlined, ExclamationCircleFilled, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Progress,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { MEASURE_STATUSES, progressProblem } from '../../../shared/schemas/programme';
import { ApiError, api } from '../../api/client';
import type { Activity, ListEnvelope } from '../../api/types';
import { ErrorState, Loading, RecordGate, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { MeasureStatusTag } from '../projects/labels';
import {
  type Evidence,
  type Measure,
  type ProgrammeDetail,
  projectKeys,
  useEvidence,
  useProgramme,
  useProjectList,
} from '../projects/project-api';

const route = getRouteApi('/programmes/$id');

export function ProgrammePage() {
  const { id } = route.useParams();
  const { t } = useI18n();
  const record = useProgramme(id);
  return (
    <RecordGate query={record} notFound={t('programme.notFound')}>
      {(p) => <Programme p={p} />}
    </RecordGate>
  );
}

function Programme({ p }: { p: ProgrammeDetail }) {
  const { t, name, d, text } = useI18n();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/programmes/$id' });
  const [editing, setEditing] = useState<MeasureTarget | null>(null);
  useTitle(name(p.nameZh, p.nameEn));
  const view = search.view ?? 'areas';
  const illustrative = p.isDemo || p.areas.some((a) => a.measures.some((m) => m.isDemo));
  return (
    <>
      <div className="page-header">
        <h1>
          {name(p.nameZh, p.nameEn)}{' '}
          <span className="as-of">
            {p.isDemo ? <Tag>{t('project.demo')}</Tag> : null}
            <span className="muted">
              {name(p.cn.nameZh, p.cn.nameEn)}
              {p.periodFrom || p.periodTo ? ` · ${d(p.periodFrom) || '…'} – ${d(p.periodTo) || '…'}` : ''}
            </span>
          </span>
        </h1>
        <Segmented
          aria-label={t('programme.view')}
          value={view}
          options={[
            { value: 'areas', label: t('programme.areas') },
            { value: 'evidence', label: t('programme.evidence') },
          ]}
          onChange={(v) =>
            void navigate({ search: (s) => ({ ...s, view: v === 'evidence' ? ('evidence' as const) : undefined }) })
          }
        />
      </div>
      {p.description ? <Typography.Paragraph>{text(p.description)}</Typography.Paragraph> : null}
      {p.sources.length ? (
        <Typography.Paragraph className="muted">
          {t('common.source')}: {p.sources.join('; ')}
        </Typography.Paragraph>
      ) : null}
      {illustrative ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('programme.illustrativeNote')} />
      ) : null}
      {view === 'evidence' ? <EvidenceView id={p.id} /> : <AreaCards p={p} onEdit={setEditing} />}
      <MeasureModal target={editing} programme={p} onClose={() => setEditing(null)} />
    </>
  );
}

function AreaCards({ p, onEdit }: { p: ProgrammeDetail; onEdit(target: MeasureTarget): void }) {
  const { t, name } = useI18n();
  return (
    <Row gutter={[16, 16]}>
      {p.areas.map((a) => {
        const mean = a.measures.length
          ? Math.round(a.measures.reduce((s, m) => s + m.progress, 0) / a.measures.length)
          : null;
        return (
          <Col xs={24} md={12} xl={8} key={a.id}>
            <Card
              size="small"
              className="area-card"
              title={
                <span>
                  {name(a.nameZh, a.nameEn)} <span className="muted">{a.code}</span>
                </span>
              }
              extra={
                <Space size={4}>
                  <span className="muted">{t('programme.measureCount', { n: a.measures.length })}</span>
                  <Button
                    size="small"
                    type="text"
                    icon={<PlusOutlined />}
                    aria-label={`${t('measure.add')} · ${name(a.nameZh, a.nameEn)}`}
                    onClick={() => onEdit({ areaId: a.id })}
                  />
                </Space>
              }
              style={{ height: '100%' }}
            >
              {mean !== null ? <Progress percent={mean} size="small" aria-label={t('programme.meanProgress')} /> : null}
              {a.measures.length === 0 ? (
                <p className="muted">{t('programme.noMeasures')}</p>
              ) : (
                <List
                  size="small"
                  dataSource={a.measures}
                  renderItem={(m) => (
                    <List.Item
                      actions={[
                        <Button
                          key="edit"
                          size="small"
                          type="text"
                          icon={<EditOutlined />}
                          aria-label={`${t('common.edit')} ${m.code}`}
                          onClick={() => onEdit({ measure: m })}
                        />,
                      ]}
                    >
                      <div style={{ width: '100%' }}>
                        <div>
                          <strong>{m.code}</strong> {name(m.textZh, m.textEn)}
                          {m.isDemo ? <Tag style={{ marginLeft: 6 }}>{t('outcome.illustrative')}</Tag> : null}
                        </div>
                        <div className="muted" style={{ fontSize: 12 }}>
                          <MeasureStatusTag status={m.status} />
                          {m.owner ? `${m.owner} · ` : ''}
                          {t('programme.links', { activities: m.activityIds.length, projects: m.projectIds.length })}
                        </div>
                        <Progress
                          percent={m.progress}
                          size="small"
                          showInfo
                          aria-label={`${t('measure.progress')} ${m.progress}%`}
                        />
                      </div>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

function EvidenceView({ id }: { id: number }) {
  const { t, name } = useI18n();
  const evidence = useEvidence(id);
  if (evidence.isPending) return <Loading rows={6} />;
  if (evidence.isError) return <ErrorState error={evidence.error} onRetry={() => void evidence.refetch()} />;
  const e: Evidence = evidence.data;
  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('programme.measuresTotal')} value={e.measures} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('programme.withEvidence')} value={e.withEvidence} suffix={`/ ${e.measures}`} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('programme.areasWithout')}
              value={e.areasWithout.length}
              suffix={`/ ${e.areas.length}`}
            />
          </Card>
        </Col>
      </Row>
      <Table
        rowKey="areaId"
        size="middle"
        pagination={false}
        dataSource={e.areas}
        className="evidence-table"
        columns={[
          {
            key: 'area',
            title: t('programme.area'),
            render: (_, a) => (
              <span>
                {a.withEvidence > 0 ? (
                  <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('programme.hasEvidence')} />
                ) : (
                  <ExclamationCircleFilled style={{ color: '#cf1322' }} aria-label={t('programme.noEvidence')} />
                )}{' '}
                <strong>{name(a.nameZh, a.nameEn)}</strong> <span className="muted">{a.code}</span>
              </span>
            ),
          },
          { key: 'measures', title: t('programme.measuresTotal'), dataIndex: 'measures', align: 'right' },
          {
            key: 'with',
            title: t('programme.withEvidence'),
            render: (_, a) => (
              <span>
                {a.withEvidence}
                <span className="muted">
                  {' '}
                  ({t('programme.viaActivities', { n: a.withActivities })},{' '}
                  {t('programme.viaProjects', { n: a.withProjects })})
                </span>
              </span>
            ),
          },
          {
            key: 'coverage',
            title: t('programme.coverage'),
            width: 180,
            render: (_, a) =>
              a.measures ? (
                <Progress
                  percent={Math.round((a.withEvidence / a.measures) * 100)}
                  aria-label={t('programme.coverage')}
                  size="small"
                  status={a.withEvidence === 0 ? 'exception' : 'normal'}
                />
              ) : (
                <Tag color="error">{t('programme.noMeasures')}</Tag>
              ),
          },
          {
            key: 'without',
            title: t('programme.without'),
            render: (_, a) =>
              a.without.length === 0 ? (
                <span className="muted">{t('common.none')}</span>
              ) : (
                <ul className="plain-list">
                  {a.without.map((m) => (
                    <li key={m.id}>
                      <strong>{m.code}</strong> {name(m.textZh, m.textEn)}
                    </li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </>
  );
}

type MeasureForm = {
  code?: string;
  textZh?: string;
  textEn?: string;
  status: string;
  progress: number;
  owner?: string;
  notes?: string;
  projectIds?: number[];
  activityIds?: number[];
};

/** What the modal works on: a measure to edit, or the area a new measure goes into. */
export type MeasureTarget = { measure: Measure } | { areaId: number };

function MeasureModal({
  target,
  programme,
  onClose,
}: {
  target: MeasureTarget | null;
  programme: ProgrammeDetail;
  onClose(): void;
}) {
  const { t, name, d } = useI18n();
  const [form] = Form.useForm<MeasureForm>();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = target !== null;
  const measure = target && 'measure' in target ? target.measure : null;
  const projects = useProjectList({ cn: programme.cnCode, perPage: 500 }, open);
  const activities = useQuery({
    queryKey: ['activities', 'of-scope', programme.cnCode],
    enabled: open,
    queryFn: ({ signal }) =>
      api.get<ListEnvelope<Activity>>('/activities', { cn: programme.cnCode, perPage: 500 }, signal),
  });

  async function save() {
    if (!target) return;
    const values = form.getFieldsValue();
    const status = values.status as (typeof MEASURE_STATUSES)[number];
    if (progressProblem(status, values.progress)) {
      form.setFields([{ name: 'progress', errors: [t('measure.progressFit')] }]);
      return;
    }
    if (!values.textZh?.trim() && !values.textEn?.trim()) {
      form.setFields([{ name: 'textZh', errors: [t('measure.textRequired')] }]);
      return;
    }
    const body = {
      textZh: values.textZh?.trim() || null,
      textEn: values.textEn?.trim() || null,
      status,
      progress: values.progress,
      owner: values.owner?.trim() || null,
      notes: values.notes?.trim() || null,
      projectIds: values.projectIds ?? [],
      activityIds: values.activityIds ?? [],
    };
    setSaving(true);
    setError(null);
    try {
      if (measure) await api.patch(`/measures/${measure.id}`, { version: measure.version, ...body });
      else if ('areaId' in target)
        await api.post(`/programmes/${programme.id}/measures`, {
          ...body,
          areaId: target.areaId,
          code: values.code?.trim(),
        });
      void queryClient.invalidateQueries({ queryKey: projectKeys.programmes });
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      message.success(t('form.saved'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.issues.some((i) => i.path === 'code')) {
        form.setFields([{ name: 'code', errors: [t('measure.codeInvalid')] }]);
      }
      setError(e instanceof ApiError && e.isConflict && measure ? t('form.conflictTitle') : errorMessage(e));
      void queryClient.invalidateQueries({ queryKey: projectKeys.programme(programme.id) });
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title={measure ? `${measure.code} ${name(measure.textZh, measure.textEn)}`.slice(0, 80) : t('measure.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} /> : null}
      {open ? (
        <Form
          form={form}
          layout="vertical"
          initialValues={
            measure
              ? {
                  textZh: measure.textZh ?? undefined,
                  textEn: measure.textEn ?? undefined,
                  status: measure.status,
                  progress: measure.progress,
                  owner: measure.owner ?? undefined,
                  notes: measure.notes ?? undefined,
                  projectIds: measure.projectIds,
                  activityIds: measure.activityIds,
                }
              : { status: 'not_started', progress: 0, projectIds: [], activityIds: [] }
          }
        >
          {measure ? null : (
            <Form.Item name="code" label={t('measure.code')} extra={t('measure.codeHint')}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="textZh" label={t('measure.textZh')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="textEn" label={t('measure.textEn')}>
            <Input.TextArea rows={2} lang="en" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="status" label={t('measure.statusLabel')}>
              <Select
                style={{ minWidth: 140 }}
                options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`measure.status.${s}`) }))}
              />
            </Form.Item>
            <Form.Item name="progress" label={t('measure.progress')} extra={t('measure.progressFit')}>
              <InputNumber min={0} max={100} addonAfter="%" />
            </Form.Item>
          </Space>
          <Form.Item name="owner" label={t('measure.owner')}>
            <Input />
          </Form.Item>
          <Form.Item name="projectIds" label={t('measure.projects')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              loading={projects.isPending}
              options={(projects.data?.data ?? []).map((x) => ({ value: x.id, label: name(x.nameZh, x.nameEn) }))}
            />
          </Form.Item>
          <Form.Item name="activityIds" label={t('measure.activities')}>
            <Select
              mode="multiple"
              optionFilterProp="label"
              loading={activities.isPending}
              options={(activities.data?.data ?? []).map((a) => ({
                value: a.id,
                label: `${d(a.occurredOn)} ${name(a.titleZh, a.titleEn)}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="notes" label={t('measure.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
