/**
 * Turns a request into its actor: an API token (Authorization: Bearer …), else the session cookie,
 * else — on a deployment opened with AMITY_PUBLIC_READ=1 — an anonymous reader, else nobody.
 * A change made with a session cookie must carry the session's CSRF token in X-CSRF-Token.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../../shared/errors.js';
import type { AppEnv } from '../http/app.js';
import { type Actor, ANONYMOUS_READER } from './actor.js';
import { resolveSession, resolveToken } from './session.service.js';

export const SESSION_COOKIE = 'amity_session';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that start a session rather than act within one need no CSRF token. */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/demo-sign-in']);

export function createActorResolver(options: { publicRead: boolean }) {
  return async (c: Context<AppEnv>): Promise<Actor | null> => {
    const db = c.get('deps').handle.db;
    const authorization = c.req.header('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match?.[1]) {
        throw new AppError('unauthenticated', 'the Authorization header must be "Bearer <token>"');
      }
      return resolveToken(db, match[1]);
    }
    const sessionId = getCookie(c, SESSION_COOKIE);
    if (sessionId) {
      const session = await resolveSession(db, sessionId);
      if (session) {
        if (!SAFE_METHODS.has(c.req.method) && !CSRF_EXEMPT.has(c.req.path)) {
          if (c.req.header(CSRF_HEADER) !== session.csrfToken) {
            throw new AppError('forbidden', 'this change lacks the CSRF token of your session', {
              fix: 'reload the page; scripts should use an API token instead of a cookie',
            });
          }
        }
        c.set('csrfToken', session.csrfToken);
        c.set('sessionExpiresAt', session.expiresAt);
        return session.actor;
      }
    }
    return options.publicRead ? ANONYMOUS_READER : null;
  };
}
