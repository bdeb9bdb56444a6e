/** Starts the HTTP server on a port, serving the API (and, when built, the web app). */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { createActorResolver } from './auth/auth.middleware.js';
import type { DbHandle } from './db/client.js';
import { readEnv } from './env.js';
import { createApp } from './http/app.js';
import { ROUTE_MODULES } from './http/routes.js';
import { registerWebApp, WEB_DIST_DIR } from './http/static.js';
import { createLogger, type Logger } from './ops/logger.js';
import { createMetrics } from './ops/metrics.js';

export type RunningServer = {
  url: string;
  logger: Logger;
  /**
   * Stops accepting and lets the requests in flight finish for at most AMITY_SHUTDOWN_SECONDS,
   * then closes every connection. True: all finished, close the database. False: some were still
   * running (an import, say) and were cut: leave the database unclosed and exit, so that their
   * transactions never commit — the server rolls them back, as PGlite does on its next open.
   */
  close(): Promise<boolean>;
};

export async function startServer({
  handle,
  port,
  hostname = '127.0.0.1',
  homeScope,
  publicRead = false,
  demoUsername,
  logger,
}: {
  handle: DbHandle;
  port: number;
  hostname?: string;
  homeScope?: string;
  publicRead?: boolean;
  demoUsername?: string;
  /** Default: AMITY_LOG_LEVEL's, on stdout. */
  logger?: Logger;
}): Promise<RunningServer> {
  const env = readEnv();
  const log = logger ?? createLogger({ level: env.AMITY_LOG_LEVEL });
  const metrics = env.AMITY_METRICS === '1' ? createMetrics(handle) : undefined;
  const shutdown = { draining: false };
  const app = createApp(
    {
      handle,
      homeScope,
      publicRead,
      demoUsername,
      resolveActor: createActorResolver({ publicRead }),
      logger: log,
      metrics,
      shutdown,
      baseMapFile: join(WEB_DIST_DIR, 'basemap.geojson'),
      openRateLimit: env.AMITY_OPEN_RATE_LIMIT,
      trustProxy: env.AMITY_TRUST_PROXY === '1',
    },
    ROUTE_MODULES,
  );
  registerWebApp(app, { root: WEB_DIST_DIR });
  // A request whose client went away is still running after its connection closed: counted here,
  // so that closing does not pull the database from under it.
  let running = 0;
  let idle: (() => void) | undefined;
  const fetch: typeof app.fetch = async (request, env, context) => {
    running += 1;
    try {
      return await app.fetch(request, env, context);
    } finally {
      running -= 1;
      if (running === 0) idle?.();
    }
  };
  // serve() makes an HTTP/1.1 server unless asked for HTTP/2.
  const server = (await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch, port, hostname }, () => resolve(s));
    s.once('error', reject);
  })) as Server;
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${actualPort}`;
  log.info({ url, database: handle.driver, metrics: metrics !== undefined }, 'listening');
  return {
    url,
    logger: log,
    close: async () => {
      shutdown.draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      log.info({ inFlight: running, boundSeconds: env.AMITY_SHUTDOWN_SECONDS }, 'shutting down');
      let drained = true;
      if (running > 0) {
        drained = await new Promise<boolean>((resolve) => {
          idle = () => resolve(true);
          setTimeout(() => resolve(false), env.AMITY_SHUTDOWN_SECONDS * 1000).unref();
        });
      }
      if (!drained) {
        log.warn({ inFlight: running }, 'requests still running at the bound: cut, their transactions roll back');
        server.closeAllConnections();
        return false;
      }
      // Answers still being written finish; keep-alive connections left idle would hold the server
      // open until their clients leave, so they are closed as they fall idle, the rest after 2 s.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const cut = setTimeout(() => server.closeAllConnections(), 2000);
      server.closeIdleConnections();
      await closed;
      clearInterval(sweep);
      clearTimeout(cut);
      log.info('stopped');
      return true;
    },
  };
}
