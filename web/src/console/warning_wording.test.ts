import { describe, expect, it } from 'vitest';
import type { Warning, WarningEvidence } from '../api/warnings';
import { t } from '../i18n/translate';
import type { Tr } from './dashboard_model';
import { daysSpanned, decimal, evidenceLine, evidenceWords, figure, methodName, shortDay, subjectLine, type WarningNames } from './warning_wording';

const zh: Tr = (key, params) => t('zh-CN', key, params);
const en: Tr = (key, params) => t('en', key, params);

const names = (locale: 'zh' | 'en'): WarningNames => ({
  org: (code) => (code === '996301001' ? (locale === 'zh' ? '兴民派出所' : 'Xingmin Police Station') : code),
  type: (code) => (code === '0103' ? (locale === 'zh' ? '抢劫' : 'Robbery') : code),
});

const C2: WarningEvidence = {
  method: 'ears_c2',
  count: 8,
  baseline_mean: 0.571,
  baseline_sd: 0.787,
  baseline_first: '2026-11-13',
  baseline_last: '2026-11-19',
  statistic: 9.439,
  threshold: 3,
};

const LIMITS: WarningEvidence = {
  method: 'historical_limits',
  count: 45,
  baseline_mean: 20.5,
  baseline_sd: 6.25,
  baseline_first: '2024-09-28',
  baseline_last: '2025-12-21',
  statistic: 3.92,
  threshold: 2,
};

const directive = (kind: Warning['subject']['kind'], code: string): Warning => ({
  id: '996300-20261123-W000001',
  subject: { day: '2026-11-22', level: 'station', area: '996301001', kind, code },
  evidence: [C2],
  status: 'raised',
  raised_at: '2026-11-23T16:00:01Z',
  raised_by: 'system',
  acknowledged_by: '',
  response: '',
});

describe('figures', () => {
  it('writes means, deviations and statistics with two decimals, counts and thresholds as they are', () => {
    expect(decimal(0.571)).toBe('0.57');
    expect(decimal(Number.NaN)).toBe('—');
    expect(figure(8)).toBe('8');
    expect(figure(2.5)).toBe('2.50');
    expect(figure(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('counts the baseline days, both ends included', () => {
    expect(daysSpanned('2026-11-13', '2026-11-19')).toBe(7);
    expect(daysSpanned('2026-02-27', '2026-03-02')).toBe(4);
    expect(daysSpanned('2026-11-19', '2026-11-13')).toBeNull();
    expect(daysSpanned('', '2026-11-13')).toBeNull();
  });

  it('leaves the year out of a day in the year counted', () => {
    expect(shortDay('2026-11-13', '2026')).toBe('11-13');
    expect(shortDay('2025-11-13', '2026')).toBe('2025-11-13');
  });
});

describe('the words of a directive', () => {
  it('names the station and the reporting group or type', () => {
    expect(subjectLine(zh, names('zh'), directive('group', 'robbery_snatching_theft'))).toBe('兴民派出所 · 两抢一盗');
    expect(subjectLine(en, names('en'), directive('group', 'robbery_snatching_theft'))).toBe('Xingmin Police Station · Robbery, snatching, theft');
    expect(subjectLine(en, names('en'), directive('type_level2', '0103'))).toBe('Xingmin Police Station · Robbery');
    expect(subjectLine(en, names('en'), directive('group', 'no_such_group'))).toBe('Xingmin Police Station · no_such_group');
  });

  it('names the methods', () => {
    expect(methodName(zh, 'ears_c3')).toBe('EARS C3');
    expect(methodName(zh, 'historical_limits')).toBe('历史限值法');
    expect(methodName(en, 'historical_limits')).toBe('Historical limits');
    expect(methodName(en, 'cusum')).toBe('cusum');
  });

  it('says an EARS method’s count against the days before, and its statistic against the threshold', () => {
    expect(evidenceWords(zh, C2, '2026-11-22')).toEqual({
      method: 'EARS C2',
      count: '当日 8 起',
      baseline: '基线 11-13 至 11-19（7 天）均值 0.57 ± 0.79',
      verdict: '统计量 9.44 超过阈值 3',
    });
    expect(evidenceLine(en, C2, '2026-11-22')).toBe(
      'EARS C2 · 8 on the day · baseline 11-13 to 11-19 (7 days): mean 0.57 ± 0.79 · statistic 9.44 above the threshold 3',
    );
  });

  it('says historical limits against the same weeks of earlier years', () => {
    expect(evidenceLine(zh, LIMITS, '2026-11-22')).toBe(
      '历史限值法 · 截至当日 28 天 45 起 · 往年同期基线（2024-09-28 至 2025-12-21）均值 20.50 ± 6.25 · 统计量 3.92 超过阈值 2',
    );
    expect(evidenceWords(en, LIMITS, '2026-11-22').count).toBe('45 in the 28 days to the day');
  });

  it('does not claim an alarm the figures do not show', () => {
    expect(evidenceWords(en, { ...C2, statistic: 2.5 }, '2026-11-22').verdict).toBe('statistic 2.50, threshold 3');
    expect(evidenceWords(en, { ...C2, baseline_first: 'x' }, '2026-11-22').baseline).toBe('baseline x to 11-19: mean 0.57 ± 0.79');
  });
});
