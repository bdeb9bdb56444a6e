/**
 * Who is on the other end of a request: the visitor's address and whether they came over https.
 * Behind a reverse proxy of the deployment's own (AMITY_TRUST_PROXY=1) the socket is the proxy's,
 * so both come from the headers it sets: the last address of X-Forwarded-For (the one the proxy
 * itself saw; earlier ones are the client's to write) and X-Forwarded-Proto. Without it those
 * headers are ignored, since any client could send them.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from './app.js';

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not a socket: an in-process request
  }
}

/** The visitor's address, or undefined for an in-process request. */
export function clientAddressOf(c: Context<AppEnv>): string | undefined {
  if (c.get('deps').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress(c);
}

/** The visitor's address for limits and logs: 'unknown' when there is no socket. */
export function clientAddress(c: Context<AppEnv>): string {
  return clientAddressOf(c) ?? 'unknown';
}

export function isLoopback(address: string | undefined): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}

/** Whether the visitor's connection is https: the session cookie is Secure then. */
export function isHttps(c: Context<AppEnv>): boolean {
  const deps = c.get('deps');
  if (deps.secureCookies !== undefined) return deps.secureCookies;
  if (deps.trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto) return proto === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}
