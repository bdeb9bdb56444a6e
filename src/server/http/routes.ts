/** Every feature's routes, in the order they are registered. */
import { registerActivityRoutes } from '../activities/activity.routes.js';
import { registerAuditRoutes } from '../audit/audit.routes.js';
import { registerAuthRoutes } from '../auth/auth.routes.js';
import { registerBenchmarkRoutes } from '../benchmarks/benchmark.routes.js';
import { registerConfigRoutes } from '../config/config.routes.js';
import { registerContactRoutes } from '../contacts/contact.routes.js';
import { registerDocumentRoutes } from '../documents/document.routes.js';
import { registerActivityFigureRoutes } from '../figures/activity-figures.routes.js';
import { registerFigureRoutes } from '../figures/figure.routes.js';
import { registerHealthRoutes } from '../health/health.routes.js';
import { registerImportRoutes } from '../imports/import.routes.js';
import { registerImportWizardRoutes } from '../imports/import-wizard.routes.js';
import { registerLifecycleRoutes } from '../lifecycle/lifecycle.routes.js';
import { registerMatchRoutes } from '../match/match.routes.js';
import { registerNewsRoutes } from '../news/news.routes.js';
import { registerOpenRoutes } from '../open/open.routes.js';
import { registerProbeRoutes } from '../ops/probes.routes.js';
import { registerPartnershipRoutes } from '../partnerships/partnership.routes.js';
import { registerPlaceRoutes } from '../places/place.routes.js';
import { registerProgrammeRoutes } from '../programmes/programme.routes.js';
import { registerProjectRoutes } from '../projects/project.routes.js';
import { registerReminderRoutes } from '../reminders/reminders.routes.js';
import { registerReportRoutes } from '../reports/report.routes.js';
import { registerRulesRoutes } from '../rules/rules.routes.js';
import type { RouteModule } from './app.js';

export const ROUTE_MODULES: readonly RouteModule[] = [
  registerProbeRoutes,
  registerConfigRoutes,
  registerAuthRoutes,
  registerAuditRoutes,
  registerPartnershipRoutes,
  registerPlaceRoutes,
  registerActivityRoutes,
  registerRulesRoutes,
  registerReminderRoutes,
  registerBenchmarkRoutes,
  registerFigureRoutes,
  registerHealthRoutes,
  registerActivityFigureRoutes,
  registerImportWizardRoutes,
  registerImportRoutes,
  registerContactRoutes,
  registerLifecycleRoutes,
  registerDocumentRoutes,
  registerProjectRoutes,
  registerProgrammeRoutes,
  registerReportRoutes,
  registerNewsRoutes,
  registerOpenRoutes,
  registerMatchRoutes,
];
