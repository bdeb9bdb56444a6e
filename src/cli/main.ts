/** Entry point of the `amity` command line. */
import { Command, CommanderError } from 'commander';
import { registerBackup } from './commands/backup.js';
import { registerDemo } from './commands/demo.js';
import { registerFigures } from './commands/figures.js';
import { registerHealth } from './commands/health.js';
import { registerImportCommands } from './commands/import.js';
import { registerLifecycle } from './commands/lifecycle.js';
import { registerMigrate } from './commands/migrate.js';
import { registerNews } from './commands/news.js';
import { registerReminders } from './commands/reminders.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerUserCommands } from './commands/user.js';
import { describeError } from './context.js';

const program = new Command('amity')
  .description('Amity: the registry of international friendship-city partnerships')
  .option('--db <dir>', 'data directory of the embedded database (env AMITY_DB; ignored when DATABASE_URL is set)')
  .showHelpAfterError()
  .exitOverride();

registerMigrate(program);
registerServe(program);
registerImportCommands(program);
registerDemo(program);
registerFigures(program);
registerHealth(program);
registerReminders(program);
registerReport(program);
registerLifecycle(program);
registerNews(program);
registerBackup(program);
registerUserCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  const { message, exitCode } = describeError(error);
  console.error(`amity: ${message}`);
  process.exit(exitCode);
}
