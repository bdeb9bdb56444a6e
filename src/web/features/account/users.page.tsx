/**
 * 用户管理 Accounts (admins): the accounts of my scope — create one, change its role, scope or
 * contacts permission, disable it, set a new password. The server refuses anything above my own
 * role or outside my scope; the page offers only what it would allow.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import type { UserView as UserRow } from '../../../shared/schemas/auth-view';
import { ApiError, api } from '../../api/client';
import { DivisionSelect } from '../../components/division-select';
import { ErrorState } from '../../components/states';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useCan } from '../auth/permissions';
import { useCurrentUser } from '../auth/session';

type Role = UserRow['role'];

type NewUser = {
  username: string;
  displayName: string;
  role: Role;
  scopeCode: string;
  canSeeContacts: boolean;
  password: string;
};

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const issues = error.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return issues ? `${error.message} (${issues})` : error.message;
  }
  return String(error);
}

export function UsersPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const can = useCan();
  const client = useQueryClient();
  useTitle(t('users.title'));
  const users = useQuery({
    queryKey: ['users'],
    queryFn: ({ signal }) => api.get<{ data: UserRow[] }>('/users', undefined, signal),
    enabled: can.admin,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['users'] });
  const [creating, setCreating] = useState(false);
  const [passwordFor, setPasswordFor] = useState<UserRow | null>(null);
  const [form] = Form.useForm<NewUser>();
  const [pwForm] = Form.useForm<{ password: string }>();

  const create = useMutation({
    mutationFn: (input: NewUser) => api.post<UserRow>('/users', input),
    onSuccess: () => {
      setCreating(false);
      form.resetFields();
      refresh();
    },
  });
  const update = useMutation({
    mutationFn: ({ row, patch }: { row: UserRow; patch: Partial<UserRow> }) =>
      api.patch<UserRow>(`/users/${row.id}`, { version: row.version, ...patch }),
    onSettled: refresh,
  });
  const setPassword = useMutation({
    mutationFn: ({ row, password }: { row: UserRow; password: string }) =>
      api.post(`/users/${row.id}/password`, { password }),
    onSuccess: () => {
      setPasswordFor(null);
      pwForm.resetFields();
      refresh();
    },
  });

  if (!can.admin || !me) return <Alert type="warning" showIcon message={t('users.adminsOnly')} />;
  const roles: Role[] = (['viewer', 'editor', 'admin'] as const).filter((r) => r !== 'admin' || me.role === 'admin');
  const roleOptions = roles.map((r) => ({ value: r, label: t(`auth.role.${r}`) }));

  return (
    <>
      <div className="page-header">
        <h1>{t('users.title')}</h1>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('users.new')}
        </Button>
      </div>
      {update.isError ? (
        <Alert type="error" showIcon closable message={errorText(update.error)} style={{ marginBottom: 12 }} />
      ) : null}
      {users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : (
        <Table<UserRow>
          rowKey="id"
          size="small"
          loading={users.isPending}
          dataSource={users.data?.data ?? []}
          pagination={false}
          columns={[
            { title: t('auth.username'), dataIndex: 'username' },
            { title: t('account.displayName'), dataIndex: 'displayName' },
            {
              title: t('account.role'),
              dataIndex: 'role',
              render: (role: Role, row) => (
                <Select
                  size="small"
                  value={role}
                  style={{ width: 110 }}
                  aria-label={`${t('account.role')} ${row.username}`}
                  options={roleOptions}
                  disabled={row.username === me.username}
                  onChange={(value) => update.mutate({ row, patch: { role: value } })}
                />
              ),
            },
            { title: t('account.scope'), dataIndex: 'scopeCode' },
            {
              title: t('account.contacts'),
              dataIndex: 'canSeeContacts',
              render: (value: boolean, row) => (
                <Switch
                  size="small"
                  checked={value}
                  disabled={!me.canSeeContacts && !value}
                  aria-label={`${t('account.contacts')} ${row.username}`}
                  onChange={(checked) => update.mutate({ row, patch: { canSeeContacts: checked } })}
                />
              ),
            },
            {
              title: t('account.state'),
              render: (_: unknown, row) => (
                <Space size={4}>
                  {row.disabled ? (
                    <Tag color="red">{t('users.disabled')}</Tag>
                  ) : (
                    <Tag color="green">{t('users.active')}</Tag>
                  )}
                  {row.locked ? <Tag color="orange">{t('users.locked')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: '',
              render: (_: unknown, row) =>
                row.username === me.username ? null : (
                  <Space size={4}>
                    <Button size="small" onClick={() => update.mutate({ row, patch: { disabled: !row.disabled } })}>
                      {row.disabled ? t('users.enable') : t('users.disable')}
                    </Button>
                    <Button size="small" onClick={() => setPasswordFor(row)}>
                      {t('users.setPassword')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      )}

      <Modal
        open={creating}
        title={t('users.new')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate({ ...v, canSeeContacts: !!v.canSeeContacts })}
          initialValues={{ role: 'viewer', scopeCode: me.scopeCode }}
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9._-]{1,62}$/, message: t('users.usernameRule') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('account.displayName')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('account.role')}>
            <Select options={roleOptions} />
          </Form.Item>
          <Form.Item
            name="scopeCode"
            label={t('account.scope')}
            rules={[{ required: true }]}
            extra={t('users.scopeHint')}
          >
            <DivisionSelect />
          </Form.Item>
          {me.canSeeContacts ? (
            <Form.Item name="canSeeContacts" valuePropName="checked">
              <Checkbox>{t('account.contacts')}</Checkbox>
            </Form.Item>
          ) : null}
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, min: 12, message: t('account.passwordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {create.isError ? <Alert type="error" showIcon message={errorText(create.error)} /> : null}
        </Form>
      </Modal>

      <Modal
        open={!!passwordFor}
        title={`${t('users.setPassword')} — ${passwordFor?.username ?? ''}`}
        onCancel={() => setPasswordFor(null)}
        onOk={() => pwForm.submit()}
        confirmLoading={setPassword.isPending}
        destroyOnHidden
      >
        <Form
          form={pwForm}
          layout="vertical"
          onFinish={(v) => passwordFor && setPassword.mutate({ row: passwordFor, password: v.password })}
        >
          <Form.Item
            name="password"
            label={t('account.newPassword')}
            rules={[{ required: true, min: 12, message: t('account.passwordRule') }]}
            extra={t('users.passwordHint')}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          {setPassword.isError ? <Alert type="error" showIcon message={errorText(setPassword.error)} /> : null}
        </Form>
      </Modal>
    </>
  );
}
