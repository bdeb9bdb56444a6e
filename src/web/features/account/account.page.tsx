/**
 * 我的账户 Account: who I am (role, scope), change my password, and my API tokens for scripts
 * (created with at most my role and scope; the token is shown once).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { TokenCreatedView, TokenView as TokenInfo } from '../../../shared/schemas/auth-view';
import { ApiError, api } from '../../api/client';
import { ErrorState } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useCurrentUser } from '../auth/session';

const ROLES = ['viewer', 'editor', 'admin'] as const;

function PasswordCard() {
  const { t } = useI18n();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const change = useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) => api.post('/auth/password', values),
    onSuccess: () => form.resetFields(),
  });
  return (
    <Card size="small" title={t('account.password')}>
      <Form form={form} layout="vertical" onFinish={(v) => change.mutate(v)} style={{ maxWidth: 360 }}>
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('account.newPassword')}
          rules={[{ required: true, min: 12, message: t('account.passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {change.isSuccess ? (
          <Alert type="success" showIcon message={t('account.passwordChanged')} style={{ marginBottom: 12 }} />
        ) : null}
        {change.isError ? (
          <Alert
            type="error"
            showIcon
            message={
              change.error instanceof ApiError && change.error.status === 400
                ? t('account.passwordWrong')
                : String(change.error)
            }
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Button htmlType="submit" loading={change.isPending}>
          {t('account.changePassword')}
        </Button>
      </Form>
    </Card>
  );
}

function TokensCard({ maxRole }: { maxRole: (typeof ROLES)[number] }) {
  const { t, dt } = useI18n();
  const client = useQueryClient();
  const tokens = useQuery({
    queryKey: ['tokens'],
    queryFn: ({ signal }) => api.get<{ data: TokenInfo[] }>('/tokens', undefined, signal),
  });
  const [shown, setShown] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; role: (typeof ROLES)[number] }>();
  const create = useMutation({
    mutationFn: (values: { name: string; role: string }) => api.post<TokenCreatedView>('/tokens', values),
    onSuccess: (result) => {
      setShown(result.token);
      form.resetFields();
      void client.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => api.delete(`/tokens/${id}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const allowed = ROLES.slice(0, ROLES.indexOf(maxRole) + 1);
  return (
    <Card size="small" title={t('account.tokens')}>
      <Typography.Paragraph type="secondary">{t('account.tokensHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => create.mutate(v)}
        initialValues={{ role: 'viewer' }}
        style={{ marginBottom: 12 }}
      >
        <Form.Item name="name" rules={[{ required: true, message: t('account.tokenNameRequired') }]}>
          <Input placeholder={t('account.tokenName')} aria-label={t('account.tokenName')} />
        </Form.Item>
        <Form.Item name="role">
          <Select
            style={{ width: 120 }}
            aria-label={t('account.role')}
            options={allowed.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))}
          />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={create.isPending}>
          {t('account.createToken')}
        </Button>
      </Form>
      {create.isError ? <Alert type="error" showIcon message={String(create.error)} /> : null}
      {tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : (
        <Table<TokenInfo>
          size="small"
          rowKey="id"
          loading={tokens.isPending}
          dataSource={tokens.data?.data ?? []}
          pagination={false}
          columns={[
            { title: t('account.tokenName'), dataIndex: 'name' },
            { title: t('account.tokenPrefix'), dataIndex: 'prefix', render: (p: string) => <code>{p}…</code> },
            { title: t('account.role'), dataIndex: 'role', render: (r: TokenInfo['role']) => t(`auth.role.${r}`) },
            { title: t('account.scope'), dataIndex: 'scopeCode' },
            {
              title: t('account.lastUsed'),
              dataIndex: 'lastUsedAt',
              render: (v: string | null) => (v ? dt(v) : t('account.never')),
            },
            {
              title: t('account.state'),
              render: (_: unknown, row) =>
                row.revokedAt ? (
                  <Tag>{t('account.revoked')}</Tag>
                ) : (
                  <Popconfirm title={t('account.revokeConfirm')} onConfirm={() => revoke.mutate(row.id)}>
                    <Button size="small" danger>
                      {t('account.revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={!!shown}
        onOk={() => setShown(null)}
        onCancel={() => setShown(null)}
        title={t('account.tokenCreated')}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Alert type="warning" showIcon message={t('account.tokenOnce')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }} data-testid="new-token">
          {shown}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  useTitle(t('account.title'));
  if (!user) return <Alert type="info" message={t('account.visitor')} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div className="page-header">
        <h1>{t('account.title')}</h1>
      </div>
      <Card size="small">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('auth.username')}>{user.username}</Descriptions.Item>
          <Descriptions.Item label={t('account.displayName')}>{user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('account.role')}>{t(`auth.role.${user.role}`)}</Descriptions.Item>
          <Descriptions.Item label={t('account.scope')}>{user.scopeCode}</Descriptions.Item>
          <Descriptions.Item label={t('account.contacts')}>
            {user.canSeeContacts ? t('common.yes') : t('common.no')}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {user.kind === 'user' ? <PasswordCard /> : null}
      {user.kind === 'user' ? <TokensCard maxRole={user.role} /> : null}
    </Space>
  );
}
