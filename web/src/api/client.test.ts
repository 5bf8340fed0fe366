import { describe, expect, it, vi } from 'vitest';
import { createApiClient, parseHealth, parseVersion, type FetchLike } from './client';
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
