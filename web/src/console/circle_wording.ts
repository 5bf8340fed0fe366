import type { CirclesAnswer, KeySite, MoveUp, Post, PostKind, SiteCircle, SiteType } from '../api/circles';
import { POST_KINDS, SITE_TYPES } from '../api/circles';
import type { MessageKey } from '../i18n/zh-CN';
import type { SiteState } from './circle_model';
import { tierMinutes } from './circle_model';
import type { Tr } from './dashboard_model';
import { clockTime, dateTime, eta } from './format';

/**
 * The words of the quick-response circles: a tier ("1分钟圈", "1-minute circle"), a site's
 * type and a post's kind, opening hours, the coverage-gap alarm with its move-up ("快反圈缺口：
 * 实验小学（1分钟圈）— 建议调派 A-02 前往 人民广场驻勤点（约 85 秒，恢复 3 处）"), the facts of a
 * site's card and the layer's summary. Pure functions of the translator, tested by
 * circle_wording.test.ts.
 */

/** Names the console resolves: a station's, and a post's (its code when it is not in service). */
export interface CircleNames {
  org(code: string): string;
  post(id: string): string;
}

/** "1分钟圈" / "1-minute circle". */
export function tierText(tr: Tr, tierS: number): string {
  return tr('circles.tier', { minutes: tierMinutes(tierS) });
}

/** The tier on the map's disc: "1′", "3′", "5′". */
export function tierMark(tierS: number): string {
  return `${tierMinutes(tierS)}′`;
}

export function siteTypeName(tr: Tr, type: SiteType | string): string {
  return (SITE_TYPES as readonly string[]).includes(type) ? tr(`site.type.${type}` as MessageKey) : type;
}

export function postKindName(tr: Tr, kind: PostKind | string): string {
  return (POST_KINDS as readonly string[]).includes(kind) ? tr(`post.kind.${kind}` as MessageKey) : kind;
}

export function stateName(tr: Tr, state: SiteState): string {
  return tr(`circles.state.${state}` as MessageKey);
}

/** Opening hours as the server writes them, spans set apart; "" is around the clock. */
export function hoursText(tr: Tr, hours: string): string {
  const spans = hours
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return spans.length === 0 ? tr('circles.hours.always') : spans.join(', ');
}

/** "恢复 3 处" / "restores 3 sites" ("restores 1 site"). */
export function restoresText(tr: Tr, n: number): string {
  return tr(n === 1 ? 'circles.restores.one' : 'circles.restores.other', { n });
}

function moveUpParams(tr: Tr, names: CircleNames, moveUp: MoveUp): Record<string, string | number> {
  return {
    unit: moveUp.unit,
    post: names.post(moveUp.post),
    seconds: Math.round(moveUp.travel_s),
    restores: restoresText(tr, moveUp.restores),
  };
}

/** "A-02 前往 人民广场驻勤点（约 85 秒，恢复 3 处）", or that no unit can be moved up. */
export function moveUpText(tr: Tr, names: CircleNames, moveUp: MoveUp | undefined): string {
  return moveUp ? tr('circles.moveUp', moveUpParams(tr, names, moveUp)) : tr('circles.moveUp.none');
}

/** The alarm of a site's open gap, with its move-up when the server found one. */
export function gapAlarmText(tr: Tr, names: CircleNames, site: KeySite): string {
  const base = { site: site.profile.name, tier: tierText(tr, site.profile.tier_s) };
  const moveUp = site.gap?.move_up;
  return moveUp ? tr('circles.gap.moveUp', { ...base, ...moveUpParams(tr, names, moveUp) }) : tr('circles.gap.noMoveUp', base);
}

/** The nearest available unit and its time by road ("A-01，约 1′25″"), or that none reaches the site within its promise (the live search goes no farther than the largest promise, so a farther unit is not known). */
export function nearestText(tr: Tr, circle: SiteCircle | undefined): string {
  if (!circle || circle.time_s === null || circle.unit === '') return tr('circles.nearest.none');
  return tr('circles.nearest', { unit: circle.unit, time: eta(circle.time_s) });
}

/** The facts of a site's card, label and value, in reading order; the gap's only while one is open. */
export function siteFacts(tr: Tr, names: CircleNames, site: KeySite, state: SiteState, circle: SiteCircle | undefined): [string, string][] {
  const p = site.profile;
  const facts: [string, string][] = [
    [tr('circles.fact.state'), stateName(tr, state)],
    [tr('circles.fact.type'), siteTypeName(tr, p.type)],
    [tr('circles.fact.tier'), tierText(tr, p.tier_s)],
    [tr('circles.fact.station'), names.org(p.station)],
    [tr('circles.fact.hours'), hoursText(tr, p.hours)],
  ];
  if (state !== 'unknown') facts.push([tr('circles.fact.nearest'), nearestText(tr, circle)]);
  if (site.gap) {
    facts.push([tr('circles.fact.gapSince'), dateTime(site.gap.opened_at)]);
    if (site.gap.left_by !== '') facts.push([tr('circles.fact.leftBy'), site.gap.left_by]);
    facts.push([tr('circles.fact.moveUp'), moveUpText(tr, names, site.gap.move_up)]);
  }
  return facts;
}

export function postFacts(tr: Tr, names: CircleNames, post: Post): [string, string][] {
  return [
    [tr('circles.fact.kind'), postKindName(tr, post.profile.kind)],
    [tr('circles.fact.station'), names.org(post.profile.station)],
  ];
}

/** The layer's summary line: covered of the sites in their hours, gaps, units, when. */
export function circlesSummary(tr: Tr, answer: CirclesAnswer, gaps: number): string {
  return tr('circles.summary', {
    covered: answer.covered,
    inHours: answer.in_hours,
    gaps,
    units: answer.units,
    time: clockTime(answer.refreshed_at),
  });
}
