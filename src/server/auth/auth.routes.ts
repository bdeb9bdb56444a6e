/** /api/auth (sign in and out, who am I), /api/users (accounts), /api/tokens (API tokens). */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import {
  LoginSchema,
  PasswordChangeSchema,
  PasswordResetSchema,
  TokenCreateSchema,
  UserCreateSchema,
  UserUpdateSchema,
} from '../../shared/schemas/auth.js';
import {
  MeSchema,
  SessionSchema,
  type SessionView,
  TokenCreatedSchema,
  TokenSchema,
  UserSchema,
} from '../../shared/schemas/auth-view.js';
import { type Api, type AppEnv, actorOf } from '../http/app.js';
import { clientAddress, isHttps } from '../http/client.js';
import { errorResponses, IdParamSchema, jsonBody, jsonResponse } from '../http/openapi.js';
import { SESSION_COOKIE } from './auth.middleware.js';
import { changeOwnPassword } from './password.service.js';
import { login, logout, type SessionStart, startSession } from './session.service.js';
import { createApiToken, listApiTokens, revokeApiToken } from './token.service.js';
import {
  createUser,
  currentUserOf,
  findUserByName,
  getUser,
  listUsers,
  resetPassword,
  updateUser,
} from './user.service.js';

const tags = ['auth'];

const authErrors = { 401: errorResponses[401], 403: errorResponses[403] } as const;

function setSessionCookie(c: Context<AppEnv>, start: SessionStart): void {
  setCookie(c, SESSION_COOKIE, start.sessionId, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c),
    path: '/',
    expires: start.expiresAt,
  });
}

function sessionBody(start: SessionStart, demo: boolean): SessionView {
  return {
    user: currentUserOf(start.actor),
    csrfToken: start.csrfToken,
    expiresAt: start.expiresAt.toISOString(),
    demo,
  };
}

