/**
 * The frame of every page: product name, navigation, language, and the context bar with the scope
 * and the as-of date that every figure and list follows.
 */

import { DownOutlined, MenuOutlined } from '@ant-design/icons';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { Drawer, Dropdown, Layout } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { requestSignIn } from '../features/auth/auth-gate';
import { useCan } from '../features/auth/permissions';
import { DemoBanner, UserMenu } from '../features/auth/user-menu';
import type { Key } from '../i18n/catalog';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './language-switch';
import { NoAccess } from './no-access';
import { mayOpen, pageNeed } from './page-access';
import { ScopePicker } from './scope-picker';

// The date picker is the heaviest control of the frame; it follows the first paint.
const AsOfPicker = lazy(() => import('./as-of-picker').then((m) => ({ default: m.AsOfPicker })));

type NavPath =
  | '/'
  | '/partnerships'
  | '/match'
  | '/health'
  | '/map'
  | '/import'
  | '/news'
  | '/projects'
  | '/programmes'
  | '/activities'
  | '/reminders'
  | '/rules'
  | '/reports'
  | '/contacts';
type NavItem = { to: NavPath; label: Key; exact?: boolean; need?: 'write' | 'contacts' };
type NavGroup = { label: Key; items: NavItem[] };

/** The pages, a few of them grouped under one menu so the bar stays one line wide. */
const NAV: (NavItem | NavGroup)[] = [
  { to: '/', label: 'nav.dashboard', exact: true },
  { to: '/partnerships', label: 'nav.partnerships' },
  { to: '/match', label: 'nav.match' },
  { to: '/health', label: 'nav.health' },
  { to: '/map', label: 'nav.map' },
  {
    label: 'nav.exchanges',
    items: [
      { to: '/activities', label: 'nav.activities' },
      { to: '/reminders', label: 'nav.reminders' },
      { to: '/rules', label: 'nav.rules' },
    ],
  },
  {
    label: 'nav.cooperation',
    items: [
      { to: '/projects', label: 'nav.projects' },
      { to: '/programmes', label: 'nav.programmes' },
    ],
  },
  // Contacts are personal data: the item shows only to users allowed to see them.
  { to: '/contacts', label: 'nav.contacts', need: 'contacts' },
  { to: '/reports', label: 'nav.reports' },
  { to: '/news', label: 'nav.news' },
  { to: '/import', label: 'nav.import', need: 'write' },
];

function NavLink({ item }: { item: NavItem }) {
  const { t } = useI18n();
  return (
    <Link
      to={item.to}
      className="app-nav-link"
      activeProps={{ className: 'app-nav-link active', 'aria-current': 'page' }}
      activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
    >
      {t(item.label)}
    </Link>
  );
}

function NavMenu({ group, pathname }: { group: NavGroup; pathname: string }) {
  const { t } = useI18n();
  const active = group.items.some((i) => pathname === i.to || pathname.startsWith(`${i.to}/`));
  return (
    <Dropdown
      trigger={['click', 'hover']}
      menu={{
        selectedKeys: group.items.filter((i) => pathname.startsWith(i.to)).map((i) => i.to),
        items: group.items.map((i) => ({ key: i.to, label: <Link to={i.to}>{t(i.label)}</Link> })),
      }}
    >
      <button type="button" className={`app-nav-link app-nav-menu${active ? ' active' : ''}`} aria-haspopup="menu">
        {t(group.label)} <DownOutlined style={{ fontSize: 10 }} />
      </button>
    </Dropdown>
  );
}

/**
 * On a phone the bar has no room for the pages: one menu button opens them all in a drawer, the
 * groups' pages listed under their group's name, so nothing is cut off without a hint.
 */
function PhoneMenu({ pathname, allowed }: { pathname: string; allowed: (item: NavItem) => boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  // A chosen page closes the drawer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: it closes on every change of page
  useEffect(() => setOpen(false), [pathname]);
  const link = (item: NavItem) => (
    <li key={item.to}>
      <Link
        to={item.to}
        className="phone-nav-link"
        activeProps={{ className: 'phone-nav-link active', 'aria-current': 'page' }}
        activeOptions={{ exact: item.exact ?? false, includeSearch: false }}
        onClick={() => setOpen(false)}
      >
        {t(item.label)}
      </Link>
    </li>
  );
  return (
    <>
      <button
        type="button"
        className="app-nav-toggle"
        aria-expanded={open}
        aria-controls="phone-nav"
        onClick={() => setOpen(true)}
      >
        <MenuOutlined aria-hidden /> {t('nav.menu')}
      </button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="left"
        width={260}
        title={t('nav.main')}
        rootClassName="phone-nav-drawer"
      >
        <nav id="phone-nav" aria-label={t('nav.main')}>
          <ul className="phone-nav">
            {NAV.map((entry) =>
              'items' in entry ? (
                <li key={entry.label}>
                  <span className="phone-nav-group">{t(entry.label)}</span>
                  <ul>{entry.items.filter(allowed).map(link)}</ul>
                </li>
              ) : allowed(entry) ? (
                link(entry)
              ) : null,
            )}
          </ul>
        </nav>
      </Drawer>
    </>
  );
}

export function AppShell() {
  const { t } = useI18n();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const can = useCan();
  const allowed = (item: NavItem) =>
    item.need === undefined || (item.need === 'write' ? can.writeAnywhere : can.contacts);
  const need = pageNeed(pathname);
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
          <PhoneMenu pathname={pathname} allowed={allowed} />
          <nav className="app-nav" aria-label={t('nav.main')}>
            {NAV.map((entry) =>
              'items' in entry ? (
                <NavMenu key={entry.label} group={entry} pathname={pathname} />
              ) : allowed(entry) ? (
                <NavLink key={entry.to} item={entry} />
              ) : null,
            )}
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
        {need && !mayOpen(need, can) ? <NoAccess need={need} /> : <Outlet />}
      </main>
    </Layout>
  );
}
