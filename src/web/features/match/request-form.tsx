/**
 * The form of a request for partners, either side: a Chinese division (picked from the divisions)
 * or a foreign place (a country and its names: found or created), the profile, what is wished for,
 * the contact, the source and the days. Checked with the shared schema before sending; the API's
 * issues land on their fields.
 */
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { CONTINENTS, FIELDS } from '../../../shared/enums';
import type { FieldIssue } from '../../../shared/errors';
import {
  type MatchRequest,
  PLACE_FEATURES,
  REQUEST_DEFAULT_MONTHS,
  REQUEST_SIDES,
  SIZES,
} from '../../../shared/schemas/match';
import { ApiError } from '../../api/client';
import { useCountries, useDivisionSearch } from '../../api/queries';
import { DateField } from '../../components/date-field';
import { CountrySelect, DivisionSelect } from '../../components/division-select';
import { useErrorMessage } from '../../components/states';
import { useNarrow } from '../../components/use-narrow';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../auth/permissions';
import { contactName, useContactList } from '../contacts/contact-api';
import { useMatchWrites } from './match-api';
import {
  checkRequestCreate,
  checkRequestUpdate,
  issueField,
  type RequestFormValues,
  requestPlace,
  toRequestFormValues,
} from './match-model';

/** A contact of the office, searched by name (only for those who may see contacts). */
function ContactPicker({
  id,
  value,
  onChange,
  current,
}: {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  current: MatchRequest['contact'];
}) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  const contacts = useContactList({ q: q || undefined, perPage: 30 });
  const options = useMemo(() => {
    const list = (contacts.data?.data ?? []).map((c) => ({
      value: c.id,
      label: `${contactName(c, lang)}${c.organisation ? ` · ${c.organisation}` : ''}`,
    }));
    if (current && !list.some((o) => o.value === current.id)) list.unshift({ value: current.id, label: current.name });
    return list;
  }, [contacts.data, current, lang]);
  return (
    <Select<number | null>
      id={id}
      showSearch
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      filterOption={false}
      searchValue={query}
      onSearch={setQuery}
      loading={contacts.isFetching}
      options={options}
      placeholder={t('match.form.contactPlaceholder')}
      notFoundContent={t('state.empty')}
    />
  );
}

