/**
 * Add or edit a contact: names, where and what, the posts held (each a term with dates as precise
 * as known), and the partnerships and activities the person is linked to. Checked with the API's
 * own schema before sending; the API's 400 issues land on their fields; a 409 says someone else
 * saved first.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { FieldIssue } from '../../../shared/errors';
import { CONTACT_CATEGORIES } from '../../../shared/schemas/contact';
import { ApiError, api } from '../../api/client';
import type { Activity, ListEnvelope, Partnership } from '../../api/types';
import { CountrySelect, DivisionSelect } from '../../components/division-select';
import { RecordGate, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { type Contact, contactKeys, useContact } from './contact-api';
import {
  type ContactFormValues,
  fieldName,
  issueKey,
  toCreateInput,
  toFormValues,
  toUpdateInput,
} from './contact-form-model';
import { ContactsGate, Forbidden } from './contact-parts';

const editRoute = getRouteApi('/contacts/$id/edit');

export function ContactCreatePage() {
  return (
    <ContactsGate>
      <ContactForm />
    </ContactsGate>
  );
}

export function ContactEditPage() {
  return (
    <ContactsGate>
      <ContactEditLoader />
    </ContactsGate>
  );
}

function ContactEditLoader() {
  const { id } = editRoute.useParams();
  const { t } = useI18n();
  const record = useContact(id);
  return (
    <RecordGate query={record} notFound={t('contacts.notFound')} retry={false} forbidden={<Forbidden />}>
      {(c) => <ContactForm record={c} />}
    </RecordGate>
  );
}

function ContactForm({ record }: { record?: Contact }) {
  const { t, name } = useI18n();
  useTitle(record ? t('contacts.editTitle') : t('contacts.new'));
  const [form] = Form.useForm<ContactFormValues>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const { scope } = useScope();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // Partnerships are searched on the server; the chosen ones keep their labels.
  const [partnershipText, setPartnershipText] = useState('');
  const partnershipIds = Form.useWatch('partnershipIds', form) ?? record?.partnershipIds ?? [];
  const found = useQuery({
    queryKey: ['partnerships', 'list', { q: partnershipText, cn: scope, perPage: 20 }],
    enabled: partnershipText.trim().length > 0,
    queryFn: ({ signal }) =>
      api.get<ListEnvelope<Partnership>>('/partnerships', { q: partnershipText, cn: scope, perPage: 20 }, signal),
  });
  const [labels, setLabels] = useState<Map<number, string>>(
    () =>
      new Map(
        (record?.partnerships ?? []).map((p) => [
          p.id,
          `${name(p.cnNameZh, p.cnNameEn)} — ${name(p.partnerNameZh, p.partnerNameEn)}`,
        ]),
      ),
  );
  useEffect(() => {
    if (!found.data) return;
    setLabels((prev) => {
      const next = new Map(prev);
      for (const p of found.data.data)
        next.set(p.id, `${name(p.cn.nameZh, p.cn.nameEn)} — ${name(p.partner.nameZh, p.partner.nameEn)}`);
      return next;
    });
  }, [found.data, name]);
  const partnershipOptions = useMemo(() => {
    const ids = new Set([...partnershipIds, ...(found.data?.data ?? []).map((p) => p.id)]);
    return [...ids].map((id) => ({ value: id, label: labels.get(id) ?? `#${id}` }));
  }, [partnershipIds, found.data, labels]);

  // Activities are chosen among those of the linked partnerships.
  const activityLists = useQueries({
    queries: partnershipIds.map((id) => ({
      queryKey: ['activities', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<ListEnvelope<Activity>>('/activities', { partnership: id, perPage: 200 }, signal),
    })),
  });
  const activityOptions = useMemo(() => {
    const seen = new Map<number, string>();
    for (const a of record?.activities ?? []) seen.set(a.id, `${a.occurredOn} ${name(a.titleZh, a.titleEn)}`);
    for (const list of activityLists) {
      for (const a of list.data?.data ?? []) seen.set(a.id, `${a.occurredOn} ${name(a.titleZh, a.titleEn)}`);
    }
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [activityLists, record, name]);

  useEffect(() => {
    if (record) form.setFieldsValue(toFormValues(record));
    else
      form.setFieldsValue({
        cnCode: scope && scope !== '000000' ? scope : undefined,
        category: 'partner_official',
        roles: [],
      });
  }, [record, form, scope]);

  function showIssues(issues: FieldIssue[]) {
    const known = issues.filter((i) => i.path && i.path !== 'version');
    form.setFields(
      known.map((i) => {
        const key = issueKey(i);
        return { name: fieldName(i.path) as never, errors: [key ? t(key) : i.message] };
      }),
    );
    const first = known[0];
    if (first) form.scrollToField(fieldName(first.path) as never);
  }

  async function submit(values: ContactFormValues) {
    setProblem(null);
    const checked = record ? toUpdateInput(values, record.version) : toCreateInput(values);
    if (!checked.input) {
      showIssues(
        checked.issues.map((i) =>
          i.path === 'nameZh' && !values.nameZh ? { ...i, message: t('contacts.nameRequired') } : i,
        ),
      );
      return;
    }
    setBusy(true);
    try {
      const saved = record
        ? await api.patch<Contact>(`/contacts/${record.id}`, checked.input)
        : await api.post<Contact>('/contacts', checked.input);
      queryClient.setQueryData(contactKeys.one(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: contactKeys.all });
      message.success(t('contacts.saved'));
      void navigate({ to: '/contacts/$id', params: { id: saved.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.issues.length) showIssues(error.issues);
      else setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <div className="page-header">
        <h1>{record ? t('contacts.editTitle') : t('contacts.new')}</h1>
      </div>
      {problem ? <Alert type="error" showIcon message={problem} style={{ marginBottom: 16 }} /> : null}
      <Form<ContactFormValues> form={form} layout="vertical" onFinish={submit} scrollToFirstError>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('contacts.name')}>
              {record ? (
                <Form.Item label={t('contacts.office')}>{name(record.cnNameZh, record.cnNameEn)}</Form.Item>
              ) : (
                <Form.Item name="cnCode" label={t('contacts.office')} rules={[{ required: true }]}>
                  <DivisionSelect />
                </Form.Item>
              )}
              <Form.Item name="category" label={t('contacts.category')} rules={[{ required: true }]}>
                <Select options={CONTACT_CATEGORIES.map((c) => ({ value: c, label: t(`contacts.category.${c}`) }))} />
              </Form.Item>
              <Form.Item name="nameZh" label={t('contacts.nameZh')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="nameEn" label={t('contacts.nameEn')}>
                <Input maxLength={200} lang="en" />
              </Form.Item>
              <Form.Item name="nameOriginal" label={t('contacts.nameOriginal')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="countryIso2" label={t('contacts.country')}>
                <CountrySelect />
              </Form.Item>
              <Form.Item name="city" label={t('contacts.city')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="organisation" label={t('contacts.organisation')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="languages" label={t('contacts.languages')} extra={t('contacts.languagesHint')}>
                <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
              </Form.Item>
              <Form.Item name="email" label={t('contacts.email')}>
                <Input type="email" maxLength={254} />
              </Form.Item>
              <Form.Item name="phone" label={t('contacts.phone')}>
                <Input type="tel" maxLength={40} />
              </Form.Item>
              <Form.Item name="notes" label={t('contacts.notes')}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('contacts.roles')} style={{ marginBottom: 16 }}>
              <Form.List name="roles">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Space key={field.key} align="start" wrap style={{ marginBottom: 8 }}>
                        <Form.Item name={[field.name, 'organisation']} label={t('contacts.role.organisation')}>
                          <Input maxLength={200} style={{ width: 180 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'post']} label={t('contacts.role.post')}>
                          <Input maxLength={200} style={{ width: 130 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'from']} label={t('contacts.role.from')}>
                          <Input placeholder="2019-07" style={{ width: 110 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'to']} label={t('contacts.role.to')}>
                          <Input placeholder={t('contacts.role.untilNow')} style={{ width: 110 }} />
                        </Form.Item>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.delete')}
                          onClick={() => remove(field.name)}
                          style={{ marginTop: 30 }}
                        />
                      </Space>
                    ))}
                    <p className="muted">{t('contacts.role.dateHint')}</p>
                    <Button icon={<PlusOutlined />} onClick={() => add({})}>
                      {t('contacts.role.add')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
            <Card size="small" title={t('contacts.links')}>
              <Form.Item name="partnershipIds" label={t('contacts.partnerships')}>
                <Select
                  mode="multiple"
                  showSearch
                  filterOption={false}
                  onSearch={setPartnershipText}
                  placeholder={t('contacts.pickPartnerships')}
                  options={partnershipOptions}
                  loading={found.isFetching}
                />
              </Form.Item>
              <Form.Item name="activityIds" label={t('contacts.activities')}>
                <Select
                  mode="multiple"
                  optionFilterProp="label"
                  placeholder={t('contacts.pickActivities')}
                  options={activityOptions}
                />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('common.save')}
          </Button>
          {record ? (
            <Link to="/contacts/$id" params={{ id: record.id }}>
              <Button tabIndex={-1}>{t('common.cancel')}</Button>
            </Link>
          ) : (
            <Link to="/contacts">
              <Button tabIndex={-1}>{t('common.cancel')}</Button>
            </Link>
          )}
        </Space>
      </Form>
    </>
  );
}
