/**
 * Record and edit an activity. The form checks with the API's zod schemas, shows the API's 400
 * issues on their fields, asks for delegation details only for delegations, and after saving
 * opens the record with the rule flags the server computed.
 */
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ACTIVITY_TYPES, COST_SHARING, FIELDS, NATIONAL_CODE } from '../../../shared/enums';
import type { FieldIssue } from '../../../shared/errors';
import { ACTIVITY_LIMITS } from '../../../shared/schemas/activity';
import { ApiError, api } from '../../api/client';
import { partnershipQuery, usePartnershipList } from '../../api/queries';
import type { Partnership } from '../../api/types';
import { DateField } from '../../components/date-field';
import { Loading, RecordGate, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { type ActivityPartnership, type ActivityRecord, activityKeys, useActivity } from './activity-api';
import {
  type ActivityFormValues,
  FORM_FIELDS,
  isDelegationType,
  partnershipLabel,
  toActivityFormValues,
  toActivityInput,
} from './activity-model';
import { type RuleDraft, RulesPreview } from './rules-preview';

const editRoute = getRouteApi('/activities/$id/edit');
const newRoute = getRouteApi('/activities/new');

export function ActivityCreatePage() {
  const { partnership } = newRoute.useSearch();
  return <ActivityForm initialPartnership={partnership} />;
}

export function ActivityEditPage() {
  const { id } = editRoute.useParams();
  const { t } = useI18n();
  const record = useActivity(id);
  return (
    <RecordGate query={record} notFound={t('act.notFound')}>
      {(a) => <ActivityForm record={a} />}
    </RecordGate>
  );
}

function refOf(p: Partnership): ActivityPartnership {
  return {
    id: p.id,
    cnCode: p.cn.code,
    cnNameZh: p.cn.nameZh,
    cnNameEn: p.cn.nameEn,
    countryIso2: p.partner.country.iso2,
    partnerNameZh: p.partner.nameZh,
    partnerNameEn: p.partner.nameEn,
  };
}

/** Finds partnerships of the scope by name (Chinese, English or pinyin), keeping the chosen ones' labels. */
function PartnershipPicker({
  id,
  value,
  onChange,
  multiple,
  known,
}: {
  /** Given by Form.Item, so that its label names this control. */
  id?: string;
  value?: number | number[];
  onChange?: (value: number | number[] | undefined) => void;
  multiple?: boolean;
  known: ActivityPartnership[];
}) {
  const { t, lang } = useI18n();
  const { scope } = useScope();
  const [q, setQ] = useState('');
  const list = usePartnershipList({
    q: q || undefined,
    cn: scope && scope !== NATIONAL_CODE ? scope : undefined,
    perPage: 20,
    sort: 'name',
  });
  // A chosen pair that is neither on the record nor among the search's first page (a new pair the
  // form was opened from) is read by its id, so the field shows both sides' names, never "56".
  const chosen = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const unnamed = chosen.filter((id) => !known.some((k) => k.id === id) && !list.data?.data.some((p) => p.id === id));
  const read = useQueries({ queries: unnamed.map((id) => partnershipQuery(id)) });
  // A few dozen options at most: built on every render.
  const byId = new Map<number, ActivityPartnership>(known.map((p) => [p.id, p]));
  for (const p of [...(list.data?.data ?? []), ...read.map((r) => r.data)]) if (p) byId.set(p.id, refOf(p));
  const options = [...byId.values()].map((p) => ({ value: p.id, label: partnershipLabel(p, lang) }));
  return (
    <Select<number | number[]>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(v) => onChange?.(v)}
      onSearch={setQ}
      loading={list.isFetching}
      placeholder={t('act.searchPartnership')}
      options={options}
      notFoundContent={list.isFetching ? <Loading inline /> : undefined}
    />
  );
}

