import { describe, expect, it } from 'vitest';
import type { KeySite, Post } from '../api/circles';
import type { ChangeMessage, Incident, Snapshot } from '../api/records';
import type { Warning } from '../api/warnings';
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

const snapshot = (incidents: Incident[], warnings: Warning[] = []): Snapshot => ({ incidents, calls: [], orders: [], units: [], warnings });

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

  it('keeps the open directives of the state and every directive the stream touches', () => {
    const store = new LiveStore();
    const heard: StoreChange[] = [];
    store.subscribe((c) => heard.push(c));
    store.load(4, snapshot([], [warning('W1'), warning('W2')]));
    store.flush();
    expect([...store.warnings.keys()].sort()).toEqual(['W1', 'W2']);
    expect(heard[0]?.warnings.size).toBe(0);

    const acknowledged = { ...warning('W1'), status: 'acknowledged' as const, acknowledged_by: 'officer', response: '加派巡逻' };
    store.apply({ type: 'change', n: 1, seq: 6, first_seq: 6, events: [], warnings: [acknowledged, warning('W3')] });
    store.flush();
    expect([...heard[1]!.warnings].sort()).toEqual(['W1', 'W3']);
    expect(store.warnings.get('W1')?.status).toBe('acknowledged');
    expect(store.warnings.get('W3')?.status).toBe('raised');

    // A replayed change does not take an acknowledgement back.
    store.apply({ type: 'change', n: 2, seq: 5, first_seq: 5, events: [], warnings: [warning('W1')] });
    expect(store.warnings.get('W1')?.status).toBe('acknowledged');

    store.load(9, snapshot([], [warning('W3')]));
    expect([...store.warnings.keys()]).toEqual(['W3']);
  });

  it('keeps the key sites and posts in service, with their gaps, and drops the retired ones', () => {
    const store = new LiveStore();
    const heard: StoreChange[] = [];
    store.subscribe((c) => heard.push(c));
    store.load(3, { ...snapshot([]), sites: [site('S-1'), site('S-2')], posts: [post('P-1')] });
    store.flush();
    expect([...store.sites.keys()].sort()).toEqual(['S-1', 'S-2']);
    expect([...store.posts.keys()]).toEqual(['P-1']);

    const gap = { opened_at: '2026-11-23T08:00:00Z', left_by: 'A-01', move_up: { unit: 'A-02', post: 'P-1', travel_s: 85, restores: 3 } };
    store.apply({ type: 'change', n: 1, seq: 4, first_seq: 4, events: [], sites: [{ ...site('S-1'), gap }] });
    store.apply({ type: 'change', n: 2, seq: 5, first_seq: 5, events: [], sites: [{ ...site('S-2'), retired: true }], posts: [{ ...post('P-1'), retired: true }] });
    store.flush();
    expect(store.sites.get('S-1')?.gap?.move_up?.unit).toBe('A-02');
    expect(store.sites.has('S-2')).toBe(false);
    expect(store.posts.size).toBe(0);
    expect([...heard[1]!.sites].sort()).toEqual(['S-1', 'S-2']);
    expect([...heard[1]!.posts]).toEqual(['P-1']);

    // A server from before the circles sends neither list.
    store.load(9, snapshot([]));
    expect(store.sites.size + store.posts.size).toBe(0);
  });

  it('takes a command\'s answer at once without moving seq, and tells the listeners', () => {
    const store = new LiveStore();
    const heard: StoreChange[] = [];
    store.load(4, snapshot([], [warning('W1')]));
    store.flush();
    store.subscribe((c) => heard.push(c));
    store.putWarning({ ...warning('W1'), status: 'acknowledged' });
    store.flush();
    expect(store.seq).toBe(4);
    expect(store.warnings.get('W1')?.status).toBe('acknowledged');
    expect([...heard[0]!.warnings]).toEqual(['W1']);
    expect(heard[0]!.reset).toBe(false);
  });
});

function warning(id: string): Warning {
  return {
    id,
    subject: { day: '2026-11-22', level: 'station', area: '310101001', kind: 'group', code: 'robbery_snatching_theft' },
    evidence: [
      { method: 'ears_c2', count: 8, baseline_mean: 1, baseline_sd: 0.5, baseline_first: '2026-11-13', baseline_last: '2026-11-19', statistic: 14, threshold: 3 },
    ],
    status: 'raised',
    raised_at: '2026-11-23T00:00:05Z',
    raised_by: 'system',
    acknowledged_by: '',
    response: '',
  };
}

function site(id: string): KeySite {
  return {
    id,
    profile: { name: '实验小学', type: 'school', tier_s: 60, station: '310101001', lat: 31.2, lon: 121.4, hours: '07:00-18:00' },
    retired: false,
    gaps_opened: 0,
  };
}

function post(id: string): Post {
  return { id, profile: { name: '人民广场驻勤点', kind: 'post', station: '310101001', lat: 31.21, lon: 121.41 }, retired: false };
}
