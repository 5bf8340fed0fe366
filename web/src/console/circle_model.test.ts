import { describe, expect, it } from 'vitest';
import type { KeySite, SiteCircle } from '../api/circles';
import {
  circlesBySite,
  editsRegistry,
  freshGaps,
  gapKey,
  hearsGapAlarms,
  openGaps,
  seesCircles,
  siteState,
  sitesInOrder,
  stateCounts,
  tierMinutes,
} from './circle_model';

const site = (id: string, tier = 180, name = id, gapAt?: string): KeySite => ({
  id,
  profile: { name, type: 'school', tier_s: tier, station: '310101001', lat: 31.2, lon: 121.4, hours: '' },
  retired: false,
  gaps_opened: gapAt ? 1 : 0,
  ...(gapAt ? { gap: { opened_at: gapAt, left_by: 'A-01', move_up: { unit: 'A-02', post: 'P-1', travel_s: 85.4, restores: 3 } } } : {}),
});

const circle = (id: string, covered: boolean, inHours = true): SiteCircle => ({
  site: id,
  tier_s: 180,
  in_hours: inHours,
  time_s: covered ? 95.2 : 412,
  unit: 'A-01',
  covered: covered && inHours,
});

describe('a key site’s state', () => {
  it('is the gap while one is open, whatever the last circles said', () => {
    expect(siteState(site('S1', 60, 'a', '2026-11-23T08:00:00Z'), circle('S1', true))).toBe('gap');
    expect(siteState(site('S1', 60, 'a', '2026-11-23T08:00:00Z'), undefined)).toBe('gap');
  });

  it('is covered, uncovered or out of hours by its circle, and unknown without one', () => {
    expect(siteState(site('S1'), circle('S1', true))).toBe('covered');
    expect(siteState(site('S1'), circle('S1', false))).toBe('uncovered');
    expect(siteState(site('S1'), circle('S1', true, false))).toBe('out_of_hours');
    expect(siteState(site('S1'), circle('S1', false, false))).toBe('out_of_hours');
    expect(siteState(site('S1'), undefined)).toBe('unknown');
  });

  it('reads the tiers as minutes', () => {
    expect([60, 180, 300].map(tierMinutes)).toEqual([1, 3, 5]);
    expect(tierMinutes(10)).toBe(1);
  });
});

describe('lists of sites', () => {
  it('puts gaps first, then sites out of reach, covered, out of hours and unknown; then the tightest promise, then the name', () => {
    const sites = [site('S1', 300, '丙'), site('S2', 60, '乙'), site('S3', 180, '甲', '2026-11-23T08:00:00Z'), site('S4', 60, '丁'), site('S5', 60, '甲'), site('S6')];
    const circles = circlesBySite({
      refreshed_at: '',
      units: 2,
      in_hours: 5,
      covered: 3,
      refresh_ms: 1,
      sites: [circle('S1', true), circle('S2', true), circle('S3', true), circle('S4', false, false), circle('S5', true)],
    });
    const listed = sitesInOrder(sites, circles);
    expect(listed.map((s) => [s.site.id, s.state])).toEqual([
      ['S3', 'gap'],
      ['S5', 'covered'],
      ['S2', 'covered'],
      ['S1', 'covered'],
      ['S4', 'out_of_hours'],
      ['S6', 'unknown'],
    ]);
    expect(stateCounts(listed)).toEqual({ gap: 1, uncovered: 0, covered: 3, out_of_hours: 1, unknown: 1 });
    expect(circlesBySite(null).size).toBe(0);
  });

  it('lists the open gaps newest first and finds the ones not shown yet', () => {
    const older = site('S1', 60, 'a', '2026-11-23T08:00:00Z');
    const newer = site('S2', 60, 'b', '2026-11-23T08:05:00Z');
    expect(openGaps([older, site('S3'), newer]).map((s) => s.id)).toEqual(['S2', 'S1']);
    const known = new Set([gapKey(older)]);
    expect(freshGaps(known, [older, newer, site('S3')]).map((s) => s.id)).toEqual(['S2']);
    // The same site's gap opened again later is a new alarm.
    const reopened = site('S1', 60, 'a', '2026-11-23T09:00:00Z');
    expect(freshGaps(known, [reopened]).map((s) => s.id)).toEqual(['S1']);
    expect(gapKey(site('S4'))).toBe('');
  });
});

describe('seats', () => {
  it('shows the circles to every seat but unit terminals', () => {
    expect(seesCircles('dispatcher')).toBe(true);
    expect(seesCircles('call_taker')).toBe(true);
    expect(seesCircles('unit_terminal')).toBe(false);
  });

  it('lets the centre edit the registry', () => {
    expect(['dispatcher', 'commander', 'admin'].every((r) => editsRegistry(r as never))).toBe(true);
    expect(editsRegistry('station_officer')).toBe(false);
    expect(editsRegistry('call_taker')).toBe(false);
  });

  it('raises gap alarms for the seats that move units', () => {
    expect(hearsGapAlarms('dispatcher')).toBe(true);
    expect(hearsGapAlarms('station_officer')).toBe(true);
    expect(hearsGapAlarms('call_taker')).toBe(false);
    expect(hearsGapAlarms('analyst')).toBe(false);
  });
});
