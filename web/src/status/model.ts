import type { ApiError } from '../api/errors';
import type { CityInfo, Health, VersionInfo } from '../api/client';

/** Outcome of one status endpoint as last observed. */
export type Load<T> =
  | { state: 'pending' }
  | { state: 'ok'; value: T }
  | { state: 'error'; error: ApiError };

/** Everything the status panel shows; replaced wholesale on each refresh. */
export interface StatusSnapshot {
  health: Load<Health>;
  version: Load<VersionInfo>;
  /** `ok` with `null`: the server answered that it has no city data loaded. */
  city: Load<CityInfo | null>;
  /** When the last refresh completed; null before the first one. */
  checkedAt: Date | null;
  refreshing: boolean;
}

export const INITIAL_STATUS: StatusSnapshot = {
  health: { state: 'pending' },
  version: { state: 'pending' },
  city: { state: 'pending' },
  checkedAt: null,
  refreshing: true,
};
