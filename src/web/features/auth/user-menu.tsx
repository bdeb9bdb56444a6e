/** The header's account corner: who is signed in, their role and scope, and sign out (or sign in for visitors). */

import { DownOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Button, Dropdown, Tag } from 'antd';
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
  const items = [
    { key: 'account', label: <Link to="/account">{t('nav.account')}</Link> },
    ...(user.role === 'admin' && user.kind === 'user'
      ? [{ key: 'users', label: <Link to="/users">{t('nav.users')}</Link> }]
      : []),
    { type: 'divider' as const },
    { key: 'signOut', label: t('auth.signOut'), onClick: () => void signOut() },
  ];
  return (
    <Dropdown trigger={['click']} menu={{ items }}>
      <button
        type="button"
        className="user-menu"
        aria-label={`${t('auth.account')}: ${user.displayName}`}
        aria-haspopup="menu"
      >
        <span className="user-name" data-testid="current-user">
          {user.username}
        </span>
        <Tag>{t(`auth.role.${user.role}`)}</Tag>
        <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
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
