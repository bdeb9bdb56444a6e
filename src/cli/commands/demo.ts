/**
 * `amity demo`: a fresh embedded database with the Hunan demo data, then the API on a port.
 *
 * The demo always uses its own embedded (PGlite) database, never DATABASE_URL: it deletes and
 * recreates its data directory on every start, which must never happen to a server database.
 * It deletes only a directory it made itself (marked with DEMO_MARKER), an empty one, or, with
 * --force, another embedded database.
 */
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { assertDataDirFree } from '../../server/db/data-dir-lock.js';
import { openDatabase } from '../../server/db/open.js';
import { type DemoSummary, loadDemo } from '../../server/demo/demo.service.js';
import { createDemoAccounts, DEMO_ADMIN, type DemoAccount } from '../../server/demo/demo-accounts.js';
import { readEnv } from '../../server/env.js';
import { CliError, DEMO_DB_DIR, globalOptions } from '../context.js';
import { parsePort, serveUntilStopped } from './serve.js';

export const DEFAULT_DEMO_DIR = DEMO_DB_DIR;
/** A file `amity demo` leaves in its data directory, so that it can tell its own from a user's. */
export const DEMO_MARKER = 'AMITY_DEMO';

type DemoOptions = { port?: string; host: string; force?: boolean };

/**
 * Empties the demo data directory, refusing whatever does not look like a demo database:
 * a file, a non-empty directory that is not a PGlite data directory, or (without force) an
 * embedded database that `amity demo` did not make.
 */
export function prepareDemoDir(dir: string, { force = false }: { force?: boolean } = {}): void {
  if (dir.startsWith('memory://')) return;
  const path = resolve(dir);
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    throw new CliError(`--db ${dir}: this is a file, not a database directory; give a new or empty directory`);
  }
  const entries = readdirSync(path);
  if (entries.length === 0) return;
  // Never from under a process that has it open (a running `amity demo`, a command).
  assertDataDirFree(dir);
  if (!entries.includes('PG_VERSION')) {
    throw new CliError(
      `--db ${dir}: the directory is not empty and is not an embedded database (no PG_VERSION); ` +
        'refusing to delete it. Give a new or empty directory',
    );
  }
  if (!entries.includes(DEMO_MARKER) && !force) {
    throw new CliError(
      `--db ${dir}: this embedded database was not made by \`amity demo\`; refusing to delete it. ` +
        'Give another directory, or add --force to replace it with the demo',
    );
  }
  rmSync(path, { recursive: true, force: true });
}

/** The lines printed above the server's own: what the data is and how far it is from the published total. */
export function demoBanner(summary: Omit<DemoSummary, 'reports'>): string[] {
  const { province, recordsHeld, heldByLevel, published, publishedByLevel, gap } = summary;
  const lines = [
    `DEMO DATA — ${province.nameEn} ${province.nameZh} (${province.code}): only sourced records, each with its source;`,
    '  nothing is invented, so the registry holds fewer pairs than were published (see data/demo/README.md).',
  ];
  if (published) {
    lines.push(`  records held: ${recordsHeld}; published total: ${published.total} (${published.asOf}); gap: ${gap}`);
  } else {
    lines.push(`  records held: ${recordsHeld}; no published total loaded`);
  }
  if (summary.activities) {
    lines.push(
      `  plus ${summary.activities.activities} illustrative activities and example rules, marked 示例 / isDemo (data/demo/activities.json)`,
    );
  }
  if (publishedByLevel) {
    const level = (held: number, of: number | null) => `${held} of ${of}`;
    lines.push(
      `  by level, held vs published ${publishedByLevel.asOf} (total ${publishedByLevel.total}): ` +
        `provincial ${level(heldByLevel.provincial, publishedByLevel.provincial)}, ` +
        `city ${level(heldByLevel.city, publishedByLevel.city)}, ` +
        `county ${level(heldByLevel.county, publishedByLevel.county)}`,
    );
  }
  return lines;
}

/** The demo's accounts and passwords, printed so anyone can sign in as them. */
export function demoAccountLines(accounts: DemoAccount[]): string[] {
  return [
    'DEMO ACCOUNTS — this browser is signed in as the demo admin automatically; to try the others, sign out:',
    ...accounts.map(
      (a) =>
        `  ${a.username.padEnd(10)} ${a.password}   ${a.role}, scope ${a.scopeCode}${a.canSeeContacts ? ', sees contacts' : ''} — ${a.note}`,
    ),
  ];
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('start afresh on an embedded demo database with the Hunan demo data, then serve it')
    .option('--port <n>', 'port to listen on (env PORT, default 3000)')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--force', 'replace an embedded database that `amity demo` did not make')
    .addHelpText(
      'after',
      `\nThe demo database lives in ${DEFAULT_DEMO_DIR} (or --db DIR) and is deleted and recreated on each start.\n` +
        'It is always embedded: DATABASE_URL is ignored, so a server database is never touched.',
    )
    .action(async (options: DemoOptions, command: Command) => {
      const env = readEnv();
      const port = parsePort(options.port, env.PORT);
      const dir = globalOptions(command).db ?? DEFAULT_DEMO_DIR;
      if (env.DATABASE_URL)
        console.log('amity demo: DATABASE_URL is ignored; the demo uses its own embedded database.');
      prepareDemoDir(dir, { force: options.force });
      const handle = await openDatabase({ dataDir: dir });
      let banner: string[];
      try {
        if (!dir.startsWith('memory://')) writeFileSync(join(resolve(dir), DEMO_MARKER), 'made by amity demo\n');
        banner = demoBanner(await loadDemo({ db: handle.db }));
        banner.push(...demoAccountLines(await createDemoAccounts(handle.db, env.AMITY_DEMO_PASSWORD)));
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
      // The demo is Hunan's: the web app opens on the province unless AMITY_HOME_SCOPE says otherwise.
      await serveUntilStopped(handle, port, options.host, banner, readEnv().AMITY_HOME_SCOPE ?? '430000', DEMO_ADMIN);
    });
}
