/**
 * The routes. Every page is its own chunk, loaded on first visit, so the first load carries only
 * the shell; ECharts and the world map come with the pages that draw them.
 */
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  retainSearchParams,
} from '@tanstack/react-router';
import { AppShell } from './components/app-shell';
import { NotFound } from './components/not-found';
import {
  validateActivityNewSearch,
  validateActivitySearch,
  validateReminderSearch,
} from './features/activities/activity-model';
import { validateContactSearch, validateSilentSearch } from './features/contacts/contact-search';
import { prefetchDashboard } from './features/dashboard/prefetch';
import { validateHealthSearch } from './features/health/health-search';
import { validateMatchSearch } from './features/match/match-search';
import { validateProgrammeSearch, validateProjectSearch } from './features/projects/project-search';
import { validateReportSearch } from './features/reports/report-model';
import {
  parseSearch,
  stringifySearch,
  validateDashboardSearch,
  validateGlobalSearch,
  validateMapSearch,
  validatePartnershipSearch,
  validateRecordsSearch,
} from './state/search';

const rootRoute = createRootRoute({
  component: AppShell,
  notFoundComponent: NotFound,
  validateSearch: validateGlobalSearch,
  search: { middlewares: [retainSearchParams(['scope', 'asOf', 'since'])] },
});

const dashboardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  validateSearch: validateDashboardSearch,
  loaderDeps: ({ search }) => search,
  // Fire and forget: the page shows its own loading state; this only starts the requests sooner.
  loader: ({ deps }) => {
    void prefetchDashboard(deps).catch(() => undefined);
  },
  component: lazyRouteComponent(() => import('./features/dashboard/dashboard.page'), 'DashboardPage'),
});

const recordsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/figures/$figure',
  validateSearch: validateRecordsSearch,
  component: lazyRouteComponent(() => import('./features/figures/figure-records.page'), 'FigureRecordsPage'),
});

const partnershipsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partnerships',
  validateSearch: validatePartnershipSearch,
  component: lazyRouteComponent(() => import('./features/partnerships/partnership-list.page'), 'PartnershipListPage'),
});

const partnershipNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partnerships/new',
  component: lazyRouteComponent(() => import('./features/partnerships/partnership-edit.page'), 'PartnershipCreatePage'),
});

const partnershipRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partnerships/$id',
  params: {
    parse: (raw: { id: string }) => ({ id: Number(raw.id) }),
    stringify: (params: { id: number }) => ({ id: String(params.id) }),
  },
  component: lazyRouteComponent(
    () => import('./features/partnerships/partnership-detail.page'),
    'PartnershipDetailPage',
  ),
});

const partnershipEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/partnerships/$id/edit',
  params: {
    parse: (raw: { id: string }) => ({ id: Number(raw.id) }),
    stringify: (params: { id: number }) => ({ id: String(params.id) }),
  },
  component: lazyRouteComponent(() => import('./features/partnerships/partnership-edit.page'), 'PartnershipEditPage'),
});

const matchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/match',
  validateSearch: validateMatchSearch,
  component: lazyRouteComponent(() => import('./features/match/match.page'), 'MatchPage'),
});

const mapRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/map',
  validateSearch: validateMapSearch,
  component: lazyRouteComponent(() => import('./features/map/map.page'), 'MapPage'),
});

const importRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/import',
  component: lazyRouteComponent(() => import('./features/imports/import.page'), 'ImportPage'),
});

const newsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/news',
  component: lazyRouteComponent(() => import('./features/news/news-check.page'), 'NewsCheckPage'),
});

const idParams = {
  parse: (raw: { id: string }) => ({ id: Number(raw.id) }),
  stringify: (params: { id: number }) => ({ id: String(params.id) }),
};

const projectsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects',
  validateSearch: validateProjectSearch,
  component: lazyRouteComponent(() => import('./features/projects/project-list.page'), 'ProjectListPage'),
});

const projectNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/new',
  component: lazyRouteComponent(() => import('./features/projects/project-edit.page'), 'ProjectCreatePage'),
});

const projectRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/$id',
  params: idParams,
  component: lazyRouteComponent(() => import('./features/projects/project-detail.page'), 'ProjectDetailPage'),
});

const projectEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/projects/$id/edit',
  params: idParams,
  component: lazyRouteComponent(() => import('./features/projects/project-edit.page'), 'ProjectEditPage'),
});

const programmesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programmes',
  component: lazyRouteComponent(() => import('./features/programmes/programme-list.page'), 'ProgrammeListPage'),
});

const programmeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programmes/$id',
  params: idParams,
  validateSearch: validateProgrammeSearch,
  component: lazyRouteComponent(() => import('./features/programmes/programme.page'), 'ProgrammePage'),
});

const contactsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/contacts',
  validateSearch: validateContactSearch,
  component: lazyRouteComponent(() => import('./features/contacts/contact-list.page'), 'ContactListPage'),
});

const contactsSilentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/contacts/silent',
  validateSearch: validateSilentSearch,
  component: lazyRouteComponent(() => import('./features/contacts/contact-silent.page'), 'ContactSilentPage'),
});

const contactNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/contacts/new',
  component: lazyRouteComponent(() => import('./features/contacts/contact-edit.page'), 'ContactCreatePage'),
});

const contactRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/contacts/$id',
  params: {
    parse: (raw: { id: string }) => ({ id: Number(raw.id) }),
    stringify: (params: { id: number }) => ({ id: String(params.id) }),
  },
  component: lazyRouteComponent(() => import('./features/contacts/contact-detail.page'), 'ContactDetailPage'),
});

const contactEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/contacts/$id/edit',
  params: {
    parse: (raw: { id: string }) => ({ id: Number(raw.id) }),
    stringify: (params: { id: number }) => ({ id: String(params.id) }),
  },
  component: lazyRouteComponent(() => import('./features/contacts/contact-edit.page'), 'ContactEditPage'),
});

// Activities, office rules and reminders
const activitiesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activities',
  validateSearch: validateActivitySearch,
  component: lazyRouteComponent(() => import('./features/activities/activity-list.page'), 'ActivityListPage'),
});

const activityNewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activities/new',
  validateSearch: validateActivityNewSearch,
  component: lazyRouteComponent(() => import('./features/activities/activity-edit.page'), 'ActivityCreatePage'),
});

const activityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activities/$id',
  params: idParams,
  component: lazyRouteComponent(() => import('./features/activities/activity-detail.page'), 'ActivityDetailPage'),
});

const activityEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/activities/$id/edit',
  params: idParams,
  component: lazyRouteComponent(() => import('./features/activities/activity-edit.page'), 'ActivityEditPage'),
});

const rulesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rules',
  component: lazyRouteComponent(() => import('./features/rules/rules.page'), 'RulesPage'),
});

const remindersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reminders',
  validateSearch: validateReminderSearch,
  component: lazyRouteComponent(() => import('./features/reminders/reminders.page'), 'RemindersPage'),
});

const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reports',
  validateSearch: validateReportSearch,
  component: lazyRouteComponent(() => import('./features/reports/report.page'), 'ReportPage'),
});

const healthRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/health',
  validateSearch: validateHealthSearch,
  component: lazyRouteComponent(() => import('./features/health/health-list.page'), 'HealthListPage'),
});

const accountRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/account',
  component: lazyRouteComponent(() => import('./features/account/account.page'), 'AccountPage'),
});

const usersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/users',
  component: lazyRouteComponent(() => import('./features/account/users.page'), 'UsersPage'),
});

const routeTree = rootRoute.addChildren([
  accountRoute,
  usersRoute,
  reportsRoute,
  activitiesRoute,
  activityNewRoute,
  activityRoute,
  activityEditRoute,
  rulesRoute,
  remindersRoute,
  dashboardRoute,
  recordsRoute,
  partnershipsRoute,
  partnershipNewRoute,
  partnershipRoute,
  partnershipEditRoute,
  matchRoute,
  healthRoute,
  mapRoute,
  importRoute,
  newsRoute,
  contactsRoute,
  contactsSilentRoute,
  contactNewRoute,
  contactRoute,
  contactEditRoute,
  projectsRoute,
  projectNewRoute,
  projectRoute,
  projectEditRoute,
  programmesRoute,
  programmeRoute,
]);

export const router = createRouter({
  routeTree,
  parseSearch,
  stringifySearch,
  defaultPreload: 'intent',
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
