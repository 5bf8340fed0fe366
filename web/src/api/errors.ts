/**
 * Why a call to the shouwang server failed:
 * - `network`:   no HTTP response at all (server down, connection refused);
 * - `timeout`:   no response within the client's deadline;
 * - `http`:      a response with a non-2xx status;
 * - `malformed`: a 2xx response whose body is not the documented JSON shape.
 */
export type ApiErrorKind = 'network' | 'timeout' | 'http' | 'malformed';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  /** Request path, e.g. "/api/v1/version". */
  path: string;
  /** Human-readable specifics, untranslated (server message, parser finding). */
  detail: string;
  /** HTTP status, present for `http` errors. */
  status?: number;
  /** Server's machine-readable error code from a `{code,message}` body, if any. */
  code?: string;
  /** Deadline that was exceeded, present for `timeout` errors. */
  timeoutMs?: number;
}

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly path: string;
  readonly detail: string;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly timeoutMs: number | undefined;

  constructor(init: ApiErrorInit) {
    super(`GET ${init.path}: ${describe(init)}`);
    this.name = 'ApiError';
    this.kind = init.kind;
    this.path = init.path;
    this.detail = init.detail;
    this.status = init.status;
    this.code = init.code;
    this.timeoutMs = init.timeoutMs;
  }
}

function describe(init: ApiErrorInit): string {
  switch (init.kind) {
    case 'network':
      return `network error: ${init.detail}`;
    case 'timeout':
      return `timed out after ${init.timeoutMs ?? '?'} ms`;
    case 'http':
      return `HTTP ${init.status ?? '?'}: ${init.detail}`;
    case 'malformed':
      return `malformed response: ${init.detail}`;
  }
}