export function RequestForm({ record, onClose }: { record: MatchRequest | null; onClose(): void }) {
  const { t, name, d } = useI18n();
  const [form] = Form.useForm<RequestFormValues>();
  const side = Form.useWatch('side', form) ?? record?.side ?? 'cn';
  const can = useCan();
  const narrow = useNarrow();
  const writes = useMatchWrites();
  const countries = useCountries();
  const provinces = useDivisionSearch({ level: 'province', perPage: 50 });
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.setFieldsValue(record ? toRequestFormValues(record) : { side: 'cn' });
  }, [record, form]);

  const fieldMessage = (issue: FieldIssue) => (issue.rule === 'required' ? t('form.required') : issue.message);
  const placeIssues = (issues: FieldIssue[]) => {
    const byField = new Map<string, string[]>();
    for (const issue of issues) {
      const field = issueField(issue.path);
      byField.set(field, [...(byField.get(field) ?? []), fieldMessage(issue)]);
    }
    form.setFields([...byField].map(([field, errors]) => ({ name: field as keyof RequestFormValues, errors })));
  };

  async function save() {
    const values = { ...(form.getFieldsValue(true) as RequestFormValues), side };
    form.setFields(Object.keys(values).map((k) => ({ name: k as keyof RequestFormValues, errors: [] })));
    setFormError(null);
    const checked = record ? checkRequestUpdate(values, record.version) : checkRequestCreate(values);
    if (!checked.ok) {
      placeIssues(checked.issues);
      setFormError(t('form.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      if (record) await writes.updateRequest(record.id, checked.body as Parameters<typeof writes.updateRequest>[1]);
      else await writes.createRequest(checked.body as Parameters<typeof writes.createRequest>[0]);
      message.success(record ? t('form.saved') : t('form.created'));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.issues.length > 0) placeIssues(error.issues);
      setFormError(error instanceof ApiError && error.isConflict ? t('form.conflictTitle') : errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  const countryOptions = (countries.data ?? []).map((c) => ({ value: c.iso2, label: name(c.nameZh, c.nameEn) }));
  return (
    <Drawer
      open
      onClose={onClose}
      width={narrow ? '100%' : 720}
      title={record ? `${t('match.form.editTitle')}: ${requestPlace(record, name)}` : t('match.form.createTitle')}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('common.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      {formError ? <Alert type="error" showIcon role="alert" message={formError} style={{ marginBottom: 12 }} /> : null}
      <Form<RequestFormValues> form={form} layout="vertical" onFinish={() => void save()} className="match-form">
        <Form.Item name="side" label={t('match.sideLabel')}>
          <Radio.Group
            disabled={record !== null}
            optionType="button"
            options={REQUEST_SIDES.map((s) => ({ value: s, label: t(`match.side.${s}`) }))}
          />
        </Form.Item>
        {record ? (
          <p className="muted">
            {requestPlace(record, name)}
            {record.foreign ? ` · ${name(record.foreign.countryNameZh, record.foreign.countryNameEn)}` : ''} ·{' '}
            {t('match.form.placeFixed')}
          </p>
        ) : side === 'cn' ? (
          <Form.Item name="cnCode" label={t('match.form.division')} required>
            <DivisionSelect />
          </Form.Item>
        ) : (
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item name="countryIso2" label={t('field.country')} required>
                <CountrySelect />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="nameEn" label={t('field.partnerNameEn')} extra={t('form.partnerHint')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item name="nameZh" label={t('field.partnerNameZh')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Divider orientation="left" plain>
          {t('match.form.profile')}
        </Divider>
        <Row gutter={12}>
          <Col xs={12} sm={8}>
            <Form.Item name="population" label={t('field.population')}>
              <InputNumber min={1} max={200_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="populationAsOf" label={t('match.form.populationAsOf')} extra={t('match.form.yearHint')}>
              <Input maxLength={10} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="areaKm2" label={t('match.form.area')}>
              <InputNumber min={0.01} max={20_000_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="features" label={t('match.form.features')}>
              <Select
                mode="multiple"
                allowClear
                options={PLACE_FEATURES.map((f) => ({ value: f, label: t(`match.feature.${f}`) }))}
                optionFilterProp="label"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="economy" label={t('match.form.economy')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="description" label={t('match.form.description')}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" plain>
          {t('match.form.wishes')}
        </Divider>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="fields" label={t('match.fields')}>
              <Select
                mode="multiple"
                allowClear
                options={FIELDS.map((f) => ({ value: f, label: t(`fieldOf.${f}`) }))}
                optionFilterProp="label"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sizeWished" label={t('match.form.size')}>
              <Select allowClear options={SIZES.map((s) => ({ value: s, label: t(`match.size.${s}`) }))} />
            </Form.Item>
          </Col>
          {side === 'foreign' ? (
            <Col xs={24}>
              <Form.Item name="wishedProvinces" label={t('match.form.wishedProvinces')}>
                <Select
                  mode="multiple"
                  allowClear
                  loading={provinces.isPending}
                  optionFilterProp="label"
                  options={(provinces.data?.data ?? []).map((p) => ({
                    value: p.code,
                    label: name(p.nameZh, p.nameEn),
                  }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} sm={12}>
            <Form.Item name="wishedCountries" label={t('match.form.wishedCountries')}>
              <Select
                mode="multiple"
                allowClear
                loading={countries.isPending}
                optionFilterProp="label"
                options={countryOptions}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="wishedRegions" label={t('match.form.wishedRegions')}>
              <Checkbox.Group options={CONTINENTS.map((c) => ({ value: c, label: t(`continent.${c}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Divider orientation="left" plain>
          {t('match.form.sourceAndDays')}
        </Divider>
        <Row gutter={12}>
          {can.contacts ? (
            <Col xs={24} sm={12}>
              <Form.Item name="contactId" label={t('match.form.contact')} extra={t('match.form.contactHint')}>
                <ContactPicker current={record?.contact ?? null} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} sm={12}>
            <Form.Item name="source" label={t('common.source')} extra={t('match.form.sourceHint')}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="sourceUrl" label={t('field.sourceUrl')}>
              <Input maxLength={2000} inputMode="url" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="receivedOn" label={t('match.form.receivedOn')}>
              <DateField past allowClear />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="expiresOn"
              label={t('match.expiresOn')}
              extra={record ? d(record.expiresOn) : t('match.form.expiresHint', { n: REQUEST_DEFAULT_MONTHS })}
            >
              <DateField allowClear />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="notes" label={t('field.notes')}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
