/**
 * The records the command API sends (docs/api/openapi.json), as the console reads them.
 * Member names are the API's own (snake_case) so a record can be shown without mapping.
 */

import type { KeySite, Post } from './circles';
import type { Warning } from './warnings';

export type IncidentStatus =
  | 'accepting'
  | 'accepted'
  | 'dispatched'
  | 'units_out'
  | 'arrived'
  | 'feedback'
  | 'scene_closed'
  | 'terminated'
  | 'archived'
  | 'transferred_out'
  | 'merged'
  | 'cancelled';

export type OrderStatus = 'issued' | 'signed_for' | 'en_route' | 'arrived' | 'feedback' | 'done' | 'cancelled' | 'returned';

export type UnitStatus =
  | 'off_duty'
  | 'available'
  | 'conditionally_available'
  | 'dispatched'
  | 'acknowledged'
  | 'en_route'
  | 'on_scene'
  | 'out_of_service';

export const UNIT_STATUSES: readonly UnitStatus[] = [
  'available',
  'conditionally_available',
  'dispatched',
  'acknowledged',
  'en_route',
  'on_scene',
  'out_of_service',
  'off_duty',
];

export type Role = 'call_taker' | 'dispatcher' | 'commander' | 'station_officer' | 'analyst' | 'admin' | 'unit_terminal';

export interface User {
  username: string;
  display_name: string;
  role: Role;
  scope: string;
  unit: string;
}

export interface LocationCandidate {
  source: string;
  lat: number;
  lon: number;
  uncertainty_m: number;
  text: string;
  added_at: string;
  confirmed_by: string;
}

export interface Incident {
  id: string;
  status: IncidentStatus;
  summary: string;
  type_code: string;
  priority: number;
  station: string;
  calls: string[];
  orders: string[];
  cautions: { kind: string; text?: string }[];
  notes: { text: string; by?: string; at?: string }[];
  disposition: string;
  merged_into?: string;
  location: { candidates: LocationCandidate[]; needs_confirmation: boolean; confirmed?: number };
  times: Record<string, string>;
  missed?: MissedDeadline[];
}

export interface Call {
  id: string;
  caller_number: string;
  summary: string;
  channel: string;
  incident: string;
  started_at: string;
}

export interface OrderTarget {
  kind: 'station' | 'unit' | 'officer' | 'vehicle';
  id: string;
  name?: string;
}

export interface Order {
  id: string;
  incident: string;
  status: OrderStatus;
  target: OrderTarget;
  instructions: string;
  issued_by: string;
  signed_by: string;
  end_reason: string;
  feedback: { text: string; at?: string; by?: string }[];
  /** When each step happened: issued, signed_for, en_route, arrived, feedback, done … */
  times: Record<string, string>;
  /** Deadlines it missed, recorded once each by the server's timer. */
  missed?: MissedDeadline[];
}

export type DeadlineKind = 'sign_for' | 'arrival' | 'feedback' | 'pending';

export interface MissedDeadline {
  kind: DeadlineKind;
  due: string;
  noticed: string;
  offered_unit?: string;
}

/** Seconds allowed per priority 1..4 (GET /api/v1/state → deadline_policy). */
export interface DeadlinePolicy {
  sign_for_s: number[];
  arrival_s: number[];
  feedback_s: number[];
  pending_s: number[];
}

export interface Unit {
  id: string;
  status: UnitStatus;
  retired: boolean;
  status_reason: string;
  orders: string[];
  profile: {
    name: string;
    type: string;
    station: string;
    capabilities: string[];
    home_post?: { lat: number; lon: number };
  };
  shift?: { crew: string[]; started_at: string };
  emergency?: { raised_at: string; note?: string; lat?: number; lon?: number };
}

export interface Snapshot {
  incidents: Incident[];
  calls: Call[];
  orders: Order[];
  units: Unit[];
  /** The early-warning directives of the scope not yet acknowledged (none for unit terminals). */
  warnings: Warning[];
  /**
   * The key sites and posts in service (none for unit terminals). Optional: a server from
   * before the quick-response circles sends neither. In a change message they are the
   * records the commit touched, a retired one included (it leaves the map).
   */
  sites?: KeySite[];
  posts?: Post[];
}

export interface StateAnswer {
  seq: number;
  scope: string;
  deadline_policy?: DeadlinePolicy;
  snapshot: Snapshot;
}

export interface StreamEvent {
  seq: number;
  type: string;
  entities: string[];
  time: string;
  by: string;
}

/** One durable commit, as the caller's scope sees it. */
export interface ChangeMessage extends Partial<Snapshot> {
  type: 'change';
  n: number;
  seq: number;
  first_seq: number;
  events: StreamEvent[];
}

export interface Position {
  unit: string;
  lat: number;
  lon: number;
  t: string;
  heading_deg?: number;
  speed_mps?: number;
}

export interface PositionsMessage {
  type: 'positions';
  n: number;
  positions: Position[];
}

export interface TaxonomyType {
  code: string;
  parent: string;
  level: number;
  name_zh: string;
  name_en: string;
  default_priority: number;
  capabilities: string[];
}

export interface Taxonomy {
  types: TaxonomyType[];
  dispositions: { code: string; name_zh: string; name_en: string }[];
}

/** Why a unit ranks where it does: a code and its parameters, and the server's English text. */
export interface Reason {
  code: string;
  params: Record<string, unknown>;
  text: string;
}

export interface RankedUnit {
  rank: number;
  unit: string;
  station: string;
  eta_s: number;
  distance_m: number;
  origin: 'live_position' | 'home_post';
  origin_position?: { lat: number; lon: number };
  conditional: boolean;
  own_station: boolean;
  reasons: Reason[];
}

export interface Recommendation {
  incident: string;
  target: { lat: number; lon: number };
  station: string;
  required_capabilities: string[];
  ranked: RankedUnit[];
  ranked_total: number;
  excluded: { unit: string; reasons: Reason[] }[];
  excluded_counts: Record<string, number>;
}

export interface Place {
  kind: 'street' | 'address' | 'poi' | 'area';
  label: string;
  name_zh?: string;
  name_en?: string;
  street?: string;
  housenumber?: string;
  category?: string;
  lat: number;
  lon: number;
  distance_m?: number;
}

export interface RouteAnswer {
  unit: string;
  eta_s: number;
  length_m: number;
  geometry: { type: 'LineString'; coordinates: [number, number][] };
}

/** An answer to a command: the events that recorded it and the records after it. */
export interface CommandAnswer {
  seq: number;
  incident?: Incident;
  call?: Call;
  order?: Order;
  orders?: Order[];
  unit?: Unit;
}

export const OPEN_INCIDENT_STATUSES: ReadonlySet<IncidentStatus> = new Set<IncidentStatus>([
  'accepting',
  'accepted',
  'dispatched',
  'units_out',
  'arrived',
  'feedback',
  'scene_closed',
]);

export const OPEN_ORDER_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>([
  'issued',
  'signed_for',
  'en_route',
  'arrived',
  'feedback',
]);
