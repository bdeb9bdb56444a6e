/** The header's account corner: who is signed in, their role and scope, and sign out (or sign in for visitors). */
import { Link } from '@tanstack/react-router';
import { Button, Space, Tag } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { useSession } from './session';

export function UserMenu({ onSignIn }: { onSignIn: () => void }) {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  if (!session) {
    return (
      <Button size="small" onClick={onSignIn}>
        {t('auth.signIn')}
      </Button>
    );
  }
  const { user } = session;
  return (
    <Space size={4} className="user-menu" aria-label={t('auth.account')}>
      <Link to="/account" className="user-name" data-testid="current-user" title={t('nav.account')}>
        {user.displayName}
      </Link>
      <Tag>{t(`auth.role.${user.role}`)}</Tag>
      {user.role === 'admin' && user.kind === 'user' ? (
        <Link to="/users" className="app-nav-link">
          {t('nav.users')}
        </Link>
      ) : null}
      <Button size="small" type="link" onClick={() => void signOut()}>
        {t('auth.signOut')}
      </Button>
    </Space>
  );
}

/** Said on every page of a demo: the browser was signed in automatically. */
export function DemoBanner() {
  const { t } = useI18n();
  const { session } = useSession();
  if (!session?.demo) return null;
  return (
    <div className="demo-banner" role="status">
      {t('auth.demoBanner', { name: session.user.displayName })}
    </div>
  );
}
