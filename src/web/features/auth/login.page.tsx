/** The sign-in page: shown before anything else when the deployment needs a sign-in to read. */
import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { LanguageSwitch } from '../../components/language-switch';
import { useTitle } from '../../components/use-title';
import { useI18n } from '../../i18n/i18n';
import { useSession } from './session';

type Values = { username: string; password: string };

export function LoginPage({ onCancel }: { onCancel?: () => void }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useTitle(t('auth.signIn'));

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(values.username, values.password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError(t('auth.wrongPassword'));
      else if (e instanceof ApiError && e.status === 429) setError(t('auth.locked'));
      else if (e instanceof ApiError && e.status === 403) setError(t('auth.disabled'));
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login-page">
      <Card
        className="login-card"
        title={
          <span>
            {t('app.fullName')} · {t('auth.signIn')}
          </span>
        }
        extra={<LanguageSwitch />}
      >
        <p className="login-tagline">{t('app.tagline')}</p>
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error ? <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('auth.signIn')}
          </Button>
          {onCancel ? (
            <Button type="link" block onClick={onCancel}>
              {t('auth.continueAsVisitor')}
            </Button>
          ) : null}
        </Form>
      </Card>
    </main>
  );
}
