import { describe, expect, it } from 'vitest';
import type { DeadlinePolicy, Incident, Order } from '../api/records';
import { orderDeadline, pendingDeadline } from './deadlines';

const POLICY: DeadlinePolicy = {
  sign_for_s: [60, 120, 180, 300],
  arrival_s: [600, 900, 1800, 3600],
  feedback_s: [1800, 3600, 7200, 14400],
  pending_s: [60, 180, 600, 1800],
};
const T0 = Date.parse('2026-11-23T08:00:00Z');

const order = (status: Order['status'], times: Record<string, string>, extra: Partial<Order> = {}): Order => ({
  id: 'o',
  incident: 'i',
  status,
  target: { kind: 'unit', id: 'A-01' },
  instructions: '',
  issued_by: '',
  signed_by: '',
  end_reason: '',
  feedback: [],
  times,
  ...extra,
});

describe('deadlines', () => {
  it('an issued order runs against its sign-for deadline first', () => {
    expect(orderDeadline(order('issued', { issued: '2026-11-23T08:00:00Z' }), 1, POLICY)).toEqual({ kind: 'sign_for', due: T0 + 60_000 });
    expect(orderDeadline(order('issued', { issued: '2026-11-23T08:00:00Z' }), 3, POLICY)?.due).toBe(T0 + 180_000);
  });

  it('then arrival (not for a station), then feedback after arrival', () => {
    expect(orderDeadline(order('en_route', { issued: '2026-11-23T08:00:00Z' }), 2, POLICY)).toEqual({ kind: 'arrival', due: T0 + 900_000 });
    expect(orderDeadline(order('signed_for', { issued: '2026-11-23T08:00:00Z' }, { target: { kind: 'station', id: 's' } }), 2, POLICY)).toBeNull();
    expect(orderDeadline(order('arrived', { issued: '2026-11-23T07:00:00Z', arrived: '2026-11-23T08:00:00Z' }), 1, POLICY)).toEqual({
      kind: 'feedback',
      due: T0 + 1_800_000,
    });
    expect(orderDeadline(order('feedback', {}), 1, POLICY)).toBeNull();
  });

  it('a deadline already recorded as missed is not counted again', () => {
    const missed = order('issued', { issued: '2026-11-23T08:00:00Z' }, { missed: [{ kind: 'sign_for', due: '', noticed: '' }] });
    expect(orderDeadline(missed, 1, POLICY)?.kind).toBe('arrival');
  });

  it('an incident without orders waits against the pending deadline; none without a policy', () => {
    const incident = { id: 'i', status: 'accepted', priority: 2, orders: [], times: { created: '2026-11-23T08:00:00Z' } } as unknown as Incident;
    expect(pendingDeadline(incident, POLICY)).toEqual({ kind: 'pending', due: T0 + 180_000 });
    expect(pendingDeadline(incident, null)).toBeNull();
    expect(pendingDeadline({ ...incident, orders: ['o'] }, POLICY)).toBeNull();
  });
});
