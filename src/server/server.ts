/** Starts the HTTP server on a port, serving the API (and, when built, the web app). */
import { type ServerType, serve } from '@hono/node-server';
import { createActorResolver } from './auth/auth.middleware.js';
import type { DbHandle } from './db/client.js';
import { createApp } from './http/app.js';
import { ROUTE_MODULES } from './http/routes.js';
import { registerWebApp, WEB_DIST_DIR } from './http/static.js';

export type RunningServer = { url: string; close(): Promise<void> };

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
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${actualPort}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
