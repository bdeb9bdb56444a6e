/**
 * The frame of every page: product name, navigation, language, and the context bar with the scope
 * and the as-of date that every figure and list follows.
 */
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { Layout } from 'antd';
import { lazy, Suspense } from 'react';
import { requestSignIn } from '../features/auth/auth-gate';
import { useCurrentUser } from '../features/auth/session';
import { DemoBanner, UserMenu } from '../features/auth/user-menu';
import type { Key } from '../i18n/catalog';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './language-switch';
import { ScopePicker } from './scope-picker';

// The date picker is the heaviest control of the frame; it follows the first paint.
const AsOfPicker = lazy(() => import('./as-of-picker').then((m) => ({ default: m.AsOfPicker })));

const NAV: {
  to: '/' | '/partnerships' | '/health' | '/map' | '/import' | '/projects' | '/programmes' | '/activities' | '/reminders' | '/rules' | '/reports';
  label: Key;
  exact?: boolean;
}[] = [
  { to: '/', label: 'nav.dashboard', exact: true },
  { to: '/partnerships', label: 'nav.partnerships' },
  { to: '/health', label: 'nav.health' },
  { to: '/activities', label: 'nav.activities' },
  { to: '/reminders', label: 'nav.reminders' },
  { to: '/rules', label: 'nav.rules' },
  { to: '/map', label: 'nav.map' },
  { to: '/projects', label: 'nav.projects' },
  { to: '/programmes', label: 'nav.programmes' },
  { to: '/reports', label: 'nav.reports' },
  { to: '/import', label: 'nav.import' },
];

export function AppShell() {
  const { t } = useI18n();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  // Contacts are personal data: the item shows only to users allowed to see them.
  const canSeeContacts = useCurrentUser()?.canSeeContacts === true;
  const showContext = !pathname.startsWith('/import');
  return (
    <Layout className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header-row">
          <Link to="/" className="brand" aria-label={t('app.fullName')}>
            <span className="brand-zh" lang="zh-CN">
              友城
            </span>
            <span className="brand-en" lang="en">
              Amity
            </span>
          </Link>
          <nav className="app-nav" aria-label={t('nav.main')}>
            {NAV.map((item) => (
              <Link
                key={item.to}
                to={item.to}
                className="app-nav-link"
                activeProps={{ className: 'app-nav-link active', 'aria-current': 'page' }}
                activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
              >
                {t(item.label)}
              </Link>
            ))}
            {canSeeContacts ? (
              <Link
                to="/contacts"
                className="app-nav-link"
                activeProps={{ className: 'app-nav-link active', 'aria-current': 'page' }}
                activeOptions={{ includeSearch: false }}
              >
                {t('nav.contacts')}
              </Link>
            ) : null}
          </nav>
          <div className="app-lang">
            <UserMenu onSignIn={requestSignIn} />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <DemoBanner />
      {showContext ? (
        <div className="context-bar">
          <div className="context-field">
            <label htmlFor="scope-picker">{t('scope.label')}</label>
            <ScopePicker id="scope-picker" />
          </div>
          <div className="context-field">
            <label htmlFor="as-of-picker">{t('asOf.label')}</label>
            <Suspense fallback={<span className="as-of-placeholder" />}>
              <AsOfPicker id="as-of-picker" />
            </Suspense>
          </div>
        </div>
      ) : null}
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </Layout>
  );
}
