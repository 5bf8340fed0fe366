import { ApiError } from './errors';
import { parseJsonText, type FetchLike } from './client';

/** The `{code, message, field?}` body of every API refusal. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  field?: string;
}

/** A refusal by the server (HTTP 4xx/5xx with `{code, message, field?}`). */
export class RequestRefused extends Error {
  readonly refusal: Refusal;
  constructor(method: string, path: string, refusal: Refusal) {
    super(`${method} ${path}: ${refusal.status} ${refusal.code}: ${refusal.message}`);
    this.name = 'RequestRefused';
    this.refusal = refusal;
  }
}

export const REQUEST_TIMEOUT_MS = 10_000;

/**
 * JSON over HTTP to the console's own origin, as a logged-in console: the session cookie
 * goes by itself, the CSRF token is added to every state-changing request.
 *
 * Contract: a 2xx answer resolves with its parsed body; a 4xx/5xx answer rejects with
 * `RequestRefused` carrying the server's `{code, message, field}`; no answer rejects with
 * an `ApiError` of kind `network` or `timeout`.
 */
export class Http {
  private csrf = '';
  private readonly fetchImpl: FetchLike;
  private readonly workstation: string;

  constructor(options: { fetch?: FetchLike; workstation?: string } = {}) {
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.workstation = options.workstation ?? '';
  }

  setCsrfToken(token: string): void {
    this.csrf = token;
  }

  get<T = unknown>(path: string, params?: Readonly<Record<string, string | number | undefined>>): Promise<T> {
    return this.request<T>('GET', withQuery(path, params));
  }

  post<T = unknown>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrf !== '') headers['X-CSRF-Token'] = this.csrf;
    if (this.workstation !== '') headers['X-Workstation'] = this.workstation;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, REQUEST_TIMEOUT_MS);
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(path, {
        method,
        headers,
        cache: 'no-store',
        credentials: 'same-origin',
        signal: controller.signal,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      text = await response.text();
    } catch (cause) {
      if (timedOut) throw new ApiError({ kind: 'timeout', path, detail: 'no response', timeoutMs: REQUEST_TIMEOUT_MS });
      throw new ApiError({ kind: 'network', path, detail: cause instanceof Error ? cause.message : String(cause) });
    } finally {
      clearTimeout(timer);
    }
    if (!response.ok) throw new RequestRefused(method, path, refusalOf(response, text));
    return (text === '' ? {} : parseJsonText(text, path)) as T;
  }
}

export function withQuery(path: string, params?: Readonly<Record<string, string | number | undefined>>): string {
  if (!params) return path;
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The refusal of a 4xx/5xx answer: the server's `{code, message, field}`, else its status line. */
export function refusalOf(response: Response, text: string): Refusal {
  const refusal: Refusal = { status: response.status, code: 'http_' + response.status, message: response.statusText };
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (typeof body.code === 'string') refusal.code = body.code;
    if (typeof body.message === 'string') refusal.message = body.message;
    if (typeof body.field === 'string') refusal.field = body.field;
  } catch {
    // Not JSON (a proxy's page): keep the status line.
  }
  return refusal;
}

/** The text a console shows for a failed request. */
export function failureText(error: unknown): string {
  if (error instanceof RequestRefused) {
    const { message, field } = error.refusal;
    return field ? `${message} (${field})` : message;
  }
  if (error instanceof ApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
