/** Starts the HTTP server on a port, serving the API (and, when built, the web app). */
import { type ServerType, serve } from '@hono/node-server';
import { createActorResolver } from './auth/auth.middleware.js';
import type { DbHandle } from './db/client.js';
import { createApp } from './http/app.js';
import { ROUTE_MODULES } from './http/routes.js';
import { registerWebApp, WEB_DIST_DIR } from './http/static.js';

const DRAIN_MS = 10_000;

export type RunningServer = {
  url: string;
  /** Stops accepting, then resolves once no request is still being handled (the pool can close). */
  close(): Promise<void>;
};

export async function startServer({
  handle,
  port,
  hostname = '127.0.0.1',
  homeScope,
  publicRead = false,
  demoUsername,
}: {
  handle: DbHandle;
  port: number;
  hostname?: string;
  homeScope?: string;
  publicRead?: boolean;
  demoUsername?: string;
}): Promise<RunningServer> {
  const app = createApp(
    { handle, homeScope, publicRead, demoUsername, resolveActor: createActorResolver({ publicRead }) },
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
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch, port, hostname }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${actualPort}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // At most DRAIN_MS: a request stuck on something else must not keep the process from stopping.
      if (running > 0)
        await new Promise<void>((resolve) => {
          idle = resolve;
          setTimeout(resolve, DRAIN_MS).unref();
        });
    },
  };
}
