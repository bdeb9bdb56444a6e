/**
 * 规则: the office's hard rules for suggestions in the context bar's scope — excluded countries, at
 * most N partners of one division per country, not a place already paired within the province —
 * beside the rules that always hold. Administrators of the scope change them; everyone else reads.
 */
import { Alert, App as AntApp, Button, Card, Col, Form, InputNumber, Row, Select, Space, Switch, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { type MatchPolicy, MatchPolicySchema, type MatchPolicyView } from '../../../shared/schemas/match';
import { ApiError } from '../../api/client';
import { useCountries, useDivision } from '../../api/queries';
import { ErrorState, Loading, useErrorMessage } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { useCan } from '../auth/permissions';
import { useMatchWrites, usePolicy } from './match-api';

function ScopeName({ code }: { code: string }) {
  const { t, name } = useI18n();
  const division = useDivision(code);
  if (code === '000000') return <>{t('scope.national')}</>;
  return <>{division.data ? name(division.data.nameZh, division.data.nameEn) : code}</>;
}

export function PolicyTab() {
  const { scope } = useScope();
  const policy = usePolicy(scope);
  if (!scope || policy.isPending) return <Loading rows={6} />;
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />;
  return <PolicyEditor view={policy.data} />;
}

type Values = { excludedCountries: string[]; maxPerCountry: number | null; notPairedInProvince: boolean };

function PolicyEditor({ view }: { view: MatchPolicyView }) {
  const { t, name, dt } = useI18n();
  const [form] = Form.useForm<Values>();
  const countries = useCountries();
  const can = useCan();
  const mayChange = can.admin && can.read(view.scopeCode);
  const writes = useMatchWrites();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.setFieldsValue(view.own?.settings ?? view.effective);
  }, [view, form]);

  async function save(values: Values) {
    setError(null);
    const settings = MatchPolicySchema.safeParse({
      excludedCountries: values.excludedCountries ?? [],
      maxPerCountry: values.maxPerCountry ?? null,
      notPairedInProvince: values.notPairedInProvince ?? false,
    });
    if (!settings.success) {
      setError(settings.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；'));
      return;
    }
    setSaving(true);
    try {
      await writes.putPolicy(view.scopeCode, { settings: settings.data as MatchPolicy, version: view.own?.version });
      message.success(t('match.policy.saved'));
    } catch (e) {
      setError(e instanceof ApiError && e.isConflict ? t('form.conflictTitle') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const countryName = (iso2: string) => {
    const c = countries.data?.find((x) => x.iso2 === iso2);
    return c ? name(c.nameZh, c.nameEn) : iso2;
  };
  const e = view.effective;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card
          size="small"
          title={
            <span>
              {t('match.policy.title')} · <ScopeName code={view.scopeCode} />
            </span>
          }
          extra={view.own ? <span className="muted">{dt(view.own.updatedAt)}</span> : null}
        >
          <p className="muted" style={{ marginTop: 0 }}>
            {view.own ? (
              t('match.policy.own')
            ) : view.effectiveFrom ? (
              <span>
                {t('match.policy.from')} <ScopeName code={view.effectiveFrom} />
              </span>
            ) : (
              t('match.policy.none')
            )}
          </p>
          {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} /> : null}
          <Form<Values> form={form} layout="vertical" disabled={!mayChange} onFinish={(v) => void save(v)}>
            <Form.Item name="excludedCountries" label={t('match.policy.excludedCountries')}>
              <Select
                mode="multiple"
                allowClear
                loading={countries.isPending}
                optionFilterProp="label"
                placeholder={t('match.policy.noCountry')}
                options={(countries.data ?? []).map((c) => ({ value: c.iso2, label: name(c.nameZh, c.nameEn) }))}
              />
            </Form.Item>
            <Form.Item name="maxPerCountry" label={t('match.policy.maxPerCountry')} extra={t('match.policy.maxHint')}>
              <InputNumber min={1} max={50} precision={0} placeholder={t('rules.noLimit')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="notPairedInProvince"
              label={t('match.policy.notPairedInProvince')}
              valuePropName="checked"
              extra={t('match.policy.notPairedHint')}
            >
              <Switch />
            </Form.Item>
            {mayChange ? (
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={saving}>
                  {t('match.policy.save')}
                </Button>
                <span className="muted">{t('rules.adminOnly')}</span>
              </Space>
            ) : (
              <p className="muted">{t('match.policy.readOnly')}</p>
            )}
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('match.policy.inForce')}>
          <ul className="match-reasons">
            <li>{t('match.policy.always.relations')}</li>
            <li>{t('match.policy.always.paired')}</li>
            <li>{t('match.policy.always.dismissed')}</li>
            <li>
              {t('match.policy.excludedCountries')}
              {t('match.colon')}
              {e.excludedCountries.length > 0
                ? e.excludedCountries.map((c) => <Tag key={c}>{countryName(c)}</Tag>)
                : t('match.policy.noCountry')}
            </li>
            <li>
              {t('match.policy.maxPerCountry')}
              {t('match.colon')}
              {e.maxPerCountry ?? t('rules.noLimit')}
            </li>
            <li>
              {t('match.policy.notPairedInProvince')}
              {t('match.colon')}
              {e.notPairedInProvince ? t('common.yes') : t('common.no')}
            </li>
          </ul>
        </Card>
      </Col>
    </Row>
  );
}
