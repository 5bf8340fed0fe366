import { describe, expect, it } from 'vitest';
import type { Incident, Place } from '../api/records';
import { DUPLICATE_RADIUS_M, duplicateCandidates, placeUncertainty } from './intake';

const incident = (id: string, lat: number, lon: number, type_code: string, status: Incident['status'] = 'accepted'): Incident =>
  ({
    id,
    status,
    type_code,
    priority: 2,
    orders: [],
    calls: [],
    location: { candidates: [{ source: 'map_pin', lat, lon, uncertainty_m: 20, text: '', added_at: '', confirmed_by: '' }], needs_confirmation: false },
    times: {},
  }) as unknown as Incident;

describe('intake', () => {
  it('gives an address a door-sized circle and a street one half its length, capped', () => {
    const place = (kind: Place['kind'], bbox?: number[]) => ({ kind, label: '', lat: 31.6, lon: 115.2, ...(bbox ? { bbox } : {}) });
    expect(placeUncertainty(place('address'))).toBe(15);
    expect(placeUncertainty(place('poi'))).toBe(30);
    const short = placeUncertainty(place('street', [115.2, 31.6, 115.202, 31.6]));
    expect(short).toBeGreaterThan(90);
    expect(short).toBeLessThan(100);
    expect(placeUncertainty(place('street', [115.0, 31.5, 115.3, 31.8]))).toBe(800);
  });

  it('offers open incidents of the same family within the radius as duplicates, nearest first', () => {
    const near = incident('near', 31.6005, 115.2, '0103');
    const nearer = incident('nearer', 31.6001, 115.2, '010301');
    const far = incident('far', 31.62, 115.2, '0102');
    const otherFamily = incident('traffic', 31.6001, 115.2, '0301');
    const closed = incident('closed', 31.6, 115.2, '0102', 'terminated');
    const found = duplicateCandidates([near, nearer, far, otherFamily, closed], { lat: 31.6, lon: 115.2 }, '0102');
    expect(found.map((d) => d.incident.id)).toEqual(['nearer', 'near']);
    expect(found.every((d) => d.distance <= DUPLICATE_RADIUS_M)).toBe(true);
    expect(duplicateCandidates([otherFamily], { lat: 31.6, lon: 115.2 }, '').map((d) => d.incident.id)).toEqual(['traffic']);
  });
});
