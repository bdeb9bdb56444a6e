/**
 * 活动规定: the activity rules of the scope in the context bar — those in force and where they come
 * from, the scope's own (which its administrators may set or remove), and the scopes above it.
 */
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Form,
  InputNumber,
  Popconfirm,
  Row,
  Space,
  Switch,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { DELEGATION_TYPES } from '../../../shared/enums';
import { type OfficeRules, OfficeRulesSchema } from '../../../shared/schemas/rules';
import { api, request } from '../../api/client';
import { useDivision } from '../../api/queries';
import { ErrorState, Loading, useErrorMessage } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useScope } from '../../state/scope';
import { activityKeys, type RulesView, useRules } from '../activities/activity-api';
import { useCan } from '../auth/permissions';

function ScopeName({ code }: { code: string }) {
  const { t, name } = useI18n();
  const division = useDivision(code);
  if (code === '000000') return <>{t('scope.national')}</>;
  return <>{division.data ? name(division.data.nameZh, division.data.nameEn) : code}</>;
}

/** The settings in a line: 人数 ≤ 6 · 天数 ≤ 5 · 须审批 · 周年 每10年. */
export function RulesSummary({ rules }: { rules: OfficeRules }) {
  const { t } = useI18n();
  const limit = (v: number | null) => (v === null ? t('rules.noLimit') : `≤ ${v}`);
  return (
    <Space wrap size={4}>
      <Tag className="tag-wrap">
        {t('rules.maxDelegationSize')} {limit(rules.maxDelegationSize)}
      </Tag>
      <Tag className="tag-wrap">
        {t('rules.maxDelegationDays')} {limit(rules.maxDelegationDays)}
      </Tag>
      <Tag className="tag-wrap">
        {t('rules.approvalRequired')}: {rules.approvalRequired ? t('common.yes') : t('common.no')}
      </Tag>
      <Tag className="tag-wrap">
        {t('rules.anniversaryEveryYears')} {rules.anniversaryEveryYears ?? t('rules.noLimit')}
      </Tag>
      <Tag className="tag-wrap">
        {t('rules.delegationTypes')}: {rules.delegationTypes.map((d) => t(`activity.${d}`)).join(' / ')}
      </Tag>
    </Space>
  );
}

export function RulesPage() {
  const { t } = useI18n();
  useTitle(t('rules.title'));
  const { scope } = useScope();
  const rules = useRules(scope);
  if (!scope || rules.isPending) return <Loading rows={8} />;
  if (rules.isError) return <ErrorState error={rules.error} onRetry={() => void rules.refetch()} />;
  return <RulesEditor view={rules.data} />;
}

function RulesEditor({ view }: { view: RulesView }) {
  const { t } = useI18n();
  const [form] = Form.useForm<OfficeRules>();
  const queryClient = useQueryClient();
  const { message } = AntApp.useApp();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const can = useCan();
  const mayChange = can.admin && can.read(view.scopeCode);

  useEffect(() => {
    form.setFieldsValue(view.own?.settings ?? view.effective);
  }, [view, form]);

  const done = (next: RulesView | null, text: string) => {
    void queryClient.invalidateQueries({ queryKey: ['rules'] });
    void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    if (next) queryClient.setQueryData(activityKeys.rules(view.scopeCode), next);
    message.success(text);
  };

  async function save(values: OfficeRules) {
    setError(null);
    const settings = OfficeRulesSchema.safeParse({
      ...values,
      maxDelegationSize: values.maxDelegationSize ?? null,
      maxDelegationDays: values.maxDelegationDays ?? null,
      anniversaryEveryYears: values.anniversaryEveryYears ?? null,
    });
    if (!settings.success) {
      setError(settings.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；'));
      return;
    }
    setSaving(true);
    try {
      const next = await request<RulesView>('PUT', `/rules/${view.scopeCode}`, {
        json: { settings: settings.data, version: view.own?.version },
      });
      done(next, t('rules.saved'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  async function remove() {
    if (!view.own) return;
    setError(null);
    try {
      await api.delete(`/rules/${view.scopeCode}`, { version: view.own.version });
      done(null, t('rules.removed'));
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <>
      <div className="page-header">
        <h1>
          {t('rules.title')}{' '}
          <span className="as-of">
            <ScopeName code={view.scopeCode} />
          </span>
        </h1>
      </div>
      <Alert type="info" showIcon message={t('rules.intro')} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            className="card-title-wrap"
            title={
              view.own ? (
                t('rules.own')
              ) : view.effectiveFrom ? (
                <span>
                  {t('rules.fromScope', { scope: '' })}
                  <ScopeName code={view.effectiveFrom} />
                </span>
              ) : (
                t('rules.fromDefaults')
              )
            }
            extra={view.own?.isDemo ? <Tag color="gold">{t('rules.demo')}</Tag> : null}
          >
            {error ? <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} /> : null}
            <Form<OfficeRules> form={form} layout="vertical" disabled={!mayChange} onFinish={(v) => void save(v)}>
              <Row gutter={16}>
                <Col xs={24} sm={12}>
                  <Form.Item name="maxDelegationSize" label={t('rules.maxDelegationSize')}>
                    <InputNumber
                      min={1}
                      max={10000}
                      precision={0}
                      placeholder={t('rules.noLimit')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="maxDelegationDays" label={t('rules.maxDelegationDays')}>
                    <InputNumber
                      min={1}
                      max={366}
                      precision={0}
                      placeholder={t('rules.noLimit')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="approvalRequired" label={t('rules.approvalRequired')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="anniversaryEveryYears" label={t('rules.anniversaryEveryYears')}>
                    <InputNumber
                      min={1}
                      max={100}
                      precision={0}
                      placeholder={t('rules.noLimit')}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24}>
                  <Form.Item
                    name="delegationTypes"
                    label={t('rules.delegationTypes')}
                    rules={[{ required: true, type: 'array', min: 1, message: t('form.required') }]}
                  >
                    <Checkbox.Group options={DELEGATION_TYPES.map((v) => ({ value: v, label: t(`activity.${v}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={saving}>
                  {t('rules.save')}
                </Button>
                {view.own ? (
                  <Popconfirm
                    title={t('rules.removeConfirm')}
                    okText={t('rules.remove')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => remove()}
                  >
                    <Button danger>{t('rules.remove')}</Button>
                  </Popconfirm>
                ) : null}
                <span className="muted">{t('rules.adminOnly')}</span>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('rules.chain')}>
            <Descriptions column={1} size="small">
              {view.chain.map((c) => (
                <Descriptions.Item
                  key={c.scopeCode}
                  label={
                    <span>
                      <ScopeName code={c.scopeCode} />
                      {c.scopeCode === view.effectiveFrom ? (
                        <Tag color="blue" style={{ marginInlineStart: 6 }}>
                          ✓
                        </Tag>
                      ) : null}
                    </span>
                  }
                >
                  {c.own ? <RulesSummary rules={c.own.settings} /> : <span className="muted">{t('rules.none')}</span>}
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </>
  );
}