export function registerAuthRoutes(app: Api): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/login',
      tags,
      summary: 'Sign in with username and password; sets an httpOnly session cookie',
      request: jsonBody(LoginSchema),
      responses: {
        200: jsonResponse(SessionSchema, 'Signed in'),
        400: errorResponses[400],
        401: authErrors[401],
        403: authErrors[403],
        429: errorResponses[429],
      },
    }),
    async (c) => {
      const start = await login({ db: c.get('deps').handle.db, input: c.req.valid('json'), address: clientAddress(c) });
      setSessionCookie(c, start);
      return c.json(sessionBody(start, false), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/demo-sign-in',
      tags,
      summary: 'On a demo only: sign this browser in as the demo administrator',
      responses: { 200: jsonResponse(SessionSchema, 'Signed in as the demo user'), 404: errorResponses[404] },
    }),
    async (c) => {
      const { demoUsername, handle } = c.get('deps');
      const user = demoUsername ? await findUserByName(handle.db, demoUsername) : undefined;
      if (!user || user.disabled) throw new AppError('not_found', 'this deployment is not a demo');
      const start = await startSession(handle.db, user);
      setSessionCookie(c, start);
      return c.json(sessionBody(start, true), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/logout',
      tags,
      summary: 'Sign out: ends the session',
      responses: { 204: { description: 'Signed out' }, 403: authErrors[403] },
    }),
    async (c) => {
      const sessionId = getCookie(c, SESSION_COOKIE);
      if (sessionId) await logout(c.get('deps').handle.db, sessionId);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/auth/me',
      tags,
      summary: 'Who is signed in (user null when nobody is; on a demo the answer says a demo sign-in is offered)',
      responses: { 200: jsonResponse(MeSchema, 'The current user, or nobody') },
    }),
    async (c) => {
      const actor = c.get('actor');
      const deps = c.get('deps');
      // A visitor who is not signed in is a normal state of the web app, not a failed request.
      if (!actor) {
        return c.json(
          { user: null, csrfToken: null, expiresAt: null, demo: false, demoSignIn: !!deps.demoUsername },
          200,
        );
      }
      const sessionId = getCookie(c, SESSION_COOKIE);
      const bySession = actor.kind === 'user' && sessionId !== undefined;
      const csrfToken = bySession ? (c.get('csrfToken') ?? null) : null;
      const expiresAt = bySession ? (c.get('sessionExpiresAt')?.toISOString() ?? null) : null;
      return c.json(
        {
          user: currentUserOf(actor),
          csrfToken,
          expiresAt,
          demo: !!deps.demoUsername && actor.name === deps.demoUsername,
          demoSignIn: false,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/auth/password',
      tags,
      summary: 'Change your own password (your other sessions end)',
      request: jsonBody(PasswordChangeSchema),
      responses: {
        204: { description: 'Changed' },
        400: errorResponses[400],
        401: authErrors[401],
        403: authErrors[403],
      },
    }),
    async (c) => {
      await changeOwnPassword({
        db: c.get('deps').handle.db,
        actor: actorOf(c),
        input: c.req.valid('json'),
        keepSession: getCookie(c, SESSION_COOKIE),
      });
      return c.body(null, 204);
    },
  );

  // Accounts
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users',
      tags,
      summary: 'Accounts inside your scope (admins)',
      responses: {
        200: jsonResponse(z.object({ data: z.array(UserSchema) }), 'The accounts'),
        401: authErrors[401],
        403: authErrors[403],
      },
    }),
    async (c) => c.json({ data: await listUsers({ db: c.get('deps').handle.db, actor: actorOf(c) }) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users',
      tags,
      summary: 'Create an account inside your scope, at most your role (admins)',
      request: jsonBody(UserCreateSchema),
      responses: {
        201: jsonResponse(UserSchema, 'Created'),
        400: errorResponses[400],
        401: authErrors[401],
        403: authErrors[403],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(await createUser({ db: c.get('deps').handle.db, actor: actorOf(c), input: c.req.valid('json') }), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/users/{id}',
      tags,
      summary: 'One account (admins)',
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(UserSchema, 'The account'),
        401: authErrors[401],
        403: authErrors[403],
        404: errorResponses[404],
      },
    }),
    async (c) =>
      c.json(await getUser({ db: c.get('deps').handle.db, actor: actorOf(c), id: c.req.valid('param').id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/users/{id}',
      tags,
      summary: 'Change an account: name, role, scope, contacts permission, disabled (admins)',
      request: { params: IdParamSchema, ...jsonBody(UserUpdateSchema) },
      responses: {
        200: jsonResponse(UserSchema, 'Updated'),
        400: errorResponses[400],
        401: authErrors[401],
        403: authErrors[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await updateUser({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          id: c.req.valid('param').id,
          input: c.req.valid('json'),
        }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/users/{id}/password',
      tags,
      summary: "Set a user's password; ends their sessions and lifts a lock (admins)",
      request: { params: IdParamSchema, ...jsonBody(PasswordResetSchema) },
      responses: {
        200: jsonResponse(UserSchema, 'Password set'),
        400: errorResponses[400],
        401: authErrors[401],
        403: authErrors[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await resetPassword({
          db: c.get('deps').handle.db,
          actor: actorOf(c),
          id: c.req.valid('param').id,
          password: c.req.valid('json').password,
        }),
        200,
      ),
  );

  // API tokens
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/tokens',
      tags,
      summary: 'Your API tokens',
      responses: {
        200: jsonResponse(z.object({ data: z.array(TokenSchema) }), 'Your tokens'),
        401: authErrors[401],
        403: authErrors[403],
      },
    }),
    async (c) => c.json({ data: await listApiTokens({ db: c.get('deps').handle.db, actor: actorOf(c) }) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/tokens',
      tags,
      summary: 'Create an API token (shown once) with at most your role and scope',
      request: jsonBody(TokenCreateSchema),
      responses: {
        201: jsonResponse(TokenCreatedSchema, 'Created: keep the token, it is not shown again'),
        400: errorResponses[400],
        401: authErrors[401],
        403: authErrors[403],
      },
    }),
    async (c) => {
      const { token, view } = await createApiToken({
        db: c.get('deps').handle.db,
        actor: actorOf(c),
        input: c.req.valid('json'),
      });
      return c.json({ token, info: view }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/tokens/{id}',
      tags,
      summary: 'Revoke an API token',
      request: { params: IdParamSchema },
      responses: {
        200: jsonResponse(TokenSchema, 'Revoked'),
        401: authErrors[401],
        403: authErrors[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await revokeApiToken({ db: c.get('deps').handle.db, actor: actorOf(c), id: c.req.valid('param').id }),
        200,
      ),
  );
}
