import { ApiError } from './errors';

/** `GET /healthz` → `{"status":"ok"}`; any other status string means unhealthy. */
export interface Health {
  status: string;
}

/** `GET /api/v1/version` → `{"name":"shouwang","version":"0.1.0","api":"v1"}`. */
export interface VersionInfo {
  name: string;
  version: string;
  api: string;
}

export const HEALTH_PATH = '/healthz';
export const VERSION_PATH = '/api/v1/version';
export const DEFAULT_TIMEOUT_MS = 5000;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Defaults to the global fetch; requests go to the page's own origin. */
  fetch?: FetchLike;
  timeoutMs?: number;
}

export interface ApiClient {
  health(): Promise<Health>;
  version(): Promise<VersionInfo>;
}

/**
 * Client for the shouwang server's status endpoints. Every failure surfaces as
 * an `ApiError`; a resolved promise always carries a fully validated value.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return {
    health: async () => parseHealth(await getJson(fetchImpl, HEALTH_PATH, timeoutMs), HEALTH_PATH),
    version: async () => parseVersion(await getJson(fetchImpl, VERSION_PATH, timeoutMs), VERSION_PATH),
  };
}

async function getJson(fetchImpl: FetchLike, path: string, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(path, {
        method: 'GET',
        headers: { Accept: 'application/json' },
        cache: 'no-store',
        signal: controller.signal,
      });
      text = await response.text();
    } catch (cause) {
      if (timedOut) throw new ApiError({ kind: 'timeout', path, detail: 'no response', timeoutMs });
      throw new ApiError({ kind: 'network', path, detail: errorText(cause) });
    }
    if (!response.ok) throw httpError(path, response, text);
    return parseJsonText(text, path);
  } finally {
    clearTimeout(timer);
  }
}

/** Builds the error for a non-2xx answer, using the server's `{code,message}` body when present. */
function httpError(path: string, response: Response, text: string): ApiError {
  let detail = response.statusText || 'request failed';
  let code: string | undefined;
  try {
    const body: unknown = JSON.parse(text);
    if (isRecord(body)) {
      if (typeof body.message === 'string' && body.message !== '') detail = body.message;
      if (typeof body.code === 'string' && body.code !== '') code = body.code;
    }
  } catch {
    // Not JSON: keep the status text.
  }
  return new ApiError({ kind: 'http', path, status: response.status, detail, ...(code ? { code } : {}) });
}

export function parseJsonText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    const preview = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    throw new ApiError({
      kind: 'malformed',
      path,
      detail: `body is not valid JSON (${errorText(cause)}): ${JSON.stringify(preview)}`,
    });
  }
}

export function parseHealth(body: unknown, path: string = HEALTH_PATH): Health {
  const record = requireObject(body, path);
  return { status: requireString(record, 'status', path) };
}

export function parseVersion(body: unknown, path: string = VERSION_PATH): VersionInfo {
  const record = requireObject(body, path);
  return {
    name: requireString(record, 'name', path),
    version: requireString(record, 'version', path),
    api: requireString(record, 'api', path),
  };
}

function requireObject(body: unknown, path: string): Record<string, unknown> {
  if (!isRecord(body)) {
    const got = body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body;
    throw new ApiError({ kind: 'malformed', path, detail: `expected a JSON object, got ${got}` });
  }
  return body;
}

function requireString(record: Record<string, unknown>, field: string, path: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ApiError({ kind: 'malformed', path, detail: `field "${field}" must be a non-empty string` });
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
