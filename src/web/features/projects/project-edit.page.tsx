/**
 * Create and edit a project. The form checks with the API's own zod schemas and shows the API's 400
 * issues on their fields; a stale version (409) says so and offers to reload.
 */
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { FIELDS } from '../../../shared/enums';
import { PROJECT_STATUSES } from '../../../shared/schemas/project';
import { SDGS } from '../../../shared/sdg';
import { ApiError, api } from '../../api/client';
import { useCountries, usePartnershipList } from '../../api/queries';
import { DivisionSelect } from '../../components/division-select';
import { RecordGate, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { sdgName, useFieldMessage } from './labels';
import { type ProjectDetail, projectKeys, useProgrammeList, useProgrammes, useProject } from './project-api';
import {
  checkProjectCreate,
  checkProjectUpdate,
  type ProjectFormValues,
  toProjectFormValues,
} from './project-form-model';

const editRoute = getRouteApi('/projects/$id/edit');

export function ProjectCreatePage() {
  return <ProjectForm />;
}

export function ProjectEditPage() {
  const { id } = editRoute.useParams();
  const { t } = useI18n();
  const record = useProject(id);
  return (
    <RecordGate query={record} notFound={t('project.notFound')} retry={false}>
      {(p) => <ProjectForm record={p} />}
    </RecordGate>
  );
}

function ProjectForm({ record }: { record?: ProjectDetail }) {
  const { t, name, lang } = useI18n();
  const [form] = Form.useForm<ProjectFormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const fieldMessage = useFieldMessage();
  const { message } = AntApp.useApp();
  const { scope } = useScope();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [partnerQ, setPartnerQ] = useState('');
  useTitle(record ? t('projects.editTitle') : t('projects.createTitle'));

  const countries = useCountries();
  const cn = scope && scope !== '000000' ? scope : undefined;
  const partnerships = usePartnershipList({ cn, q: partnerQ || undefined, perPage: 50, sort: 'name' });
  const programmeList = useProgrammeList(scope, Boolean(scope));
  const programmes = useProgrammes((programmeList.data?.data ?? []).map((p) => p.id));

  useEffect(() => {
    if (record) form.setFieldsValue(toProjectFormValues(record));
    else form.setFieldsValue({ cnCode: cn, status: 'planned', field: 'agriculture' });
  }, [record, form, cn]);

  const partnershipOptions = useMemo(() => {
    const options = (partnerships.data?.data ?? []).map((p) => ({
      value: p.id,
      label: `${name(p.cn.nameZh, p.cn.nameEn)} — ${name(p.partner.nameZh, p.partner.nameEn)}`,
    }));
    for (const linked of record?.partnerships ?? []) {
      if (!options.some((o) => o.value === linked.id)) {
        options.unshift({
          value: linked.id,
          label: `${linked.cnCode} — ${name(linked.partnerNameZh, linked.partnerNameEn)}`,
        });
      }
    }
    return options;
  }, [partnerships.data, record, name]);

  const measureOptions = useMemo(
    () =>
      programmes
        .map((q) => q.data)
        .filter((p) => !!p)
        .map((p) => ({
          label: name(p.nameZh, p.nameEn),
          options: p.areas.flatMap((a) =>
            a.measures.map((m) => ({
              value: m.id,
              label: `${name(a.nameZh, a.nameEn)} · ${m.code} ${name(m.textZh, m.textEn)}`.slice(0, 120),
            })),
          ),
        })),
    [programmes, name],
  );

  async function save() {
    const values = form.getFieldsValue(true) as ProjectFormValues;
    const checked = record ? checkProjectUpdate(values, record.version) : checkProjectCreate(values);
    form.setFields(Object.keys(values).map((k) => ({ name: k as keyof ProjectFormValues, errors: [] })));
    setFormError(null);
    if (!checked.ok) {
      form.setFields(
        checked.issues.map((i) => ({
          name: i.path as keyof ProjectFormValues,
          errors: [fieldMessage(i.path, i.message)],
        })),
      );
      setFormError(t('form.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const saved = record
        ? await api.patch<{ id: number }>(`/projects/${record.id}`, checked.body)
        : await api.post<{ id: number }>('/projects', checked.body);
      void queryClient.invalidateQueries({ queryKey: projectKeys.all });
      void queryClient.invalidateQueries({ queryKey: projectKeys.programmes });
      message.success(record ? t('form.saved') : t('form.created'));
      void navigate({ to: '/projects/$id', params: { id: saved.id } });
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        form.setFields(
          error.issues.map((i) => {
            const field = i.path.split('.')[0] ?? i.path;
            return { name: field as keyof ProjectFormValues, errors: [fieldMessage(field, i.message)] };
          }),
        );
      }
      setFormError(error instanceof ApiError && error.isConflict ? t('form.conflictTitle') : errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <div className="page-header">
        <h1>{record ? t('projects.editTitle') : t('projects.createTitle')}</h1>
      </div>
      {formError ? (
        <Alert
          type="error"
          showIcon
          message={formError}
          style={{ marginBottom: 16 }}
          action={
            record ? (
              <Button
                size="small"
                onClick={() => void queryClient.invalidateQueries({ queryKey: projectKeys.one(record.id) })}
              >
                {t('form.reload')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={() => void save()}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title={t('project.about')} size="small">
              <Form.Item name="cnCode" label={t('project.office')} required extra={t('project.officeHint')}>
                <DivisionSelect />
              </Form.Item>
              <Form.Item name="nameZh" label={t('project.nameZh')} extra={t('project.nameHint')}>
                <Input />
              </Form.Item>
              <Form.Item name="nameEn" label={t('project.nameEn')}>
                <Input lang="en" />
              </Form.Item>
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item name="field" label={t('project.field')} required>
                    <Select options={FIELDS.map((f) => ({ value: f, label: t(`project.field.${f}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="status" label={t('project.statusLabel')} required>
                    <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: t(`project.status.${s}`) }))} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="startOn" label={t('project.start')} extra={t('form.partialDateHint')}>
                    <Input placeholder="2018" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="endOn" label={t('project.end')}>
                    <Input placeholder="2023-06" />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="description" label={t('project.description')}>
                <Input.TextArea rows={4} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('project.links')} size="small">
              <Form.Item name="partnershipIds" label={t('project.partnerships')}>
                <Select
                  mode="multiple"
                  showSearch
                  filterOption={false}
                  onSearch={setPartnerQ}
                  loading={partnerships.isFetching}
                  options={partnershipOptions}
                  placeholder={t('project.partnershipsPlaceholder')}
                />
              </Form.Item>
              <Form.Item name="countries" label={t('project.countries')} extra={t('project.countriesHint')}>
                <Select
                  mode="multiple"
                  optionFilterProp="label"
                  loading={countries.isPending}
                  options={(countries.data ?? []).map((c) => ({
                    value: c.iso2,
                    label: `${name(c.nameZh, c.nameEn)} (${c.iso2})`,
                  }))}
                />
              </Form.Item>
              <Form.Item name="sdgs" label={t('project.sdgs')}>
                <Select
                  mode="multiple"
                  optionFilterProp="label"
                  options={SDGS.map((s) => ({ value: s.number, label: sdgName(s.number, lang) }))}
                />
              </Form.Item>
              <Form.Item name="measureIds" label={t('project.measures')}>
                <Select mode="multiple" optionFilterProp="label" options={measureOptions} />
              </Form.Item>
              <Form.Item name="sources" label={t('common.source')} extra={t('project.sourcesHint')}>
                <Select mode="tags" open={false} tokenSeparators={['\n']} />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          {record ? (
            <Link to="/projects/$id" params={{ id: record.id }}>
              <Button tabIndex={-1}>{t('common.cancel')}</Button>
            </Link>
          ) : (
            <Link to="/projects">
              <Button tabIndex={-1}>{t('common.cancel')}</Button>
            </Link>
          )}
        </Space>
      </Form>
    </>
  );
}
