/**
 * The one error type of the platform. Codes are stable (clients switch on them); each maps to one
 * HTTP status and to a message in both languages (see messages.ts).
 */
export const ERROR_CODES = [
  'not_found',
  'validation_failed',
  'conflict',
  'forbidden',
  'unauthenticated',
  'rate_limited',
  'payload_too_large',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const HTTP_STATUS: Record<ErrorCode, number> = {
  not_found: 404,
  validation_failed: 400,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  rate_limited: 429,
  payload_too_large: 413,
  unavailable: 503,
  internal: 500,
};

/** One problem with one field (or one cell of an imported file). */
export type FieldIssue = {
  /** Dotted path of the field, e.g. "establishedOn" or "filters.year". */
  path: string;
  /** Message in English; clients translate by `rule` where they can. */
  message: string;
  /** Stable machine name of the broken rule, e.g. "required", "unknown_country". */
  rule?: string;
  value?: unknown;
  /** How to fix it. */
  fix?: string;
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: { issues?: FieldIssue[]; [key: string]: unknown };

  constructor(code: ErrorCode, message: string, details: AppError['details'] = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function notFound(what: string, id: string | number): AppError {
  return new AppError('not_found', `${what} ${id} does not exist`, { what, id });
}

export function validationFailed(issues: FieldIssue[]): AppError {
  const first = issues[0];
  const message = first ? `${first.path}: ${first.message}` : 'invalid input';
  return new AppError('validation_failed', message, { issues });
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
