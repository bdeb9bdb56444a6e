/**
 * The `amity` program and its commands. Each command's module — and everything it needs, the
 * database and the server included — is loaded only when that command runs: `amity --help` loads
 * none of them. A new command is one entry in COMMANDS.
 */
import { Command, CommanderError } from 'commander';

export type LazyCommand = {
  /** The word that runs it: `amity <name> …`. */
  name: string;
  /** The line `amity --help` shows; the same words as the command's own .description(). */
  summary: string;
  /** Loads the module and returns the function that registers the command (with its options). */
  load: () => Promise<(program: Command) => void>;
};

export const COMMANDS: LazyCommand[] = [
  {
    name: 'migrate',
    summary: 'apply database migrations and load reference data (done automatically by every command)',
    load: async () => (await import('./commands/migrate.js')).registerMigrate,
  },
  {
    name: 'serve',
    summary: 'serve the API (and the web app) on a port',
    load: async () => (await import('./commands/serve.js')).registerServe,
  },
  {
    name: 'import',
    summary: 'import partnerships, benchmarks or a country group from FILE (.csv, .xlsx or .json): all rows or none',
    load: async () => (await import('./commands/import.js')).registerImportCommands,
  },
  {
    name: 'imports',
    summary: 'the latest imports, newest first, with whether each was undone',
    load: async () => (await import('./commands/import.js')).registerImportCommands,
  },
  {
    name: 'undo-import',
    summary: 'undo a partnership import as a whole: its new pairs removed, its changes put back',
    load: async () => (await import('./commands/import.js')).registerImportCommands,
  },
  {
    name: 'export',
    summary: 'write partnerships to FILE (.csv, .xlsx or .json) in the format `amity import` reads',
    load: async () => (await import('./commands/export.js')).registerExport,
  },
  {
    name: 'template',
    summary: 'write a blank import template to FILE (.csv or .xlsx; the XLSX explains every column)',
    load: async () => (await import('./commands/import.js')).registerImportCommands,
  },
  {
    name: 'demo',
    summary: 'start afresh on an embedded demo database with the Hunan demo data, then serve it',
    load: async () => (await import('./commands/demo.js')).registerDemo,
  },
  {
    name: 'figures',
    summary: 'the figures of a scope as of a date: totals by level, countries, continents, groups, pace, rank',
    load: async () => (await import('./commands/figures.js')).registerFigures,
  },
  {
    name: 'match',
    summary: 'suggested partners for a Chinese division, each with its score and reasons',
    load: async () => (await import('./commands/match.js')).registerMatch,
  },
  {
    name: 'health',
    summary: 'partnerships by suggested status (active, at risk, dormant); --dormant: those dormant on paper',
    load: async () => (await import('./commands/health.js')).registerHealth,
  },
  {
    name: 'reminders',
    summary: 'anniversaries (5th, 10th, 15th…) coming up, and partnerships with no activity for N years',
    load: async () => (await import('./commands/reminders.js')).registerReminders,
  },
  {
    name: 'report',
    summary: 'the annual work report of a scope as of a date, every figure computed from the records',
    load: async () => (await import('./commands/report.js')).registerReport,
  },
  {
    name: 'lifecycle',
    summary: "a partnership's life cycle: stage, allowed moves, approvals, history; --move records one move",
    load: async () => (await import('./commands/lifecycle.js')).registerLifecycle,
  },
  {
    name: 'news',
    summary: 'published reports: read their figures and check them',
    load: async () => (await import('./commands/news.js')).registerNews,
  },
  {
    name: 'export-open',
    summary: 'write the published partnerships to DIR as an open-data package (Frictionless, XLSX, JSON-LD)',
    load: async () => (await import('./commands/open-data.js')).registerExportOpen,
  },
  {
    name: 'import-open',
    summary: 'read an open-data package (its folder or zip) into an empty database, all or nothing',
    load: async () => (await import('./commands/open-data.js')).registerImportOpen,
  },
  {
    name: 'wikidata',
    summary: 'beside a Wikidata P190 extract: QuickStatements of what it lacks, the differences, item matches',
    load: async () => (await import('./commands/wikidata.js')).registerWikidata,
  },
  {
    name: 'backup',
    summary: 'write every record of this database (not the shipped reference data) to FILE (gzip JSON lines)',
    load: async () => (await import('./commands/backup.js')).registerBackup,
  },
  {
    name: 'restore',
    summary: 'restore a backup made by `amity backup` into an empty database, all or nothing',
    load: async () => (await import('./commands/backup.js')).registerBackup,
  },
  {
    name: 'user',
    summary: 'accounts: add, list, disable, enable, reset-password',
    load: async () => (await import('./commands/user.js')).registerUserCommands,
  },
  {
    name: 'token',
    summary: 'API tokens for scripts: create, list, revoke',
    load: async () => (await import('./commands/user.js')).registerUserCommands,
  },
];

export function createProgram(): Command {
  return new Command('amity')
    .description('Amity: the registry of international friendship-city partnerships')
    .option('--db <dir>', 'data directory of the embedded database (env AMITY_DB; ignored when DATABASE_URL is set)')
    .showHelpAfterError()
    .exitOverride();
}

/**
 * The command named on the command line (`amity --db D figures …` → figures; `amity help figures`
 * → figures), skipping the global options and their values; undefined when none is named.
 */
export function findCommandName(program: Command, args: string[]): string | undefined {
  const withValue = new Set(
    program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short].filter(Boolean)),
  );
  const words: string[] = [];
  for (let i = 0; i < args.length && words.length < 2; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (withValue.has(arg)) i++;
      continue;
    }
    words.push(arg);
  }
  return words[0] === 'help' ? words[1] : words[0];
}

/**
 * Registers what this run needs: the named command in full, or — for `amity --help`, a bare
 * `amity` or a mistyped name — every command by its summary only, for the list and suggestions.
 */
export async function registerCommands(program: Command, args: string[]): Promise<void> {
  const entry = COMMANDS.find((c) => c.name === findCommandName(program, args));
  if (entry) {
    (await entry.load())(program);
    return;
  }
  for (const command of COMMANDS) program.command(command.name).description(command.summary);
}

/**
 * Runs `amity ARGS` in this process: the command's code when the run failed or asked to exit
 * (commander's usage errors and --help, a failure as one line `amity: …` on stderr), undefined when
 * the command finished — a server it started keeps running. main.ts exits with the code; tests call
 * it to run a command without starting a process.
 */
export async function runProgram(args: string[]): Promise<number | undefined> {
  const program = createProgram();
  try {
    await registerCommands(program, args);
    await program.parseAsync(args, { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    // Loaded only on failure: it brings the database's error types with it.
    const { describeError } = await import('./context.js');
    const { message, exitCode } = describeError(error);
    console.error(`amity: ${message}`);
    return exitCode;
  }
}
