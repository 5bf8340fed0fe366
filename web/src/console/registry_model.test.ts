import { describe, expect, it } from 'vitest';
import type { OrgUnit } from './context';
import {
  fieldOfRefusal,
  localProblems,
  postFieldsOf,
  postProfileOf,
  readCoordinate,
  sameProfile,
  siteFieldsOf,
  siteProfileOf,
  stationsOf,
  type SiteFields,
} from './registry_model';

const fields: SiteFields = {
  id: 'S-0001',
  name: '  实验小学 ',
  type: 'school',
  tier: '60',
  station: '310101001',
  lat: ' 31.2301 ',
  lon: '121.4737',
  hours: ' 07:00-18:00 ',
};

describe('the registry forms', () => {
  it('reads coordinates as numbers and nothing else as one', () => {
    expect(readCoordinate(' 31.25 ')).toBe(31.25);
    expect(readCoordinate('-0.5')).toBe(-0.5);
    expect(readCoordinate('')).toBeNull();
    expect(readCoordinate('31,2')).toBeNull();
    expect(readCoordinate('Infinity')).toBeNull();
  });

  it('names a bad code and coordinates that are not numbers before asking the server', () => {
    expect([...localProblems(fields, true)]).toEqual([]);
    expect(Object.fromEntries(localProblems({ id: 'S 1', lat: '', lon: 'east' }, true))).toEqual({ id: 'badCode', lat: 'notNumber', lon: 'notNumber' });
    expect(localProblems({ id: 'x'.repeat(33), lat: '1', lon: '2' }, true).get('id')).toBe('badCode');
    // An edit keeps its code: only the coordinates are checked.
    expect([...localProblems({ id: '', lat: '1', lon: '2' }, false)]).toEqual([]);
  });

  it('makes the profile a site’s fields describe, and the fields back from it', () => {
    const profile = siteProfileOf(fields);
    expect(profile).toEqual({ name: '实验小学', type: 'school', tier_s: 60, station: '310101001', lat: 31.2301, lon: 121.4737, hours: '07:00-18:00' });
    expect(siteProfileOf(siteFieldsOf('S-0001', profile))).toEqual(profile);
    expect(sameProfile(profile, siteProfileOf(siteFieldsOf('S-0001', profile)))).toBe(true);
    expect(sameProfile(profile, { ...profile, hours: '' })).toBe(false);
  });

  it('makes a post’s profile the same way', () => {
    const post = postProfileOf({ id: 'P-01', name: ' 人民广场驻勤点', kind: 'checkpoint', station: '310101001', lat: '31.1', lon: '121.2' });
    expect(post).toEqual({ name: '人民广场驻勤点', kind: 'checkpoint', station: '310101001', lat: 31.1, lon: 121.2 });
    expect(postProfileOf(postFieldsOf('P-01', post))).toEqual(post);
  });

  it('finds the field a refusal is about', () => {
    const known = ['id', 'name', 'type', 'tier', 'station', 'lat', 'lon', 'hours'];
    expect(fieldOfRefusal('site', known)).toBe('id');
    expect(fieldOfRefusal('post', known)).toBe('id');
    expect(fieldOfRefusal('profile.name', known)).toBe('name');
    expect(fieldOfRefusal('profile.tier_s', known)).toBe('tier');
    expect(fieldOfRefusal('hours', known)).toBe('hours');
    expect(fieldOfRefusal('profile.kind', known)).toBeNull();
    expect(fieldOfRefusal('reason', known)).toBeNull();
    expect(fieldOfRefusal(undefined, known)).toBeNull();
  });

  it('offers the stations of the city only', () => {
    const org: OrgUnit[] = [
      { code: '310101002', name: '乙所', name_en: 'B', level: 'station' },
      { code: '310100', name: '市局', name_en: 'City', level: 'city' },
      { code: '310101001', name: '甲所', name_en: 'A', level: 'station' },
      { code: '310101', name: '分局', name_en: 'District', level: 'district' },
    ];
    expect(stationsOf(org).map((s) => s.code)).toEqual(['310101001', '310101002']);
  });
});
