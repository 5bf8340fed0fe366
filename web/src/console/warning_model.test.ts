import { describe, expect, it } from 'vitest';
import type { Warning } from '../api/warnings';
import { freshlyRaised, openWarnings, seesWarnings, warningOrder } from './warning_model';

const warning = (id: string, day: string, status: Warning['status'] = 'raised'): Warning => ({
  id,
  subject: { day, level: 'station', area: '996301001', kind: 'group', code: 'criminal' },
  evidence: [],
  status,
  raised_at: '2026-11-23T16:00:01Z',
  raised_by: 'system',
  acknowledged_by: status === 'acknowledged' ? 'officer' : '',
  response: status === 'acknowledged' ? '加派巡逻' : '',
});

describe('warning model', () => {
  it('gives the panel to the seats that may acknowledge a directive', () => {
    expect(seesWarnings('station_officer')).toBe(true);
    expect(seesWarnings('dispatcher')).toBe(true);
    expect(seesWarnings('commander')).toBe(true);
    expect(seesWarnings('unit_terminal')).toBe(false);
    expect(seesWarnings('call_taker')).toBe(false);
    expect(seesWarnings('analyst')).toBe(false);
  });

  it('lists the open directives, newest day first, the one raised last first within a day', () => {
    const list = openWarnings([
      warning('996300-20261123-W000001', '2026-11-22'),
      warning('996300-20261124-W000001', '2026-11-23'),
      warning('996300-20261124-W000002', '2026-11-23', 'acknowledged'),
      warning('996300-20261124-W000003', '2026-11-23'),
    ]);
    expect(list.map((w) => w.id)).toEqual(['996300-20261124-W000003', '996300-20261124-W000001', '996300-20261123-W000001']);
    expect(warningOrder(list[0]!, list[0]!)).toBe(0);
  });

  it('finds the directives the seat has not been shown yet', () => {
    const known = new Set(['W1']);
    const fresh = freshlyRaised(known, [warning('W1', '2026-11-23'), warning('W2', '2026-11-23'), warning('W3', '2026-11-23', 'acknowledged')]);
    expect(fresh.map((w) => w.id)).toEqual(['W2']);
    expect(freshlyRaised(new Set(['W2']), [warning('W2', '2026-11-23')])).toEqual([]);
  });
});
