import { describe, expect, it, vi } from 'vitest';
import { createApiClient, parseCity, parseHealth, parseVersion, type FetchLike } from './client';
import { ApiError } from './errors';

function respond(status: number, body: string, statusText = ''): FetchLike {
  return vi.fn(async () => new Response(body, { status, statusText, headers: { 'Content-Type': 'application/json' } }));
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the promise to reject');
}

describe('API client', () => {
  it('parses a healthy /healthz response', async () => {
    const fetch = respond(200, '{"status":"ok"}');
    await expect(createApiClient({ fetch }).health()).resolves.toEqual({ status: 'ok' });
    expect(fetch).toHaveBeenCalledWith('/healthz', expect.objectContaining({ method: 'GET' }));
  });

  it('parses /api/v1/version', async () => {
    const fetch = respond(200, '{"name":"shouwang","version":"0.1.0","api":"v1","extra":true}');
    await expect(createApiClient({ fetch }).version()).resolves.toEqual({
      name: 'shouwang',
      version: '0.1.0',
      api: 'v1',
    });
    expect(fetch).toHaveBeenCalledWith('/api/v1/version', expect.anything());
  });

  it('rejects a body that is not JSON', async () => {
    const error = await rejection(createApiClient({ fetch: respond(200, '<html>oops</html>') }).health());
    expect(error.kind).toBe('malformed');
    expect(error.path).toBe('/healthz');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('rejects JSON of the wrong shape, naming the field', async () => {
    const missing = await rejection(createApiClient({ fetch: respond(200, '{"name":"shouwang","api":"v1"}') }).version());
    expect(missing.kind).toBe('malformed');
    expect(missing.detail).toContain('"version"');

    expect(() => parseHealth({ status: 1 })).toThrow(/"status" must be a non-empty string/);
    expect(() => parseHealth([])).toThrow(/expected a JSON object, got array/);
    expect(() => parseHealth(null)).toThrow(/got null/);
    expect(() => parseVersion({ name: 'shouwang', version: '', api: 'v1' })).toThrow(/"version"/);
  });

  it('reports HTTP errors with the server\'s {code,message}', async () => {
    const fetch = respond(503, '{"code":"unavailable","message":"database offline"}', 'Service Unavailable');
    const error = await rejection(createApiClient({ fetch }).version());
    expect(error.kind).toBe('http');
    expect(error.status).toBe(503);
    expect(error.code).toBe('unavailable');
    expect(error.detail).toBe('database offline');
  });

  it('reports HTTP errors without a JSON body using the status text', async () => {
    const error = await rejection(createApiClient({ fetch: respond(404, 'not found', 'Not Found') }).health());
    expect(error.kind).toBe('http');
    expect(error.status).toBe(404);
    expect(error.detail).toBe('Not Found');
    expect(error.code).toBeUndefined();
  });

  it('reports connection failures as network errors', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await rejection(createApiClient({ fetch }).health());
    expect(error.kind).toBe('network');
    expect(error.detail).toBe('Failed to fetch');
  });

  it('gives up after the timeout and says so', async () => {
    const fetch: FetchLike = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const error = await rejection(createApiClient({ fetch, timeoutMs: 20 }).health());
    expect(error.kind).toBe('timeout');
    expect(error.timeoutMs).toBe(20);
  });
});

const CITY_BODY = {
  name: '南陵市',
  name_en: 'Nanling',
  code: '991500',
  bbox: [115.1726819, 31.5963951, 115.2360505, 31.6503543],
  centre: [115.2043662, 31.6233747],
};

describe('API client: city', () => {
  it('parses /api/v1/city', async () => {
    const fetch = respond(200, JSON.stringify({ ...CITY_BODY, extra: 1 }));
    await expect(createApiClient({ fetch }).city()).resolves.toEqual({
      name: '南陵市',
      nameEn: 'Nanling',
      code: '991500',
      bbox: [115.1726819, 31.5963951, 115.2360505, 31.6503543],
      centre: [115.2043662, 31.6233747],
    });
    expect(fetch).toHaveBeenCalledWith('/api/v1/city', expect.objectContaining({ method: 'GET' }));
  });

  it('answers null, not an error, when the server has no city data ({"loaded":false})', async () => {
    await expect(createApiClient({ fetch: respond(200, '{"loaded":false}') }).city()).resolves.toBeNull();
  });

  it('still rejects other failures of /api/v1/city', async () => {
    const other404 = await rejection(
      createApiClient({ fetch: respond(404, '{"code":"not_found","message":"no such endpoint"}', 'Not Found') }).city(),
    );
    expect(other404.kind).toBe('http');
    expect(other404.status).toBe(404);
    const otherCode = await rejection(
      createApiClient({ fetch: respond(404, '{"code":"gone","message":"moved"}') }).city(),
    );
    expect(otherCode.code).toBe('gone');
    const server = await rejection(
      createApiClient({ fetch: respond(500, '{"code":"not_found","message":"odd"}') }).city(),
    );
    expect(server.status).toBe(500);
    const malformed = await rejection(createApiClient({ fetch: respond(200, '{"name":"南陵市"}') }).city());
    expect(malformed.kind).toBe('malformed');
    expect(malformed.path).toBe('/api/v1/city');
    expect(malformed.detail).toContain('"name_en"');
  });

  it('rejects a malformed bbox, naming the field', () => {
    const bbox = (value: unknown) => () => parseCity({ ...CITY_BODY, bbox: value });
    const shape = /field "bbox" must be an array of 4 finite numbers/;
    expect(bbox(undefined)).toThrow(shape);
    expect(bbox('115,31,116,32')).toThrow(shape);
    expect(bbox([115.17, 31.59, 115.23])).toThrow(shape);
    expect(bbox([115.17, 31.59, 115.23, 31.65, 0])).toThrow(shape);
    expect(bbox([115.17, '31.59', 115.23, 31.65])).toThrow(shape);
    expect(bbox([115.17, null, 115.23, 31.65])).toThrow(shape);
    expect(bbox([115.17, 31.59, Infinity, 31.65])).toThrow(shape);
    expect(bbox([115.17, 31.59, NaN, 31.65])).toThrow(shape);
    expect(bbox([115.23, 31.59, 115.17, 31.65])).toThrow(/"bbox" .* min ≤ max/);
    expect(bbox([115.17, 91, 115.23, 92])).toThrow(/"bbox" has latitude 91/);
    expect(bbox([-181, 31.59, 115.23, 31.65])).toThrow(/"bbox" has longitude -181/);
  });

  it('rejects a malformed centre or missing strings, naming the field', () => {
    expect(() => parseCity({ ...CITY_BODY, centre: [115.2] })).toThrow(/"centre" must be an array of 2 finite numbers/);
    expect(() => parseCity({ ...CITY_BODY, centre: { lon: 115.2, lat: 31.6 } })).toThrow(/"centre"/);
    expect(() => parseCity({ ...CITY_BODY, centre: [31.6, 115.2] })).toThrow(/"centre" has latitude 115.2/);
    expect(() => parseCity({ ...CITY_BODY, name: '' })).toThrow(/"name" must be a non-empty string/);
    expect(() => parseCity({ ...CITY_BODY, code: 991500 })).toThrow(/"code" must be a non-empty string/);
    expect(() => parseCity([])).toThrow(/expected a JSON object, got array/);
  });
});
