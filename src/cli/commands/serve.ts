import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { countAdmins } from '../../server/auth/auth.repo.js';
import {
  isClusterWorker,
  parseWorkers,
  poolPerWorker,
  runClusterWorker,
  startClusterWorkers,
} from '../../server/cluster.js';
import { resolveHomeScope } from '../../server/config/config.routes.js';
import { type DbHandle, redactUrl } from '../../server/db/client.js';
import { readEnv } from '../../server/env.js';
import { WEB_DIST_DIR } from '../../server/http/static.js';
import { startServer } from '../../server/server.js';
import { CliError, openFromOptions } from '../context.js';

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`--port ${value}: give a whole number from 0 to 65535`, 2);
  }
  return port;
}

/**
 * How many server processes: --workers, else AMITY_WORKERS, else 1. More than one needs a
 * PostgreSQL server, which every process can reach; the embedded database cannot be shared.
 */
export function resolveWorkers(option: string | undefined, env: string | undefined, hasServer: boolean): number {
  const named = option !== undefined ? `--workers ${option}` : `AMITY_WORKERS=${env}`;
  const value = option ?? env;
  if (value === undefined) return 1;
  const workers = parseWorkers(value);
  if (workers === undefined) throw new CliError(`${named}: give a whole number from 1 to 64, or auto`, 2);
  if (workers > 1 && !hasServer) {
    throw new CliError(
      `${named}${value === 'auto' ? ` (${workers} server processes)` : ''} needs a PostgreSQL server: the embedded database (PGlite) ` +
        'lives inside one process and cannot be shared by several.\n' +
        '  Set DATABASE_URL=postgres://… to serve from a PostgreSQL server, or use --workers 1.',
      2,
    );
  }
  return workers;
}

type Banner = {
  url: string;
  location: string;
  lines: string[];
  home?: { code: string; nameZh: string; nameEn: string };
};

function printBanner({ url, location, lines, home }: Banner, publicRead: boolean, processes: number): void {
  for (const line of lines) console.log(line);
  console.log(
    publicRead
      ? 'Reading is open to visitors who are not signed in (AMITY_PUBLIC_READ=1); every change needs a sign-in.'
      : 'Every request needs a sign-in (set AMITY_PUBLIC_READ=1 to open reading to visitors).',
  );
  if (home) console.log(`Home scope: ${home.nameZh} ${home.nameEn} (${home.code})`);
  console.log(`Amity is serving ${location}`);
  if (existsSync(join(WEB_DIST_DIR, 'index.html'))) console.log(`  Web app:  ${url}/`);
  else console.log('  Web app:  not built yet: run `npm run build:web` (the API works meanwhile)');
  console.log(`  API:      ${url}/api/partnerships`);
  console.log(`  OpenAPI:  ${url}/api/openapi.json`);
  if (processes > 1) console.log(`  ${processes} server processes`);
  console.log('Press Ctrl+C to stop.');
}

function untilSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function portInUse(port: number) {
  return (error: NodeJS.ErrnoException): never => {
    if (error.code === 'EADDRINUSE') throw new CliError(`port ${port} is in use: stop what uses it or give --port`);
    throw error;
  };
}

/** Serves until SIGINT/SIGTERM, then closes the server and the database cleanly. */
export async function serveUntilStopped(
  handle: DbHandle,
  port: number,
  host: string,
  banner: string[] = [],
  homeScope: string | undefined = readEnv().AMITY_HOME_SCOPE,
  demoUsername?: string,
) {
  const publicRead = readEnv().AMITY_PUBLIC_READ === '1';
  // A mistyped AMITY_HOME_SCOPE stops the start with a message, rather than a broken web app later.
  const home = homeScope ? resolveHomeScope(homeScope) : undefined;
  const server = await startServer({
    handle,
    port,
    hostname: host,
    homeScope: home?.code,
    publicRead,
    demoUsername,
  }).catch(portInUse(port));
  const location = handle.driver === 'pglite' ? `the embedded database at ${handle.location}` : handle.location;
  printBanner({ url: server.url, location, lines: banner, home }, publicRead, 1);
  await untilSignal();
  // A second Ctrl+C (the listener is gone by now) stops at once; this one lets requests finish.
  const drained = await server.close();
  if (drained) await handle.close();
  await new Promise<void>((resolve) => server.logger.flush(() => resolve()));
  if (!drained) process.exit(0);
}

/**
 * Serves with several processes on a PostgreSQL server, which the caller has migrated: each worker
 * opens its own share of the pool. Until SIGINT/SIGTERM, then every worker closes and exits.
 */
export async function serveClusterUntilStopped(args: {
  url: string;
  workers: number;
  port: number;
  host: string;
  poolSize: number;
}): Promise<void> {
  const env = readEnv();
  const publicRead = env.AMITY_PUBLIC_READ === '1';
  const home = env.AMITY_HOME_SCOPE ? resolveHomeScope(env.AMITY_HOME_SCOPE) : undefined;
  const cluster = await startClusterWorkers(args.workers, {
    url: args.url,
    poolSize: poolPerWorker(args.poolSize, args.workers),
    replicaUrls: env.DATABASE_REPLICA_URLS,
    port: args.port,
    hostname: args.host,
    homeScope: home?.code,
    publicRead,
  }).catch(portInUse(args.port));
  printBanner({ url: cluster.url, location: redactUrl(args.url), lines: [], home }, publicRead, args.workers);
  await untilSignal();
  await cluster.stop();
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API (and the web app) on a port')
    .option('--port <n>', 'port to listen on (env PORT, default 3000)')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option(
      '--workers <n>',
      'server processes sharing the port, or auto for one per core (env AMITY_WORKERS, default 1; more needs DATABASE_URL)',
    )
    .action(async (options: { port?: string; host: string; workers?: string }, command: Command) => {
      // A worker of `--workers N` runs this same command: it only serves what its primary prepared.
      if (isClusterWorker()) return runClusterWorker();
      const env = readEnv();
      const port = parsePort(options.port, env.PORT);
      const workers = resolveWorkers(options.workers, env.AMITY_WORKERS, env.DATABASE_URL !== undefined);
      const handle = await openFromOptions(command);
      // Nobody could sign in to a deployment without an admin: say how to make the first one.
      if ((await countAdmins(handle.db)) === 0) {
        await handle.close();
        throw new CliError(
          'no admin account yet: create the first one with\n' +
            '  amity user add NAME --role admin --scope CODE   (CODE: your division, e.g. 430000; 000000 for all)\n' +
            'then run amity serve again',
        );
      }
      if (workers === 1 || !env.DATABASE_URL) return serveUntilStopped(handle, port, options.host);
      // Migrated, reference data loaded, an admin exists: the workers need nothing more from this pool.
      await handle.close();
      await serveClusterUntilStopped({
        url: env.DATABASE_URL,
        workers,
        port,
        host: options.host,
        poolSize: env.AMITY_DB_POOL,
      });
    });
}
