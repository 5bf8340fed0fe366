import type { DeadlineKind, DeadlinePolicy, Incident, Order } from '../api/records';

export interface RunningDeadline {
  kind: DeadlineKind;
  /** Milliseconds since the epoch. */
  due: number;
}

function at(iso: string | undefined, seconds: number | undefined): number | null {
  const start = Date.parse(iso ?? '');
  return Number.isFinite(start) && seconds !== undefined ? start + seconds * 1000 : null;
}

/**
 * The deadline an order is running against now, as the server's timer sees it
 * (docs/domain-model.md, "Deadlines and escalation"): sign-for after issue; arrival after
 * issue (not for orders to stations); feedback after arrival. Null for an order that has
 * ended or has met all three, or when the server sent no policy.
 */
export function orderDeadline(order: Order, priority: number, policy: DeadlinePolicy | null): RunningDeadline | null {
  if (!policy) return null;
  const p = Math.min(4, Math.max(1, priority)) - 1;
  const missed = new Set((order.missed ?? []).map((m) => m.kind));
  const t = order.times;
  const candidates: [DeadlineKind, number | null][] = [];
  if (order.status === 'issued' && !missed.has('sign_for')) candidates.push(['sign_for', at(t.issued, policy.sign_for_s[p])]);
  const arrivalPending = ['issued', 'signed_for', 'en_route'].includes(order.status) && order.target.kind !== 'station';
  if (arrivalPending && !missed.has('arrival')) candidates.push(['arrival', at(t.issued, policy.arrival_s[p])]);
  if (order.status === 'arrived' && !missed.has('feedback')) candidates.push(['feedback', at(t.arrived, policy.feedback_s[p])]);
  let best: RunningDeadline | null = null;
  for (const [kind, due] of candidates) if (due !== null && (!best || due < best.due)) best = { kind, due };
  return best;
}

/** An accepting or accepted incident without any order waits against the pending deadline. */
export function pendingDeadline(incident: Incident, policy: DeadlinePolicy | null): RunningDeadline | null {
  if (!policy || incident.orders.length > 0) return null;
  if (incident.status !== 'accepting' && incident.status !== 'accepted') return null;
  if ((incident.missed ?? []).some((m) => m.kind === 'pending')) return null;
  const due = at(incident.times.created, policy.pending_s[Math.min(4, Math.max(1, incident.priority)) - 1]);
  return due === null ? null : { kind: 'pending', due };
}
