import type { ApiClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { Load, StatusSnapshot } from './model';

/**
 * Queries every endpoint independently: one failing never hides the other's
 * result. Never rejects; failures become `error` loads.
 */
export async function refreshStatus(client: ApiClient, now: () => Date = () => new Date()): Promise<StatusSnapshot> {
  const [health, version, city] = await Promise.all([
    settle(client.health()),
    settle(client.version()),
    settle(client.city()),
  ]);
  return { health, version, city, checkedAt: now(), refreshing: false };
}

async function settle<T>(promise: Promise<T>): Promise<Load<T>> {
  try {
    return { state: 'ok', value: await promise };
  } catch (cause) {
    const error =
      cause instanceof ApiError
        ? cause
        : new ApiError({ kind: 'network', path: '?', detail: cause instanceof Error ? cause.message : String(cause) });
    return { state: 'error', error };
  }
}
