import { describe, expect, it } from 'vitest';
import type { ChangeMessage, Incident, Snapshot } from '../api/records';
import { LiveStore, type StoreChange } from './store';

const incident = (id: string, status: Incident['status'], priority = 2): Incident => ({
  id,
  status,
  summary: '',
  type_code: '0102',
  priority,
  station: '',
  calls: [],
  orders: [],
  cautions: [],
  notes: [],
  disposition: '',
  location: { candidates: [], needs_confirmation: false },
  times: { created: '2026-11-23T08:00:00Z' },
});

const snapshot = (incidents: Incident[]): Snapshot => ({ incidents, calls: [], orders: [], units: [] });

const change = (seq: number, incidents: Incident[], type = 'incident.accepted'): ChangeMessage => ({
  type: 'change',
  n: 1,
  seq,
  first_seq: seq,
  events: [{ seq, type, entities: incidents.map((i) => i.id), time: '', by: '' }],
  incidents,
});

describe('LiveStore', () => {
  it('applies changes after its seq and ignores replayed ones', () => {
    const store = new LiveStore();
    store.load(10, snapshot([incident('a', 'accepting')]));
    expect(store.apply(change(9, [incident('a', 'terminated')]))).toBe(false);
    expect(store.apply(change(10, [incident('a', 'terminated')]))).toBe(false);
    expect(store.incidents.get('a')?.status).toBe('accepting');
    expect(store.apply(change(12, [incident('a', 'accepted')]))).toBe(true);
    expect(store.incidents.get('a')?.status).toBe('accepted');
    expect(store.seq).toBe(12);
  });

  it('tells listeners once per flush what changed, and nothing when nothing did', () => {
    const store = new LiveStore();
    const heard: StoreChange[] = [];
    store.subscribe((c) => heard.push(c));
    store.load(1, snapshot([]));
    store.flush();
    expect(heard).toHaveLength(1);
    expect(heard[0]?.reset).toBe(true);
    store.apply(change(2, [incident('a', 'accepting')]));
    store.apply(change(3, [incident('b', 'accepting')], 'unit.emergency_raised'));
    store.applyPositions([{ unit: 'A-01', lat: 31, lon: 115, t: '' }]);
    store.flush();
    store.flush();
    expect(heard).toHaveLength(2);
    expect([...heard[1]!.incidents].sort()).toEqual(['a', 'b']);
    expect([...heard[1]!.positions]).toEqual(['A-01']);
    expect(heard[1]!.reset).toBe(false);
    expect(store.alerts.map((e) => e.type)).toEqual(['unit.emergency_raised']);
  });

  it('replaces everything on a reload', () => {
    const store = new LiveStore();
    store.load(5, snapshot([incident('a', 'accepting')]), [{ unit: 'A-01', lat: 1, lon: 2, t: '' }]);
    store.load(9, snapshot([incident('b', 'accepted')]));
    expect([...store.incidents.keys()]).toEqual(['b']);
    expect(store.positions.size).toBe(0);
    expect(store.seq).toBe(9);
  });
});
