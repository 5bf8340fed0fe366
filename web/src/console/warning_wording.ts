import type { Warning, WarningEvidence, WarningSubject } from '../api/warnings';
import type { MessageKey } from '../i18n/zh-CN';
import type { Tr } from './dashboard_model';
import { groupName } from './reporting_group';

/**
 * The words of an early-warning directive: what it is about (station, reporting group,
 * day) and its evidence, one line per method: "EARS C2 · 8 on the day · baseline 11-12 to
 * 11-18 (7 days): mean 1.00 ± 0.53 · statistic 13.21 above the threshold 3". Pure functions
 * of the translator, tested by warning_wording.test.ts.
 */

/** Names of codes in the interface language (the console context resolves them). */
export interface WarningNames {
  org(code: string): string;
  type(code: string): string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A figure with two decimals ("0.57"); "—" for anything that is not a number. */
export function decimal(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : '—';
}

/** A count or a threshold: whole numbers as they are ("3"), others with two decimals. */
export function figure(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return Number.isInteger(x) ? String(x) : x.toFixed(2);
}

function dayMs(day: string): number | null {
  const m = DAY.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/** How many days `first` … `last` spans, both counted; null when either is not a day or they run backwards. */
export function daysSpanned(first: string, last: string): number | null {
  const a = dayMs(first);
  const b = dayMs(last);
  if (a === null || b === null || b < a) return null;
  return Math.round((b - a) / DAY_MS) + 1;
}

/** "11-14" when the day is in `year`, the whole "2025-11-14" when not (or not a day). */
export function shortDay(day: string, year: string): string {
  const m = DAY.exec(day);
  return m && m[1] === year ? `${m[2]}-${m[3]}` : day;
}

export function methodName(tr: Tr, method: string): string {
  const known = ['ears_c1', 'ears_c2', 'ears_c3', 'historical_limits'].includes(method);
  return known ? tr(`warnings.method.${method}` as MessageKey) : method;
}

/** What was counted: a reporting group's name, or an incident type's. */
export function subjectName(tr: Tr, names: WarningNames, subject: WarningSubject): string {
  return subject.kind === 'group' ? groupName(tr, subject.code) : names.type(subject.code);
}

/** "兴民派出所 · 两抢一盗": the area and what was counted there. */
export function subjectLine(tr: Tr, names: WarningNames, warning: Warning): string {
  return tr('warnings.subject', { area: names.org(warning.subject.area), subject: subjectName(tr, names, warning.subject) });
}

/** One method's evidence in parts: its name, the count, the baseline, the verdict. */
export interface EvidenceWords {
  method: string;
  count: string;
  baseline: string;
  verdict: string;
}

/**
 * The evidence of one method on `day` (the day counted). EARS compares the day with the
 * days just before it; historical limits compares the 28 days ending on it with the same
 * weeks of earlier years, so its baseline is named that way and its days are not counted.
 */
export function evidenceWords(tr: Tr, evidence: WarningEvidence, day: string): EvidenceWords {
  const seasonal = evidence.method === 'historical_limits';
  const year = day.slice(0, 4);
  const span = daysSpanned(evidence.baseline_first, evidence.baseline_last);
  const baselineParams = {
    first: shortDay(evidence.baseline_first, year),
    last: shortDay(evidence.baseline_last, year),
    mean: decimal(evidence.baseline_mean),
    sd: decimal(evidence.baseline_sd),
  };
  const baseline = seasonal
    ? tr('warnings.evidence.baselineYears', baselineParams)
    : span === null
      ? tr('warnings.evidence.baseline', baselineParams)
      : tr('warnings.evidence.baselineDays', { ...baselineParams, days: span });
  const verdictParams = { statistic: decimal(evidence.statistic), threshold: figure(evidence.threshold) };
  return {
    method: methodName(tr, evidence.method),
    count: tr(seasonal ? 'warnings.evidence.countPeriod' : 'warnings.evidence.countDay', { count: figure(evidence.count) }),
    baseline,
    verdict: tr(evidence.statistic > evidence.threshold ? 'warnings.evidence.above' : 'warnings.evidence.notAbove', verdictParams),
  };
}

/** The evidence of one method as one line, its parts joined by " · ". */
export function evidenceLine(tr: Tr, evidence: WarningEvidence, day: string): string {
  const w = evidenceWords(tr, evidence, day);
  return [w.method, w.count, w.baseline, w.verdict].join(' · ');
}
