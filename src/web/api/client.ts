/**
 * The one way the web app talks to /api: JSON in and out, every failure an ApiError carrying the
 * server's stable code and field issues, messages in the language the user reads.
 */
import type { FieldIssue } from '../../shared/errors';
import type { Language } from '../../shared/messages';

let language: Language = 'zh-CN';

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** The session's CSRF token, sent as X-CSRF-Token with every change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone (401), so the app can ask to sign in again. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

/** Sent as Accept-Language so error messages come back in the user's language. */
export function setApiLanguage(lang: Language): void {
  language = lang;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** Query parameters: arrays become comma-separated lists, empty values are left out. */
export type Params = Record<string, string | number | boolean | readonly (string | number)[] | null | undefined>;

export function toQueryString(params: Params | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function apiUrl(path: string, params?: Params): string {
  return `/api${path}${toQueryString(params)}`;
}

async function parseError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: string; message?: string; issues?: FieldIssue[] } } | undefined)?.error;
  return new ApiError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? response.statusText,
    error?.issues ?? [],
    body,
  );
}

export async function request<T>(
  method: string,
  path: string,
  {
    params,
    json,
    body,
    signal,
    headers,
  }: {
    params?: Params;
    json?: unknown;
    body?: BodyInit;
    signal?: AbortSignal;
    headers?: Record<string, string>;
  } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), {
      method,
      signal,
      headers: {
        Accept: 'application/json',
        'Accept-Language': language,
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(method !== 'GET' && csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
        ...headers,
      },
      body: json === undefined ? body : JSON.stringify(json),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (!response.ok) {
    const error = await parseError(response);
    if (error.status === 401 && !path.startsWith('/auth/')) onUnauthenticated?.();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** A file from the API (a POST that answers with a workbook, say), with the same headers and errors. */
export async function requestBlob(
  method: string,
  path: string,
  { params, body }: { params?: Params; body?: BodyInit } = {},
) {
  const response = await fetch(apiUrl(path, params), {
    method,
    headers: { 'Accept-Language': language, ...(method !== 'GET' && csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
    body,
  }).catch((error: Error) => {
    throw new ApiError(0, 'network', error.message);
  });
  if (!response.ok) throw await parseError(response);
  return response.blob();
}

/** Hands a file to the browser to save. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const api = {
  get: <T>(path: string, params?: Params, signal?: AbortSignal) => request<T>('GET', path, { params, signal }),
  post: <T>(path: string, json: unknown, params?: Params) => request<T>('POST', path, { json, params }),
  patch: <T>(path: string, json: unknown) => request<T>('PATCH', path, { json }),
  delete: (path: string, params?: Params) => request<void>('DELETE', path, { params }),
};
