/** Shown instead of a page its reader cannot use: why, and whom to ask — before anything is offered. */
import { LockOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Button } from 'antd';
import { requestSignIn } from '../features/auth/auth-gate';
import { useCurrentUser } from '../features/auth/session';
import { useI18n } from '../i18n/i18n';
import type { PageNeed } from './page-access';

export function NoAccess({ need }: { need: PageNeed }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const signedIn = !!user && user.kind !== 'anonymous';
  return (
    <div className="state-box" data-testid="no-access">
      <LockOutlined className="state-icon" aria-hidden />
      <h1>{t('access.title')}</h1>
      <p>{t(`access.need.${need}`)}</p>
      {signedIn ? (
        <p className="muted">
          {t('access.you', { name: user.displayName || user.username, role: t(`auth.role.${user.role}`) })}
        </p>
      ) : null}
      <p>
        {signedIn ? (
          <Link to="/">{t('state.backHome')}</Link>
        ) : (
          <Button type="primary" onClick={requestSignIn}>
            {t('access.signIn')}
          </Button>
        )}
      </p>
    </div>
  );
}
