import { describe, expect, it } from 'vitest';
import type { CirclesAnswer, KeySite, Post, SiteCircle } from '../api/circles';
import { t } from '../i18n/translate';
import type { Tr } from './dashboard_model';
import {
  circlesSummary,
  gapAlarmText,
  hoursText,
  moveUpText,
  nearestText,
  postFacts,
  postKindName,
  restoresText,
  siteFacts,
  siteTypeName,
  stateName,
  tierMark,
  tierText,
  type CircleNames,
} from './circle_wording';

const zh: Tr = (key, params) => t('zh-CN', key, params);
const en: Tr = (key, params) => t('en', key, params);

const names = (locale: 'zh' | 'en'): CircleNames => ({
  org: (code) => (code === '310101001' ? (locale === 'zh' ? '兴民派出所' : 'Xingmin Police Station') : code),
  post: (id) => (id === 'P-01' ? (locale === 'zh' ? '人民广场驻勤点' : "People's Square post") : id),
});

const school = (withGap: 'move' | 'none' | 'no'): KeySite => ({
  id: 'S-0001',
  profile: { name: '实验小学', type: 'school', tier_s: 60, station: '310101001', lat: 31.2, lon: 121.4, hours: '07:00-11:30,13:30-17:00' },
  retired: false,
  gaps_opened: 1,
  ...(withGap === 'no'
    ? {}
    : {
        gap: {
          opened_at: '2026-11-23T00:05:00Z',
          left_by: 'A-01',
          ...(withGap === 'move' ? { move_up: { unit: 'A-02', post: 'P-01', travel_s: 84.6, restores: 3 } } : {}),
        },
      }),
});

const circle: SiteCircle = { site: 'S-0001', tier_s: 60, in_hours: true, time_s: 85, unit: 'A-03', covered: false };

describe('the words of the circles', () => {
  it('names the tiers in both languages, and marks them on the map in minutes', () => {
    expect([60, 180, 300].map((s) => tierText(zh, s))).toEqual(['1分钟圈', '3分钟圈', '5分钟圈']);
    expect(tierText(en, 180)).toBe('3-minute circle');
    expect([60, 180, 300].map(tierMark)).toEqual(['1′', '3′', '5′']);
  });

  it('names the site types and post kinds the centre uses, and keeps an unknown one as it is', () => {
    expect(['school', 'hospital', 'transport_hub', 'market', 'government', 'water_hazard', 'other'].map((k) => siteTypeName(zh, k))).toEqual([
      '学校',
      '医院',
      '交通枢纽',
      '商圈市场',
      '党政机关',
      '危险水域',
      '其他',
    ]);
    expect(siteTypeName(en, 'water_hazard')).toBe('Dangerous water');
    expect(siteTypeName(en, 'stadium')).toBe('stadium');
    expect(['post', 'patrol_area', 'checkpoint'].map((k) => postKindName(zh, k))).toEqual(['驻勤点', '巡区', '卡点']);
    expect(postKindName(en, 'checkpoint')).toBe('Checkpoint');
  });

  it('writes opening hours, around the clock when there are none', () => {
    expect(hoursText(zh, '')).toBe('全天');
    expect(hoursText(en, '')).toBe('Around the clock');
    expect(hoursText(en, '07:00-11:30,13:30-17:00')).toBe('07:00-11:30, 13:30-17:00');
  });

  it('words the gap alarm with its move-up', () => {
    expect(gapAlarmText(zh, names('zh'), school('move'))).toBe('快反圈缺口：实验小学（1分钟圈）— 建议调派 A-02 前往 人民广场驻勤点（约 85 秒，恢复 3 处）');
    expect(gapAlarmText(en, names('en'), school('move'))).toBe(
      "Coverage gap: 实验小学 (1-minute circle) — move up A-02 to People's Square post (about 85 s, restores 3 sites)",
    );
    expect(restoresText(en, 1)).toBe('restores 1 site');
    expect(restoresText(zh, 1)).toBe('恢复 1 处');
  });

  it('says so when no unit can be moved up, and names a post not in service by its code', () => {
    expect(gapAlarmText(zh, names('zh'), school('none'))).toBe('快反圈缺口：实验小学（1分钟圈）— 暂无可调派的警力');
    expect(gapAlarmText(en, names('en'), school('none'))).toBe('Coverage gap: 实验小学 (1-minute circle) — no unit available to move up');
    expect(moveUpText(en, names('en'), { unit: 'B-1', post: 'P-99', travel_s: 200, restores: 2 })).toBe('B-1 to P-99 (about 200 s, restores 2 sites)');
  });

  it('names the nearest unit and its time, or that none reaches the site', () => {
    expect(nearestText(zh, circle)).toBe('A-03，约 1′25″');
    expect(nearestText(en, circle)).toBe('A-03, about 1′25″');
    expect(nearestText(en, { ...circle, time_s: null, unit: '' })).toBe('No available unit within its promised time');
    expect(nearestText(en, undefined)).toBe('No available unit within its promised time');
  });

  it('lists a site’s card facts, the gap’s only while one is open', () => {
    const open = siteFacts(zh, names('zh'), school('move'), 'gap', circle);
    expect(open).toEqual([
      ['状态', '缺口告警'],
      ['类型', '学校'],
      ['承诺时限', '1分钟圈'],
      ['责任单位', '兴民派出所'],
      ['守护时段', '07:00-11:30, 13:30-17:00'],
      ['最近警力', 'A-03，约 1′25″'],
      ['缺口始于', '2026-11-23 08:05'],
      ['离开警力', 'A-01'],
      ['建议调派', 'A-02 前往 人民广场驻勤点（约 85 秒，恢复 3 处）'],
    ]);
    const covered = siteFacts(en, names('en'), school('no'), 'covered', { ...circle, covered: true });
    expect(covered.map(([label]) => label)).toEqual(['State', 'Type', 'Promise', 'Station', 'Hours', 'Nearest unit']);
    expect(covered[0]).toEqual(['State', 'Covered']);
    expect(siteFacts(en, names('en'), school('no'), 'unknown', undefined).map(([label]) => label)).not.toContain('Nearest unit');
    const post: Post = { id: 'P-01', profile: { name: '人民广场驻勤点', kind: 'patrol_area', station: '310101001', lat: 0, lon: 0 }, retired: false };
    expect(postFacts(en, names('en'), post)).toEqual([
      ['Kind', 'Patrol area'],
      ['Station', 'Xingmin Police Station'],
    ]);
  });

  it('names every state and sums the circles up', () => {
    expect(stateName(zh, 'out_of_hours')).toBe('非守护时段');
    expect(stateName(en, 'uncovered')).toBe('Not covered');
    const answer: CirclesAnswer = { refreshed_at: '2026-11-23T06:05:09Z', units: 4, in_hours: 5, covered: 3, refresh_ms: 2.5, sites: [] };
    expect(circlesSummary(zh, answer, 1)).toBe('3/5 处守护中的重点部位在圈内 · 缺口 1 处 · 空闲警力 4 支（14:05:09 更新）');
    expect(circlesSummary(en, answer, 1)).toBe('Guarded key sites covered: 3 of 5 · gaps: 1 · units available: 4 (as of 14:05:09)');
  });
});
