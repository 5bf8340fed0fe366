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

/**
 * `GET /api/v1/city` → the city whose data the server was started with:
 * `{"name":"南陵市","name_en":"Nanling","code":"991500",
 *   "bbox":[min_lon,min_lat,max_lon,max_lat],"centre":[lon,lat]}` (WGS84 degrees).
 */
export interface CityInfo {
  /** Chinese name, e.g. "南陵市". */
  name: string;
  /** Latin (pinyin) name, e.g. "Nanling". */
  nameEn: string;
  /** Administrative division code, e.g. "991500". */
  code: string;
  /** `[minLon, minLat, maxLon, maxLat]`. */
  bbox: readonly [number, number, number, number];
  /** `[lon, lat]`. */
  centre: readonly [number, number];
}

export const HEALTH_PATH = '/healthz';
export const VERSION_PATH = '/api/v1/version';
export const CITY_PATH = '/api/v1/city';
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
  /**
   * The loaded city, or `null` when the server runs without city data
   * (`{"loaded":false}`). Any failure rejects with an `ApiError`.
   */
  city(): Promise<CityInfo | null>;
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
    city: async () => {
      const body = await getJson(fetchImpl, CITY_PATH, timeoutMs);
      if (isRecord(body) && body.loaded === false) return null;
      return parseCity(body, CITY_PATH);
    },
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

export function parseCity(body: unknown, path: string = CITY_PATH): CityInfo {
  const record = requireObject(body, path);
  const name = requireString(record, 'name', path);
  const nameEn = requireString(record, 'name_en', path);
  const code = requireString(record, 'code', path);

  const [minLon, minLat, maxLon, maxLat] = requireNumbers(record, 'bbox', 4, path);
  requireLongitude(minLon, 'bbox', path);
  requireLongitude(maxLon, 'bbox', path);
  requireLatitude(minLat, 'bbox', path);
  requireLatitude(maxLat, 'bbox', path);
  if (minLon > maxLon || minLat > maxLat) {
    throw new ApiError({
      kind: 'malformed',
      path,
      detail: 'field "bbox" must be [min_lon, min_lat, max_lon, max_lat] with min ≤ max',
    });
  }

  const [lon, lat] = requireNumbers(record, 'centre', 2, path);
  requireLongitude(lon, 'centre', path);
  requireLatitude(lat, 'centre', path);

  return { name, nameEn, code, bbox: [minLon, minLat, maxLon, maxLat], centre: [lon, lat] };
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

/** An array of exactly `count` finite numbers. */
function requireNumbers(record: Record<string, unknown>, field: string, count: 2, path: string): [number, number];
function requireNumbers(
  record: Record<string, unknown>,
  field: string,
  count: 4,
  path: string,
): [number, number, number, number];
function requireNumbers(record: Record<string, unknown>, field: string, count: number, path: string): number[] {
  const value = record[field];
  if (
    !Array.isArray(value) ||
    value.length !== count ||
    !value.every((item): item is number => typeof item === 'number' && Number.isFinite(item))
  ) {
    throw new ApiError({ kind: 'malformed', path, detail: `field "${field}" must be an array of ${count} finite numbers` });
  }
  return value;
}

function requireLongitude(value: number, field: string, path: string): void {
  if (value < -180 || value > 180) {
    throw new ApiError({ kind: 'malformed', path, detail: `field "${field}" has longitude ${value} outside [-180, 180]` });
  }
}

function requireLatitude(value: number, field: string, path: string): void {
  if (value < -90 || value > 90) {
    throw new ApiError({ kind: 'malformed', path, detail: `field "${field}" has latitude ${value} outside [-90, 90]` });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
