/** Pieces every contact page shares: the permission gate, the illustrative-data note, tags, the sub-navigation. */
import { LockOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { Alert, Segmented, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ContactCategory } from '../../../shared/schemas/contact';
import { ApiError } from '../../api/client';
import { ErrorState } from '../../components/states';
import { useI18n } from '../../i18n/i18n';
import { useCurrentUser } from '../auth/session';

/** Does the signed-in user have the contacts permission? (The server checks every request anyway.) */
export function useCanSeeContacts(): boolean {
  return useCurrentUser()?.canSeeContacts === true;
}

export function Forbidden() {
  const { t } = useI18n();
  return (
    <div role="alert" className="state-box">
      <LockOutlined className="state-icon" aria-hidden />
      <h2>{t('contacts.forbidden')}</h2>
      <p className="muted">{t('contacts.forbiddenHint')}</p>
    </div>
  );
}

/** Shows the page only to users with the contacts permission. */
export function ContactsGate({ children }: { children: ReactNode }) {
  return useCanSeeContacts() ? children : <Forbidden />;
}

/** An error of a contacts list: 403 is said as the missing permission. (A record's page uses RecordGate.) */
export function ContactError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (error instanceof ApiError && error.status === 403) return <Forbidden />;
  return <ErrorState error={error} onRetry={onRetry} />;
}

export function CategoryTag({ category }: { category: ContactCategory }) {
  const { t } = useI18n();
  const colors: Record<ContactCategory, string> = {
    partner_official: 'blue',
    overseas_chinese: 'gold',
    international_friend: 'green',
    expert: 'purple',
    other: 'default',
  };
  return <Tag color={colors[category]}>{t(`contacts.category.${category}`)}</Tag>;
}

export function DemoTag() {
  const { t } = useI18n();
  return <Tag color="orange">{t('contacts.demoTag')}</Tag>;
}

/** Said above any page that shows illustrative contacts. */
export function DemoNote({ show }: { show: boolean }) {
  const { t } = useI18n();
  if (!show) return null;
  return <Alert type="warning" showIcon message={t('contacts.demoNote')} style={{ marginBottom: 16 }} />;
}

/** 联系人 | 久未联系: the two lists. */
export function ContactTabs({ current }: { current: 'list' | 'silent' }) {
  const { t } = useI18n();
  return (
    <Segmented
      value={current}
      options={[
        {
          value: 'list',
          label: (
            <Link to="/contacts" className="plain-link">
              {t('contacts.title')}
            </Link>
          ),
        },
        {
          value: 'silent',
          label: (
            <Link to="/contacts/silent" className="plain-link">
              {t('contacts.silent.nav')}
            </Link>
          ),
        },
      ]}
    />
  );
}
