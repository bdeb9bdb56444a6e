/** Turns every failure into the one JSON error shape, in the caller's language. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError, type FieldIssue, validationFailed } from '../../shared/errors.js';
import { errorMessage, pickLanguage } from '../../shared/messages.js';

export type ErrorBody = {
  error: { code: string; message: string; detail?: string; issues?: FieldIssue[]; [key: string]: unknown };
};

export function issuesFromZod(error: ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: issue.message,
    rule: issue.code,
  }));
}

/**
 * Connection failures of a database driver: the server is down, restarting or shutting down, the
 * connection was cut (pg_terminate_backend, a restart, the network) or the pool cannot connect.
 * SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin/crash shutdown, cannot connect now).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

export function isUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: string }).code ?? '';
    const message = (e as { message?: string }).message ?? '';
    if (UNAVAILABLE_CODES.has(code)) return true;
    if (/Connection terminated|connection.*closed|timeout exceeded when trying to connect|not queryable/i.test(message))
      return true;
  }
  return false;
}

/** The SQLSTATE of a database error, also when Drizzle wrapped it. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationFailed(issuesFromZod(error));
  // Hono's validator throws this for a body that is not JSON at all (empty, cut, '{').
  if (error instanceof HTTPException && error.status === 400) {
    return validationFailed([{ path: '(body)', message: error.message, rule: 'malformed_body' }]);
  }
  // PostgreSQL text cannot hold U+0000 (NUL): bad input, whichever field it came in.
  if (sqlState(error) === '22021') {
    return validationFailed([
      {
        path: '(body)',
        rule: 'control_character',
        message: 'a text holds a NUL character (U+0000), which cannot be stored',
        fix: 'remove the character',
      },
    ]);
  }
  if (isUnavailable(error)) {
    return new AppError(
      'unavailable',
      'the database server cannot be reached or dropped the connection (it may be restarting)',
      { retryable: true, fix: 'try again in a few seconds' },
    );
  }
  return new AppError('internal', 'internal error');
}

export function errorResponse(c: Context, error: unknown) {
  // A 500 or a 503 is written to the log with its stack by the request log (ops/observe.ts).
  const appError = toAppError(error);
  const lang = pickLanguage(c.req.query('lang') ?? c.req.header('accept-language'));
  const { issues, ...rest } = appError.details;
  const body: ErrorBody = {
    error: {
      code: appError.code,
      message: errorMessage(lang, appError.code),
      ...(appError.code === 'internal' ? {} : { detail: appError.message }),
      ...(issues ? { issues } : {}),
      ...(appError.code === 'internal' ? {} : rest),
    },
  };
  // A lost database is temporary: say when to ask again.
  if (appError.code === 'unavailable') c.header('Retry-After', '2');
  return c.json(body, appError.status as ContentfulStatusCode);
}