function ActivityForm({ record, initialPartnership }: { record?: ActivityRecord; initialPartnership?: number }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ActivityFormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string[]>([]);
  const [version, setVersion] = useState(record?.version);
  const type = Form.useWatch('type', form);
  // What the office's rules look at, watched so that the flags show before saving.
  const draft: RuleDraft = {
    partnershipId: Form.useWatch('partnershipId', form),
    type,
    occurredOn: Form.useWatch('occurredOn', form),
    participants: Form.useWatch('participants', form),
    days: Form.useWatch('days', form),
    approvalRef: Form.useWatch('approvalRef', form),
    anniversary: Form.useWatch('anniversary', form),
  };
  const delegation = isDelegationType(type);
  const title = record ? t('act.editTitle') : t('act.createTitle');
  useTitle(title);
  const known = record?.partnerships ?? [];

  useEffect(() => {
    if (record) form.setFieldsValue(toActivityFormValues(record));
  }, [record, form]);

  function showIssues(issues: FieldIssue[]) {
    type Fields = Parameters<typeof form.setFields>[0];
    form.setFields(FORM_FIELDS.map((name) => ({ name, errors: [] })) as unknown as Fields);
    const other: string[] = [];
    const placed = issues
      .map((issue) => {
        const name = issue.path.split('.')[0] ?? '';
        if (!(FORM_FIELDS as readonly string[]).includes(name)) {
          other.push(issue.message);
          return null;
        }
        return { name, errors: [issue.fix ? `${issue.message} — ${issue.fix}` : issue.message] };
      })
      .filter((f): f is { name: string; errors: string[] } => f !== null);
    form.setFields(placed as unknown as Fields);
    setFormError([t('form.fixErrors'), ...other]);
  }

  async function save(values: ActivityFormValues) {
    setFormError([]);
    const checked = toActivityInput(values, record ? version : undefined);
    if (!checked.ok) {
      showIssues(checked.issues);
      return;
    }
    setSaving(true);
    try {
      const saved = record
        ? await api.patch<ActivityRecord>(`/activities/${record.id}`, checked.input)
        : await api.post<ActivityRecord>('/activities', checked.input);
      queryClient.setQueryData(activityKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['reminders'] });
      message.success(record ? t('act.saved') : t('act.created'));
      void navigate({ to: '/activities/$id', params: { id: saved.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0) {
        showIssues(error.issues);
      } else if (error instanceof ApiError && error.isConflict && record) {
        const latest = await api.get<ActivityRecord>(`/activities/${record.id}`).catch(() => null);
        if (latest) {
          form.setFieldsValue(toActivityFormValues(latest));
          setVersion(latest.version);
        }
        setFormError([t('act.conflict')]);
      } else {
        setFormError([errorMessage(error)]);
      }
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <div className="page-header">
        <h1>{title}</h1>
      </div>
      <Form<ActivityFormValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={
          record
            ? toActivityFormValues(record)
            : { partnershipId: initialPartnership, type: 'delegation_out', fields: [], sources: [], anniversary: false }
        }
        onFinish={(values) => void save(values)}
        scrollToFirstError
      >
        {formError.length > 0 ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            message={formError[0]}
            description={formError.length > 1 ? formError.slice(1).join('；') : undefined}
          />
        ) : null}
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="partnershipId"
                label={t('act.primary')}
                extra={t('act.primaryHint')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <PartnershipPicker known={known} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="partnershipIds" label={t('act.others')}>
                <PartnershipPicker multiple known={known} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="type" label={t('act.type')} rules={[{ required: true, message: t('form.required') }]}>
                <Select options={ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`activity.${v}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item
                name="occurredOn"
                label={t('act.date')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <DateField />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="fields" label={t('act.fields')}>
                <Select
                  mode="multiple"
                  allowClear
                  options={FIELDS.map((v) => ({ value: v, label: t(`fieldOf.${v}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="titleZh" label={t('act.titleZh')}>
                <Input lang="zh-CN" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="titleEn" label={t('act.titleEn')}>
                <Input lang="en" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="participants" label={t('act.participants')}>
                <InputNumber min={1} max={ACTIVITY_LIMITS.participantsMax} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="days" label={t('act.days')}>
                <InputNumber min={1} max={ACTIVITY_LIMITS.daysMax} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="purpose" label={t('act.purpose')}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <RulesPreview draft={draft} />
        {delegation ? (
          <Card size="small" title={t('act.delegation')} style={{ marginBottom: 16 }}>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item name="leader" label={t('act.leader')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="approvalRef" label={t('act.approvalRef')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="costSharing" label={t('act.costSharing')}>
                  <Select allowClear options={COST_SHARING.map((v) => ({ value: v, label: t(`cost.${v}`) }))} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        ) : null}
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form.Item name="anniversary" valuePropName="checked" extra={t('act.anniversaryHint')}>
            <Checkbox>{t('act.anniversary')}</Checkbox>
          </Form.Item>
          <Form.Item name="description" label={t('act.description')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="sourceUrl" label={t('act.sourceUrl')}>
                <Input type="url" placeholder="https://" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="sources" label={t('act.sources')} extra={t('act.sourcesHint')}>
                <Select mode="tags" open={false} tokenSeparators={['\n']} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          <Button onClick={() => window.history.back()}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </>
  );
}
