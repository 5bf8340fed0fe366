import type { KeySite, Post } from '../api/circles';
import type { Call, ChangeMessage, DeadlinePolicy, Incident, Order, Position, Snapshot, StreamEvent, Unit } from '../api/records';
import type { Warning } from '../api/warnings';

/** What changed in one batch, so that views redraw only what they show. */
export interface StoreChange {
  incidents: ReadonlySet<string>;
  orders: ReadonlySet<string>;
  units: ReadonlySet<string>;
  calls: ReadonlySet<string>;
  positions: ReadonlySet<string>;
  /** Early-warning directives raised or acknowledged. */
  warnings: ReadonlySet<string>;
  /** Key sites registered, edited, retired, or whose coverage gap opened or closed. */
  sites: ReadonlySet<string>;
  /** Posts registered, edited or retired. */
  posts: ReadonlySet<string>;
  /** The whole state was replaced (first load, resync): redraw everything. */
  reset: boolean;
  events: readonly StreamEvent[];
}

export type StoreListener = (change: StoreChange) => void;

/**
 * The console's copy of the state its scope sees: the records of `GET /api/v1/state`
 * with every stream change applied over them, and the units' live positions.
 *
 * Contract: `seq` is the log position the copy is exact at. `apply` takes a change only
 * if it is newer than `seq` (a replayed one is ignored). Listeners hear one notification
 * per `flush()`, with everything that changed since the last one.
 */
export class LiveStore {
  readonly incidents = new Map<string, Incident>();
  readonly calls = new Map<string, Call>();
  readonly orders = new Map<string, Order>();
  readonly units = new Map<string, Unit>();
  readonly positions = new Map<string, Position>();
  /**
   * Early-warning directives as last seen: the open ones of the state, then every one the
   * stream touched (an acknowledged one stays here with its new status).
   */
  readonly warnings = new Map<string, Warning>();
  /** The key sites and posts in service: a retired one is dropped when the stream says so. */
  readonly sites = new Map<string, KeySite>();
  readonly posts = new Map<string, Post>();
  /** Events of the emergency kind and missed deadlines seen since load, newest last. */
  readonly alerts: StreamEvent[] = [];
  seq = 0;
  /** The deadlines the server escalates (null from a server that does not say). */
  policy: DeadlinePolicy | null = null;

  private readonly listeners = new Set<StoreListener>();
  private pending = emptyPending();

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  load(seq: number, snapshot: Snapshot, positions: readonly Position[] = [], policy: DeadlinePolicy | null = null): void {
    this.policy = policy;
    this.incidents.clear();
    this.calls.clear();
    this.orders.clear();
    this.units.clear();
    this.positions.clear();
    this.warnings.clear();
    this.sites.clear();
    this.posts.clear();
    this.seq = seq;
    put(this.incidents, snapshot.incidents);
    put(this.calls, snapshot.calls);
    put(this.orders, snapshot.orders);
    put(this.units, snapshot.units);
    put(this.warnings, snapshot.warnings ?? []);
    putInService(this.sites, snapshot.sites ?? []);
    putInService(this.posts, snapshot.posts ?? []);
    for (const p of positions) this.positions.set(p.unit, p);
    this.pending = emptyPending();
    this.pending.reset = true;
  }

  /** Applies one change message; false when it was at or before `seq` (already applied). */
  apply(change: ChangeMessage): boolean {
    if (change.seq <= this.seq) return false;
    this.seq = change.seq;
    put(this.incidents, change.incidents ?? [], this.pending.incidents);
    put(this.calls, change.calls ?? [], this.pending.calls);
    put(this.orders, change.orders ?? [], this.pending.orders);
    put(this.units, change.units ?? [], this.pending.units);
    put(this.warnings, change.warnings ?? [], this.pending.warnings);
    putInService(this.sites, change.sites ?? [], this.pending.sites);
    putInService(this.posts, change.posts ?? [], this.pending.posts);
    for (const event of change.events) {
      this.pending.events.push(event);
      if (event.type.startsWith('unit.emergency') || event.type.endsWith('deadline_missed')) this.alerts.push(event);
    }
    return true;
  }

  applyPositions(positions: readonly Position[]): void {
    for (const p of positions) {
      this.positions.set(p.unit, p);
      this.pending.positions.add(p.unit);
    }
  }

  /**
   * A directive as a command's answer returned it, ahead of the stream's copy of the same
   * commit (which puts it again). Safe for an acknowledgement because it is final: no later
   * state of the directive can be overtaken by this one. `seq` does not move.
   */
  putWarning(warning: Warning): void {
    put(this.warnings, [warning], this.pending.warnings);
  }

  /** Tells the listeners what changed since the last flush (nothing when nothing did). */
  flush(): void {
    const p = this.pending;
    const nothing =
      !p.reset &&
      p.incidents.size + p.orders.size + p.units.size + p.calls.size + p.positions.size + p.warnings.size + p.sites.size + p.posts.size + p.events.length ===
        0;
    if (nothing) return;
    this.pending = emptyPending();
    for (const listener of this.listeners) listener(p);
  }

  /** Orders of an incident, oldest first. */
  ordersOf(incident: Incident): Order[] {
    const out: Order[] = [];
    for (const id of incident.orders) {
      const order = this.orders.get(id);
      if (order) out.push(order);
    }
    return out;
  }
}

interface PendingChange {
  incidents: Set<string>;
  orders: Set<string>;
  units: Set<string>;
  calls: Set<string>;
  positions: Set<string>;
  warnings: Set<string>;
  sites: Set<string>;
  posts: Set<string>;
  reset: boolean;
  events: StreamEvent[];
}

function emptyPending(): PendingChange {
  return {
    incidents: new Set(),
    orders: new Set(),
    units: new Set(),
    calls: new Set(),
    positions: new Set(),
    warnings: new Set(),
    sites: new Set(),
    posts: new Set(),
    reset: false,
    events: [],
  };
}

function put<T extends { id: string }>(map: Map<string, T>, records: readonly T[], touched?: Set<string>): void {
  for (const record of records) {
    map.set(record.id, record);
    touched?.add(record.id);
  }
}

/** Puts the records in service and drops the retired ones; both count as touched. */
function putInService<T extends { id: string; retired: boolean }>(map: Map<string, T>, records: readonly T[], touched?: Set<string>): void {
  for (const record of records) {
    if (record.retired) map.delete(record.id);
    else map.set(record.id, record);
    touched?.add(record.id);
  }
}
