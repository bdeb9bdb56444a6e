/**
 * Create and edit a partnership. The form checks with the API's own zod schemas, shows the API's
 * 400 issues on their fields, and on a 409 (someone saved a newer version meanwhile) offers to
 * reload theirs or keep mine.
 */
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { ADMIN_LEVELS, KINDS, LIMITS, STATUSES } from '../../../shared/enums';
import { STAGES } from '../../../shared/lifecycle';
import { ApiError, api } from '../../api/client';
import { keys, usePartnership } from '../../api/queries';
import type { Partnership } from '../../api/types';
import { CountrySelect, DivisionSelect } from '../../components/division-select';
import { RecordGate, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import {
  CREATE_FIELDS,
  checkCreate,
  checkUpdate,
  type FormValues,
  PUBLICATIONS,
  toFieldErrors,
  toFormValues,
  UPDATE_FIELDS,
} from './form-model';

const editRoute = getRouteApi('/partnerships/$id/edit');

export function PartnershipCreatePage() {
  return <PartnershipForm />;
}

export function PartnershipEditPage() {
  const { id } = editRoute.useParams();
  const { t } = useI18n();
  const record = usePartnership(id);
  return (
    <RecordGate query={record} notFound={t('detail.notFound')}>
      {(p) => <PartnershipForm record={p} />}
    </RecordGate>
  );
}

function PartnershipForm({ record }: { record?: Partnership }) {
  const { t, name, n, lang } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { message } = AntApp.useApp();
  const [version, setVersion] = useState(record?.version);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string[]>([]);
  const [conflict, setConflict] = useState<Partnership | null>(null);
  const isEdit = Boolean(record);
  const status = Form.useWatch('status', form);
  // Before signing, the stage and status move by the life cycle (the panel on the record's page).
  const stage: string = Form.useWatch('stage', form) ?? record?.stage ?? 'established';

  useEffect(() => {
    if (record) form.setFieldsValue(toFormValues(record));
  }, [record, form]);

  function showIssues(issues: Parameters<typeof toFieldErrors>[0]) {
    const { fieldErrors, other } = toFieldErrors(issues, t, isEdit ? UPDATE_FIELDS : CREATE_FIELDS);
    // Clear the previous round's errors, then place this round's.
    // Field paths come from the API at run time, so the form's typed names cannot be checked here.
    type Fields = Parameters<typeof form.setFields>[0];
    const cleared = [...(isEdit ? UPDATE_FIELDS : CREATE_FIELDS)].map((path) => ({
      name: path.split('.'),
      errors: [],
    }));
    form.setFields(cleared as unknown as Fields);
    form.setFields(fieldErrors as unknown as Fields);
    setFormError([t('form.fixErrors'), ...other]);
    const first = fieldErrors[0];
    if (first) form.scrollToField(first.name as never, { block: 'center', focus: true });
  }

  async function save(values: FormValues, baseVersion = version) {
    setFormError([]);
    const checked = record && baseVersion !== undefined ? checkUpdate(values, baseVersion) : checkCreate(values);
    if (!checked.ok) {
      showIssues(checked.issues);
      return;
    }
    setSaving(true);
    try {
      const saved = record
        ? await api.patch<Partnership>(`/partnerships/${record.id}`, checked.input)
        : await api.post<Partnership>('/partnerships', checked.input);
      queryClient.setQueryData(keys.partnership(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.partnerships });
      void queryClient.invalidateQueries({ queryKey: keys.figures });
      message.success(record ? t('form.saved') : t('form.created'));
      void navigate({ to: '/partnerships/$id', params: { id: saved.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.issues.length > 0) {
        showIssues(error.issues);
      } else if (error instanceof ApiError && error.isConflict && record) {
        const latest = await api.get<Partnership>(`/partnerships/${record.id}`).catch(() => null);
        setConflict(latest ?? { ...record, version: (baseVersion ?? record.version) + 1 });
      } else {
        setFormError([errorMessage(error)]);
      }
    } finally {
      setSaving(false);
    }
  }

  const title = isEdit ? t('form.editTitle') : t('form.createTitle');
  useTitle(title);
  const partner = record?.partner;

  return (
    <>
      <div className="page-header">
        <h1>
          {title}
          {record ? (
            <span className="as-of">
              {' '}
              {name(record.cn.nameZh, record.cn.nameEn)} — {name(partner?.nameZh, partner?.nameEn)}
            </span>
          ) : null}
        </h1>
      </div>
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={
          record
            ? toFormValues(record)
            : { kind: 'friendship', status: 'active', stage: 'established', publication: 'scope' }
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
            description={formError.length > 1 ? formError.slice(1).join('; ') : undefined}
          />
        ) : null}
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Card title={t('form.cnSide')} size="small" style={{ marginBottom: 16 }}>
              <Form.Item name="cnCode" label={t('field.cnCode')} required>
                <DivisionSelect />
              </Form.Item>
            </Card>
            <Card title={t('form.relationship')} size="small" style={{ marginBottom: 16 }}>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="kind" label={t('field.kind')} required>
                    <Select options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
                  </Form.Item>
                </Col>
                {record ? null : (
                  <Col xs={24} sm={12}>
                    <Form.Item name="stage" label={t('list.stage')} required>
                      <Select options={STAGES.map((s) => ({ value: s, label: t(`lc.steps.${s}`) }))} />
                    </Form.Item>
                  </Col>
                )}
                <Col xs={24} sm={12}>
                  <Form.Item name="status" label={t('field.status')} required>
                    <Select
                      disabled={stage !== 'established'}
                      options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              {stage === 'established' ? (
                <Form.Item
                  name="establishedOn"
                  label={t('field.established')}
                  extra={t('form.partialDateHint')}
                  preserve={false}
                >
                  <Input placeholder="YYYY-MM-DD" inputMode="numeric" autoComplete="off" />
                </Form.Item>
              ) : null}
              {status === 'ended' || record?.endedOn ? (
                <Row gutter={12}>
                  <Col xs={24} sm={10}>
                    <Form.Item
                      name="endedOn"
                      label={t('field.ended')}
                      extra={t('form.dayHint')}
                      required={status === 'ended'}
                    >
                      <Input placeholder="YYYY-MM-DD" inputMode="numeric" autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} sm={14}>
                    <Form.Item name="endedReason" label={t('field.endedReason')}>
                      <Input maxLength={LIMITS.notesLength} />
                    </Form.Item>
                  </Col>
                </Row>
              ) : null}
              <Form.Item name="sourceUrl" label={t('field.sourceUrl')}>
                <Input type="url" placeholder="https://" maxLength={LIMITS.urlLength} />
              </Form.Item>
              <Form.Item name="notes" label={t('field.notes')}>
                <Input.TextArea rows={3} maxLength={LIMITS.notesLength} showCount />
              </Form.Item>
              <Form.Item name="notesInternal" valuePropName="checked" extra={t('form.notesInternalHint')}>
                <Checkbox>{t('field.notesInternal')}</Checkbox>
              </Form.Item>
              <Form.Item name="publication" label={t('field.publication')} extra={t('form.publicationHint')}>
                <Select options={PUBLICATIONS.map((p) => ({ value: p, label: t(`publication.${p}`) }))} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('form.partnerSide')} size="small" style={{ marginBottom: 16 }}>
              {partner ? (
                <>
                  <Typography.Paragraph>
                    <strong>{name(partner.nameZh, partner.nameEn)}</strong>
                    {partner.nameEn && partner.nameZh ? (
                      <span className="muted"> · {lang === 'zh-CN' ? partner.nameEn : partner.nameZh}</span>
                    ) : null}
                    <br />
                    {name(partner.country.nameZh, partner.country.nameEn)}
                    {partner.population ? (
                      <span className="muted">
                        {' '}
                        · {t('field.population')} {n(partner.population)}
                      </span>
                    ) : null}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">{t('form.partnerFixed')}</Typography.Text>
                </>
              ) : (
                <>
                  <Form.Item name={['partner', 'countryIso2']} label={t('field.country')} required>
                    <CountrySelect />
                  </Form.Item>
                  <Typography.Paragraph type="secondary">{t('form.partnerHint')}</Typography.Paragraph>
                  <Form.Item name={['partner', 'nameZh']} label={t('field.partnerNameZh')}>
                    <Input maxLength={LIMITS.nameLength} autoComplete="off" />
                  </Form.Item>
                  <Form.Item name={['partner', 'nameEn']} label={t('field.partnerNameEn')}>
                    <Input maxLength={LIMITS.nameLength} autoComplete="off" lang="en" />
                  </Form.Item>
                  <Form.Item name={['partner', 'nameLocal']} label={t('field.partnerNameLocal')}>
                    <Input maxLength={LIMITS.nameLength} autoComplete="off" />
                  </Form.Item>
                  <Form.Item name={['partner', 'adminLevel']} label={t('field.partnerAdminLevel')}>
                    <Select allowClear options={ADMIN_LEVELS.map((l) => ({ value: l, label: t(`adminLevel.${l}`) }))} />
                  </Form.Item>
                </>
              )}
            </Card>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('common.save')}
          </Button>
          {record ? (
            <Link to="/partnerships/$id" params={{ id: record.id }}>
              <Button tabIndex={-1}>{t('common.cancel')}</Button>
            </Link>
          ) : (
            <Link to="/partnerships">
              <Button tabIndex={-1}>{t('common.cancel')}</Button>
            </Link>
          )}
        </Space>
      </Form>

      <Modal
        open={conflict !== null}
        title={t('form.conflictTitle')}
        onCancel={() => setConflict(null)}
        closable
        footer={[
          <Button
            key="reload"
            onClick={() => {
              if (!conflict) return;
              form.setFieldsValue(toFormValues(conflict));
              setVersion(conflict.version);
              queryClient.setQueryData(keys.partnership(conflict.id), conflict);
              setConflict(null);
              setFormError([]);
            }}
          >
            {t('form.reload')}
          </Button>,
          <Button
            key="keep"
            type="primary"
            onClick={() => {
              if (!conflict) return;
              const theirs = conflict.version;
              setVersion(theirs);
              setConflict(null);
              void save(form.getFieldsValue(true), theirs);
            }}
          >
            {t('form.keepMine')}
          </Button>,
        ]}
      >
        <div role="alert">{t('form.conflictBody', { theirs: conflict?.version ?? '' })}</div>
      </Modal>
    </>
  );
}
