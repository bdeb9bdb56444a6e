import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { countAdmins } from '../../server/auth/auth.repo.js';
import { resolveHomeScope } from '../../server/config/config.routes.js';
import type { DbHandle } from '../../server/db/client.js';
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
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new CliError(`port ${port} is in use: stop what uses it or give --port`);
    throw error;
  });
  for (const line of banner) console.log(line);
  console.log(
    publicRead
      ? 'Reading is open to visitors who are not signed in (AMITY_PUBLIC_READ=1); every change needs a sign-in.'
      : 'Every request needs a sign-in (set AMITY_PUBLIC_READ=1 to open reading to visitors).',
  );
  if (home) console.log(`Home scope: ${home.nameZh} ${home.nameEn} (${home.code})`);
  console.log(
    `Amity is serving ${handle.driver === 'pglite' ? `the embedded database at ${handle.location}` : handle.location}`,
  );
  if (existsSync(join(WEB_DIST_DIR, 'index.html'))) console.log(`  Web app:  ${server.url}/`);
  else console.log('  Web app:  not built yet: run `npm run build:web` (the API works meanwhile)');
  console.log(`  API:      ${server.url}/api/partnerships`);
  console.log(`  OpenAPI:  ${server.url}/api/openapi.json`);
  console.log('Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await handle.close();
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the API (and the web app) on a port')
    .option('--port <n>', 'port to listen on (env PORT, default 3000)')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .action(async (options: { port?: string; host: string }, command: Command) => {
      const port = parsePort(options.port, readEnv().PORT);
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
      await serveUntilStopped(handle, port, options.host);
    });
}
